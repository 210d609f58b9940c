import pytest

from index.catalog import apply_catalog, load_catalog
from index.errors import CatalogError
from index.metadata import extract_metadata, parse_author_field
from index.parties import canonical_party, find_parties


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param("Jan Jönsson (L) skriver", ["L"], id="one-abbreviation"),
        pytest.param("skrivelse från (M), (L), (C) och (SD)", ["M", "L", "C", "SD"], id="list"),
        pytest.param("Karin Wanngård, Emilia Bjuggren (alla S)", ["S"], id="alla-S"),
        pytest.param("av Sten Andersson (m) till", ["M"], id="riksdag-lower-case"),
        pytest.param("av Bengt Westerberg (fp) till", ["L"], id="old-fp-is-L"),
        pytest.param("Lisa Palm (Fi) och Rashid Mohammed (V)", ["Fi", "V"], id="fi-and-v"),
        pytest.param("Moderaterna och Socialdemokraternas förslag", ["M", "S"], id="names-inflected"),
        pytest.param("M:s förslag", ["M"], id="possessive"),
        pytest.param("Skolsociala team (SST) och (SIG)", [], id="not-parties"),
    ],
)
def test_find_parties(text: str, parties: list[str]) -> None:
    mentions = find_parties(text)
    assert [m.party for m in mentions] == parties
    for mention in mentions:
        assert text[mention.start:mention.end]


@pytest.mark.parametrize(
    ("text", "field", "value", "quote"),
    [
        pytest.param("\n\nInterpellation från Jan Jönsson (L) till Alexander Ojanne (S) om Trefas\n\nText här.",
                     "authors", ["Jan Jönsson"], "Interpellation från Jan Jönsson (L)", id="interpellant"),
        pytest.param("\n\nInterpellation från Jan Jönsson (L) till Alexander Ojanne (S) om Trefas\n\nText.",
                     "parties", ["L"], "Interpellation från Jan Jönsson (L)", id="interpellant-party"),
        pytest.param("\n\nInterpellation från Jan Jönsson (L) till Alexander Ojanne (S) om Trefas\n\nText.",
                     "kind", "interpellation", "Interpellation", id="kind-interpellation"),
        pytest.param("1994/95:1 av Per Gahrton (mp) till statsministern om EU\n\nInkom den 3 oktober 1994",
                     "authors", ["Per Gahrton"], "1994/95:1 av Per Gahrton (mp)", id="riksdag-author"),
        pytest.param("1994/95:1 av Per Gahrton (mp) till statsministern om EU\n\nInkom den 3 oktober 1994",
                     "parties", ["MP"], "1994/95:1 av Per Gahrton (mp)", id="riksdag-party"),
        pytest.param("Handläggare\nClas Cederlid\nTelefon: 08-1\n\nTill\nNämnden\n2024-09-26\n\nRubrik om trygghet här\n",
                     "authors", ["Clas Cederlid"], "Handläggare\nClas Cederlid", id="handläggare"),
        pytest.param("Handläggare\nClas Cederlid\nTelefon: 08-1\n\nTill\nNämnden\n2024-09-26\n\nRubrik om trygghet här\n",
                     "date", "2024-09-26", "2024-09-26", id="iso-date"),
        pytest.param("Handläggare\nClas Cederlid\nTelefon: 08-1\n\nTill\nNämnden\n2024-09-26\n\nRubrik om trygghet här\n",
                     "title", "Rubrik om trygghet här", "Rubrik om trygghet här", id="title-skips-labels"),
        pytest.param("PM Rotel I (Dnr KS 2020/1050)\n\nVikten av att kraftsamla\n\nText.\n\nStockholm den 24 mars 2021\n\nANNA KÖNIG JERLMYR OCH JAN JÖNSSON\n",
                     "date", "2021-03-24", "den 24 mars 2021", id="swedish-month-date"),
        pytest.param("PM Rotel I (Dnr KS 2020/1050)\n\nVikten av att kraftsamla\n\nText.\n\nStockholm den 24 mars 2021\n\nANNA KÖNIG JERLMYR OCH JAN JÖNSSON\n",
                     "authors", ["Anna König Jerlmyr", "Jan Jönsson"], "ANNA KÖNIG JERLMYR OCH JAN JÖNSSON", id="upper-case-signature"),
        pytest.param("PM Rotel I (Dnr KS 2020/1050)\n\nVikten av att kraftsamla\n\nText.", "kind", "promemoria", "PM", id="kind-pm"),
    ],
)
def test_extract_metadata_with_evidence(text: str, field: str, value: object, quote: str) -> None:
    found = getattr(extract_metadata(text), field)
    assert found is not None and found.value == value
    evidence = found.evidence
    assert evidence.quote == quote
    assert text[evidence.start:evidence.end] == quote


def test_structured_author_field_is_used_when_the_text_names_nobody() -> None:
    meta = extract_metadata("Ingen rubrik här.", fields={"author": "Bengt Westerberg (fp)", "date_sent": "1995-01-10"})
    assert meta.value("authors") == ["Bengt Westerberg"]
    assert meta.value("parties") == ["L"]
    assert meta.value("date") == "1995-01-10"
    assert meta.authors.evidence.curated


def test_parse_author_field_and_canonical_party() -> None:
    assert parse_author_field("Per Gahrton (mp)") == (["Per Gahrton"], ["MP"])
    assert canonical_party("Folkpartiet") == "L"
    assert canonical_party("kds") == "KD"


def test_catalog_overrides_with_reason(tmp_path) -> None:
    catalog = tmp_path / "catalog.toml"
    catalog.write_text('[documents.doc1.parties]\nvalue = ["S"]\nreason = "Skälet."\n', encoding="utf-8")
    meta = apply_catalog(extract_metadata("Text utan parti."), load_catalog(catalog)["doc1"])
    assert meta.value("parties") == ["S"]
    assert meta.parties.evidence.curated == "Skälet."


def test_catalog_without_reason_is_refused(tmp_path) -> None:
    catalog = tmp_path / "catalog.toml"
    catalog.write_text('[documents.doc1.parties]\nvalue = ["S"]\n', encoding="utf-8")
    with pytest.raises(CatalogError, match="reason"):
        load_catalog(catalog)


MUNICIPAL_HEADER = """Stockholms stad
Sammanträdesprotokoll
Kommunstyrelsen
Dnr: 1.5.1-123/2024

Justerare Anna Svensson
"""


def test_municipal_header_fields_with_their_evidence() -> None:
    from index.metadata import extract_metadata

    meta = extract_metadata(MUNICIPAL_HEADER)
    assert meta.value("kind") == "protokoll"
    assert meta.value("dnr") == "1.5.1-123/2024"
    assert meta.value("committee") == "Kommunstyrelsen"
    for name in ("dnr", "committee"):
        found = getattr(meta, name).evidence
        assert MUNICIPAL_HEADER[found.start:found.end] == found.quote


def test_seed_tjanstutlatande_has_committee_handler_and_the_memo_its_dnr() -> None:
    from index.metadata import extract_metadata
    from tests.conftest import DISTRICT, PM, seed_text

    district = extract_metadata(seed_text(DISTRICT))
    assert district.value("committee") == "Hägersten-Älvsjö stadsdelsnämnd"
    assert district.value("handler") == "Clas Cederlid"
    memo = extract_metadata(seed_text(PM))
    assert memo.value("dnr") == "KS 2020/1050"
    assert "Dnr KS 2020/1050" in memo.dnr.evidence.quote
    # A document without such a header gets none (no guessing).
    assert extract_metadata("Ett kort brev om parker och lekplatser i staden.").dnr is None
