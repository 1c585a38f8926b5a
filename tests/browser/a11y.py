"""What an accessible page means in these tests (docs/architecture.md, "From a page to the
browser's panel"), used by every page's own test
(test_pages.py) and by the accessibility tests: axe-core finds no serious or critical WCAG
2.1 A/AA violation and no skipped heading level, and every chart is named by its title,
shows that title as page text (which wraps; plotly's own cannot) and has its data beside it.

axe-core comes bundled with axe-playwright-python (nothing is fetched).
"""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.browser.conftest import CHART, FIRST_LOAD

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
FAILING_IMPACTS = {"serious", "critical"}
ALWAYS_FAILING = {"heading-order"}


def violations(page: Page) -> list[str]:
    """One line per failing axe rule: id, impact, help, the first targets and element."""
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS},
                                       "resultTypes": ["violations"]})
    lines = []
    for rule in results.response["violations"]:
        if rule["impact"] in FAILING_IMPACTS or rule["id"] in ALWAYS_FAILING:
            targets = ", ".join(" ".join(map(str, node["target"]))
                                for node in rule["nodes"][:5])
            first = rule["nodes"][0]
            summary = " ".join((first.get("failureSummary") or "").split())
            lines.append(f"{rule['id']} ({rule['impact']}, {len(rule['nodes'])} nodes): "
                         f"{rule['help']} — {targets} — first: {summary} — "
                         f"{' '.join(first.get('html', '').split())[:300]}")
    return lines


def charts_drawn(page: Page) -> None:
    charts = page.locator(CHART)
    if charts.count():
        expect(charts.first).to_be_visible(timeout=FIRST_LOAD)
        page.wait_for_load_state("networkidle")


def live_charts_named(page: Page, path: str) -> None:
    """The live panel's step chart (SVG): an image named by its sentence, which is shown
    as text above it, a legend in words, and a table of its numbers."""
    for chart in page.locator(".cs-step-chart").all():
        title = (chart.locator(".cs-chart-title").text_content() or "").strip()
        assert title, f"{path}: a live chart without its sentence"
        expect(chart.get_by_role("img", name=title, exact=True)).to_be_attached()
        assert chart.locator(".cs-legend li").count() >= 2, f"{path}: a chart's legend"
        rows = chart.locator(".cs-chart-table tbody tr").count()
        assert rows == chart.locator(".cs-bar").count() > 0, f"{path}: a chart's table"


def assert_accessible(page: Page, path: str) -> None:
    """No serious axe violation on the settled page; each chart named by its title (role
    img or figure), that title shown as page text instead of plotly's, and each chart
    followed by a 'Data behind this chart' expander; the live panel's chart named by its
    sentence, with its legend and its table (`live_charts_named`)."""
    charts_drawn(page)
    found = violations(page)
    if found:
        # Right after a run, Streamlit may still be filling a container it drew first (the
        # sidebar before its widgets): judge the page the reader sees once it has settled.
        page.wait_for_timeout(1500)
        found = violations(page)
    assert not found, f"axe-core on {path}:\n" + "\n".join(found)
    live_charts_named(page, path)
    charts = page.get_by_test_id("stPlotlyChart")
    if not charts.count():
        return
    titles = [title.strip() for title in page.locator(".js-plotly-plot .gtitle")
              .all_text_contents()]
    assert titles and all(titles), f"{path}: a chart without a title"
    # Each title is shown as page text, which wraps, not as plotly's title, which cannot
    # (the Markdown escaper puts invisible word joiners around colons).
    shown = {text.replace("\u2060", "").strip() for text in
             page.get_by_test_id("stMarkdownContainer").locator("strong").all_text_contents()}
    for title in titles:
        expect(page.get_by_role("img", name=title, exact=True).or_(
            page.get_by_role("figure", name=title, exact=True)).first).to_be_attached()
        assert title in shown, f"{path}: the title {title!r} is not shown as text"
    expect(page.locator(".js-plotly-plot .gtitle").first).to_be_hidden()
    # Every reference line is named where it is drawn (a label placed off the chart, as a
    # log axis does with an unconverted value, is drawn with no text).
    labels = page.locator(".js-plotly-plot .annotation").all_text_contents()
    assert all(label.strip() for label in labels), f"{path}: a chart label is not drawn"
    expanders = page.get_by_test_id("stExpander").filter(has_text="Data behind this chart")
    assert expanders.count() >= charts.count(), f"{path}: a chart without its data"
