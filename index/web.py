"""Web pages saved as HTML: the main text without navigation, banners and footers.

trafilatura (made for exactly this, and for news and public-sector pages) finds the main
text; its paragraphs are joined by blank lines as in the plain-text documents. The stored
text is plain text: markup and scripts in the page never reach an answer.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class WebPage:
    text: str
    title: str | None
    date: str | None  # YYYY-MM-DD when the page gives one


def read_html(raw: bytes) -> WebPage | None:
    import trafilatura

    found = trafilatura.bare_extraction(raw, include_tables=True, include_comments=False, with_metadata=True,
                                        deduplicate=False, favor_recall=True)
    if found is None or not (found.text or "").strip():
        return None
    paragraphs = [line.strip() for line in found.text.split("\n") if line.strip()]
    date = found.date if found.date and len(found.date) >= 10 else None
    return WebPage("\n\n".join(paragraphs), (found.title or "").strip() or None, date)
