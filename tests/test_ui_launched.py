"""The app as users reach it: launched on a local port, over the real seed index."""

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
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
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
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
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
