"""Two estimates of one count that a document quotes, the growth they imply, and where it
leads.

Two estimates stated years apart may come from different statements that count different
things, one a lower bound ("upwards of") and one an upper estimate ("as many as"). Any
growth rate between them is an arithmetic reading of two numbers, not a measured trend;
callers must say so. Frames name their counts generically (`count`); the charts name them
in the document's words.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from claimscope.files.catalogue import Catalogue, Claim
from claimscope.files.page_config import EstimatesOverTimePage
from claimscope.text.numbers import human

# How the document's hedging words bound a number.
BOUND_WORDS = {
    "upwards of": "lower", "more than": "lower", "in excess of": "lower", "at least": "lower",
    "as many as": "upper", "up to": "upper",
}
BOUND_LABELS = {"lower": "lower bound", "upper": "upper estimate", "exact": "stated figure"}


def bound_of(mention: str) -> str:
    """'upwards of 50,000' -> 'lower'; 'as many as 100,000' -> 'upper'; else 'exact'."""
    words = " ".join(mention.lower().split())
    for phrase, bound in BOUND_WORDS.items():
        if phrase in words:
            return bound
    return "exact"


def compound_growth(first: float, second: float, years: float) -> float:
    """The constant yearly rate that turns `first` into `second` in `years` years."""
    if first <= 0 or second <= 0:
        raise ValueError("counts must be positive")
    if years <= 0:
        raise ValueError("the second count must come after the first")
    return (second / first) ** (1.0 / years) - 1.0


def grow(count: float, rate: float, years: float | np.ndarray) -> float | np.ndarray:
    """`count` after `years` of compound growth at `rate` (a fraction)."""
    return count * (1.0 + rate) ** years


@dataclass(frozen=True)
class Estimate:
    """One reported count, placed at the year of the statement that gave it."""

    claim: Claim
    year: int

    @property
    def count(self) -> float:
        return self.claim.value

    @property
    def bound(self) -> str:
        return bound_of(self.claim.mention)


@dataclass(frozen=True)
class Growth:
    """The growth two estimates imply when the second is dated `second.year`."""

    first: Estimate
    second: Estimate
    deadline: int

    @property
    def years(self) -> int:
        return self.second.year - self.first.year

    @property
    def ratio(self) -> float:
        return self.second.count / self.first.count

    @property
    def rate(self) -> float:
        """Annual compound growth, as a fraction (0.414 for 41.4 %)."""
        return compound_growth(self.first.count, self.second.count, self.years)

    @property
    def at_deadline(self) -> float:
        """The second count carried forward to the deadline at the implied rate."""
        return float(grow(self.second.count, self.rate, self.deadline - self.second.year))


def second_years(catalogue: Catalogue, page: EstimatesOverTimePage) -> list[int]:
    """The years in which the second estimate was stated: the choices for its date."""
    return [int(catalogue.value(claim_id)) for claim_id in page.second_years]


def implied_growth(catalogue: Catalogue, page: EstimatesOverTimePage, second_year: int) -> Growth:
    """The growth between the two estimates, dating the second in `second_year`."""
    if second_year not in second_years(catalogue, page):
        raise ValueError(f"the second estimate was not stated in {second_year}")
    first = Estimate(catalogue[page.first], int(catalogue.value(page.first_year)))
    second = Estimate(catalogue[page.second], second_year)
    return Growth(first, second, int(catalogue.value(page.deadline)))


def statements_frame(catalogue: Catalogue, page: EstimatesOverTimePage) -> pd.DataFrame:
    """Every statement of a count: one row per estimate and year it was given."""
    first_year = int(catalogue.value(page.first_year))
    rows = [(catalogue[page.first], first_year)]
    rows += [(catalogue[page.second], year) for year in second_years(catalogue, page)]
    return pd.DataFrame([{
        "claim_id": claim.id, "year": year, "count": claim.value,
        "bound": BOUND_LABELS[bound_of(claim.mention)], "as_written": claim.mention,
        "who": claim.who, "quote": claim.quote,
    } for claim, year in rows])


def growth_path(growth: Growth) -> pd.DataFrame:
    """Yearly counts between the two estimates at the implied constant rate."""
    years = np.arange(growth.first.year, growth.second.year + 1)
    return pd.DataFrame({"year": years,
                         "count": grow(growth.first.count, growth.rate,
                                           years - growth.first.year)})


def projection_path(growth: Growth) -> pd.DataFrame:
    """The second count carried to the deadline at the implied rate, year by year."""
    years = np.arange(growth.second.year, growth.deadline + 1)
    return pd.DataFrame({"year": years,
                         "count": grow(growth.second.count, growth.rate,
                                           years - growth.second.year)})


def elimination_path(growth: Growth) -> pd.DataFrame:
    """A straight line from the second count to zero at the deadline.

    An illustration of a target of zero by the deadline, not a forecast: the target sets
    the end point, nobody set the path.
    """
    years = np.arange(growth.second.year, growth.deadline + 1)
    remaining = (growth.deadline - years) / (growth.deadline - growth.second.year)
    return pd.DataFrame({"year": years, "count": growth.second.count * remaining})


def per_estimate_table(projected: float, assumed_count: float, catalogue: Catalogue,
                       page: EstimatesOverTimePage) -> pd.DataFrame:
    """The projected total divided among the assumed count and each reported count."""
    rows = [(f"Set in the assumptions: {human(assumed_count)}", assumed_count, "assumed", "")]
    for claim_id in (page.first, page.second):
        claim = catalogue[claim_id]
        rows.append((f"Reported: {claim.mention} ({claim.when})", claim.value, "derived",
                     claim_id))
    frame = pd.DataFrame(rows, columns=["label", "count", "kind", "claim_id"])
    frame["per_estimate"] = projected / frame["count"]
    return frame
