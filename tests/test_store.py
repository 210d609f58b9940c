from pathlib import Path

import numpy as np
import pytest

from index import Index, IndexMismatchError
from tests.fakes import BagOfStemsEmbedding


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _state(index: Index) -> tuple[list[str], int, int, int]:
    return index.records.doc_ids(), index.records.chunk_count(), index.vectors.count(), len(index.sparse)


def test_reindexing_the_same_input_changes_nothing(fake_index: Index, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    _write(docs, "a.txt", "Trefas startades 2020 i Järva.\n\nPolisen och staden samverkar.")
    _write(docs, "b.txt", "Sluta skjut infördes i Malmö.")
    first = fake_index.add([docs])
    assert sorted(first.added) == ["a", "b"]
    before = _state(fake_index)
    second = fake_index.add([docs])
    assert second.added == [] and second.updated == [] and sorted(second.unchanged) == ["a", "b"]
    assert _state(fake_index) == before
    assert before[1] == before[2] == before[3]  # one vector and one BM25 row per chunk


def test_a_changed_document_replaces_its_chunks(fake_index: Index, tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", "Gammal text om skolor.\n\n" + "Mer text om skolor. " * 80)
    fake_index.add([path])
    old_chunks = fake_index.records.chunk_count()
    path.write_text("Ny text om simhallar.", encoding="utf-8")
    report = fake_index.add([path])
    assert report.updated == ["a"]
    assert fake_index.records.chunk_count() == fake_index.vectors.count() == 1 < old_chunks
    hits = fake_index.sparse_search("simhallar", 5)
    assert [h[0] for h in hits] == ["a#0"]
    assert fake_index.sparse_search("skolor", 5) == []


def test_an_interrupted_document_is_finished_by_the_next_run(fake_index: Index, tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", "Trygghetsvandringar i Fruängen.")
    fake_index.add([path])
    # What a crash between storing the text and its vectors leaves behind:
    fake_index.vectors.delete_document("a")
    fake_index.records._db.execute("UPDATE documents SET state = 'pending'")
    fake_index.records._db.commit()
    report = fake_index.add([path])
    assert report.updated == ["a"]
    assert fake_index.vectors.count() == fake_index.records.chunk_count() == 1
    assert fake_index.records.pending() == []


def test_delete_removes_text_vectors_and_bm25(fake_index: Index, tmp_path: Path) -> None:
    fake_index.add([_write(tmp_path, "a.txt", "Nattvandring i Älvsjö."), _write(tmp_path, "b.txt", "Fältassistenter i Solberga.")])
    assert fake_index.delete("a")
    assert _state(fake_index) == (["b"], 1, 1, 1)
    assert not fake_index.delete("a")


def test_opening_with_another_embedding_model_fails_with_how_to_reindex(tmp_path: Path) -> None:
    Index(tmp_path / "data", BagOfStemsEmbedding())

    class OtherEmbedding(BagOfStemsEmbedding):
        model_name: str = "test/other-model"

    with pytest.raises(IndexMismatchError, match="test/other-model") as error:
        Index(tmp_path / "data", OtherEmbedding())
    assert "assistant index" in str(error.value)
    with pytest.raises(IndexMismatchError, match="max_words"):
        Index(tmp_path / "data", BagOfStemsEmbedding(), max_words=100)


def test_dense_and_sparse_search_rank_the_matching_chunk_first(fake_index: Index, tmp_path: Path) -> None:
    fake_index.add([
        _write(tmp_path, "a.txt", "Hembesöksprogrammet byggs ut till fler föräldrar."),
        _write(tmp_path, "b.txt", "Ordningsvakter patrullerar i Liljeholmen."),
    ])
    assert fake_index.dense_search("hembesöksprogrammet för föräldrar", 2)[0][0] == "a#0"
    assert fake_index.sparse_search("ordningsvakter", 2)[0][0] == "b#0"
    assert fake_index.sparse_search("ordningsvakter", 2, doc_ids={"a"}) == []


def test_no_chroma_server_is_a_clear_error(tmp_path: Path) -> None:
    from index import IndexStoreError

    with pytest.raises(IndexStoreError, match="chroma run --path DIR --port N"):
        Index(tmp_path / "data", BagOfStemsEmbedding(), chroma_url="http://127.0.0.1:9")


def test_a_reader_sees_what_another_writer_added_and_changed(tmp_path: Path) -> None:
    """Two Index objects on one data dir, as the app and the CLI are: the reader's next
    search and document list see the writer's new and changed documents."""
    data = tmp_path / "data"
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Nattvandring i Farsta varje fredag.", encoding="utf-8")
    writer = Index(data, BagOfStemsEmbedding())
    writer.add([docs])
    reader = Index(data, BagOfStemsEmbedding())
    assert [d.doc_id for d in reader.documents()] == ["a"]
    assert reader.document("a").text.startswith("Nattvandring")

    (docs / "a.txt").write_text("Trygghetsvandring i Skarpnäck varje lördag.", encoding="utf-8")
    (docs / "b.txt").write_text("Fältassistenter i Älvsjö under sommarlovet.", encoding="utf-8")
    writer.add([docs])
    assert [d.doc_id for d in reader.documents()] == ["a", "b"]
    assert reader.document("a").text.startswith("Trygghetsvandring")  # not the cached old text
    assert [c.split("#")[0] for c, _ in reader.sparse_search("fältassistenter Älvsjö", 3)][:1] == ["b"]
    assert [c.split("#")[0] for c, _ in reader.dense_search("fältassistenter Älvsjö sommarlovet", 3)][:1] == ["b"]


def test_files_with_one_stem_never_overwrite_each_other_and_keep_their_ids(tmp_path: Path) -> None:
    root = tmp_path / "docs"
    _write(root / "a", "rapport.txt", "Nattvandring i Farsta.")
    _write(root / "b", "rapport.txt", "Ordningsvakter i Liljeholmen.")
    _write(root / "b", "rapport.md", "Trygghetsvandring i Fruängen.")
    index = Index(tmp_path / "data", BagOfStemsEmbedding())
    report = index.add([root])
    ids = sorted(d.doc_id for d in index.documents())
    assert ids == ["b/rapport.md", "b/rapport.txt", "rapport"]  # the first found keeps the stem
    assert index.document("rapport").source.endswith("a/rapport.txt")
    assert len(report.added) == 3 and len({index.document(i).text for i in ids}) == 3
    assert sum(not p.skipped and "is taken by" in p.message for p in report.problems) == 2
    again = index.add([root])
    assert sorted(again.unchanged) == ids and not again.added and not again.updated  # stable, not re-embedded


def test_a_data_dir_that_cannot_be_written_is_a_clear_error(tmp_path: Path) -> None:
    from index import IndexStoreError

    blocker = tmp_path / "fil.txt"
    blocker.write_text("inte en mapp", encoding="utf-8")
    with pytest.raises(IndexStoreError, match="Choose a folder you can write to"):
        Index(blocker / "data", BagOfStemsEmbedding())


class CountingEmbedding(BagOfStemsEmbedding):
    """The bag-of-stems fake that counts the texts it embeds as passages."""

    embedded: int = 0

    def _get_text_embedding(self, text: str) -> list[float]:
        self.embedded += 1
        return self.vector(text)


def test_sentence_vectors_are_stored_at_index_time_and_used_when_answering(tmp_path: Path) -> None:
    from assistant import Assistant, Settings
    from assistant.answering import ExtractiveAnswerer
    from index.text import split_sentences
    from tests.conftest import SEEDS
    from tests.fakes import BAG_OF_STEMS_SETTINGS

    model = CountingEmbedding()
    index = Index(tmp_path / "data", model)
    index.add([SEEDS])
    pm = index.document("003_edd3e648c7099bc0")
    stored = index.stored_sentence_vectors(pm.doc_id)
    spans = {span for chunk in index.records.chunks(pm.doc_id)
             for span in split_sentences(pm.text, chunk.start, chunk.end)}
    assert set(stored) == spans
    start, end = sorted(spans)[5]
    expected = np.asarray(BagOfStemsEmbedding.vector(pm.text[start:end]), dtype=np.float32)
    assert np.allclose(stored[(start, end)], expected, atol=2e-3)  # kept as float16

    assistant = Assistant(index, Settings(data_dir=tmp_path / "data"),
                          answerer=ExtractiveAnswerer(index, BAG_OF_STEMS_SETTINGS))
    before = model.embedded
    answer = assistant.ask("Vem är handläggare för tjänsteutlåtandet om trygghetsskapande åtgärder?")
    assert answer.answerable and answer.citations[0].doc_id == "004_ee0c540bedc59e3d"
    assert model.embedded == before  # no sentence was embedded to answer

    # A changed document gets new sentence vectors; a deleted one keeps none.
    index.delete(pm.doc_id)
    assert index.stored_sentence_vectors(pm.doc_id) == {}


def test_filter_columns_answer_filters_and_are_backfilled_for_older_indexes(tmp_path: Path) -> None:
    import sqlite3

    from index.records import RecordStore
    from tests.conftest import DISTRICT, PM, SEEDS

    index = Index(tmp_path / "data", BagOfStemsEmbedding())
    index.add([SEEDS])
    expected = index.records.filtered(set(), "2021-01-01", "2021-12-31", set(), set())
    assert expected == ({PM}, None)
    documents, chunks = index.records.filtered({"Tjänsteutlåtande"}, None, None, set(), set())
    assert documents == {DISTRICT} and chunks is None
    speaking, chunks = index.records.filtered(set(), None, None, set(), {"v"})
    assert speaking == {PM} and chunks and all(c.startswith(PM) for c in chunks)
    # An index written before the filter columns: they are filled when it is opened.
    with sqlite3.connect(tmp_path / "data" / "records.sqlite3") as db:
        db.execute("DELETE FROM facets")
        db.execute("DELETE FROM party_spans")
    reopened = RecordStore(tmp_path / "data" / "records.sqlite3")
    assert reopened.filtered(set(), None, None, set(), {"v"}) == (speaking, chunks)
    assert reopened.filtered(set(), "2021-01-01", "2021-12-31", set(), set()) == expected
