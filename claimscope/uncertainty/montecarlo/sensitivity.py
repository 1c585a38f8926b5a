"""Which inputs matter: variance shares from a run's draws, and deterministic sweeps.

- `variance_shares(simulation, output)`: first-order Sobol indices estimated from the same
  draws as everything else (no extra sampling).
- `tornado(...)`: each ranged input swept alone to its range's ends; no sampling, so the UI
  caches it apart from the Monte Carlo.
- `claim_map(...)`: an output on a grid of two inputs.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import pandas as pd

from claimscope.files.inputs import InputSpec
from claimscope.model.model import Model
from claimscope.uncertainty.distributions import Range
from claimscope.uncertainty.montecarlo.summary import sorted_quantile

# ---- Variance shares ---------------------------------------------------------------------

class Draws(Protocol):
    """What `variance_shares` reads of a run (`engine.Simulation` is one): the model, the
    ranged inputs, each output's draws and each input draw's probability bin. A protocol,
    so this module needs nothing of the engine, which imports it."""

    model: Model
    share_edges: tuple[float, ...]

    @property
    def ranges(self) -> Mapping[str, Range]: ...

    def values(self, output: str) -> np.ndarray | float: ...

    def sorted(self, output: str, keep: bool = True) -> np.ndarray | None: ...

    def mean(self, output: str) -> float: ...

    def input_bins(self, name: str) -> np.ndarray: ...


def variance_shares(simulation: Draws, output: str | None = None) -> pd.DataFrame:
    """First-order variance share of each ranged input in one output, from its draws.

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
    output = output or simulation.model.headline
    values = simulation.values(output)
    names = list(simulation.ranges)
    shares = dict.fromkeys(names, 0.0)
    shares_log = dict.fromkeys(names, 0.0)
    ordered = simulation.sorted(output)
    if ordered is not None and ordered[0] < ordered[-1]:  # the output varies at all
        used = {name: simulation.input_bins(name) for name in names
                if simulation.model.depends(name, output)}
        positive = float(ordered[0]) > 0
        log_centre = math.log(sorted_quantile(ordered, 0.5)) if positive else None
        linear, logs = _first_order_shares(values, simulation.mean(output), log_centre, used,
                                            len(simulation.share_edges) - 1)
        shares.update(linear)
        if positive:
            shares_log.update(logs)
        else:
            shares_log = dict.fromkeys(names, math.nan)
    rows = [{"input": name, "share": shares[name], "share_log": shares_log[name]}
            for name in names]
    return pd.DataFrame(rows, columns=["input", "share", "share_log"])


_CHUNK = 1 << 15  # draws per block in `_first_order_shares`: its arrays stay in cache


def _first_order_shares(values: np.ndarray, centre: float, log_centre: float | None,
                         bins: Mapping[str, np.ndarray], count: int
                         ) -> tuple[dict[str, float], dict[str, float]]:
    """Bias-corrected between-bin shares of variance of `values` and of their logs.

    See `variance_shares` for the method. `bins[name]`: each draw's bin
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

    Each input in turn is set to its range's `low` and `high` (for log-normal and
    resampled ranges, their 5th and 95th percentiles) with every other input at its point
    value; no sampling. Rows sorted by swing, largest first. Columns: input, shape,
    low_value, high_value (display units), output_at_low, output_at_high, output_at_point,
    swing (= |at high − at low|).
    """
    output = output or model.headline
    model_points = model.to_model(model.point_values(point_values))
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
    100 or more (e.g. a count allowed from a hundred thousand to a billion).
    """
    if x_name == y_name:
        raise ValueError("a claim map needs two different inputs")
    output = model.output(output or model.headline).name
    specs = model.inputs
    points = model.point_values(point_values)
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
