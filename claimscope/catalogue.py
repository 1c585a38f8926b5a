"""The claims catalogue: every number the document states, with its verbatim words.

Loading checks the schema; `provenance_problems` checks each quote against the shipped
text (DESIGN §3.1). Problems are returned, not raised, so the app can show them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from claimscope.document import SECTIONS, Document
from claimscope.numbers import numbers_in
from claimscope.schema import Field, load_records, one_of

KINDS = ("reported", "derived", "target", "date")
CATEGORIES = ("seizures", "population", "extrapolation", "offenders", "network",
              "commitments", "timeline")

_FIELDS = [
    Field("id", str), Field("value", (int, float)), Field("unit", str),
    Field("kind", str, check=one_of(*KINDS)), Field("category", str, check=one_of(*CATEGORIES)),
    Field("who", str), Field("when", (str, int)), Field("mention", str), Field("quote", str),
    Field("section", str, check=one_of(*SECTIONS)), Field("note", str, required=False),
    Field("date", (str, int), required=False),
]


@dataclass(frozen=True)
class Claim:
    """One quantitative claim. `mention` is the number as written inside `quote`."""

    id: str
    value: float
    unit: str
    kind: str
    category: str
    who: str
    when: str
    mention: str
    quote: str
    section: str
    note: str = ""
    date: str | None = None  # ISO year-month (or year) for the timeline, where dated


@dataclass(frozen=True)
class Catalogue:
    claims: dict[str, Claim]

    def __getitem__(self, claim_id: str) -> Claim:
        return self.claims[claim_id]

    def value(self, claim_id: str) -> float:
        return self.claims[claim_id].value

    def frame(self) -> pd.DataFrame:
        """One row per claim, in catalogue order, for tables and downloads."""
        return pd.DataFrame([c.__dict__ for c in self.claims.values()])


def load_catalogue(path: Path) -> Catalogue:
    records = load_records(path, "claims", _FIELDS)
    claims = {
        r["id"]: Claim(
            id=r["id"], value=float(r["value"]), unit=r["unit"], kind=r["kind"],
            category=r["category"], who=" ".join(r["who"].split()), when=str(r["when"]),
            mention=r["mention"], quote=r["quote"], section=r["section"],
            note=" ".join(str(r.get("note") or "").split()),
            date=str(r["date"]) if r.get("date") is not None else None,
        )
        for r in records
    }
    return Catalogue(claims)


def provenance_problems(catalogue: Catalogue, document: Document) -> list[str]:
    """Every way a claim fails to trace to the document's own words (empty when all do)."""
    problems = []
    text = document.text
    for claim in catalogue.claims.values():
        where = text.find(claim.quote)
        if where < 0:
            problems.append(f"{claim.id}: the quote does not occur verbatim in the document")
            continue
        if text.find(claim.quote, where + 1) >= 0:
            problems.append(f"{claim.id}: the quote occurs more than once; lengthen it")
        if claim.mention not in claim.quote:
            problems.append(f"{claim.id}: '{claim.mention}' is not inside the quote")
        elif claim.value not in numbers_in(claim.mention):
            problems.append(
                f"{claim.id}: the value {claim.value:g} cannot be read in '{claim.mention}'")
        section = document.section_at(where)
        if section != claim.section:
            problems.append(f"{claim.id}: the quote is in {section}, not {claim.section}")
    return problems
