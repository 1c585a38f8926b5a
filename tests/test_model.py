"""The projection model against hand-computed values and its invariants."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope.bundle import load_bundle
from claimscope.inputs import defaults, to_model
from claimscope.model import NATIONAL_DIRECTION, break_even, evaluate, national_total

BUNDLE = load_bundle()
SPECS = BUNDLE.inputs
CLAIM = BUNDLE.claimed_total
POPULATION = BUNDLE.population


def model_defaults() -> dict[str, float]:
    return to_model(SPECS, defaults(SPECS))


def test_defaults_give_the_documents_extrapolation() -> None:
    out = evaluate(model_defaults(), POPULATION, CLAIM)
    assert out.national == pytest.approx(26e6 / 0.0725)
    assert round(out.national / 1e6, 1) == 358.6
    assert out.per_year == pytest.approx(26e6 / 0.0725 * 12 / 26)
    assert out.per_resident == pytest.approx(26e6 / 0.0725 / 55.24e6)
    assert out.projected == pytest.approx(out.national)  # year 2012: no growth applied
    assert out.global_total == pytest.approx(26e6 / 0.0725 / 0.02)
    assert out.per_offender == pytest.approx(26e6 / 0.0725 / 50_000)
    assert bool(out.claim_holds)


def test_growth_compounds_from_2012() -> None:
    v = {**model_defaults(), "growth": 0.10, "year": 2015}
    out = evaluate(v, POPULATION, CLAIM)
    assert out.projected == pytest.approx(out.national * 1.1**3)
    assert out.global_total == pytest.approx(out.national * 1.1**3 / 0.02)


def test_break_even_unique_is_83_65_percent() -> None:
    assert break_even(model_defaults(), "unique", CLAIM) * 100 == pytest.approx(83.654, abs=5e-4)


def test_break_even_share_and_seized() -> None:
    v = model_defaults()
    assert break_even(v, "share", CLAIM) == pytest.approx(26e6 / 300e6)
    assert break_even(v, "seized", CLAIM) == pytest.approx(300e6 * 0.0725)


def test_inputs_outside_the_national_total_have_no_break_even() -> None:
    for name in ("months", "growth", "year", "global_share", "offenders"):
        assert break_even(model_defaults(), name, CLAIM) is None


def test_claim_fails_below_break_even() -> None:
    v = {**model_defaults(), "unique": 0.83}
    assert not bool(evaluate(v, POPULATION, CLAIM).claim_holds)


def test_model_is_vectorised() -> None:
    v = {**model_defaults(), "unique": np.array([0.5, 1.0])}
    assert np.allclose(national_total(v), [26e6 * 0.5 / 0.0725, 26e6 / 0.0725])


def in_range(name: str) -> st.SearchStrategy[float]:
    spec = SPECS[name]
    return st.floats(spec.min, spec.max, allow_nan=False).map(spec.to_model)


scenario = st.fixed_dictionaries({name: in_range(name) for name in SPECS})


@settings(max_examples=200, deadline=None)
@given(scenario, st.sampled_from(sorted(NATIONAL_DIRECTION)), st.floats(1.01, 3.0))
def test_national_total_is_monotonic_in_each_input(v, name, factor) -> None:
    """Raising an input moves N in the input's stated direction, never the other way."""
    higher = {**v, name: v[name] * factor}
    before, after = national_total(v), national_total(higher)
    if NATIONAL_DIRECTION[name] > 0:
        assert after > before
    else:
        assert after < before


@settings(max_examples=200, deadline=None)
@given(scenario, st.sampled_from(sorted(NATIONAL_DIRECTION)))
def test_break_even_makes_n_exactly_the_claim(v, name) -> None:
    value = break_even(v, name, CLAIM)
    assert math.isclose(national_total({**v, name: value}), CLAIM, rel_tol=1e-9)


@settings(max_examples=200, deadline=None)
@given(scenario)
def test_outputs_are_positive_and_finite(v) -> None:
    out = evaluate(v, POPULATION, CLAIM)
    for value in (out.national, out.per_year, out.per_resident, out.projected,
                  out.global_total, out.per_offender):
        assert math.isfinite(value) and value > 0
    assert bool(out.claim_holds) == (out.national >= CLAIM)
