"""`dateline serve` as a person uses it: the real command on 127.0.0.1, Debian's chromium driven
by Playwright (no browser download): search → article → speaker → timeline → statement spread,
and the network. Each view's screenshot is saved in tests/artifacts/web/ (and copied to
$DATELINE_ARTIFACTS when it is set)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("DATELINE_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts" / "web"

pytest.importorskip("fastapi", reason="the web extra is not installed")
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (the dev extra)")
if not os.access(CHROMIUM, os.X_OK):
    pytest.skip(f"no chromium at {CHROMIUM} (apt-get install -y chromium)", allow_module_level=True)

import web_store  # noqa: E402
from servers import free_port, running  # noqa: E402


@pytest.fixture(scope="module")
def server(nlp, tmp_path_factory):
    db = web_store.build(tmp_path_factory)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with running([sys.executable, "-m", "dateline", "serve", "--db", str(db), "--port", str(port)],
                 base + "/api/summary", "dateline serve",
                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as proc:
        yield base
    err = proc.stderr.read() or ""
    assert f"http://127.0.0.1:{port}/" in err  # serve says where to open it
    assert "Traceback" not in err


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.errors = []  # type: ignore[attr-defined]
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 5000
    extra = os.environ.get("DATELINE_ARTIFACTS")
    if extra:
        Path(extra).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(extra) / path.name)


CANVAS_HAS_INK = """el => [...el.querySelectorAll('canvas')].some(c => {
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  for (let i = 3; i < d.length; i += 4) if (d[i] > 0) return true;
  return false; })"""


def test_search_article_speaker_timeline_and_spread(server, page):
    page.goto(server + "/")
    assert "Ada Varga" in page.inner_text(".columns")
    shot(page, "1-home")

    page.fill(".hero input[name=q]", "bridge")
    page.press(".hero input[name=q]", "Enter")
    page.wait_for_url("**/search?q=bridge")
    results = page.inner_text(".article-results")
    assert "Lowmark minister vows to reopen Sarn bridge within a month" in results
    assert page.locator(".snippet mark").count() > 0
    assert "Ada Varga" in page.inner_text(".facet-speaker")
    shot(page, "2-search")

    page.click(".article-results a.title:has-text('Lowmark minister vows to reopen Sarn bridge')")
    page.wait_for_url("**/articles/lowmark-0502")
    assert page.locator("mark.claim.kind-direct").count() >= 1
    assert page.locator("mark.claim.kind-indirect").count() >= 2
    page.focus("#claim-c1")
    card = page.evaluate("getComputedStyle(document.querySelector('#claim-c1'), '::after').content")
    assert "cue: told" in card and "chain: Public Works Minister Ada Varga → AP" in card
    page.click("summary:has-text('Versions, copies')") if page.locator("summary:has-text('Versions')").count() else None
    shot(page, "3-article")

    page.click(".text a.entity:has-text('Ada Varga')")
    page.wait_for_url("**/entities/*")
    assert page.inner_text("h1").startswith("Ada Varga")
    page.wait_for_selector("#timeline-chart[data-drawn=yes]", timeout=20000)
    bars = page.locator("#timeline-chart svg .mark-rect path").count()
    assert bars >= 3  # May (two weeks) and June at least
    assert "Radio Lowmark" in page.inner_text(".columns")
    shot(page, "4-speaker-timeline")

    page.click("a.content:has-text('We will have traffic back')")
    page.wait_for_url("**/statements/*")
    page.wait_for_selector("#spread-graph[data-drawn=yes]", timeout=20000)
    labels = page.evaluate("window.datelineGraphs['spread-graph'].nodes().map(n => n.data('label').split('\\n')[0])")
    assert {"Ada Varga", "AP"} <= set(labels)
    assert page.eval_on_selector("#spread-graph", CANVAS_HAS_INK)
    assert page.locator(".wording").count() == 2  # the wire's wording and the Herald's cut
    assert "end of May" in page.inner_text(".wording del")
    assert "valley-herald" in page.inner_text(".spread-list") or "Minister vows" in page.inner_text(".spread-list")
    shot(page, "5-statement-spread")
    assert page.errors == [] and page.dialogs == []


def test_network_and_story_draw(server, page):
    page.goto(server + "/network")
    page.wait_for_selector("#network-graph[data-drawn=yes]", timeout=20000)
    assert int(page.get_attribute("#network-graph", "data-nodes")) >= 3
    assert page.eval_on_selector("#network-graph", CANVAS_HAS_INK)
    shot(page, "6-network")
    page.goto(server + "/articles/lowmark-0502")
    page.click("a[href^='/stories/']")
    page.wait_for_selector("#story-chart[data-drawn=yes]", timeout=20000)
    assert page.locator("#story-chart svg .mark-symbol path").count() == 2
    shot(page, "7-story")
    assert page.errors == [] and page.dialogs == []


def test_hostile_page_text_never_runs(server, page):
    page.goto(server + "/articles/hostile-page")
    text = page.inner_text(".article")
    assert "<script>alert('stolen')</script>" in text
    assert "<img src=x onerror=alert(1)>" in page.inner_text("h1")
    page.hover("mark.claim")
    page.goto(server + "/search?q=" + "%3Cscript%3Ealert(9)%3C%2Fscript%3E")
    shot(page, "8-hostile")
    assert page.dialogs == []


def test_search_facets_swap_in_place_with_htmx(server, page):
    page.goto(server + "/search?q=bridge")
    page.click(".facet-kind a >> text='direct'")
    page.wait_for_url(re.compile(r"kind=direct"))
    rows = page.locator(".statements-results tbody tr").all_inner_texts()
    assert rows and all("direct" in r for r in rows)
    page.fill(".facets-form input[name=q]", "traffic")
    page.click(".facets-form button")
    page.wait_for_url(re.compile(r"q=traffic"))
    assert "We will have traffic back" in page.inner_text(".statements-results")
    assert "kind: direct" in page.inner_text(".active-filters")  # the facet is kept
    assert page.evaluate("typeof htmx") == "object"
    assert page.errors == []
