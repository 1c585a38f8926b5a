"""A link's whole view — values, ranges, samples, seed — parsed and written back."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope.bundle import load_bundle
from claimscope.link.viewstate import (
    View,
    default_view,
    parse_view,
    ranged_inputs,
    suggested_range,
    view_query,
)
from claimscope.uncertainty.distributions import SHAPES, Range
from claimscope.uncertainty.ranges import SAMPLES_DEFAULT, SEED_DEFAULT

BUNDLE = load_bundle()
SPECS = BUNDLE.inputs


def test_a_link_with_ranges_reproduces_them() -> None:
    view, notices = parse_view({"unique_lo": "60", "unique_hi": "100", "rate_ratio_lo": "0.5",
                                "rate_ratio_hi": "2", "rate_ratio_dist": "lognormal",
                                "samples": "250000", "seed": "7"}, BUNDLE.model)
    assert notices == []
    assert view.ranges == {"unique": Range(60, 100), "rate_ratio": Range(0.5, 2, "lognormal")}
    assert (view.samples, view.seed) == (250_000, 7)
    assert parse_view(view_query(view, SPECS), BUNDLE.model) == (view, [])


@pytest.mark.parametrize(("params", "notice"), [
    ({"unique_lo": "90", "unique_hi": "60"}, "unique_lo (90%) was above unique_hi (60%); "
                                             "swapped them."),
    ({"unique_lo": "60", "unique_hi": "100", "unique_dist": "banana"},
     "unique_dist=banana is not a known shape"),
    ({"share_lo": "0", "share_hi": "9"}, "share_lo=0 is out of range"),
    ({"seed": "abc"}, "seed=abc is not a whole number"),
    ({"samples": "10000000"}, "samples=10000000 is out of range (1,000 to 1,000,000); "
                              "clamped to 1,000,000."),
])
def test_bad_range_parameters_get_notices(params, notice) -> None:
    _, notices = parse_view(params, BUNDLE.model)
    assert any(n.startswith(notice) for n in notices), notices


def test_samples_and_seed_only_travel_with_ranges() -> None:
    view = View(default_view(SPECS).values, {}, 1000, 5)
    assert view_query(view, SPECS) == {}


def test_suggested_range_prefers_the_preset() -> None:
    assert suggested_range(SPECS["unique"], 100, BUNDLE.range_presets["unique"]) == \
        BUNDLE.range_presets["unique"].range
    generic = suggested_range(SPECS["share"], 7.25, None)
    assert generic.low == pytest.approx(5.8) and generic.high == pytest.approx(9.0625)


def finite_in(spec) -> st.SearchStrategy[float]:
    return st.floats(spec.min, spec.max, allow_nan=False).map(
        lambda v: float(round(v)) if spec.is_integer else v)


@st.composite
def views(draw) -> View:
    values = {name: draw(finite_in(spec)) for name, spec in SPECS.items()}
    ranges = {}
    for name in draw(st.lists(st.sampled_from(sorted(ranged_inputs(BUNDLE.model))), unique=True,
                              max_size=4)):
        spec = SPECS[name]
        low, high = sorted((draw(finite_in(spec)), draw(finite_in(spec))))
        if low == high:
            continue
        shape = draw(st.sampled_from(SHAPES))
        if shape == "lognormal" and low <= 0:
            shape = "uniform"
        if shape in ("triangular", "pert"):
            values[name] = min(max(values[name], low), high)
        ranges[name] = Range(low, high, shape)
    samples = draw(st.integers(1_000, 1_000_000)) if ranges else SAMPLES_DEFAULT
    seed = draw(st.integers(0, 2**32 - 1)) if ranges else SEED_DEFAULT
    return View(values, ranges, samples, seed)


@settings(max_examples=300, deadline=None)
@given(views())
def test_any_view_round_trips_through_its_link(view: View) -> None:
    parsed, notices = parse_view(view_query(view, SPECS), BUNDLE.model)
    assert notices == []
    assert parsed.values == pytest.approx(view.values)
    assert parsed.ranges.keys() == view.ranges.keys()
    for name, rng_range in view.ranges.items():
        assert parsed.ranges[name].shape == rng_range.shape
        assert parsed.ranges[name].low == pytest.approx(rng_range.low)
        assert parsed.ranges[name].high == pytest.approx(rng_range.high)
    assert (parsed.samples, parsed.seed) == (view.samples, view.seed)
