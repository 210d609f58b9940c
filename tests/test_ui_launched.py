"""The app as users reach it: launched on a local port, over the real seed index."""

import contextlib
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from gradio_client import Client

from assistant import Assistant
from tests.conftest import free_port, seed_text
from ui.app import launch

# Gradio's server thread and gradio_client leave sockets and event loops to the garbage
# collector; those ResourceWarnings come from their internals, not from Källa.
pytestmark = [
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic"]
MISSION = "Vilket parti föreslog att den som vill lämna kriminalitet ska få en första kontakt med staden inom 24 timmar?"


@pytest.fixture(scope="module")
def app_url(seed_assistant: Assistant) -> Iterator[str]:
    port = free_port()
    app = launch(seed_assistant, port=port, block=False)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        app.close()


def test_ask_endpoint_returns_the_json_contract(app_url: str) -> None:
    client = Client(app_url, verbose=False)
    data = client.predict("Vem skrev interpellationen om Trefas?", api_name="/ask")
    assert data["answerable"] and data["answer"].startswith("Jan Jönsson (L) [1]")
    citation = data["citations"][0]
    assert seed_text(citation["doc_id"])[citation["start"]:citation["end"]] == citation["quote"]


def test_twenty_concurrent_users_all_get_cited_answers(app_url: str) -> None:
    questions = ["How many shootings were there in 2020?", "Vem är stadsdelsdirektör i Hägersten-Älvsjö?",
                 "Hur mycket satsas på en avhopparlinje?", "Vem skrev interpellationen om Trefas?"] * 5

    def ask(question: str) -> dict:
        return Client(app_url, verbose=False).predict(question, api_name="/ask")

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(ask, questions))
    assert len(results) == 20
    for question, data in zip(questions, results, strict=True):
        assert data["question"] == question and data["answerable"]
        for citation in data["citations"]:
            assert seed_text(citation["doc_id"])[citation["start"]:citation["end"]] == citation["quote"]


def test_browser_shows_the_cited_span_highlighted(app_url: str, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="sv-SE")
        page.goto(app_url)
        page.locator("#kalla-question textarea").fill(MISSION)
        page.locator("#kalla-ask").click()
        first_source = page.locator("#kalla-citations label").first
        expect(first_source).to_contain_text("[1] En stad som är trygg för alla", timeout=60_000)
        expect(page.locator("#kalla-chat")).to_contain_text("Socialdemokraterna (S) [1]")
        first_source.click()
        cited = page.locator("#kalla-source mark#kalla-cited")
        expect(cited).to_have_text(
            "Personer som behöver stöd för att lämna en kriminell livsstil ska få en första kontakt med staden "
            "inom 24 timmar. (+7 mnkr)", timeout=30_000)
        expect(cited).to_be_in_viewport()
        page.screenshot(path=str(tmp_path / "kalla-source-panel.png"), full_page=True)
        browser.close()
    assert (tmp_path / "kalla-source-panel.png").stat().st_size > 10_000


def test_login_is_required_when_auth_is_set(seed_assistant: Assistant) -> None:
    port = free_port()
    app = launch(seed_assistant, port=port, auth="redaktion:hemligt", block=False)
    try:
        url = f"http://127.0.0.1:{port}/"
        data = Client(url, auth=("redaktion", "hemligt"), verbose=False).predict(
            "Vem skrev interpellationen om Trefas?", api_name="/ask")
        assert data["citations"][0]["doc_id"] == "000_ed6c3b31f6cd4d64"
        with pytest.raises(Exception, match="(?i)login|auth|401|credentials"):
            Client(url, auth=("redaktion", "fel"), verbose=False)
    finally:
        app.close()


def test_delete_asks_first_naming_the_document_and_nothing_is_preselected(app_url: str, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    doc_id = "000_ed6c3b31f6cd4d64"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="sv-SE")
        page.goto(app_url)
        page.get_by_role("tab", name="Dokument").click()
        choice = page.get_by_label("Ta bort dokument")
        expect(choice).to_have_value("")  # nothing preselected
        choice.click()
        page.get_by_role("option", name=doc_id).click()
        asked: list[str] = []
        page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
        page.get_by_role("button", name="Ta bort").click()
        page.wait_for_timeout(1500)
        page.screenshot(path=str(tmp_path / "kalla-delete-asks.png"), full_page=True)
        browser.close()
    assert asked and doc_id in asked[0]
    assert Client(app_url, verbose=False).predict("Vem skrev interpellationen om Trefas?", api_name="/ask")[
        "citations"][0]["doc_id"] == doc_id  # dismissed: still indexed


def _small_app(folder: Path, data_dir: Path):
    """The app served over ``folder``, indexed with the fast bag-of-stems embedder."""
    from assistant import Settings
    from assistant.answering import ExtractiveAnswerer
    from index import Index
    from tests.fakes import BAG_OF_STEMS_SETTINGS, BagOfStemsEmbedding

    index = Index(data_dir, BagOfStemsEmbedding())
    assistant = Assistant(index, Settings(data_dir=data_dir), answerer=ExtractiveAnswerer(index, BAG_OF_STEMS_SETTINGS))
    assistant.index([folder])
    return launch(assistant, port=free_port(), block=False)


@contextlib.contextmanager
def _swedish_page(url: str) -> Iterator:
    """A page of Debian's Chromium (Swedish locale) open at ``url``; the browser closes after."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="sv-SE")
            page.goto(url)
            yield page
        finally:
            browser.close()


def _ask(page, question: str, answers_before: int) -> None:
    from playwright.sync_api import expect

    page.locator("#kalla-question textarea").fill(question)
    page.locator("#kalla-ask").click()
    expect(page.locator('#kalla-chat a[href^="#kalla-cite-"]').first).to_be_visible(timeout=60_000)
    expect(page.locator(f'#kalla-chat a[href^="#kalla-cite-{answers_before + 1}-"]').first).to_be_visible(
        timeout=60_000)


def test_cite_links_open_their_source_for_every_answer(app_url: str, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="sv-SE")
        page.goto(app_url)
        _ask(page, MISSION, 0)
        _ask(page, "Vem skrev interpellationen om Trefas?", 1)
        cited = page.locator("#kalla-source mark#kalla-cited")
        # The latest answer's [1]: the interpellation's heading.
        page.locator('#kalla-chat a[href="#kalla-cite-2-1"]').first.click()
        expect(cited).to_contain_text("Interpellation från Jan Jönsson (L)", timeout=30_000)
        # The first answer's [1] still opens its own source.
        page.locator('#kalla-chat a[href="#kalla-cite-1-1"]').first.click()
        expect(cited).to_have_text(
            "Personer som behöver stöd för att lämna en kriminell livsstil ska få en första kontakt med staden "
            "inom 24 timmar. (+7 mnkr)", timeout=30_000)
        expect(page.locator("#kalla-source")).to_contain_text("001_082b2fdf56f4f767")
        page.screenshot(path=str(tmp_path / "kalla-earlier-source.png"), full_page=True)
        browser.close()
    assert (tmp_path / "kalla-earlier-source.png").stat().st_size > 10_000


def test_a_bad_date_is_an_error_and_an_active_filter_is_shown(app_url: str, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="sv-SE")
        page.goto(app_url)
        page.locator("#kalla-date-from textarea, #kalla-date-from input").first.fill("2021-13-45")
        page.locator("#kalla-date-from textarea, #kalla-date-from input").first.press("Enter")
        expect(page.locator("#kalla-active-filters")).to_contain_text("från 2021-13-45", timeout=30_000)
        page.locator("#kalla-question textarea").fill("Vem skrev interpellationen om Trefas?")
        page.locator("#kalla-ask").click()
        expect(page.locator("#kalla-chat")).to_contain_text("Ogiltigt datum", timeout=60_000)
        page.screenshot(path=str(tmp_path / "kalla-bad-date.png"), full_page=True)
        browser.close()


def test_quotes_with_markdown_marks_show_verbatim(tmp_path: Path) -> None:
    from playwright.sync_api import expect

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "budget.txt").write_text(
        "Budget för parker\n\nNämnden avsätter *5 mnkr* till parker och _lekplatser_ i Farsta under 2025.\n",
        encoding="utf-8")
    served = _small_app(docs, tmp_path / "data")
    try:
        with _swedish_page(served.url + "/") as page:
            _ask(page, "Hur mycket avsätter nämnden till parker och lekplatser?", answers_before=0)
            chat = page.locator("#kalla-chat")
            expect(chat).to_contain_text("*5 mnkr* till parker och _lekplatser_", timeout=60_000)
            assert chat.locator("em").count() == 0
            page.screenshot(path=str(tmp_path / "kalla-verbatim.png"), full_page=True)
    finally:
        served.close()


@pytest.mark.parametrize(("locale", "words", "absent"), [
    ("sv-SE", ["Fråga", "Dokumenttyp", "Från datum (ÅÅÅÅ-MM-DD)", "Källor", "Indexerat: 5 dokument"],
     ["Document kind", "Indexed:"]),
    ("en-US", ["Question", "Document kind", "From date (YYYY-MM-DD)", "Sources", "Indexed: 5 documents"],
     ["Dokumenttyp", "Indexerat"]),
])
def test_the_page_speaks_the_browsers_language(app_url: str, tmp_path: Path, locale: str, words: list[str],
                                               absent: list[str]) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale=locale)
        page.goto(app_url)
        body = page.locator("body")
        for word in words:
            expect(body).to_contain_text(word, timeout=30_000)
        for word in absent:
            expect(body).not_to_contain_text(word)
        page.screenshot(path=str(tmp_path / f"kalla-{locale}.png"), full_page=True)
        browser.close()


def test_a_pdf_citation_shows_its_page_highlighted(tmp_path: Path) -> None:
    import shutil

    from playwright.sync_api import expect

    pdfs = tmp_path / "pdf"
    shutil.copytree(Path(__file__).parent / "fixtures" / "documents" / "pdf", pdfs)
    shutil.copy(Path(__file__).parent.parent / "seeds" / "catalog.toml", pdfs)
    served = _small_app(pdfs, tmp_path / "data")
    try:
        with _swedish_page(served.url + "/") as page:
            _ask(page, MISSION, answers_before=0)
            link = page.locator('#kalla-chat a[href="#kalla-cite-1-1"]').first
            expect(link).to_be_visible(timeout=60_000)
            link.click()
            expect(page.locator("#kalla-source")).to_contain_text("sida 1", timeout=30_000)
            image = page.locator("#kalla-page img")
            expect(image).to_be_visible(timeout=30_000)
            expect(page.locator("#kalla-page")).to_contain_text("Sida 1 av 2")
            assert image.evaluate("img => img.naturalWidth") > 500
            page.locator("#kalla-next-page").click()
            expect(page.locator("#kalla-page")).to_contain_text("Sida 2 av 2", timeout=30_000)
            page.screenshot(path=str(tmp_path / "kalla-pdf-page.png"), full_page=True)
    finally:
        served.close()
    assert (tmp_path / "kalla-pdf-page.png").stat().st_size > 10_000
