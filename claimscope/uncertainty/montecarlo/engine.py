"""The Monte Carlo run (README, "Pages"): draw every ranged input, evaluate the model once.

- `run(model, point_values, ranges, n, seed)` → `Simulation`: the draws kept in memory, for
  any question (another threshold, another output's variance shares). Large: do not cache.
- `simulate(...)` → `SimulationResult` (`summary`): small and picklable, for the UI cache.

Reproducibility: each ranged input draws from its own `numpy.random.Generator`, seeded by
(seed, input name) through `numpy.random.SeedSequence`, never from a global seed. The same
seed and inputs give identical numbers, and adding or removing one input's range leaves the
draws of every other input unchanged. Inputs given a correlation
(`claimscope.uncertainty.correlations`) draw standard normals from their own streams,
which the Gaussian copula mixes; the draws of inputs outside every correlation are unchanged by it.

Speed: no Python loop over samples. Inputs without a range stay scalars. Each output is
sorted once; quantiles, histogram counts and probabilities are read from the sorted array.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from claimscope.model.model import Model, Outputs
from claimscope.uncertainty.correlations import Correlation, correlated_uniforms, kept_for
from claimscope.uncertainty.distributions import (
    RESAMPLED,
    SHARE_BINS,
    Range,
    draw,
    draw_binned,
    share_bin_edges,
)
from claimscope.uncertainty.montecarlo.sensitivity import variance_shares
from claimscope.uncertainty.montecarlo.summary import (
    HISTOGRAM_BINS,
    QUANTILES,
    SCALES,
    OutputSummary,
    SimulationResult,
    constant_histogram,
    convergence,
    histogram,
    sorted_quantile,
)
from claimscope.uncertainty.ranges import validate_range


def input_generator(seed: int, name: str) -> np.random.Generator:
    """The random stream of one input: a function of (seed, input name) only."""
    key = zlib.crc32(name.encode("utf-8"))
    return np.random.default_rng(np.random.SeedSequence([int(seed), key]))


def _clean_ranges(model: Model, points: Mapping[str, float],
                  ranges: Mapping[str, Range]) -> tuple[dict[str, Range], list[str]]:
    """Ranges re-validated (in model order), zero-width ones and ranges on inputs the model
    does not use dropped, with notices."""
    specs = model.inputs
    unknown = sorted(set(ranges) - set(specs))
    if unknown:
        raise KeyError(f"ranges given for unknown inputs: {', '.join(unknown)}")
    clean: dict[str, Range] = {}
    notices: list[str] = []
    for name in specs:
        given = ranges.get(name)
        if given is None:
            continue
        if not any(model.depends(name, output) for output in model.output_names):
            notices.append(f"{name} is not used by the projection model; its range is "
                           "ignored.")
            continue
        if given.shape == RESAMPLED:  # its values are the data's: nothing to check
            clean[name] = given
            continue
        checked, said = validate_range(specs[name], points[name], given.low, given.high,
                                       given.shape)
        notices.extend(said)
        if checked is not None:
            clean[name] = checked
    return clean, notices


@dataclass(eq=False)
class Simulation:
    """One Monte Carlo run with its draws in memory (large: n floats per ranged input and
    per output). Build it with `run`; `result()` condenses it into a `SimulationResult`.

    `inputs[name]` holds the draws of each ranged input (model units); `outputs` the
    model's outputs, arrays of n draws for outputs that vary and scalars for those that do
    not. `input_bins(name)` gives the bin of each draw of an input, between the
    probability edges `share_edges` (see `distributions.share_bin_edges`).
    """

    model: Model
    points: dict[str, float]
    ranges: dict[str, Range]
    n: int
    seed: int
    inputs: dict[str, np.ndarray]
    bins: dict[str, np.ndarray]
    share_edges: tuple[float, ...]
    outputs: Outputs
    point_outputs: Outputs
    notices: tuple[str, ...] = ()
    correlations: tuple[Correlation, ...] = ()
    _sorted: dict[str, np.ndarray] = field(default_factory=dict, repr=False)
    _means: dict[str, float] = field(default_factory=dict, repr=False)

    @property
    def ranged(self) -> tuple[str, ...]:
        return tuple(self.ranges)

    def values(self, output: str) -> np.ndarray | float:
        """The draws of one output (an array), or its single value if it does not vary."""
        self.model.output(output)  # a KeyError naming the outputs if unknown
        return self.outputs[output]

    def sorted(self, output: str, keep: bool = True) -> np.ndarray | None:
        """The draws of one output in ascending order, or None if it does not vary."""
        if output in self._sorted:
            return self._sorted[output]
        values = self.values(output)
        if np.ndim(values) == 0:
            return None
        ordered = np.sort(values)
        if keep:
            self._sorted[output] = ordered
        return ordered

    def probability_at_least(self, output: str, threshold: float) -> tuple[float, float]:
        """(p, standard error): the share of draws with output ≥ threshold, √(p(1−p)/n)."""
        ordered = self.sorted(output)
        if ordered is None:
            return float(self.values(output) >= threshold), 0.0
        p = (self.n - int(np.searchsorted(ordered, threshold, side="left"))) / self.n
        return p, math.sqrt(p * (1.0 - p) / self.n)

    def summary(self, output: str, bins: int = HISTOGRAM_BINS, scale: str = "linear",
                keep: bool = True) -> OutputSummary:
        """Point value, mean, 5th/50th/95th percentiles and histogram of one output.

        An output that is a fixed multiple of the headline output in every draw (e.g.
        per resident; per year while the window length has no range) is summarised from
        the sorted headline scaled, rather than sorted again; the results agree
        with sorting to within 1e-12 relative.
        """
        point = float(self.point_outputs[output])
        factor = None if output in self._sorted else self._multiple_of_headline(output)
        if factor is not None:
            ordered, scaled_by = self.sorted(self.model.headline), factor
        else:
            ordered, scaled_by = self.sorted(output, keep=keep), 1.0
        if ordered is None or ordered[0] == ordered[-1]:
            value = float(self.values(output)) if ordered is None else float(ordered[0])
            value *= scaled_by
            return OutputSummary(output, point, value, value, value, value,
                                 constant_histogram(value, self.n, scale))
        low, median, high = (scaled_by * sorted_quantile(ordered, q) for q in QUANTILES)
        mean = (self.mean(output) if scaled_by == 1.0
                else scaled_by * self.mean(self.model.headline))
        return OutputSummary(output, point, mean, low, median, high,
                             histogram(ordered, bins, scale, scaled_by))

    def mean(self, output: str) -> float:
        """The mean of one output's draws, worked out once."""
        if output not in self._means:
            self._means[output] = float(self.values(output).mean())
        return self._means[output]

    def _multiple_of_headline(self, output: str) -> float | None:
        """c > 0 if output = c × the headline in every draw (to 1e-12), else None."""
        if output == self.model.headline:
            return None
        values, base = self.values(output), self.values(self.model.headline)
        if np.ndim(values) == 0 or np.ndim(base) == 0:
            return None
        with np.errstate(divide="ignore", invalid="ignore"):
            probe = values[:64] / base[:64]  # a cheap first look rules most outputs out
            if not float(probe.max()) - float(probe.min()) <= 1e-12 * abs(float(probe[0])):
                return None
            ratio = values / base
        low, high = float(ratio.min()), float(ratio.max())
        if low > 0 and math.isfinite(high) and high - low <= 1e-12 * low:
            return 0.5 * (low + high)
        return None

    def variance_shares(self, output: str | None = None) -> pd.DataFrame:
        """First-order variance share of each ranged input in one output (default: the
        headline), from these draws; see `sensitivity.variance_shares`."""
        return variance_shares(self, output)

    def input_bins(self, name: str) -> np.ndarray:
        """Each draw's bin (0 … len(share_edges) − 2) within the distribution of an input.

        Kept from the run for the inputs the variance-share outputs depend on; for any
        other input drawn again from its own stream, which gives the very same draws.
        """
        if name not in self.bins:
            values, index = draw_binned(self.model.inputs[name], self.points[name],
                                        self.ranges[name], self.n,
                                        input_generator(self.seed, name), self.share_edges)
            if not np.array_equal(values, self.inputs[name]):  # the streams promise this
                raise RuntimeError(f"redrawing {name} did not reproduce its draws")
            self.bins[name] = index
        return self.bins[name]

    def result(self, bins: int = HISTOGRAM_BINS, scale: str = "linear",
               share_outputs: Sequence[str] | None = None) -> SimulationResult:
        """The compact summary of this run (see `SimulationResult`).

        `bins`/`scale` shape the histograms; `share_outputs` names the outputs whose
        variance shares are computed (the `output` column of `variance_shares`).
        """
        if scale not in SCALES:
            raise ValueError(f"scale must be one of {SCALES}, not {scale!r}")
        headline = self.model.headline
        share_outputs = (headline,) if share_outputs is None else share_outputs
        summaries = {}
        for output in (out.name for out in self.model.card_outputs):
            keep = output == headline or output in share_outputs
            summaries[output] = self.summary(output, bins, scale, keep=keep)
        p, se = self.probability_at_least(headline, self.model.threshold)
        shares = [self.variance_shares(output).assign(output=output)
                  for output in share_outputs]
        share_frame = (pd.concat(shares, ignore_index=True) if shares
                       else pd.DataFrame(columns=["input", "share", "share_log", "output"]))
        share_frame = share_frame[["output", "input", "share", "share_log"]]
        return SimulationResult(
            n=self.n, seed=self.seed, ranged=self.ranged, ranges=dict(self.ranges),
            claimed_total=self.model.threshold, outputs=summaries, p_claim=p,
            p_claim_se=se, variance_shares=share_frame, notices=self.notices,
            correlations=self.correlations,
            convergence=convergence(self.values(headline), self.model.threshold,
                                    self.n),
        )


def run(model: Model, point_values: Mapping[str, float], ranges: Mapping[str, Range],
        n: int, seed: int, share_bins: int = SHARE_BINS,
        share_outputs: Sequence[str] | None = None,
        correlations: Sequence[Correlation] = ()) -> Simulation:
    """Draw every ranged input n times and evaluate the model on all draws at once.

    `point_values` (display units) may omit inputs, which then take their defaults;
    `ranges` maps input names to `Range`s (display units) and is validated again, with
    any notices kept in `Simulation.notices`. `n` is the number of draws (≥ 1), `seed` a
    non-negative integer; `share_bins` the equal-probability bins per input for variance
    shares before their tails are refined (at most n/20, so each holds 20 draws or more;
    see `distributions.share_bin_edges`). Bins are kept for the inputs that
    `share_outputs` depend on and for correlated ones (others are worked out again if
    asked for). `correlations` (between ranged inputs; others are dropped) are drawn
    through the Gaussian copula of `claimscope.uncertainty.correlations`.
    """
    if not (isinstance(n, (int, np.integer)) and n >= 1):
        raise ValueError(f"n must be a positive whole number, not {n!r}")
    if not (isinstance(seed, (int, np.integer)) and seed >= 0):
        raise ValueError(f"seed must be a non-negative whole number, not {seed!r}")
    specs = model.inputs
    share_outputs = (model.headline,) if share_outputs is None else share_outputs
    points = model.point_values(point_values)
    clean, notices = _clean_ranges(model, points, ranges)
    model_values: dict[str, float | np.ndarray] = model.to_model(points)
    point_outputs = model.evaluate_model(model_values)
    edges = share_bin_edges(max(1, min(int(share_bins), int(n) // 20)), int(n))
    inputs, bins = {}, {}
    correlations = kept_for(correlations, clean)
    linked = [name for name in clean if any(c.involves(name) for c in correlations)]
    uniforms = correlated_uniforms(
        {name: input_generator(seed, name).standard_normal(int(n)) for name in linked},
        correlations) if linked else {}
    for name, rng_range in clean.items():
        stream = input_generator(seed, name)
        if name in uniforms:
            inputs[name], bins[name] = draw_binned(specs[name], points[name], rng_range,
                                                   int(n), stream, edges, uniforms[name])
        elif any(model.depends(name, output) for output in share_outputs):
            inputs[name], bins[name] = draw_binned(specs[name], points[name], rng_range,
                                                   int(n), stream, edges)
        else:
            inputs[name] = draw(specs[name], points[name], rng_range, int(n), stream)
        model_values[name] = inputs[name]
    outputs = model.evaluate_model(model_values)
    return Simulation(model=model, points=points, ranges=clean, n=int(n), seed=int(seed),
                      inputs=inputs,
                      bins=bins, share_edges=edges, outputs=outputs,
                      point_outputs=point_outputs,
                      notices=tuple(notices), correlations=correlations)


def simulate(model: Model, point_values: Mapping[str, float], ranges: Mapping[str, Range],
             n: int, seed: int, *, bins: int = HISTOGRAM_BINS, scale: str = "linear",
             share_outputs: Sequence[str] | None = None, share_bins: int = SHARE_BINS,
             correlations: Sequence[Correlation] = ()) -> SimulationResult:
    """Run the Monte Carlo and return its compact summary; see `run` and `Simulation.result`.

    The result holds no raw samples, so the UI can cache it.
    """
    simulation = run(model, point_values, ranges, n, seed, share_bins=share_bins,
                     share_outputs=share_outputs, correlations=correlations)
    return simulation.result(bins=bins, scale=scale, share_outputs=share_outputs)
