"""Drawing one input from its range: bounds, shapes against their closed forms, bins."""

from __future__ import annotations

import math
from pathlib import Path
from statistics import NormalDist

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats as scipy_stats

from claimscope.files.inputs import load_inputs
from claimscope.uncertainty.distributions import (
    RESAMPLED,
    SHAPES,
    Range,
    _beta_cdf_table,
    _beta_inverse,
    _normal_cdf_table,
    draw,
    draw_binned,
    inverse,
    lognormal_parameters,
    pert_parameters,
    quantile,
    share_bin_edges,
)

ROOT = Path(__file__).resolve().parent.parent
SPECS = load_inputs(ROOT / "data" / "ecpat-cstd21-2018" / "inputs.yaml")
N = 200_000


def rng(seed: int = 7) -> np.random.Generator:
    return np.random.default_rng(seed)


def test_range_rejects_what_validation_would_have_fixed():
    with pytest.raises(ValueError, match="above its high"):
        Range(5, 4)
    with pytest.raises(ValueError, match="unknown shape"):
        Range(1, 2, "gaussian")
    with pytest.raises(ValueError, match="above zero"):
        Range(-10, 30, "lognormal")
    with pytest.raises(ValueError, match="finite"):
        Range(math.nan, 2)
    assert Range(3, 3).is_point


def test_normal_table_matches_the_normal_distribution_function():
    table = _normal_cdf_table()
    z = np.linspace(-8.5, 8.5, table.size)
    want = np.array([NormalDist().cdf(x) for x in z[::7]])
    assert np.max(np.abs(table[::7] - want)) < 1e-15


@pytest.mark.parametrize(("alpha", "beta", "cdf"), [
    (1.0, 5.0, lambda t: 1 - (1 - t) ** 5),
    (5.0, 1.0, lambda t: t ** 5),
    (3.0, 3.0, lambda t: 10 * t**3 - 15 * t**4 + 6 * t**5),
    (2.0, 4.0, lambda t: 1 - (1 - t) ** 5 - 5 * t * (1 - t) ** 4),  # P(Bin(5, t) ≥ 2)
])
def test_beta_table_matches_closed_forms(alpha, beta, cdf):
    table = _beta_cdf_table(alpha, beta)
    t = np.linspace(0, 1, table.size)
    assert np.max(np.abs(table - cdf(t))) < 1e-9


def test_uniform_is_flat_between_its_bounds():
    x = draw(SPECS["unique"], 100, Range(60, 100), N, rng())
    assert x.min() >= 0.6 and x.max() <= 1.0
    assert x.mean() == pytest.approx(0.8, abs=0.002)
    assert np.quantile(x, 0.25) == pytest.approx(0.7, abs=0.003)


def test_triangular_peaks_at_the_point_value():
    # growth: point 0 %, range -10 % to 30 %; mean (a + b + c) / 3
    x = draw(SPECS["growth"], 0, Range(-10, 30, "triangular"), N, rng())
    assert x.mean() == pytest.approx((-0.1 + 0.3 + 0.0) / 3, abs=0.001)
    for q in (0.05, 0.25, 0.5, 0.95):
        assert np.quantile(x, q) == pytest.approx(
            quantile(SPECS["growth"], 0, Range(-10, 30, "triangular"), q) / 100, abs=0.002)


def test_pert_has_the_standard_mean_and_spread():
    # share: point 7.25 %, range 5 % to 10 %; PERT mean (a + 4m + b) / 6
    a, m, b = 0.05, 0.0725, 0.10
    x = draw(SPECS["share"], 7.25, Range(5, 10, "pert"), N, rng())
    alpha, beta = pert_parameters(a, m, b)
    variance = alpha * beta / ((alpha + beta) ** 2 * (alpha + beta + 1)) * (b - a) ** 2
    assert x.mean() == pytest.approx((a + 4 * m + b) / 6, abs=5e-5)
    assert x.var() == pytest.approx(variance, rel=0.02)
    assert x.min() >= a and x.max() <= b


def test_lognormal_has_its_percentiles_at_low_and_high():
    spec = SPECS["rate_ratio"]
    x = draw(spec, 1.0, Range(0.5, 2.0, "lognormal"), N, rng())
    assert np.quantile(x, 0.05) == pytest.approx(0.5, rel=0.01)
    assert np.median(x) == pytest.approx(1.0, rel=0.01)
    assert np.quantile(x, 0.95) == pytest.approx(2.0, rel=0.01)
    mu, sigma = lognormal_parameters(0.5, 2.0)
    assert (mu, sigma) == pytest.approx((0.0, math.log(4) / (2 * 1.6448536269514722)))


def test_lognormal_is_cut_to_the_allowed_range_and_renormalised():
    # unique: max 100 %; a log-normal with 95th percentile at 100 % loses its top 5 %
    spec, span = SPECS["unique"], Range(50, 100, "lognormal")
    x = draw(spec, 80, span, N, rng())
    assert x.max() <= 1.0
    assert np.mean(x == 1.0) == 0  # redrawn, not piled up at the bound
    # the cut distribution's median is the untruncated 47.5th percentile
    assert np.median(x) == pytest.approx(quantile(spec, 80, span, 0.5) / 100, rel=0.005)
    mu, sigma = lognormal_parameters(0.5, 1.0)
    assert quantile(spec, 80, span, 0.5) / 100 == pytest.approx(
        math.exp(mu + sigma * NormalDist().inv_cdf(0.475)), rel=1e-9)


def test_mode_outside_the_range_goes_to_the_nearest_end():
    x = draw(SPECS["unique"], 100, Range(60, 90, "triangular"), N, rng())
    # a right triangle rising to 90 %: mean (60 + 90 + 90) / 3 = 80 %
    assert x.mean() == pytest.approx(0.8, abs=0.001)


def test_same_generator_state_gives_the_same_draws():
    a = draw(SPECS["seized"], 26e6, Range(1e7, 5e7, "lognormal"), 1000, rng(3))
    b = draw(SPECS["seized"], 26e6, Range(1e7, 5e7, "lognormal"), 1000, rng(3))
    c = draw(SPECS["seized"], 26e6, Range(1e7, 5e7, "lognormal"), 1000, rng(4))
    assert np.array_equal(a, b) and not np.array_equal(a, c)


@st.composite
def ranged_input(draw_):
    name = draw_(st.sampled_from(sorted(SPECS)))
    spec = SPECS[name]
    fraction = st.floats(0, 1)
    ends = sorted(spec.min + (spec.max - spec.min) * draw_(fraction) for _ in range(2))
    point = spec.min + (spec.max - spec.min) * draw_(fraction)
    shape = draw_(st.sampled_from(SHAPES))
    if shape == "lognormal" and ends[0] <= 0:
        shape = "uniform"
    return spec, point, Range(ends[0], ends[1], shape)


@settings(max_examples=60, deadline=None)
@given(ranged_input(), st.integers(0, 2**32 - 1))
def test_draws_stay_inside_the_allowed_range_and_bins_follow_values(case, seed):
    spec, point, span = case
    edges = share_bin_edges(20, 500)
    values, bins = draw_binned(spec, point, span, 500, np.random.default_rng(seed), edges)
    low, high = spec.to_model(spec.min), spec.to_model(spec.max)
    assert np.all((values >= low) & (values <= high))
    if span.shape != "lognormal" and not span.is_point:
        assert np.all(values >= spec.to_model(span.low))
        assert np.all(values <= spec.to_model(span.high))
    assert bins.dtype == np.uint8 and np.all(bins < len(edges) - 1)  # 1 byte per draw
    order = np.lexsort((bins, values))  # by value; equal values (rounding) by bin
    assert np.all(np.diff(bins[order]) >= 0)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(("name", "point", "low", "high"), [
    ("rate_ratio", 1.2, 0.5, 2.0), ("unique", 100, 50, 100), ("share", 7.25, 7.25, 10)])
def test_bins_hold_their_share_of_the_draws(shape, name, point, low, high):
    edges = share_bin_edges(50, N)
    values, index = draw_binned(SPECS[name], point, Range(low, high, shape), N, rng(), edges)
    assert np.array_equal(values, draw(SPECS[name], point, Range(low, high, shape), N, rng()))
    counts = np.bincount(index, minlength=len(edges) - 1)
    expected = N * np.diff(edges)
    cell = 4 * N / 16_384  # tabulated shapes place an edge to within a cell (a few draws)
    assert np.all(np.abs(counts - expected) < cell + 4 * np.sqrt(expected))


def test_share_bins_are_equal_in_the_middle_and_halved_in_the_tails():
    edges = np.array(share_bin_edges(50, 100_000))
    widths = np.diff(edges)
    assert edges[0] == 0 and edges[-1] == 1 and np.all(widths > 0)
    assert np.allclose(widths[widths >= 0.02 - 1e-12], 0.02)
    tail = widths[:6]
    assert np.allclose(tail, [0.02 / 2**k for k in (6, 6, 5, 4, 3, 2)])  # down to ≥ 20 draws
    assert widths.min() * 100_000 >= 20
    assert share_bin_edges(50, 1000) == tuple(k / 50 for k in range(51))


@pytest.mark.parametrize("shape", SHAPES)
def test_inverse_at_uniform_numbers_gives_the_same_distribution_as_draw(shape):
    """The copula and Sobol path (`inverse`) and the fast path (`draw`) agree: the same
    quantiles to within sampling noise."""
    spec, span = SPECS["rate_ratio"], Range(0.5, 2.0, shape)
    drawn = np.sort(draw(spec, 1.2, span, N, rng(1)))
    inverted = np.sort(inverse(spec, 1.2, span, rng(2).random(N)))
    qs = np.linspace(0.01, 0.99, 50)
    assert np.max(np.abs(np.quantile(drawn, qs) - np.quantile(inverted, qs))) < 0.02


def test_quantile_is_scipys_exact_quantile():
    spec = SPECS["share"]
    alpha, beta = pert_parameters(0.05, 0.0725, 0.10)
    for q in (0.001, 0.05, 0.5, 0.95, 0.999):
        want = 100 * (0.05 + 0.05 * scipy_stats.beta.ppf(q, alpha, beta))
        assert quantile(spec, 7.25, Range(5, 10, "pert"), q) == pytest.approx(want, rel=1e-12)
    want = scipy_stats.lognorm.ppf(0.95, s=lognormal_parameters(0.5, 2.0)[1], scale=1.0)
    assert quantile(SPECS["rate_ratio"], 1, Range(0.5, 2.0, "lognormal"), 0.95) == \
        pytest.approx(want, rel=1e-6)  # the cut at 0.1 and 10 moves it by 2e-7


def test_a_resampled_range_draws_its_sample_equally_often():
    values = [0.4, 0.8, 0.8, 1.0, 2.5]
    span = Range.resampled(values)
    assert span.shape == RESAMPLED and span.sample == tuple(sorted(values))
    assert (span.low, span.high) == tuple(np.quantile(values, (0.05, 0.95)))
    drawn = draw(SPECS["rate_ratio"], 1.0, span, N, rng())
    shares = {v: float(np.mean(drawn == v)) for v in (0.4, 0.8, 1.0, 2.5)}
    assert shares == pytest.approx({0.4: 0.2, 0.8: 0.4, 1.0: 0.2, 2.5: 0.2}, abs=0.005)
    edges = share_bin_edges(5, N)
    again, bins = draw_binned(SPECS["rate_ratio"], 1.0, span, N, rng(), edges)
    assert np.array_equal(again, drawn)
    assert np.all(np.diff(bins[np.lexsort((bins, again))]) >= 0)


def test_a_resampled_range_needs_an_ascending_sample_and_only_it_has_one():
    with pytest.raises(ValueError, match="needs its sample"):
        Range(0.5, 2.0, RESAMPLED)
    with pytest.raises(ValueError, match="needs its sample"):
        Range(0.5, 2.0, "uniform", (0.5, 2.0))
    with pytest.raises(ValueError, match="ascending"):
        Range(0.5, 2.0, RESAMPLED, (2.0, 0.5))


@pytest.mark.parametrize(("alpha", "beta"), [(1.0, 5.0), (2.2, 3.8), (3.0, 3.0), (5.0, 1.0),
                                             (1.4, 4.6)])
def test_the_pert_inverse_is_within_5e7_of_scipys_exact_quantile(alpha, beta):
    u = np.concatenate([np.linspace(0, 1, 20_001), 10.0 ** -np.arange(1, 16),
                        1 - 10.0 ** -np.arange(1, 16)])
    exact = scipy_stats.beta.ppf(u, alpha, beta)
    assert np.max(np.abs(_beta_inverse(alpha, beta, u) - exact)) < 5e-7
