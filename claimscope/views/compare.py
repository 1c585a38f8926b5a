"""What the Compare page shows of several scenarios side by side: the assumptions they
set differently, and each one's compared outputs with their intervals.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import pandas as pd

from claimscope.files.inputs import InputSpec
from claimscope.link.scenarios import Scenario
from claimscope.link.viewstate import View
from claimscope.model.model import Model
from claimscope.text.numbers import display
from claimscope.uncertainty.montecarlo import SimulationResult
from claimscope.uncertainty.ranges import SAMPLES_PARAM, SEED_PARAM


def _setting(spec: InputSpec, view: View) -> str:
    text = display(view.values[spec.name], spec.unit)
    ranged = view.ranges.get(spec.name)
    if ranged is None:
        return text
    return (f"{text}, range {display(ranged.low, spec.unit)} – "
            f"{display(ranged.high, spec.unit)} ({ranged.shape})")


def differences_frame(scenarios: Sequence[Scenario],
                      specs: Mapping[str, InputSpec]) -> pd.DataFrame:
    """One row per input set differently in at least two of the scenarios; one column of
    settings (as people write them) per scenario."""
    rows = []
    for name, spec in specs.items():
        settings = [_setting(spec, s.view) for s in scenarios]
        if len(set(settings)) > 1:
            rows.append({"input": name, "assumption": spec.label,
                         **{s.name: text for s, text in zip(scenarios, settings, strict=True)}})
    if any(s.view.ranges for s in scenarios):
        draws = [f"{s.view.samples:,} draws, seed {s.view.seed}" if s.view.ranges else "—"
                 for s in scenarios]
        if len(set(draws)) > 1:
            rows.append({"input": f"{SAMPLES_PARAM}, {SEED_PARAM}",
                         "assumption": "Monte Carlo draws and seed",
                         **{s.name: text for s, text in zip(scenarios, draws, strict=True)}})
    return pd.DataFrame(rows, columns=["input", "assumption", *(s.name for s in scenarios)])


def totals_frame(scenarios: Sequence[Scenario], model: Model,
                 simulations: Mapping[str, SimulationResult | None]) -> pd.DataFrame:
    """Each scenario's compared outputs (the model's `compared`), with the 90 % interval
    (`<output>_low`, `<output>_high`) and the chance the claim holds where the scenario
    has ranges (`simulations` by scenario name)."""
    rows = []
    for scenario in scenarios:
        out = model.evaluate(scenario.view.values)
        result = simulations.get(scenario.name)
        row: dict[str, object] = {"scenario": scenario.name}
        for spec in model.compared_outputs:
            summary = result[spec.name] if result is not None else None
            row[spec.name] = float(out[spec.name])
            row[f"{spec.name}_low"] = summary.low if summary else math.nan
            row[f"{spec.name}_high"] = summary.high if summary else math.nan
        row["claim_holds"] = bool(out.holds)
        row["chance_claim_holds"] = result.p_claim * 100 if result is not None else math.nan
        rows.append(row)
    return pd.DataFrame(rows)
