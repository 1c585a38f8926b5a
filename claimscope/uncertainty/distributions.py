"""Drawing one input's values from its range: the four shapes of README, "Sharing a view".

Pure numpy, no Python loop over samples. `draw_binned` also says which bin of its own
distribution (by probability rank) each draw fell in: the Monte Carlo engine estimates
variance shares from those bins without sorting anything.

Shapes, for a range `low`–`high` (display units) of an input whose point value is `point`:

- `uniform`: every value between the hard bounds `low` and `high` equally likely.
- `triangular`: hard bounds `low`, `high`; the peak (mode) at the point value.
- `pert`: hard bounds `low`, `high`; mode at the point value; a Beta(α, β) scaled to the
  bounds with the standard PERT weight λ = 4: α = 1 + 4 (mode − low)/(high − low),
  β = 1 + 4 (high − mode)/(high − low). Smoother than the triangle, less weight in the tails.
- `lognormal`: `low` and `high` are its 5th and 95th percentiles (so the median is
  √(low·high)), then cut to the input's allowed [min, max] and renormalised (so when a
  bound is near, the percentiles of what is drawn move slightly inwards). Needs low > 0.

If the point value lies outside `low`–`high`, triangular and PERT put their mode at the
nearest end (`validate_range` says so in words). Every draw lies inside the input's
[min, max]. Whole-number inputs (year, months, counts) are drawn as continuous values.

- `resampled`: the equally likely values of a sample's resamples (e.g. the exact bootstrap
  of a document's sample of units, `claimscope.context.sample_spread`), drawn as they
  are; `low`/`high` are their 5th and 95th percentiles, for the tornado and for words,
  and set nothing.

Sampling methods: uniform, triangular and resampled by inverting their distribution
function at one uniform number per draw (which then gives the bin exactly); PERT by numpy's
exact Beta generator and log-normal by numpy's standard normal (redrawing the few outside
the cut), their bins read from SciPy's exact distribution functions tabulated on 16,384
cells. Where a value must follow a given uniform number — correlated inputs
(`claimscope.uncertainty.correlations`) and Sobol designs (`montecarlo.sobol`) —
`inverse` applies the quantile functions: SciPy's `ndtri` for the log-normal; for PERT,
SciPy's exact `betaincinv` is some fifty times slower than numpy's Beta generator (2 s per million
values, against a whole Monte Carlo budget of a quarter second), so its values are
tabulated in normal scores and interpolated (within 5e-7 of the width of the range,
tested). `quantile` is exact.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, get_args

import numpy as np
from scipy import special

from claimscope.files.inputs import InputSpec

Shape = Literal["uniform", "triangular", "pert", "lognormal"]
SHAPES: tuple[str, ...] = get_args(Shape)  # the shapes two ends define
RESAMPLED = "resampled"  # a shape given by a sample's resamples, not by two ends
ALL_SHAPES: tuple[str, ...] = (*SHAPES, RESAMPLED)
DEFAULT_SHAPE = "uniform"
PERT_LAMBDA = 4.0
Z95 = float(special.ndtri(0.95))  # 1.6448536…: the log-normal's 5th–95th percentile span
_CDF_TABLE_SIZE = 1 << 14  # cells in each tabulated distribution function


def shape_problem(shape: str, low: float) -> str | None:
    """Why a range of `shape` cannot start at `low`, or None: the one statement of the rule
    that a log-normal range needs a low end above zero (its logarithm must exist). Links,
    data files, widgets and `Range` itself all ask here."""
    if shape == "lognormal" and low <= 0:
        return "a log-normal range needs a low end above zero"
    return None


@dataclass(frozen=True)
class Range:
    """An input given as a range instead of a single value, in display units.

    `low`/`high` are hard bounds for uniform, triangular and PERT, and the 5th/95th
    percentiles for log-normal and resampled. `sample` holds a resampled range's equally
    likely values, ascending (empty for every other shape); build one with `resampled`.
    `low == high` means no range: the input keeps its point value. Build ranges from user
    text with `claimscope.uncertainty.ranges.validate_range`.
    """

    low: float
    high: float
    shape: str = DEFAULT_SHAPE
    sample: tuple[float, ...] = ()

    @classmethod
    def resampled(cls, values: object) -> Range:
        """The range whose draws are `values` (display units), each equally likely; its
        ends are their 5th and 95th percentiles (numpy's default interpolation)."""
        ordered = np.sort(np.asarray(values, dtype=float))
        low, high = np.quantile(ordered, (0.05, 0.95))
        return cls(float(low), float(high), RESAMPLED, tuple(float(v) for v in ordered))

    def __post_init__(self) -> None:
        if not (math.isfinite(self.low) and math.isfinite(self.high)):
            raise ValueError(f"range ends must be finite numbers, not {self.low}, {self.high}")
        if self.low > self.high:
            raise ValueError(f"range low {self.low} is above its high {self.high}")
        if self.shape not in ALL_SHAPES:
            raise ValueError(f"unknown shape {self.shape!r}; expected one of {ALL_SHAPES}")
        if (self.shape == RESAMPLED) != bool(self.sample):
            raise ValueError("a resampled range needs its sample, and only it has one")
        if self.sample and not (np.all(np.isfinite(self.sample))
                                and np.all(np.diff(self.sample) >= 0)):
            raise ValueError("a resampled range's sample must be finite and ascending")
        problem = shape_problem(self.shape, self.low)
        if problem:
            raise ValueError(problem)

    @property
    def is_point(self) -> bool:
        return self.low == self.high


# ---- Tabulated distribution functions, for binning draws -------------------------------

_Z_LIMIT = 8.5  # Φ(−8.5) ≈ 1e-17: beyond ±8.5 a normal draw is in the first or last bin


def _frozen(values: np.ndarray) -> np.ndarray:
    values.flags.writeable = False
    return values


@lru_cache(maxsize=1)
def _normal_cdf_table() -> np.ndarray:
    """Φ at M + 1 evenly spaced points on [−8.5, 8.5] (SciPy's `ndtr`, exact)."""
    return _frozen(special.ndtr(np.linspace(-_Z_LIMIT, _Z_LIMIT, _CDF_TABLE_SIZE + 1)))


@lru_cache(maxsize=64)
def _beta_cdf_table(alpha: float, beta: float) -> np.ndarray:
    """The Beta(α, β) distribution function at k/M, k = 0…M (SciPy's `betainc`, exact)."""
    return _frozen(special.betainc(alpha, beta, np.linspace(0.0, 1.0, _CDF_TABLE_SIZE + 1)))


# ---- Bins for variance shares ---------------------------------------------------------

SHARE_BINS = 50
MIN_BIN_DRAWS = 20


@lru_cache(maxsize=32)
def share_bin_edges(bins: int = SHARE_BINS, n: int = 100_000) -> tuple[float, ...]:
    """Probability edges of the bins an input's draws are sorted into for variance shares.

    `bins` equal-probability bins, the outermost two then halved again and again (towards
    probability 0 and 1) while a half still expects at least 20 of `n` draws (and spans a
    few table cells). The extremes of a product of ratios carry much of its variance;
    equal bins would average them away and understate the shares (e.g. 0.90 instead of 1
    for a wide log-normal alone), the finer tail bins keep them (0.99).
    """
    smallest = max(MIN_BIN_DRAWS / n, 4.0 / _CDF_TABLE_SIZE)
    tail, p = [], 1.0 / bins
    while p / 2 >= smallest:
        p /= 2
        tail.append(p)
    lower = sorted(tail)
    inner = [k / bins for k in range(1, bins)]
    return (0.0, *lower, *inner, *(1.0 - x for x in reversed(lower)), 1.0)


def _cell_bins(cdf: np.ndarray, edges: tuple[float, ...]) -> np.ndarray:
    """For each of the M cells between the table's points, and one past the end: the bin
    (between consecutive probability `edges`) that holds the cell's midpoint."""
    middle = 0.5 * (cdf[:-1] + cdf[1:])
    index = np.searchsorted(np.asarray(edges), middle, side="right") - 1
    index = np.append(index, len(edges) - 2)
    return _frozen(np.clip(index, 0, len(edges) - 2).astype(np.intp))


@lru_cache(maxsize=16)
def _uniform_cell_bins(edges: tuple[float, ...]) -> np.ndarray:
    return _cell_bins(np.linspace(0.0, 1.0, _CDF_TABLE_SIZE + 1), edges)


@lru_cache(maxsize=16)
def _beta_cell_bins(alpha: float, beta: float, edges: tuple[float, ...]) -> np.ndarray:
    return _cell_bins(_beta_cdf_table(alpha, beta), edges)


@lru_cache(maxsize=16)
def _normal_cell_bins(p_lo: float, p_hi: float, edges: tuple[float, ...]) -> np.ndarray:
    """Cell bins of the standard normal cut to the probabilities [p_lo, p_hi]."""
    cut = np.clip((_normal_cdf_table() - p_lo) / (p_hi - p_lo), 0.0, 1.0)
    return _cell_bins(cut, edges)


def _bins_from_cells(position: np.ndarray, cell_bins: np.ndarray, clip: bool) -> np.ndarray:
    """Bins of values already scaled to cell units (0 … M); `clip` if some may be outside."""
    if clip:
        np.clip(position, 0.0, float(_CDF_TABLE_SIZE), out=position)
    return cell_bins.take(position.astype(np.intp))


# ---- Shape parameters (model units) ----------------------------------------------------

def lognormal_parameters(low: float, high: float) -> tuple[float, float]:
    """(μ, σ) of the log-normal whose 5th and 95th percentiles are `low` and `high`."""
    mu = 0.5 * (math.log(low) + math.log(high))
    sigma = (math.log(high) - math.log(low)) / (2.0 * Z95)
    return mu, sigma


def pert_parameters(low: float, mode: float, high: float) -> tuple[float, float]:
    """(α, β) of the PERT Beta on [low, high] with the given mode and λ = 4."""
    width = high - low
    return (1.0 + PERT_LAMBDA * (mode - low) / width,
            1.0 + PERT_LAMBDA * (high - mode) / width)


# ---- Drawing -------------------------------------------------------------------------

def _model_bounds(spec: InputSpec, point: float, rng_range: Range
                  ) -> tuple[float, float, float]:
    low, high = float(spec.to_model(rng_range.low)), float(spec.to_model(rng_range.high))
    mode = min(max(float(spec.to_model(point)), low), high)
    return low, mode, high


def _lognormal_cut(low: float, high: float, lo_bound: float, hi_bound: float
                   ) -> tuple[float, float, float, float]:
    """(μ, σ, p_lo, p_hi): the log-normal with 5th/95th percentiles low/high and the
    probabilities below the input's bounds, between which the cut distribution lies."""
    mu, sigma = lognormal_parameters(low, high)
    p_lo = float(special.ndtr((math.log(lo_bound) - mu) / sigma)) if lo_bound > 0 else 0.0
    p_hi = float(special.ndtr((math.log(hi_bound) - mu) / sigma))
    return mu, sigma, p_lo, p_hi


def inverse(spec: InputSpec, point: float, rng_range: Range, u: np.ndarray) -> np.ndarray:
    """The range's quantile function at the probabilities `u` (model units): the value of
    each shape a uniform number u stands for, exactly (SciPy's `betaincinv` for PERT,
    `ndtri` for the cut log-normal), cut to the input's [min, max]."""
    u = np.asarray(u, dtype=float)
    lo_bound, hi_bound = float(spec.to_model(spec.min)), float(spec.to_model(spec.max))
    if rng_range.is_point:
        return np.full(u.shape, float(spec.to_model(point)))
    low, mode, high = _model_bounds(spec, point, rng_range)
    shape = rng_range.shape
    if shape == "uniform":
        values = low + u * (high - low)
    elif shape == "triangular":
        values = _triangular_inverse(u.copy(), low, mode, high)
    elif shape == "pert":
        values = low + (high - low) * _beta_inverse(*pert_parameters(low, mode, high), u)
    elif shape == RESAMPLED:
        values = _resample_inverse(spec, rng_range, u)
    else:
        mu, sigma, p_lo, p_hi = _lognormal_cut(low, high, lo_bound, hi_bound)
        values = np.exp(mu + sigma * special.ndtri(p_lo + u * (p_hi - p_lo)))
    return np.clip(values, lo_bound, hi_bound)


@lru_cache(maxsize=64)
def _beta_quantile_table(alpha: float, beta: float) -> np.ndarray:
    """SciPy's exact Beta quantile `betaincinv` at u = Φ(t) for M + 1 evenly spaced t on
    [−8.5, 8.5]: in normal scores the quantile function is smooth out to both tails."""
    t = np.linspace(-_Z_LIMIT, _Z_LIMIT, _CDF_TABLE_SIZE + 1)
    return _frozen(special.betaincinv(alpha, beta, special.ndtr(t)))


def _beta_inverse(alpha: float, beta: float, u: np.ndarray) -> np.ndarray:
    """The Beta quantile at u, interpolated in normal scores t = Φ⁻¹(u) between the
    tabulated exact values (within 5e-7 of `betaincinv`, tested; 50× faster per draw)."""
    table = _beta_quantile_table(alpha, beta)
    position = special.ndtri(u)
    outside = np.flatnonzero(np.abs(position) >= _Z_LIMIT)  # beyond the table (p < 1e-17)
    position += _Z_LIMIT
    position *= _CDF_TABLE_SIZE / (2.0 * _Z_LIMIT)
    np.clip(position, 0.0, _CDF_TABLE_SIZE - 1e-9, out=position)
    cell = position.astype(np.intp)
    position -= cell
    below = table.take(cell)
    values = below + position * (table.take(cell + 1) - below)
    if outside.size:
        values[outside] = special.betaincinv(alpha, beta, u[outside])
    return values


def _resample_inverse(spec: InputSpec, rng_range: Range, u: np.ndarray) -> np.ndarray:
    """Value k of the m sorted resamples for u in [k/m, (k+1)/m): each equally likely."""
    sample = np.asarray(spec.to_model(np.asarray(rng_range.sample)), dtype=float)
    index = np.minimum((u * sample.size).astype(np.intp), sample.size - 1)
    return sample.take(index)


def draw_binned(spec: InputSpec, point: float, rng_range: Range, n: int,
                rng: np.random.Generator, edges: tuple[float, ...],
                uniforms: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """`n` draws of one input (model units) and the bin each draw falls in.

    Bin k holds the draws whose probability rank within the input's own distribution lies
    between `edges[k]` and `edges[k+1]` (see `share_bin_edges`); the bin index never
    decreases as the value grows. The rank is exact for uniform, triangular and resampled
    ranges (the uniform number the draw was made from) and read from a table of 16,384
    cells for PERT and log-normal ones, so their bin edges are placed to within a cell.
    Binning takes no random numbers: the values equal those of `draw` with the same
    Generator state. `uniforms`, if given, are the draws' probability ranks (from a
    copula): the values are then `inverse` at them, and `rng` is not used.
    """
    return _draw(spec, point, rng_range, n, rng, tuple(edges), uniforms)


def _draw(spec: InputSpec, point: float, rng_range: Range, n: int, rng: np.random.Generator,
          edges: tuple[float, ...] | None, uniforms: np.ndarray | None = None
          ) -> tuple[np.ndarray, np.ndarray | None]:
    lo_bound, hi_bound = float(spec.to_model(spec.min)), float(spec.to_model(spec.max))
    if rng_range.is_point:
        value = float(spec.to_model(point))
        return np.full(n, value), (None if edges is None else np.zeros(n, dtype=np.intp))
    shape = rng_range.shape
    if uniforms is not None or shape == RESAMPLED:
        u = rng.random(n) if uniforms is None else np.asarray(uniforms, dtype=float)
        index = (None if edges is None else
                 _bins_from_cells(u * float(_CDF_TABLE_SIZE), _uniform_cell_bins(edges),
                                  clip=False))
        return inverse(spec, point, rng_range, u), index
    low, mode, high = _model_bounds(spec, point, rng_range)
    width = high - low
    index = None
    if shape in ("uniform", "triangular"):  # both transform a uniform draw u
        u = rng.random(n)
        if edges is not None:
            index = _bins_from_cells(u * float(_CDF_TABLE_SIZE), _uniform_cell_bins(edges),
                                     clip=False)
        if shape == "uniform":
            u *= width
            u += low
            values = u
        else:
            values = _triangular_inverse(u, low, mode, high)
    elif shape == "pert":
        alpha, beta = pert_parameters(low, mode, high)
        values = rng.beta(alpha, beta, n)
        if edges is not None:
            index = _bins_from_cells(values * float(_CDF_TABLE_SIZE),
                                     _beta_cell_bins(alpha, beta, edges), clip=False)
        values *= width
        values += low
    else:
        values, index, (low, high) = _truncated_lognormal(low, high, lo_bound, hi_bound, n,
                                                          rng, edges)
    # Values lie in [low, high] up to rounding: clip only if that could cross a bound.
    margin = 1e-9 * (hi_bound - lo_bound)
    if low - margin < lo_bound or high + margin > hi_bound:
        np.clip(values, lo_bound, hi_bound, out=values)
    return values, index


def _triangular_inverse(u: np.ndarray, low: float, mode: float, high: float) -> np.ndarray:
    """The triangular quantile function at u, branch-free (overwrites u).

    Below the mode the quantile is low + √(u·w·(mode − low)), above it
    high − √((1 − u)·w·(high − mode)); each branch, evaluated everywhere, stays on its own
    side of the mode exactly where it is the right one, so min/max pick it without a mask.
    """
    width = high - low
    falling = 1.0 - u
    rising = u
    rising *= width * (mode - low)
    np.sqrt(rising, out=rising)
    rising += low
    np.minimum(rising, mode, out=rising)
    falling *= width * (high - mode)
    np.sqrt(falling, out=falling)
    np.subtract(high, falling, out=falling)
    np.maximum(falling, mode, out=falling)
    rising += falling
    rising -= mode
    return rising


def _truncated_lognormal(low: float, high: float, lo_bound: float, hi_bound: float, n: int,
                         rng: np.random.Generator, edges: tuple[float, ...] | None
                         ) -> tuple[np.ndarray, np.ndarray | None, tuple[float, float]]:
    """Log-normal draws with 5th/95th percentiles low/high, cut to [lo_bound, hi_bound],
    their bins, and the smallest and largest draw (before rounding).

    Normal draws outside the cut are drawn again (a loop over rounds, never over samples:
    at least 90 % of the mass lies inside, so a round rarely has anything to redo).
    """
    mu, sigma, p_lo, p_hi = _lognormal_cut(low, high, lo_bound, hi_bound)
    z_lo = (math.log(lo_bound) - mu) / sigma if lo_bound > 0 else -math.inf
    z_hi = (math.log(hi_bound) - mu) / sigma
    z = rng.standard_normal(n)
    z_min, z_max = float(z.min()), float(z.max())
    if z_min < z_lo or z_max > z_hi:
        outside = np.flatnonzero((z < z_lo) | (z > z_hi))
        while outside.size:
            fresh = rng.standard_normal(outside.size)
            z[outside] = fresh
            outside = outside[(fresh < z_lo) | (fresh > z_hi)]
        z_min, z_max = float(z.min()), float(z.max())
    index = None
    if edges is not None:
        scale = _CDF_TABLE_SIZE / (2.0 * _Z_LIMIT)
        position = z * scale
        position += _Z_LIMIT * scale
        index = _bins_from_cells(position, _normal_cell_bins(p_lo, p_hi, edges),
                                 clip=z_min < -_Z_LIMIT or z_max > _Z_LIMIT)
    z *= sigma
    z += mu
    np.exp(z, out=z)
    return z, index, (math.exp(mu + sigma * z_min), math.exp(mu + sigma * z_max))


def draw(spec: InputSpec, point: float, rng_range: Range, n: int,
         rng: np.random.Generator) -> np.ndarray:
    """`n` draws of one input in model units (fractions for percentages).

    `point` and `rng_range` are in display units; the Generator is used, never a global
    seed, so the same Generator state gives the same draws.
    """
    return _draw(spec, point, rng_range, n, rng, None)[0]


def quantile(spec: InputSpec, point: float, rng_range: Range, q: float) -> float:
    """The exact q-quantile of a range's distribution, in display units (`inverse` at q,
    but SciPy's `betaincinv` itself for PERT)."""
    if rng_range.shape == "pert" and not rng_range.is_point:
        low, mode, high = _model_bounds(spec, point, rng_range)
        value = low + (high - low) * float(special.betaincinv(
            *pert_parameters(low, mode, high), q))
    else:
        value = float(inverse(spec, point, rng_range, np.array([q]))[0])
    return float(spec.to_display(value))
