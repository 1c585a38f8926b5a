"""What a Monte Carlo run leaves behind: result types, quantiles and histograms.

Everything here reads an output's draws once they are sorted (numpy's vectorised sort):
quantiles by interpolation, histogram counts by binary search of the bin edges. The result
types are small and picklable, with no raw samples, so the UI can cache them.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from claimscope.text.numbers import describe_interval
from claimscope.uncertainty.correlations import Correlation
from claimscope.uncertainty.distributions import Range

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
    - `variance_shares`: see `sensitivity.variance_shares`. The tornado is not here: it is a
      deterministic sweep (`sensitivity.tornado`), computed and cached on its own;
    - `ranged`: the inputs that had a range, in the order of the model's inputs; `ranges`: those
      ranges as used (after validation), display units;
    - `notices`: what validation changed about the ranges passed in (empty when they came
      through `validate_range` already);
    - `correlations`: the rank correlations the draws were made with (empty: independent);
    - `convergence`: P(claim holds) and its standard error from the first k draws as k
      grows (see `convergence`).
    """

    n: int
    seed: int
    ranged: tuple[str, ...]
    ranges: dict[str, Range]
    claimed_total: float
    outputs: dict[str, OutputSummary]
    p_claim: float
    p_claim_se: float
    variance_shares: pd.DataFrame
    notices: tuple[str, ...] = ()
    correlations: tuple[Correlation, ...] = ()
    convergence: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        columns=list(CONVERGENCE_COLUMNS)))

    def __getitem__(self, output: str) -> OutputSummary:
        return self.outputs[output]

    def quantiles(self) -> pd.DataFrame:
        """One row per output: point, mean, 5th, 50th and 95th percentiles."""
        return pd.DataFrame([{"output": s.name, "point": s.point, "mean": s.mean,
                              "p05": s.low, "median": s.median, "p95": s.high}
                             for s in self.outputs.values()])


# ---- How P(claim holds) settles as the draws accumulate ---------------------------------

CONVERGENCE_STEPS = (1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000,
                     500_000, 1_000_000)
CONVERGENCE_COLUMNS = ("draws", "p_claim", "se", "low", "high")


def convergence(values: np.ndarray | float, threshold: float, n: int) -> pd.DataFrame:
    """P(output ≥ threshold) from the first k draws, for k = 1,000, 2,000, 5,000 … up to
    all n, with its Monte Carlo standard error √(p(1−p)/k) and the 95 % interval
    p ± 1.96·se (cut to [0, 1]). The draws are independent and identically distributed,
    so the first k are a sample of k; one count per stretch between steps, accumulated,
    gives every row. An output no ranged input moves (a single value, as when only
    inputs of other outputs have ranges) is that value in all n draws: p is 0 or 1 at
    every k, with no error, and the table still has its rows."""
    holds = np.broadcast_to(np.asarray(values) >= threshold, (n,))
    k = np.array([step for step in CONVERGENCE_STEPS if step < n] + [n])
    starts = np.concatenate(([0], k[:-1]))
    p = np.cumsum(np.add.reduceat(holds, starts, dtype=np.int64)) / k
    se = np.sqrt(p * (1.0 - p) / k)
    return pd.DataFrame({"draws": k, "p_claim": p, "se": se,
                         "low": np.clip(p - 1.96 * se, 0.0, 1.0),
                         "high": np.clip(p + 1.96 * se, 0.0, 1.0)})


# ---- Quantiles and histograms from sorted draws -----------------------------------------

def sorted_quantile(ordered: np.ndarray, q: float) -> float:
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


def histogram(ordered: np.ndarray, bins: int, scale: str, scaled_by: float = 1.0
               ) -> Histogram:
    """Histogram of the draws `scaled_by` × `ordered` (sorted ascending, scaled_by > 0)."""
    n = ordered.size
    low = scaled_by * sorted_quantile(ordered, HISTOGRAM_TAIL)
    high = scaled_by * sorted_quantile(ordered, 1.0 - HISTOGRAM_TAIL)
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


def constant_histogram(value: float, n: int, scale: str) -> Histogram:
    """One narrow bin around a value that does not vary, holding all n draws (a chart still
    has something to draw)."""
    half = abs(value) * 1e-6 or 1e-6
    edges = np.array([value - half, value + half])
    if scale == "log" and value <= 0:
        scale = "linear"
    return Histogram(edges=edges, counts=np.array([n]), below=0, above=0, n=n, scale=scale)

