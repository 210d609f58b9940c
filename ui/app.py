"""The Gradio app: chat with cited answers, a source viewer, filters and a document library.

``build_app(assistant)`` builds it; no module-level state (Gradio shares module state between
users): chat history lives in ``gr.State``. Callbacks only parse input, call the assistant and
format its data (``ui.format``).
"""

from __future__ import annotations

import datetime
import json
import queue
import tempfile
import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import gradio as gr

from assistant import Answer, Assistant, KallaError
from assistant.formatting import answer_markdown, conversation_markdown
from assistant.question import detect_language
from ui.format import (chat_message, citation_choice, escape, highlighted, inert_markdown, label, metadata_value,
                       page_caption, parse_choice, source_html, PAGE_TEXT)

EXAMPLES = [
    "Vilket parti föreslog att den som vill lämna kriminalitet ska få en första kontakt med staden inom 24 timmar?",
    "Vem skrev interpellationen om Trefas?",
    "How many shootings were there in 2020?",
    "När startade Trefas?",
]
UPLOAD_SUFFIXES = (".txt", ".md", ".pdf", ".docx", ".odt", ".html", ".htm", ".jsonl", ".jsonl.gz")
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
SCROLL_TO_CITED = "() => { document.querySelector('#kalla-cited')?.scrollIntoView({block: 'center'}); }"
CONFIRM_DELETE = ("(doc) => (doc && window.confirm('Ta bort ' + doc + ' ur indexet? Det går inte att ångra.'))"
                  " ? doc : null")
LIBRARY_COLUMNS = ["Id", "Titel", "Typ", "Datum", "Författare", "Partier", "Sidor", "Källa"]
LIBRARY_WIDTHS = ["14%", "26%", "10%", "8%", "12%", "7%", "5%", "18%"]
# A click on an [n] link in the chat opens that source: the link names the answer and the
# citation, and the matching entry of the source list is clicked ("#t · [n]" for an earlier answer).
CITE_LINK_JS = """
<script>
document.addEventListener('click', (event) => {
  const link = event.target.closest && event.target.closest('a[href^="#kalla-cite-"]');
  if (!link) return;
  event.preventDefault();
  const [turn, n] = link.getAttribute('href').replace('#kalla-cite-', '').split('-');
  const turns = [...document.querySelectorAll('#kalla-chat a[href^="#kalla-cite-"]')]
    .map((a) => Number(a.getAttribute('href').replace('#kalla-cite-', '').split('-')[0]));
  const latest = Math.max(...turns);
  const wanted = Number(turn) === latest ? `[${n}] ` : `#${turn} · [${n}] `;
  const choice = [...document.querySelectorAll('#kalla-citations input[type=radio]')]
    .find((input) => input.value.startsWith(wanted));
  if (choice) choice.click();
});
</script>
"""


# ---- handlers (plain functions of the assistant, tested without a browser) -------------------

_FILTER_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def _date(value: str | None, language: str) -> str | None:
    """A filter date as YYYY-MM-DD (YYYY and YYYY-MM mean its first day), or None when empty;
    anything else is an error, never silently ignored."""
    value = (value or "").strip()
    if not value:
        return None
    match = _FILTER_DATE.fullmatch(value)
    try:
        if match is None:
            raise ValueError(value)
        year, month, day = match.group(1), match.group(2) or "01", match.group(3) or "01"
        return datetime.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        raise KallaError(label(language, "bad_date", value=value)) from None


def _filters(parties: list[str] | None, kinds: list[str] | None, date_from: str | None, date_to: str | None,
             language: str = "sv") -> dict:
    return {"parties": parties or [], "kinds": kinds or [],
            "date_from": _date(date_from, language), "date_to": _date(date_to, language)}


def filter_note(parties: list[str] | None, kinds: list[str] | None, date_from: str | None, date_to: str | None,
                language: str = "sv") -> str:
    """'Filter: parti S · från 2021-01-01' when any filter is set, else ''."""
    parts = []
    if parties:
        parts.append(label(language, "f_party", value=", ".join(parties)))
    if kinds:
        parts.append(label(language, "f_kind", value=", ".join(kinds)))
    if (date_from or "").strip():
        parts.append(label(language, "f_from", value=date_from.strip()))
    if (date_to or "").strip():
        parts.append(label(language, "f_to", value=date_to.strip()))
    return label(language, "filters_on", filters=" · ".join(parts)) if parts else ""


def respond_stream(assistant: Assistant, message: str, chat: list[dict], history: list[Answer],
                   parties: list[str] | None = None, kinds: list[str] | None = None,
                   date_from: str | None = None, date_to: str | None = None) -> Iterator[tuple]:
    """One chat turn as it unfolds: with a language model the reply streams in (marked as
    unverified), then the verified answer with its citations replaces it."""
    if assistant.generator is None:
        yield respond(assistant, message, chat, history, parties, kinds, date_from, date_to)
        return
    tokens: queue.Queue[str | None] = queue.Queue()
    result: dict[str, Any] = {}

    def work() -> None:
        try:
            result["turn"] = respond(assistant, message, chat, history, parties, kinds, date_from, date_to,
                                     on_token=tokens.put)
        finally:
            tokens.put(None)

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    streamed = ""
    pending = [{"role": "user", "content": escape(message or "")}]
    while (token := tokens.get()) is not None:
        streamed += token
        partial = list(chat or []) + pending + [{"role": "assistant", "content": escape(streamed) + " …"}]
        yield partial, history, gr.Radio(choices=[], value=None), message
    worker.join()
    yield result["turn"]


def respond(assistant: Assistant, message: str, chat: list[dict], history: list[Answer],
            parties: list[str] | None = None, kinds: list[str] | None = None,
            date_from: str | None = None, date_to: str | None = None,
            on_token: Callable[[str], None] | None = None) -> tuple[list[dict], list[Answer], Any, str]:
    """One chat turn: (chat messages, answers so far, citation list, cleared question box)."""
    chat = list(chat or [])
    history = list(history or [])
    language = detect_language(message or "")
    try:
        answer = assistant.ask(message, history=history, filters=_filters(parties, kinds, date_from, date_to, language),
                               on_token=on_token)
    except KallaError as error:
        chat += [{"role": "user", "content": escape(message or "")},
                 {"role": "assistant", "content": escape(label(language, "error", message=str(error)))}]
        return chat, history, gr.Radio(choices=[], value=None, label=label(language, "sources")), ""
    history.append(answer)
    note = filter_note(parties, kinds, date_from, date_to, answer.language)
    chat += [{"role": "user", "content": escape(message)},
             {"role": "assistant", "content": chat_message(answer, len(history), note)}]
    return chat, history, citation_list(assistant, history), ""


def citation_list(assistant: Assistant, history: list[Answer]) -> Any:
    """Every citation of the conversation, the latest answer's first ("[n] …"), then the
    earlier answers' ("#2 · [n] …"), so that any answer's sources can be opened again."""
    choices = []
    for turn in range(len(history), 0, -1):
        answer = history[turn - 1]
        marker = None if turn == len(history) else turn
        choices += [citation_choice(c, _metadata(assistant, c.doc_id), marker) for c in answer.citations]
    language = history[-1].language if history else "sv"
    latest = bool(history and history[-1].citations)
    return gr.Radio(choices=choices, value=None, label=label(language, "sources"),
                    info=label(language, "pick" if latest else "no_sources"))


def _metadata(assistant: Assistant, doc_id: str) -> dict[str, Any]:
    meta = assistant.document(doc_id).metadata
    return {name: meta.value(name) for name in ("kind", "parties", "date")}


def show_source(assistant: Assistant, choice: str | None, history: list[Answer]) -> str:
    """The cited document with the chosen citation highlighted."""
    return show_cited(assistant, choice, history)[0]


def _no_page() -> tuple[Any, None]:
    return gr.Image(value=None, visible=False), None


def show_cited(assistant: Assistant, choice: str | None, history: list[Answer]) -> tuple[str, Any, dict | None]:
    """(the document's text with the citation marked, its page with the quote highlighted
    when the document has pages, the page shown)."""
    if not choice or not history:
        return "", *_no_page()
    chosen = parse_choice(choice, len(history))
    if chosen is None or not 1 <= chosen[0] <= len(history):
        return "", *_no_page()
    answer = history[chosen[0] - 1]
    citation = next((c for c in answer.citations if c.n == chosen[1]), None)
    if citation is None:
        return "", *_no_page()
    document = assistant.document(citation.doc_id)
    text = source_html(document.text, document.title, citation.start, citation.end, answer.language,
                       doc_id=document.doc_id, page=citation.page)
    if citation.page is None:
        return text, *_no_page()
    shown = {"doc_id": citation.doc_id, "page": citation.page, "start": citation.start, "end": citation.end,
             "language": answer.language}
    return text, *show_page(assistant, shown, 0)


def show_page(assistant: Assistant, shown: dict | None, step: int) -> tuple[Any, dict | None]:
    """The page ``step`` pages from the one shown (the cited quote highlighted where it lies)."""
    if not shown:
        return _no_page()
    document = assistant.document(shown["doc_id"])
    page = min(max(1, shown["page"] + step), document.page_count)
    try:
        view = assistant.page_view(shown["doc_id"], page, shown["start"], shown["end"])
    except KallaError:
        return _no_page()
    shown = {**shown, "page": page}
    return gr.Image(value=highlighted(view), visible=True, label=page_caption(view, shown["language"]),
                    format="png"), shown


def library_rows(assistant: Assistant) -> list[list[str]]:
    rows = []
    for document in assistant.documents():
        meta = document.metadata.to_dict()
        rows.append([document.doc_id, document.title, metadata_value(meta, "kind"), metadata_value(meta, "date"),
                     metadata_value(meta, "authors"), metadata_value(meta, "parties"),
                     str(document.page_count) if document.page_count else "", document.source])
    return rows


def index_summary(assistant: Assistant, language: str = "sv") -> str:
    """What is indexed: how many documents, their kinds and their date range."""
    documents = assistant.documents()
    if not documents:
        return label(language, "no_documents")
    kinds = sorted({d.metadata.value("kind") for d in documents if d.metadata.value("kind")})
    dates = sorted(str(d.metadata.value("date")) for d in documents if d.metadata.value("date"))
    span = (dates[0] if dates[0] == dates[-1] else f"{dates[0]} – {dates[-1]}") if dates else label(language, "no_dates")
    return inert_markdown(label(language, "summary", documents=len(documents), kinds=", ".join(kinds) or "–", dates=span))


def export_conversation(history: list[Answer]) -> list[str]:
    """The conversation as a Markdown file and a JSON file (answers with their citations)."""
    if not history:
        return []
    folder = Path(tempfile.mkdtemp(prefix="kalla-export-"))
    markdown = folder / "kalla-samtal.md"
    markdown.write_text(conversation_markdown(history), encoding="utf-8")
    data = folder / "kalla-samtal.json"
    data.write_text(json.dumps([answer.to_dict() for answer in history], ensure_ascii=False, indent=2), encoding="utf-8")
    return [str(markdown), str(data)]


def latest_markdown(history: list[Answer]) -> str:
    return answer_markdown(history[-1]) if history else ""


def _library_outputs(assistant: Assistant, status: str) -> tuple[str, list[list[str]], Any]:
    rows = library_rows(assistant)
    return status, rows, gr.Dropdown(choices=[row[0] for row in rows], value=None)


def browser_language(request: gr.Request | None) -> str:
    """The page's language for messages: English when the browser prefers English, else Swedish."""
    accepted = (request.headers.get("accept-language", "") if request is not None else "").strip().lower()
    return "en" if accepted.startswith("en") else "sv"


def upload(assistant: Assistant, files: list[str] | None, progress: gr.Progress | None = None,
           language: str = "sv") -> tuple[str, list[list[str]], Any]:
    """Index uploaded files incrementally; refuse unknown types and files over the size limit."""
    paths, refused = [], []
    for name in files or []:
        path = Path(name)
        if not path.name.lower().endswith(UPLOAD_SUFFIXES):
            refused.append(f"{path.name}: only {', '.join(UPLOAD_SUFFIXES)} files can be indexed")
        elif path.stat().st_size > MAX_UPLOAD_BYTES:
            refused.append(f"{path.name}: larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB")
        else:
            paths.append(path)
    lines = []
    if paths:
        def step(done: int, total: int, what: str) -> None:
            if progress is not None and total:
                progress((done, total), desc=label(language, "indexing"), unit="")
        try:
            report = assistant.index(paths, progress=step)
        except KallaError as error:
            return _library_outputs(assistant, inert_markdown(label(language, "error", message=str(error))))
        finally:
            for path in paths:  # the text is in the index now; the uploaded copy is not kept
                path.unlink(missing_ok=True)
        lines.append(label(language, "indexed", added=len(report.added), updated=len(report.updated),
                           unchanged=len(report.unchanged)))
        refused += [str(p) for p in report.problems]
    if refused:
        lines.append(label(language, "skipped", problems="; ".join(refused)))
    # Names of files and documents are shown as text, never as Markdown or HTML.
    return _library_outputs(assistant, "  \n".join(inert_markdown(line) for line in lines))


def delete(assistant: Assistant, doc_id: str | None, language: str = "sv") -> tuple[str, list[list[str]], Any]:
    if not doc_id:
        return _library_outputs(assistant, "")
    try:
        assistant.delete(doc_id)
    except KallaError as error:
        return _library_outputs(assistant, inert_markdown(label(language, "error", message=str(error))))
    return _library_outputs(assistant, inert_markdown(label(language, "deleted", doc_id=doc_id)))


def filter_choices(assistant: Assistant) -> tuple[Any, Any]:
    """The filters' choices as the index is now (after an upload, a delete, another process)."""
    facets = assistant.facets()
    return gr.Dropdown(choices=facets["parties"]), gr.Dropdown(choices=facets["kinds"])


def api_ask(assistant: Assistant, question: str) -> dict:
    """The /ask endpoint: the same JSON object as ``assistant ask --json``."""
    try:
        return assistant.ask(question).to_dict()
    except KallaError as error:
        return {"question": question, "error": str(error)}


# ---- the app ---------------------------------------------------------------------------------

I18N = gr.I18n(**PAGE_TEXT)
T = I18N  # T("key"): the page text in the browser's language


def build_app(assistant: Assistant) -> gr.Blocks:
    facets = assistant.facets()
    with gr.Blocks(title="Källa") as app:
        gr.Markdown("# Källa")
        gr.Markdown(T("tagline"))
        summary = gr.Markdown(index_summary(assistant), elem_id="kalla-summary")
        with gr.Tab(T("tab_chat")):
            history = gr.State([])
            with gr.Row(elem_id="kalla-filters"):
                party_filter = gr.Dropdown(facets["parties"], multiselect=True, label=T("party"), scale=1)
                kind_filter = gr.Dropdown(facets["kinds"], multiselect=True, label=T("kind"), scale=1)
                date_from = gr.Textbox(label=T("date_from"), elem_id="kalla-date-from", scale=1)
                date_to = gr.Textbox(label=T("date_to"), elem_id="kalla-date-to", scale=1)
            active_filters = gr.Markdown("", elem_id="kalla-active-filters")
            with gr.Row():
                with gr.Column(scale=3):
                    chatbot = gr.Chatbot(label=T("chat"), height=420, sanitize_html=True, elem_id="kalla-chat",
                                         buttons=["copy"])
                    question = gr.Textbox(label=T("question"), placeholder=T("placeholder"),
                                          elem_id="kalla-question", max_length=2000)
                    ask = gr.Button(T("ask"), variant="primary", elem_id="kalla-ask")
                    gr.Examples(EXAMPLES, inputs=question, label=T("examples"))
                    with gr.Accordion(T("export_box"), open=False):
                        answer_md = gr.Textbox(label=T("answer_markdown"), lines=6,
                                               buttons=["copy"], elem_id="kalla-answer-markdown")
                        export = gr.Button(T("export"), size="sm")
                        exported = gr.File(label=T("exported"), file_count="multiple", elem_id="kalla-export")
                with gr.Column(scale=2):
                    citations = gr.Radio([], label=T("sources"), elem_id="kalla-citations")
                    shown_page = gr.State(None)
                    page_image = gr.Image(visible=False, interactive=False, elem_id="kalla-page", show_label=True,
                                          buttons=["fullscreen"])
                    with gr.Row():
                        previous_page = gr.Button(T("previous_page"), size="sm", elem_id="kalla-previous-page")
                        next_page = gr.Button(T("next_page"), size="sm", elem_id="kalla-next-page")
                    source = gr.HTML(elem_id="kalla-source")
            inputs = [question, chatbot, history, party_filter, kind_filter, date_from, date_to]
            outputs = [chatbot, history, citations, question]

            def on_ask(message, chat, turns, party, kind, start, end):
                yield from respond_stream(assistant, message, chat, turns, party, kind, start, end)

            for trigger in (ask.click, question.submit):
                trigger(on_ask, inputs, outputs, api_visibility="private").then(
                    latest_markdown, history, answer_md, api_visibility="private")
            for control in (party_filter, kind_filter, date_from, date_to):
                control.change(filter_note, [party_filter, kind_filter, date_from, date_to], active_filters,
                               api_visibility="private")
            # Clearing the chat clears the conversation: the next question stands alone.
            chatbot.clear(lambda: ([], gr.Radio(choices=[], value=None), "", *_no_page(), "", []), None,
                          [history, citations, source, page_image, shown_page, answer_md, exported],
                          api_visibility="private")
            citations.change(lambda choice, turns: show_cited(assistant, choice, turns), [citations, history],
                             [source, page_image, shown_page],
                             api_visibility="private").then(None, js=SCROLL_TO_CITED)
            previous_page.click(lambda shown: show_page(assistant, shown, -1), shown_page, [page_image, shown_page],
                                api_visibility="private")
            next_page.click(lambda shown: show_page(assistant, shown, 1), shown_page, [page_image, shown_page],
                            api_visibility="private")
            export.click(export_conversation, history, exported, api_visibility="private")
        with gr.Tab(T("tab_documents")):
            status = gr.Markdown()
            table = gr.Dataframe(value=library_rows(assistant), headers=LIBRARY_COLUMNS, interactive=False,
                                 label=T("library"), wrap=True, column_widths=LIBRARY_WIDTHS,
                                 elem_id="kalla-library")
            files = gr.File(file_count="multiple", file_types=list(UPLOAD_SUFFIXES),
                            label=T("upload"))
            to_delete = gr.Dropdown([row[0] for row in library_rows(assistant)], value=None, label=T("delete_choice"))
            remove = gr.Button(T("delete"), variant="stop")

            def on_upload(paths, request: gr.Request, progress=gr.Progress()):
                return upload(assistant, paths, progress, browser_language(request))

            def on_delete(doc_id, request: gr.Request):
                return delete(assistant, doc_id, browser_language(request))

            def refreshed(request: gr.Request):
                return (*filter_choices(assistant), index_summary(assistant, browser_language(request)))

            files.upload(on_upload, files, [status, table, to_delete], api_visibility="private").then(
                refreshed, None, [party_filter, kind_filter, summary], api_visibility="private")
            # The browser asks first, naming the document; "Avbryt" sends nothing to delete.
            remove.click(on_delete, to_delete, [status, table, to_delete],
                         api_visibility="private", js=CONFIRM_DELETE).then(
                refreshed, None, [party_filter, kind_filter, summary], api_visibility="private")
            # Every page load sees the index as it is now (another process may have changed it).
            app.load(lambda: library_rows(assistant), None, table, api_visibility="private")
            app.load(lambda: gr.Dropdown(choices=[row[0] for row in library_rows(assistant)], value=None),
                     None, to_delete, api_visibility="private")
            app.load(refreshed, None, [party_filter, kind_filter, summary], api_visibility="private")

        def ask_endpoint(question: str) -> dict:
            return api_ask(assistant, question)

        gr.api(ask_endpoint, api_name="ask")
    return app


def launch(assistant: Assistant, host: str = "127.0.0.1", port: int = 7860, auth: str | None = None,
           block: bool = True):
    """Serve the app with the MCP server and the OpenAI-compatible API beside it (``ui.server``);
    with ``block=False`` it runs in the background and the returned object's ``close()`` stops it."""
    from ui.server import serve

    return serve(assistant, host=host, port=port, auth=auth, block=block)
