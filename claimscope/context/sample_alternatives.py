"""The source's own alternative figures for a sample of units (`sample_units.yaml`'s
`alternatives`: e.g. the total without one group), recomputed from the loaded groups and
compared with what the source states.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from claimscope.context.sample_units import Alternative, SampleUnits, Stated, national_from

# How a recomputed figure compares with the source's own (rounded) figure.
EXACT = "exact"
ROUNDED = "agrees to the precision given"
CUT_OFF = "agrees only if cut off, not rounded"
DIFFERS = "differs"


@dataclass(frozen=True)
class Recomputed:
    """An alternative recomputed from the groups."""

    alternative: Alternative
    count: int
    population: int
    share: float  # percent, unrounded
    national: float  # with the unrounded share
    national_as_source: float  # dividing by the share as the source rounds it, if it gives one

    def value(self, figure: str) -> float:
        return {"count": self.count, "population": self.population, "share": self.share,
                "national": self.national_as_source}[figure]


def recompute(data: SampleUnits, alternative: Alternative) -> Recomputed:
    kept = [g for g in data.groups if g.id not in alternative.excludes]
    count = sum(g.count for g in kept)
    population = sum(g.population for g in kept)
    share = population / data.whole_population * 100
    national = national_from(count, population, data.whole_population).item()
    stated_share = alternative.stated.get("share")
    as_source = count / (stated_share.value / 100) if stated_share else national
    return Recomputed(alternative, count, population, share, national, as_source)


def agreement(stated: Stated, recomputed: float) -> str:
    """Whether our figure, rounded (or cut off) as the source writes it, is the source's."""
    gap = recomputed - stated.value
    if gap == 0:
        return EXACT
    if abs(gap) <= stated.resolution / 2 * (1 + 1e-9):
        return ROUNDED
    if 0 < gap < stated.resolution:
        return CUT_OFF
    return DIFFERS


def alternatives_frame(data: SampleUnits) -> pd.DataFrame:
    """One row per alternative: what is left in and the national total it implies."""
    rows = []
    for alternative in data.alternatives:
        r = recompute(data, alternative)
        rows.append({"alternative": alternative.label, "count": r.count,
                     "population": r.population, "share": r.share,
                     "national_as_source": r.national_as_source, "national": r.national})
    return pd.DataFrame(rows)


def comparison_frame(data: SampleUnits) -> pd.DataFrame:
    """Every figure the source states for its alternatives beside our recomputation, each
    named in the document's words."""
    rows = []
    for alternative in data.alternatives:
        r = recompute(data, alternative)
        for figure, stated in alternative.stated.items():
            rows.append({"alternative": alternative.label, "figure": data.figure_word(figure),
                         "source_wrote": stated.written, "source_value": stated.value,
                         "recomputed": r.value(figure),
                         "verdict": agreement(stated, r.value(figure))})
    return pd.DataFrame(rows)
