"""The network and commitments the document describes, and what their numbers imply.

Members across countries bound how members are spread (a pigeonhole argument); the SDG
targets named in two parts of the document are compared; the deadline arithmetic and a
timeline of dated commitments are read from the catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from claimscope.catalogue import Catalogue, Claim, claim_date

MEMBERS = "ecpat-members"
COUNTRIES = "ecpat-countries"
PART_TWO_TARGETS = ("sdg-16-2", "sdg-5-3", "sdg-8-7")
PART_THREE_TARGETS = ("sdg-target-5-2", "sdg-target-8-7", "sdg-target-16-2")
TARGETS_COUNT = "sdg-targets-count"
DEADLINE_YEARS = "deadline-years"
DEADLINE = "sdg-deadline"
CAMPAIGN_LAUNCH = "campaign-launch"

# The dated commitments on the timeline, in order, with what each marks.
TIMELINE_EVENTS = (
    ("online-programme", "ECPAT's global programme on online exploitation established"),
    ("sdgs-adopted", "Sustainable Development Goals adopted"),
    ("luxembourg-completed", "Luxembourg Guidelines completed"),
    ("campaign-launch", "Global Campaign to end sexual exploitation of children launches"),
    ("campaign-operational", "Global Campaign fully operational"),
    ("sdg-deadline", "SDG deadline for eliminating child exploitation"),
)


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


def network_spread(catalogue: Catalogue) -> MembersPerCountry:
    return MembersPerCountry(int(catalogue.value(MEMBERS)), int(catalogue.value(COUNTRIES)))


def target_label(claim: Claim) -> str:
    """An SDG target number as written: 16.2, 5.3."""
    return f"{claim.value:g}"


def targets_frame(catalogue: Catalogue) -> pd.DataFrame:
    """Each SDG target the document names, and where: Part Two's list, Part Three's quotes."""
    named = {target_label(catalogue[i]): catalogue[i] for i in PART_TWO_TARGETS}
    quoted = {target_label(catalogue[i]): catalogue[i] for i in PART_THREE_TARGETS}
    order = list(dict.fromkeys([*named, *quoted]))
    order.sort(key=lambda label: [int(part) for part in label.split(".")])
    return pd.DataFrame([{
        "target": label,
        "named_in_part_two": label in named,
        "quoted_in_part_three": label in quoted,
        "claim_ids": ", ".join(c.id for c in (named.get(label), quoted.get(label)) if c),
        "part_three_text": quoted[label].quote if label in quoted else "",
    } for label in order])


def stated_and_quoted_targets(catalogue: Catalogue) -> tuple[int, int]:
    """How many targets Part Three says it quotes ("three SDG targets"), and how many it does."""
    return int(catalogue.value(TARGETS_COUNT)), len(PART_THREE_TARGETS)


def target_overlap(targets: pd.DataFrame) -> tuple[list[str], list[str], list[str]]:
    """Targets in both parts, only in Part Two's list, and only among Part Three's quotes."""
    two, three = targets["named_in_part_two"], targets["quoted_in_part_three"]
    return (list(targets.loc[two & three, "target"]), list(targets.loc[two & ~three, "target"]),
            list(targets.loc[~two & three, "target"]))


@dataclass(frozen=True)
class Deadline:
    """'A hard deadline of 14 years … 2030 is the deadline', read against other dates."""

    deadline: int
    years: int
    campaign_launch: int
    document_year: int

    @property
    def counted_from(self) -> int:
        """The year the 14 years must start from to end at the deadline."""
        return self.deadline - self.years

    @property
    def matches_launch(self) -> bool:
        return self.counted_from == self.campaign_launch

    @property
    def left_at_document(self) -> int:
        """Years from the document's own date to the deadline."""
        return self.deadline - self.document_year


def deadline(catalogue: Catalogue, document_year: int) -> Deadline:
    return Deadline(int(catalogue.value(DEADLINE)), int(catalogue.value(DEADLINE_YEARS)),
                    int(catalogue.value(CAMPAIGN_LAUNCH)), document_year)


def event_date(claim: Claim) -> pd.Timestamp:
    """When a dated claim happens, as the Overview's timeline places it (year-only: mid-year)."""
    placed = claim_date(claim.date or f"{claim.value:.0f}")
    if placed is None:
        raise ValueError(f"{claim.id}: {claim.date!r} is not a date")
    return placed[0]


def timeline(catalogue: Catalogue) -> pd.DataFrame:
    """The dated commitments, in time order, each with its words and kind."""
    rows = []
    for claim_id, event in TIMELINE_EVENTS:
        claim = catalogue[claim_id]
        rows.append({"claim_id": claim_id, "event": event, "date": event_date(claim),
                     "when": claim.when, "kind": claim.kind, "quote": claim.quote})
    return pd.DataFrame(rows).sort_values("date", kind="stable", ignore_index=True)
