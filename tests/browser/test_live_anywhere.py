"""The model wherever the page goes (README: "The live report", "The embed"): the report
and the panel alone, downloaded from /projection, open from disk with the network off,
ask for nothing, follow their sliders and write exactly what the server writes; the
embed works inside an <iframe> on a local page, asks nothing of any host but this one,
is accessible and keyboard-operable at 320 px."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from playwright.sync_api import Browser, Page, Route, expect

from claimscope.bundle import load_bundle
from claimscope.charts.report import ReportEntry, build_report
from claimscope.link.scenarios import Scenario
from claimscope.link.viewstate import default_view
from claimscope.live.embed import iframe_snippet
from claimscope.live.page import standalone_panel
from claimscope.views.citation import cite
from claimscope.views.panel_spec import panel_inputs
from tests.browser.a11y import assert_accessible
from tests.browser.conftest import FIRST_LOAD, Server, wait_for_run
from tests.browser.panel_text import READ, READ_CHART, server_chart, server_text
from tests.browser.test_panel_live import BUNDLE, SET_VALUES, SPEC, VALUES
from tests.fixture_documents import CLINIC_DOCUMENT, FLYTIPPING_DOCUMENT, WATERMAINS_DOCUMENT
from tests.test_shapes import ecpat_as_pro_rata

pytestmark = pytest.mark.browser

VIEW = "/projection?share=10&unique=90"
SHARE = "Responding forces' share of the population"
UNIQUE = "Distinct images among those seized"
MAX_PANEL_BYTES = 300_000
FIXTURES = {"clinic": CLINIC_DOCUMENT, "flytipping": FLYTIPPING_DOCUMENT,
            "watermains": WATERMAINS_DOCUMENT}


@pytest.fixture(scope="module")
def downloads(browser: Browser, server: Server,
              tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The report and the panel alone, downloaded from /projection at VIEW."""
    folder = tmp_path_factory.mktemp("live-downloads")
    context = browser.new_context(base_url=server.url, viewport={"width": 1600,
                                                                "height": 1000})
    try:
        page = context.new_page()
        page.goto(VIEW)
        wait_for_run(page)
        saved = {}
        for name, button in (("report", "Download report"),
                             ("panel", "Live panel alone (HTML)")):
            with page.expect_download(timeout=FIRST_LOAD) as download:
                page.get_by_role("button", name=button).click()
            saved[name] = folder / f"{name}.html"
            download.value.save_as(saved[name])
        return saved
    finally:
        context.close()


class Offline:
    """A browser context with the network off and every request that is not for a file
    refused and recorded."""

    def __init__(self, browser: Browser, width: int = 1280) -> None:
        self.requests: list[str] = []
        self.context = browser.new_context(service_workers="block",
                                           viewport={"width": width, "height": 900})
        self.context.set_offline(True)
        self.context.route(re.compile(r"^(?!file:)"), self._refuse)
        self.context.on("request", lambda request: self.requests.append(request.url))

    def _refuse(self, route: Route) -> None:
        route.abort("blockedbyclient")

    def open(self, path: Path, drawn: str = ".cs-sentence") -> Page:
        """The file, once the panel has written `drawn` (a document may have no
        sentence)."""
        page = self.context.new_page()
        page.goto(path.as_uri())
        expect(page.locator(drawn)).not_to_be_empty(timeout=FIRST_LOAD)
        return page

    def elsewhere(self, path: Path) -> list[str]:
        """Requests for anything but the opened file itself."""
        return [url for url in self.requests if url != path.as_uri()]


@pytest.fixture
def offline(browser: Browser) -> Iterator[Offline]:
    opened = Offline(browser)
    yield opened
    opened.context.close()


def _moves_with_its_slider(page: Page, name: str = SHARE) -> None:
    """ArrowRight on a slider changes the sentence and the first card."""
    sentence, card = page.locator(".cs-sentence"), page.locator(".cs-card-value").first
    before = (sentence.text_content(), card.text_content())
    page.get_by_role("slider", name=name).focus()
    page.keyboard.press("ArrowRight")
    expect(sentence).not_to_have_text(before[0])
    expect(card).not_to_have_text(before[1])


def test_the_report_works_from_disk_with_no_network(downloads: dict[str, Path],
                                                    offline: Offline) -> None:
    """The downloaded report starts at the view it came from, follows a slider, goes back
    to that view, draws its charts, and asks for nothing (its policy forbids it)."""
    report = downloads["report"]
    page = offline.open(report)
    sentence = page.locator(".cs-sentence")
    expect(sentence).to_contain_text("10%")
    start = sentence.text_content()
    expect(page.locator(".js-plotly-plot .main-svg").first).to_be_attached()
    _moves_with_its_slider(page)
    page.get_by_role("button", name="Back to the view downloaded").click()
    expect(sentence).to_have_text(start)
    page.get_by_role("button", name="Reset all to the document's values").click()
    expect(sentence).to_contain_text("7.25%")
    blocked = page.evaluate("""() => new Promise((resolve) => {
      document.addEventListener("securitypolicyviolation",
                                (event) => resolve(event.effectiveDirective));
      fetch("http://127.0.0.1:9/x").catch(() => {});
    })""")
    assert blocked == "connect-src"
    assert offline.elsewhere(report) == []


def test_the_panel_alone_is_small_and_works_from_disk(downloads: dict[str, Path],
                                                      offline: Offline) -> None:
    panel = downloads["panel"]
    assert panel.stat().st_size < MAX_PANEL_BYTES
    page = offline.open(panel)
    expect(page.locator(".cs-sentence")).to_contain_text("10%")
    title = page.locator(".cs-chart-title")
    before = title.text_content()
    _moves_with_its_slider(page, UNIQUE)
    expect(title).not_to_have_text(before)  # the step chart follows the slider too
    assert offline.elsewhere(panel) == []


# What each downloaded file must write as the server does, for random assumptions: the
# report's sentence, verdict, cards and break-even rows; the panel alone's step chart
# (its sentence, stages, numbers, kinds and operations).
PARITY = {"report": (READ, lambda values: server_text(BUNDLE, SPEC, values)),
          "panel": (READ_CHART, lambda values: server_chart(BUNDLE, values))}


@pytest.fixture(scope="module", params=list(PARITY))
def live_file(request: pytest.FixtureRequest, browser: Browser,
              downloads: dict[str, Path]) -> Iterator[tuple[str, Page]]:
    """One downloaded file open offline for all its examples; it asks for nothing."""
    opened = Offline(browser)
    path = downloads[request.param]
    yield request.param, opened.open(path)
    assert opened.elsewhere(path) == []
    opened.context.close()


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=VALUES)
def test_the_live_files_write_the_servers_text(live_file: tuple[str, Page],
                                               values: dict[str, float]) -> None:
    """For random assumptions, the report's texts and the panel alone's step chart equal
    the server's to the character."""
    name, page = live_file
    read, server = PARITY[name]
    page.evaluate(SET_VALUES, {name: repr(value) for name, value in values.items()})
    assert page.evaluate(read) == server(BUNDLE.model.point_values(values))


# Every mark of the live chart at a finite place, no rectangle of negative size, whatever
# the values (an input's ends included).
CHART_GEOMETRY_SANE = """() => [...document.querySelectorAll(
    '.cs-chart g rect, .cs-chart g line, .cs-chart g text')].every(el =>
  ['x', 'y', 'width', 'height', 'x1', 'x2', 'y1', 'y2'].every(name => {
    if (!el.hasAttribute(name)) return true;
    const value = Number(el.getAttribute(name));
    return Number.isFinite(value) && (!['width', 'height'].includes(name) || value >= 0);
  }))"""


@pytest.mark.parametrize("name", ["clinic", "flytipping", "watermains", "drafted"])
def test_every_documents_live_step_chart_draws_the_servers(name: str, offline: Offline,
                                                            tmp_path: Path) -> None:
    """The panel alone of each fixture (conditions and words where an output has no value
    included) and of a drafted document: the chart at its defaults, at each input's ends
    and at random values equals the server's."""
    bundle = ecpat_as_pro_rata()[1] if name == "drafted" else load_bundle(FIXTURES[name])
    path = tmp_path / "panel.html"
    path.write_text(standalone_panel(bundle, bundle.model.defaults(), ""), encoding="utf-8")
    page = offline.open(path, ".cs-chart-title")
    inputs = panel_inputs(bundle)
    rng = random.Random(name)
    views = [{}, {spec.name: spec.min for spec in inputs},
             {spec.name: spec.max for spec in inputs},
             *({spec.name: rng.uniform(spec.min, spec.max) for spec in inputs}
               for _ in range(8))]
    for view in views:
        values = {**bundle.model.defaults(), **view}
        page.evaluate(SET_VALUES, {spec.name: repr(values[spec.name]) for spec in inputs})
        assert page.evaluate(READ_CHART) == server_chart(bundle, values), view
        assert page.evaluate(CHART_GEOMETRY_SANE), f"a mark drawn off the chart at {view}"
    assert offline.elsewhere(path) == []


@pytest.mark.parametrize("folder", [CLINIC_DOCUMENT, FLYTIPPING_DOCUMENT],
                         ids=["fixture", "other-subject"])
def test_every_documents_report_is_live(folder: Path, offline: Offline,
                                        tmp_path: Path) -> None:
    """The fixtures' reports (as the report button builds them) follow their sliders."""
    bundle = load_bundle(folder)
    first = next(iter(bundle.model.break_even_inputs))
    view = default_view(bundle.inputs)
    html = build_report(bundle, [ReportEntry(Scenario("As the document assumes", view))],
                        cite(bundle.document, date(2026, 12, 6), ""),
                        "6 December 2026")
    path = tmp_path / "report.html"
    path.write_text(html, encoding="utf-8")
    page = offline.open(path)
    _moves_with_its_slider(page, bundle.inputs[first].label)
    assert offline.elsewhere(path) == []


# ---- The embed ---------------------------------------------------------------------------

EMBED = "/embed?share=10&show=share,unique&embed=true"


def test_the_embed_works_inside_an_iframe(page: Page, server: Server, tmp_path: Path,
                                          external_requests: list[str]) -> None:
    """On a local page, the embed shows the sentence, the verdict, the chosen
    assumptions, the step chart (the panel's own drawing), the credit and a link back; a
    slider moves the numbers and the chart; nothing is asked of another host."""
    article = tmp_path / "article.html"
    article.write_text(f'<!DOCTYPE html><html lang="en"><title>An article</title><body>'
                       f"<h1>An article</h1><iframe src=\"{server.url}{EMBED}\" "
                       'title="ClaimScope" width="100%" height="1400"></iframe></body></html>',
                       encoding="utf-8")
    page.goto(article.as_uri())
    frame = page.frame_locator("iframe")
    sentence = frame.locator(".cs-sentence")
    expect(sentence).to_contain_text("10%", timeout=FIRST_LOAD)
    expect(frame.locator(".cs-verdict")).to_contain_text("does not hold")
    expect(frame.locator(".cs-assumption")).to_have_count(2)
    expect(frame.get_by_test_id("stTopNavLink")).to_have_count(0)
    expect(frame.locator(".st-key-content_note")).to_have_count(0)
    chart_title = frame.locator(".cs-chart-title")
    expect(chart_title).to_contain_text("260 million")
    expect(frame.locator(".cs-chart .cs-bar")).to_have_count(5)
    expect(frame.locator(".js-plotly-plot")).to_have_count(0)  # no plotly.js to load
    link = frame.get_by_role("link", name="Open this view in ClaimScope's projection explorer")
    expect(link).to_have_attribute("href", f"{server.url}/projection?share=10")
    expect(frame.locator(".st-key-page_footer")).to_contain_text("ECPAT International")
    frame.get_by_role("slider", name=SHARE).focus()
    page.keyboard.press("ArrowRight")
    expect(sentence).to_contain_text("10.05%")
    expect(chart_title).to_contain_text("258.7 million")  # drawn in the page, at once
    assert external_requests == []


@pytest.mark.parametrize("show", ["share", "share,unique,coverage,rate_ratio"])
def test_the_snippets_frame_holds_the_whole_embed(browser: Browser, server: Server,
                                                  show: str) -> None:
    """At the snippet's height and 760 px (its max-width), the embed needs no scrolling
    inside the frame: the chart, the assumptions, the link back and the credit all show."""
    count = len(show.split(","))
    height = int(re.search(r'height="(\d+)"', iframe_snippet("x", "t", count)).group(1))
    context = browser.new_context(base_url=server.url,
                                  viewport={"width": 760, "height": height})
    try:
        page = context.new_page()
        page.goto(f"/embed?show={show}&embed=true")
        wait_for_run(page)
        expect(page.locator(".cs-chart .cs-bar").first).to_be_visible()
        expect(page.locator(".st-key-page_footer")).to_be_visible()
        needed = page.evaluate(
            "document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
        assert needed <= height, f"the embed needs {needed} px; the snippet gives {height}"
    finally:
        context.close()


def test_the_embed_is_accessible_and_keyboard_operable_at_320_px(
        browser: Browser, server: Server) -> None:
    context = browser.new_context(base_url=server.url, viewport={"width": 320,
                                                                "height": 800})
    context.route(re.compile(r"^(?!https?://(localhost|127\.0\.0\.1)[:/])https?:"),
                  lambda route: route.abort())
    try:
        page = context.new_page()
        page.goto(EMBED.replace("show=share,unique", "show=unique,nothing"))
        wait_for_run(page)
        expect(page.get_by_test_id("stAlertContainer")).to_contain_text(
            "show=nothing: not an assumption of this document")
        assert_accessible(page, "/embed at 320 px")
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], f"the embed is {width[0]} px wide in {width[1]} px"
        verdict = page.locator(".cs-verdict")
        slider = page.get_by_role("slider", name=UNIQUE)
        for _ in range(40):  # Tab from the top, as someone without a mouse would
            page.keyboard.press("Tab")
            if slider.evaluate("el => el === document.activeElement"):
                break
        else:
            pytest.fail("Tab never reached the slider")
        before = verdict.text_content()
        page.keyboard.press("Home")
        expect(verdict).not_to_have_text(before)
        expect(page).to_have_url(re.compile(r"show=unique"))
    finally:
        context.close()
