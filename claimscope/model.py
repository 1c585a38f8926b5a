"""The projection model of DESIGN §4.2 as pure, vectorised functions.

Every function accepts floats or numpy arrays of equal shape (model units: fractions for
percentages), so the same code serves one scenario and a million Monte Carlo draws.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

ArrayLike = float | np.ndarray

BASE_YEAR = 2012  # end of the reporting window: growth is applied from here
MODEL_INPUTS = ("seized", "share", "months", "unique", "rate_ratio", "coverage", "growth",
                "year", "global_share", "offenders")
# Inputs the national total over the window depends on, and the sign of that dependence.
NATIONAL_DIRECTION = {"seized": +1, "unique": +1, "share": -1, "rate_ratio": -1,
                      "coverage": -1}


def national_total(v: Mapping[str, ArrayLike]) -> ArrayLike:
    """Images nationally over the window: seized, de-duplicated, scaled to the nation."""
    return v["seized"] * v["unique"] / (v["share"] * v["rate_ratio"] * v["coverage"])


def growth_factor(v: Mapping[str, ArrayLike]) -> ArrayLike:
    return (1.0 + v["growth"]) ** (v["year"] - BASE_YEAR)


@dataclass(frozen=True)
class Outputs:
    """What the model says for one scenario (or one array of scenarios)."""

    national: ArrayLike
    per_year: ArrayLike
    per_resident: ArrayLike
    projected: ArrayLike
    global_total: ArrayLike
    per_offender: ArrayLike
    claim_holds: ArrayLike


def evaluate(v: Mapping[str, ArrayLike], population: float, claimed_total: float) -> Outputs:
    """All outputs of §4.2 from model-unit inputs, a population and the claimed total."""
    national = national_total(v)
    projected = national * growth_factor(v)
    return Outputs(
        national=national,
        per_year=national * 12.0 / v["months"],
        per_resident=national / population,
        projected=projected,
        global_total=projected / v["global_share"],
        per_offender=projected / v["offenders"],
        claim_holds=national >= claimed_total,
    )


def break_even(v: Mapping[str, float], name: str, claimed_total: float) -> float | None:
    """The value of input `name` at which the national total equals the claimed total.

    None when the national total does not depend on that input. Closed form: N is a
    product of powers (+1 or -1) of its inputs, so N scales by (x'/x)^sign.
    """
    sign = NATIONAL_DIRECTION.get(name)
    if sign is None:
        return None
    ratio = claimed_total / float(national_total(v))
    return float(v[name]) * ratio ** sign
