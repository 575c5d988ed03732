"""End-to-end: a real headless Chromium clicks search → article → entity → timeline.

Uses Debian's /usr/bin/chromium driven by playwright (never a downloaded browser). Skips
when chromium is missing, unless CHRONIK_REQUIRE_BROWSER=1 (CI), where it fails instead.
Set CHRONIK_SCREENSHOT=path.png to save a screenshot of the article page (for the README).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.articles import XSS_SCRIPT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [pytest.mark.browser, pytest.mark.slow]
DIALOGS: list[str] = []  # alert()/confirm() messages seen by the browser: must stay empty


def _require_browser() -> Any:
    required = os.environ.get("CHRONIK_REQUIRE_BROWSER") == "1"
    if not CHROMIUM.exists():
        if required:
            pytest.fail(f"CHRONIK_REQUIRE_BROWSER=1 but {CHROMIUM} is missing (run .ci/browser.sh)")
        pytest.skip(f"{CHROMIUM} not installed")
    if required:
        from playwright import sync_api
    else:
        sync_api = pytest.importorskip("playwright.sync_api")
    return sync_api


@pytest.fixture(scope="module")
def page(live_server: str) -> Iterator[Any]:
    sync_api = _require_browser()
    with tempfile.TemporaryDirectory(prefix="chronik-chromium-") as profile, sync_api.sync_playwright() as driver:
        context = driver.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1360, "height": 900},
        )
        context.set_default_timeout(15_000)
        browser_page = context.new_page()
        browser_page.on("dialog", lambda dialog: (DIALOGS.append(dialog.message), dialog.dismiss()))
        yield browser_page
        context.close()


def test_browser_search_article_entity_timeline(page: Any, live_server: str) -> None:
    page.goto(live_server + "/")
    page.fill("input[name=q]", "Energie")
    page.click("form.search button")
    page.click("text=Keller trifft Brandl in Wien")
    assert page.url == live_server + "/articles/art-keller"

    quote = page.locator('.article-text [data-quote="Q1"]').first
    assert "Zusammenarbeit" in quote.inner_text()
    assert page.locator(".side-quotes li").count() == 2
    assert page.locator(".article-text .trg").first.inner_text().startswith("zusammengetroffen")

    page.locator('.article-text a.ent[data-entity="E1"]').first.click()
    page.wait_for_url("**/entities/**")
    assert page.locator("h1").inner_text() == "Anna Keller"
    assert "Aussenministerin" in page.locator(".roles").inner_text()
    assert "Markus Brandl" in page.locator(".cooccurring").inner_text()

    page.click("text=Zeitleiste dieser Entität")
    page.wait_for_url("**/timeline?entity=*")
    assert page.locator("svg.timeline-chart rect.bar").count() >= 1
    assert page.locator("#timeline-total").inner_text().startswith("1 Ereignisse")


def test_browser_layer_toggle_hides_entity_colours(page: Any, live_server: str) -> None:
    page.goto(live_server + "/articles/art-keller")
    text = page.locator("#article-text")
    page.uncheck('input[data-layer="ent"]')
    assert "show-ent" not in (text.get_attribute("class") or "")
    page.check('input[data-layer="ent"]')
    assert "show-ent" in (text.get_attribute("class") or "")


def test_browser_hostile_article_runs_no_script(page: Any, live_server: str) -> None:
    page.goto(live_server + "/articles/art-hostile")
    page.wait_for_load_state("load")
    assert DIALOGS == []
    assert page.locator("img").count() == 0
    assert XSS_SCRIPT in page.locator(".para-title").inner_text()


def test_browser_network_page_draws_svg(page: Any, live_server: str) -> None:
    page.goto(live_server + "/network")
    assert page.locator("svg.network-chart circle.node").count() >= 4


SHOWCASE = (
    "Gespräche in Genf ohne Durchbruch\n\n"
    "Genf – Die Aussenminister der Schweiz und Österreichs haben sich am Dienstag in Genf getroffen, um über "
    "eine Energiepartnerschaft zu beraten. Bundesrätin Anna Keller (54) empfing ihren Amtskollegen Markus "
    "Brandl (61) im Palais des Nations.\n\n"
    "«Wir sind einer Einigung näher als je zuvor», sagte Keller nach dem dreistündigen Treffen. Brandl erklärte "
    "hingegen, Österreich werde keine neuen Verpflichtungen eingehen, solange die Netzgebühren ungeklärt seien.\n\n"
    "Die Europäische Kommission begrüsste die Gespräche. Ein Sprecher sagte in Brüssel, man unterstütze jede "
    "Initiative, die die Versorgungssicherheit stärke.\n\n"
    "Umweltverbände kritisierten das Treffen scharf. «Hier wird über Leitungen verhandelt, nicht über "
    "Klimaschutz», sagte die Greenpeace-Sprecherin Lea Moser. Die nächste Runde ist für Januar in Wien geplant."
)


@pytest.mark.skipif(not os.environ.get("CHRONIK_SCREENSHOT"), reason="set CHRONIK_SCREENSHOT=path.png")
def test_browser_screenshot_of_analysed_article(page: Any) -> None:
    """The README screenshot: our own example article, analysed by the full pipeline."""
    from chronik.api import analyze_text
    from chronik.store import open_store
    from chronik.web import create_app
    from tests.web.conftest import running_server

    article = analyze_text(SHOWCASE, date="2025-12-02", title="Gespräche in Genf ohne Durchbruch")
    article.outlet = "Beispielzeitung"
    with open_store(":memory:") as store, running_server(create_app(store.url, store=store)) as url:
        store.add_article(article)
        page.set_viewport_size({"width": 1360, "height": 860})
        page.goto(f"{url}/articles/{article.id}")
        assert page.locator(".article-text .ent").count() > 0
        page.screenshot(path=os.environ["CHRONIK_SCREENSHOT"])
