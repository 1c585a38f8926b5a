"""Arithmetic on a sample of units (`claimscope.context.sample_units`): each group's shares
and rates, the national total without each group in turn, and the exact bootstrap of the
groups, side by side (`spread`), with a neutral paragraph on what they say.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
import pandas as pd

from claimscope.context.sample_units import SampleUnits, national_from
from claimscope.files.page_config import UnitWords, slug
from claimscope.text.numbers import human, percent

MAX_RESAMPLED_GROUPS = 7  # the exact bootstrap enumerates n**n resamples


def leave_one_out(count: np.ndarray, population: np.ndarray,
                  whole_population: float) -> np.ndarray:
    """The national total computed without each group in turn."""
    return national_from(count.sum() - count, population.sum() - population, whole_population)


def exact_bootstrap(count: np.ndarray, population: np.ndarray,
                    whole_population: float) -> np.ndarray:
    """National totals for all n**n equally likely resamples of the n groups.

    Resampling whole groups with replacement and pooling their counts and people weights
    each group by its population. With so few groups every resample can be listed, so no
    random numbers are needed.
    """
    n = len(count)
    if n > MAX_RESAMPLED_GROUPS:
        raise ValueError(f"{n} groups is too many to list every resample")
    picks = np.indices((n,) * n).reshape(n, -1).T
    return national_from(count[picks].sum(axis=1), population[picks].sum(axis=1),
                         whole_population)


def group_frame(data: SampleUnits) -> pd.DataFrame:
    """One row per group: its figures, its shares of the sample and what it implies."""
    count, population = data.arrays()
    whole = data.whole_population
    return pd.DataFrame({
        "id": [g.id for g in data.groups],
        "group": [g.name for g in data.groups],
        "units": [", ".join(g.units) for g in data.groups],
        "status": [g.status for g in data.groups],
        "count": count.astype(int),
        "population": population.astype(int),
        "share_of_count": count / count.sum() * 100,
        "share_of_population": population / population.sum() * 100,
        "count_per_resident": count / population,
        "national_alone": national_from(count, population, whole),
        "national_without": leave_one_out(count, population, whole),
        "derivation": [g.derivation for g in data.groups],
        "count_as_known": [count_as_known(g.count, g.status) for g in data.groups],
    })


def in_words(frame: pd.DataFrame, words: UnitWords) -> pd.DataFrame:
    """A frame's columns in the document's words, for a download (`count_per_resident` as
    `incidents_per_resident` where the units count incidents), so a reader's CSV says what
    was counted; the core's
    frames keep generic names."""
    counted = slug(words.counted)
    return frame.rename(columns={
        "units": slug(words.units), "count": counted, "share_of_count": f"share_of_{counted}",
        "count_per_resident": f"{counted}_per_resident",
        "count_as_known": f"{counted}_as_known"})


def count_as_known(count: int, status: str) -> str:
    """A group's count at the precision it has: in full when the source states it, to two
    significant figures ("about 8.0 million", "about 240,000") when ClaimScope derives it
    from figures that carry the rounding of "nearly 26 million"."""
    if status == "stated":
        return f"{count:,}"
    rounded = float(f"{count:.2g}")
    if rounded >= 1_000_000:
        return f"about {rounded / 1_000_000:.1f} million"
    return f"about {rounded:,.0f}"


class Named(NamedTuple):
    name: str
    value: float


@dataclass(frozen=True)
class GroupDifferences:
    """How far apart the groups are, and what that does to the national total."""

    groups: int
    dominant: Named  # the group with the largest share of the count (percent)
    dominant_population_share: float  # that group's share of the sampled people, percent
    pro_rata: float
    average_rate: float  # count per resident over all sampled areas
    lowest_rate: Named
    highest_rate: Named
    rate_cv: float  # standard deviation of the group rates ÷ their mean (unweighted)
    alone_low: Named
    alone_high: Named
    without_low: Named  # name = the group left out
    without_high: Named
    without_below_claim: int
    resamples: int
    resample_low: float  # 5th percentile of the exact bootstrap
    resample_high: float  # 95th percentile
    resamples_below_claim: float  # share of resamples under the claimed total, percent
    # every resample's national total (the exact bootstrap), computed once here
    resampled: np.ndarray = field(repr=False, compare=False)

    @property
    def rate_ratio(self) -> float:
        return self.highest_rate.value / self.lowest_rate.value


def _extremes(frame: pd.DataFrame, column: str) -> tuple[Named, Named]:
    low, high = frame[column].idxmin(), frame[column].idxmax()
    return (Named(frame.at[low, "group"], float(frame.at[low, column])),
            Named(frame.at[high, "group"], float(frame.at[high, column])))


def spread(data: SampleUnits, claimed_total: float) -> GroupDifferences:
    """Single-group, leave-one-out and resampled national totals, side by side."""
    frame = group_frame(data)
    count, population = data.arrays()
    rates = frame["count_per_resident"]
    resampled = exact_bootstrap(count, population, data.whole_population)
    top = frame["share_of_count"].idxmax()
    lowest_rate, highest_rate = _extremes(frame, "count_per_resident")
    alone_low, alone_high = _extremes(frame, "national_alone")
    without_low, without_high = _extremes(frame, "national_without")
    return GroupDifferences(
        groups=len(frame),
        dominant=Named(frame.at[top, "group"], float(frame.at[top, "share_of_count"])),
        dominant_population_share=float(frame.at[top, "share_of_population"]),
        pro_rata=data.pro_rata, average_rate=data.average_rate,
        lowest_rate=lowest_rate, highest_rate=highest_rate,
        rate_cv=float(rates.std(ddof=1) / rates.mean()),
        alone_low=alone_low, alone_high=alone_high,
        without_low=without_low, without_high=without_high,
        without_below_claim=int((frame["national_without"] < claimed_total).sum()),
        resamples=len(resampled),
        resample_low=float(np.quantile(resampled, 0.05)),
        resample_high=float(np.quantile(resampled, 0.95)),
        resamples_below_claim=float((resampled < claimed_total).mean() * 100),
        resampled=resampled,
    )


def what_the_spread_says(data: SampleUnits, s: GroupDifferences, claimed_total: float) -> str:
    """A neutral paragraph on what a sample of this size can and cannot say."""
    falls = "falls" if s.without_below_claim == 1 else "fall"
    words = data.words
    return (
        f"The sample splits into {s.groups} groups that can be told apart, and they differ "
        f"widely: from {human(s.lowest_rate.value, 2)} {words.counted} per resident "
        f"({s.lowest_rate.name}) to {human(s.highest_rate.value, 2)} ({s.highest_rate.name}), "
        f"about {human(s.rate_ratio, 0)} times as many; the standard deviation of the group "
        f"rates is {human(s.rate_cv, 2)} times their mean. Scaled to {words.whole} on its "
        f"own, each group would give between {human(s.alone_low.value)} and "
        f"{human(s.alone_high.value)} {words.counted}. Leaving one group out gives between "
        f"{human(s.without_low.value)} (without {s.without_low.name}) and "
        f"{human(s.without_high.value)} (without {s.without_high.name}), against "
        f"{human(s.pro_rata)} with every group in; {s.without_below_claim} of these "
        f"{s.groups} totals {falls} below the {human(claimed_total)} the document claims. "
        f"Resampling the groups with replacement (all {s.resamples:,} equally likely "
        f"resamples) puts 90% of the totals between {human(s.resample_low)} and "
        f"{human(s.resample_high)}, and {percent(s.resamples_below_claim, 0)} of them below "
        f"{human(claimed_total)}. With only {s.groups} groups, one of which "
        f"({s.dominant.name}) holds {percent(s.dominant.value, 0)} of the {words.counted}, "
        f"these ranges show how much the result depends on which {words.units} replied; the "
        f"sample cannot support a confident interval, and {data.request.not_replied} of "
        f"{data.request.asked} {words.units} are not in it."
    )


