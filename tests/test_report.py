"""The HTML report: every figure as on screen, everything escaped, nothing fetched."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from datetime import date

import pytest

from claimscope.bundle import load_bundle
from claimscope.charts.compare import compare_chart
from claimscope.charts.report import ReportEntry, build_report, markdown_bold
from claimscope.link.scenario_presets import PRESETS_FILE, load_presets
from claimscope.link.scenarios import Scenario
from claimscope.link.viewstate import default_view
from claimscope.text.numbers import human, percent
from claimscope.uncertainty.correlations import Correlation
from claimscope.uncertainty.montecarlo import simulate
from claimscope.uncertainty.montecarlo.sobol import sobol_indices
from claimscope.views.citation import cite
from claimscope.views.compare import totals_frame
from claimscope.views.projection import output_rows

BUNDLE = load_bundle()
MODEL = BUNDLE.model
SPECS = MODEL.inputs
HOSTILE = "<script>alert('x')</script><img src=\"http://example.com/x.png\">"
CITATION = cite(BUNDLE.document, date(2026, 5, 5), "http://localhost:8501/projection")
SCRIPT = re.compile(r"<script[^>]*>(.*?)</script>", re.S)


def plotly_bundle(page: str) -> str:
    """The one inline <script> holding plotly.js itself."""
    bundles = [m.group(0) for m in SCRIPT.finditer(page) if "plotly.js v" in m.group(1)[:200]]
    assert len(bundles) == 1, f"plotly.js embedded {len(bundles)} times"
    return bundles[0]


@pytest.fixture(scope="module")
def single() -> str:
    return build_report(BUNDLE, [ReportEntry(Scenario("As the document assumes",
                                                      default_view(SPECS)))],
                        CITATION, "5 May 2026, 10:00 UTC")


@pytest.fixture(scope="module")
def compared() -> tuple[str, list[Scenario], dict]:
    presets = load_presets(BUNDLE.document.folder / PRESETS_FILE, MODEL, BUNDLE.sample_units,
                           BUNDLE.range_presets)
    ranged = next(p for p in presets if p.view.ranges)
    chosen = [presets[0], Scenario(HOSTILE, presets[0].view.with_value("unique", 50)), ranged]
    simulations = {s.name: simulate(MODEL, s.view.values, s.view.ranges, 2_000, 7)
                   if s.view.ranges else None for s in chosen}
    chart = compare_chart(totals_frame(chosen, MODEL, simulations), MODEL)
    page = build_report(BUNDLE, [ReportEntry(s, simulations[s.name], f"/projection?n={i}")
                                 for i, s in enumerate(chosen)],
                        CITATION, "5 May 2026, 10:00 UTC", (chart,))
    return page, chosen, simulations


def test_every_output_is_written_as_on_screen(single: str) -> None:
    values = default_view(SPECS).values
    out = MODEL.evaluate(values)
    rows = output_rows(MODEL, values, out)
    # each number with its unit's word, as the cards write it
    assert [value for _, value, _ in rows] == [
        MODEL.shown(name, out) for name in ("national", "per_year", "per_resident",
                                            "projected", "global_total", "per_offender")]
    assert rows[0][1] == human(out["national"]) + " images"
    for label, value, _ in rows:
        assert f"<td>{html.escape(label)}</td><td>{html.escape(value)}</td>" in single
    assert "<td>National total over the window</td><td>358.6 million images</td>" in single
    assert "<strong>358.6 million</strong> images nationally" in single


def test_break_even_inputs_sources_and_verdict_are_there(single: str) -> None:
    assert "&#x2265; 83.65%" in single or "≥ 83.65%" in single  # unique's break-even
    assert html.escape(BUNDLE.catalogue["seized-images"].quote) in single
    assert "The document&#x27;s claim holds" in single


def test_caveats_and_citation_are_there(single: str) -> None:
    for caveat in BUNDLE.caveats:
        assert html.escape(caveat.title) in single
    assert html.escape(CITATION.short) in single and html.escape(CITATION.long) in single


def test_the_documents_content_and_care_notes_frame_the_report(single: str) -> None:
    meta = BUNDLE.document.meta
    assert html.escape(meta.content_note) in single
    assert single.index(html.escape(meta.care_note)) > single.index("<h2")  # at its foot


def test_nothing_is_fetched_from_elsewhere(single: str) -> None:
    assert "<script src" not in single.lower()
    rest = single.replace(plotly_bundle(single), "")
    lowered = rest.lower()
    for remote in ('src="http', "src='http", "<link", "cdn", "@import"):
        assert remote not in lowered, remote
    # a style's url() may point only inside the page (the step chart's patterns: url(#id))
    assert re.search(r"url\(\s*['\"]?(?!#)", lowered) is None
    assert single.count('class="plotly-graph-div"') == 1


def test_a_model_without_a_step_chart_gets_a_report_without_one() -> None:
    """A hand-written model.yaml may declare no steps: the report leaves the chart out
    (and plotly.js with it) rather than failing."""
    stepless = replace(BUNDLE, model=replace(MODEL, steps=()))
    page = build_report(stepless, [ReportEntry(Scenario("Plain", default_view(SPECS)))],
                        CITATION, "5 May 2026, 10:00 UTC")
    assert 'class="plotly-graph-div"' not in page and "plotly.js v" not in page
    assert "<h3>Where the claim stops holding</h3>" in page


def test_compare_report_embeds_plotly_once_and_draws_every_chart(compared: tuple) -> None:
    page, chosen, _ = compared
    plotly_bundle(page)
    ranged = sum(1 for s in chosen if s.view.ranges)  # each with how P(claim holds) settles
    assert page.count('class="plotly-graph-div"') == 1 + len(chosen) + ranged  # + steps
    assert "<h3>Inputs that differ</h3>" in page and "Scenarios compared" in page


def test_each_chart_title_is_a_caption_and_plotlys_own_is_hidden(compared: tuple) -> None:
    """Plotly cannot wrap a title: the report shows it as a caption, which wraps."""
    page, _, _ = compared
    captions = re.findall(r"<figcaption><strong>(.+?)</strong></figcaption>", page)
    assert len(captions) == page.count('class="plotly-graph-div"')
    assert any("scenarios" in caption for caption in captions)
    assert ".chart .gtitle { display: none; }" in page


def test_intervals_appear_as_on_screen(compared: tuple) -> None:
    page, chosen, simulations = compared
    result = simulations[chosen[2].name]
    national = result["national"]
    assert f"{human(national.low)} – {human(national.high)}" in page
    assert percent(result.p_claim * 100, 1) in page


def test_hostile_names_are_escaped_everywhere(compared: tuple) -> None:
    page, _, _ = compared
    assert HOSTILE not in page
    assert "<script>alert" not in page and "<img" not in page
    assert html.escape(HOSTILE) in page
    for script in SCRIPT.finditer(page):  # inside plotly's JSON, "<" is written \u003c
        assert "alert('x')</script>" not in script.group(1)


def test_bold_spans_survive_but_markup_does_not() -> None:
    assert markdown_bold("**<b>1</b>** & more") == \
        "<strong>&lt;b&gt;1&lt;/b&gt;</strong> &amp; more"


def test_a_report_needs_a_scenario() -> None:
    with pytest.raises(ValueError):
        build_report(BUNDLE, [], CITATION, "today")


def test_report_lists_every_source_with_its_evidence_anchor_and_what_it_supports() -> None:
    from claimscope.views.evidence import anchor, citation_line

    report = build_report(BUNDLE, [ReportEntry(Scenario("S", default_view(SPECS)))],
                          CITATION, "now")
    assert "<h2>Sources of the figures ClaimScope supplies</h2>" in report
    for source in BUNDLE.sources.values():
        assert f'<li id="{anchor(source.id)}">{html.escape(citation_line(source))}' in report
    assert "Supports: Suggested range: unique" in report
    section = report.split("<h2>Sources of the figures ClaimScope supplies</h2>")[1]
    section = section.split("<h2>")[0]
    assert "href" not in section  # addresses are text: the report asks for nothing remote


def test_the_report_shows_sobol_indices_convergence_and_correlations() -> None:
    """Issue 15: the report carries the Sobol indices with their intervals (both scales,
    each with its data table), how P(claim holds) settles, and the correlations used."""
    ranges = {name: preset.range for name, preset in BUNDLE.range_presets.items()}
    view = default_view(SPECS)
    for name, span in ranges.items():
        view = view.with_range(name, span)
    view = view.with_correlations((Correlation("unique", "coverage", 0.5),))
    simulation = simulate(MODEL, view.values, view.ranges, 20_000, 7,
                          correlations=view.correlations)
    sobol = sobol_indices(MODEL, view.values, view.ranges)
    page = build_report(BUNDLE, [ReportEntry(Scenario("Ranged", view), simulation, "", sobol)],
                        CITATION, "5 May 2026, 10:00 UTC")
    assert "Which assumptions matter, with error bars" in page
    top = sobol.on("log").sort_values("total").iloc[-1]
    assert html.escape(f"{percent(top['total'] * 100, 0)} of the variance of log(") in page
    assert "with its interactions (95% interval" in page
    assert page.count("first_conf") == 2  # the data table of each scale's chart
    assert "The chance the claim (300 million) holds settles at" in page
    assert "Correlated: Distinct images among those seized and Share of circulating " \
           "images that police seized (rank correlation +0.50)." in page
    assert "these ignore the correlations set" in page
