"""The document's own sentence re-told with live numbers (DESIGN §4.4), and the verdict.

Returns Markdown built only from catalogue values, assumption values and model outputs;
the bold spans are the numbers that move.
"""

from __future__ import annotations

from collections.abc import Mapping

from claimscope.catalogue import Catalogue
from claimscope.inputs import InputSpec
from claimscope.model import BASE_YEAR, Outputs
from claimscope.numbers import display, human, percent

_COUNT_WORDS = {1: "One", 2: "Two", 3: "Three", 4: "Four", 5: "Five", 6: "Six", 7: "Seven",
                8: "Eight", 9: "Nine", 10: "Ten"}


def _differs(specs: Mapping[str, InputSpec], values: Mapping[str, float], name: str) -> bool:
    return values[name] != specs[name].default


def reactive_sentence(catalogue: Catalogue, specs: Mapping[str, InputSpec],
                      values: Mapping[str, float], out: Outputs) -> str:
    """'Five forces seized **26 million** images; they police **7.25%** …' with live values."""
    forces = int(catalogue.value("forces-replied"))
    who = _COUNT_WORDS.get(forces, str(forces))
    parts = [
        f"{who} forces seized **{human(values['seized'])}** images; they police "
        f"**{percent(values['share'])}** of the population of England and Wales."
    ]
    adjustments = []
    if _differs(specs, values, "unique"):
        adjustments.append(f"only **{percent(values['unique'])}** of seized images are distinct")
    if _differs(specs, values, "rate_ratio"):
        adjustments.append(f"their areas seize **{display(values['rate_ratio'], 'ratio')}** "
                           "the national rate per resident")
    if _differs(specs, values, "coverage"):
        adjustments.append(f"police seize **{percent(values['coverage'])}** of the images "
                           "in circulation")
    if adjustments:
        parts.append("Assuming " + "; ".join(adjustments) + ",")
        lead = "that implies"
    else:
        lead = "On these assumptions that implies"
    parts.append(
        f"{lead} **{human(out.national)}** images nationally over "
        f"**{values['months']:.0f} months** (**{human(out.per_year)}** a year, "
        f"about **{human(out.per_resident)}** per resident)."
    )
    year = int(values["year"])
    if year != BASE_YEAR:
        parts.append(
            f"Growing **{percent(values['growth'], 1)}** a year, that becomes "
            f"**{human(out.projected)}** by **{year}**."
        )
    parts.append(
        f"If England and Wales hold **{percent(values['global_share'])}** of the global "
        f"volume, the world total would be **{human(out.global_total)}** — "
        f"**{human(out.per_offender)}** images per offender for "
        f"**{human(values['offenders'])}** offenders."
    )
    return " ".join(parts)


def verdict(out: Outputs, claimed_total: float) -> tuple[bool, str]:
    """Whether 'in excess of 300 million' holds, with the margin in words."""
    holds = bool(out.claim_holds)
    margin = float(out.national) / claimed_total - 1.0
    if holds:
        return True, (f"The document's claim holds: {human(out.national)} is "
                      f"{percent(margin * 100, 1)} above the claimed "
                      f"{human(claimed_total)}.")
    return False, (f"The document's claim does not hold on these assumptions: "
                   f"{human(out.national)} is {percent(-margin * 100, 1)} below the "
                   f"claimed {human(claimed_total)}.")
