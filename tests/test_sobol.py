"""Sobol indices with bootstrap intervals (SALib): known answers, and this model's indices
against an analytic value and against the Monte Carlo's own variance shares."""

from __future__ import annotations

import numpy as np
from SALib.test_functions import Ishigami

from claimscope.bundle import load_bundle
from claimscope.uncertainty.distributions import Range, inverse
from claimscope.uncertainty.montecarlo import simulate
from claimscope.uncertainty.montecarlo.sobol import sobol_indices, unit_indices

BUNDLE = load_bundle()
MODEL = BUNDLE.model
RANGES = {name: preset.range for name, preset in BUNDLE.range_presets.items()}
WIDER = {**RANGES, "seized": Range(13_000_000, 52_000_000, "lognormal"),
         "share": Range(5.0, 10.0, "pert")}

# Ishigami (a = 7, b = 0.1) on [−π, π]³: the analytic indices (Sobol' & Levitan 1999).
ISHIGAMI_FIRST = (0.3139, 0.4424, 0.0)
ISHIGAMI_TOTAL = (0.5576, 0.4424, 0.2437)


def test_ishigami_analytic_indices_lie_in_the_estimators_intervals() -> None:
    found = unit_indices(["x1", "x2", "x3"],
                         lambda u: Ishigami.evaluate(-np.pi + 2 * np.pi * u))
    for key, want in (("S1", ISHIGAMI_FIRST), ("ST", ISHIGAMI_TOTAL)):
        low, high = found[key] - found[f"{key}_conf"], found[key] + found[f"{key}_conf"]
        assert np.all((low <= want) & (want <= high)), (key, found[key], found[f"{key}_conf"])
        assert np.all(found[f"{key}_conf"] < 0.06)  # and the intervals are informative


def _log_variance(name: str) -> float:
    """Var(log X) of one input's range by the midpoint rule on 2²⁰ probabilities."""
    u = (np.arange(1 << 20) + 0.5) / (1 << 20)
    spec = MODEL.inputs[name]
    return float(np.var(np.log(inverse(spec, spec.default, WIDER[name], u))))


def test_this_models_log_indices_match_the_analytic_answer() -> None:
    """log N = log seized + log unique − log share − log rate_ratio − log coverage + c:
    additive, so S_i = ST_i = Var(log X_i) / Σ_j Var(log X_j), exactly. Each lies within
    SALib's 95 % interval (or within 0.005, for the small indices whose interval is
    tighter than the estimator's bias), and the gap ST − S1 is nil."""
    used = ["seized", "share", "unique", "rate_ratio", "coverage"]
    variances = {name: _log_variance(name) for name in used}
    total = sum(variances.values())
    rows = sobol_indices(MODEL, MODEL.defaults(), WIDER).on("log").set_index("input")
    for name in used:
        want = variances[name] / total
        for key in ("first", "total"):
            slack = max(rows.at[name, f"{key}_conf"], 0.005)
            assert abs(rows.at[name, key] - want) <= slack, (name, key, want)
    assert rows.loc[["growth", "global_share"], ["first", "total"]].eq(0).all().all()


def test_first_order_indices_agree_with_the_monte_carlos_variance_shares() -> None:
    """Two estimators, one from SALib's design and one from the Monte Carlo's own binned
    draws (`variance_shares`), agree within SALib's interval plus 0.01 (the binned
    estimate's own noise and bias), on N and on log N."""
    sobol = sobol_indices(MODEL, MODEL.defaults(), RANGES)
    shares = simulate(MODEL, MODEL.defaults(), RANGES, 200_000, 2018).variance_shares
    shares = shares.set_index("input")
    for scale, column in (("linear", "share"), ("log", "share_log")):
        for row in sobol.on(scale).itertuples():
            assert abs(row.first - shares.at[row.input, column]) <= row.first_conf + 0.01, \
                (scale, row.input)


def test_total_order_shows_the_interaction_the_tornado_cannot() -> None:
    """On N itself (a product), inputs interact: ST exceeds S1 well beyond both intervals,
    and the first-order indices leave a share to interactions."""
    rows = sobol_indices(MODEL, MODEL.defaults(), RANGES).on("linear").set_index("input")
    for name in ("unique", "coverage"):
        assert rows.at[name, "total_low"] > rows.at[name, "first_high"]
    assert rows["first"].sum() < 0.8


def test_same_seed_same_indices_and_no_ranges_no_rows() -> None:
    a = sobol_indices(MODEL, MODEL.defaults(), RANGES, seed=5).indices
    b = sobol_indices(MODEL, MODEL.defaults(), RANGES, seed=5).indices
    assert a.equals(b)
    empty = sobol_indices(MODEL, MODEL.defaults(), {})
    assert empty.indices.empty and empty.evaluations == 0


def test_ranges_the_output_does_not_use_get_exact_zeros() -> None:
    only = sobol_indices(MODEL, MODEL.defaults(), {"growth": RANGES["growth"]})
    assert only.evaluations == 0
    assert set(only.indices["scale"]) == {"linear", "log"}
    assert only.indices[["first", "total", "first_conf", "total_conf"]].eq(0).all().all()
