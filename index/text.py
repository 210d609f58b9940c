"""Text primitives shared by chunking, BM25 and answer extraction.

Everything here works on spans ``(start, end)`` into the original document text, so a
piece of text found by any of these helpers can be cited as ``text[start:end]``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import Stemmer
from bm25s.stopwords import STOPWORDS_EN, STOPWORDS_SWEDISH

SOFT_HYPHEN = "\u00ad"

# Words that carry no topic in Swedish or English questions and documents.
_EXTRA_STOPWORDS = {
    "ska", "skall", "kan", "vill", "får", "finns", "även", "också", "samt", "enligt",
    "vilken", "vilket", "vilka", "vem", "vems", "vad", "hur", "när", "var", "varför", "varifrån",
    "många", "mycket", "mer", "fler", "ut", "in", "bland", "annat", "genom",
    "the", "what", "which", "who", "whom", "whose", "how", "many", "much", "when",
    "where", "why", "does", "did", "do", "is", "are", "was", "were", "there",
    # ... and the other forms of the modal verbs above ("Vilken utmärkelse har X fått?" asks
    # about the prize, not the getting; the text says "fick"), and the light verb "ge" ("Vilka
    # exempel ger X på …?").
    "få", "fick", "fått", "ville", "velat", "kunnat", "ge", "ger", "gav", "gett", "givit",
    # ... "egen" as "sin" ("ett eget trygghetskontor" is a trygghetskontor). (Not "bör"/"borde":
    # as stop words they cost SweQUAD-MC two questions at recall@5, "Var bör din försäkring
    # gälla?" among them, whose text says "bör".)
    "egen", "eget", "egna",
    "bara",  # "only" ("Är den bara till för avhopparna?")
    # ... and adverbs of "now" and of discourse, like "nu" and "ju" in the list above ("Trefas
    # finns numera i fler stadsdelar – vilka?": the text says "nu även omfatta").
    "numera", "nuförtiden", "egentligen", "alltså",
    # ... and "so far" ("Hur många har Trefas hittills pekat ut?": the text says "Sedan starten").
    "hittills",
    # ... the modal's infinitive ("kunna", like "kan" and "kunnat") and the particle "ner/ned"
    # ("upp", "ut" and "in" are in the list already).
    "kunna", "ner", "ned",
    # English modal and light verbs and "more", as their Swedish counterparts above ("Which
    # service would get more money …?" asks about the service and the money).
    "would", "could", "should", "might", "get", "gets", "got", "gotten", "getting", "more",
    # ... and the English function words the list above lacks (not those that are Swedish
    # words too: "all", "just", "per", "from").
    "has", "have", "had", "having", "been", "being", "am", "doing", "shall", "can", "may", "must",
    "its", "those", "them", "he", "she", "his", "her", "him", "we", "our", "us", "you", "your",
    "me", "my", "any", "both", "each", "few", "most", "other", "some", "nor", "only", "own", "same",
    "than", "too", "very", "also", "about", "above", "after", "again", "against", "down", "off",
    "once", "out", "over", "through", "until", "up", "because", "while", "during", "before",
    "between", "via",
}
STOPWORDS = frozenset(STOPWORDS_SWEDISH) | frozenset(STOPWORDS_EN) | _EXTRA_STOPWORDS

_WORD = re.compile(r"\w+", re.UNICODE)
_ALNUM = re.compile(r"[^\W_]")  # a letter or a digit (what str.isalnum accepts)


@functools.lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("swedish")


def normalize(text: str) -> str:
    """Text for search and embedding: soft hyphens removed, whitespace as is."""
    return text.replace(SOFT_HYPHEN, "")


def words(text: str) -> list[str]:
    """Lower-cased words of ``text`` (soft hyphens joined)."""
    return _WORD.findall(normalize(text).lower())


def tokenize(text: str) -> list[str]:
    """Swedish-stemmed content words, stop words removed: the BM25 vocabulary."""
    kept = [w for w in words(text) if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]
    return _stemmer().stemWords(kept)


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "m.fl", "fl", "t.ex", "ex", "bl.a", "a", "s.k", "k", "dvs", "d.v.s", "s", "kl", "nr",
    "ca", "resp", "jfr", "prot", "st", "tel", "osv", "o.s.v", "etc", "mnkr", "mkr", "kr",
    "f.d", "d", "p", "e.g", "i.e", "mr", "mrs", "dr", "prop", "bet", "skr", "sid", "s.",
}
_SENTENCE_END = re.compile(r"[.!?…]+[\"”»’)]*(?=\s+)")
BULLET = re.compile(r"[ \t]*(?:[-–•●▪*]|\d{1,2}[.)])[ \t]+")  # use with .match(text, pos)
_INLINE_BULLET = re.compile(r"\s*●\s*")
_LIST_NUMBER = re.compile(r"\s*\d{1,2}[.)]")


def _abbreviation_before(text: str, dot: int) -> bool:
    """True when the full stop at ``dot`` closes a known abbreviation or an initial."""
    head = text[max(0, dot - 8):dot]
    match = re.search(r"([\w.]+)$", head)
    if not match:
        return False
    word = match.group(1).lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _next_visible(text: str, pos: int, end: int) -> str:
    while pos < end and text[pos].isspace():
        pos += 1
    return text[pos] if pos < end else ""


def _skip_blank(text: str, start: int, end: int) -> int:
    while start < end and (text[start].isspace() or text[start] == SOFT_HYPHEN):
        start += 1
    return start


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding whitespace and without a leading list marker."""
    start = _skip_blank(text, start, end)
    while end > start and text[end - 1].isspace():
        end -= 1
    bullet = BULLET.match(text, start, end)
    if bullet and bullet.end() < end:
        start = _skip_blank(text, bullet.end(), end)  # "- \nwrapped item": the line break too
    return start, end


def line_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the whole line(s) holding ``text[start:end]``, without the line breaks."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end < 0 else line_end


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Line spans within [start, end), without the line break."""
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        yield pos, stop
        pos = stop + 1


def _ends_clause(text: str, start: int, end: int) -> bool:
    stripped = text[start:end].rstrip()
    return not stripped or stripped[-1] in ".!?:;…\"”»)"


def continues_clause(text: str, previous: tuple[int, int], following: tuple[int, int]) -> bool:
    """A line break inside a sentence (a page break, a hard wrap): the previous text stops
    mid-clause and the following one, not a list item, goes on in lower case or with a figure."""
    if BULLET.match(text, following[0], following[1]) or _ends_clause(text, *previous):
        return False
    first = _next_visible(text, following[0], following[1])
    return first.islower() or first.isdigit()


def _line_units(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Lines and paragraphs that hold sentences: a line that breaks mid-clause
    (a page break, a hard wrap) continues into the next one unless that one is a bullet."""
    unit_start: int | None = None
    last_end = start
    for line_start, line_end in _lines(text, start, end):
        blank = not text[line_start:line_end].strip()
        if blank:
            continue
        if unit_start is not None:
            if not continues_clause(text, (unit_start, last_end), (line_start, line_end)):
                yield unit_start, last_end
                unit_start = line_start
        else:
            unit_start = line_start
        last_end = line_end
    if unit_start is not None:
        yield unit_start, last_end


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]``; every span is trimmed and non-empty.

    Lines end sentences (lists, headings, table rows), except a line that stops
    mid-clause and continues in lower case on the next (page breaks in exported PDFs).
    Inline ``●`` bullets also separate sentences.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for unit_start, unit_end in _line_units(text, start, end):
        pieces: list[tuple[int, int]] = []
        cursor = unit_start
        for bullet in _INLINE_BULLET.finditer(text, unit_start, unit_end):
            pieces.append((cursor, bullet.start()))
            cursor = bullet.end()
        pieces.append((cursor, unit_end))
        for piece_start, piece_end in pieces:
            sentence_start = piece_start
            for match in _SENTENCE_END.finditer(text, piece_start, piece_end):
                stop = match.end()
                following = _next_visible(text, stop, piece_end)
                if not following:
                    continue
                if text[match.start()] == "." and _abbreviation_before(text, match.start()):
                    continue
                if _LIST_NUMBER.fullmatch(text, sentence_start, stop):
                    continue  # "1. Aktivera …": the item's number, not a sentence
                if not (following.isupper() or following.isdigit() or following in "–-\"”»*"):
                    continue
                spans.append((sentence_start, stop))
                sentence_start = stop
            spans.append((sentence_start, piece_end))
    trimmed = (_strip(text, s, e) for s, e in spans)
    return [(s, e) for s, e in trimmed if e > s and _ALNUM.search(text, s, e)]
