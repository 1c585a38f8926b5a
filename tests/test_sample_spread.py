"""Uncertainty from the sample itself: the sample of units' bootstrap as a range on
rate_ratio, the preset that carries it, what the Monte Carlo makes of it, and the
/projection button."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from claimscope.bundle import load_bundle
from claimscope.context.sample_arithmetic import spread
from claimscope.context.sample_spread import sample_spread
from claimscope.files.schema import DataError
from claimscope.link.scenario_presets import PRESETS_FILE, load_presets, sample_preset
from claimscope.link.viewstate import parse_view, view_query
from claimscope.text.numbers import human
from claimscope.uncertainty.montecarlo import simulate, tornado
from tests.apptest_helpers import page_text, run_page

BUNDLE = load_bundle()
MODEL = BUNDLE.model
SAMPLE = sample_spread(BUNDLE.sample_units, MODEL, "rate_ratio")
PRESET_NAME = "From the five-force sample"


def test_the_range_reproduces_the_sample_page() -> None:
    """/forces: 90 % of the 256 resampled totals between 45.4 and 774.9 million; the range
    on rate_ratio is 358.6 M ÷ those ends (to the rounding of the figures shown)."""
    shown = spread(BUNDLE.sample_units, MODEL.threshold)
    assert (SAMPLE.resamples, SAMPLE.groups, SAMPLE.units, SAMPLE.not_in_sample) == \
        (256, 4, 5, 38)
    assert (human(SAMPLE.total_low), human(SAMPLE.total_high)) == \
        ("45.4 million", "774.9 million")
    assert (SAMPLE.total_low, SAMPLE.total_high) == (shown.resample_low, shown.resample_high)
    assert SAMPLE.range.shape == "resampled" and len(SAMPLE.range.sample) == 256
    assert SAMPLE.range.low == pytest.approx(358.6 / 774.9, rel=2e-3)
    assert SAMPLE.range.high == pytest.approx(358.6 / 45.4, rel=2e-3)
    assert SAMPLE.share_holding == pytest.approx(62.1, abs=0.05)  # 159 of 256


def test_the_preset_loads_with_the_range_and_its_source() -> None:
    name, carried = sample_preset(BUNDLE.scenario_presets)
    assert name == PRESET_NAME and carried == SAMPLE
    preset = next(s for s in BUNDLE.scenario_presets if s.name == PRESET_NAME)
    assert preset.view.ranges == {"rate_ratio": SAMPLE.range}
    assert preset.view.values == MODEL.defaults()
    assert [c.source for c in preset.cites] == ["carr-2012"]


def test_the_monte_carlo_holds_the_claim_as_often_as_the_resamples() -> None:
    """The claim holds while rate_ratio ≤ 358.6 / 300 = 1.195; the range draws the 256
    resampled values equally often, so P(claim holds) is the share of resamples at or
    above 300 million, 159 of 256 = 62.1 %, to Monte Carlo noise: within 3 standard errors
    √(p(1 − p)/n) ≈ 0.15 points at 100,000 draws, for several seeds. The 11 resamples
    above the input's maximum 10 are drawn at 10 (all below the claim either way)."""
    n = 100_000
    standard_error = math.sqrt(0.621 * 0.379 / n) * 100
    assert SAMPLE.clipped == 11 and max(SAMPLE.range.sample) == 10.0
    for seed in (2018, 1, 2):
        result = simulate(MODEL, MODEL.defaults(), {"rate_ratio": SAMPLE.range}, n, seed)
        assert result.p_claim * 100 == pytest.approx(SAMPLE.share_holding,
                                                     abs=3 * standard_error)
    assert human(SAMPLE.total_median) == "358.6 million"
    summary = simulate(MODEL, MODEL.defaults(), {"rate_ratio": SAMPLE.range}, n, 2018)[
        MODEL.headline]
    assert human(summary.median) == "358.6 million"  # the resamples' own median
    totals = SAMPLE.central / np.asarray(SAMPLE.range.sample)  # descending
    # a discrete distribution: its percentiles fall between the resamples' neighbours
    for value, q in ((summary.low, 0.05), (summary.high, 0.95)):
        near = np.quantile(totals, (q - 0.015, q + 0.015))
        assert near[0] <= value <= near[1]


def test_the_link_carries_only_the_shape_and_reproduces_the_share() -> None:
    """`/projection?rate_ratio_dist=resampled`: the document's resamples, no ends; ends
    given as well are ignored, with a notice."""
    resampled = {"rate_ratio": SAMPLE.range}
    view, notices = parse_view({"rate_ratio_dist": "resampled"}, MODEL, resampled=resampled)
    assert notices == [] and view.ranges == resampled
    assert view_query(view, MODEL.inputs) == {"rate_ratio_dist": "resampled"}
    view, notices = parse_view({"rate_ratio_dist": "resampled", "rate_ratio_lo": "0.5"},
                               MODEL, resampled=resampled)
    assert view.ranges == resampled
    assert notices == ["rate_ratio_lo ignored: rate_ratio_dist=resampled draws the "
                       "sample's own resamples, whose ends are the data's."]
    view, notices = parse_view({"unique_dist": "resampled", "unique_lo": "80"}, MODEL,
                               resampled=resampled)
    assert view.ranges["unique"].shape == "uniform"
    assert "ships none for it; using uniform." in notices[0]


def test_the_tornado_sweeps_the_resamples_5th_to_95th_percentile() -> None:
    table = tornado(MODEL, MODEL.defaults(), {"rate_ratio": SAMPLE.range})
    low, high = np.quantile(SAMPLE.range.sample, (0.05, 0.95))
    assert (table.at[0, "low_value"], table.at[0, "high_value"]) == (low, high)
    assert table.at[0, "output_at_low"] == pytest.approx(SAMPLE.central / low)


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
        load_presets(path, MODEL, BUNDLE.sample_units, BUNDLE.range_presets)
    assert (error.value.row, error.value.field) == ("bad", "from_sample")
    assert says in str(error.value)
    with pytest.raises(DataError, match="needs the sample of units"):
        load_presets(path, MODEL, None, BUNDLE.range_presets)


def test_a_sample_preset_must_cite_or_judge(tmp_path: Path) -> None:
    path = tmp_path / PRESETS_FILE
    path.write_text(json.dumps({"scenarios": [{"id": "bad", "name": "Bad", "why": "Test.",
                                               "from_sample": "rate_ratio"}]}),
                    encoding="utf-8")
    with pytest.raises(DataError, match="field 'sources': is missing"):
        load_presets(path, MODEL, BUNDLE.sample_units, BUNDLE.range_presets)


def test_the_button_sets_the_range_and_keeps_the_rest() -> None:
    at = run_page("components/pages/projection.py", {"unique": "90"})
    assert "puts 90% of national totals between 45.4 million and 774.9 million" in \
        page_text(at)
    at.button(key="apply_sample_spread").click().run()
    assert not at.exception
    assert at.toggle(key="rate_ratio_ranged").value
    assert at.selectbox(key="rate_ratio_dist").value == "resampled"
    assert at.query_params["unique"] == "90"
    assert at.query_params["rate_ratio_dist"] == "resampled"
    assert "rate_ratio_lo" not in at.query_params
    assert "Chance the claim holds" in {m.label for m in at.metric}
    assert at.slider(key="rate_ratio_range").disabled  # the ends are the data's
    # another shape takes the resamples' 5th and 95th percentiles as its ends
    at.selectbox(key="rate_ratio_dist").set_value("uniform").run()
    assert float(at.query_params["rate_ratio_lo"]) == SAMPLE.range.low
    assert float(at.query_params["rate_ratio_hi"]) == SAMPLE.range.high
    assert "rate_ratio_dist" not in at.query_params


def test_the_projection_link_shows_the_resample_share() -> None:
    """Done-when of issue 15: /projection?rate_ratio_dist=resampled shows P(claim holds)
    at the share of resamples reaching the claim (62.1 %; the run's 61.8 % is within its
    standard error ± 0.15 of it: 2.1 standard errors)."""
    at = run_page("components/pages/projection.py", {"rate_ratio_dist": "resampled"})
    assert not at.exception
    text = page_text(at)
    assert "The document's claim holds in **61.8%** of 100,000 draws" in text


def test_the_method_page_states_the_method_and_its_limits() -> None:
    text = page_text(run_page("components/pages/method.py"))
    assert "Uncertainty from the sample itself" in text
    for words in ("256 equally likely resamples", "45.4 million and 774.9 million",
                  "0.46", "7.91", "as many draws as resamples reach 300 million: 62%",
                  "Eleven of the resamples", "Five forces, in four groups",
                  "resampling cannot reveal what the 38 other forces would show"):
        assert words in text, words


def test_the_button_says_which_share_it_will_show() -> None:
    words = SAMPLE.button_words(MODEL.inputs["rate_ratio"].label)
    assert "45.4 million and 774.9 million" in words
    assert "the claim holds as often as in the resamples, 62%" in words
