"""The second document (the test fixture) in a real browser: every page its navigation
lists loads, and the pages its data cannot fill are not listed at all."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.a11y import assert_accessible
from tests.browser.conftest import CHART, FIRST_LOAD, heading, nav_link, wait_for_run

pytestmark = pytest.mark.browser

FIXTURE_PAGES = [  # (path, navigation title, page heading, page draws plotly charts)
    ("/", "Overview", "ClaimScope", True),
    ("/projection", "Projection explorer", "Projection explorer", True),
    ("/compare", "Compare", "Compare scenarios", False),  # no presets: nothing to chart yet
    ("/source", "Source", "Source", False),
    ("/method", "Method & caveats", "Method & caveats", False),
    ("/yours", "Your document", "Examine your own document", False),
]


@pytest.mark.parametrize(("path", "title", "page_heading", "has_chart"), FIXTURE_PAGES,
                         ids=[path for path, *_ in FIXTURE_PAGES])
def test_each_page_of_the_second_document_loads(
        fixture_page: Page, external_requests: list[str], path: str, title: str,
        page_heading: str, has_chart: bool) -> None:
    fixture_page.goto(path)
    wait_for_run(fixture_page)
    expect(nav_link(fixture_page, title)).to_have_attribute("aria-current", "page")
    expect(heading(fixture_page)).to_have_text(page_heading)
    expect(fixture_page.get_by_test_id("stTopNavLink")).to_have_text(
        [re.compile(re.escape(name)) for _, name, _, _ in FIXTURE_PAGES])
    if has_chart:
        expect(fixture_page.locator(CHART).first).to_be_visible(timeout=FIRST_LOAD)
    fixture_page.wait_for_load_state("networkidle")
    assert external_requests == [], f"requests to other hosts: {external_requests}"
    assert_accessible(fixture_page, path)


def test_the_overview_shows_the_second_documents_figures(fixture_page: Page) -> None:
    fixture_page.goto("/")
    wait_for_run(fixture_page)
    main = fixture_page.get_by_test_id("stMain")
    expect(main).to_contain_text("Riverby")
    expect(main).to_contain_text("8,469")
    expect(main).not_to_contain_text("26 million")
