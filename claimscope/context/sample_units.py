"""The sample of units behind a headline figure — context data, not from the document.

A document may scale one small sample (a few units of many, each with a count and a
population) to a whole by the sample's share of its population. A source outside the
document that gives the units' own figures shows how unevenly the count is spread between
them, and so how much the total depends on which units happened to be in the sample.
Here: its records and their loading, which checks the figures against each other and
against the catalogue. The arithmetic on the loaded groups is in `sample_arithmetic`, the
source's own alternative figures recomputed in `sample_alternatives`. The nouns
(`UnitWords`) are the document's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

import numpy as np
from pydantic import AfterValidator, Field, PlainValidator, model_validator

from claimscope.files.catalogue import Catalogue
from claimscope.files.folder import DataFile
from claimscope.files.page_config import UnitWords
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
from claimscope.text.numbers import numbers_in

SAMPLE_UNITS_FILE = "sample_units.yaml"
NEUTRAL_WORDS = UnitWords()  # for a sample whose document names its units in no words

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


def national_from(count: Any, population: Any, whole_population: float) -> Any:
    """Scale a count to the whole at the same count-per-resident rate."""
    return (np.asarray(count, dtype=float) / np.asarray(population, dtype=float)
            * whole_population)
