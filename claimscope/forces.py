"""The five police forces behind "26 million images" — context data, not from the document.

The document scales one small sample (five of 43 forces) to the whole of England and
Wales. The blog post that first made that extrapolation gives enough figures to see how
unevenly the images are spread between the forces, and so how much the national total
depends on which forces happened to reply. Loading checks the figures against each other
and against the catalogue; everything else here is arithmetic on the loaded groups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, NamedTuple

import numpy as np
import pandas as pd
from pydantic import AfterValidator, Field, PlainValidator, model_validator

from claimscope.catalogue import Catalogue
from claimscope.numbers import human, numbers_in, percent
from claimscope.schema import (
    Count,
    DataError,
    FieldProblem,
    Prose,
    Record,
    Text,
    Texts,
    fold,
    read_yaml,
    records_of,
    validate,
)
from claimscope.sources import Cited, Sourced

FORCES_FILE = "forces.yaml"
MAX_RESAMPLED_GROUPS = 7  # the exact bootstrap enumerates n**n resamples

# How a recomputed figure compares with the source's own (rounded) figure.
EXACT = "exact"
ROUNDED = "agrees to the precision given"
CUT_OFF = "agrees only if cut off, not rounded"
DIFFERS = "differs"


class Source(Sourced):
    """The publication the context data comes from, as readers see it cited."""

    author: Text
    title: Text
    published: Text
    medium: Text
    url: Text
    republished: Annotated[Texts, AfterValidator(lambda urls: tuple(fold(u) for u in urls))]
    caveat: Text  # the source's own words on how the sample is skewed
    caveat_note: Text

    def citation(self) -> str:
        return f"{self.author}, “{self.title}”, {self.medium}, {self.published}, {self.url}"


def _some(names: tuple[str, ...]) -> tuple[str, ...]:
    if not names:
        raise ValueError("must list at least one name")
    return names


Names = Annotated[Texts, AfterValidator(_some)]


class Request(Sourced):
    """The information request whose answers are the sample."""

    by: Text
    how: Text
    asked: Count
    asked_whom: Text
    window: Text
    counted: Text
    replied: Names
    population_basis: Text

    @property
    def not_replied(self) -> int:
        return self.asked - len(self.replied)


def _share(value: float) -> float:
    """A share of a population in percent: the national total divides by it."""
    if not 0 < value <= 100:
        raise ValueError(f"must be above 0 and at most 100; got {value:g}")
    return value


class Totals(Sourced):
    """The sample's totals; `share` is percent of England and Wales, which the national
    total divides by."""

    images: Annotated[int, Field(ge=0)]
    population: Count
    share: Annotated[float, AfterValidator(_share),
                     Field(json_schema_extra={"exclusiveMinimum": 0, "maximum": 100})]


class AgreesWith(Record):
    """The catalogue claims the totals must equal (claim ids)."""

    images: Text | None = None
    share: Text | None = None
    forces: Text | None = None


class ForceGroup(Sourced):
    """One or more forces whose figures the source lets us separate from the rest."""

    id: Text
    name: Text
    forces: Names
    images: Count  # at least 1: the spread compares rates by dividing by the lowest
    population: Count
    status: Literal["stated", "derived"]  # by the source, or by us from its figures
    derivation: Prose = ""

    @model_validator(mode="after")
    def _derivation_given(self) -> ForceGroup:
        if self.status == "derived" and not self.derivation:
            raise FieldProblem("derivation",
                               "is required for a derived group: say how it was computed")
        return self


@dataclass(frozen=True)
class Stated:
    """A figure as the source writes it; `resolution` is the step of its last digit."""

    written: str
    value: float
    resolution: float


_DIGITS = re.compile(r"(\d[\d,]*)(?:\.(\d+))?")


def _stated(written: str) -> Stated:
    """Read the one number in the source's words and the precision it is given to."""
    values = numbers_in(written)
    digits = _DIGITS.search(written)
    if len(values) != 1 or digits is None:
        raise ValueError("must hold exactly one number written in digits, as the source "
                         f"writes it; got {written!r:.60}")
    whole, decimals = digits.group(1).replace(",", ""), digits.group(2) or ""
    step = 10.0 ** -len(decimals) if decimals else 10.0 ** (len(whole) - len(whole.rstrip("0")))
    plain = float(f"{whole}.{decimals}" if decimals else whole)
    return Stated(written, values[0], values[0] * step / plain if plain else step)


StatedText = Annotated[Text, AfterValidator(_stated)]


class StatedFigures(Record):
    """What an alternative may state, as text, so the precision given is kept."""

    images: StatedText | None = None
    population: StatedText | None = None
    share: StatedText | None = None  # percent
    national: StatedText | None = None


FIGURES = tuple(StatedFigures.model_fields)


def _figures(value: Any) -> dict[str, Stated]:
    stated = {k: v for k, v in StatedFigures.model_validate(value) if v is not None}
    if not stated:
        raise ValueError(f"must give at least one of {', '.join(FIGURES)}")
    return stated


class Alternative(Sourced):
    """One of the source's own variations on the extrapolation, with its stated figures."""

    id: Text
    label: Text
    excludes: Texts
    stated: Annotated[dict[str, Stated],
                      PlainValidator(_figures, json_schema_input_type=StatedFigures)]
    note: Prose = ""


@dataclass(frozen=True)
class ForcesData:
    source: Source
    request: Request
    totals: Totals
    groups: tuple[ForceGroup, ...]
    alternatives: tuple[Alternative, ...]

    @property
    def images(self) -> int:
        return self.totals.images

    @property
    def population(self) -> int:
        return self.totals.population

    @property
    def share(self) -> float:
        """Percent of England and Wales living in the sampled areas."""
        return self.totals.share

    @property
    def england_wales_population(self) -> float:
        """The sampled population ÷ the stated share, so that 26 M ÷ 7.25 % holds exactly."""
        return self.population / (self.share / 100.0)

    @property
    def average_rate(self) -> float:
        """Images per resident over all the sampled areas together."""
        return self.images / self.population

    @property
    def pro_rata(self) -> float:
        return float(national_from(self.images, self.population, self.england_wales_population))

    def cited(self, file: str) -> list[Cited]:
        """Every citation of the context file, by section or record."""
        sections = [("source", self.source), ("request", self.request),
                    ("totals", self.totals)]
        records = sections + [(r.id, r) for r in (*self.groups, *self.alternatives)]
        return [c for name, record in records for c in record.cited(file, name)]

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """Images and population per group, in file order."""
        return (np.array([g.images for g in self.groups], dtype=float),
                np.array([g.population for g in self.groups], dtype=float))


# --- Loading ---------------------------------------------------------------------------

def _alternative(alternative: Alternative, path: Path, group_ids: set[str]) -> None:
    unknown = [g for g in alternative.excludes if g not in group_ids]
    if unknown:
        raise DataError(path, f"names unknown group(s): {', '.join(unknown)}", alternative.id,
                        "excludes")
    if len(set(alternative.excludes)) >= len(group_ids):
        raise DataError(path, "must leave at least one group in", alternative.id, "excludes")


def _check_totals(path: Path, groups: list[ForceGroup], totals: Totals,
                  replied: tuple[str, ...]) -> None:
    for figure in ("images", "population"):
        added, total = sum(getattr(g, figure) for g in groups), getattr(totals, figure)
        if added != total:
            raise DataError(path, f"the groups add up to {added:,} {figure}, not {total:,}",
                            "totals", figure)
    grouped = [force for g in groups for force in g.forces]
    if sorted(grouped) != sorted(replied):
        raise DataError(path, f"the groups name {', '.join(sorted(grouped))}; the forces that "
                        f"replied are {', '.join(sorted(replied))}", "request", "replied")


def _plain(value: float) -> str:
    """A figure in an error message, exactly as a maintainer would type it."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:g}"


def _check_catalogue(path: Path, agrees: AgreesWith, ours: dict[str, float],
                     catalogue: Catalogue) -> None:
    for figure, claim_id in agrees:
        if claim_id is None:
            continue
        if claim_id not in catalogue.claims:
            raise DataError(path, f"names unknown claim {claim_id!r}", "agrees_with", figure)
        theirs = catalogue.value(claim_id)
        if ours[figure] != theirs:
            raise DataError(path, f"is {_plain(ours[figure])} but claim {claim_id!r} in the "
                            f"catalogue says {_plain(theirs)}", "totals", figure)


def load_forces(path: Path, catalogue: Catalogue) -> ForcesData:
    """Load and cross-check the context file; raises DataError naming file, record, field."""
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise DataError(path, "must be a mapping with source, request, totals and groups")
    if data.get("kind") != "context":
        raise DataError(path, "must be 'context': this file is not from the document",
                        field="kind")
    source, request, totals, agrees = (
        validate(model, path, key, data.get(key)) for model, key in (
            (Source, "source"), (Request, "request"), (Totals, "totals"),
            (AgreesWith, "agrees_with")))
    groups = records_of(path, data, "groups", ForceGroup)
    if len(groups) < 2:
        raise DataError(path, "must list at least two groups to compare", "groups")
    _check_totals(path, groups, totals, request.replied)
    _check_catalogue(path, agrees, {"images": totals.images, "share": totals.share,
                                    "forces": len(request.replied)}, catalogue)
    alternatives = records_of(path, data, "alternatives", Alternative)
    for alternative in alternatives:
        _alternative(alternative, path, {g.id for g in groups})
    return ForcesData(source=source, request=request, totals=totals, groups=tuple(groups),
                      alternatives=tuple(alternatives))

# --- Arithmetic --------------------------------------------------------------------------

def national_from(images: Any, population: Any, ew_population: float) -> Any:
    """Scale a count to England and Wales at the same images-per-resident rate."""
    return np.asarray(images, dtype=float) / np.asarray(population, dtype=float) * ew_population


def leave_one_out(images: np.ndarray, population: np.ndarray,
                  ew_population: float) -> np.ndarray:
    """The national total computed without each group in turn."""
    return national_from(images.sum() - images, population.sum() - population, ew_population)


def exact_bootstrap(images: np.ndarray, population: np.ndarray,
                    ew_population: float) -> np.ndarray:
    """National totals for all n**n equally likely resamples of the n groups.

    Resampling whole groups with replacement and pooling their images and people weights
    each group by its population. With so few groups every resample can be listed, so no
    random numbers are needed.
    """
    n = len(images)
    if n > MAX_RESAMPLED_GROUPS:
        raise ValueError(f"{n} groups is too many to list every resample")
    picks = np.indices((n,) * n).reshape(n, -1).T
    return national_from(images[picks].sum(axis=1), population[picks].sum(axis=1), ew_population)


def group_frame(data: ForcesData) -> pd.DataFrame:
    """One row per group: its figures, its shares of the sample and what it implies."""
    images, population = data.arrays()
    ew = data.england_wales_population
    return pd.DataFrame({
        "id": [g.id for g in data.groups],
        "group": [g.name for g in data.groups],
        "forces": [", ".join(g.forces) for g in data.groups],
        "status": [g.status for g in data.groups],
        "images": images.astype(int),
        "population": population.astype(int),
        "share_of_images": images / images.sum() * 100,
        "share_of_population": population / population.sum() * 100,
        "images_per_resident": images / population,
        "national_alone": national_from(images, population, ew),
        "national_without": leave_one_out(images, population, ew),
        "derivation": [g.derivation for g in data.groups],
        "images_as_known": [count_as_known(g.images, g.status) for g in data.groups],
    })


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
    dominant: Named  # the group with the largest share of the images (percent)
    dominant_population_share: float  # that group's share of the sampled people, percent
    pro_rata: float
    average_rate: float  # images per resident over all sampled areas
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

    @property
    def rate_ratio(self) -> float:
        return self.highest_rate.value / self.lowest_rate.value


def _extremes(frame: pd.DataFrame, column: str) -> tuple[Named, Named]:
    low, high = frame[column].idxmin(), frame[column].idxmax()
    return (Named(frame.at[low, "group"], float(frame.at[low, column])),
            Named(frame.at[high, "group"], float(frame.at[high, column])))


def spread(data: ForcesData, claimed_total: float) -> GroupDifferences:
    """Single-group, leave-one-out and resampled national totals, side by side."""
    frame = group_frame(data)
    images, population = data.arrays()
    rates = frame["images_per_resident"]
    resampled = exact_bootstrap(images, population, data.england_wales_population)
    top = frame["share_of_images"].idxmax()
    lowest_rate, highest_rate = _extremes(frame, "images_per_resident")
    alone_low, alone_high = _extremes(frame, "national_alone")
    without_low, without_high = _extremes(frame, "national_without")
    return GroupDifferences(
        groups=len(frame),
        dominant=Named(frame.at[top, "group"], float(frame.at[top, "share_of_images"])),
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
    )


def what_the_spread_says(data: ForcesData, s: GroupDifferences, claimed_total: float) -> str:
    """A neutral paragraph on what a sample of this size can and cannot say."""
    falls = "falls" if s.without_below_claim == 1 else "fall"
    return (
        f"The sample splits into {s.groups} groups that can be told apart, and they differ "
        f"widely: from {human(s.lowest_rate.value, 2)} images per resident "
        f"({s.lowest_rate.name}) to {human(s.highest_rate.value, 2)} ({s.highest_rate.name}), "
        f"about {human(s.rate_ratio, 0)} times as many; the standard deviation of the group "
        f"rates is {human(s.rate_cv, 2)} times their mean. Scaled to England and Wales on its "
        f"own, each group would give between {human(s.alone_low.value)} and "
        f"{human(s.alone_high.value)} images. Leaving one group out gives between "
        f"{human(s.without_low.value)} (without {s.without_low.name}) and "
        f"{human(s.without_high.value)} (without {s.without_high.name}), against "
        f"{human(s.pro_rata)} with every group in; {s.without_below_claim} of these "
        f"{s.groups} totals {falls} below the {human(claimed_total)} the document claims. "
        f"Resampling the groups with replacement (all {s.resamples:,} equally likely "
        f"resamples) puts 90% of the totals between {human(s.resample_low)} and "
        f"{human(s.resample_high)}, and {percent(s.resamples_below_claim, 0)} of them below "
        f"{human(claimed_total)}. With only {s.groups} groups, one of which "
        f"({s.dominant.name}) holds {percent(s.dominant.value, 0)} of the images, these "
        f"ranges show how much the result depends on which forces replied; the sample "
        f"cannot support a confident interval, and {data.request.not_replied} of "
        f"{data.request.asked} forces are not in it."
    )


# --- The source's own alternatives -------------------------------------------------------

@dataclass(frozen=True)
class Recomputed:
    """An alternative recomputed from the groups."""

    alternative: Alternative
    images: int
    population: int
    share: float  # percent, unrounded
    national: float  # with the unrounded share
    national_as_source: float  # dividing by the share as the source rounds it, if it gives one

    def value(self, figure: str) -> float:
        return {"images": self.images, "population": self.population, "share": self.share,
                "national": self.national_as_source}[figure]


def recompute(data: ForcesData, alternative: Alternative) -> Recomputed:
    kept = [g for g in data.groups if g.id not in alternative.excludes]
    images = sum(g.images for g in kept)
    population = sum(g.population for g in kept)
    share = population / data.england_wales_population * 100
    national = national_from(images, population, data.england_wales_population).item()
    stated_share = alternative.stated.get("share")
    as_source = images / (stated_share.value / 100) if stated_share else national
    return Recomputed(alternative, images, population, share, national, as_source)


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


def alternatives_frame(data: ForcesData) -> pd.DataFrame:
    """One row per alternative: what is left in and the national total it implies."""
    rows = []
    for alternative in data.alternatives:
        r = recompute(data, alternative)
        rows.append({"alternative": alternative.label, "images": r.images,
                     "population": r.population, "share": r.share,
                     "national_as_source": r.national_as_source, "national": r.national})
    return pd.DataFrame(rows)


def comparison_frame(data: ForcesData) -> pd.DataFrame:
    """Every figure the source states for its alternatives beside our recomputation."""
    rows = []
    for alternative in data.alternatives:
        r = recompute(data, alternative)
        for figure, stated in alternative.stated.items():
            rows.append({"alternative": alternative.label, "figure": figure,
                         "source_wrote": stated.written, "source_value": stated.value,
                         "recomputed": r.value(figure),
                         "verdict": agreement(stated, r.value(figure))})
    return pd.DataFrame(rows)
