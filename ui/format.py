"""Turning Källa's data into what the browser shows. Everything from a document or a user
is HTML-escaped here, so a document holding ``<script>`` shows as text."""

from __future__ import annotations

import html
import re
from typing import Any

from assistant import Answer, Citation, PageView

LABELS = {
    "sv": {
        "sources": "Källor",
        "source": "Källa",
        "no_sources": "Inga källor: dokumenten stödjer inget svar.",
        "pick": "Klicka på en källa för att se den i dokumentet.",
        "indexed": "Indexerade: {added} nya, {updated} ändrade, {unchanged} oförändrade.",
        "skipped": "Hoppade över: {problems}",
        "deleted": "Tog bort {doc_id}.",
        "error": "Fel: {message}",
        "page_of": "Sida {page} av {pages}",
        "ocr_page": "OCR-läst sida",
        "at": "dokument {doc_id}, tecken {start}–{end}",
        "on_page": "sida {page}",
        "bad_date": "Ogiltigt datum {value!r}: skriv ÅÅÅÅ-MM-DD (eller ÅÅÅÅ, ÅÅÅÅ-MM).",
        "filters_on": "Filter: {filters}",
        "f_party": "parti {value}",
        "f_kind": "typ {value}",
        "f_from": "från {value}",
        "f_to": "till {value}",
        "summary": "Indexerat: {documents} dokument ({kinds}), {dates}.",
        "no_documents": "Inga dokument är indexerade än.",
        "no_dates": "utan datum",
        "indexing": "Indexerar",
    },
    "en": {
        "sources": "Sources",
        "source": "Source",
        "no_sources": "No sources: the documents support no answer.",
        "pick": "Click a source to see it in its document.",
        "indexed": "Indexed: {added} new, {updated} changed, {unchanged} unchanged.",
        "skipped": "Skipped: {problems}",
        "deleted": "Deleted {doc_id}.",
        "error": "Error: {message}",
        "page_of": "Page {page} of {pages}",
        "ocr_page": "page read by OCR",
        "at": "document {doc_id}, characters {start}–{end}",
        "on_page": "page {page}",
        "bad_date": "Invalid date {value!r}: write YYYY-MM-DD (or YYYY, YYYY-MM).",
        "filters_on": "Filters: {filters}",
        "f_party": "party {value}",
        "f_kind": "kind {value}",
        "f_from": "from {value}",
        "f_to": "to {value}",
        "summary": "Indexed: {documents} documents ({kinds}), {dates}.",
        "no_documents": "No documents are indexed yet.",
        "no_dates": "without dates",
        "indexing": "Indexing",
    },
}


# The page's own words in both languages: Gradio shows the browser's language (Swedish for a
# Swedish browser, English for an English one; a browser asking for neither gets Gradio's
# fallback, English). Answers and messages follow the question's language instead.
PAGE_TEXT = {
    "sv": {
        "tagline": "Svar ur dokumenten, med exakta citat.",
        "tab_chat": "Chatt", "tab_documents": "Dokument",
        "party": "Parti", "kind": "Dokumenttyp",
        "date_from": "Från datum (ÅÅÅÅ-MM-DD)", "date_to": "Till datum (ÅÅÅÅ-MM-DD)",
        "chat": "Källa", "question": "Fråga", "placeholder": "Ställ en fråga om dokumenten …",
        "ask": "Fråga", "examples": "Exempel", "export_box": "Kopiera och exportera",
        "answer_markdown": "Senaste svaret som Markdown, med citat",
        "export": "Exportera samtalet (Markdown och JSON)", "exported": "Samtalet",
        "sources": "Källor", "previous_page": "← Föregående sida", "next_page": "Nästa sida →",
        "library": "Indexerade dokument",
        "upload": "Ladda upp PDF, Word (.docx), OpenDocument (.odt), HTML, .txt, .md, .jsonl",
        "delete_choice": "Ta bort dokument", "delete": "Ta bort",
    },
    "en": {
        "tagline": "Answers from the documents, with exact quotes.",
        "tab_chat": "Chat", "tab_documents": "Documents",
        "party": "Party", "kind": "Document kind",
        "date_from": "From date (YYYY-MM-DD)", "date_to": "To date (YYYY-MM-DD)",
        "chat": "Källa", "question": "Question", "placeholder": "Ask about the documents …",
        "ask": "Ask", "examples": "Examples", "export_box": "Copy and export",
        "answer_markdown": "Latest answer as Markdown, with quotes",
        "export": "Export the conversation (Markdown and JSON)", "exported": "The conversation",
        "sources": "Sources", "previous_page": "← Previous page", "next_page": "Next page →",
        "library": "Indexed documents",
        "upload": "Upload PDF, Word (.docx), OpenDocument (.odt), HTML, .txt, .md, .jsonl",
        "delete_choice": "Delete a document", "delete": "Delete",
    },
}


def label(language: str, key: str, **values: Any) -> str:
    return LABELS.get(language, LABELS["sv"])[key].format(**values)


def escape(text: str) -> str:
    return html.escape(text, quote=True)


_MARKDOWN = re.compile(r"([\\`*_\[\]()#!|~])")


def inert_markdown(text: str) -> str:
    """Text for a Markdown component that shows as typed: HTML escaped, and Markdown's
    marks (links, emphasis, headings) backslash-escaped."""
    return escape(_MARKDOWN.sub(r"\\\1", text))


_ESCAPED_MARKER = re.compile(r"\\\[(\d+)\\\]")


def chat_message(answer: Answer, turn: int = 1, filters: str | None = None) -> str:
    """The answer as it appears in the chat: shown as typed (HTML escaped, Markdown's marks
    escaped, so a quote's *asterisks* stay asterisks), each [n] a link that opens that source
    of answer ``turn`` (``ui.app.CITE_LINK_JS``), and the active filters named first."""
    text = _ESCAPED_MARKER.sub(
        lambda m: f'<a href="#kalla-cite-{turn}-{m.group(1)}" class="kalla-cite">[{m.group(1)}]</a>',
        inert_markdown(answer.text))
    if filters:
        text = f"{inert_markdown(filters)}\n\n{text}"
    return text.replace("\n", "  \n")


def citation_choice(citation: Citation, metadata: dict[str, Any], turn: int | None = None) -> str:
    """One line per citation for the clickable list: [n] title (kind, party, date): quote;
    a citation of an earlier answer starts with that answer's number: "#2 · [n] …"."""
    facts = [metadata.get("kind"), ", ".join(metadata.get("parties") or []), metadata.get("date")]
    details = " · ".join(str(f) for f in facts if f)
    quote = " ".join(citation.quote.split())
    if len(quote) > 160:
        quote = quote[:157] + "…"
    prefix = f"#{turn} · " if turn is not None else ""
    return f"{prefix}[{citation.n}] {citation.title}" + (f" ({details})" if details else "") + f": ”{quote}”"


CHOICE = re.compile(r"^(?:#(\d+) · )?\[(\d+)\]")


def parse_choice(choice: str, turns: int) -> tuple[int, int] | None:
    """(answer number, citation number) of a choice made by ``citation_choice``."""
    match = CHOICE.match(choice or "")
    if not match:
        return None
    return (int(match.group(1)) if match.group(1) else turns), int(match.group(2))


def source_html(document_text: str, title: str, start: int, end: int, language: str,
                doc_id: str | None = None, page: int | None = None) -> str:
    """The whole document with the cited span marked; everything escaped."""
    before, cited, after = document_text[:start], document_text[start:end], document_text[end:]
    where = []
    if doc_id is not None:
        where.append(label(language, "at", doc_id=doc_id, start=start, end=end))
    if page is not None:
        where.append(label(language, "on_page", page=page))
    caption = f'<p class="kalla-where">{escape(", ".join(where))}</p>' if where else ""
    return (
        f'<div class="kalla-source"><h3>{escape(label(language, "source"))}: {escape(title)}</h3>{caption}'
        f'<div class="kalla-document" style="white-space: pre-wrap; max-height: 32em; overflow-y: auto;">'
        f'{escape(before)}<mark id="kalla-cited">{escape(cited)}</mark>{escape(after)}</div></div>'
    )


HIGHLIGHT = (255, 214, 0)  # marker yellow, multiplied into the page so the text stays black


def highlighted(view: PageView):
    """The page image with the quote's boxes marked like a highlighter pen."""
    from PIL import Image, ImageChops, ImageDraw

    page = view.image.convert("RGB")
    marks = Image.new("RGB", page.size, (255, 255, 255))
    draw = ImageDraw.Draw(marks)
    for left, top, right, bottom in view.boxes:
        draw.rectangle((left - 1, top - 2, right + 1, bottom + 2), fill=HIGHLIGHT)
    return ImageChops.multiply(page, marks)


def page_caption(view: PageView, language: str) -> str:
    caption = label(language, "page_of", page=view.page, pages=view.page_count)
    return caption + (f" ({label(language, 'ocr_page')})" if view.ocr else "")


def metadata_value(metadata: dict[str, Any], name: str) -> str:
    found = metadata.get(name)
    if not found:
        return ""
    value = found["value"] if isinstance(found, dict) else found
    return ", ".join(value) if isinstance(value, list) else str(value)
