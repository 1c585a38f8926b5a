"""The live panel's spec and the check of what the browser sends back
(claimscope.views.panel_spec)."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimscope.bundle import load_bundle
from claimscope.views.panel_spec import fit_panel_values, panel_inputs, panel_spec
from claimscope.views.projection import BREAK_EVEN_WORDS

BUNDLE = load_bundle()
SPECS = BUNDLE.model.inputs
DEFAULTS = BUNDLE.model.defaults()


def test_spec_is_plain_json_with_every_projection_input() -> None:
    spec = panel_spec(BUNDLE)
    assert json.loads(json.dumps(spec)) == spec
    names = [item["name"] for item in spec["inputs"]]
    assert names == [s.name for s in panel_inputs(BUNDLE)]
    assert "offender_second_year" not in names  # its group is drawn on another page
    assert set(spec["break_even_inputs"]) <= set(names)
    assert spec["outputs"][0]["label"], "labels travel as parsed template nodes"
    assert spec["break_even_inputs"] == ["seized", "share", "unique", "rate_ratio", "coverage"]


def test_the_spec_carries_the_scope_and_words_the_server_uses() -> None:
    """The browser adds the inputs and outputs to the model's fixed scope, and writes the
    break-even table in the server's words (tests/browser/test_shared_rules.py runs it)."""
    spec = panel_spec(BUNDLE)
    model = BUNDLE.model
    assert spec["scope"] == model.fixed_scope.to_json()
    assert spec["scope"]["values"] == {"base_year": 2012.0, "population": 55240000.0}
    assert spec["scope"]["claims"]["national-total-claim"] == 300e6
    assert set(spec["scope"]["units"]) == {*model.inputs, *model.output_names,
                                           *spec["scope"]["values"]}
    assert spec["texts"]["break_even_words"] == BREAK_EVEN_WORDS
    assert model.scope(DEFAULTS).to_json()["values"] == {
        **DEFAULTS, **spec["scope"]["values"],
        **{name: float(value) for name, value in model.evaluate(DEFAULTS).items()}}


def test_a_whole_number_from_the_browser_is_rounded_like_a_link() -> None:
    """A tie goes away from zero (numbers.whole), not to even as Python's round would."""
    assert fit_panel_values({"year": 2014.5}, SPECS, DEFAULTS)[0] == {"year": 2015}
    assert fit_panel_values({"year": 2016.5}, SPECS, DEFAULTS)[0] == {"year": 2017}


def test_values_from_the_browser_are_checked_like_a_link() -> None:
    values, notices = fit_panel_values({"share": 500, "year": 2015.4, "unique": 90},
                                       SPECS, DEFAULTS)
    assert values == {"share": 100, "year": 2015, "unique": 90}
    assert any("out of range" in n and "clamped to 100%" in n for n in notices)
    assert any("whole number" in n for n in notices)


def test_unchanged_values_are_not_reported() -> None:
    assert fit_panel_values(dict(DEFAULTS), SPECS, DEFAULTS) == ({}, [])
    assert fit_panel_values(None, SPECS, DEFAULTS) == ({}, [])


@pytest.mark.parametrize("raw", ["share=5", [1, 2], 7, {"share": "7"}, {"share": True},
                                 {"share": math.nan}, {"share": math.inf}, {"colour": 1},
                                 {3: 4}])
def test_anything_else_is_refused_with_a_notice(raw: object) -> None:
    values, notices = fit_panel_values(raw, SPECS, DEFAULTS)
    assert values == {} and len(notices) == 1


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(sorted(SPECS)),
                       st.floats(allow_nan=True, allow_infinity=True) | st.integers()
                       | st.text(max_size=5) | st.none()))
def test_fitted_values_always_lie_in_their_span(raw: dict) -> None:
    values, _ = fit_panel_values(raw, SPECS, DEFAULTS)
    for name, value in values.items():
        assert SPECS[name].min <= value <= SPECS[name].max
