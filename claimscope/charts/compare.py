"""The compare view's chart: each scenario's national and global totals against the claim."""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from claimscope.charts.style import PROVENANCE, Chart, base_layout, claim_line
from claimscope.model.model import Model
from claimscope.text.numbers import human


def _whiskers(data: pd.DataFrame, point: str) -> dict | None:
    """Error bars from the point value to the 90 % interval's ends, where there is one."""
    low, high = data[f"{point}_low"], data[f"{point}_high"]
    if low.isna().all():
        return None
    return {"type": "data", "symmetric": False, "thickness": 1.5, "width": 6,
            "color": PROVENANCE["reported"]["color"],
            "array": np.nan_to_num((high - data[point]).clip(lower=0)),
            "arrayminus": np.nan_to_num((data[point] - low).clip(lower=0))}


def _title(data: pd.DataFrame, model: Model) -> str:
    holding, count = int(data["claim_holds"].sum()), len(data)
    claim, what = human(model.threshold), model.headline_output.label.lower()
    if holding == count:
        return f"In every scenario compared the {what} reaches {claim}"
    if holding == 0:
        return f"In none of the scenarios compared does the {what} reach {claim}"
    return f"In {holding} of {count} scenarios the {what} reaches {claim}"


def compare_chart(data: pd.DataFrame, model: Model) -> Chart:
    """Bars per scenario on a log scale, 90 % intervals as whiskers, the claim as a line.

    `data` is `scenarios.totals_frame(...)`: exactly what is plotted.
    """
    # Names are readers' text; plotly reads tags in labels, so show them as plain text.
    names = [html.escape(name) for name in data["scenario"]]
    traces = []
    for output in model.compared_outputs:
        style = PROVENANCE[output.kind]
        traces.append(go.Bar(
            x=names, y=data[output.name], name=output.label,
            marker={"color": style["color"], "pattern": {"shape": style["pattern"]}},
            error_y=_whiskers(data, output.name),
            text=[human(v) for v in data[output.name]], textposition="outside",
            cliponaxis=False,
            hovertemplate="%{x}<br>" + html.escape(output.label) + ": %{text}<extra></extra>",
        ))
    unit = model.headline_output.unit
    fig = go.Figure(data=traces, layout=base_layout(
        _title(data, model), "Scenario", f"{unit.capitalize()} (log scale)", height=460,
        lines=[claim_line(model.threshold, f"Document: {model.threshold_text}")],
        barmode="group", yaxis={"type": "log"}))
    notes = []
    if data[f"{model.headline}_low"].notna().any():
        notes.append("Whiskers: the central 90% interval of the Monte Carlo draws, for "
                     "scenarios that give assumptions a range.")
    formulas = "; ".join(f"{o.label} = {o.formula}" for o in model.compared_outputs)
    return Chart(fig, data, source=f"{formulas}. Each scenario's own assumptions.",
                 notes=notes)
