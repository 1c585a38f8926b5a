"""Estimates over time: bounds read from the document's words, implied growth, projections;
the charts name their data in the document's words ("offenders")."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimscope.bundle import load_bundle
from claimscope.charts.estimates_over_time import (
    change_words,
    estimates_chart,
    per_estimate_chart,
    projection_chart,
)
from claimscope.context.estimates_over_time import (
    bound_of,
    compound_growth,
    elimination_path,
    grow,
    growth_path,
    implied_growth,
    per_estimate_table,
    projection_path,
    second_years,
    statements_frame,
)

BUNDLE = load_bundle()
CATALOGUE = BUNDLE.catalogue
PAGE = BUNDLE.pages.estimates_over_time
assert PAGE is not None

counts = st.floats(min_value=1.0, max_value=1e9, allow_nan=False)
spans = st.integers(min_value=1, max_value=40)


@pytest.mark.parametrize(("mention", "bound"), [
    ("upwards of 50,000", "lower"), ("more than 20", "lower"),
    ("in excess of 300 million", "lower"), ("as many as 100,000", "upper"),
    ("As  many as 7", "upper"), ("26 million", "exact"),
])
def test_hedging_words_set_the_bound(mention: str, bound: str) -> None:
    assert bound_of(mention) == bound


def test_the_catalogue_hedges_as_the_document_does() -> None:
    assert bound_of(CATALOGUE[PAGE.first].mention) == "lower"
    assert bound_of(CATALOGUE[PAGE.second].mention) == "upper"


def test_second_estimate_was_stated_in_2016_and_2017() -> None:
    assert second_years(CATALOGUE, PAGE) == [2016, 2017]


@pytest.mark.parametrize(("second_year", "rate", "at_2030"), [
    (2016, 2 ** 0.5 - 1, 100_000 * 2 ** 7),
    (2017, 2 ** (1 / 3) - 1, 100_000 * 2 ** (13 / 3)),
])
def test_doubling_implies_these_rates(second_year: int, rate: float, at_2030: float) -> None:
    growth = implied_growth(CATALOGUE, PAGE, second_year)
    assert (growth.first.count, growth.second.count) == (50_000, 100_000)
    assert growth.first.year == 2014 and growth.deadline == 2030
    assert growth.ratio == 2
    assert growth.rate == pytest.approx(rate)
    assert growth.at_deadline == pytest.approx(at_2030)


def test_rates_round_to_the_pages_figures() -> None:
    assert round(implied_growth(CATALOGUE, PAGE, 2016).rate * 100, 1) == 41.4
    assert round(implied_growth(CATALOGUE, PAGE, 2017).rate * 100, 1) == 26.0


def test_a_year_without_a_statement_is_refused() -> None:
    with pytest.raises(ValueError, match="2015"):
        implied_growth(CATALOGUE, PAGE, 2015)


@pytest.mark.parametrize(("first", "second", "years"), [(0, 1, 1), (1, -1, 1), (1, 2, 0)])
def test_growth_needs_positive_counts_in_order(first: float, second: float,
                                               years: float) -> None:
    with pytest.raises(ValueError):
        compound_growth(first, second, years)


@given(counts, counts, spans)
def test_growth_round_trips(first: float, second: float, years: int) -> None:
    rate = compound_growth(first, second, years)
    assert grow(first, rate, years) == pytest.approx(second, rel=1e-6)


@given(counts, st.floats(min_value=-0.9, max_value=3.0), spans, spans)
def test_growth_composes(count: float, rate: float, a: int, b: int) -> None:
    assert grow(grow(count, rate, a), rate, b) == pytest.approx(grow(count, rate, a + b),
                                                                rel=1e-9)


@pytest.mark.parametrize("second_year", [2016, 2017])
def test_paths_start_and_end_where_they_should(second_year: int) -> None:
    growth = implied_growth(CATALOGUE, PAGE, second_year)
    path = growth_path(growth)
    assert list(path["year"]) == list(range(2014, second_year + 1))
    assert path["count"].iloc[0] == pytest.approx(50_000)
    assert path["count"].iloc[-1] == pytest.approx(100_000)
    projection = projection_path(growth)
    assert list(projection["year"]) == list(range(second_year, 2031))
    assert projection["count"].iloc[-1] == pytest.approx(growth.at_deadline)
    assert np.all(np.diff(projection["count"]) > 0)
    target = elimination_path(growth)
    assert list(target["year"]) == list(projection["year"])
    assert target["count"].iloc[0] == 100_000 and target["count"].iloc[-1] == 0
    assert np.allclose(np.diff(target["count"], 2), 0)  # a straight line


def test_statements_list_each_year_a_count_was_given() -> None:
    frame = statements_frame(CATALOGUE, PAGE)
    assert list(zip(frame["year"], frame["count"], frame["bound"], strict=True)) == [
        (2014, 50_000, "lower bound"), (2016, 100_000, "upper estimate"),
        (2017, 100_000, "upper estimate")]
    assert frame["quote"].str.contains("100,000").sum() == 2


def test_images_are_divided_among_each_count() -> None:
    table = per_estimate_table(358.6e6, 25_000, CATALOGUE, PAGE)
    assert list(table["count"]) == [25_000, 50_000, 100_000]
    assert list(table["kind"]) == ["assumed", "derived", "derived"]
    assert table["per_estimate"].tolist() == pytest.approx([14_344, 7_172, 3_586])
    assert "upwards of 50,000" in table["label"].iloc[1]


@pytest.mark.parametrize(("ratio", "words"), [
    (2, "doubled"), (3, "tripled"), (0.5, "halved"), (1.5, "changed 1.5-fold"),
])
def test_change_words(ratio: float, words: str) -> None:
    assert change_words(ratio) == words


@pytest.mark.parametrize("second_year", [2016, 2017])
def test_charts_plot_exactly_their_data(second_year: int) -> None:
    growth = implied_growth(CATALOGUE, PAGE, second_year)
    statements = statements_frame(CATALOGUE, PAGE)
    per = BUNDLE.model.output(PAGE.per_estimate)
    charts = [
        estimates_chart(statements, growth, growth_path(growth), PAGE),
        projection_chart(statements, growth, projection_path(growth), elimination_path(growth),
                         PAGE),
        per_estimate_chart(per_estimate_table(358.6e6, 25_000, CATALOGUE, PAGE), 2012, 358.6e6,
                           PAGE, per.label, per.unit),
    ]
    for chart in charts:
        plotted = np.concatenate([
            np.asarray(trace.x if trace.orientation == "h" else trace.y, dtype=float)
            for trace in chart.figure.data])
        column = "images_per_offender" if "images_per_offender" in chart.data else "offenders"
        assert sorted(plotted) == pytest.approx(sorted(chart.data[column]))
        assert len(chart.figure.data) >= 2 and chart.source


def test_projection_chart_keeps_target_and_growth_apart() -> None:
    growth = implied_growth(CATALOGUE, PAGE, 2017)
    chart = projection_chart(statements_frame(CATALOGUE, PAGE), growth, projection_path(growth),
                             elimination_path(growth), PAGE)
    assert set(chart.data["kind"]) == {"reported", "derived", "target"}
    dashes = {trace.name: trace.line.dash for trace in chart.figure.data if trace.mode == "lines"}
    assert len(set(dashes.values())) == 2
    assert chart.figure.layout.title.text.startswith("Continuing 26.0% a year would mean 2 million")
