"""Accessibility in a real browser (docs/architecture.md, "From a page to the browser's panel"): a
page with ranges, the keyboard, and a
narrow screen. Every page's own test in test_pages.py also checks it with axe-core and
its charts' names (tests/browser/a11y.py), in the same visit.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.browser.a11y import assert_accessible, charts_drawn
from tests.browser.conftest import PAGES, Server, wait_for_run

pytestmark = pytest.mark.browser

RANGED = "/projection?unique_lo=60&unique_hi=100&coverage_lo=50&coverage_hi=100"
NARROW_PATHS = [path for path, *_ in PAGES] + [RANGED]
NATIONAL = "National total over the window"
SHARE = "Responding forces' share of the population"


def test_a_page_with_ranges_is_accessible(visit: Callable[[str], Page]) -> None:
    """/projection with ranges switched on (its distributions, tornado, variance shares and
    claim map drawn): no serious axe violation, every chart named and with its data. Every
    page without ranges is checked the same way by its own test in test_pages.py."""
    page = visit(RANGED)
    assert_accessible(page, RANGED)


def test_correlations_and_sobol_indices_are_accessible(visit: Callable[[str], Page]) -> None:
    """The correlation controls (opened), the convergence and Sobol charts, with a
    resampled range: no serious axe violation, every chart named and with its data."""
    link = f"{RANGED}&rate_ratio_dist=resampled&corr=unique:coverage:0.5"
    page = visit(link)
    page.locator(".st-key-sobol_shown").get_by_text("Work out Sobol indices").click()
    expect(page.locator(".js-plotly-plot .gtitle").filter(
        has_text="with its interactions")).to_have_count(1)
    assert_accessible(page, link)


def tab_to(page: Page, target: Locator, presses: int, what: str) -> None:
    """Press Tab until `target` has the focus, at most `presses` times."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            return
    pytest.fail(f"Tab never reached {what}")


def panel_card(page: Page, output: str) -> Locator:
    """The live panel's card value for one output."""
    return page.locator(f'.cs-card[data-output="{output}"] .cs-card-value')


def test_keyboard_only_slider_and_chart_data(visit: Callable[[str], Page]) -> None:
    """Tab to the share slider, ArrowRight changes the total and the step chart; Tab to
    the chart's numbers, Enter opens them and shows the table."""
    page = visit("/projection")
    total = panel_card(page, "national")
    expect(total).to_have_text("358.6 million images")
    # Tab from the top of the page, as someone without a mouse would
    tab_to(page, page.get_by_role("slider", name=SHARE), 80, "the share slider")
    page.keyboard.press("ArrowRight")
    expect(total).to_have_text("356.2 million images")  # 26M ÷ 7.30 %
    expect(page.locator(".cs-verdict")).to_contain_text("claim holds")
    expect(page.locator(".cs-chart-title")).to_contain_text("356.2 million")
    wait_for_run(page)

    summary = page.locator(".cs-chart-data summary")
    tab_to(page, summary, 200, "the step chart's numbers")
    page.keyboard.press("Enter")
    table = page.locator(".cs-chart-table")
    expect(table).to_be_visible()
    expect(table.get_by_role("row")).to_have_count(6)  # a header and five stages


def test_keyboard_only_plotly_chart_data(visit: Callable[[str], Page]) -> None:
    """Tab to a plotly chart's data expander (the overview's first chart), Enter opens it
    and shows the table."""
    page = visit("/")
    summary = page.get_by_test_id("stExpander").filter(
        has_text="Data behind this chart").first.locator("summary")
    tab_to(page, summary, 200, "a 'Data behind this chart' expander")
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


@pytest.mark.parametrize("path", NARROW_PATHS, ids=NARROW_PATHS)
def test_narrow_screen_has_no_horizontal_scroll(narrow: Callable[[str], Page],
                                                path: str) -> None:
    page = narrow(path)
    charts_drawn(page)
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{path}: page is {width[0]} px wide in a {width[1]} px window"


def test_narrow_screen_slider_still_works(narrow: Callable[[str], Page]) -> None:
    page = narrow("/projection")
    total = panel_card(page, "national")
    expect(total).to_have_text("358.6 million images")
    page.get_by_role("slider", name=SHARE).focus()
    page.keyboard.press("ArrowRight")
    expect(total).to_have_text("356.2 million images")
    # the one-line headline that stays above the assumptions on a phone says it too
    expect(page.locator(".cs-live-headline")).to_have_text(
        "National total over the window: 356.2 million images ✓")
