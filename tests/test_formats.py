"""PDF, scanned PDF, Word, OpenDocument and HTML: the seeds exported by LibreOffice
(tests/fixtures/make_fixtures.py), read back, indexed in one run, and asked about."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image as PILImage

from assistant import Assistant, Settings
from index import LoadProblem
from index.documents import load_documents
from index.ocr import unavailable_reason
from index.office import OfficeError, read_docx
from tests.conftest import BUDGET, INTERPELLATION, PM, SEEDS, seed_text

FIXTURES = Path(__file__).parent / "fixtures" / "documents"
FORMATS = ("pdf", "docx", "odt", "html")
needs_ocr = pytest.mark.skipif(unavailable_reason() is not None, reason=str(unavailable_reason()))


def folded(text: str) -> str:
    return " ".join(text.split())


def on_pdf_page(path: Path, page: int) -> str:
    """The page's text as PDFium gives it, with line ends and hyphenation marks removed."""
    document = pdfium.PdfDocument(str(path))
    try:
        textpage = document[page - 1].get_textpage()
        raw = textpage.get_text_range(0, textpage.count_chars())
    finally:
        document.close()
    return re.sub(r"[\s\ufffe\x02-]+", "", raw)


def zero_page_pdf() -> bytes:
    """A well-formed PDF whose page tree is empty."""
    objects = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[]/Count 0>>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 3\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<</Size 3/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def letters(text: str) -> str:
    return re.sub(r"[\s-]+", "", text)


@pytest.mark.parametrize("kind", FORMATS)
def test_each_format_reads_back_the_seed_text(kind: str) -> None:
    problems: list[LoadProblem] = []
    documents = list(load_documents([FIXTURES / kind], problems.append))
    assert problems == []
    assert len(documents) == 5
    for document in documents:
        # Whitespace and one ambiguous line-end hyphen aside ("hvb-" + "hem"), the stored text is the seed's.
        # A letterhead is recognised by repeating; on a one-page PDF it stays.
        text = document.text
        if len(document.page_starts) == 1:
            text = text.removeprefix("Stockholms stad")
        if kind == "html" and letters(text) != letters(seed_text(document.doc_id)):
            text = text.removeprefix(document.title)  # the page's <h1> above the article
        assert letters(text) == letters(seed_text(document.doc_id)), document.source


def test_pdf_leaves_out_running_headers_footers_and_keeps_pages() -> None:
    documents = {d.doc_id: d for d in load_documents([FIXTURES / "pdf"], print)}
    pm = documents[PM]
    assert len(pm.page_starts) == 4 and pm.page_starts[0] == 0
    assert "Sida" not in pm.text and "Stockholms stad\n" not in pm.text[:40]
    # A word hyphenated at a line end is joined: the seed's words are all there.
    assert "brottsligheten" in pm.text
    # Every page's stored text is found on that page of the PDF.
    for page in range(1, 5):
        start = pm.page_starts[page - 1]
        end = pm.page_starts[page] if page < 4 else len(pm.text)
        assert letters(pm.text[start:end]) in on_pdf_page(FIXTURES / "pdf" / f"{PM}.pdf", page)


def test_html_keeps_the_article_and_drops_navigation() -> None:
    (page,) = load_documents([FIXTURES / "html" / f"{INTERPELLATION}.html"], print)
    assert page.title.startswith("Interpellation från Jan Jönsson (L)")
    assert page.fields["date"] == "2023-02-01"
    for boilerplate in ("Kontakta oss", "Godkänn", "Mest läst", "Tillgänglighetsredogörelse"):
        assert boilerplate not in page.text


@needs_ocr
def test_ocr_reads_a_scanned_page_in_swedish() -> None:
    problems: list[LoadProblem] = []
    (scan,) = load_documents([FIXTURES / "scanned"], problems.append)
    assert scan.fields["ocr_pages"] == [1]
    assert [p.skipped for p in problems] == [False]  # a warning that OCR was used, nothing skipped
    words = set(re.findall(r"\w+", scan.text))
    for word in ("Järvaområdet", "Skärholmen", "förebyggande", "socialborgarråd", "Hässelby", "Malmö"):
        assert word in words
    seed = set(re.findall(r"\w+", seed_text(INTERPELLATION)))
    assert len(words & seed) / len(words) > 0.95


def test_bad_files_are_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(FIXTURES / "pdf" / f"{BUDGET}.pdf", folder)
    shutil.copy(FIXTURES / "bad" / "protokoll-med-losenord.pdf", folder)
    (folder / "trasig.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 10)
    (folder / "noll-sidor.pdf").write_bytes(zero_page_pdf())
    with zipfile.ZipFile(folder / "inte-word.docx", "w") as archive:
        archive.writestr("bild.png", b"not a document")
    (folder / "inte-zip.odt").write_bytes(b"plain bytes")
    problems: list[LoadProblem] = []
    documents = list(load_documents([folder], problems.append))
    assert [d.doc_id for d in documents] == [BUDGET]
    said = {Path(p.source).name: p.message for p in problems if p.skipped}
    assert "encrypted" in said["protokoll-med-losenord.pdf"]
    assert "not a readable PDF" in said["trasig.pdf"]
    assert "no pages" in said["noll-sidor.pdf"]
    assert "without word/document.xml" in said["inte-word.docx"]
    assert "not a zip file" in said["inte-zip.odt"]
    with pytest.raises(OfficeError):
        read_docx(folder / "inte-word.docx")


@needs_ocr
def test_a_page_ocr_cannot_read_is_named_with_its_page(tmp_path: Path) -> None:
    problems: list[LoadProblem] = []
    assert list(load_documents([FIXTURES / "bad" / "tom-skannad-sida.pdf"], problems.append)) == []
    assert any(p.source.endswith("tom-skannad-sida.pdf page 1") and "OCR found no text" in p.message
               for p in problems)


# ---- indexed in one run, asked about ------------------------------------------------------

@pytest.fixture(scope="module")
def formats_assistant(tmp_path_factory: pytest.TempPathFactory) -> tuple[Assistant, list[LoadProblem]]:
    """Every format of the seeds (and the scanned page) in one folder, indexed in one run."""
    folder = tmp_path_factory.mktemp("formats")
    for kind in (*FORMATS, "scanned"):
        for file in (FIXTURES / kind).iterdir():
            shutil.copy(file, folder / file.name)
    shutil.copy(SEEDS / "catalog.toml", folder)
    assistant = Assistant.open(settings=Settings(data_dir=tmp_path_factory.mktemp("formats-index"), seeds_dir=SEEDS))
    problems: list[LoadProblem] = []
    report = assistant.index([folder], report=problems.append)
    assert len(report.added) == (21 if unavailable_reason() is None else 20)  # the scan needs OCR
    return assistant, problems


def _format_of(assistant: Assistant, doc_id: str) -> str:
    return assistant.document(doc_id).metadata.extra.get("format", "txt")


MISSION = "Vilket parti föreslog att avhoppare ska få en första kontakt inom 24 timmar?"


def test_the_mission_question_from_the_pdf_has_the_right_page(formats_assistant) -> None:
    assistant, _ = formats_assistant
    pdf_ids = [d.doc_id for d in assistant.documents() if _format_of(assistant, d.doc_id) == "pdf"]
    assert len(pdf_ids) == 6
    answer = assistant.ask(MISSION, filters={"doc_ids": pdf_ids})
    assert answer.answerable and "Socialdemokraterna" in answer.items[0].text
    cited = answer.citations[0]
    document = assistant.document(cited.doc_id)
    assert Path(document.source).name == f"{BUDGET}.pdf"
    assert document.text[cited.start:cited.end] == cited.quote
    assert "första kontakt med staden inom 24 timmar" in cited.quote
    assert cited.page == 1 and not cited.ocr
    assert letters(cited.quote) in on_pdf_page(Path(document.source), cited.page)
    data = json.loads(json.dumps(answer.citations[0].to_dict()))
    assert "page" in data and "ocr" in data


def test_every_pdf_citation_is_on_its_page(formats_assistant) -> None:
    assistant, _ = formats_assistant
    questions = ["Hur många individer har identifierats tack vare projektet Trefas?",
                 "Vad föreslår reservanterna att kommunstyrelsen ska göra?",
                 "Vem är handläggare?", "Vad vill Socialdemokraterna göra för att stoppa skjutningarna?"]
    pdfs = [d.doc_id for d in assistant.documents() if _format_of(assistant, d.doc_id) == "pdf"]
    checked = 0
    for question in questions:
        answer = assistant.ask(question, filters={"doc_ids": pdfs})
        for cited in answer.citations:
            document = assistant.document(cited.doc_id)
            assert document.text[cited.start:cited.end] == cited.quote
            assert "Sida " not in cited.quote and "Stockholms stad\n" not in cited.quote
            on_page = on_pdf_page(Path(document.source), cited.page)
            if cited.end <= (document.page_starts[cited.page] if cited.page < document.page_count else len(document.text)):
                assert letters(cited.quote) in on_page
            else:  # a quote running over to the next page: its start is on the cited page
                assert letters(cited.quote)[:20] in on_page
            checked += 1
    assert checked >= len(questions)


SAME_QUESTIONS = [
    "Hur många individer har identifierats tack vare projektet Trefas?",
    "Vem skrev interpellationen om Trefas?",
    "Vilken metod infördes i Malmö för att förhindra skjutningar?",
    MISSION,
]


@pytest.mark.parametrize("kind", FORMATS)
def test_same_answers_as_from_the_text_seeds(formats_assistant, seed_assistant, kind: str) -> None:
    assistant, _ = formats_assistant
    wanted = {d.doc_id for d in assistant.documents() if _format_of(assistant, d.doc_id) == kind
              and "-scan" not in d.doc_id}
    assert len(wanted) == 5
    for question in SAME_QUESTIONS:
        expected = seed_assistant.ask(question)
        got = assistant.ask(question, filters={"doc_ids": sorted(wanted)})
        assert got.answerable == expected.answerable, question
        assert [folded(i.text) for i in got.items][:1] == [folded(i.text) for i in expected.items][:1], question
        for mine, theirs in zip(got.citations, expected.citations):
            assert Path(assistant.document(mine.doc_id).source).stem == theirs.doc_id
            assert letters(mine.quote) == letters(theirs.quote)


@needs_ocr
def test_an_ocr_citation_is_marked(formats_assistant) -> None:
    assistant, _ = formats_assistant
    scan = next(d for d in assistant.documents() if "-scan" in d.doc_id)
    answer = assistant.ask("Hur många individer har identifierats tack vare projektet Trefas?",
                           filters={"doc_ids": [scan.doc_id]})
    assert answer.answerable
    cited = answer.citations[0]
    assert cited.doc_id == scan.doc_id and cited.page == 1 and cited.ocr
    assert "120" in cited.quote
    assert "OCR" in answer.text


def test_the_page_view_highlights_the_quote(formats_assistant) -> None:
    assistant, _ = formats_assistant
    answer = assistant.ask(MISSION, filters={"doc_ids": [d.doc_id for d in assistant.documents()
                                                         if _format_of(assistant, d.doc_id) == "pdf"]})
    cited = answer.citations[0]
    view = assistant.page_view(cited.doc_id, cited.page, cited.start, cited.end)
    assert view.page == 1 and view.page_count == 2
    assert 1 <= len(view.boxes) <= 3  # the quote's lines
    # The boxes hold dark (text) pixels of the rendered page, below the page's top third.
    gray = view.image.convert("L")
    for left, top, right, bottom in view.boxes:
        assert 0 <= left < right <= view.image.width and 0 <= top < bottom <= view.image.height
        crop = gray.crop((int(left), int(top), int(right) + 1, int(bottom) + 1))
        assert crop.getextrema()[0] < 100
    assert min(b[1] for b in view.boxes) > view.image.height / 3


def test_the_app_shows_the_cited_page_highlighted(formats_assistant) -> None:
    from ui.app import respond, show_cited, show_page

    assistant, _ = formats_assistant
    pdfs = [d.doc_id for d in assistant.documents() if _format_of(assistant, d.doc_id) == "pdf"]
    page_one = assistant.page_view(next(d for d in pdfs if d.startswith(BUDGET)), 1).image.convert("RGB")
    _chat, history, radio, _ = respond(assistant, MISSION, [], [])
    history[-1] = assistant.ask(MISSION, filters={"doc_ids": pdfs})
    choice = f"[1] {history[-1].citations[0].title}"
    text, image, shown = show_cited(assistant, choice, history)
    assert "kalla-cited" in text and "sida 1" in text and f"tecken {history[-1].citations[0].start}" in text
    assert image.visible and image.label == "Sida 1 av 2"
    marked = PILImage.open(image.value["path"]).convert("RGB")
    assert marked.size == page_one.size
    # The highlight is yellow where the quote is, and the rest of the page is unchanged.
    differs = [(x, y) for x in range(0, marked.width, 4) for y in range(0, marked.height, 4)
               if marked.getpixel((x, y)) != page_one.getpixel((x, y))]
    assert differs
    for x, y in differs[:200]:
        r, g, b = marked.getpixel((x, y))
        assert b < r and b < g  # yellowed
    next_image, shown = show_page(assistant, shown, 1)
    assert shown["page"] == 2 and next_image.label == "Sida 2 av 2"
    _, shown = show_page(assistant, shown, 5)
    assert shown["page"] == 2  # no page past the last


def test_an_unchanged_pdf_is_not_read_again(tmp_path: Path) -> None:
    from index import Index
    from tests.fakes import BagOfStemsEmbedding

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(FIXTURES / "pdf" / f"{PM}.pdf", folder)
    index = Index(tmp_path / "data", BagOfStemsEmbedding())
    labels: list[str] = []

    def progress(done: int, total: int, label: str) -> None:
        labels.append(label)

    assert index.add([folder], progress=progress).added == [PM]
    assert any(label.startswith("pages:") for label in labels)  # its pages were read
    labels.clear()
    again = index.add([folder], progress=progress)
    assert again.unchanged == [PM] and not again.changed
    assert not any(label.startswith("pages:") for label in labels)  # not read this time
    # A catalog entry for it, or other bytes, and it is read again.
    (folder / "catalog.toml").write_text(
        f'[documents."{PM}".kind]\nvalue = "promemoria"\nreason = "Rubriken börjar med PM."\n', encoding="utf-8")
    labels.clear()
    index.add([folder], progress=progress)
    assert any(label.startswith("pages:") for label in labels)
    shutil.copy(FIXTURES / "pdf" / f"{BUDGET}.pdf", folder / f"{PM}.pdf")
    assert index.add([folder]).updated == [PM]
    assert "Personer som behöver stöd" in index.document(PM).text
