"""A document on another subject in a real browser (tests/fixtures/fixture-flytipping-2025,
README's worked example): its own units and categories, no sample, no estimates over time,
no membership. Every page its navigation lists loads, offline and axe-clean, and the live
panel writes its currency and counts as the server does."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.a11y import assert_accessible
from tests.browser.conftest import CHART, FIRST_LOAD, heading, nav_link, wait_for_run

pytestmark = pytest.mark.browser

PAGES = [  # (path, navigation title, page heading)
    ("/", "Overview", "ClaimScope"),
    ("/projection", "Projection explorer", "Projection explorer"),
    ("/compare", "Compare", "Compare scenarios"),
    ("/source", "Source", "Source"),
    ("/method", "Method & caveats", "Method & caveats"),
    ("/yours", "Your document", "Examine your own document"),
]
# Words of the first document's subject that must not reach a page of another subject.
FIRST_SUBJECT = re.compile(r"\b(images?|forces?|offenders?|seized|abuse|harm)\b", re.I)


@pytest.mark.parametrize(("path", "title", "page_heading"), PAGES,
                         ids=[path for path, *_ in PAGES])
def test_each_page_of_a_document_on_another_subject_loads(
        other_subject_page: Page, external_requests: list[str], path: str, title: str,
        page_heading: str) -> None:
    other_subject_page.goto(path)
    wait_for_run(other_subject_page)
    expect(nav_link(other_subject_page, title)).to_have_attribute("aria-current", "page")
    expect(heading(other_subject_page)).to_have_text(page_heading)
    expect(other_subject_page.get_by_test_id("stTopNavLink")).to_have_text(
        [re.compile(re.escape(name)) for _, name, _ in PAGES])
    text = other_subject_page.get_by_test_id("stMain").inner_text()
    assert not FIRST_SUBJECT.search(text), FIRST_SUBJECT.search(text)
    other_subject_page.wait_for_load_state("networkidle")
    assert external_requests == [], f"requests to other hosts: {external_requests}"
    assert_accessible(other_subject_page, path)


def test_the_overview_writes_counts_and_money_in_their_units(other_subject_page: Page) -> None:
    other_subject_page.goto("/")
    wait_for_run(other_subject_page)
    main = other_subject_page.get_by_test_id("stMain")
    expect(main).to_contain_text("12,600")  # a count: grouped, never "12600.0"
    expect(main).to_contain_text("£210")
    expect(main).to_contain_text("300,000")  # the headline: 12,600 ÷ 4.2 %
    expect(other_subject_page.locator(CHART).first).to_be_visible(
        timeout=FIRST_LOAD)


def test_the_live_panel_moves_the_cost_in_pounds(other_subject_page: Page) -> None:
    """One step of the cost (£5) moves the national cost from £63 million to £64.5 million
    in the browser, before any rerun; the number entry shows the whole count."""
    other_subject_page.goto("/projection")
    wait_for_run(other_subject_page)
    card = other_subject_page.locator('.cs-card[data-output="national_cost"] .cs-card-value')
    expect(card).to_have_text("£63 million")
    expect(other_subject_page.locator('input[type=number][name="incidents"]')).to_have_value(
        "12600")
    other_subject_page.locator('input[type=range][name="cost"]').press("ArrowRight")
    expect(card).to_have_text("£64.5 million")
    expect(other_subject_page.locator(".cs-sentence")).to_contain_text("£215 each")
