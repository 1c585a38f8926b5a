"""Accessibility in a real browser (DESIGN §10): axe-core on every page, the keyboard, and
a narrow screen.

axe-core comes bundled with axe-playwright-python (nothing is fetched). Every page is
checked against WCAG 2.1 A/AA and axe's best practices; a serious or critical violation
fails, and so does any heading-order one (headings must not skip levels).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import FIRST_LOAD, PAGES, Server, metric_value, wait_for_run

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
FAILING_IMPACTS = {"serious", "critical"}
ALWAYS_FAILING = {"heading-order"}
RANGED = "/projection?unique_lo=60&unique_hi=100&coverage_lo=50&coverage_hi=100"
AXE_PATHS = [path for path, *_ in PAGES] + [RANGED]
CHART_PATHS = [path for path, _, _, has_chart in PAGES if has_chart]
NATIONAL = "National total over the window"
SHARE = "Responding forces' share of the population"


def violations(page: Page) -> list[str]:
    """One line per failing axe rule: id, impact, help, and the first targets."""
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS},
                                       "resultTypes": ["violations"]})
    lines = []
    for rule in results.response["violations"]:
        if rule["impact"] in FAILING_IMPACTS or rule["id"] in ALWAYS_FAILING:
            targets = ", ".join(" ".join(map(str, node["target"]))
                                for node in rule["nodes"][:5])
            first = rule["nodes"][0]
            summary = " ".join((first.get("failureSummary") or "").split())
            lines.append(f"{rule['id']} ({rule['impact']}, {len(rule['nodes'])} nodes): "
                         f"{rule['help']} — {targets} — first: {summary} — "
                         f"{' '.join(first.get('html', '').split())[:300]}")
    return lines


def charts_drawn(page: Page) -> None:
    charts = page.locator(".js-plotly-plot")
    if charts.count():
        expect(charts.first).to_be_visible(timeout=FIRST_LOAD)
        page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("path", AXE_PATHS, ids=AXE_PATHS)
def test_no_serious_axe_violations(visit: Callable[[str], Page], path: str) -> None:
    """No serious or critical WCAG 2.1 A/AA violation and no skipped heading level."""
    page = visit(path)
    charts_drawn(page)
    found = violations(page)
    if found:
        # Right after a run, Streamlit may still be filling a container it drew first (the
        # sidebar before its widgets): judge the page the reader sees once it has settled.
        page.wait_for_timeout(1500)
        found = violations(page)
    assert not found, f"axe-core on {path}:\n" + "\n".join(found)


@pytest.mark.parametrize("path", CHART_PATHS, ids=CHART_PATHS)
def test_every_chart_is_named_by_its_title_and_has_its_data(visit: Callable[[str], Page],
                                                            path: str) -> None:
    """Each plotly chart has an accessible name (its sentence title) and a data expander."""
    page = visit(path)
    charts = page.get_by_test_id("stPlotlyChart")
    expect(charts.first).to_be_visible(timeout=FIRST_LOAD)
    titles = [title.strip() for title in page.locator(".js-plotly-plot .gtitle")
              .all_text_contents()]
    assert titles and all(titles)
    for title in titles:
        expect(page.get_by_role("img", name=title, exact=True).or_(
            page.get_by_role("figure", name=title, exact=True)).first).to_be_attached()
    expanders = page.get_by_test_id("stExpander").filter(has_text="Data behind this chart")
    assert expanders.count() >= charts.count()


def test_keyboard_only_slider_and_chart_data(visit: Callable[[str], Page]) -> None:
    """Tab to the share slider, ArrowRight changes the total; Tab to a chart's data
    expander, Enter opens it and shows the table."""
    page = visit("/projection")
    total = metric_value(page, NATIONAL)
    expect(total).to_have_text("358.6 million")
    slider = page.get_by_role("slider", name=SHARE)
    for _ in range(80):  # Tab from the top of the page, as someone without a mouse would
        page.keyboard.press("Tab")
        if slider.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the share slider")
    page.keyboard.press("ArrowRight")
    expect(total).not_to_have_text("358.6 million")
    wait_for_run(page)

    summary = page.get_by_test_id("stExpander").filter(
        has_text="Data behind this chart").first.locator("summary")
    for _ in range(200):
        page.keyboard.press("Tab")
        if summary.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached a 'Data behind this chart' expander")
    page.keyboard.press("Enter")
    expander = page.get_by_test_id("stExpander").filter(has_text="Data behind this chart")
    expect(expander.first.get_by_test_id("stDataFrame")).to_be_visible()


@pytest.fixture
def narrow(browser: Browser, server: Server) -> Callable[[str], Page]:
    """A phone-sized page (390 px wide, touch-free) on the app."""
    context = browser.new_context(base_url=server.url, viewport={"width": 390, "height": 844})
    context.route(re.compile(r"^(?!https?://(localhost|127\.0\.0\.1)[:/])https?:"),
                  lambda route: route.abort())
    pages: list[Page] = []

    def open_path(path: str) -> Page:
        page = context.new_page()
        pages.append(page)
        page.goto(path)
        wait_for_run(page)
        return page

    yield open_path
    context.close()


@pytest.mark.parametrize("path", AXE_PATHS, ids=AXE_PATHS)
def test_narrow_screen_has_no_horizontal_scroll(narrow: Callable[[str], Page],
                                                path: str) -> None:
    page = narrow(path)
    charts_drawn(page)
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{path}: page is {width[0]} px wide in a {width[1]} px window"


def test_narrow_screen_slider_still_works(narrow: Callable[[str], Page]) -> None:
    page = narrow("/projection")
    total = metric_value(page, NATIONAL)
    expect(total).to_have_text("358.6 million")
    page.get_by_role("slider", name=SHARE).focus()
    page.keyboard.press("ArrowRight")
    expect(total).not_to_have_text("358.6 million")
