"""Sobol sensitivity indices with bootstrap confidence intervals, computed with SALib.

First-order index S_i: the share of the output's variance that fixing input i alone would
remove. Total-order index ST_i: the share left if every input but i were fixed, so it
includes i's interactions; ST_i − S_i is the interaction the one-at-a-time tornado cannot
show, and 1 − ΣS_i the variance from inputs acting together.

Method: SALib's Saltelli design (`SALib.sample.sobol.sample`: a scrambled Sobol' sequence
of N (D + 2) points on the unit hypercube, D the ranged inputs, N = 4,096 by default), each
coordinate mapped through its input's own quantile function (`distributions.inverse`, so
each input follows exactly the range the reader set), the model evaluated once on all
points, then `SALib.analyze.sobol.analyze` (Saltelli 2010's first-order and Jansen's
total-order estimators) with a bootstrap of the N base rows (100 resamples) giving each
index a 95 % confidence interval, index ± z·(bootstrap standard deviation). For the output
as it is and for its logarithm: a product of ratios is additive in logs, where the
first-order indices add up to about 1. Ranged inputs the output does not use get exactly 0
without being sampled.

Inputs are taken as independent: Sobol indices are defined for independent inputs, so
correlations set for the Monte Carlo are not used here (the UI says so).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from SALib.analyze import sobol as sobol_analyze
from SALib.sample import sobol as sobol_sample

from claimscope.model.model import Model
from claimscope.uncertainty.distributions import Range, inverse
from claimscope.uncertainty.ranges import SEED_DEFAULT

SOBOL_BASE = 4096  # N: base rows of the design (a power of 2); N (D + 2) evaluations
SOBOL_RESAMPLES = 100  # bootstrap resamples for the confidence intervals (SALib's default)
CONF_LEVEL = 0.95
SOBOL_SEED = SEED_DEFAULT  # the Monte Carlo's default: one arbitrary fixed number
COLUMNS = ("scale", "input", "first", "first_conf", "total", "total_conf")


@dataclass(frozen=True, eq=False)
class SobolResult:
    """Sobol indices of one output. `indices`: one row per (scale, input), scale
    `linear` (the output) or `log` (its logarithm; absent if the output is not always
    positive), with `first`/`total` and the half-widths `first_conf`/`total_conf` of their
    confidence intervals at `conf_level`. `evaluations`: model runs used."""

    output: str
    base: int
    evaluations: int
    seed: int
    conf_level: float
    indices: pd.DataFrame

    def on(self, scale: str) -> pd.DataFrame:
        """The rows of one scale, with the interval ends as columns."""
        rows = self.indices[self.indices["scale"] == scale]
        return rows.assign(first_low=rows["first"] - rows["first_conf"],
                           first_high=rows["first"] + rows["first_conf"],
                           total_low=rows["total"] - rows["total_conf"],
                           total_high=rows["total"] + rows["total_conf"]
                           ).reset_index(drop=True)


def unit_indices(names: Sequence[str], evaluate: Callable[[np.ndarray], np.ndarray],
                 base: int = SOBOL_BASE, seed: int = SOBOL_SEED,
                 resamples: int = SOBOL_RESAMPLES, conf_level: float = CONF_LEVEL
                 ) -> dict[str, np.ndarray]:
    """SALib's first- and total-order indices (S1, S1_conf, ST, ST_conf) of a function of
    independent uniforms on [0, 1]^D: `evaluate(U)` maps the design's rows to outputs."""
    problem, design = _design(names, base, seed)
    y = np.asarray(evaluate(design), dtype=float)
    return _analyze(problem, y, seed, resamples, conf_level)


def _design(names: Sequence[str], base: int, seed: int) -> tuple[dict, np.ndarray]:
    """SALib's problem over the unit hypercube and its Saltelli design, N (D + 2) rows."""
    problem = {"num_vars": len(names), "names": list(names),
               "bounds": [[0.0, 1.0]] * len(names)}
    return problem, sobol_sample.sample(problem, base, calc_second_order=False,
                                        scramble=True, seed=seed)


def _analyze(problem: dict, y: np.ndarray, seed: int, resamples: int,
             conf_level: float) -> dict[str, np.ndarray]:
    d = problem["num_vars"]
    if not np.all(np.isfinite(y)) or np.ptp(y) == 0:  # nothing varies: nothing to share
        zeros = np.zeros(d)
        return {"S1": zeros, "S1_conf": zeros, "ST": zeros, "ST_conf": zeros}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SALib's notes on sample sizes; ours is a power of 2
        # SALib seeds its bootstrap only for a truthy seed: 0 would be random.
        found = sobol_analyze.analyze(problem, y, calc_second_order=False,
                                      num_resamples=resamples, conf_level=conf_level,
                                      print_to_console=False, seed=seed + 1)
    return {key: np.asarray(found[key], dtype=float) for key in
            ("S1", "S1_conf", "ST", "ST_conf")}


def sobol_indices(model: Model, point_values: Mapping[str, float],
                  ranges: Mapping[str, Range], output: str | None = None, *,
                  base: int = SOBOL_BASE, seed: int = SOBOL_SEED,
                  resamples: int = SOBOL_RESAMPLES,
                  conf_level: float = CONF_LEVEL) -> SobolResult:
    """First- and total-order Sobol indices of one output (default: the headline) over
    the ranged inputs, each with its bootstrap confidence interval; see the module."""
    output = model.output(output or model.headline).name
    points = model.point_values(point_values)
    ranged = [name for name in model.inputs if name in ranges and not ranges[name].is_point]
    names = [name for name in ranged if model.depends(name, output)]
    specs = model.inputs
    fixed = model.to_model(points)
    rows: list[dict[str, object]] = []
    evaluations = 0
    if names:
        problem, design = _design(names, base, seed)
        values = dict(fixed)
        for k, name in enumerate(names):
            values[name] = inverse(specs[name], points[name], ranges[name], design[:, k])
        y = np.broadcast_to(np.asarray(model.evaluate_model(values)[output], dtype=float),
                            (len(design),))
        evaluations = len(design)
        scales = [("linear", y)]
        if np.all(y > 0):
            scales.append(("log", np.log(y)))
        for scale, values_on in scales:
            found = _analyze(problem, values_on, seed, resamples, conf_level)
            rows.extend({"scale": scale, "input": name, "first": found["S1"][k],
                         "first_conf": found["S1_conf"][k], "total": found["ST"][k],
                         "total_conf": found["ST_conf"][k]} for k, name in enumerate(names))
    # an input the output does not use explains none of it, exactly
    for scale in dict.fromkeys([row["scale"] for row in rows] or ["linear", "log"]):
        rows.extend({"scale": scale, "input": name, "first": 0.0, "first_conf": 0.0,
                     "total": 0.0, "total_conf": 0.0}
                    for name in ranged if name not in names)
    return SobolResult(output=output, base=base, evaluations=evaluations, seed=seed,
                       conf_level=conf_level,
                       indices=pd.DataFrame(rows, columns=list(COLUMNS)))
