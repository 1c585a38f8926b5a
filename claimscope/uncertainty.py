"""Monte Carlo uncertainty for the projection (DESIGN §4.5): pure, vectorised, reproducible.

Entry points (all values a person sees are in display units: percent numbers):

- `simulate(model, point_values, ranges, n, seed)` →
  `SimulationResult`: per output its median, 90 % interval and a histogram binned here;
  P(headline ≥ the claim's threshold) with its Monte Carlo standard error; the tornado
  table; variance shares. Small and picklable: no raw samples, so the UI can cache it.
- `run(...)` → `Simulation`: the same draws kept in memory, for other questions
  (another threshold, another output's variance shares). Large: do not cache it.
- `tornado(...)`, `claim_map(...)`: deterministic sweeps, no sampling.
- `describe_interval(low, high)`: "between 190 and 410 million, 9 times in 10".

Reproducibility: each ranged input draws from its own `numpy.random.Generator`, seeded by
(seed, input name) through `numpy.random.SeedSequence`, never from a global seed. The same
seed and inputs give identical numbers, and adding or removing one input's range leaves the
draws of every other input unchanged.

Speed: no Python loop over samples. Inputs without a range stay scalars. Each output is
sorted once (numpy's vectorised sort); quantiles, histogram counts (binary search of the bin
edges in the sorted draws) and probabilities are read from the sorted array.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np
import pandas as pd

from claimscope.distributions import SHARE_BINS, Range, draw, draw_binned, share_bin_edges
from claimscope.inputs import InputSpec
from claimscope.model import Model, Outputs
from claimscope.numbers import SCALE_WORDS
from claimscope.ranges import validate_range

QUANTILES = (0.05, 0.5, 0.95)
INTERVAL = 0.90  # the interval reported: from the 5th to the 95th percentile
HISTOGRAM_BINS = 60
HISTOGRAM_TAIL = 0.005  # the histogram spans the 0.5th to the 99.5th percentile
SCALES = ("linear", "log")


# ---- Results -----------------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class Histogram:
    """Counts of the draws of one output in bins (edges ascending, in output units).

    Bins are [edges[k], edges[k+1]), the last one closed. The edges are round numbers
    spanning the 0.5th to 99.5th percentile, evenly spaced on a linear or log scale
    (`scale`); `below` and `above` count the draws outside, so
    `counts.sum() + below + above == n`. An output that does not vary gets one bin
    around its value holding all n draws.
    """

    edges: np.ndarray
    counts: np.ndarray
    below: int
    above: int
    n: int
    scale: str = "linear"

    @property
    def centres(self) -> np.ndarray:
        if self.scale == "log":
            return np.sqrt(self.edges[:-1] * self.edges[1:])
        return 0.5 * (self.edges[:-1] + self.edges[1:])

    @property
    def widths(self) -> np.ndarray:
        return np.diff(self.edges)

    def frame(self) -> pd.DataFrame:
        """One row per bin — left, right, count, share of all draws — for tables and CSV."""
        return pd.DataFrame({"left": self.edges[:-1], "right": self.edges[1:],
                             "count": self.counts, "share": self.counts / self.n})


@dataclass(frozen=True, eq=False)
class OutputSummary:
    """The distribution of one output over the draws: point value, quantiles, histogram.

    `point` is the deterministic model at the point values; `low`/`median`/`high` are the
    5th, 50th and 95th percentiles (numpy's default linear interpolation), so low–high is
    the central 90 % interval.
    """

    name: str
    point: float
    mean: float
    low: float
    median: float
    high: float
    histogram: Histogram

    def in_words(self, fmt: Callable[[float], str] | None = None) -> str:
        """'between 190 and 410 million, 9 times in 10' (see `describe_interval`)."""
        return describe_interval(self.low, self.high, fmt=fmt, coverage=INTERVAL)


@dataclass(frozen=True, eq=False)
class SimulationResult:
    """Everything the UI shows about one Monte Carlo run; small, picklable, no samples.

    - `outputs`: an `OutputSummary` for each output of the model;
    - `p_claim`: share of draws with the headline output ≥ `claimed_total`; `p_claim_se`: its
      Monte Carlo standard error √(p(1−p)/n);
    - `tornado`: see `tornado()`; `variance_shares`: see `Simulation.variance_shares`;
    - `ranged`: the inputs that had a range, in the order of the model's inputs; `ranges`: those
      ranges as used (after validation), display units;
    - `notices`: what validation changed about the ranges passed in (empty when they came
      through `validate_range` already).
    """

    n: int
    seed: int
    ranged: tuple[str, ...]
    ranges: dict[str, Range]
    claimed_total: float
    outputs: dict[str, OutputSummary]
    p_claim: float
    p_claim_se: float
    tornado: pd.DataFrame
    variance_shares: pd.DataFrame
    notices: tuple[str, ...] = ()

    def __getitem__(self, output: str) -> OutputSummary:
        return self.outputs[output]

    def quantiles(self) -> pd.DataFrame:
        """One row per output: point, mean, 5th, 50th and 95th percentiles."""
        return pd.DataFrame([{"output": s.name, "point": s.point, "mean": s.mean,
                              "p05": s.low, "median": s.median, "p95": s.high}
                             for s in self.outputs.values()])


# ---- Numbers in words ----------------------------------------------------------------------

def plain_number(value: float, significant: int = 2) -> str:
    """A number to `significant` figures, large ones in words: '190 million', '6.5', '7,200'."""
    if not math.isfinite(value):
        return "—"
    if value == 0:
        return "0"
    rounded = float(f"{value:.{significant}g}")
    for scale, word in SCALE_WORDS:
        if abs(rounded) >= scale:
            return f"{float(f'{rounded / scale:.{significant}g}'):,g} {word}"
    if abs(rounded) >= 1000:
        return f"{rounded:,.0f}"
    return f"{rounded:g}"


def _times_in(coverage: float) -> str:
    share = Fraction(coverage).limit_denominator(100)
    if share == Fraction(1, 2):
        return "half the time"
    return f"{share.numerator} times in {share.denominator}"


def describe_interval(low: float, high: float, fmt: Callable[[float], str] | None = None,
                      coverage: float = INTERVAL) -> str:
    """An interval in words: 'between 190 and 410 million, 9 times in 10'.

    `fmt` writes one number (e.g. `numbers.human`); by default `plain_number` with two
    significant figures, or more (up to six) when two would make the ends look equal, and
    four for equal ends. A unit word both ends share ('million') is written once.
    """
    if fmt is None:
        digits = 4 if low == high else 2
        while low != high and digits < 6 and (plain_number(low, digits)
                                              == plain_number(high, digits)):
            digits += 1
        left, right = plain_number(low, digits), plain_number(high, digits)
    else:
        left, right = fmt(low), fmt(high)
    if left == right:
        return f"{right}, {_times_in(coverage)}"
    head, _, word = left.rpartition(" ")
    if head and word.isalpha() and right.endswith(" " + word):
        left = head
    return f"between {left} and {right}, {_times_in(coverage)}"


# ---- The Monte Carlo run -----------------------------------------------------------------

def input_generator(seed: int, name: str) -> np.random.Generator:
    """The random stream of one input: a function of (seed, input name) only."""
    key = zlib.crc32(name.encode("utf-8"))
    return np.random.default_rng(np.random.SeedSequence([int(seed), key]))


def _full_points(model: Model, point_values: Mapping[str, float]) -> dict[str, float]:
    return {name: float(point_values.get(name, spec.default))
            for name, spec in model.inputs.items()}


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
                                 _constant_histogram(value, self.n, scale))
        low, median, high = (scaled_by * _sorted_quantile(ordered, q) for q in QUANTILES)
        mean = (self._mean(output) if scaled_by == 1.0
                else scaled_by * self._mean(self.model.headline))
        return OutputSummary(output, point, mean, low, median, high,
                             _histogram(ordered, bins, scale, scaled_by))

    def _mean(self, output: str) -> float:
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
        """First-order variance share of each ranged input in one output, from these draws.

        Method (a first-order Sobol index S_i = Var(E[Y | X_i]) / Var(Y), estimated from the
        same draws as everything else): the draws are sorted into bins of X_i by their
        probability rank within X_i's distribution — 50 equal-probability bins (2,000
        draws each at n = 100,000), the outermost further halved down to about 20 draws
        (`distributions.share_bin_edges`), because the extreme draws of a product of ratios
        carry much of its variance. The variance of the bin means of Y, weighted by bin
        size, estimates Var(E[Y | X_i]). That plain estimate is biased upwards by sampling
        noise in the bin means, about (k − 1)/n × the within-bin variance; it is removed as
        in a one-way analysis of variance: S_i = (SSB − (k − 1)·SSW/(n − k)) / SST, with
        SSB, SSW and SST the between-bin, within-bin and total sums of squares and k the
        bins in use, then clipped to [0, 1]. Bins still average E[Y | X_i] over their
        width, which understates S_i a little: by under 1 % on log N, and on N itself by
        about 1 % or less for ranges like these (a log-normal with 5th and 95th
        percentiles a factor 20 apart; coverage uniform from 1 % to 100 %), more for
        heavier tails.

        Reading it: S_i is the share of the output's variance that fixing X_i alone would
        remove. The shares add up to 1 only when the inputs act additively; the remainder
        (1 − ΣS_i) is variance from inputs acting together. The total N is a product of
        ratios, so shares of log N (`share_log`, additive in logs) usually sum close to 1
        and are easier to read; `share` is on N as is, where the largest values dominate.
        An input the output does not depend on at all gets exactly 0.

        Columns: input, share, share_log (NaN if the output is not always positive).
        """
        output = output or self.model.headline
        values = self.values(output)
        names = list(self.ranges)
        shares = dict.fromkeys(names, 0.0)
        shares_log = dict.fromkeys(names, 0.0)
        ordered = self.sorted(output)
        if ordered is not None and ordered[0] < ordered[-1]:  # the output varies at all
            used = {name: self.input_bins(name) for name in names
                    if self.model.depends(name, output)}
            positive = float(ordered[0]) > 0
            log_centre = math.log(_sorted_quantile(ordered, 0.5)) if positive else None
            linear, logs = _first_order_shares(values, self._mean(output), log_centre, used,
                                               len(self.share_edges) - 1)
            shares.update(linear)
            if positive:
                shares_log.update(logs)
            else:
                shares_log = dict.fromkeys(names, math.nan)
        rows = [{"input": name, "share": shares[name], "share_log": shares_log[name]}
                for name in names]
        return pd.DataFrame(rows, columns=["input", "share", "share_log"])

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
        for output in self.model.output_names:
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
            p_claim_se=se, tornado=tornado(self.model, self.points, self.ranges),
            variance_shares=share_frame, notices=self.notices,
        )


def run(model: Model, point_values: Mapping[str, float], ranges: Mapping[str, Range],
        n: int, seed: int, share_bins: int = SHARE_BINS,
        share_outputs: Sequence[str] | None = None) -> Simulation:
    """Draw every ranged input n times and evaluate the model on all draws at once.

    `point_values` (display units) may omit inputs, which then take their defaults;
    `ranges` maps input names to `Range`s (display units) and is validated again, with
    any notices kept in `Simulation.notices`. `n` is the number of draws (≥ 1), `seed` a
    non-negative integer; `share_bins` the equal-probability bins per input for variance
    shares before their tails are refined (at most n/20, so each holds 20 draws or more;
    see `distributions.share_bin_edges`). Bins are kept for the inputs that
    `share_outputs` depend on (others are worked out again if asked for).
    """
    if not (isinstance(n, (int, np.integer)) and n >= 1):
        raise ValueError(f"n must be a positive whole number, not {n!r}")
    if not (isinstance(seed, (int, np.integer)) and seed >= 0):
        raise ValueError(f"seed must be a non-negative whole number, not {seed!r}")
    specs = model.inputs
    share_outputs = (model.headline,) if share_outputs is None else share_outputs
    points = _full_points(model, point_values)
    clean, notices = _clean_ranges(model, points, ranges)
    model_values: dict[str, float | np.ndarray] = model.to_model(points)
    point_outputs = model.evaluate_model(model_values)
    edges = share_bin_edges(max(1, min(int(share_bins), int(n) // 20)), int(n))
    inputs, bins = {}, {}
    for name, rng_range in clean.items():
        stream = input_generator(seed, name)
        if any(model.depends(name, output) for output in share_outputs):
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
                      notices=tuple(notices))


def simulate(model: Model, point_values: Mapping[str, float], ranges: Mapping[str, Range],
             n: int, seed: int, *, bins: int = HISTOGRAM_BINS, scale: str = "linear",
             share_outputs: Sequence[str] | None = None, share_bins: int = SHARE_BINS
             ) -> SimulationResult:
    """Run the Monte Carlo and return its compact summary; see `run` and `Simulation.result`.

    The result holds no raw samples, so the UI can cache it.
    """
    simulation = run(model, point_values, ranges, n, seed, share_bins=share_bins,
                     share_outputs=share_outputs)
    return simulation.result(bins=bins, scale=scale, share_outputs=share_outputs)


# ---- Summaries from sorted draws ---------------------------------------------------------

def _sorted_quantile(ordered: np.ndarray, q: float) -> float:
    """numpy's default ('linear') quantile, read from an already sorted array."""
    position = (ordered.size - 1) * q
    below = math.floor(position)
    above = min(below + 1, ordered.size - 1)
    frac = position - below
    lo, hi = float(ordered[below]), float(ordered[above])
    return lo + (hi - lo) * frac if frac < 0.5 else hi - (hi - lo) * (1.0 - frac)


def _nice_step(span: float, bins: int) -> float:
    raw = span / bins
    magnitude = 10.0 ** math.floor(math.log10(raw))
    for factor in (1.0, 2.0, 2.5, 5.0, 10.0):
        if factor * magnitude >= raw * (1 - 1e-9):
            return factor * magnitude
    return 10.0 * magnitude


def _nice_edges(low: float, high: float, bins: int) -> np.ndarray:
    """Round-number edges covering [low, high] with at most about `bins` bins."""
    step = _nice_step(high - low, bins)
    start = math.floor(low / step)
    stop = math.ceil(high / step)
    if stop == start:
        stop += 1
    return np.arange(start, stop + 1) * step


def _histogram(ordered: np.ndarray, bins: int, scale: str, scaled_by: float = 1.0
               ) -> Histogram:
    """Histogram of the draws `scaled_by` × `ordered` (sorted ascending, scaled_by > 0)."""
    n = ordered.size
    low = scaled_by * _sorted_quantile(ordered, HISTOGRAM_TAIL)
    high = scaled_by * _sorted_quantile(ordered, 1.0 - HISTOGRAM_TAIL)
    if high <= low:
        low, high = scaled_by * float(ordered[0]), scaled_by * float(ordered[-1])
    if scale == "log" and low > 0:
        edges = 10.0 ** _nice_edges(math.log10(low), math.log10(high), bins)
    else:
        scale = "linear"
        edges = _nice_edges(low, high, bins)
    unscaled = edges / scaled_by if scaled_by != 1.0 else edges
    positions = np.searchsorted(ordered, unscaled, side="left")
    positions[-1] = np.searchsorted(ordered, unscaled[-1], side="right")
    return Histogram(edges=edges, counts=np.diff(positions), below=int(positions[0]),
                     above=int(n - positions[-1]), n=n, scale=scale)


def _constant_histogram(value: float, n: int, scale: str) -> Histogram:
    half = abs(value) * 1e-6 or 1e-6
    edges = np.array([value - half, value + half])
    if scale == "log" and value <= 0:
        scale = "linear"
    return Histogram(edges=edges, counts=np.array([n]), below=0, above=0, n=n, scale=scale)


_CHUNK = 1 << 15  # draws per block in `_first_order_shares`: its arrays stay in cache


def _first_order_shares(values: np.ndarray, centre: float, log_centre: float | None,
                        bins: Mapping[str, np.ndarray], count: int
                        ) -> tuple[dict[str, float], dict[str, float]]:
    """Bias-corrected between-bin shares of variance of `values` and of their logs.

    See `Simulation.variance_shares` for the method. `bins[name]`: each draw's bin
    (0 … count − 1) of that input; `centre`, `log_centre`: numbers near the mean of the
    values and of their logs (subtracted first, for accuracy); `log_centre` None skips
    the logs. The sums per bin are accumulated block by block (a loop over blocks of
    32,768 draws, vectorised within each), so every bin index is read from cache for its
    count and both sums.
    """
    n = values.size
    do_log = log_centre is not None
    counts = {name: np.zeros(count) for name in bins}
    sums = {name: np.zeros(count) for name in bins}
    sums_log = {name: np.zeros(count) for name in bins}
    totals = np.zeros(4)  # Σy, Σy², Σl, Σl² (shifted)
    block = np.empty(min(_CHUNK, n))
    block_log = np.empty(min(_CHUNK, n))
    for start in range(0, n, _CHUNK):
        stop = min(start + _CHUNK, n)
        y = np.subtract(values[start:stop], centre, out=block[: stop - start])
        totals[0] += y.sum()
        totals[1] += np.einsum("i,i->", y, y)
        if do_log:
            logs = np.log(values[start:stop], out=block_log[: stop - start])
            logs -= log_centre
            totals[2] += logs.sum()
            totals[3] += np.einsum("i,i->", logs, logs)
        for name, index in bins.items():
            part = index[start:stop]
            counts[name] += np.bincount(part, minlength=count)
            sums[name] += np.bincount(part, weights=y, minlength=count)
            if do_log:
                sums_log[name] += np.bincount(part, weights=logs, minlength=count)

    def shares(bin_sums: dict[str, np.ndarray], total: float, square: float
               ) -> dict[str, float]:
        mean = total / n
        sst = square - n * mean * mean
        if not (sst > 0 and math.isfinite(sst)):
            return dict.fromkeys(bins, 0.0)
        result = {}
        for name, per_bin in bin_sums.items():
            filled = counts[name] > 0
            k = int(filled.sum())
            gaps = per_bin[filled] / counts[name][filled] - mean
            ssb = float(np.sum(counts[name][filled] * gaps * gaps))
            if n > k:
                ssb -= (k - 1) * (sst - ssb) / (n - k)
            result[name] = min(max(ssb / sst, 0.0), 1.0)
        return result

    linear = shares(sums, totals[0], totals[1])
    logs_ = shares(sums_log, totals[2], totals[3]) if do_log else {}
    return linear, logs_


# ---- Deterministic sweeps ----------------------------------------------------------------

def tornado(model: Model, point_values: Mapping[str, float], ranges: Mapping[str, Range],
            output: str | None = None) -> pd.DataFrame:
    """How far one output swings as each ranged input goes from its low to its high end.

    Each input in turn is set to its range's `low` and `high` (for log-normal, its 5th and
    95th percentiles) with every other input at its point value; no sampling. Rows sorted
    by swing, largest first. Columns: input, shape, low_value, high_value (display units),
    output_at_low, output_at_high, output_at_point, swing (= |at high − at low|).
    """
    output = output or model.headline
    model_points = model.to_model(_full_points(model, point_values))
    at_point = float(model.evaluate_model(model_points)[output])
    rows = []
    for name, rng_range in ranges.items():
        if rng_range is None or rng_range.is_point:
            continue
        spec = model.inputs[name]
        ends = np.array([spec.to_model(rng_range.low), spec.to_model(rng_range.high)])
        swept = model.evaluate_model({**model_points, name: ends})[output]
        at_low, at_high = np.broadcast_to(swept, (2,)).astype(float)
        rows.append({"input": name, "shape": rng_range.shape, "low_value": rng_range.low,
                     "high_value": rng_range.high, "output_at_low": float(at_low),
                     "output_at_high": float(at_high), "output_at_point": at_point,
                     "swing": abs(float(at_high) - float(at_low))})
    columns = ["input", "shape", "low_value", "high_value", "output_at_low", "output_at_high",
               "output_at_point", "swing"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values("swing", ascending=False, kind="stable", ignore_index=True)


@dataclass(frozen=True, eq=False)
class ClaimMap:
    """An output over a grid of two inputs, the others at their point values.

    `x`, `y`: the grid (display units, ascending); `z[j, i]`: the output at (x[i], y[j]) —
    the row-per-y layout plotly's contour and heatmap expect; `level`: the claimed total,
    the contour where the claim stops holding; `x_point`, `y_point`: the current point.
    `x_log`/`y_log`: whether that axis is spaced evenly in logs (draw it on a log axis).
    """

    x_name: str
    y_name: str
    output: str
    x: np.ndarray
    y: np.ndarray
    z: np.ndarray
    x_point: float
    y_point: float
    level: float
    x_log: bool = False
    y_log: bool = False

    @property
    def holds(self) -> np.ndarray:
        """z ≥ level at each grid point: where the claim holds."""
        return self.z >= self.level

    def frame(self) -> pd.DataFrame:
        """Long form — x, y, output, claim_holds — for tables and CSV."""
        xx, yy = np.meshgrid(self.x, self.y)
        return pd.DataFrame({self.x_name: xx.ravel(), self.y_name: yy.ravel(),
                             self.output: self.z.ravel(), "claim_holds": self.holds.ravel()})


def _axis(spec: InputSpec, rng_range: Range | None, resolution: int,
          log: bool | None) -> tuple[np.ndarray, bool]:
    low, high = ((rng_range.low, rng_range.high)
                 if rng_range is not None and not rng_range.is_point else (spec.min, spec.max))
    if log is None:
        log = low > 0 and high / low >= 100
    if log and low > 0:
        return np.geomspace(low, high, resolution), True
    return np.linspace(low, high, resolution), False


def claim_map(model: Model, point_values: Mapping[str, float], ranges: Mapping[str, Range],
              x_name: str, y_name: str, resolution: int = 60, output: str | None = None,
              x_log: bool | None = None, y_log: bool | None = None) -> ClaimMap:
    """The output on a `resolution` × `resolution` grid of two inputs (see `ClaimMap`).

    Each axis spans that input's range if it has one, else its allowed [min, max]; it is
    log-spaced when `x_log`/`y_log` say so, or by default when the span covers a factor of
    100 or more (e.g. `seized` over its whole allowed range).
    """
    if x_name == y_name:
        raise ValueError("a claim map needs two different inputs")
    output = model.output(output or model.headline).name
    specs = model.inputs
    points = _full_points(model, point_values)
    x, x_is_log = _axis(specs[x_name], ranges.get(x_name), resolution, x_log)
    y, y_is_log = _axis(specs[y_name], ranges.get(y_name), resolution, y_log)
    values = model.to_model(points)
    values[x_name] = specs[x_name].to_model(x)[np.newaxis, :]
    values[y_name] = specs[y_name].to_model(y)[:, np.newaxis]
    z = model.evaluate_model(values)[output]
    z = np.array(np.broadcast_to(z, (y.size, x.size)), dtype=float)
    return ClaimMap(x_name=x_name, y_name=y_name, output=output, x=x, y=y, z=z,
                    x_point=points[x_name], y_point=points[y_name], level=model.threshold,
                    x_log=x_is_log, y_log=y_is_log)
