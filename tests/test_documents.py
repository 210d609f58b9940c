import gzip
import json
from pathlib import Path

from index.documents import LoadProblem, load_documents


def _load(paths: list[Path]) -> tuple[list, list[LoadProblem]]:
    problems: list[LoadProblem] = []
    return list(load_documents(paths, problems.append)), problems


def test_text_file_is_read_exactly_as_open_reads_it(tmp_path: Path) -> None:
    path = tmp_path / "möte.txt"
    path.write_bytes("Rad ett\r\nRad två med för\u00adslag\r\n".encode())
    documents, problems = _load([path])
    assert problems == []
    assert documents[0].doc_id == "möte"
    with open(path, encoding="utf-8") as handle:
        assert documents[0].text == handle.read() == "Rad ett\nRad två med för\u00adslag\n"


def test_bad_files_are_skipped_with_a_message_naming_them(tmp_path: Path) -> None:
    (tmp_path / "ok.md").write_text("# Rubrik\n\nEn text om trygghet.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (tmp_path / "latin.txt").write_bytes("Förslag från Södermalm".encode("cp1252"))
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    documents, problems = _load([tmp_path, tmp_path / "image.png", tmp_path / "missing.txt"])
    assert sorted(d.doc_id for d in documents) == ["latin", "ok"]
    assert [d.text for d in documents if d.doc_id == "latin"] == ["Förslag från Södermalm"]
    messages = {Path(p.source).name: (p.skipped, p.message) for p in problems}
    assert messages["empty.txt"] == (True, "is empty")
    assert messages["binary.txt"][0] and "binary" in messages["binary.txt"][1]
    assert messages["latin.txt"] == (False, "not UTF-8; read as Windows-1252 (cp1252)")
    assert messages["image.png"][0] and ".txt" in messages["image.png"][1]
    assert messages["missing.txt"] == (True, "no such file or folder")


def test_jsonl_records_bad_lines_skipped_rest_kept(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl.gz"
    lines = [
        json.dumps({"id": "a", "title": "Titel A", "text": "Text A\r\nmed radbrytning", "author": "Per Gahrton (mp)", "year": 1994}),
        "{not json",
        json.dumps({"id": "b", "title": "Ingen text"}),
        json.dumps({"id": "c", "text": "Text C", "nested": {"x": 1}}),
    ]
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    documents, problems = _load([path])
    assert [d.doc_id for d in documents] == ["a", "c"]
    assert documents[0].text == "Text A\r\nmed radbrytning"
    assert documents[0].title == "Titel A"
    assert documents[0].fields == {"author": "Per Gahrton (mp)", "year": 1994}
    assert documents[1].fields == {}
    assert [(p.source.rsplit(":", 1)[1], p.message.split(" (")[0]) for p in problems] == [
        ("2", "not valid JSON"), ("3", "has no 'text'")]


def test_jsonl_lone_surrogate_zero_id_and_duplicate_ids_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "riksdag.jsonl"
    lines = [
        '{"id": "a", "text": "Fr\\ud83dga om trygghet"}',  # a lone surrogate: valid JSON, not valid text
        json.dumps({"id": 0, "text": "Noll är ett id"}),
        json.dumps({"id": "a", "text": "Samma id igen"}),
        json.dumps({"id": "b", "text": "Sist"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    documents, problems = _load([path])
    assert [d.doc_id for d in documents] == ["a", "0", "a~3", "b"]
    assert documents[0].text == "Fr\ufffdga om trygghet"  # one character for one: offsets unchanged
    assert documents[0].text.encode("utf-8")
    assert [(p.source.rsplit(":", 1)[1], p.skipped) for p in problems] == [("1", False), ("3", False)]
    assert "U+FFFD" in problems[0].message and "'a~3'" in problems[1].message


def test_utf16_file_with_a_byte_order_mark_is_text(tmp_path: Path) -> None:
    path = tmp_path / "yttrande.txt"
    path.write_bytes("Förvaltningens yttrande om trygghet.".encode("utf-16"))
    documents, problems = _load([path])
    assert [d.text for d in documents] == ["Förvaltningens yttrande om trygghet."]
    assert [p.skipped for p in problems] == [False]


def test_binary_without_nul_bytes_is_skipped_as_binary(tmp_path: Path) -> None:
    path = tmp_path / "bild.txt"
    path.write_bytes(bytes(range(1, 32)) * 200 + "ÅÄÖ".encode("cp1252") * 10)
    documents, problems = _load([path])
    assert documents == [] and problems[-1].skipped and "binary" in problems[-1].message
