"""One formatter for every shell: an ``Answer``'s data as plain text with [n] markers.

The core fills ``Answer.text`` with ``answer_text``; the CLI adds the citations' offsets
(``cli_text``); the UI escapes and shows ``Answer.text``. Nothing here decides anything.
"""

from __future__ import annotations

import re

from assistant.phrases import phrase
from assistant.types import Answer, AnswerItem, Citation
from index.parties import party_name


def where(citation: Citation, language: str) -> str:
    """'title', or 'title, s. 3' for a document with pages, marked when the page was read by OCR."""
    parts = [citation.title]
    if citation.page is not None:
        parts.append(phrase(language, "page", page=str(citation.page)))
    if citation.ocr:
        parts.append(phrase(language, "ocr"))
    return ", ".join(parts)


def quote_lines(citations: list[Citation], language: str = "sv") -> list[str]:
    """'[n] ”quote” (title, s. 2)' for each citation, the quote's whitespace folded for display."""
    return [f"[{c.n}] ”{' '.join(c.quote.split())}” ({where(c, language)})" for c in citations]


def _markers(item: AnswerItem) -> str:
    return " ".join(f"[{n}]" for n in item.citations)


def _group_label(item: AnswerItem, language: str) -> str:
    if not item.parties:
        return phrase(language, "no_party")
    return ", ".join(f"{party_name(p, language)} ({p})" for p in item.parties)


def _list_text(answer: Answer) -> str:
    language = answer.language
    groups = list(dict.fromkeys(item.parties for item in answer.items))
    lines = [phrase(language, "list_intro")]
    if len(groups) > 1:
        for parties in groups:
            members = [item for item in answer.items if item.parties == parties]
            lines.append("")
            lines.append(_group_label(members[0], language) + ":")
            lines.extend(f"- {item.text} {_markers(item)}" for item in members)
    else:
        lines.extend(f"- {item.text} {_markers(item)}" for item in answer.items)
    sources = [f"[{c.n}] {where(c, language)}" + (f" – {c.speaker}" if c.speaker else "") for c in answer.citations]
    return "\n".join(lines) + "\n\n" + "\n".join(sources)


def _who_text(answer: Answer) -> str:
    roles = "; ".join(f"{item.text} {_markers(item)}" for item in answer.items)
    return f"{answer.subject}: {roles}.\n\n" + "\n".join(quote_lines(answer.citations, answer.language))


def _fact_text(answer: Answer) -> str:
    language = answer.language
    lines = []
    if answer.shape == "conflict":
        parts = [f"{item.text} {_markers(item)} ({phrase(language, 'according_to', title=answer.citations[item.citations[0] - 1].title)})"
                 for item in answer.items]
        lines.append(phrase(language, "conflict") + " " + "; ".join(parts) + ".")
    else:
        lines.append(f"{answer.items[0].text} {_markers(answer.items[0])}.")
    if answer.note:
        lines.append(phrase(language, "curated_party", reason=answer.note))
    return "\n".join(lines) + "\n\n" + "\n".join(quote_lines(answer.citations, language))


def _open_text(answer: Answer) -> str:
    quotes = quote_lines(answer.citations, answer.language)
    return f"{answer.items[0].text} {_markers(answer.items[0])}" + ("\n\n" + "\n".join(quotes[1:]) if len(quotes) > 1 else "")


def answer_text(answer: Answer) -> str:
    """The answer as text: the fact first, or the list of points, then the sources."""
    if not answer.answerable or not answer.items:
        return phrase(answer.language, "no_support")
    if answer.shape == "list":
        return _list_text(answer)
    if answer.shape == "who":
        return _who_text(answer)
    if answer.shape in ("factoid", "conflict"):
        return _fact_text(answer)
    return _open_text(answer)


def cli_text(answer: Answer) -> str:
    """``answer.text`` and, per citation, its document id, offsets and source path."""
    lines = [answer.text]
    if answer.citations:
        lines.append("")
        for citation in answer.citations:
            page = f" p.{citation.page}" if citation.page is not None else ""
            lines.append(f"[{citation.n}] {citation.doc_id} {citation.start}:{citation.end}{page}  {citation.source}")
    return "\n".join(lines)


_MARKDOWN_MARKS = re.compile(r"([\\`*_\[\]<>#|~])")


def _md(text: str) -> str:
    """Text that renders as typed in Markdown (its marks backslash-escaped)."""
    return _MARKDOWN_MARKS.sub(r"\\\1", " ".join(text.split()))


def answer_markdown(answer: Answer) -> str:
    """One answer with its citations as Markdown: the question, the answer with [n] markers,
    and per citation the exact quote, title, document id, page and character offsets."""
    language = answer.language
    lines = [f"**{_md(answer.question)}**", ""]
    lines += [_md(line) if line.strip() else "" for line in answer.text.split("\n")]
    if answer.citations:
        lines += ["", phrase(language, "sources") + ":"]
        for c in answer.citations:
            where = [c.doc_id] + ([phrase(language, "page", page=str(c.page))] if c.page is not None else [])
            where.append(f"{c.start}–{c.end}")
            lines.append(f"{c.n}. ”{_md(c.quote)}” — {_md(c.title)} ({_md(', '.join(where))})"
                         + (f" — {_md(c.speaker)}" if c.speaker else ""))
    return "\n".join(lines)


def conversation_markdown(answers: list[Answer]) -> str:
    return "\n\n---\n\n".join(answer_markdown(answer) for answer in answers) + "\n"
