"""Benchmark of the Monte Carlo engine (claimscope.uncertainty.montecarlo).

Run from the repository root:  .venv/bin/python bench/bench_uncertainty.py [--repeats N]

Set-up: the five assumed inputs at their preset ranges (data/…/ranges.yaml: unique and
coverage uniform, rate_ratio and global_share log-normal, growth triangular) plus `seized`
log-normal 13–52 million and `share` PERT 5–10 %; everything else at the document's
defaults; 10^6 draws. Baseline: numpy drawing those same inputs with the same shapes as
float64 (uniform, triangular, lo + (hi − lo)·Beta for PERT, lognormal), nothing else.
Pipeline: `simulate` end to end — draws, model, quantiles, histograms, P(N ≥ claim),
tornado, variance shares (on N and log N). Baseline and pipeline runs alternate and each
reports its best time, so a busy machine slows both alike; the `_cpu` line compares
process CPU time instead of wall-clock time.

Also timed: the same pipeline with two pairs correlated (unique–coverage 0.5,
share–rate_ratio −0.3: their values then come from SciPy's exact quantile functions, for
PERT `betaincinv`, at the copula's uniforms), and the Sobol indices of the projection page
(SALib, 4,096 base rows, 100 bootstrap resamples) on the same seven ranges.

Prints `name: value unit` lines.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from claimscope.bundle import load_bundle  # noqa: E402
from claimscope.uncertainty.correlations import Correlation  # noqa: E402
from claimscope.uncertainty.distributions import Range, lognormal_parameters, pert_parameters  # noqa: E402
from claimscope.uncertainty.montecarlo import claim_map, simulate, tornado  # noqa: E402
from claimscope.uncertainty.montecarlo.sobol import sobol_indices  # noqa: E402

N = 1_000_000
SEED = 2018


def setup():
    bundle = load_bundle()
    model = bundle.model
    points = model.defaults()
    ranges = {name: preset.range for name, preset in bundle.range_presets.items()}
    ranges["seized"] = Range(13_000_000, 52_000_000, "lognormal")
    ranges["share"] = Range(5.0, 10.0, "pert")
    return model, points, ranges


def numpy_draws(specs, points, ranges, n: int, seed: int) -> list[np.ndarray]:
    """The baseline: numpy's own generators, same inputs and shapes, float64."""
    rng = np.random.default_rng(seed)
    drawn = []
    for name, rng_range in ranges.items():
        spec = specs[name]
        low, high = spec.to_model(rng_range.low), spec.to_model(rng_range.high)
        mode = min(max(spec.to_model(points[name]), low), high)
        if rng_range.shape == "uniform":
            drawn.append(rng.uniform(low, high, n))
        elif rng_range.shape == "triangular":
            drawn.append(rng.triangular(low, mode, high, n))
        elif rng_range.shape == "pert":
            alpha, beta = pert_parameters(low, mode, high)
            drawn.append(low + (high - low) * rng.beta(alpha, beta, n))
        else:
            mu, sigma = lognormal_parameters(low, high)
            drawn.append(rng.lognormal(mu, sigma, n))
    return drawn


def best_of(fn, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    model, points, ranges = setup()

    def pipeline():  # what the projection page computes: the run and the tornado
        return simulate(model, points, ranges, N, SEED), tornado(model, points, ranges)

    def baseline():
        return numpy_draws(model.inputs, points, ranges, N, SEED)

    pipeline()  # warm caches (tabulated distribution functions)
    draws_time = pipeline_time = draws_cpu = pipeline_cpu = float("inf")
    for _ in range(args.repeats):
        cpu = time.process_time()
        draws_time = min(draws_time, best_of(baseline, 1))
        draws_cpu = min(draws_cpu, time.process_time() - cpu)
        cpu = time.process_time()
        pipeline_time = min(pipeline_time, best_of(pipeline, 1))
        pipeline_cpu = min(pipeline_cpu, time.process_time() - cpu)
    pairs = (Correlation("unique", "coverage", 0.5), Correlation("share", "rate_ratio", -0.3))
    correlated_time = best_of(lambda: simulate(model, points, ranges, N, SEED,
                                               correlations=pairs), max(1, args.repeats // 2))
    sobol_time = best_of(lambda: sobol_indices(model, points, ranges), max(1, args.repeats // 2))
    map_time = best_of(lambda: claim_map(model, points, ranges, "unique", "coverage",
                                         resolution=60),
                       max(args.repeats, 20))

    print(f"mc_draws_1e6: {draws_time:.4f} s")
    print(f"mc_pipeline_1e6: {pipeline_time:.4f} s")
    print(f"mc_pipeline_vs_draws: {pipeline_time / draws_time:.2f} x")
    print(f"mc_pipeline_vs_draws_cpu: {pipeline_cpu / draws_cpu:.2f} x")
    print(f"mc_samples_per_second: {N / pipeline_time:,.0f} samples/s")
    print(f"mc_correlated_1e6: {correlated_time:.4f} s")
    print(f"sobol_indices_7_inputs: {sobol_time:.4f} s")
    print(f"claim_map_60x60: {map_time * 1000:.2f} ms")


if __name__ == "__main__":
    main()
