"""The CLI as users run it: a separate process, real models, the seeds."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS, seed_text


def _run(*args: str, data_dir: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "KALLA_DATA_DIR": str(data_dir)}
    return subprocess.run([sys.executable, "-m", "assistant", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=300)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli-index")
    result = _run("index", str(SEEDS), data_dir=folder)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "added 5, updated 0, unchanged 0, skipped 0"
    again = _run("index", str(SEEDS), data_dir=folder)
    assert again.stdout.strip() == "added 0, updated 0, unchanged 5, skipped 0"
    return folder


def test_ask_json_cites_an_exact_span(data_dir: Path) -> None:
    result = _run("ask", "Vem skrev interpellationen om Trefas?", "--json", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["answerable"] is True and data["answer"].startswith("Jan Jönsson (L) [1]")
    citation = data["citations"][0]
    assert citation["doc_id"] == "000_ed6c3b31f6cd4d64"
    assert seed_text(citation["doc_id"])[citation["start"]:citation["end"]] == citation["quote"]


def test_ask_reads_one_question_per_line_and_writes_json_lines(data_dir: Path) -> None:
    stdin = "How many shootings were there in 2020?\n\nVem vann Melodifestivalen 2023?\n" + "x" * 2500 + "\n"
    result = _run("ask", data_dir=data_dir, stdin=stdin)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    # One JSON object per input line, the empty line included (as an error).
    assert [line["question"][:20] for line in lines] == ["How many shootings w", "", "Vem vann Melodifesti", "x" * 20]
    assert lines[0]["answerable"] and lines[0]["citations"][0]["doc_id"] == "003_edd3e648c7099bc0"
    assert "empty" in lines[1]["error"]
    assert lines[2]["answerable"] is False and lines[2]["citations"] == []
    assert "limit is 2000" in lines[3]["error"]
    assert result.returncode == 2  # questions were refused


def test_bytes_that_are_not_utf8_get_a_json_error_per_line(data_dir: Path) -> None:
    env = {**os.environ, "KALLA_DATA_DIR": str(data_dir)}
    stdin = "Vem skrev interpellationen om Trefas?\n".encode() + b"Vem \xff\xfe skrev?\n"
    result = subprocess.run([sys.executable, "-m", "assistant", "ask", "--json"], input=stdin, capture_output=True,
                            cwd=ROOT, env=env, timeout=300)
    lines = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert len(lines) == 2 and b"Traceback" not in result.stderr
    assert lines[0]["answerable"] is True
    assert "not valid text" in lines[1]["error"] and lines[1]["question"].startswith("Vem ")
    assert result.returncode == 2


def test_empty_question_is_an_error_not_a_traceback(data_dir: Path) -> None:
    result = _run("ask", "  ", data_dir=data_dir)
    assert result.returncode == 2
    assert result.stderr.startswith("error: The question is empty")
    assert "Traceback" not in result.stderr


def test_ask_on_an_empty_data_dir_builds_the_seed_index_first(tmp_path: Path) -> None:
    result = _run("ask", "Vem är stadsdelsdirektör i Hägersten-Älvsjö?", "--json", data_dir=tmp_path / "new")
    assert result.returncode == 0, result.stderr
    assert "indexing the bundled seeds" in result.stderr
    data = json.loads(result.stdout)
    assert "Lee Orberson" in data["answer"] and data["citations"][0]["doc_id"] == "004_ee0c540bedc59e3d"


def test_index_reports_skipped_files(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "ok.txt").write_text("Trygghetsvandringar i Fruängen.", encoding="utf-8")
    (docs / "bad.txt").write_bytes(b"\x00\x00binary")
    result = _run("index", str(docs), data_dir=tmp_path / "data")
    assert result.returncode == 0
    assert "skipped: " in result.stderr and "bad.txt" in result.stderr
    assert result.stdout.strip() == "added 1, updated 0, unchanged 0, skipped 1"


def test_a_reader_that_stops_early_is_no_error(data_dir: Path) -> None:
    """`assistant documents | head -0`: the closed pipe ends the command quietly, status 0."""
    env = {**os.environ, "KALLA_DATA_DIR": str(data_dir)}
    process = subprocess.Popen([sys.executable, "-m", "assistant", "documents"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, cwd=ROOT, env=env)
    process.stdout.close()  # the reader is gone before the first line is written
    _, errors = process.communicate(timeout=300)
    assert process.returncode == 0 and b"Traceback" not in errors, errors.decode()[-300:]
