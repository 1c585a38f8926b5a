"""Membership and commitments: pigeonhole bounds, two target lists, deadline arithmetic,
timeline."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope.bundle import load_bundle
from claimscope.charts.membership import timeline_chart
from claimscope.context.membership import (
    MembersPerCountry,
    deadline,
    event_date,
    members_spread,
    stated_and_quoted_targets,
    target_overlap,
    targets_frame,
    timeline,
)

BUNDLE = load_bundle()
CATALOGUE = BUNDLE.catalogue
PAGE = BUNDLE.pages.membership
assert PAGE is not None


def test_103_members_in_93_countries() -> None:
    spread = members_spread(CATALOGUE, PAGE)
    assert (spread.members, spread.countries, spread.extra) == (103, 93, 10)
    assert (spread.fewest_shared, spread.most_shared, spread.most_in_one) == (1, 10, 11)
    assert round(spread.average, 2) == 1.11


@pytest.mark.parametrize(("members", "countries"), [(5, 6), (0, 0), (3, 0)])
def test_impossible_spreads_are_refused(members: int, countries: int) -> None:
    with pytest.raises(ValueError):
        MembersPerCountry(members, countries)


def test_one_member_per_country_shares_nothing() -> None:
    spread = MembersPerCountry(7, 7)
    assert (spread.fewest_shared, spread.most_shared, spread.most_in_one) == (0, 0, 1)


@st.composite
def allocations(draw: st.DrawFn) -> list[int]:
    """Any way of giving every country at least one member."""
    return draw(st.lists(st.integers(min_value=1, max_value=30), min_size=1, max_size=150))


@settings(deadline=None)
@given(allocations())
def test_any_allocation_lies_within_the_bounds(allocation: list[int]) -> None:
    spread = MembersPerCountry(sum(allocation), len(allocation))
    shared = sum(1 for members in allocation if members > 1)
    assert spread.fewest_shared <= shared <= spread.most_shared
    assert max(allocation) <= spread.most_in_one


@settings(deadline=None)
@given(st.integers(min_value=1, max_value=300), st.integers(min_value=0, max_value=1000))
def test_the_bounds_are_reached(countries: int, extra: int) -> None:
    spread = MembersPerCountry(countries + extra, countries)
    for allocation in (spread.concentrated(), spread.spread_out()):
        assert len(allocation) == countries and sum(allocation) == countries + extra
        assert min(allocation) >= 1
    shared = Counter(m > 1 for m in spread.concentrated())[True]
    assert shared == spread.fewest_shared
    assert max(spread.concentrated()) == spread.most_in_one
    assert Counter(m > 1 for m in spread.spread_out())[True] == spread.most_shared


def test_targets_named_in_each_part() -> None:
    targets = targets_frame(CATALOGUE, PAGE).set_index("target")
    assert list(targets.index) == ["5.2", "5.3", "8.7", "16.2"]
    assert list(targets["named_in_part_two"]) == [False, True, True, True]
    assert list(targets["quoted_in_part_three"]) == [True, False, True, True]
    assert "violence against all women and girls" in targets.loc["5.2", "part_three_text"]
    assert target_overlap(targets.reset_index(), PAGE) == (["8.7", "16.2"], ["5.3"], ["5.2"])


def test_part_three_quotes_as_many_targets_as_it_says() -> None:
    assert stated_and_quoted_targets(CATALOGUE, PAGE) == (3, 3)


def test_fourteen_years_count_from_2016() -> None:
    dates = deadline(CATALOGUE, PAGE, BUNDLE.document.meta["date"])
    assert (dates.deadline, dates.years, dates.counted_from) == (2030, 14, 2016)
    assert dates.matches_start
    assert dates.left_at_document == 12


@pytest.mark.parametrize(("date", "value", "expected"), [
    ("2014-10", 2014, "2014-10-01"), ("2016", 2016, "2016-07-01"), (None, 2030, "2030-07-01"),
])
def test_event_dates(date: str | None, value: float, expected: str) -> None:
    claim = CATALOGUE["sdg-deadline"].model_copy(update={"date": date, "value": value})
    assert event_date(claim) == pd.Timestamp(expected)


def test_an_undated_event_is_refused() -> None:
    with pytest.raises(ValueError, match="sdg-deadline"):
        event_date(CATALOGUE["sdg-deadline"].model_copy(update={"date": "soon"}))


def test_timeline_runs_from_2014_to_2030() -> None:
    events = timeline(CATALOGUE, PAGE)
    assert events["date"].is_monotonic_increasing
    assert events["date"].iloc[0].year == 2014 and events["date"].iloc[-1].year == 2030
    assert events.set_index("claim_id").loc["sdgs-adopted", "date"] == pd.Timestamp("2015-09")
    assert {"campaign-launch", "campaign-operational", "luxembourg-completed"} <= set(
        events["claim_id"])
    assert events.set_index("claim_id").loc["sdg-deadline", "kind"] == "target"


def test_timeline_chart_plots_its_data_and_the_documents_date() -> None:
    dates = deadline(CATALOGUE, PAGE, BUNDLE.document.meta["date"])
    today = pd.Timestamp(dates.document_year, 7, 1)
    chart = timeline_chart(timeline(CATALOGUE, PAGE), today, dates)
    plotted = sorted(x for trace in chart.figure.data for x in trace.x)
    events = chart.data[chart.data["kind"] != "today"]
    assert plotted == sorted(events["date"])
    assert chart.data.loc[chart.data["kind"] == "today", "date"].tolist() == [today]
    assert chart.figure.layout.shapes[0].x0 == today
    assert "12 of the 14 years" in chart.figure.layout.title.text
