"""Done when: a person with no YAML goes from a PDF and from a Word file, on a subject no
fixture has (library book loans, tests/your_document.py), to a saved, shareable, moving
model in the browser: upload → keep claims → pick a shape → the panel moves on a key
press → save → the link opens every page in a fresh browser context."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import FIRST_LOAD, Server, _new_page, wait_for_run
from tests.your_document import loans_docx, loans_pdf

pytestmark = pytest.mark.browser

EVERY_PAGE = [("/", "ClaimScope"), ("/projection", "Projection explorer"),
              ("/compare", "Compare scenarios"), ("/source", "Source"),
              ("/method", "Method & caveats")]


def _card_values(page: Page) -> list[str]:
    return page.locator(".cs-card-value").all_text_contents()


def _moves(page: Page, key: str) -> None:
    """A key press on the share's slider changes the panel's numbers, in the browser."""
    expect(page.locator(".cs-card-value").first).not_to_be_empty(timeout=FIRST_LOAD)
    before = _card_values(page)
    slider = page.locator('.cs-panel input[type=range][name="sample_share"]')
    slider.focus()
    slider.press(key)
    expect(page.locator(".cs-card-value")).not_to_have_text(before)


def _pick(page: Page, label: str, option: str) -> None:
    """Choose `option` (a regex) in the select box labelled `label`."""
    page.get_by_label(label, exact=True).click()
    page.get_by_role("option", name=re.compile(option)).first.click()
    wait_for_run(page)


def _from_file_to_link(page: Page, name: str, data: bytes, mime: str) -> str:
    page.goto("/yours")
    wait_for_run(page)
    page.get_by_test_id("stFileUploaderDropzoneInput").first.set_input_files(
        {"name": name, "mimeType": mime, "buffer": data})
    expect(page.get_by_text("numbers found")).to_be_visible(timeout=FIRST_LOAD)
    wait_for_run(page)
    # Keep the figures: each number's Keep button, as a reader would click them.
    for number in ("48,000", "12.5%"):
        page.get_by_role("button", name=f"Keep {number}").first.click()
        wait_for_run(page)
    page.get_by_text("3 · The model").click()
    wait_for_run(page)
    _pick(page, "Start from a shape", "Scale a sample up")
    _pick(page, "The count in the sample", r"^48,000")
    _pick(page, "The sample's share of the whole population", r"^12\.5%")
    _pick(page, "The claim the result is judged against", r"^48,000")
    page.get_by_role("button", name="Make the model from this shape").click()
    wait_for_run(page)
    _moves(page, "ArrowLeft")
    page.get_by_text("4 · Keep and share").click()
    wait_for_run(page)
    page.get_by_label("Name it (only you see the name)").fill("Library loans")
    page.get_by_role("button", name="Save", exact=True).click()
    wait_for_run(page)
    link = page.locator('[data-testid="stCode"]', has_text="?doc=").first.inner_text()
    return link.strip()


@pytest.mark.parametrize(("name", "data", "mime"), [
    ("loans.pdf", loans_pdf(), "application/pdf"),
    ("loans.docx", loans_docx(),
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
], ids=["pdf", "docx"])
def test_from_a_file_to_a_saved_shareable_moving_model(
        browser: Browser, server: Server, visit: Callable[[str], Page],
        external_requests: list[str], name: str, data: bytes, mime: str) -> None:
    link = _from_file_to_link(visit("/yours"), name, data, mime)
    assert re.search(r"\?doc=[A-Za-z0-9_-]{22}$", link), link
    query = link[link.index("?"):]
    stranger_requests: list[str] = []
    with _new_page(browser, server, stranger_requests) as stranger:
        for path, title in EVERY_PAGE:
            stranger.goto(path + query)
            wait_for_run(stranger)
            expect(stranger.get_by_role("heading", level=1).first).to_have_text(title)
            expect(stranger.get_by_test_id("stMain")).to_contain_text("Northby")
            expect(stranger.get_by_test_id("stNotification")).to_have_count(0)
        stranger.goto("/projection" + query)
        wait_for_run(stranger)
        _moves(stranger, "ArrowRight")
    assert external_requests == [] and stranger_requests == []
