"""Charts of the projection explorer: the model's steps from the stated figure to its last
output, and one-input sweeps."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from claimscope.charts.style import PROVENANCE, Chart, base_layout, claim_line
from claimscope.model.break_even import direction
from claimscope.model.model import Model, Outputs
from claimscope.text.numbers import display, human
from claimscope.views.step_chart import SOURCE, axis_title, claim_label, step_title


def steps_frame(model: Model, values: Mapping[str, float], out: Outputs) -> pd.DataFrame:
    """Each stage of the model's step chart with the operation that leads to it."""
    steps = model.step_values(values, out)
    return pd.DataFrame([(s.label, s.value, s.kind, s.operation, s.words or human(s.value))
                         for s in steps],
                        columns=["stage", "value", "kind", "operation", "shown"])


def step_chart(model: Model, values: Mapping[str, float], out: Outputs) -> Chart:
    """Bars on a log scale from the document's figure to the model's last output.

    The traces come from the frame's columns as plain lists, one pass per kind: grouping
    and slicing a pandas frame cost more than the rest of the chart, on every rerun."""
    data = steps_frame(model, values, out)
    unit = model.headline_output.unit
    rows = list(zip(data["stage"].tolist(), data["value"].tolist(), data["kind"].tolist(),
                    data["operation"].tolist(), data["shown"].tolist(), strict=True))
    traces = []
    for kind in dict.fromkeys(row[2] for row in rows):
        stages, heights, _, operations, shown = zip(*(row for row in rows if row[2] == kind),
                                                    strict=True)
        style = PROVENANCE[kind]
        traces.append(go.Bar(
            x=list(stages), y=np.array(heights, dtype=float), name=style["label"],
            marker={"color": style["color"], "pattern": {"shape": style["pattern"]}},
            text=list(shown), textposition="outside",
            customdata=[[operation] for operation in operations], cliponaxis=False,
            hovertemplate="%{x}<br>%{text} " + unit + "<br>%{customdata[0]}<extra></extra>",
        ))
    headline = (model.title(model.headline, values, out),
                model.shown(model.headline, out).removesuffix(" " + unit))
    title = step_title([(row[0], row[4]) for row in rows], headline, model.threshold_text,
                       model.steps[-1].output == model.headline)
    fig = go.Figure(data=traces, layout=base_layout(
        title, "", axis_title(model), lines=[claim_line(model.threshold, claim_label(model))],
        yaxis={"type": "log"},
        xaxis={"categoryorder": "array", "categoryarray": [row[0] for row in rows]}))
    return Chart(fig, steps_table(model, data), source=SOURCE)


def steps_table(model: Model, frame: pd.DataFrame) -> pd.DataFrame:
    """The step chart's numbers as its data table and CSV give them (a `steps_frame`):
    each stage, its value in the headline's unit, its kind and its operation."""
    return frame.drop(columns="shown").rename(columns={"value": model.headline_output.unit})


def sweep_chart(model: Model, name: str, sweep: pd.DataFrame, values: Mapping[str, float],
                current_total: float, break_even: float | None) -> Chart:
    """The headline output across one input's whole range, with where the claim breaks."""
    spec, headline = model.inputs[name], model.headline_output
    current = values[name]
    traces = [go.Scatter(
        x=sweep[spec.name].to_numpy(), y=sweep[headline.name].to_numpy(), mode="lines",
        name=headline.label,
        line={"color": PROVENANCE["derived"]["color"], "width": 3},
        hovertemplate=f"{spec.label}: %{{x}}<br>%{{y:,.0f}} {headline.unit}<extra></extra>",
    ), go.Scatter(
        x=[current], y=[current_total], mode="markers", name="Current setting",
        marker={"size": 12, "color": PROVENANCE["reported"]["color"], "symbol": "diamond"},
        hovertemplate="Current: %{x}<br>%{y:,.0f} " + headline.unit + "<extra></extra>",
    )]
    lines = [claim_line(model.threshold, f"Document: {model.threshold_text}")]
    in_range = break_even is not None and spec.min <= break_even <= spec.max
    if in_range:
        lines.append(claim_line(break_even, f"Break-even {display(break_even, spec.unit, 2)}",
                                axis="x"))
        bound = "at most" if direction(model, name, values) < 0 else "at least"
        title = (f"The claim holds only while {spec.label.lower()} is {bound} "
                 f"{display(break_even, spec.unit, 2)}")
    elif break_even is None:
        title = f"{spec.label} does not change the {headline.label.lower()}"
    else:
        holds = bool(sweep["claim_holds"].all())
        title = (f"Across its whole range, {spec.label.lower()} "
                 f"{'never breaks' if holds else 'never rescues'} the claim")
    unit = "%" if spec.is_percent else spec.unit
    xaxis = {"type": "log"} if spec.max / spec.min >= 100 else {}
    fig = go.Figure(data=traces, layout=base_layout(
        title, f"{spec.label} ({unit})", f"{headline.label} ({headline.unit}, log scale)",
        lines=lines, xaxis=xaxis, yaxis={"type": "log"}))
    data = sweep.rename(columns={spec.name: f"{spec.name} ({unit})"})
    return Chart(fig, data, source=f"{headline.label} = {headline.formula}, other inputs "
                 "as set.")
