"""The sample of units behind a headline figure — context data, not from the document.

A document may scale one small sample (a few units of many, each with a count and a
population) to a whole by the sample's share of its population. A source outside the
document that gives the units' own figures shows how unevenly the count is spread between
them, and so how much the total depends on which units happened to be in the sample.
Loading checks the figures against each other and against the catalogue; everything else
here is arithmetic on the loaded groups. The nouns (`UnitWords`) are the document's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal, NamedTuple

import numpy as np
import pandas as pd
from pydantic import AfterValidator, Field, PlainValidator, model_validator

from claimscope.files.catalogue import Catalogue
from claimscope.files.folder import DataFile
from claimscope.files.page_config import UnitWords, slug
from claimscope.files.schema import (
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
from claimscope.files.sources import Cited, Sourced
from claimscope.text.numbers import human, numbers_in, percent

SAMPLE_UNITS_FILE = "sample_units.yaml"
MAX_RESAMPLED_GROUPS = 7  # the exact bootstrap enumerates n**n resamples
NEUTRAL_WORDS = UnitWords()  # for a sample whose document names its units in no words

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
    """The sample's totals; `share` is percent of the whole's population, which the
    scaled total divides by."""

    count: Annotated[int, Field(ge=0)]
    population: Count
    share: Annotated[float, AfterValidator(_share),
                     Field(json_schema_extra={"exclusiveMinimum": 0, "maximum": 100})]


class AgreesWith(Record):
    """The catalogue claims the totals must equal (claim ids)."""

    count: Text | None = None
    share: Text | None = None
    units: Text | None = None  # the number of units in the sample


class UnitGroup(Sourced):
    """One or more units whose figures the source lets us separate from the rest."""

    id: Text
    name: Text
    units: Names
    count: Count  # at least 1: the spread compares rates by dividing by the lowest
    population: Count
    status: Literal["stated", "derived"]  # by the source, or by us from its figures
    derivation: Prose = ""

    @model_validator(mode="after")
    def _derivation_given(self) -> UnitGroup:
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

    count: StatedText | None = None
    population: StatedText | None = None
    share: StatedText | None = None  # percent
    national: StatedText | None = None


FIGURES = tuple(StatedFigures.model_fields)


def _figures(value: Any) -> dict[str, Stated]:
    stated = {k: v for k, v in StatedFigures.model_validate(value) if v is not None}
    if not stated:
        raise ValueError(f"must give at least one of {', '.join(FIGURES)}")
    return stated


class ModelInputs(Record):
    """The model inputs an alternative's stated figures set, by figure (`from_alternative`
    in scenarios.yaml): e.g. `count: counted`, `share: share`."""

    count: Text | None = None
    population: Text | None = None
    share: Text | None = None
    national: Text | None = None


class Alternative(Sourced):
    """One of the source's own variations on the extrapolation, with its stated figures."""

    id: Text
    label: Text
    excludes: Texts
    stated: Annotated[dict[str, Stated],
                      PlainValidator(_figures, json_schema_input_type=StatedFigures)]
    note: Prose = ""


@dataclass(frozen=True)
class SampleUnits:
    """The loaded sample, with the words its document speaks of it in."""

    source: Source
    request: Request
    totals: Totals
    groups: tuple[UnitGroup, ...]
    alternatives: tuple[Alternative, ...]
    words: UnitWords = NEUTRAL_WORDS
    model_inputs: dict[str, str] = field(default_factory=dict)  # figure -> input it sets

    @property
    def count(self) -> int:
        return self.totals.count

    @property
    def population(self) -> int:
        return self.totals.population

    @property
    def share(self) -> float:
        """Percent of the whole's population living in the sampled areas."""
        return self.totals.share

    @property
    def whole_population(self) -> float:
        """The sampled population ÷ the stated share, so that count ÷ share holds exactly."""
        return self.population / (self.share / 100.0)

    @property
    def average_rate(self) -> float:
        """Count per resident over all the sampled areas together."""
        return self.count / self.population

    @property
    def pro_rata(self) -> float:
        return float(national_from(self.count, self.population, self.whole_population))

    @property
    def units_sampled(self) -> int:
        """Units in the sample (groups the source does not separate hold several)."""
        return sum(len(g.units) for g in self.groups)

    def figure_word(self, figure: str) -> str:
        """A field or figure as readers know it: `count` is the document's counted noun."""
        return {"count": self.words.counted, "units": self.words.units}.get(figure, figure)

    def cited(self, file: str) -> list[Cited]:
        """Every citation of the context file, by section or record, fields in the
        document's words (`count` as its counted noun, e.g. incidents)."""
        sections = [("source", self.source), ("request", self.request),
                    ("totals", self.totals)]
        records = sections + [(r.id, r) for r in (*self.groups, *self.alternatives)]
        return [c._replace(field=c.field and self.figure_word(c.field))
                for name, record in records for c in record.cited(file, name)]

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """Count and population per group, in file order."""
        return (np.array([g.count for g in self.groups], dtype=float),
                np.array([g.population for g in self.groups], dtype=float))


# --- Loading ---------------------------------------------------------------------------

def _alternative(alternative: Alternative, path: Path, group_ids: set[str]) -> None:
    unknown = [g for g in alternative.excludes if g not in group_ids]
    if unknown:
        raise DataError(path, f"names unknown group(s): {', '.join(unknown)}", alternative.id,
                        "excludes")
    if len(set(alternative.excludes)) >= len(group_ids):
        raise DataError(path, "must leave at least one group in", alternative.id, "excludes")


def _check_totals(path: Path, groups: list[UnitGroup], totals: Totals,
                  replied: tuple[str, ...], words: UnitWords) -> None:
    for figure, noun in (("count", words.counted), ("population", "population")):
        added, total = sum(getattr(g, figure) for g in groups), getattr(totals, figure)
        if added != total:
            raise DataError(path, f"the groups add up to {added:,} {noun}, not {total:,}",
                            "totals", figure)
    grouped = [unit for g in groups for unit in g.units]
    if sorted(grouped) != sorted(replied):
        raise DataError(path, f"the groups name {', '.join(sorted(grouped))}; the "
                        f"{words.units} that replied are {', '.join(sorted(replied))}",
                        "request", "replied")


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


def load_sample_units(path: DataFile, catalogue: Catalogue,
                      words: UnitWords = NEUTRAL_WORDS) -> SampleUnits:
    """Load and cross-check the context file; raises DataError naming file, record, field.
    `words` (pages.yaml) name the units and what they count in messages and on screen."""
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
    feeds = validate(ModelInputs, path, "model_inputs", data.get("model_inputs", {}))
    groups = records_of(path, data, "groups", UnitGroup)
    if len(groups) < 2:
        raise DataError(path, "must list at least two groups to compare", "groups")
    _check_totals(path, groups, totals, request.replied, words)
    _check_catalogue(path, agrees, {"count": totals.count, "share": totals.share,
                                    "units": len(request.replied)}, catalogue)
    alternatives = records_of(path, data, "alternatives", Alternative)
    for alternative in alternatives:
        _alternative(alternative, path, {g.id for g in groups})
    return SampleUnits(source=source, request=request, totals=totals, groups=tuple(groups),
                       alternatives=tuple(alternatives), words=words,
                       model_inputs={k: v for k, v in feeds if v is not None})

# --- Arithmetic --------------------------------------------------------------------------

def national_from(count: Any, population: Any, whole_population: float) -> Any:
    """Scale a count to the whole at the same count-per-resident rate."""
    return (np.asarray(count, dtype=float) / np.asarray(population, dtype=float)
            * whole_population)


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


# --- The source's own alternatives -------------------------------------------------------

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
