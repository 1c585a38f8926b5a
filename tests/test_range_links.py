"""Every valid link works: a range on any input of any document (the fixtures included), in
every shape, alone and correlated with another input, gives every summary, chart, the
report and /compare, and every page that reads the link shows its content.

Pinned: a range on an input the headline does not use (`offenders`, `year`; a fixture's
`cost`) crashed /projection with "IndexError: single positional indexer is
out-of-bounds" in `convergence_chart` (issue 21).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope.link.scenario_link import LINK_PARAM, encode_link
from claimscope.link.scenarios import Scenario
from claimscope.link.viewstate import default_view
from components.navigation import pages
from tests.apptest_helpers import figure_specs, kept, open_link, page_text
from tests.conftest import FUZZ_PROFILE
from tests.range_links import BUNDLES, FOLDERS, RangeLink, every_figure, every_range_link

ALONE = every_range_link(correlated=False)
CORRELATED = every_range_link(correlated=True)
PROJECTION = "components/pages/projection.py"
NOT_A_NUMBER = re.compile(r"\b(nan|inf|infinity)\b", re.IGNORECASE)


def _titles(charts) -> list[str]:
    return [chart.name for chart in charts]


@pytest.mark.parametrize("link", ALONE + CORRELATED, ids=lambda link: link.id)
def test_every_range_gives_every_summary_chart_report_and_comparison(link: RangeLink) -> None:
    view = link.view()
    charts = every_figure(link.bundle, view)
    assert all(title and not NOT_A_NUMBER.search(title) for title in _titles(charts)), \
        _titles(charts)


def test_a_headline_no_range_moves_settles_at_once_and_is_said_to() -> None:
    """The pinned case in the core: only the offender count has a range, which the
    headline does not use; every figure of the headline is its single value."""
    link = RangeLink("ecpat-cstd21-2018", "offenders", "uniform")
    view = link.view()
    charts = every_figure(link.bundle, view)
    convergence = charts[len(link.bundle.model.card_outputs)].data
    assert len(convergence) == 1 and convergence["standard_error"].eq(0).all()
    titles = _titles(charts)
    assert "None of the ranged assumptions moves the national total over the window on its " \
           "own" in titles
    assert any(t.startswith("No ranged assumption alone explains any") for t in titles)


@pytest.mark.parametrize("query", [
    {"offenders_lo": "10000", "offenders_hi": "100000"},
    {"year_lo": "2013", "year_hi": "2030"},
    {"global_share_lo": "1", "global_share_hi": "10", "global_share_dist": "lognormal"},
    {"unique_lo": "50", "unique_hi": "100", "offenders_lo": "10000",
     "offenders_hi": "100000", "corr": "unique:offenders:0.5"},
], ids=["offenders", "year", "global-share-lognormal", "correlated"])
def test_the_links_that_crashed_show_the_projection_and_say_why(query) -> None:
    """Issue 21's links as readers sent them (the default 100,000 draws)."""
    at = open_link(PROJECTION, query)  # asserts no exception
    titles = [spec["layout"]["title"]["text"] for spec in figure_specs(at)]
    assert any("settles at" in title for title in titles), titles
    said = [c.value for c in at.caption if "does not use" in c.value]
    assert said and said[0].startswith("The national total over the window does not use ")


def _document(monkeypatch: pytest.MonkeyPatch, link: RangeLink) -> None:
    monkeypatch.setenv("CLAIMSCOPE_DOCUMENT", str(FOLDERS[link.document]))


def _alone_or_correlated(links: list[RangeLink]) -> list[RangeLink]:
    """One page run per input × shape: alone, except that each input's last shape is
    run correlated with its partner (the core test above runs every case both ways)."""
    correlated = {(c.document, c.name, c.shape): c for c in CORRELATED}
    last = {(link.document, link.name): link.shape for link in links}
    return [correlated[(link.document, link.name, link.shape)]
            if last[(link.document, link.name)] == link.shape else link for link in links]


@pytest.mark.parametrize("link", _alone_or_correlated(ALONE), ids=lambda link: link.id)
def test_every_range_link_shows_the_projection_uncertainty(monkeypatch, link) -> None:
    _document(monkeypatch, link)
    at = open_link(PROJECTION, link.query())  # asserts no exception
    assert link.name in kept(at, "view").ranges
    assert any(m.label == "Chance the claim holds" for m in at.metric)
    at.toggle(key="sobol_shown").set_value(True).run()
    assert not at.exception, [e.value for e in at.exception]
    titles = [spec["layout"]["title"]["text"] for spec in figure_specs(at)]
    assert any("settles at" in title for title in titles), titles
    assert len(titles) >= 6, titles  # convergence, histogram, tornado, shares, Sobol,
    # claim map (the step chart is the panel's, drawn in the browser)
    assert not NOT_A_NUMBER.search(page_text(at))


def _page_query(link: RangeLink, page: str) -> dict[str, str]:
    """The link for a page: /compare reads scenarios (the ranged view beside the
    document's own), the others the view itself."""
    if not page.endswith("compare.py"):
        return link.query()
    specs = link.bundle.inputs
    return {LINK_PARAM: encode_link([Scenario("Ranged", link.view()),
                                     Scenario("Unranged", default_view(specs))], specs)}


@settings(settings.get_profile(FUZZ_PROFILE), max_examples=30)
@given(st.sampled_from(ALONE + CORRELATED), st.data())
def test_a_range_link_on_any_page_shows_the_page(fuzz_count, link, data) -> None:
    fuzz_count["range links on pages"] = fuzz_count.get("range links on pages", 0) + 1
    page = data.draw(st.sampled_from([entry.path for entry in pages(link.bundle)
                                      if entry.path != PROJECTION]), label="page")
    with pytest.MonkeyPatch.context() as monkeypatch:
        _document(monkeypatch, link)
        at = open_link(page, _page_query(link, page))  # asserts no exception
    assert at.title or at.header, "the page drew no heading"
    assert page_text(at).strip()
    if page.endswith("compare.py"):
        titles = [spec["layout"]["title"]["text"] for spec in figure_specs(at)]
        assert any(re.match(r"In (every|none|\d+ of)", t) for t in titles), titles


def test_every_document_has_inputs_the_headline_does_not_use() -> None:
    """The cases reach the kind of input that crashed: in the shipped document and in
    the fixture whose second output has inputs of its own."""
    for document in ("ecpat-cstd21-2018", "fixture-flytipping-2025"):
        model = BUNDLES[document].model
        assert any(not model.depends(link.name) for link in ALONE
                   if link.document == document), document
