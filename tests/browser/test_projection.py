"""The projection explorer in a real browser: sliders, shared links, bad links (DESIGN §5).

Expected totals are worked by hand from N = seized × unique ÷ (share × rate_ratio ×
coverage) with the document's defaults (26 million seized, 7.25 %, everything else 100 %/1).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import go_to, metric_value

pytestmark = pytest.mark.browser

NATIONAL = "National total over the window"
SHARE = "Responding forces' share of the population"


def param(name: str, value: str) -> re.Pattern[str]:
    """A URL whose query string holds exactly name=value."""
    return re.compile(rf"[?&]{re.escape(name)}={re.escape(value)}(&|$)")


def url_notice(page: Page) -> Locator:
    """The warning that lists what in the link could not be used as given."""
    return page.get_by_test_id("stAlertContainer").filter(has_text="could not be used")


def test_slider_and_exact_entry_change_total_and_url(visit: Callable[[str], Page]) -> None:
    """Keys on the share slider, then the exact entry, recompute the total and the link."""
    page = visit("/projection")
    total = metric_value(page, NATIONAL)
    expect(total).to_have_text("358.6 million")  # 26M ÷ 7.25 %
    expect(page).not_to_have_url(re.compile(r"[?&]share="))  # defaults stay out of the link
    slider = page.get_by_role("slider", name=SHARE)
    slider.focus()
    slider.press("ArrowRight")  # one step of 0.05: 7.30 %
    expect(total).to_have_text("356.2 million")  # 26M ÷ 7.30 %
    expect(page.get_by_test_id("stSlider").filter(has=slider)
            .get_by_test_id("stSliderThumbValue")).to_have_text("7.30%")
    expect(page).to_have_url(param("share", "7.3"))
    slider.press("End")  # 100 %: the five forces are the whole country
    expect(total).to_have_text("26 million")
    expect(page).to_have_url(param("share", "100"))
    # The exact entry opens from the 'Exact value' button under its slider.
    page.locator(".st-key-share_exact_entry").get_by_role("button", name="Exact value").click()
    exact = page.get_by_role("spinbutton", name=f"Exact value: {SHARE}")
    exact.fill("10")
    exact.press("Enter")
    expect(total).to_have_text("260 million")  # 26M ÷ 10 %
    expect(slider).to_have_attribute("aria-valuetext", "10.00%")
    expect(page).to_have_url(param("share", "10"))


def test_shared_link_reproduces_its_numbers(visit: Callable[[str], Page]) -> None:
    """A link with share=10&unique=90 shows that state's totals; reset clears the link."""
    page = visit("/projection?share=10&unique=90")
    expect(metric_value(page, NATIONAL)).to_have_text("234 million")  # 26M × 0.9 ÷ 0.10
    expect(page.get_by_role("slider", name=SHARE)).to_have_attribute("aria-valuetext",
                                                                      "10.00%")
    expect(page).to_have_url(param("share", "10"))
    expect(page).to_have_url(param("unique", "90"))
    expect(url_notice(page)).to_have_count(0)  # nothing in the link to warn about
    page.get_by_role("button", name="Reset all to the document's values").click()
    expect(metric_value(page, NATIONAL)).to_have_text("358.6 million")
    expect(page).not_to_have_url(re.compile(r"[?&](share|unique)="))


def test_bad_parameters_are_explained_and_page_still_works(
        visit: Callable[[str], Page]) -> None:
    """Bad, out-of-range and unknown parameters get plain-words notices; the page works."""
    page = visit("/projection?share=abc&year=3000&colour=red")
    notice = url_notice(page)
    expect(notice).to_contain_text("share=abc is not a number")
    expect(notice).to_contain_text("year=3000 is out of range")
    expect(notice).to_contain_text("colour")  # unknown: ignored, with a notice
    expect(metric_value(page, NATIONAL)).to_have_text("358.6 million")  # default share
    expect(metric_value(page, "Projected to 2030")).to_be_visible()  # clamped year
    expect(page).to_have_url(param("year", "2030"))
    expect(page).not_to_have_url(re.compile(r"[?&](share|colour)="))
    page.locator(".st-key-url_notices").get_by_role("button", name="Dismiss").click()
    expect(notice).to_have_count(0)
    slider = page.get_by_role("slider", name=SHARE)
    slider.focus()
    slider.press("End")
    expect(metric_value(page, NATIONAL)).to_have_text("26 million")


def test_parameters_survive_moving_between_pages(visit: Callable[[str], Page]) -> None:
    """share=10 from a link drives Overview's total too, and is kept on coming back."""
    page = visit("/projection?share=10")
    expect(metric_value(page, NATIONAL)).to_have_text("260 million")  # 26M ÷ 0.10
    go_to(page, "Overview")
    expect(metric_value(page, "National total over the window")).to_have_text("260 million")
    expect(page).to_have_url(param("share", "10"))
    go_to(page, "Projection explorer")
    expect(metric_value(page, NATIONAL)).to_have_text("260 million")
    expect(page).to_have_url(param("share", "10"))
