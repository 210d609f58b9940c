import pytest

from assistant.retrieval import HybridRetriever, rrf, weighted
from index import Index


def test_rrf_rewards_items_ranked_well_by_both_lists() -> None:
    fused = rrf([["a", "b", "c"], ["b", "c", "a"]], k=60)
    assert max(fused, key=fused.get) == "b"
    assert fused["b"] == pytest.approx(1 / 62 + 1 / 61)
    assert fused["a"] == pytest.approx(1 / 61 + 1 / 63)


def test_weighted_normalises_each_list_and_counts_missing_as_zero() -> None:
    fused = weighted([{"a": 0.9, "b": 0.7}, {"b": 12.0, "c": 2.0}], [0.5, 0.5])
    assert fused == pytest.approx({"a": 0.5, "b": 0.5, "c": 0.0})


@pytest.mark.parametrize("fusion", ["rrf", "weighted"])
def test_hybrid_retriever_finds_by_words_and_filters_documents(fake_index: Index, tmp_path, fusion: str) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("Trygghetskontor vid Stureplan föreslås.", encoding="utf-8")
    (tmp_path / "docs" / "b.txt").write_text("Fältassistenter arbetar i Solberga.", encoding="utf-8")
    fake_index.add([tmp_path / "docs"])
    retriever = HybridRetriever(fake_index, fusion=fusion)
    assert [c.chunk.doc_id for c in retriever.retrieve("trygghetskontor Stureplan", 2)][0] == "a"
    assert {c.chunk.doc_id for c in retriever.retrieve("trygghetskontor Stureplan", 2, doc_ids={"b"})} == {"b"}


def test_unknown_fusion_is_refused(fake_index: Index) -> None:
    with pytest.raises(ValueError, match="unknown fusion"):
        HybridRetriever(fake_index, fusion="max")


def test_sparse_vocabulary_gives_the_compounds_of_a_word() -> None:
    from index.sparse import SparseIndex

    sparse = SparseIndex.build(["a", "b", "c"], ["En avhopparlinje öppnas.", "Avhopparverksamheten och avhopparlinjen.",
                                                 "Trygghetskontoret och kontorslokalen ska säkerställa det."])
    assert sparse.compounds("avhopp") == ["avhopparlinj", "avhopparverksam"]
    assert sparse.compounds("avhopp", limit=1) == ["avhopparlinj"]
    assert sparse.compounds("kontor") == ["kontorslokal", "trygghetskontor"]  # the head from six letters on
    assert sparse.compounds("ställ") == []  # not "säkerställ"
