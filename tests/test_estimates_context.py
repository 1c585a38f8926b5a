"""Published estimates over time (context data): loading, checks, frames, chart, and the
section on the estimates-over-time page (ECPAT's /offenders)."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest

from claimscope.bundle import default_document, load_bundle
from claimscope.charts.estimates_context import finding, published_estimates_chart
from claimscope.context.estimates_context import (
    ESTIMATES_CONTEXT_FILE,
    decimal_year,
    estimates_frame,
    load_estimates_context,
    related_counts_frame,
)
from claimscope.files.schema import DataError
from tests.apptest_helpers import decode, figure_specs, page_text, run_page
from tests.data_helpers import SOURCE, edit

BUNDLE = load_bundle()
CONTEXT = BUNDLE.estimates_context
PAGE = BUNDLE.pages.estimates_over_time
assert PAGE is not None


@pytest.fixture
def path(tmp_path: Path) -> Path:
    copy = tmp_path / ESTIMATES_CONTEXT_FILE
    shutil.copy(SOURCE / ESTIMATES_CONTEXT_FILE, copy)
    return copy


def estimate(data: dict, record_id: str) -> dict:
    return next(r for r in data["estimates"] if r["id"] == record_id)


def test_shipped_file_loads_with_every_record() -> None:
    assert CONTEXT is not None
    assert len(CONTEXT.estimates) == 14 and len(CONTEXT.related_counts) == 5
    assert [d.claim for d in CONTEXT.document] == ["offenders-2014", "offenders-2016-2017"]
    davies = next(e for e in CONTEXT.estimates if e.id == "davies-2013")
    assert (davies.low, davies.high, davies.figure) == (50_000, 60_000, None)
    assert davies.plotted == pytest.approx(math.sqrt(50_000 * 60_000))


def test_every_wording_is_in_a_quote_of_a_source_it_cites() -> None:
    """The exact words of each estimate and arrest rate are words its sources were read
    to say (sources.yaml quotes), so nothing is typed from memory."""
    for record in (*CONTEXT.estimates, *CONTEXT.related_counts):
        quotes = " ".join(q for c in record.sources for q in BUNDLE.sources[c.source].quotes)
        assert record.wording in " ".join(quotes.split()), record.id


def test_the_file_is_optional(tmp_path: Path) -> None:
    folder = tmp_path / default_document()
    shutil.copytree(SOURCE, folder)
    (folder / ESTIMATES_CONTEXT_FILE).unlink()
    with pytest.raises(DataError, match="cited by no record"):  # its sources go unused
        load_bundle(folder)


@pytest.mark.parametrize(("change", "expected"), [
    (lambda d: d.update(kind="document"),
     "field 'kind': must be one of context"),
    (lambda d: estimate(d, "bristow-2014-10").update(date="October 2014"),
     "record bristow-2014-10, field 'date': must be a year or year-month"),
    (lambda d: estimate(d, "bristow-2014-10").update(date="2014-10-20"),
     "record bristow-2014-10, field 'date': must be a year or year-month"),
    (lambda d: estimate(d, "bristow-2014-10").pop("figure"),
     "record bristow-2014-10, field 'figure': is missing: give a figure, or low and high"),
    (lambda d: estimate(d, "bristow-2014-10").update(figure=-5),
     "record bristow-2014-10, field 'figure': must be above 0"),
    (lambda d: estimate(d, "bristow-2014-10").update(figure="50,000"),
     "record bristow-2014-10, field 'figure': must be a number"),
    (lambda d: estimate(d, "davies-2013").pop("high"),
     "record davies-2013, field 'high': is missing: a range needs both"),
    (lambda d: estimate(d, "davies-2013").update(low=70_000),
     "record davies-2013, field 'low': must be smaller than high"),
    (lambda d: estimate(d, "nspcc-2016-11").update(figure=900_000),
     "record nspcc-2016-11, field 'figure': must lie between low and high"),
    (lambda d: estimate(d, "bristow-2014-10").update(measured="viewers"),
     "record bristow-2014-10, field 'measured': names unknown measure 'viewers'"),
    (lambda d: estimate(d, "bristow-2014-10").pop("sources"),
     "record bristow-2014-10, field 'sources': is missing"),
    (lambda d: estimate(d, "bristow-2014-10").update(wording=" "),
     "record bristow-2014-10, field 'wording': must not be empty"),
    (lambda d: estimate(d, "bristow-2014-10").update(date="2014-13"),
     "record bristow-2014-10, field 'date': must be a year or year-month in quotes "
     "(YYYY or YYYY-MM); got '2014-13'"),
    (lambda d: estimate(d, "bristow-2014-10").update(date=2014),
     "field 'date': must be a year or year-month in quotes (YYYY or YYYY-MM); got 2014"),
    (lambda d: estimate(d, "bristow-2014-10").update(size=3),
     "record bristow-2014-10: unknown field(s): size"),
    (lambda d: d["estimates"].append(dict(d["estimates"][0])),
     "record davies-2013, field 'id': duplicate id"),
    (lambda d: d["document"][0].update(claim="offenders-2099"),
     "record offenders-2099, field 'claim': names unknown claim 'offenders-2099'"),
    (lambda d: d["document"][0].update(claim="itu-guides"),
     "record itu-guides, field 'claim': claim 'itu-guides' has no date"),
    (lambda d: d["related_counts"][0].update(months=0),
     "record npcc-2015-12, field 'months': must be at least 1"),
    (lambda d: d.pop("related_counts"),
     "must contain a list under 'related_counts'"),
])
def test_each_error_names_file_record_and_field(path: Path, change, expected: str) -> None:
    edit(path, change)
    with pytest.raises(DataError) as error:
        load_estimates_context(path, BUNDLE.catalogue)
    assert str(error.value).startswith(f"{ESTIMATES_CONTEXT_FILE}"), str(error.value)
    assert expected in str(error.value), str(error.value)


def test_decimal_year_places_dates_mid_period() -> None:
    assert decimal_year("2016") == 2016.5
    assert decimal_year("2014-10") == pytest.approx(2014 + 9.5 / 12)


def test_estimates_frame_holds_both_sources_in_date_order() -> None:
    frame = estimates_frame(CONTEXT, BUNDLE.catalogue)
    assert list(frame["year"]) == sorted(frame["year"])
    document = frame[frame["source"] == "document"]
    assert list(document["plotted"]) == [50_000, 100_000]
    assert list(document["measured"]) == ["ceop-p2p", "feared"]
    assert frame["sources"].str.len().min() > 0


def test_related_counts_frame_is_per_month_and_per_year() -> None:
    frame = related_counts_frame(CONTEXT, PAGE.context.related.many)
    first = frame.iloc[0]
    assert first["arrests_a_month"] == pytest.approx(680 / 9)
    assert first["arrests_a_year"] == pytest.approx(680 / 9 * 12)
    assert set(frame["arrests_a_month"].round()) == {76, 375, 400, 500}


def test_chart_plots_exactly_its_data_by_measure_with_error_bars() -> None:
    frame = estimates_frame(CONTEXT, BUNDLE.catalogue)
    chart = published_estimates_chart(frame, list(CONTEXT.measures), PAGE.context.published,
                                      "people")
    fig = chart.figure
    assert fig.layout.yaxis.type == "log"
    assert fig.layout.title.text == finding(chart.data, PAGE.context.published) == (
        "The document's 50,000 → 100,000 compares different things: published UK "
        "estimates, 2013–2021, count 9 different things, from 20,000 to 850,000")
    published = [t for t in fig.data if t.name != "The document's figures (large, open)"]
    symbols = [t.marker.symbol for t in published]
    assert len(set(symbols)) == len(symbols) == 9  # one shape per measure
    labels = [text for trace in published for text in trace.text if text]
    assert len(labels) == 9 and "50,000–60,000 · CEOP: downloading or sharing" in labels
    assert sum(len(t.y) for t in fig.data) == len(chart.data)
    davies = next(t for t in published if 50_000 in list(t.error_y.arrayminus + t.y))
    assert davies.error_y.visible
    document = fig.data[-1]
    assert list(document.y) == [50_000, 100_000]
    assert all(s.endswith("-open") for s in document.marker.symbol)
    assert list(chart.data["figure_as_given"])[:1] == ["50,000–60,000"]


def test_same_measure_is_said_plainly() -> None:
    frame = estimates_frame(CONTEXT, BUNDLE.catalogue)
    frame.loc[frame["source"] == "document", "measured"] = "ceop-p2p"
    assert "compares one measure" in finding(frame, PAGE.context.published)


def test_the_page_shows_the_chart_table_and_related_counts() -> None:
    at = run_page("components/pages/estimates_over_time.py")
    specs = figure_specs(at)
    titles = [s["layout"]["title"]["text"] for s in specs]
    assert any(t.startswith("The document's 50,000 → 100,000 compares different things")
               for t in titles)
    over_time = specs[titles.index(next(t for t in titles if "compares" in t))]
    assert sum(len(decode(trace["y"])) for trace in over_time["data"]) == 16
    tables = [frame.value for frame in at.dataframe]
    table = next(t for t in tables if "Exact words" in t.columns)
    assert len(table) == 16 and table["Sources"].str.len().min() > 0
    arrests = next(t for t in tables if "arrests_a_month" in t.columns)
    assert len(arrests) == 5
    assert "Published estimates over time (context, not from the document)" in page_text(at)
    assert "of “upwards of 50,000”" in page_text(at)
