"""Speaker attribution on the real seeds: who says each span, and the words that say so."""

import pytest

from index.catalog import apply_catalog, load_catalog
from index.metadata import extract_metadata
from index.speakers import attribute, speaker_at
from tests.conftest import SEEDS, seed_text


def _speakers(doc_id: str):
    text = seed_text(doc_id)
    meta = extract_metadata(text)
    entries = load_catalog(SEEDS / "catalog.toml").get(doc_id)
    if entries:
        apply_catalog(meta, entries)
    return text, attribute(text, meta)


@pytest.mark.parametrize("doc_id, quote, role, name, parties", [
    pytest.param("003_edd3e648c7099bc0", "Kommunstyrelsen ska ta fram en samlad strategi", "reservation", None, ("S", "V"),
                 id="reservation"),
    pytest.param("003_edd3e648c7099bc0", "Aktivera stadens krisledningsnämnd", "statement", "Clara Lindblom", ("V",),
                 id="särskilt-uttalande"),
    pytest.param("003_edd3e648c7099bc0", "Feministiskt initiativ har sedan länge", "substitute", "Lisa Palm", ("Fi",),
                 id="ersättaryttrande"),
    pytest.param("003_edd3e648c7099bc0", "Trygghetsarbetet i Stockholms stad är en högt prioriterad", "rapporteur",
                 "Anna König Jerlmyr och Jan Jönsson", (), id="föredragande"),
    pytest.param("003_edd3e648c7099bc0", "En viktig grund för stadens trygghetsskapande", "administration",
                 "Stadsledningskontoret", (), id="tjänsteutlåtande-i-pm"),
    pytest.param("004_ee0c540bedc59e3d", "Fältassistenternas uppsökande arbete fortsätter", "administration",
                 "Förvaltningen", (), id="förvaltningens-svar"),
    pytest.param("002_28fb4ee68b4bc7f1", "– Det ligger närmare vår budget än deras budget", "quoted",
                 "Alexander Ojanne", ("S",), id="citat-säger"),
    pytest.param("002_28fb4ee68b4bc7f1", "Moderaterna vill att hembesöksprogrammen", "party", None, ("M",),
                 id="partiet-vill"),
    pytest.param("000_ed6c3b31f6cd4d64", "Byggt ut de skolsociala teamen", "author", "Jan Jönsson", ("L",),
                 id="interpellant"),
])
def test_span_is_attributed_to_its_speaker(doc_id: str, quote: str, role: str, name: str | None,
                                            parties: tuple[str, ...]) -> None:
    text, speakers = _speakers(doc_id)
    start = text.index(quote)
    speaker = speaker_at(speakers, start, start + len(quote))
    assert speaker is not None
    assert (speaker.role, speaker.name, speaker.parties) == (role, name, parties)
    if role in ("statement", "substitute", "quoted", "author", "rapporteur"):
        assert name.split()[-1] in text[speaker.evidence_start:speaker.evidence_end]


def test_sections_cover_the_whole_document_without_overlap() -> None:
    text, speakers = _speakers("003_edd3e648c7099bc0")
    sections = [s for s in speakers if s.role not in ("quoted", "party")]
    assert sections[0].start == 0 and sections[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(sections, sections[1:]))
