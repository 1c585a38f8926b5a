"""Network and commitments: pigeonhole bounds, SDG targets, deadline arithmetic, timeline."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimscope.bundle import load_bundle
from claimscope.network import (
    Spread,
    deadline,
    decimal_year,
    network_spread,
    stated_and_quoted_targets,
    target_mismatch,
    targets_frame,
    timeline,
)

BUNDLE = load_bundle()
CATALOGUE = BUNDLE.catalogue


def test_103_members_in_93_countries() -> None:
    spread = network_spread(CATALOGUE)
    assert (spread.members, spread.countries, spread.extra) == (103, 93, 10)
    assert (spread.fewest_shared, spread.most_shared, spread.most_in_one) == (1, 10, 11)
    assert round(spread.average, 2) == 1.11


@pytest.mark.parametrize(("members", "countries"), [(5, 6), (0, 0), (3, 0)])
def test_impossible_spreads_are_refused(members: int, countries: int) -> None:
    with pytest.raises(ValueError):
        Spread(members, countries)


def test_one_member_per_country_shares_nothing() -> None:
    spread = Spread(7, 7)
    assert (spread.fewest_shared, spread.most_shared, spread.most_in_one) == (0, 0, 1)


@st.composite
def allocations(draw: st.DrawFn) -> list[int]:
    """Any way of giving every country at least one member."""
    return draw(st.lists(st.integers(min_value=1, max_value=30), min_size=1, max_size=150))


@given(allocations())
def test_any_allocation_lies_within_the_bounds(allocation: list[int]) -> None:
    spread = Spread(sum(allocation), len(allocation))
    shared = sum(1 for members in allocation if members > 1)
    assert spread.fewest_shared <= shared <= spread.most_shared
    assert max(allocation) <= spread.most_in_one


@given(st.integers(min_value=1, max_value=500), st.integers(min_value=0, max_value=2000))
def test_the_bounds_are_reached(countries: int, extra: int) -> None:
    spread = Spread(countries + extra, countries)
    for allocation in (spread.concentrated(), spread.spread_out()):
        assert len(allocation) == countries and sum(allocation) == countries + extra
        assert min(allocation) >= 1
    shared = Counter(m > 1 for m in spread.concentrated())[True]
    assert shared == spread.fewest_shared
    assert max(spread.concentrated()) == spread.most_in_one
    assert Counter(m > 1 for m in spread.spread_out())[True] == spread.most_shared


def test_targets_named_in_each_part() -> None:
    targets = targets_frame(CATALOGUE).set_index("target")
    assert list(targets.index) == ["5.2", "5.3", "8.7", "16.2"]
    assert list(targets["named_in_part_two"]) == [False, True, True, True]
    assert list(targets["quoted_in_part_three"]) == [True, False, True, True]
    assert "violence against all women and girls" in targets.loc["5.2", "part_three_text"]
    assert target_mismatch(targets.reset_index()) == (["5.3"], ["5.2"])


def test_part_three_quotes_as_many_targets_as_it_says() -> None:
    assert stated_and_quoted_targets(CATALOGUE) == (3, 3)


def test_fourteen_years_count_from_2016() -> None:
    dates = deadline(CATALOGUE, BUNDLE.document.meta["date"])
    assert (dates.deadline, dates.years, dates.counted_from) == (2030, 14, 2016)
    assert dates.matches_launch
    assert dates.left_at_document == 12


@pytest.mark.parametrize(("date", "value", "year"), [
    ("2014-10", 2014, 2014.75), ("2016", 2016, 2016.0), (None, 2030, 2030.0),
    ("2015-01", 2015, 2015.0),
])
def test_decimal_years(date: str | None, value: float, year: float) -> None:
    claim = replace(CATALOGUE["sdg-deadline"], date=date, value=value)
    assert decimal_year(claim) == year


def test_timeline_runs_from_2014_to_2030() -> None:
    events = timeline(CATALOGUE)
    assert events["year"].is_monotonic_increasing
    assert int(events["year"].iloc[0]) == 2014 and events["year"].iloc[-1] == 2030
    assert events.set_index("claim_id").loc["sdgs-adopted", "year"] == 2015 + 8 / 12
    assert {"campaign-launch", "campaign-operational", "luxembourg-completed"} <= set(
        events["claim_id"])
    assert events.set_index("claim_id").loc["sdg-deadline", "kind"] == "target"
