"""Uncertainty from the sample itself: the forces bootstrap as a range on rate_ratio, the
preset that carries it, what the Monte Carlo makes of it, and the /projection button."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from claimscope.bundle import load_bundle
from claimscope.forces import spread
from claimscope.montecarlo import simulate
from claimscope.numbers import human
from claimscope.sample_spread import sample_spread
from claimscope.scenarios import PRESETS_FILE, load_presets, sample_preset
from claimscope.schema import DataError
from tests.apptest_helpers import page_text, run_page

BUNDLE = load_bundle()
MODEL = BUNDLE.model
SAMPLE = sample_spread(BUNDLE.forces, MODEL, "rate_ratio")
PRESET_NAME = "From the five-force sample"


def test_the_range_reproduces_the_forces_page() -> None:
    """/forces: 90 % of the 256 resampled totals between 45.4 and 774.9 million; the range
    on rate_ratio is 358.6 M ÷ those ends (to the rounding of the figures shown)."""
    shown = spread(BUNDLE.forces, MODEL.threshold)
    assert (SAMPLE.resamples, SAMPLE.groups, SAMPLE.forces, SAMPLE.not_in_sample) == \
        (256, 4, 5, 38)
    assert (human(SAMPLE.total_low), human(SAMPLE.total_high)) == \
        ("45.4 million", "774.9 million")
    assert (SAMPLE.total_low, SAMPLE.total_high) == (shown.resample_low, shown.resample_high)
    assert SAMPLE.range.shape == "lognormal"
    assert SAMPLE.range.low == pytest.approx(358.6 / 774.9, rel=2e-4)
    assert SAMPLE.range.high == pytest.approx(358.6 / 45.4, rel=2e-3)
    assert SAMPLE.share_holding == pytest.approx(62.1, abs=0.05)  # 159 of 256


def test_the_preset_loads_with_the_range_and_its_source() -> None:
    name, carried = sample_preset(BUNDLE.scenario_presets)
    assert name == PRESET_NAME and carried == SAMPLE
    preset = next(s for s in BUNDLE.scenario_presets if s.name == PRESET_NAME)
    assert preset.view.ranges == {"rate_ratio": SAMPLE.range}
    assert preset.view.values == MODEL.defaults()
    assert [c.source for c in preset.cites] == ["carr-2012"]


def test_the_monte_carlo_matches_the_lognormal_not_the_bootstrap() -> None:
    """The claim holds while rate_ratio ≤ 358.6 / 300 = 1.195. The log-normal through the
    bootstrap's 5th and 95th percentiles puts its median at their geometric middle
    (187.5 million), so P(claim holds) is about 30 %, where 62 % of the resamples are at or
    above 300 million (their median is the pro-rata 358.6 million). Tolerance: 4 Monte
    Carlo standard errors, √(p(1 − p)/n) ≈ 0.15 points at 100,000 draws."""
    n = 100_000
    result = simulate(MODEL, MODEL.defaults(), {"rate_ratio": SAMPLE.range}, n, 2018)
    standard_error = math.sqrt(0.3 * 0.7 / n) * 100
    assert result.p_claim * 100 == pytest.approx(SAMPLE.fit_holds, abs=4 * standard_error)
    assert SAMPLE.fit_holds == pytest.approx(30.1, abs=0.1)
    assert human(SAMPLE.total_median) == "358.6 million"
    summary = result[MODEL.headline]
    assert (summary.low, summary.high) == pytest.approx((SAMPLE.fit_low, SAMPLE.fit_high),
                                                        rel=0.02)
    # The honest gap: the fit keeps the interval, not the share; /method says so.
    assert SAMPLE.share_holding - SAMPLE.fit_holds == pytest.approx(32.0, abs=0.5)


@pytest.mark.parametrize(("name", "says"), [
    ("nonsense", "names no input of the model"),
    ("unique", "must divide the headline total"),  # power +1
    ("share", "must divide the headline total"),  # power −1 but default 7.25
])
def test_an_input_that_cannot_carry_the_spread_is_a_data_error(tmp_path: Path, name: str,
                                                               says: str) -> None:
    path = tmp_path / PRESETS_FILE
    path.write_text(json.dumps({"scenarios": [{"id": "bad", "name": "Bad", "why": "Test.",
                                               "sources": ["carr-2012"],
                                               "from_sample": name}]}), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_presets(path, MODEL, BUNDLE.forces, BUNDLE.range_presets)
    assert (error.value.row, error.value.field) == ("bad", "from_sample")
    assert says in str(error.value)
    with pytest.raises(DataError, match="needs the forces context data"):
        load_presets(path, MODEL, None, BUNDLE.range_presets)


def test_a_sample_preset_must_cite_or_judge(tmp_path: Path) -> None:
    path = tmp_path / PRESETS_FILE
    path.write_text(json.dumps({"scenarios": [{"id": "bad", "name": "Bad", "why": "Test.",
                                               "from_sample": "rate_ratio"}]}),
                    encoding="utf-8")
    with pytest.raises(DataError, match="field 'sources': is missing"):
        load_presets(path, MODEL, BUNDLE.forces, BUNDLE.range_presets)


def test_the_button_sets_the_range_and_keeps_the_rest() -> None:
    at = run_page("components/pages/projection.py", {"unique": "90"})
    assert "puts 90% of national totals between 45.4 million and 774.9 million" in \
        page_text(at)
    at.button(key="apply_sample_spread").click().run()
    assert not at.exception
    assert at.toggle(key="rate_ratio_ranged").value
    assert at.selectbox(key="rate_ratio_dist").value == "lognormal"
    low, high = at.slider(key="rate_ratio_range").value
    assert (low, high) == pytest.approx((0.46, 7.91), abs=0.01)
    assert at.query_params["unique"] == "90"
    assert at.query_params["rate_ratio_dist"] == "lognormal"
    assert "Chance the claim holds" in {m.label for m in at.metric}


def test_the_method_page_states_the_method_and_its_limits() -> None:
    text = page_text(run_page("components/pages/method.py"))
    assert "Uncertainty from the sample itself" in text
    for words in ("256 equally likely resamples", "45.4 million and 774.9 million",
                  "0.46", "7.91", "62% of them are at or above 300 million",
                  "about 30% of its draws", "Five forces, in four groups",
                  "90% of its totals lie between 54.5 million and 782 million",
                  "resampling cannot reveal what the 38 other forces would show"):
        assert words in text, words


def test_the_button_says_what_the_fitted_range_keeps_and_loses() -> None:
    """Next to the button, both chances: the resamples' own and the fitted range's."""
    words = SAMPLE.button_words(MODEL.inputs["rate_ratio"].label)
    assert "45.4 million and 774.9 million" in words
    assert "the claim holds in 62% of the resamples but in about 30% of the range's draws" \
        in words
