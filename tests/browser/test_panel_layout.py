"""The live panel's layout in a real browser: the output cards that stay in view while a
reader works down the assumptions never cover the break-even table, on a laptop or a
phone (issue 22)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import Server, wait_for_run

pytestmark = pytest.mark.browser

SIZES = {"laptop": (1280, 720), "phone": (390, 844)}

# For each cell of the break-even table, scrolled into view: the sticky elements whose
# box meets the cell's, and what the browser finds at the cell's centre.
COVERED = """() => {
  const sticky = [...document.querySelectorAll("body *")].filter(
    (node) => getComputedStyle(node).position === "sticky" && node.getClientRects().length);
  const cells = [...document.querySelectorAll(".cs-break-even th, .cs-break-even td")];
  const found = [];
  for (const cell of cells) {
    cell.scrollIntoView({ block: "center", inline: "center" });
    const box = cell.getBoundingClientRect();
    for (const node of sticky) {
      if (node.contains(cell)) continue;
      const over = node.getBoundingClientRect();
      if (over.left < box.right && box.left < over.right &&
          over.top < box.bottom && box.top < over.bottom) {
        found.push(`${node.className} meets ${cell.textContent}`);
      }
    }
    const x = (box.left + box.right) / 2, y = (box.top + box.bottom) / 2;
    const hit = document.elementFromPoint(x, y);
    if (!hit || !cell.contains(hit)) {
      found.push(`${hit ? hit.className || hit.tagName : "nothing"} at ${cell.textContent}`);
    }
  }
  return { cells: cells.length, found };
}"""


@pytest.fixture(params=list(SIZES), ids=list(SIZES))
def sized(request: pytest.FixtureRequest, browser: Browser, server: Server) -> Iterator[Page]:
    """/projection in a window of one of SIZES."""
    width, height = SIZES[request.param]
    context = browser.new_context(base_url=server.url, service_workers="block",
                                  viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        page.goto("/projection")
        wait_for_run(page)
        yield page
    finally:
        context.close()


def test_nothing_sticky_covers_the_break_even_table(sized: Page) -> None:
    expect(sized.locator(".cs-break-even td").first).not_to_be_empty()
    sticky = sized.evaluate("""() => [...document.querySelectorAll(".cs-panel *")].some(
        (node) => getComputedStyle(node).position === "sticky")""")
    assert sticky, "the panel keeps something in view as the reader scrolls"
    result = sized.evaluate(COVERED)
    assert result["cells"] >= 6 * 5
    assert result["found"] == []


# With the last assumption scrolled into view, the sticky part of the panel (the results
# on a laptop, the one-line headline on a phone): its box and whether it is in the window.
IN_VIEW = """() => {
  const inputs = document.querySelectorAll(".cs-assumption");
  inputs[inputs.length - 1].scrollIntoView({ block: "end" });
  const node = [...document.querySelectorAll(".cs-panel *")].find(
    (item) => getComputedStyle(item).position === "sticky" && item.getClientRects().length);
  const box = node.getBoundingClientRect();
  return { sticky: node.className, top: box.top, bottom: box.bottom,
           height: window.innerHeight };
}"""


def test_the_numbers_stay_in_view_down_the_assumptions(sized: Page) -> None:
    """The fix keeps what it fixes for: the moving numbers stay on screen beside the last
    assumption."""
    expect(sized.locator(".cs-card-value").first).not_to_be_empty()
    shown = sized.evaluate(IN_VIEW)
    wide = sized.viewport_size["width"] > 760
    assert shown["sticky"] == ("cs-results" if wide else "cs-live-headline")
    assert 0 <= shown["top"] < shown["height"], shown
