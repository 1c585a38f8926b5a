"""The membership and commitments a document describes, and what their numbers imply.

Members across countries bound how members are spread (a pigeonhole argument); the
targets named in two parts of the document are compared; the deadline arithmetic and a
timeline of dated commitments are read from the catalogue. Which claims play each part is
the document's `pages.yaml` (its `membership` block).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from claimscope.files.catalogue import Catalogue, Claim, claim_date
from claimscope.files.page_config import MembershipPage, slug


@dataclass(frozen=True)
class MembersPerCountry:
    """What `members` organisations in `countries` countries (each with one or more) imply."""

    members: int
    countries: int

    def __post_init__(self) -> None:
        if self.countries < 1:
            raise ValueError("there must be at least one country")
        if self.members < self.countries:
            raise ValueError("every country has a member, so members >= countries")

    @property
    def extra(self) -> int:
        """Members beyond the first in each country."""
        return self.members - self.countries

    @property
    def fewest_shared(self) -> int:
        """Fewest countries with more than one member: all extras in one country."""
        return min(self.extra, 1)

    @property
    def most_shared(self) -> int:
        """Most countries with more than one member: one extra member each."""
        return min(self.extra, self.countries)

    @property
    def most_in_one(self) -> int:
        """The largest number of members any single country can have."""
        return self.extra + 1

    @property
    def average(self) -> float:
        return self.members / self.countries

    def concentrated(self) -> list[int]:
        """Members per country when the extras share as few countries as possible."""
        return [self.most_in_one] + [1] * (self.countries - 1)

    def spread_out(self) -> list[int]:
        """Members per country when the extras share as many countries as possible."""
        base, left = divmod(self.members, self.countries)
        return [base + 1] * left + [base] * (self.countries - left)


def members_spread(catalogue: Catalogue, page: MembershipPage) -> MembersPerCountry:
    return MembersPerCountry(int(catalogue.value(page.members)),
                             int(catalogue.value(page.countries)))


def target_label(claim: Claim) -> str:
    """A target's number as written: 16.2, 5.3."""
    return f"{claim.value:g}"


def target_columns(page: MembershipPage) -> tuple[str, str, str]:
    """The targets table's columns named after the two places: 'named_in_part_two',
    'quoted_in_part_three', 'part_three_text'."""
    named, quoted = slug(page.named.label), slug(page.quoted.label)
    return f"named_in_{named}", f"quoted_in_{quoted}", f"{quoted}_text"


def targets_frame(catalogue: Catalogue, page: MembershipPage) -> pd.DataFrame:
    """Each target the document names, and where: the `named` list, the `quoted` one."""
    named = {target_label(catalogue[i]): catalogue[i] for i in page.named.claims}
    quoted = {target_label(catalogue[i]): catalogue[i] for i in page.quoted.claims}
    order = list(dict.fromkeys([*named, *quoted]))
    order.sort(key=lambda label: [int(part) for part in label.split(".")])
    in_named, in_quoted, text = target_columns(page)
    return pd.DataFrame([{
        "target": label,
        in_named: label in named,
        in_quoted: label in quoted,
        "claim_ids": ", ".join(c.id for c in (named.get(label), quoted.get(label)) if c),
        text: quoted[label].quote if label in quoted else "",
    } for label in order])


def stated_and_quoted_targets(catalogue: Catalogue, page: MembershipPage) -> tuple[int, int]:
    """How many targets the document says it quotes ("three targets"), and how many it
    does."""
    return int(catalogue.value(page.targets_count)), len(page.quoted.claims)


def target_overlap(targets: pd.DataFrame, page: MembershipPage
                   ) -> tuple[list[str], list[str], list[str]]:
    """Targets in both lists, only in the `named` list, and only among the `quoted`."""
    in_named, in_quoted, _ = target_columns(page)
    two, three = targets[in_named], targets[in_quoted]
    return (list(targets.loc[two & three, "target"]), list(targets.loc[two & ~three, "target"]),
            list(targets.loc[~two & three, "target"]))


@dataclass(frozen=True)
class Deadline:
    """'A hard deadline of 14 years … 2030 is the deadline', read against other dates."""

    deadline: int
    years: int
    start: int
    document_year: int

    @property
    def counted_from(self) -> int:
        """The year the 14 years must start from to end at the deadline."""
        return self.deadline - self.years

    @property
    def matches_start(self) -> bool:
        return self.counted_from == self.start

    @property
    def left_at_document(self) -> int:
        """Years from the document's own date to the deadline."""
        return self.deadline - self.document_year


def deadline(catalogue: Catalogue, page: MembershipPage, document_year: int) -> Deadline:
    d = page.deadline
    return Deadline(int(catalogue.value(d.year)), int(catalogue.value(d.years)),
                    int(catalogue.value(d.start)), document_year)


def event_date(claim: Claim) -> pd.Timestamp:
    """When a dated claim happens, as the Overview's timeline places it (year-only: mid-year)."""
    placed = claim_date(claim.date or f"{claim.value:.0f}")
    if placed is None:
        raise ValueError(f"{claim.id}: {claim.date!r} is not a date")
    return placed[0]


def timeline(catalogue: Catalogue, page: MembershipPage) -> pd.DataFrame:
    """The dated commitments, in time order, each with its words and kind."""
    rows = []
    for item in page.timeline:
        claim = catalogue[item.claim]
        rows.append({"claim_id": claim.id, "event": item.event, "date": event_date(claim),
                     "when": claim.when, "kind": claim.kind, "quote": claim.quote})
    return pd.DataFrame(rows).sort_values("date", kind="stable", ignore_index=True)
