"""Turning raw range parameters into a Range, with a plain-words notice for every fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope.files.inputs import load_inputs
from claimscope.link.urlstate import parse_query
from claimscope.uncertainty.ranges import (
    SAMPLES_DEFAULT,
    SEED_DEFAULT,
    Range,
    range_params,
    range_query,
    uncertainty_params,
    validate_range,
    validate_samples,
    validate_seed,
)

ROOT = Path(__file__).resolve().parent.parent
SPECS = load_inputs(ROOT / "data" / "ecpat-cstd21-2018" / "inputs.yaml")
UNIQUE = SPECS["unique"]


def test_a_good_range_passes_without_notices():
    assert validate_range(UNIQUE, 100, 60, 100, "uniform") == (Range(60, 100), [])
    assert validate_range(UNIQUE, 100, "60", "100", None) == (Range(60, 100), [])
    assert validate_range(UNIQUE, 80, 60, 100, "PERT ") == (Range(60, 100, "pert"), [])


def test_no_range_asked_for_is_no_range_and_no_notice():
    assert validate_range(UNIQUE, 100, None, None, None) == (None, [])
    assert validate_range(UNIQUE, 100, "", " ", "") == (None, [])


@pytest.mark.parametrize(("name", "point", "lo", "hi", "dist", "expected", "words"), [
    ("unique", 100, 90, 60, None, Range(60, 90),
     "unique_lo (90%) was above unique_hi (60%); swapped them."),
    ("unique", 100, 60, 120, None, Range(60, 100),
     "unique_hi=120 is out of range (1% to 100%); clamped to 100%."),
    ("unique", 100, -5, 90, None, Range(1, 90),
     "unique_lo=-5 is out of range (1% to 100%); clamped to 1%."),
    ("unique", 100, 60, 100, "gauss", Range(60, 100),
     "unique_dist=gauss is not a known shape (uniform, triangular, pert, lognormal); "
     "using uniform."),
    ("unique", 100, 60, 90, "triangular", Range(60, 90, "triangular"),
     "The triangular range of unique peaks at its point value 100%, which lies outside "
     "60% to 90%; the peak is placed at the nearest end, 90%."),
    ("rate_ratio", 0.2, 0.5, 2, "pert", Range(0.5, 2, "pert"),
     "The PERT range of rate_ratio peaks at its point value 0.2×, which lies outside "
     "0.5× to 2×; the peak is placed at the nearest end, 0.5×."),
    ("unique", 100, 60, 60, None, None,
     "unique_lo and unique_hi are both 60%; a range needs two different ends, so unique "
     "keeps its single value 100%."),
    ("unique", 100, "abc", 90, None, Range(90, 100),
     "unique_lo=abc is not a number; ignored."),
    ("unique", 100, 60, None, None, Range(60, 100),
     "unique_hi is missing; using the point value 100% as that end of the range."),
    ("unique", 100, None, None, "pert", None,
     "unique_dist=pert needs unique_lo and unique_hi; unique stays a single value."),
    ("growth", 0, -10, 30, "lognormal", Range(-10, 30),
     "growth_dist=lognormal cannot be used: a log-normal range needs a low end above zero, "
     "not -10%; using uniform."),
])
def test_each_bad_value_is_fixed_and_said(name, point, lo, hi, dist, expected, words):
    result, notices = validate_range(SPECS[name], point, lo, hi, dist)
    assert result == expected
    assert words in notices


def test_unparsable_end_with_missing_other_end_is_no_range():
    result, notices = validate_range(UNIQUE, 100, "abc", None, None)
    assert result is None and notices == ["unique_lo=abc is not a number; ignored."]


def test_several_problems_give_several_notices():
    result, notices = validate_range(UNIQUE, 100, 150, 40, "normal")
    assert result == Range(40, 100)
    assert len(notices) == 3  # clamped, swapped, unknown shape


def test_notices_use_the_given_formatter():
    _, notices = validate_range(UNIQUE, 100, 90, 60, None, fmt=lambda v, unit: f"<{v:g}>")
    assert notices == ["unique_lo (<90>) was above unique_hi (<60>); swapped them."]


def test_visitor_text_is_shortened_in_notices():
    _, notices = validate_range(UNIQUE, 100, "x" * 500, 90, None)
    assert max(len(n) for n in notices) < 120


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(SPECS)), st.one_of(st.none(), st.floats(), st.text(max_size=8)),
       st.one_of(st.none(), st.floats(), st.text(max_size=8)),
       st.one_of(st.none(), st.text(max_size=12)), st.floats(0, 1))
def test_validation_never_raises_and_always_yields_a_usable_range(name, lo, hi, dist, where):
    spec = SPECS[name]
    point = spec.min + where * (spec.max - spec.min)
    result, notices = validate_range(spec, point, lo, hi, dist)
    assert all(isinstance(n, str) and n for n in notices)
    if result is not None:
        assert spec.min <= result.low < result.high <= spec.max
        assert not (result.shape == "lognormal" and result.low <= 0)
        # a usable range validates again without a word
        assert validate_range(spec, point, result.low, result.high, result.shape)[0] == result


@pytest.mark.parametrize(("raw", "value", "said"), [
    (None, SAMPLES_DEFAULT, False), ("250000", 250_000, False), (5000, 5000, False),
    ("10", 1000, True), ("5e6", 1_000_000, True), ("many", SAMPLES_DEFAULT, True),
    ("1.5", SAMPLES_DEFAULT, True),
])
def test_samples(raw, value, said):
    got, notices = validate_samples(raw)
    assert got == value and bool(notices) == said


@pytest.mark.parametrize(("raw", "value", "said"), [
    (None, SEED_DEFAULT, False), ("0", 0, False), (str(2**32 - 1), 2**32 - 1, False),
    ("-1", SEED_DEFAULT, True), (str(2**32), SEED_DEFAULT, True), ("x", SEED_DEFAULT, True),
])
def test_seed(raw, value, said):
    got, notices = validate_seed(raw)
    assert got == value and bool(notices) == said


def test_url_names_round_trip():
    assert range_params("share") == ("share_lo", "share_hi", "share_dist")
    query = range_query(SPECS["share"], Range(5, 10, "pert"))
    assert query == {"share_lo": "5", "share_hi": "10", "share_dist": "pert"}
    assert range_query(SPECS["share"], Range(5.5, 9.25)) == {"share_lo": "5.5",
                                                              "share_hi": "9.25"}
    assert range_query(SPECS["share"], None) == {}
    parsed = parse_query({**query, "samples": "5000", "seed": "1"}, SPECS,
                         also_known=uncertainty_params(SPECS))
    assert not parsed.notices
    lo, hi, dist = (parsed.extra[k] for k in range_params("share"))
    assert validate_range(SPECS["share"], 7.25, lo, hi, dist) == (Range(5, 10, "pert"), [])
