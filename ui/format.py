"""Turning Källa's data into what the browser shows. Everything from a document or a user
is HTML-escaped here, so a document holding ``<script>`` shows as text."""

from __future__ import annotations

import html
import re
from typing import Any

from assistant import Answer, Citation

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
    return _MARKDOWN.sub(r"\\\1", escape(text))


def chat_message(answer: Answer) -> str:
    """The answer as it appears in the chat: escaped text with its [n] markers."""
    return escape(answer.text).replace("\n", "  \n")


def citation_choice(citation: Citation, metadata: dict[str, Any]) -> str:
    """One line per citation for the clickable list: [n] title (kind, party, date): quote."""
    facts = [metadata.get("kind"), ", ".join(metadata.get("parties") or []), metadata.get("date")]
    details = " · ".join(str(f) for f in facts if f)
    quote = " ".join(citation.quote.split())
    if len(quote) > 160:
        quote = quote[:157] + "…"
    return f"[{citation.n}] {citation.title}" + (f" ({details})" if details else "") + f": ”{quote}”"


def source_html(document_text: str, title: str, start: int, end: int, language: str) -> str:
    """The whole document with the cited span marked; everything escaped."""
    before, cited, after = document_text[:start], document_text[start:end], document_text[end:]
    return (
        f'<div class="kalla-source"><h3>{escape(label(language, "source"))}: {escape(title)}</h3>'
        f'<div class="kalla-document" style="white-space: pre-wrap; max-height: 32em; overflow-y: auto;">'
        f'{escape(before)}<mark id="kalla-cited">{escape(cited)}</mark>{escape(after)}</div></div>'
    )


def metadata_value(metadata: dict[str, Any], name: str) -> str:
    found = metadata.get(name)
    if not found:
        return ""
    value = found["value"] if isinstance(found, dict) else found
    return ", ".join(value) if isinstance(value, list) else str(value)
