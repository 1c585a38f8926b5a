"""The projection explorer's tables: outputs, break-even values and one-input sweeps.

Inputs and results here are in display units (percent numbers), ready for people.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from claimscope.inputs import InputSpec, to_model
from claimscope.model import NATIONAL_DIRECTION, Outputs, break_even, evaluate
from claimscope.numbers import display, human, percent
from claimscope.uncertainty import SimulationResult


def outputs(specs: Mapping[str, InputSpec], values: Mapping[str, float], population: float,
            claimed_total: float) -> Outputs:
    return evaluate(to_model(specs, values), population, claimed_total)


def break_even_table(specs: Mapping[str, InputSpec], values: Mapping[str, float],
                     claimed_total: float) -> pd.DataFrame:
    """For each input the national total depends on: the value where it equals the claim.

    `holds_while` reads as a condition ("≥ 83.65%"); `reachable` says whether that value
    lies inside the input's allowed range at all; `change_to_break` is the relative move
    of the input from its current value to the break-even (−16.35% for `unique`).
    """
    model_values = to_model(specs, values)
    rows = []
    for name, sign in NATIONAL_DIRECTION.items():
        spec = specs[name]
        model_value = break_even(model_values, name, claimed_total)
        shown = model_value * 100 if spec.is_percent else model_value
        relation = "≥" if sign > 0 else "≤"
        rows.append({
            "input": name,
            "assumption": spec.label,
            "current": values[name],
            "current_text": display(values[name], spec.unit),
            "break_even": shown,
            "break_even_text": display(shown, spec.unit, digits=2),
            "holds_while": f"{relation} {display(shown, spec.unit, digits=2)}",
            "reachable": bool(spec.min <= shown <= spec.max),
            "holds_now": bool(values[name] >= shown if sign > 0 else values[name] <= shown),
            "change_to_break": shown / values[name] - 1.0,
            "change_to_break_text": f"{shown / values[name] - 1.0:+.2%}",
        })
    return pd.DataFrame(rows)


def sweep(specs: Mapping[str, InputSpec], values: Mapping[str, float], name: str,
          population: float, claimed_total: float, points: int = 201) -> pd.DataFrame:
    """The national total as one input moves across its whole range, others as set."""
    spec = specs[name]
    xs = np.linspace(spec.min, spec.max, points)
    if spec.min > 0 and spec.max / spec.min >= 100:
        xs = np.geomspace(spec.min, spec.max, points)
    varied = {**to_model(specs, values), name: spec.to_model(xs)}
    result = evaluate(varied, population, claimed_total)
    return pd.DataFrame({name: xs, "national_total": result.national,
                         "claim_holds": result.claim_holds})


def output_rows(values: Mapping[str, float], out: Outputs,
                population: float) -> list[tuple[str, str, str]]:
    """(label, value as shown, formula) for each headline output of the projection."""
    year = f"{values['year']:.0f}"
    return [
        ("National total over the window", human(out.national),
         "seized × distinct share ÷ (population share × rate ratio × coverage)"),
        ("Per year", human(out.per_year), "national total × 12 ÷ months in the window"),
        ("Per resident", human(out.per_resident),
         f"national total ÷ {human(population)} residents (mid-2010)"),
        (f"Projected to {year}", human(out.projected),
         "national total × (1 + growth)^(year − 2012)"),
        ("Global total", human(out.global_total), "projected total ÷ England and Wales's share"),
        ("Images per offender", human(out.per_offender), "projected total ÷ offender count"),
    ]


def interval_rows(result: SimulationResult, claimed_total: float) -> list[tuple[str, str, str]]:
    """(label, value as shown, explanation) of the Monte Carlo headline figures."""
    national = result["national"]
    return [
        ("Chance the claim holds", percent(result.p_claim * 100, 1),
         f"share of {result.n:,} draws with a national total of at least "
         f"{human(claimed_total)}; Monte Carlo standard error "
         f"± {percent(result.p_claim_se * 100, 2)}; seed {result.seed}"),
        ("National total, 90% interval", f"{human(national.low)} – {human(national.high)}",
         f"median {human(national.median)}"),
    ]
