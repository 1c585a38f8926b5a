"""The Monte Carlo engine against closed forms, exact sweeps, and properties of any run."""

from __future__ import annotations

import math
import pickle
from statistics import NormalDist

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope.bundle import load_bundle
from claimscope.uncertainty.distributions import SHAPES, Range, lognormal_parameters
from claimscope.uncertainty.montecarlo import claim_map, run, simulate, tornado
from claimscope.uncertainty.ranges import validate_range

MODEL = load_bundle().model
SPECS = MODEL.inputs
POINTS = MODEL.defaults()
OUTPUTS = tuple(out.name for out in MODEL.card_outputs)  # those the Monte Carlo summarises
CLAIM = MODEL.threshold
Z95 = NormalDist().inv_cdf(0.95)


def mc(ranges, n=200_000, seed=11, points=POINTS, **kw):
    return simulate(MODEL, points, ranges, n, seed, **kw)


def deterministic(points=POINTS):
    return MODEL.evaluate(points)


# ---- Known answers -------------------------------------------------------------------------

def test_probability_with_unique_uniform_60_to_100_is_the_share_above_break_even():
    result = mc({"unique": Range(60, 100)})
    threshold = MODEL.break_even(POINTS, "unique")
    assert threshold == pytest.approx(83.654, abs=1e-3)
    expected = (100 - threshold) / 40
    assert result.p_claim_se == pytest.approx(
        math.sqrt(result.p_claim * (1 - result.p_claim) / result.n))
    assert abs(result.p_claim - expected) < 3 * result.p_claim_se


def test_ratio_of_lognormals_is_lognormal_with_the_closed_form_quantiles():
    # seized and share log-normal, wide but far inside their bounds: truncation negligible
    seized, share = Range(5e6, 1e8, "lognormal"), Range(4, 15, "lognormal")
    result = mc({"seized": seized, "share": share})
    mu_s, sigma_s = lognormal_parameters(5e6, 1e8)
    mu_r, sigma_r = lognormal_parameters(0.04, 0.15)
    mu, sigma = mu_s - mu_r, math.hypot(sigma_s, sigma_r)  # log N = log seized − log share
    national = result["national"]
    assert national.median == pytest.approx(math.exp(mu), rel=0.015)
    assert national.low == pytest.approx(math.exp(mu - Z95 * sigma), rel=0.025)
    assert national.high == pytest.approx(math.exp(mu + Z95 * sigma), rel=0.025)
    assert national.mean == pytest.approx(math.exp(mu + sigma**2 / 2), rel=0.03)
    p = 1 - NormalDist(mu, sigma).cdf(math.log(CLAIM))
    assert abs(result.p_claim - p) < 4 * result.p_claim_se


def test_tornado_bars_are_the_model_at_the_range_ends_exactly():
    ranges = {"unique": Range(50, 100), "coverage": Range(25, 100),
              "rate_ratio": Range(0.5, 2, "lognormal"), "growth": Range(-10, 30)}
    table = tornado(MODEL, POINTS, ranges)
    assert list(table["swing"]) == sorted(table["swing"], reverse=True)
    for row in table.itertuples():
        for end, column in (("low_value", "output_at_low"), ("high_value", "output_at_high")):
            at_end = deterministic({**POINTS, row.input: getattr(row, end)})["national"]
            assert getattr(row, column) == at_end
        assert row.swing == abs(row.output_at_high - row.output_at_low)
        assert row.output_at_point == deterministic()["national"]
    assert table.set_index("input").loc["growth", "swing"] == 0  # year 2012: no growth


def test_tornado_of_another_output():
    table = tornado(MODEL, {**POINTS, "year": 2020},
                    {"growth": Range(0, 20), "global_share": Range(1, 4)}, output="global_total")
    row = table.set_index("input").loc["global_share"]
    assert row.output_at_low == deterministic({**POINTS, "year": 2020,
                                               "global_share": 1})["global_total"]
    assert list(table["input"]) == ["growth", "global_share"]  # ×1.2⁸ beats ×4 over ×½


def test_variance_shares_of_an_additive_in_logs_model_match_the_analytic_shares():
    ranges = {"seized": Range(1e7, 6e7, "lognormal"), "share": Range(5, 10, "lognormal"),
              "rate_ratio": Range(0.5, 2, "lognormal")}
    result = mc(ranges)
    variances = {name: lognormal_parameters(SPECS[name].to_model(r.low),
                                            SPECS[name].to_model(r.high))[1] ** 2
                 for name, r in ranges.items()}
    total = sum(variances.values())
    shares = result.variance_shares.set_index("input")["share_log"]
    for name, variance in variances.items():
        assert shares[name] == pytest.approx(variance / total, abs=0.02)
    assert shares.sum() == pytest.approx(1.0, abs=0.03)


def test_variance_shares_find_the_input_that_matters_and_zero_for_those_that_do_not():
    ranges = {"unique": Range(99, 100), "coverage": Range(10, 100),
              "growth": Range(0, 50), "global_share": Range(1, 4)}
    shares = mc(ranges, n=50_000).variance_shares.set_index("input")
    assert shares.loc["coverage", "share"] > 0.95
    assert shares.loc["unique", "share"] < 0.01
    assert shares.loc["growth", "share"] == 0 and shares.loc["global_share", "share"] == 0


def test_noise_in_bin_means_is_corrected_away():
    # unique over 99.99–100 % has no real effect (true share ~1e-9); bin means of 20,000
    # draws still scatter, which uncorrected would read as a share of about (k − 1)/n ≈ 0.003
    shares = [mc({"unique": Range(99.99, 100), "coverage": Range(10, 100)}, n=20_000,
                 seed=seed).variance_shares.set_index("input").loc["unique", "share"]
              for seed in range(5)]
    assert np.mean(shares) < 0.0015


def test_bins_worked_out_later_give_the_same_shares():
    kept = run(MODEL, POINTS, RANGES, 20_000, 3,
               share_outputs=("national", "global_total"))
    later = run(MODEL, POINTS, RANGES, 20_000, 3)
    assert "global_share" in kept.bins and "global_share" not in later.bins
    assert later.variance_shares("global_total").equals(kept.variance_shares("global_total"))


def test_an_output_that_does_not_vary_has_no_shares():
    # growth has a range, but with the projection year 2012 it is raised to the power 0
    shares = mc({"growth": Range(-10, 30)}, n=5000, share_outputs=("projected",))
    assert shares.variance_shares["share"].tolist() == [0.0]
    assert shares["projected"].low == shares["projected"].high == deterministic()["projected"]


def test_shares_for_several_outputs():
    ranges = {"coverage": Range(10, 100), "global_share": Range(1, 4)}
    shares = mc(ranges, n=20_000, share_outputs=("national", "global_total")).variance_shares
    table = shares.set_index(["output", "input"])["share"]
    assert table["national", "global_share"] == 0
    assert table["global_total", "global_share"] > 0.05


# ---- Agreement with plain numpy -----------------------------------------------------------

RANGES = {"unique": Range(50, 100), "coverage": Range(25, 100, "pert"),
          "rate_ratio": Range(0.5, 2, "lognormal"), "growth": Range(-10, 30, "triangular"),
          "global_share": Range(1, 4, "lognormal"), "months": Range(20, 30)}


def test_quantiles_histograms_and_probability_agree_with_numpy():
    simulation = run(MODEL, {**POINTS, "year": 2020}, RANGES, 20_000, 5)
    result = simulation.result()
    for output in OUTPUTS:
        values = simulation.values(output)
        summary = result[output]
        assert [summary.low, summary.median, summary.high] == pytest.approx(
            np.quantile(values, [0.05, 0.5, 0.95]), rel=1e-9)
        assert summary.mean == pytest.approx(values.mean(), rel=1e-12)
        hist = summary.histogram
        counts, _ = np.histogram(values, hist.edges)
        assert np.abs(counts - hist.counts).max() <= 1
        assert hist.counts.sum() + hist.below + hist.above == simulation.n
        assert hist.below <= 0.005 * simulation.n + 1 and hist.above <= 0.005 * simulation.n + 1
    assert result.p_claim == np.mean(simulation.values("national") >= CLAIM)


def test_scaled_outputs_match_sorting_them():
    # per_resident and per_offender are fixed multiples of the national total here
    simulation = run(MODEL, POINTS, {"unique": Range(50, 100)}, 10_000, 1)
    for output in ("per_resident", "per_offender", "per_year", "projected"):
        values = simulation.values(output)
        summary = simulation.summary(output)
        assert summary.median == pytest.approx(np.median(values), rel=1e-12)
        counts, _ = np.histogram(values, summary.histogram.edges)
        assert np.array_equal(counts, summary.histogram.counts)


def test_log_histograms():
    hist = mc({"coverage": Range(1, 100)}, n=10_000, scale="log")["national"].histogram
    assert hist.scale == "log"
    steps = np.diff(np.log10(hist.edges))
    assert np.allclose(steps, steps[0])
    assert hist.centres[0] == pytest.approx(math.sqrt(hist.edges[0] * hist.edges[1]))


# ---- Properties -----------------------------------------------------------------------------

@st.composite
def scenario(draw):
    """Point values anywhere in their allowed ranges and 0–4 inputs given random ranges."""
    points = {name: draw(st.floats(spec.min, spec.max)) for name, spec in SPECS.items()}
    names = draw(st.lists(st.sampled_from(sorted(SPECS)), max_size=4, unique=True))
    ranges = {}
    for name in names:
        spec = SPECS[name]
        lo, hi = sorted(draw(st.floats(spec.min, spec.max)) for _ in range(2))
        shape = draw(st.sampled_from(SHAPES))
        checked, _ = validate_range(spec, points[name], lo, hi, shape)
        if checked is not None:
            ranges[name] = checked
    return points, ranges


@settings(max_examples=40, deadline=None)
@given(scenario(), st.integers(0, 2**32 - 1))
def test_any_run_has_ordered_quantiles_and_probabilities_in_range(case, seed):
    points, ranges = case
    result = mc(ranges, n=2000, seed=seed, points=points)
    assert 0 <= result.p_claim <= 1 and 0 <= result.p_claim_se <= 0.5 / math.sqrt(2000)
    for summary in result.outputs.values():
        assert summary.low <= summary.median <= summary.high
        hist = summary.histogram
        assert np.all(np.diff(hist.edges) > 0)
        assert hist.counts.sum() + hist.below + hist.above == 2000
    shares = result.variance_shares
    assert shares["share"].between(0, 1).all()
    assert shares["share_log"].dropna().between(0, 1).all()


@settings(max_examples=40, deadline=None)
@given(scenario())
def test_point_ranges_reproduce_the_deterministic_model_exactly(case):
    points, ranges = case
    expected = deterministic(points)
    # no ranges at all, and every range collapsed to a point (equal ends)
    collapsed = {name: Range(r.low, r.low, r.shape) for name, r in ranges.items()}
    for given_ranges in ({}, collapsed):
        result = mc(given_ranges, n=1000, points=points)
        assert result.ranged == ()
        for output in OUTPUTS:
            summary, value = result[output], float(expected[output])
            assert summary.point == value
            assert summary.low == summary.median == summary.high == summary.mean == value
            assert summary.histogram.counts.tolist() == [1000]
        assert result.p_claim == float(expected["national"] >= CLAIM)
        assert result.p_claim_se == 0


@settings(max_examples=15, deadline=None)
@given(scenario(), st.integers(0, 2**32 - 1))
def test_same_seed_same_numbers(case, seed):
    points, ranges = case
    first, second = mc(ranges, n=1000, seed=seed, points=points), mc(ranges, n=1000, seed=seed,
                                                                      points=points)
    assert pickle.dumps(first.quantiles()) == pickle.dumps(second.quantiles())
    for output in OUTPUTS:
        assert np.array_equal(first[output].histogram.counts, second[output].histogram.counts)
    assert first.p_claim == second.p_claim
    assert first.variance_shares.equals(second.variance_shares)


def test_other_seed_other_numbers_and_one_range_does_not_move_another():
    one = run(MODEL, POINTS, {"unique": Range(50, 100)}, 1000, 1)
    other = run(MODEL, POINTS, {"unique": Range(50, 100)}, 1000, 2)
    both = run(MODEL, POINTS, {"unique": Range(50, 100), "share": Range(5, 10)}, 1000, 1)
    assert not np.array_equal(one.inputs["unique"], other.inputs["unique"])
    assert np.array_equal(one.inputs["unique"], both.inputs["unique"])
    # each input has its own stream: same shapes, independent draws
    pair = run(MODEL, POINTS, {"unique": Range(50, 100), "coverage": Range(50, 100)}, 20_000,
               1)
    assert abs(np.corrcoef(pair.inputs["unique"], pair.inputs["coverage"])[0, 1]) < 0.03


def test_result_is_small_and_picklable():
    result = mc({"unique": Range(50, 100), "coverage": Range(25, 100)}, n=100_000)
    assert len(pickle.dumps(result)) < 100_000  # no raw samples
    assert pickle.loads(pickle.dumps(result)).p_claim == result.p_claim


def test_bad_ranges_passed_in_are_fixed_and_reported():
    result = mc({"unique": Range(60, 60), "growth": Range(-10, 30, "pert")}, n=1000)
    assert result.ranged == ("growth",)
    assert any("unique_lo and unique_hi are both 60%" in n for n in result.notices)
    with pytest.raises(KeyError, match="unknown inputs"):
        mc({"shares": Range(1, 2)}, n=1000)
    with pytest.raises(ValueError, match="positive whole number"):
        mc({}, n=0)


# ---- Claim map --------------------------------------------------------------------------------

def test_claim_map_is_the_model_on_the_grid():
    ranges = {"unique": Range(50, 100)}
    grid = claim_map(MODEL, POINTS, ranges, "unique", "coverage",
                     resolution=30)
    assert grid.z.shape == (30, 30)
    assert (grid.x[0], grid.x[-1]) == (50, 100)  # its range
    assert (grid.y[0], grid.y[-1]) == (1, 100)  # not ranged: its allowed min–max
    j, i = 7, 19
    at = deterministic({**POINTS, "unique": grid.x[i], "coverage": grid.y[j]})["national"]
    assert grid.z[j, i] == pytest.approx(at, rel=1e-12)
    assert (grid.x_point, grid.y_point) == (100, 100)
    assert grid.level == CLAIM
    # at full coverage the claim holds exactly above the break-even of unique
    assert np.array_equal(grid.holds[-1], grid.x >= 83.6538)
    frame = grid.frame()
    assert list(frame.columns) == ["unique", "coverage", "national", "claim_holds"]
    assert len(frame) == 900


def test_claim_map_log_axes_and_errors():
    grid = claim_map(MODEL, POINTS, {}, "seized", "growth")
    assert grid.x_log and not grid.y_log  # a factor of 10,000, and a span through zero
    assert grid.x[0] == pytest.approx(1e5) and grid.x[-1] == pytest.approx(1e9)
    assert np.allclose(np.diff(np.log(grid.x)), np.log(grid.x[1] / grid.x[0]))
    flat = claim_map(MODEL, POINTS, {}, "months", "share")
    assert np.all(flat.z == flat.z[:, :1])  # the national total ignores the window length
    with pytest.raises(ValueError):
        claim_map(MODEL, POINTS, {}, "share", "share")


def test_an_output_summary_puts_its_interval_in_words():
    summary = mc({"unique": Range(50, 100)}, n=10_000)["national"]
    assert summary.in_words().startswith("between ")


def test_a_range_on_an_input_the_model_does_not_use_is_ignored_with_a_notice() -> None:
    result = simulate(MODEL, POINTS, {"offender_second_year": Range(2016, 2017),
                                      "unique": Range(60, 100)}, 2_000, 1)
    assert result.ranged == ("unique",)
    assert any("offender_second_year is not used by the projection model" in notice
               for notice in result.notices)


def test_p_claim_settles_as_the_draws_grow_with_its_standard_error() -> None:
    """The convergence table: the share among the first k draws for k = 1,000 … n, its
    standard error √(p(1−p)/k); its last row is the run's own P(claim holds), and its
    errors shrink as 1/√k."""
    ranges = {"unique": Range(50, 100), "coverage": Range(40, 100, "triangular")}
    simulation = run(MODEL, MODEL.defaults(), ranges, 100_000, 2018)
    result = simulation.result()
    table = result.convergence
    assert table["draws"].tolist() == [1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000]
    values = np.asarray(simulation.values(MODEL.headline))
    for row in table.itertuples():
        p = float(np.mean(values[: row.draws] >= MODEL.threshold))
        assert row.p_claim == p
        assert row.se == pytest.approx(math.sqrt(p * (1 - p) / row.draws))
        assert row.low <= p <= row.high
    assert table.iloc[-1]["p_claim"] == result.p_claim
    assert table.iloc[-1]["se"] == pytest.approx(result.p_claim_se)
    assert table["se"].iloc[0] > 5 * table["se"].iloc[-1]  # √100 = 10 times, roughly
    assert pickle.loads(pickle.dumps(result)).convergence.equals(table)
