"""A document written by someone hostile (tests/hostile_document.py), served beside the
default: on every page its script tags, raw HTML, Markdown images and `javascript:` links
show as text. Nothing runs, nothing is fetched from another host, no link leads to code."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import wait_for_run

pytestmark = pytest.mark.browser

DOC = "hostile-document"
PAGES = ["/", "/projection", "/compare", "/source", "/method"]
ACTIVE = r"""() => ({
  pwned: window.__pwned === undefined ? null : String(window.__pwned),
  scriptLinks: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))
    .filter(h => /^\s*[a-z][a-z0-9+.-]*:/i.test(h) && !/^(https?|mailto):/i.test(h)),
  evilImages: [...document.querySelectorAll('img')].map(i => i.src)
    .filter(src => src.includes('evil.example')),
  bold: document.querySelectorAll('.stMarkdown b, .stCaptionContainer b').length,
})"""


@pytest.mark.parametrize("path", PAGES)
def test_the_hostile_document_shows_as_text(hostile_page: Page, external_requests: list[str],
                                            path: str) -> None:
    hostile_page.goto(f"{path}?doc={DOC}")
    wait_for_run(hostile_page)
    expect(hostile_page.get_by_test_id("stMain")).to_contain_text("Riverby")
    hostile_page.wait_for_load_state("networkidle")
    found = hostile_page.evaluate(ACTIVE)
    assert found == {"pwned": None, "scriptLinks": [], "evilImages": [], "bold": 0}, found
    assert external_requests == [], f"requests to other hosts: {external_requests}"


@pytest.fixture(scope="module")
def hostile_saved() -> str:
    """A reader's hostile document saved in the store the servers share."""
    from claimscope.store.database import open_store
    from claimscope.store.documents import save_document
    from claimscope.store.ids import new_id
    from tests.hostile_document import hostile_reader_files
    return save_document(open_store(), new_id(), "hostile", hostile_reader_files()).id


@pytest.mark.parametrize("path", [*PAGES, "/embed"])
def test_a_hostile_saved_document_shows_as_text(hostile_page: Page, external_requests: list[str],
                                                hostile_saved: str, path: str) -> None:
    """The same, for a reader's document kept in the store and opened by its link."""
    hostile_page.goto(f"{path}?doc={hostile_saved}")
    wait_for_run(hostile_page)
    expect(hostile_page.get_by_test_id("stMain")).to_contain_text("Loans")
    hostile_page.wait_for_load_state("networkidle")
    found = hostile_page.evaluate(ACTIVE)
    assert found == {"pwned": None, "scriptLinks": [], "evilImages": [], "bold": 0}, found
    assert external_requests == [], f"requests to other hosts: {external_requests}"
