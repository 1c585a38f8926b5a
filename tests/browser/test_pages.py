"""Every page in a real browser: loads without an exception, navigation, care, offline,
accessible (one visit a page)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.browser.a11y import assert_accessible
from tests.browser.conftest import (
    CHART,
    FIRST_LOAD,
    PAGES,
    footer,
    go_to,
    heading,
    nav_link,
)

pytestmark = pytest.mark.browser

NAV_TITLES = [title for _, title, _, _ in PAGES]


@pytest.mark.parametrize(("path", "title", "page_heading", "has_chart"), PAGES,
                         ids=[path for path, *_ in PAGES])
def test_page_loads_offline_accessible_with_title_navigation_and_charts(
        visit: Callable[[str], Page], external_requests: list[str], path: str, title: str,
        page_heading: str, has_chart: bool) -> None:
    """Each page path renders its heading, navigation and charts, asking no other host; no
    serious axe violation, every chart named by its title and with its data."""
    page = visit(path)
    expect(nav_link(page, title)).to_have_attribute("aria-current", "page")
    expect(heading(page)).to_have_text(page_heading)
    expect(page.get_by_test_id("stTopNavLink")).to_have_text(
        [re.compile(re.escape(name)) for name in NAV_TITLES])
    if has_chart:
        expect(page.locator(CHART).first).to_be_visible(timeout=FIRST_LOAD)
    page.wait_for_load_state("networkidle")  # no CDN, fonts, telemetry: the app works offline
    assert external_requests == [], f"requests to other hosts: {external_requests}"
    assert_accessible(page, path)


def test_content_note_shows_first_and_can_be_dismissed(visit: Callable[[str], Page]) -> None:
    """The content note greets a new visitor and stays hidden once dismissed."""
    page = visit("/")
    note = page.get_by_text("Content note.")
    expect(note).to_be_visible()
    page.get_by_role("button", name="Understood, hide this note").click()
    expect(note).to_have_count(0)
    go_to(page, "Method & caveats")
    expect(note).to_have_count(0)


def test_footer_points_to_reporting_services(visit: Callable[[str], Page]) -> None:
    """The footer names the IWF, NCMEC's CyberTipline and INHOPE, with links to report."""
    page = visit("/method")
    help_text = footer(page)
    expect(help_text).to_contain_text("Internet Watch Foundation")
    expect(help_text).to_contain_text("CyberTipline")
    expect(help_text).to_contain_text("INHOPE")
    for name, host in [("Internet Watch Foundation", "iwf.org.uk"),
                       ("CyberTipline", "cybertip.org"),
                       ("INHOPE hotline network", "inhope.org")]:
        expect(help_text.get_by_role("link", name=name)).to_have_attribute(
            "href", re.compile(re.escape(host)))


def test_offline_guard_blocks_and_records_other_hosts(page: Page,
                                                      external_requests: list[str]) -> None:
    """The guard the offline checks rely on does see (and stop) a request to another host."""
    page.goto("/_stcore/health")
    outcome = page.evaluate("""() => fetch("https://example.com/beacon")
                                     .then(() => "sent", () => "blocked")""")
    assert outcome == "blocked"
    assert external_requests == ["https://example.com/beacon"]


def test_evidence_source_anchor_is_reachable(visit: Callable[[str], Page]) -> None:
    """A range caption's link, evidence#source-<id>, lands on that source's entry."""
    page = visit("/evidence#source-hansard-2014-12-caid-launch-4-4m")
    entry = page.locator("#source-hansard-2014-12-caid-launch-4-4m")
    expect(entry).to_be_visible(timeout=FIRST_LOAD)
    expect(entry).to_contain_text("Mike Penning")
    expect(page.get_by_text("At its launch, the Child Abuse Image Database")).to_be_visible()
