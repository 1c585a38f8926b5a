"""The claims catalogue: every number the document states, with its verbatim words.

Loading checks the schema; `provenance_problems` checks each quote against the shipped
text (README, "Adding a document"). Problems are returned, not raised, so the app can show them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Annotated, Any

import pandas as pd
from pydantic import BeforeValidator

from claimscope.files.document import Document
from claimscope.files.folder import DataFile
from claimscope.files.schema import Prose, Record, Text, load_records
from claimscope.files.vocabulary import (
    CategoryName,
    ClaimKind,
    UnitName,
    Vocabulary,
    built_in_vocabulary,
    load_vocabulary,
)
from claimscope.finder import find_mentions
from claimscope.text.numbers import display, numbers_in
from claimscope.text.spaces import places


def _year_as_text(value: Any) -> Any:
    """A date or period may be written as a bare year (2018); it is kept as text."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


WhenText = Annotated[Text, BeforeValidator(_year_as_text, json_schema_input_type=str | int)]


class Claim(Record):
    """One quantitative claim. `mention` is the number as written inside `quote`. Its unit
    is free text ('members'), written by its format where the vocabulary declares it; its
    category must be one of the vocabulary's."""

    id: Text
    value: float
    unit: UnitName
    kind: ClaimKind
    category: CategoryName
    who: Prose
    when: WhenText
    mention: Text
    quote: Text
    section: Text  # one of the document's sections (document.yaml)
    note: Prose = ""
    date: WhenText | None = None  # ISO year-month (or year) for the timeline, where dated


def claim_text(claim: Claim) -> str:
    """A claim's value as a person would write it: '26 million', '7.25%', '2030'."""
    return display(claim.value, claim.unit)


@dataclass(frozen=True)
class Catalogue:
    claims: dict[str, Claim]
    # the document's categories, kinds and units: their order and the labels readers see
    vocabulary: Vocabulary = field(default_factory=built_in_vocabulary)

    def __getitem__(self, claim_id: str) -> Claim:
        return self.claims[claim_id]

    def value(self, claim_id: str) -> float:
        return self.claims[claim_id].value

    def frame(self) -> pd.DataFrame:
        """One row per claim, in catalogue order, for tables and downloads."""
        return pd.DataFrame([c.model_dump() for c in self.claims.values()])


def load_catalogue(path: DataFile, vocabulary: Vocabulary | None = None) -> Catalogue:
    """The claims file, checked against `vocabulary` (by default, that of its folder)."""
    vocabulary = vocabulary or load_vocabulary(path.parent)
    claims = load_records(path, "claims", Claim, context={"vocabulary": vocabulary})
    return Catalogue({c.id: c for c in claims}, vocabulary)


def legible(value: float, mention: str) -> bool:
    """Whether `value` can be read in the words of `mention`: as one of its plain numbers
    ('26 million', 'five'), or as the mention finder reads the whole ('£1.2bn' is 1.2e9,
    'a third' 1/3, 'one in five' 0.2, 'doubled' 2)."""
    if value in numbers_in(mention):
        return True
    return any(found.value is not None and math.isclose(found.value, value, rel_tol=1e-9)
               for found in find_mentions(mention))


def provenance_problems(catalogue: Catalogue, document: Document) -> list[str]:
    """Every way a claim fails to trace to the document's own words (empty when all do)."""
    problems = []
    text = document.text
    for claim in catalogue.claims.values():
        found = places(text, claim.quote)
        if not found:
            problems.append(f"{claim.id}: the quote does not occur verbatim in the document")
            continue
        where = found[0][0]
        if len(found) > 1:
            problems.append(f"{claim.id}: the quote occurs more than once; lengthen it")
        if not places(claim.quote, claim.mention):
            problems.append(f"{claim.id}: '{claim.mention}' is not inside the quote")
        elif not legible(claim.value, claim.mention):
            problems.append(
                f"{claim.id}: the value {claim.value:g} cannot be read in '{claim.mention}'")
        section = document.section_at(where)
        if section != claim.section:
            problems.append(f"{claim.id}: the quote is in {section}, not {claim.section}")
    return problems


_DATE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2}))?")


def claim_date(text: str | None) -> tuple[pd.Timestamp, str] | None:
    """A catalogue date ('2014-10' or '2016') as a point in time and its precision.

    Year-only dates sit at mid-year so they do not look more precise than they are.
    None when the text is not one of those two forms.
    """
    match = _DATE.fullmatch(str(text or "").strip())
    if not match:
        return None
    year, month = int(match["year"]), match["month"]
    if year == 0:  # no calendar has a year 0
        return None
    if month is None:
        return pd.Timestamp(year=year, month=7, day=1), "year"
    if not 1 <= int(month) <= 12:
        return None
    return pd.Timestamp(year=year, month=int(month), day=1), "month"
