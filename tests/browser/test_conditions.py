"""The water-mains fixture in a real browser (tests/fixtures/fixture-watermains-2026):
every page loads offline and axe-clean, and where repairs do not outpace new leaks the
live panel writes "never clears at this pace", never a negative, infinite or missing
number, while the reader drags."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playwright.sync_api import Page, expect

from tests.browser.a11y import assert_accessible
from tests.browser.conftest import UPDATE, heading, wait_for_run

pytestmark = pytest.mark.browser

NEVER = "never clears at this pace"
PAGES = [("/", "ClaimScope"), ("/projection", "Projection explorer"),
         ("/compare", "Compare scenarios"), ("/source", "Source"),
         ("/method", "Method & caveats")]
BAD_NUMBER = re.compile(r"(−|-)\s?\d|\binf|\bnan\b|—\s*years|Infinity", re.I)


@pytest.mark.parametrize(("path", "page_heading"), PAGES, ids=[p for p, _ in PAGES])
def test_each_page_loads(conditions_page: Page, external_requests: list[str], path: str,
                         page_heading: str) -> None:
    conditions_page.goto(path)
    wait_for_run(conditions_page)
    expect(heading(conditions_page)).to_have_text(page_heading)
    conditions_page.wait_for_load_state("networkidle")
    assert external_requests == []
    assert_accessible(conditions_page, path)


def _panel_texts(page: Page) -> str:
    return page.locator(".cs-results").inner_text()


def test_the_panel_says_never_where_the_backlog_never_clears(conditions_page: Page) -> None:
    conditions_page.goto("/projection")
    wait_for_run(conditions_page)
    card = conditions_page.locator(".cs-card[data-output='years_to_clear'] .cs-card-value")
    expect(card).to_have_text("7.18 years", timeout=UPDATE)
    expect(conditions_page.locator(".cs-card[data-output='leaks'] .cs-card-value")
           ).to_have_text("2,583 leaks")
    exact = conditions_page.locator("#cs-repairs-exact")
    exact.fill("59")  # an `input` event: the panel recomputes in the browser
    expect(card).to_have_text(NEVER, timeout=UPDATE)
    expect(conditions_page.locator(".cs-sentence")).to_contain_text(f"clears in {NEVER}")
    assert not BAD_NUMBER.search(_panel_texts(conditions_page))


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(repairs=st.integers(0, 300), new_leaks=st.integers(0, 300))
def test_no_bad_number_is_ever_written_by_the_panel(conditions_page: Page, repairs: int,
                                                    new_leaks: int) -> None:
    if conditions_page.url == "about:blank":
        conditions_page.goto("/projection")
        wait_for_run(conditions_page)
    for name, value in (("repairs", repairs), ("new_leaks", new_leaks)):
        conditions_page.locator(f"#cs-{name}-range").evaluate(
            "(node, value) => { node.value = String(value);"
            " node.dispatchEvent(new Event('input', {bubbles: true})); }", value)
    text = _panel_texts(conditions_page)
    assert not BAD_NUMBER.search(text), text
    card = conditions_page.locator(".cs-card[data-output='years_to_clear'] .cs-card-value")
    assert (card.inner_text() == NEVER) == (repairs <= new_leaks)
