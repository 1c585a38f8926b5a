"""The projection explorer in a real browser: the live assumption panel, shared links, bad
links (docs/architecture.md, "The URL contract").

Expected totals are worked by hand from N = seized × unique ÷ (share × rate_ratio ×
coverage) with the document's defaults (26 million seized, 7.25 %, everything else 100 %/1).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Locator, Page, expect

from claimscope.bundle import load_bundle
from claimscope.text.numbers import display
from tests.browser.conftest import choose, go_to, metric_value, wait_for_run

pytestmark = pytest.mark.browser

NATIONAL = "national"
SHARE = "Responding forces' share of the population"
BUNDLE = load_bundle()


def param(name: str, value: str) -> re.Pattern[str]:
    """A URL whose query string holds exactly name=value."""
    return re.compile(rf"[?&]{re.escape(name)}={re.escape(value)}(&|$)")


def card(page: Page, output: str) -> Locator:
    """The value of the panel's card for one output."""
    return page.locator(f'.cs-card[data-output="{output}"] .cs-card-value')


def slider(page: Page, name: str) -> Locator:
    return page.locator(f'.cs-panel input[type="range"][name="{name}"]')


def exact(page: Page, name: str) -> Locator:
    return page.locator(f'.cs-panel input[type="number"][name="{name}"]')


def url_notice(page: Page) -> Locator:
    """The warning that lists what in the link could not be used as given."""
    return page.get_by_test_id("stAlertContainer").filter(has_text="could not be used")


def test_keys_and_exact_entry_change_total_and_url(visit: Callable[[str], Page]) -> None:
    """Keys on the share slider, then the exact entry, recompute the total and the link."""
    page = visit("/projection")
    total = card(page, NATIONAL)
    expect(total).to_have_text("358.6 million")  # 26M ÷ 7.25 %
    expect(page).not_to_have_url(re.compile(r"[?&]share="))  # defaults stay out of the link
    share = page.get_by_role("slider", name=SHARE)
    share.focus()
    share.press("ArrowRight")  # one step of 0.05: 7.30 %
    expect(total).to_have_text("356.2 million")  # 26M ÷ 7.30 %
    expect(share).to_have_attribute("aria-valuetext", "7.3%")
    expect(page).to_have_url(param("share", "7.3"))
    share.press("End")  # 100 %: the five forces are the whole country
    expect(total).to_have_text("26 million")
    expect(page).to_have_url(param("share", "100"))
    entry = exact(page, "share")
    entry.fill("10")
    entry.press("Enter")
    expect(total).to_have_text("260 million")  # 26M ÷ 10 %
    expect(share).to_have_attribute("aria-valuetext", "10%")
    expect(page).to_have_url(param("share", "10"))


def test_numbers_follow_a_drag_before_release(visit: Callable[[str], Page]) -> None:
    """Dragging the share slider's thumb changes the total at every step, before the
    pointer is released; the link follows on release."""
    page = visit("/projection")
    track = slider(page, "share")
    box = track.bounding_box()
    assert box is not None
    start = box["x"] + box["width"] * (7.25 - 0.5) / (100 - 0.5)
    y = box["y"] + box["height"] / 2
    page.mouse.move(start, y)
    page.mouse.down()
    seen = set()
    for step in range(1, 11):
        page.mouse.move(start + step * 6, y)
        seen.add(card(page, NATIONAL).text_content())
    assert len(seen) >= 5, seen  # the numbers moved while the pointer was still down
    expect(page).not_to_have_url(re.compile(r"[?&]share="))  # no round trip yet
    page.mouse.up()
    expect(page).to_have_url(re.compile(r"[?&]share="))
    wait_for_run(page)


def test_verdict_and_break_even_follow_the_values(visit: Callable[[str], Page]) -> None:
    """Below the break-even (unique 83.65 %) the verdict says the claim fails, in words and
    a mark, and the table's row says it no longer holds."""
    page = visit("/projection")
    verdict = page.locator(".cs-verdict")
    expect(verdict).to_contain_text("The document's claim holds")
    row = page.locator('table.cs-break-even tr[data-input="unique"]')
    expect(row).to_contain_text("≥ 83.65%")
    entry = exact(page, "unique")
    entry.fill("80")
    entry.press("Enter")
    expect(verdict).to_contain_text("does not hold")
    expect(verdict).to_have_attribute("data-holds", "false")
    expect(row.locator("td").last).to_have_text("No")
    expect(page).to_have_url(param("unique", "80"))


def test_out_of_range_entry_is_clamped_with_a_note(visit: Callable[[str], Page]) -> None:
    """Typing 500 % into the share entry sets 100 % and says so beside the entry."""
    page = visit("/projection")
    entry = exact(page, "share")
    entry.fill("500")
    entry.press("Enter")
    expect(page.locator('.cs-assumption[data-input="share"] .cs-note')).to_contain_text(
        "Out of range")
    expect(card(page, NATIONAL)).to_have_text("26 million")
    expect(page).to_have_url(param("share", "100"))


def test_shared_link_reproduces_its_numbers(visit: Callable[[str], Page]) -> None:
    """A link with share=10&unique=90 shows that state's totals; reset clears the link."""
    page = visit("/projection?share=10&unique=90")
    expect(card(page, NATIONAL)).to_have_text("234 million")  # 26M × 0.9 ÷ 0.10
    expect(page.get_by_role("slider", name=SHARE)).to_have_attribute("aria-valuetext", "10%")
    expect(page).to_have_url(param("share", "10"))
    expect(page).to_have_url(param("unique", "90"))
    expect(url_notice(page)).to_have_count(0)  # nothing in the link to warn about
    page.get_by_role("button", name="Reset all to the document's values").click()
    expect(card(page, NATIONAL)).to_have_text("358.6 million")
    expect(page).not_to_have_url(re.compile(r"[?&](share|unique)="))


def test_bad_parameters_are_explained_and_page_still_works(
        visit: Callable[[str], Page]) -> None:
    """Bad, out-of-range and unknown parameters get plain-words notices; the page works."""
    page = visit("/projection?share=abc&year=3000&colour=red")
    notice = url_notice(page)
    expect(notice).to_contain_text("share=abc is not a number")
    expect(notice).to_contain_text("year=3000 is out of range")
    expect(notice).to_contain_text("colour")  # unknown: ignored, with a notice
    expect(card(page, NATIONAL)).to_have_text("358.6 million")  # default share
    expect(page.locator('.cs-card[data-output="projected"] .cs-card-label')).to_have_text(
        "Projected to 2030")  # clamped year
    expect(page).to_have_url(param("year", "2030"))
    expect(page).not_to_have_url(re.compile(r"[?&](share|colour)="))
    page.locator(".st-key-url_notices").get_by_role("button", name="Dismiss").click()
    expect(notice).to_have_count(0)
    share = page.get_by_role("slider", name=SHARE)
    share.focus()
    share.press("End")
    expect(card(page, NATIONAL)).to_have_text("26 million")


def test_parameters_survive_moving_between_pages(visit: Callable[[str], Page]) -> None:
    """share=10 from a link drives Overview's total too, and is kept on coming back."""
    page = visit("/projection?share=10")
    expect(card(page, NATIONAL)).to_have_text("260 million")  # 26M ÷ 0.10
    go_to(page, "Overview")
    expect(metric_value(page, "National total over the window")).to_have_text("260 million")
    expect(page).to_have_url(param("share", "10"))
    go_to(page, "Projection explorer")
    expect(card(page, NATIONAL)).to_have_text("260 million")
    expect(page).to_have_url(param("share", "10"))


def test_a_scenario_applied_on_the_server_moves_the_panel(
        visit: Callable[[str], Page]) -> None:
    """Starting from a preset scenario (a change made on the server) redraws the panel's
    sliders and numbers with the scenario's values."""
    preset = next(s for s in BUNDLE.scenario_presets
                  if s.view.values["unique"] != BUNDLE.inputs["unique"].default)
    expected = display(float(BUNDLE.model.evaluate(preset.view.values)["national"]), "images")
    page = visit("/projection")
    choose(page, "Start from a scenario", preset.name)
    page.get_by_role("button", name="Use it").click()
    expect(card(page, NATIONAL)).to_have_text(expected)
    expect(slider(page, "unique")).to_have_value(f"{preset.view.values['unique']:g}")
