"""Saved scenarios in a real browser: kept in the store under the browser's owner token,
so they are listed again after a reload and after the server restarts, and their short
link opens them in a browser that never saw them."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from claimscope.bundle import load_bundle
from claimscope.store.database import open_store
from claimscope.store.scenarios import owner_scenarios
from tests.browser.a11y import assert_accessible
from tests.browser.conftest import (
    FIRST_LOAD,
    Server,
    _free_port,
    _serve,
    choose,
    wait_for_run,
)
from tests.browser.test_report import save_scenario

pytestmark = pytest.mark.browser
DOCUMENT = load_bundle().document.meta["id"]


def compared(page: Page) -> Locator:
    """The chips of /compare's "Scenarios to compare" (a first visit lists the reader's
    saved scenarios there)."""
    return page.get_by_test_id("stMultiSelect").first


def owner_token(context: BrowserContext) -> str:
    """The browser's owner token, once the page's hidden element has kept it."""
    context.pages[0].wait_for_function("document.cookie.includes('claimscope_owner=')")
    return next(c["value"] for c in context.cookies() if c["name"] == "claimscope_owner")


def saved_in_store(context: BrowserContext) -> list[tuple[str, str]]:
    """(name, id) of what this browser saved, read from the database the server uses."""
    return [(s.name, s.id) for s in owner_scenarios(open_store(), owner_token(context),
                                                    DOCUMENT)]


def test_a_saved_scenario_is_listed_after_a_reload(visit: Callable[[str], Page]) -> None:
    page = visit("/compare?share=10")
    save_scenario(page, "Kept across a <b>reload</b>")
    expect(compared(page)).to_contain_text("Kept across a <b>reload</b>")
    page.reload()
    wait_for_run(page)
    expect(compared(page)).to_contain_text("Kept across a <b>reload</b>")
    assert [name for name, _ in saved_in_store(page.context)] == ["Kept across a <b>reload</b>"]
    assert page.evaluate("localStorage.getItem('claimscope-owner')") == \
        owner_token(page.context)


def test_a_saved_scenario_is_listed_after_the_server_restarts(
        browser: Browser, chromium_path: Path, tmp_path: Path) -> None:
    port = _free_port()
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    try:
        page = context.new_page()
        with _serve(tmp_path, port=port) as running:
            page.goto(f"{running.url}/compare?share=11")
            wait_for_run(page)
            save_scenario(page, "Kept across a restart")
        with _serve(tmp_path, port=port) as running:  # a new process, the same database
            page.goto(f"{running.url}/compare")
            wait_for_run(page)
            expect(compared(page)).to_contain_text("Kept across a restart")
    finally:
        context.close()


def test_the_short_link_opens_the_scenario_in_a_fresh_browser(
        visit: Callable[[str], Page], browser: Browser, server: Server) -> None:
    page = visit("/projection?share=12.5&unique=40")
    save_scenario(page, "Sent by link")
    [(name, scenario_id)] = saved_in_store(page.context)
    assert name == "Sent by link" and len(scenario_id) == 22
    stranger = browser.new_context(viewport={"width": 1600, "height": 1000})
    try:
        fresh = stranger.new_page()
        fresh.goto(f"{server.url}/projection?scenario={scenario_id}")
        wait_for_run(fresh)
        expect(fresh.get_by_text("Showing the saved scenario “Sent by link” from its link")
               ).to_be_visible(timeout=FIRST_LOAD)
        expect(fresh).to_have_url(f"{server.url}/projection?share=12.5&unique=40")
        assert saved_in_store(stranger) == []  # opened, not made theirs
    finally:
        stranger.close()


def test_the_saved_list_is_accessible_and_takes_no_room_for_the_token(
        visit: Callable[[str], Page]) -> None:
    """/compare with a saved scenario (its table of links, the delete control): no serious
    axe violation; the owner token's hidden element draws nothing."""
    page = visit("/compare?share=9")
    save_scenario(page, "Checked for accessibility")
    assert_accessible(page, "/compare?share=9")
    keeper = page.locator(".st-key-owner_token_keeper")
    expect(keeper).to_be_attached()
    expect(keeper).to_be_hidden()


def test_a_scenario_saved_on_the_projection_explorer_can_be_used_at_once(
        visit: Callable[[str], Page]) -> None:
    """The save reruns only the "Scenarios" block (a fragment), which holds the "Start
    from a scenario" box: the new scenario is listed there without a reload, and using it
    (the whole page follows) says so."""
    page = visit("/projection?share=12&unique=40")
    save_scenario(page, "Used <i>at once</i>")
    choose(page, "Start from a scenario", "Used <i>at once</i>")
    page.get_by_role("button", name="Use it").click()
    expect(page.get_by_test_id("stAlertContainer").filter(
        has_text="Now showing “Used <i>at once</i>”")).to_be_visible()
    wait_for_run(page)
    expect(page).to_have_url(re.compile(r"share=12&unique=40"))


def test_a_scenario_saved_on_compare_is_compared_at_once(
        visit: Callable[[str], Page]) -> None:
    """On /compare the save reruns the page's body (a fragment): the scenario is a chip
    of "Scenarios to compare" and a column of the table of differences at once."""
    page = visit("/compare?share=14")
    save_scenario(page, "Compared at once")
    expect(compared(page)).to_contain_text("Compared at once")
    expect(page.get_by_test_id("stAlertContainer").filter(
        has_text="Saved “Compared at once”")).to_be_visible()
    expect(page.get_by_role("heading", name="Assumptions that differ")).to_be_visible()
