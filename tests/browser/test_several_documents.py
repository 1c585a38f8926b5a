"""Three documents served by one server, in a real browser: a link with no `doc` opens the
default as before, `doc=<id>` opens another on any page, the switcher moves between them,
and each keeps its own assumptions and its `doc` across pages."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from claimscope.bundle import load_bundle
from claimscope.text.numbers import display
from tests.browser.a11y import assert_accessible
from tests.browser.conftest import choose, nav_link, wait_for_run
from tests.fixture_documents import CLINIC_DOCUMENT

pytestmark = pytest.mark.browser

CLINIC = load_bundle(CLINIC_DOCUMENT)
CLINIC_ID = CLINIC_DOCUMENT.name
ECPAT_TITLE = "ECPAT International, CSTD 21 submission (2018)"
CLINIC_TITLE = CLINIC.document.meta.short_title


def param(name: str, value: str) -> re.Pattern[str]:
    return re.compile(rf"[?&]{re.escape(name)}={re.escape(value)}(&|$)")


def card(page: Page, output: str) -> Locator:
    return page.locator(f'.cs-card[data-output="{output}"] .cs-card-value')


def visits(completeness: float) -> str:
    """The clinic's headline card as Python writes it for a completeness."""
    values = {**CLINIC.model.defaults(), "completeness": completeness}
    headline = CLINIC.model.headline_output
    return display(float(CLINIC.model.evaluate(values)[headline.name]), headline.unit)


def open_path(page: Page, path: str) -> Page:
    page.goto(path)
    wait_for_run(page)
    return page


def switch(page: Page, title: str) -> None:
    choose(page, "Document", title)
    wait_for_run(page)


def test_links_with_and_without_doc_open_their_documents(several_page: Page) -> None:
    main = several_page.get_by_test_id("stMain")
    open_path(several_page, "/")
    expect(main).to_contain_text("26 million")
    expect(nav_link(several_page, "Behind the 26 million")).to_be_visible()
    open_path(several_page, f"/?doc={CLINIC_ID}")
    expect(main).to_contain_text("Riverby")
    expect(main).not_to_contain_text("26 million")
    expect(nav_link(several_page, "Behind the 26 million")).to_have_count(0)
    open_path(several_page, f"/projection?doc={CLINIC_ID}&completeness=80")
    expect(card(several_page, CLINIC.model.headline)).to_have_text(visits(80))
    open_path(several_page, "/source?doc=fixture-flytipping-2025")
    expect(main).to_contain_text("ly-tipping")


def test_a_link_naming_no_document_is_explained(several_page: Page) -> None:
    open_path(several_page, "/?doc=no-such-document")
    expect(several_page.get_by_test_id("stAlertContainer").filter(
        has_text="names no document served here")).to_be_visible()
    expect(several_page.get_by_test_id("stMain")).to_contain_text("26 million")


def test_switching_keeps_each_documents_assumptions_apart(several_page: Page) -> None:
    page = open_path(several_page, "/projection?share=10")
    expect(card(page, "national")).to_have_text("260 million")
    switch(page, CLINIC_TITLE)
    expect(page).to_have_url(param("doc", CLINIC_ID))
    expect(page).not_to_have_url(re.compile(r"[?&]share="))
    headline = card(page, CLINIC.model.headline)
    expect(headline).to_have_text(visits(90))
    entry = page.locator('.cs-panel input[type="number"][name="completeness"]')
    entry.fill("80")
    entry.press("Enter")
    expect(headline).to_have_text(visits(80))
    expect(page).to_have_url(param("completeness", "80"))
    nav_link(page, "Source").click()
    expect(page.get_by_test_id("stMain").locator("h1").first).to_have_text("Source")
    wait_for_run(page)
    expect(page).to_have_url(param("doc", CLINIC_ID))
    switch(page, ECPAT_TITLE)
    expect(page).not_to_have_url(re.compile(r"[?&]doc="))
    expect(page).to_have_url(param("share", "10"))
    nav_link(page, "Projection explorer").click()
    expect(card(page, "national")).to_have_text("260 million")
    switch(page, CLINIC_TITLE)
    expect(card(page, CLINIC.model.headline)).to_have_text(visits(80))


def test_the_switcher_is_accessible(several_page: Page) -> None:
    open_path(several_page, f"/?doc={CLINIC_ID}")
    expect(several_page.get_by_role("combobox", name="Document")).to_be_visible()
    assert_accessible(several_page, "/ (three documents)")
