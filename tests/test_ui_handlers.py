"""UI callbacks against a real Assistant whose embedder is the bag-of-stems fake (fast, offline)."""

import json
from pathlib import Path

import pytest

from assistant import Assistant, Settings
from index import Index
from assistant.answering import ExtractiveAnswerer
from tests.fakes import BAG_OF_STEMS_SETTINGS, BagOfStemsEmbedding
from ui.app import api_ask, delete, library_rows, respond, show_source, upload
from ui.format import escape

HOSTILE = (
    "Rapport om nattvandring <script>alert('x')</script>\n\n"
    "Nattvandrare i Solberga går ut varje fredag. Kostnaden för nattvandringen är 3 mnkr. "
    "<img src=x onerror=alert(1)> visas som text.\n"
)


@pytest.fixture
def small_assistant(tmp_path: Path) -> Assistant:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "rapport.txt").write_text(HOSTILE, encoding="utf-8")
    (docs / "skolor.txt").write_text("Skolor i Fruängen\n\nFruängens skola får nya lärare hösten 2024.\n", encoding="utf-8")
    index = Index(tmp_path / "data", BagOfStemsEmbedding())
    answerer = ExtractiveAnswerer(index, BAG_OF_STEMS_SETTINGS)
    assistant = Assistant(index, Settings(data_dir=tmp_path / "data"), answerer=answerer)
    assistant.index([docs])
    return assistant


def _choices(radio) -> list[str]:
    return [choice[0] if isinstance(choice, tuple) else choice for choice in radio.choices]


def test_a_turn_adds_both_messages_and_lists_the_citations(small_assistant: Assistant) -> None:
    chat, history, citations, cleared = respond(small_assistant, "Hur mycket kostar nattvandringen?", [], [])
    assert cleared == ""
    assert [m["role"] for m in chat] == ["user", "assistant"]
    assert '3 mnkr <a href="#kalla-cite-1-1" class="kalla-cite">[1]</a>' in chat[1]["content"]
    assert len(history) == 1 and history[0].citations[0].doc_id == "rapport"
    assert _choices(citations)[0].startswith("[1] Rapport om nattvandring")


def test_document_html_is_rendered_inert_in_chat_and_source_panel(small_assistant: Assistant) -> None:
    chat, history, citations, _ = respond(small_assistant, "Vad visas som text om nattvandring?", [], [])
    content = chat[1]["content"]
    assert "<img" not in content and "<script" not in content
    html = show_source(small_assistant, _choices(citations)[0], history)
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    citation = history[-1].citations[0]
    assert f'<mark id="kalla-cited">{escape(citation.quote)}</mark>' in html


def test_user_input_is_escaped_too(small_assistant: Assistant) -> None:
    chat, *_ = respond(small_assistant, "<b onmouseover=alert(1)>nattvandring</b>?", [], [])
    assert chat[0]["content"].startswith("&lt;b onmouseover=alert(1)&gt;")


def test_a_bad_question_becomes_a_chat_message_not_an_exception(small_assistant: Assistant) -> None:
    chat, history, citations, _ = respond(small_assistant, "   ", [], [])
    assert chat[1]["content"].startswith("Fel: The question is empty")
    assert history == [] and _choices(citations) == []


def test_follow_up_turn_uses_the_history(small_assistant: Assistant) -> None:
    _, history, _, _ = respond(small_assistant, "Vad gör nattvandrare i Solberga?", [], [])
    _, history, _, _ = respond(small_assistant, "Och hur mycket kostar det?", [], history)
    assert history[-1].short_answer == "3 mnkr"


def test_filters_are_passed_to_retrieval(small_assistant: Assistant) -> None:
    _, history, _, _ = respond(small_assistant, "Vad händer hösten 2024?", [], [], date_from="2030-01-01")
    assert history[-1].passages == [] and not history[-1].answerable


def test_upload_indexes_allowed_files_and_refuses_others(small_assistant: Assistant, tmp_path: Path) -> None:
    good = tmp_path / "ny.md"
    good.write_text("# Ny rapport\n\nBadplatser i Västertorp.", encoding="utf-8")
    wrong = tmp_path / "bild.png"
    wrong.write_bytes(b"\x89PNG")
    broken = tmp_path / "trasig.pdf"
    broken.write_bytes(b"%PDF")
    huge = tmp_path / "stor.txt"
    huge.write_bytes(b"a" * (20 * 1024 * 1024 + 1))
    status, rows, dropdown = upload(small_assistant, [str(good), str(wrong), str(huge), str(broken)])
    assert "1 nya" in status
    assert "bild.png: only .txt, .md, .pdf" in status and "stor.txt: larger than 20 MB" in status
    assert "trasig.pdf: is not a readable PDF" in status
    assert [row[0] for row in rows] == ["ny", "rapport", "skolor"]
    status, rows, _ = delete(small_assistant, "ny")
    assert status == "Tog bort ny." and [row[0] for row in rows] == ["rapport", "skolor"]
    assert library_rows(small_assistant) == rows


def test_api_endpoint_returns_the_cli_json(small_assistant: Assistant) -> None:
    data = api_ask(small_assistant, "Hur mycket kostar nattvandringen?")
    assert data["answerable"] and data["citations"][0]["doc_id"] == "rapport"
    assert set(data) == {"question", "answer", "answerable", "citations", "passages", "shape", "items"}
    assert "error" in api_ask(small_assistant, "")


@pytest.mark.filterwarnings("ignore::ResourceWarning")  # the openai client's pooled sockets
def test_a_language_model_reply_streams_in_then_is_replaced_by_the_verified_answer(small_assistant: Assistant) -> None:
    from assistant.generation import make_generator
    from tests.openai_server import scripted_chat_server
    from ui.app import respond_stream

    reply = "Nattvandringen kostar 3 mnkr [1] och görs av robotar [7]."
    with scripted_chat_server([reply]) as server:
        streaming = Assistant(small_assistant.store, small_assistant.settings, answerer=small_assistant.answerer,
                              generator=make_generator("openai-like", server.url, "scripted", timeout=20))
        turns = list(respond_stream(streaming, "Hur mycket kostar nattvandringen?", [], []))
    assert len(turns) > 3
    partial_texts = [turn[0][-1]["content"] for turn in turns[:-1]]
    assert all(text.endswith(" …") for text in partial_texts)
    assert partial_texts[-1] == escape(reply) + " …"
    chat, history, citations, _ = turns[-1]
    assert "[7]" not in chat[-1]["content"]
    assert ('Nattvandringen kostar 3 mnkr <a href="#kalla-cite-1-1" class="kalla-cite">[1]</a> och görs av robotar.'
            in chat[-1]["content"])
    assert history[-1].unsupported == ["och görs av robotar"]
    assert history[-1].citations[0].doc_id == "rapport"
    assert _choices(citations)[0].startswith("[1] Rapport om nattvandring")


def test_upload_removes_its_copy_and_status_lines_are_inert(small_assistant: Assistant, tmp_path: Path) -> None:
    hostile = tmp_path / "lankar.jsonl"
    doc_id = "[klicka](http://example.com) <form><input type=password></form>"
    hostile.write_text(json.dumps({"id": doc_id, "text": "Ordningsvakter i Liljeholmen."}) + "\n", encoding="utf-8")
    status, rows, _ = upload(small_assistant, [str(hostile)])
    assert not hostile.exists()  # the uploaded copy does not outlive indexing
    assert doc_id in [row[0] for row in rows]
    status, _, _ = delete(small_assistant, doc_id)
    assert "<form>" not in status and "](http" not in status  # neither HTML nor a Markdown link
    assert status.startswith("Tog bort \\[klicka\\]\\(http://example.com\\)")


def test_earlier_answers_keep_their_sources_and_export(small_assistant: Assistant) -> None:
    from ui.app import export_conversation, index_summary, latest_markdown, show_cited

    _, history, _, _ = respond(small_assistant, "Hur mycket kostar nattvandringen?", [], [])
    chat, history, citations, _ = respond(small_assistant, "Vilken skola får nya lärare?", [], history)
    choices = _choices(citations)
    assert choices[0].startswith("[1] Skolor i Fruängen")
    earlier = next(c for c in choices if c.startswith("#1 · [1]"))
    text, _, _ = show_cited(small_assistant, earlier, history)
    assert '<mark id="kalla-cited">' in text and "3 mnkr" in text and "dokument rapport" in text

    markdown, data = export_conversation(history)
    written = Path(markdown).read_text(encoding="utf-8")
    assert "**Hur mycket kostar nattvandringen?**" in written and "**Vilken skola får nya lärare?**" in written
    first = history[0].citations[0]
    assert f"(rapport, {first.start}–{first.end})" in written
    saved = json.loads(Path(data).read_text(encoding="utf-8"))
    assert [a["question"] for a in saved] == ["Hur mycket kostar nattvandringen?", "Vilken skola får nya lärare?"]
    assert saved[0]["citations"][0]["quote"] == first.quote
    assert latest_markdown(history).startswith("**Vilken skola får nya lärare?**")
    assert export_conversation([]) == []
    assert index_summary(small_assistant) == "Indexerat: 2 dokument \\(–\\), utan datum."


@pytest.mark.parametrize("bad", ["2021-13-01", "förra året", "2021-02-30", "21-01-01"])
def test_a_bad_date_is_an_error_in_the_chat(small_assistant: Assistant, bad: str) -> None:
    chat, history, _, _ = respond(small_assistant, "Vad händer hösten 2024?", [], [], date_from=bad)
    assert "Ogiltigt datum" in chat[-1]["content"] and history == []


def test_partial_dates_mean_their_first_day_and_filters_are_named(small_assistant: Assistant) -> None:
    from ui.app import filter_note

    chat, history, _, _ = respond(small_assistant, "Vad händer hösten 2024?", [], [], date_from="2030")
    assert history[-1].passages == [] and not history[-1].answerable
    assert chat[-1]["content"].startswith("Filter: från 2030")
    assert filter_note(["S"], [], "2021-01", None) == "Filter: parti S · från 2021-01"
    assert filter_note(None, None, " ", "") == ""
