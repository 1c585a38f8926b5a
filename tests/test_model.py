"""The model object and the ECPAT document's model against hand-computed values."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope.bundle import load_bundle
from claimscope.model.expressions import parse
from claimscope.model.model import Model, OutputSpec, StepSpec, input_symbol

BUNDLE = load_bundle()
MODEL = BUNDLE.model
SPECS = MODEL.inputs
CLAIM = MODEL.threshold
DEFAULTS = MODEL.defaults()


def test_defaults_give_the_documents_extrapolation() -> None:
    out = MODEL.evaluate(DEFAULTS)
    assert out["national"] == pytest.approx(26e6 / 0.0725)
    assert round(out["national"] / 1e6, 1) == 358.6
    assert out["per_year"] == pytest.approx(26e6 / 0.0725 * 12 / 26)
    assert out["per_resident"] == pytest.approx(26e6 / 0.0725 / 55.24e6)
    assert out["projected"] == pytest.approx(out["national"])  # year 2012: no growth applied
    assert out["global_total"] == pytest.approx(26e6 / 0.0725 / 0.02)
    assert out["per_offender"] == pytest.approx(26e6 / 0.0725 / 50_000)
    assert bool(out.holds)


def test_the_claim_and_its_threshold_come_from_the_catalogue() -> None:
    assert MODEL.threshold == BUNDLE.catalogue.value(MODEL.claim) == 300e6
    assert MODEL.headline == "national"
    assert MODEL.threshold_text == "in excess of 300 million"


def test_growth_compounds_from_the_end_of_the_window() -> None:
    out = MODEL.evaluate({**DEFAULTS, "growth": 10, "year": 2015})
    assert out["projected"] == pytest.approx(out["national"] * 1.1**3)
    assert out["global_total"] == pytest.approx(out["national"] * 1.1**3 / 0.02)
    assert "(year − 2012)" in MODEL.output("projected").formula
    assert MODEL.title("projected", {"year": 2015}) == "Projected to 2015"


def test_break_even_unique_is_83_65_percent() -> None:
    assert MODEL.break_even(DEFAULTS, "unique") == pytest.approx(83.654, abs=5e-4)


def test_break_even_share_and_seized() -> None:
    assert MODEL.break_even(DEFAULTS, "share") == pytest.approx(26e6 / 300e6 * 100)
    assert MODEL.break_even(DEFAULTS, "seized") == pytest.approx(300e6 * 0.0725)


def test_inputs_outside_the_headline_have_no_break_even() -> None:
    for name in ("months", "growth", "year", "global_share", "offenders"):
        assert MODEL.break_even(DEFAULTS, name) is None
        assert not MODEL.depends(name)


def test_the_headline_is_a_power_of_each_input_it_uses() -> None:
    assert MODEL.break_even_inputs == ("seized", "share", "unique", "rate_ratio", "coverage")
    powers = {name: MODEL.elasticity(name) for name in MODEL.break_even_inputs}
    assert powers == {"seized": 1, "unique": 1, "share": -1, "rate_ratio": -1, "coverage": -1}
    assert {name: MODEL.direction(name, DEFAULTS) for name in powers} == powers
    assert MODEL.elasticity("growth") is None and MODEL.direction("growth", DEFAULTS) == 0


def test_dependencies_are_read_from_the_formulas() -> None:
    assert MODEL.used_by("national") == set(MODEL.break_even_inputs)
    assert "growth" in MODEL.used_by("projected")
    assert "offender_second_year" not in MODEL.used_inputs  # an Offenders-page setting


def test_claim_fails_below_break_even() -> None:
    assert not bool(MODEL.evaluate({**DEFAULTS, "unique": 83}).holds)


def test_model_is_vectorised() -> None:
    out = MODEL.evaluate({**DEFAULTS, "unique": np.array([50.0, 100.0])})
    assert np.allclose(out["national"], [26e6 * 0.5 / 0.0725, 26e6 / 0.0725])
    assert list(out.holds) == [False, True]


def test_a_model_checks_its_own_declaration() -> None:
    seized = parse("seized", {"seized": input_symbol(SPECS["seized"])})
    one = (OutputSpec("total", "Total", "images", seized, "seized", "seized"),)
    with pytest.raises(ValueError, match="headline"):
        Model(SPECS, one, "missing", 1.0, "t", "c")
    with pytest.raises(ValueError, match="compared"):
        Model(SPECS, one, "total", 1.0, "t", "c", compared=("nope",))
    with pytest.raises(ValueError, match="unknown output"):
        Model(SPECS, one, "total", 1.0, "t", "c",
              steps=(StepSpec("Total", "derived", "as is", output="nope"),))
    stray = parse("x", {"x": sympy.Symbol("in_nothing")})
    with pytest.raises(ValueError, match="not inputs, constants or earlier outputs"):
        Model(SPECS, (OutputSpec("total", "Total", "images", stray, "x", "x"),), "total",
              1.0, "t", "c")


def in_range(name: str) -> st.SearchStrategy[float]:
    spec = SPECS[name]
    return st.floats(spec.min, spec.max, allow_nan=False)


scenario = st.fixed_dictionaries({name: in_range(name) for name in SPECS})


@settings(max_examples=200, deadline=None)
@given(scenario, st.sampled_from(MODEL.break_even_inputs), st.floats(1.01, 3.0))
def test_headline_is_monotonic_in_each_input(v, name, factor) -> None:
    """Raising an input moves the headline in the input's stated direction, never the other."""
    higher = {**v, name: v[name] * factor}
    before, after = (float(MODEL.evaluate(x)["national"]) for x in (v, higher))
    assert MODEL.direction(name, v) == MODEL.direction(name, higher) != 0
    if MODEL.direction(name, v) > 0:
        assert after > before
    else:
        assert after < before


@settings(max_examples=200, deadline=None)
@given(scenario, st.sampled_from(MODEL.break_even_inputs))
def test_break_even_makes_the_headline_exactly_the_claim(v, name) -> None:
    value = MODEL.break_even(v, name)
    assert math.isclose(float(MODEL.evaluate({**v, name: value})["national"]), CLAIM,
                        rel_tol=1e-9)


@settings(max_examples=200, deadline=None)
@given(scenario)
def test_outputs_are_positive_and_finite(v) -> None:
    out = MODEL.evaluate(v)
    for value in out.values():
        assert math.isfinite(value) and value > 0
    assert bool(out.holds) == (out["national"] >= CLAIM)
