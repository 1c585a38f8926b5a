"""Correlated assumptions: the Gaussian copula keeps every marginal and gives the rank
correlation asked for; links carry correlations, and bad ones are dropped with notices."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats as scipy_stats

from claimscope.bundle import load_bundle
from claimscope.link.viewstate import parse_view, view_query
from claimscope.uncertainty.correlations import (
    RANK_LIMIT,
    Correlation,
    correlation_query,
    parse_correlations,
)
from claimscope.uncertainty.distributions import Range, quantile
from claimscope.uncertainty.montecarlo import run, simulate

BUNDLE = load_bundle()
MODEL = BUNDLE.model
N = 100_000
RANGES = {"unique": Range(50, 100), "coverage": Range(20, 100, "triangular"),
          "rate_ratio": Range(0.5, 2.0, "lognormal"), "share": Range(5, 10, "pert"),
          "seized": Range(13e6, 52e6, "lognormal")}
PAIRS = [Correlation("unique", "coverage", 0.5), Correlation("share", "rate_ratio", -0.3),
         Correlation("seized", "unique", 0.8)]


def _spearman(a: np.ndarray, b: np.ndarray) -> float:
    return float(scipy_stats.spearmanr(a, b).statistic)


def test_the_draws_have_the_rank_correlations_asked_for() -> None:
    """±0.01 at 10⁵ draws (the sampling error of Spearman's ρ there is about 0.003)."""
    simulation = run(MODEL, MODEL.defaults(), RANGES, N, 2018, correlations=PAIRS)
    assert simulation.correlations == tuple(PAIRS)
    for c in PAIRS:
        got = _spearman(simulation.inputs[c.first], simulation.inputs[c.second])
        assert got == pytest.approx(c.rank, abs=0.01), c
    # pairs given no correlation stay independent
    assert _spearman(simulation.inputs["share"], simulation.inputs["coverage"]) == \
        pytest.approx(0.0, abs=0.01)


@pytest.mark.parametrize("name", sorted(RANGES))
def test_every_marginal_keeps_its_exact_quantiles(name: str) -> None:
    simulation = run(MODEL, MODEL.defaults(), RANGES, N, 2018, correlations=PAIRS)
    spec = MODEL.inputs[name]
    drawn = np.asarray(simulation.inputs[name]) * (100.0 if spec.is_percent else 1.0)
    qs = (0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99)
    want = [quantile(spec, spec.default, RANGES[name], q) for q in qs]
    spread = quantile(spec, spec.default, RANGES[name], 0.99) - \
        quantile(spec, spec.default, RANGES[name], 0.01)
    assert np.quantile(drawn, qs) == pytest.approx(want, abs=0.01 * spread)


def test_a_correlation_leaves_the_draws_of_other_inputs_unchanged() -> None:
    alone = run(MODEL, MODEL.defaults(), RANGES, 10_000, 7)
    linked = run(MODEL, MODEL.defaults(), RANGES, 10_000, 7, correlations=PAIRS[:1])
    for name in ("rate_ratio", "share", "seized"):
        assert np.array_equal(alone.inputs[name], linked.inputs[name])
    assert not np.array_equal(alone.inputs["unique"], linked.inputs["unique"])


def test_positive_correlation_of_two_divisors_widens_the_total() -> None:
    """unique multiplies and coverage divides N: moving together they offset, so N
    narrows; a negative correlation widens it."""
    ranges = {k: RANGES[k] for k in ("unique", "coverage")}

    def width(rank: float) -> float:
        result = simulate(MODEL, MODEL.defaults(), ranges, N, 3,
                          correlations=[Correlation("unique", "coverage", rank)] if rank else [])
        summary = result[MODEL.headline]
        return summary.high / summary.low
    assert width(0.6) < width(0.0) < width(-0.6)


def test_a_link_with_corr_reproduces_the_same_result() -> None:
    params = {"unique_lo": "50", "unique_hi": "100", "coverage_lo": "20",
              "coverage_hi": "100", "coverage_dist": "triangular",
              "corr": "unique:coverage:0.5"}
    view, notices = parse_view(params, MODEL)
    assert notices == [] and view.correlations == (PAIRS[0],)
    query = view_query(view, MODEL.inputs)
    assert query["corr"] == "unique:coverage:0.5"
    again, _ = parse_view(query, MODEL)
    assert again == view

    def result(v):
        return simulate(MODEL, v.values, v.ranges, 20_000, v.seed, correlations=v.correlations)
    first, second = result(view), result(again)
    assert (first.p_claim, first[MODEL.headline].median) == \
        (second.p_claim, second[MODEL.headline].median)
    assert first.p_claim != result(view.with_correlations(())).p_claim


RANGED = ["seized", "share", "unique", "rate_ratio", "coverage"]


@pytest.mark.parametrize(("raw", "kept", "says"), [
    ("unique:coverage:0.5", [("unique", "coverage", 0.5)], None),
    ("coverage:unique:0.5", [("unique", "coverage", 0.5)], None),  # written in model order
    (["unique:coverage:0.5", "share:seized:-0.2"],
     [("unique", "coverage", 0.5), ("seized", "share", -0.2)], None),
    ("unique:coverage:0.95", [("unique", "coverage", 0.9)], "clamped to 0.9"),
    ("unique:coverage:-2", [("unique", "coverage", -0.9)], "clamped to -0.9"),
    ("unique:coverage:abc", [], "abc is not a number"),
    ("unique:coverage", [], "not of the form first:second:correlation"),
    ("unique:growth:0.5", [], "growth has no range"),
    ("unique:unique:0.5", [], "with itself"),
    ("unique:coverage:0.5,coverage:unique:0.2", [("unique", "coverage", 0.2)],
     "using its last value"),
    ("unique:coverage:0", [], None),
    # 0.6, 0.6 and −0.9 around a triangle cannot all hold
    ("unique:coverage:0.6,unique:share:0.6,share:coverage:-0.9",
     [("unique", "coverage", 0.6), ("share", "unique", 0.6)], "cannot hold together"),
])
def test_bad_correlations_are_clamped_or_dropped_with_a_notice(raw, kept, says) -> None:
    found, notices = parse_correlations(raw, RANGED)
    assert [(c.first, c.second, c.rank) for c in found] == kept
    if says is None:
        assert notices == []
    else:
        assert len(notices) == 1 and says in notices[0]


def test_a_flood_of_pairs_is_cut_short_with_one_notice() -> None:
    found, notices = parse_correlations(",".join(["unique:coverage:0.1"] * 10_000), RANGED)
    assert [c.rank for c in found] == [0.1]
    assert notices[0] == "corr lists 10,000 pairs; only the first 45 are read."
    assert len(notices) == 2  # and, once, that the pair came again


def test_a_range_removed_takes_its_correlations_with_it() -> None:
    view, _ = parse_view({"unique_lo": "50", "unique_hi": "100", "coverage_lo": "20",
                          "coverage_hi": "100", "corr": "unique:coverage:0.5"}, MODEL)
    assert view.with_range("coverage", None).correlations == ()
    assert "corr" not in view_query(view.with_range("coverage", None), MODEL.inputs)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(RANGED), st.sampled_from(RANGED),
                          st.floats(-1.5, 1.5) | st.text(max_size=6)), max_size=6))
def test_any_corr_text_parses_to_a_usable_set_that_round_trips(items) -> None:
    raw = ",".join(f"{a}:{b}:{r}" for a, b, r in items)
    found, _ = parse_correlations(raw, RANGED)
    assert all(abs(c.rank) <= RANK_LIMIT for c in found)
    again, notices = parse_correlations(correlation_query(found).get("corr"), RANGED)
    assert again == found and notices == []
    run(MODEL, MODEL.defaults(), RANGES, 100, 1, correlations=found)  # Cholesky succeeds
