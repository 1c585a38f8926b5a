"""The projection explorer's tables: outputs, break-even values and one-input sweeps.

Inputs and results here are in display units (percent numbers), ready for people. Every
function takes the document's `Model`; none restates its formula.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from claimscope.model.break_even import break_even, direction
from claimscope.model.model import Model, Outputs
from claimscope.text.numbers import human, percent, signed_percent, with_word
from claimscope.uncertainty.montecarlo import SimulationResult

# The break-even table's words, written here and, from the panel's spec, by the browser
# (`breakEvenTexts`, claimscope/live/assets/panel.js): the condition's relations, the condition
# of an input with no break-even (the claim holds, or fails, whatever its value), what
# stands for a missing number, and the yes/no of the last two columns.
BREAK_EVEN_WORDS = {"at_least": "≥", "at_most": "≤", "holds_at_any": "at any value",
                    "holds_at_none": "at no value", "missing": "—", "yes": "Yes", "no": "No"}


def break_even_table(model: Model, values: Mapping[str, float]) -> pd.DataFrame:
    """For each input the headline depends on: the value where it equals the claim.

    `holds_while` reads as a condition ("≥ 83.65%"), its sign from which way the input
    pushes the headline here; `reachable` says whether that value lies inside the input's
    allowed range at all; `change_to_break` is the relative move of the input from its
    current value to the break-even (−16.35% for `unique`). An input with no break-even
    (the headline never reaches the claim through it) has None there and holds_while
    "at any value" or "at no value". `holds_now` is the verdict at these values.
    """
    words = BREAK_EVEN_WORDS
    rows = []
    holds = bool(model.evaluate(values).holds)
    for name in model.break_even_inputs:
        spec, sign = model.inputs[name], direction(model, name, values)
        shown = break_even(model, values, name)
        current = values[name]
        if shown is None:
            condition = words["holds_at_any"] if holds else words["holds_at_none"]
            change = math.nan
        else:
            relation = words["at_most"] if sign < 0 else words["at_least"]
            condition = f"{relation} {with_word(shown, spec.unit, digits=2)}"
            change = shown / current - 1.0 if current else math.nan
        rows.append({
            "input": name,
            "assumption": spec.label,
            "current": current,
            "current_text": with_word(current, spec.unit),
            "break_even": shown,
            "break_even_text": (words["missing"] if shown is None
                                else with_word(shown, spec.unit, digits=2)),
            "holds_while": condition,
            "reachable": shown is not None and bool(spec.min <= shown <= spec.max),
            "holds_now": holds,
            "change_to_break": change,
            "change_to_break_text": signed_percent(change),
        })
    return pd.DataFrame(rows)


def sweep(model: Model, values: Mapping[str, float], name: str,
          points: int = 201) -> pd.DataFrame:
    """The headline output as one input moves across its whole range, others as set."""
    spec = model.inputs[name]
    xs = np.linspace(spec.min, spec.max, points)
    if spec.min > 0 and spec.max / spec.min >= 100:
        xs = np.geomspace(spec.min, spec.max, points)
    result = model.evaluate({**values, name: xs})
    return pd.DataFrame({name: xs, model.headline: result[model.headline],
                         "claim_holds": result.holds})


def output_rows(model: Model, values: Mapping[str, float],
                out: Outputs) -> list[tuple[str, str, str]]:
    """(label, value as shown, formula) for each output shown as a card."""
    return [(model.title(spec.name, values, out), model.shown(spec.name, out), spec.formula)
            for spec in model.card_outputs]


def interval_rows(model: Model, result: SimulationResult) -> list[tuple[str, str, str]]:
    """(label, value as shown, explanation) of the Monte Carlo headline figures."""
    headline = result[model.headline]
    return [
        ("Chance the claim holds", percent(result.p_claim * 100, 1),
         f"share of {result.n:,} draws with a {model.headline_output.label.lower()} of at "
         f"least {human(model.threshold)}; Monte Carlo standard error "
         f"± {percent(result.p_claim_se * 100, 2)}; seed {result.seed}"),
        (f"{model.headline_output.label}, 90% interval",
         f"{human(headline.low)} – {human(headline.high)}", f"median {human(headline.median)}"),
    ]


def _listed(words: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def ranges_off_the_headline(model: Model, ranged: Iterable[str],
                            values: Mapping[str, float]) -> str:
    """Why the headline may not move under ranges: the ranged inputs its formula does not
    use and the outputs they move instead, in a sentence ('' when it uses them all).
    Labels keep their case (they hold proper names)."""
    unused = [name for name in ranged if not model.depends(name)]
    if not unused:
        return ""
    moved = [model.title(out.name, values) for out in model.card_outputs
             if any(model.depends(name, out.name) for name in unused)]
    inputs = _listed([model.inputs[name].label for name in unused])
    ranges = "its range moves" if len(unused) == 1 else "their ranges move"
    return (f"The {model.headline_output.label.lower()} does not use {inputs}: {ranges} "
            f"only {_listed(moved)}.")
