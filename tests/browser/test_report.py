"""Scenarios and the report in a real browser: save two, compare, download the report and
open it from disk with every http(s) request refused — its charts must still draw."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from tests.browser.conftest import FIRST_LOAD, Server, wait_for_run

pytestmark = pytest.mark.browser

ANY_WEB = re.compile(r"^(https?|wss?)://")


def save_scenario(page: Page, name: str) -> None:
    """Type a name for the current assumptions and save them."""
    field = page.get_by_label("Name for the current assumptions")
    field.fill(name)
    field.press("Enter")
    wait_for_run(page)
    page.get_by_role("button", name="Save scenario").click()
    expect(page.get_by_test_id("stAlertContainer").filter(has_text="Saved")).to_be_visible()
    wait_for_run(page)


def test_compared_scenarios_make_a_report_that_draws_offline(
        visit: Callable[[str], Page], browser: Browser, server: Server,
        tmp_path: Path) -> None:
    """Two saved scenarios beside the document's; the downloaded report opens from file:// with the
    network refused and draws its plotly charts from the embedded plotly.js."""
    page = visit("/compare?share=10")  # the compare page saves the current view too
    save_scenario(page, "Ten percent share")
    save_scenario(page, "Ten percent, <i>again</i>")
    differences = page.get_by_test_id("stDataFrame").first
    expect(differences).to_be_visible()
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=FIRST_LOAD)
    expect(page.locator(".js-plotly-plot .xtick text")).to_have_text(
        ["As the document assumes", "Sample without Cambridgeshire", "Ten percent share",
         "Ten percent, <i>again</i>"])  # saved here, so added to the comparison

    link = page.locator(".cs-copy").filter(has_text="/compare?scenarios=").first
    expect(link).to_contain_text(f"{server.url}/compare?scenarios=")  # a full address

    with page.expect_download(timeout=FIRST_LOAD) as download:
        page.get_by_role("button", name="Download report").click()
    assert download.value.suggested_filename == "claimscope-comparison.html"
    report = tmp_path / "report.html"
    download.value.save_as(report)
    text = report.read_text(encoding="utf-8")
    assert "Ten percent, &lt;i&gt;again&lt;/i&gt;" in text and "<i>again" not in text

    refused: list[str] = []

    def refuse(route: Route) -> None:
        refused.append(route.request.url)
        route.abort("blockedbyclient")

    context = browser.new_context(service_workers="block")
    context.route(ANY_WEB, refuse)
    try:
        offline = context.new_page()
        offline.goto(report.as_uri())
        charts = offline.locator(".js-plotly-plot")
        expect(charts.first).to_be_visible(timeout=FIRST_LOAD)
        assert charts.count() >= 1
        expect(offline.locator(".js-plotly-plot .main-svg").first).to_be_attached()
        # The comparison and each scenario's steps: two presets and the two saved ones.
        expect(charts).to_have_count(5)
        expect(offline.locator("h1")).to_contain_text("4 scenarios compared")
    finally:
        context.close()
    assert refused == [], f"the report asked the network for: {refused}"


def test_the_projection_report_carries_sobol_indices_and_correlations(
        visit: Callable[[str], Page], tmp_path: Path) -> None:
    """Issue 15: the report of a ranged, correlated view holds the Sobol indices with their
    intervals (worked out when the report is asked for), how P(claim holds) settles, and
    the correlations used."""
    page = visit("/projection?unique_lo=60&unique_hi=100&coverage_lo=50&coverage_hi=100"
                 "&samples=10000&corr=unique:coverage:0.5")
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=FIRST_LOAD)
    with page.expect_download(timeout=FIRST_LOAD) as download:
        page.get_by_role("button", name="Download report").click()
    report = tmp_path / "report.html"
    download.value.save_as(report)
    text = report.read_text(encoding="utf-8")
    assert "Which assumptions matter, with error bars" in text
    assert "with its interactions (95% interval" in text
    assert "holds settles at" in text
    assert "(rank correlation +0.50)." in text
