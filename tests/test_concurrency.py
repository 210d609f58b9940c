"""Many readers and a writer at once: questions asked while documents are added, changed
and deleted all get answers whose citations are exact, and nothing raises."""

import threading
from pathlib import Path

from assistant import Assistant, Settings
from assistant.answering import ExtractiveAnswerer
from index import Index
from tests.fakes import BAG_OF_STEMS_SETTINGS, BagOfStemsEmbedding

PLACES = ["Farsta", "Skarpnäck", "Älvsjö", "Fruängen", "Solberga", "Västertorp"]


def test_questions_during_uploads_and_deletes(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for i, place in enumerate(PLACES):
        (docs / f"rapport-{i}.txt").write_text(
            f"Rapport om {place}\n\nNattvandringen i {place} kostar {i + 1} mnkr per år enligt förvaltningen.\n",
            encoding="utf-8")
    index = Index(tmp_path / "data", BagOfStemsEmbedding())
    assistant = Assistant(index, Settings(data_dir=tmp_path / "data"),
                          answerer=ExtractiveAnswerer(index, BAG_OF_STEMS_SETTINGS))
    assistant.index([docs])
    errors: list[BaseException] = []
    answers = []
    stop = threading.Event()

    def ask() -> None:
        while not stop.is_set():
            try:
                for place in PLACES:
                    answer = assistant.ask(f"Hur mycket kostar nattvandringen i {place}?")
                    quotes = [(c.doc_id, c.start, c.end, c.quote) for c in answer.citations]
                    answers.append(quotes)
            except BaseException as error:  # noqa: BLE001 - any failure in a reader fails the test
                errors.append(error)
                return

    def answered_at_least(n: int) -> None:
        for _ in range(600):
            if len(answers) >= n or errors:
                return
            stop.wait(0.1)

    readers = [threading.Thread(target=ask) for _ in range(4)]
    for reader in readers:
        reader.start()
    answered_at_least(4)  # the readers are busy before the writer starts
    extra = tmp_path / "extra"
    extra.mkdir()
    for round_ in range(4):
        (extra / "ny.txt").write_text(f"Ny rapport {round_}\n\nTrygghetsvandring i Farsta, omgång {round_}.\n",
                                      encoding="utf-8")
        assistant.index([extra])
        assistant.delete("rapport-5")
        assistant.index([docs])
        answered_at_least(len(answers) + 2)  # and questions are answered between the writes
    stop.set()
    for reader in readers:
        reader.join(timeout=120)
    assert errors == []
    assert len(answers) >= 4
    for quotes in answers:
        for doc_id, start, end, quote in quotes:
            document = index.document(doc_id)
            if document is not None and doc_id.startswith("rapport-"):
                assert document.text[start:end] == quote  # these texts never change
