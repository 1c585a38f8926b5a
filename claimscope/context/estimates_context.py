"""Other published estimates of the quantity a document estimates, over time — context
data, not from the document (README, "Data and credits").

A document may quote two estimates as if they measured one quantity at two dates. Set
beside every other published estimate, each labelled with what it counted, a reader sees
whether the two measure the same thing before reading growth into them. Loading checks
every record against its model, every measure and claim named against the file and the
catalogue; everything else here is arithmetic on the loaded records. Beside the estimates,
`related_counts` are counts reported per period (what they count is the document's word,
its pages.yaml), showing how the estimates compare with what is counted directly.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Annotated, Literal

import pandas as pd
from pydantic import Field, model_validator

from claimscope.files.catalogue import Catalogue
from claimscope.files.folder import DataFile
from claimscope.files.page_config import slug
from claimscope.files.schema import (
    Count,
    DataError,
    FieldProblem,
    Prose,
    Record,
    Text,
    matching,
    read_yaml,
    records_of,
    validate,
)
from claimscope.files.sources import Cited, Sourced
from claimscope.text.numbers import human, percent

ESTIMATES_CONTEXT_FILE = "estimates_context.yaml"
YearMonth = matching(r"\d{4}(-(0[1-9]|1[0-2]))?",
                     "a year or year-month in quotes (YYYY or YYYY-MM)")
Positive = Annotated[float, Field(gt=0)]


def decimal_year(date: str) -> float:
    """A YYYY or YYYY-MM date as a point on a time axis: the middle of its year or month,
    so that a year-only date is not drawn as if it were January."""
    year, _, month = date.partition("-")
    return int(year) + ((int(month) - 0.5) / 12 if month else 0.5)


class Measure(Record):
    """What an estimate counted, in words; each measure gets its own marker shape."""

    id: Text
    short: Text  # beside each point on the chart
    label: Prose


class DocumentFigure(Sourced):
    """One of the document's own estimates, and what the sources say it counted."""

    claim: Text
    measured: Text


class Estimate(Sourced):
    """One published estimate: a `figure`, a `low`–`high` range, or both (a headline
    number and the range it comes from)."""

    id: Text
    date: YearMonth
    who: Prose
    figure: Positive | None = None
    low: Positive | None = None
    high: Positive | None = None
    wording: Prose  # the source's exact words
    measured: Text
    note: Prose | None = None

    @model_validator(mode="after")
    def _a_figure_or_a_range(self) -> Estimate:
        if (self.low is None) != (self.high is None):
            raise FieldProblem("low" if self.low is None else "high",
                               "is missing: a range needs both low and high")
        if self.figure is None and self.low is None:
            raise FieldProblem("figure", "is missing: give a figure, or low and high")
        if self.low is not None and self.high is not None:
            if not self.low < self.high:
                raise FieldProblem("low", "must be smaller than high")
            if self.figure is not None and not self.low <= self.figure <= self.high:
                raise FieldProblem("figure", "must lie between low and high")
        return self

    @property
    def plotted(self) -> float:
        """Where the marker sits: the figure, or a range's geometric middle (its centre on
        the log axis the estimates are drawn on)."""
        if self.figure is not None:
            return self.figure
        return math.sqrt(self.low * self.high)  # type: ignore[operator]


class RelatedCount(Sourced):
    """A count reported over `months` months, beside the estimates: how many of the
    estimated are reached by what is counted directly."""

    id: Text
    date: YearMonth
    who: Prose
    count: Count
    months: Count
    wording: Prose
    counted: Prose

    @property
    def per_month(self) -> float:
        return self.count / self.months


class _Kind(Record):
    kind: Literal["context"]


@dataclass(frozen=True)
class EstimatesContext:
    """The loaded file: measures by id, the document's figures, estimates, related counts."""

    measures: dict[str, Measure]
    document: tuple[DocumentFigure, ...]
    estimates: tuple[Estimate, ...]
    related_counts: tuple[RelatedCount, ...]

    def cited(self, file: str) -> list[Cited]:
        """Every citation of the file, by record (a document figure by its claim id)."""
        records = ([(d.claim, d) for d in self.document]
                   + [(r.id, r) for r in (*self.estimates, *self.related_counts)])
        return [c for name, record in records for c in record.cited(file, name)]


def load_estimates_context(path: DataFile, catalogue: Catalogue) -> EstimatesContext:
    """Read and check the context file; raises DataError naming file, record and field."""
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise DataError(path, "must be a mapping with kind, measures, document, estimates "
                        "and related_counts")
    validate(_Kind, path, None, {"kind": data.get("kind")})
    measures = {m.id: m for m in records_of(path, data, "measures", Measure)}
    document = records_of(path, data, "document", DocumentFigure, id_field="claim")
    estimates = records_of(path, data, "estimates", Estimate)
    related = records_of(path, data, "related_counts", RelatedCount)
    for figure in document:
        claim = catalogue.claims.get(figure.claim)
        if claim is None:
            raise DataError(path, f"names unknown claim {figure.claim!r}", figure.claim,
                            "claim")
        if not claim.date:
            raise DataError(path, f"claim {figure.claim!r} has no date to place it by",
                            figure.claim, "claim")
    for row, measured in [(d.claim, d.measured) for d in document] + \
            [(e.id, e.measured) for e in estimates]:
        if measured not in measures:
            raise DataError(path, f"names unknown measure {measured!r} (not under "
                            "'measures')", row, "measured")
    return EstimatesContext(measures, tuple(document), tuple(estimates), tuple(related))


# ---- Frames: what the chart and tables show ------------------------------------------------

def estimates_frame(context: EstimatesContext, catalogue: Catalogue) -> pd.DataFrame:
    """One row per estimate, the document's own figures included (`source` says which),
    in date order: where it is plotted, its range, what it measured and its words."""
    rows = [{
        "source": "document", "id": figure.claim, "date": str(claim.date),
        "who": claim.who, "figure": claim.value, "low": math.nan, "high": math.nan,
        "plotted": claim.value, "wording": claim.mention, "quote": claim.quote,
        "measured": figure.measured, "sources": _ids(figure),
    } for figure in context.document for claim in (catalogue[figure.claim],)]
    rows += [{
        "source": "published", "id": e.id, "date": e.date, "who": e.who,
        "figure": math.nan if e.figure is None else e.figure,
        "low": math.nan if e.low is None else e.low,
        "high": math.nan if e.high is None else e.high,
        "plotted": e.plotted, "wording": e.wording, "quote": e.wording,
        "measured": e.measured, "sources": _ids(e),
    } for e in context.estimates]
    frame = pd.DataFrame(rows)
    frame["year"] = frame["date"].map(decimal_year)
    frame["measure"] = frame["measured"].map(lambda m: context.measures[m].label)
    frame["measure_short"] = frame["measured"].map(lambda m: context.measures[m].short)
    return frame.sort_values(["year", "source"], kind="stable", ignore_index=True)


def _ids(record: Sourced) -> str:
    return ", ".join(c.source for c in record.sources)


def related_counts_frame(context: EstimatesContext, noun: str) -> pd.DataFrame:
    """One row per reported rate: a month's count and what it counted; the columns named
    by the counts' `noun` ('visits' -> 'visits_a_month')."""
    name = slug(noun)
    return pd.DataFrame([{
        "date": a.date, "who": a.who, f"{name}_a_month": a.per_month,
        f"{name}_a_year": a.per_month * 12, "counted": a.counted, "wording": a.wording,
        "sources": _ids(a),
    } for a in context.related_counts])


def coverage_words(context: EstimatesContext, catalogue: Catalogue, noun: str,
                   caution: str) -> str:
    """What share of the document's figures a year's related counts would be, at the
    lowest and highest reported rate — to show the range such a share spans, not to state
    one. `noun`: what the counts count, in the plural; `caution`: the closing sentence."""
    yearly = [a.per_month * 12 for a in context.related_counts]
    low, high = min(yearly), max(yearly)
    shares = "; ".join(
        f"{percent(low / claim.value * 100, 1)} to {percent(high / claim.value * 100, 1)} "
        f"of “{claim.mention}”"
        for claim in (catalogue[figure.claim] for figure in context.document))
    return (f"The reported rates come to {human(low)} to {human(high)} {noun} a year, each "
            f"counting different {noun}: {shares}. {caution}")
