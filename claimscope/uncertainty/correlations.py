"""Assumptions that move together: rank correlations between ranged inputs, drawn through a
Gaussian copula, and their part of the URL contract (docs/architecture.md, "The URL contract").

A reader may say that two ranged assumptions tend to be low or high together (e.g. a low
distinct share and a low coverage) with a rank (Spearman) correlation ρ between −0.9 and
0.9. The Monte Carlo then draws, for the inputs involved, standard normals from each
input's own stream, correlates them with the Cholesky factor of the normal correlation
matrix r = 2·sin(π·ρ/6) (the Gaussian copula whose uniforms have rank correlation ρ
exactly), turns them into uniforms u = Φ(z), and each u into a value by that input's own
quantile function (`distributions.inverse`): every marginal stays exactly as set. A
resampled range has ties (equal values), which lower the rank correlation seen in the
draws a little below ρ.

In a link: `corr=unique:coverage:0.5`, several pairs separated by commas
(`corr=unique:coverage:0.5,share:rate_ratio:-0.3`; repeated `corr=` parameters are read
too). Parsing never raises: each unusable pair is dropped, or its ρ clamped, with a
plain-words notice.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import special

from claimscope.text.markdown import shown
from claimscope.text.numbers import parse_number

CORR_PARAM = "corr"
RANK_LIMIT = 0.9  # the largest |ρ| a reader may set
MAX_PAIRS = 45  # pairs read from a link: every pair of ten ranged inputs
_PD_TOLERANCE = 1e-9  # the smallest eigenvalue a usable normal correlation matrix may have


@dataclass(frozen=True)
class Correlation:
    """Rank correlation `rank` (Spearman's ρ) between the inputs `first` and `second`."""

    first: str
    second: str
    rank: float

    def __post_init__(self) -> None:
        if self.first == self.second:
            raise ValueError("a correlation needs two different inputs")
        if not (math.isfinite(self.rank) and abs(self.rank) <= RANK_LIMIT):
            raise ValueError(f"a rank correlation must lie between −{RANK_LIMIT} and "
                             f"{RANK_LIMIT}, not {self.rank}")

    @property
    def normal(self) -> float:
        """The correlation of the copula's normals that gives this rank correlation."""
        return 2.0 * math.sin(math.pi * self.rank / 6.0)

    @property
    def pair(self) -> frozenset[str]:
        return frozenset((self.first, self.second))

    def involves(self, name: str) -> bool:
        return name in (self.first, self.second)

    def text(self) -> str:
        """How a link writes it, `first:second:rank`, with ρ short where that is exact and
        in full otherwise, so the link reproduces it."""
        short = f"{self.rank:.12g}"
        rank = short if float(short) == self.rank else repr(self.rank)
        return f"{self.first}:{self.second}:{rank}"


Correlations = tuple[Correlation, ...]


def correlation_query(correlations: Sequence[Correlation]) -> dict[str, str]:
    """The `corr` parameter of a link (none without correlations)."""
    if not correlations:
        return {}
    return {CORR_PARAM: ",".join(c.text() for c in correlations)}


def normal_matrix(names: Sequence[str], correlations: Iterable[Correlation]) -> np.ndarray:
    """The copula's correlation matrix over `names` (identity where no pair is given)."""
    position = {name: k for k, name in enumerate(names)}
    matrix = np.eye(len(names))
    for c in correlations:
        i, j = position[c.first], position[c.second]
        matrix[i, j] = matrix[j, i] = c.normal
    return matrix


def _possible(correlations: Sequence[Correlation]) -> bool:
    names = sorted({n for c in correlations for n in (c.first, c.second)})
    return bool(np.linalg.eigvalsh(normal_matrix(names, correlations)).min() > _PD_TOLERANCE)


def _items(raw: str | Sequence[str] | None) -> list[str]:
    if raw is None:
        return []
    texts = [raw] if isinstance(raw, str) else [str(r) for r in raw]
    return [item.strip() for text in texts for item in text.split(",") if item.strip()]


def parse_correlations(raw: str | Sequence[str] | None, ranged: Sequence[str]
                       ) -> tuple[Correlations, list[str]]:
    """The usable correlations a link's `corr` value(s) give, and a notice for each change.

    `ranged` names the inputs that have a range (in model order); pairs are written in
    that order. Rules: at most 45 items are read; an item must read `a:b:ρ`; both inputs
    must have a range (else the pair is dropped: a single value cannot co-vary); ρ must be
    a number, and is clamped to ±0.9; ρ = 0 is independence and is dropped; a pair given
    twice keeps its last value; a pair that with the earlier ones is not a possible set of
    correlations (its normal correlation matrix not positive definite) is dropped.
    """
    notices: list[str] = []
    chosen: dict[frozenset[str], Correlation] = {}
    order = {name: k for k, name in enumerate(ranged)}
    seen: set[frozenset[str]] = set()
    repeated: set[frozenset[str]] = set()
    items = _items(raw)
    if len(items) > MAX_PAIRS:
        notices.append(f"{CORR_PARAM} lists {len(items):,} pairs; only the first {MAX_PAIRS} "
                       "are read.")
        items = items[:MAX_PAIRS]
    for item in items:
        parts = item.split(":")
        said = f"{CORR_PARAM}={shown(item)}"
        if len(parts) != 3:
            notices.append(f"{said} is not of the form first:second:correlation; ignored.")
            continue
        first, second, number = (p.strip() for p in parts)
        missing = [n for n in (first, second) if n not in order]
        if missing:
            notices.append(f"{said}: {shown(missing[0])} has no range, and only two ranged "
                           "assumptions can move together; ignored.")
            continue
        if first == second:
            notices.append(f"{said} pairs an assumption with itself; ignored.")
            continue
        rank = parse_number(number)
        if rank is None:
            notices.append(f"{said}: {shown(number)} is not a number; ignored.")
            continue
        if abs(rank) > RANK_LIMIT:
            clamped = math.copysign(RANK_LIMIT, rank)
            notices.append(f"{said} is out of range (−{RANK_LIMIT} to {RANK_LIMIT}); "
                           f"clamped to {clamped:g}.")
            rank = clamped
        if order[first] > order[second]:
            first, second = second, first
        pair = frozenset((first, second))
        if pair in seen and pair not in repeated:
            repeated.add(pair)
            notices.append(f"{CORR_PARAM} gives the pair {first} and {second} more than "
                           "once; using its last value.")
        seen.add(pair)
        chosen.pop(pair, None)
        if rank == 0:
            continue
        chosen[pair] = Correlation(first, second, rank)
    kept: list[Correlation] = []
    for c in chosen.values():
        if _possible([*kept, c]):
            kept.append(c)
        else:
            notices.append(f"{CORR_PARAM}={c.text()} cannot hold together with the "
                           "correlations before it (no set of assumptions can be correlated "
                           "like that); ignored.")
    return tuple(kept), notices


def kept_for(correlations: Sequence[Correlation], ranged: Iterable[str]) -> Correlations:
    """The correlations whose two inputs both still have a range."""
    names = set(ranged)
    return tuple(c for c in correlations if c.first in names and c.second in names)


def correlated_uniforms(normals: Mapping[str, np.ndarray],
                        correlations: Sequence[Correlation]) -> dict[str, np.ndarray]:
    """The copula's uniforms for the inputs of `correlations`, from independent standard
    normals of each (`normals[name]`, equal lengths): z ↦ L·z with L the Cholesky factor
    of the normal correlation matrix, then u = Φ(z)."""
    names = list(normals)
    factor = np.linalg.cholesky(normal_matrix(names, correlations))
    mixed = factor @ np.vstack([normals[name] for name in names])
    return {name: special.ndtr(mixed[k]) for k, name in enumerate(names)}


def describe(correlations: Sequence[Correlation], label: Mapping[str, str]) -> str:
    """'distinct share and coverage (rank correlation 0.5)', joined by '; '."""
    return "; ".join(f"{label[c.first]} and {label[c.second]} (rank correlation "
                     f"{c.rank:+.2f})" for c in correlations)


def correlation_sentence(correlations: Sequence[Correlation], label: Mapping[str, str]) -> str:
    """The sentence under results that says which correlations the draws were made with."""
    if not correlations:
        return "The ranged assumptions vary independently (no correlation set)."
    return f"Correlated: {describe(correlations, label)}."
