import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from index.chunking import chunk_document
from index.text import split_sentences, tokenize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Det här är en mening. Här är nästa.", ["Det här är en mening.", "Här är nästa."], id="two-sentences"),
        pytest.param("Skrivelse av Jan Valeskog m.fl. (S) kom in. Sedan hände inget.",
                     ["Skrivelse av Jan Valeskog m.fl. (S) kom in.", "Sedan hände inget."], id="abbreviation-mfl"),
        pytest.param("Det gäller bl.a. Järva. Även Älvsjö berörs.", ["Det gäller bl.a. Järva.", "Även Älvsjö berörs."], id="abbreviation-bla-åäö"),
        pytest.param("- Första punkten\n- Andra punkten", ["Första punkten", "Andra punkten"], id="bullets"),
        pytest.param("Kostnaden är hög. (+7 mnkr)", ["Kostnaden är hög. (+7 mnkr)"], id="amount-stays-with-sentence"),
        pytest.param("En huvudsaklig anledning till\n\ndet är att strukturerna skiljer sig.",
                     ["En huvudsaklig anledning till\n\ndet är att strukturerna skiljer sig."], id="page-break-mid-sentence"),
        pytest.param("M:s förslag ●Bygg ut programmet. ●Stärk samverkan.",
                     ["M:s förslag", "Bygg ut programmet.", "Stärk samverkan."], id="inline-bullets"),
        pytest.param("Rubrik\r\nEn mening här.\r\n", ["Rubrik", "En mening här."], id="crlf"),
        pytest.param("Ordet för\u00adslag har mjukt bindestreck. Klart.", ["Ordet för\u00adslag har mjukt bindestreck.", "Klart."], id="soft-hyphen"),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == expected


def test_tokenize_stems_swedish_and_drops_stop_words() -> None:
    assert tokenize("Skjutningarna och skjutningar i Stockholm") == ["skjutning", "skjutning", "stockholm"]
    assert tokenize("för\u00adslag") == tokenize("förslag")


_alphabet = st.sampled_from(list("abcåäöÅÄÖ XYZ.,!?-•\n") + ["\r\n", "\u00ad", "\n\n", "- ", "1. ", " (S) "])
_texts = st.lists(_alphabet, min_size=0, max_size=400).map("".join)


@settings(max_examples=200, deadline=None)
@given(_texts)
@example("- \na")  # a list marker alone on its line, the item wrapped onto the next
def test_sentence_spans_are_exact_ordered_and_trimmed(text: str) -> None:
    previous_end = 0
    for start, end in split_sentences(text):
        assert 0 <= previous_end <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip() and piece
        previous_end = end


@settings(max_examples=200, deadline=None)
@given(_texts, st.integers(min_value=5, max_value=40))
@example("a a.a (S) 1. 1. a", 5)  # a list number between two pieces of a long block
def test_chunks_are_exact_ordered_slices_covering_every_word(text: str, max_words: int) -> None:
    chunks = chunk_document(text, "doc", min_words=max_words // 3, max_words=max_words)
    previous_end = 0
    covered = [False] * len(text)
    for position, chunk in enumerate(chunks):
        assert chunk.position == position and chunk.chunk_id == f"doc#{position}"
        assert previous_end <= chunk.start < chunk.end <= len(text)
        covered[chunk.start:chunk.end] = [True] * (chunk.end - chunk.start)
        previous_end = chunk.end
    # Every word of the text is inside some chunk: nothing alphanumeric lies outside the spans.
    assert not any(ch.isalnum() for ch, inside in zip(text, covered, strict=True) if not inside)
