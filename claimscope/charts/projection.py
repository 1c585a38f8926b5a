"""Charts of the projection explorer: the step from seized to global, and one-input sweeps."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from claimscope.charts.style import PROVENANCE, Chart, base_layout, claim_line
from claimscope.inputs import InputSpec
from claimscope.model import NATIONAL_DIRECTION, Outputs
from claimscope.numbers import display, human


def steps_frame(values: Mapping[str, float], out: Outputs) -> pd.DataFrame:
    """Each stage of the projection with the operation that leads to it and its kind."""
    distinct = values["seized"] * values["unique"] / 100
    rows = [
        ("Seized by the responding forces", values["seized"], "reported", "as reported"),
        ("Distinct images", distinct, "assumed",
         f"× {display(values['unique'], 'percent')} distinct"),
        ("National total over the window", out.national, "derived",
         f"÷ ({display(values['share'], 'percent')} population share × "
         f"{display(values['rate_ratio'], 'ratio')} rate ratio × "
         f"{display(values['coverage'], 'percent')} coverage)"),
        (f"Projected to {values['year']:.0f}", out.projected, "assumed",
         f"× (1 + {display(values['growth'], 'percent')})^{values['year'] - 2012:.0f}"),
        ("Global total", out.global_total, "assumed",
         f"÷ {display(values['global_share'], 'percent')} share of the world"),
    ]
    return pd.DataFrame(rows, columns=["stage", "images", "kind", "operation"])


def step_chart(values: Mapping[str, float], out: Outputs, claimed_total: float) -> Chart:
    """Bars on a log scale from the seized count to the global total."""
    data = steps_frame(values, out)
    fig = go.Figure()
    for kind, group in data.groupby("kind", sort=False):
        style = PROVENANCE[kind]
        fig.add_trace(go.Bar(
            x=group["stage"], y=group["images"], name=style["label"],
            marker={"color": style["color"], "pattern": {"shape": style["pattern"]}},
            text=[human(v) for v in group["images"]], textposition="outside",
            customdata=group[["operation"]], cliponaxis=False,
            hovertemplate="%{x}<br>%{text} images<br>%{customdata[0]}<extra></extra>",
        ))
    claim_line(fig, claimed_total, f"Document: in excess of {human(claimed_total)}")
    title = (f"{human(values['seized'])} seized images become {human(out.national)} "
             f"nationally and {human(out.global_total)} worldwide")
    base_layout(fig, title, "", "Images (log scale)")
    fig.update_yaxes(type="log")
    fig.update_xaxes(categoryorder="array", categoryarray=list(data["stage"]))
    return Chart(fig, data, source="Seized count: the document. Other stages: formulas of "
                 "the document's figures and the assumptions set on this page.")


def sweep_chart(spec: InputSpec, sweep: pd.DataFrame, current: float, current_total: float,
                break_even: float | None, claimed_total: float) -> Chart:
    """The national total across one input's whole range, with where the claim breaks."""
    fig = go.Figure()
    x = sweep[spec.name]
    fig.add_trace(go.Scatter(
        x=x, y=sweep["national_total"], mode="lines", name="National total",
        line={"color": PROVENANCE["derived"]["color"], "width": 3},
        hovertemplate=f"{spec.label}: %{{x}}<br>%{{y:,.0f}} images<extra></extra>",
    ))
    fig.add_trace(go.Scatter(
        x=[current], y=[current_total], mode="markers", name="Current setting",
        marker={"size": 12, "color": PROVENANCE["reported"]["color"], "symbol": "diamond"},
        hovertemplate="Current: %{x}<br>%{y:,.0f} images<extra></extra>",
    ))
    claim_line(fig, claimed_total, f"Document: in excess of {human(claimed_total)}")
    in_range = break_even is not None and spec.min <= break_even <= spec.max
    if in_range:
        claim_line(fig, break_even, f"Break-even {display(break_even, spec.unit, 2)}", axis="x")
        bound = "at least" if NATIONAL_DIRECTION[spec.name] > 0 else "at most"
        title = (f"The claim holds only while {spec.label.lower()} is {bound} "
                 f"{display(break_even, spec.unit, 2)}")
    elif break_even is None:
        title = f"{spec.label} does not change the national total"
    else:
        holds = bool(sweep["claim_holds"].all())
        title = (f"Across its whole range, {spec.label.lower()} "
                 f"{'never breaks' if holds else 'never rescues'} the claim")
    if spec.max / spec.min >= 100:
        fig.update_xaxes(type="log")
    fig.update_yaxes(type="log")
    unit = "%" if spec.is_percent else spec.unit
    base_layout(fig, title, f"{spec.label} ({unit})", "National total (images, log scale)")
    data = sweep.rename(columns={spec.name: f"{spec.name} ({unit})"})
    return Chart(fig, data, source="National total = seized × distinct share ÷ (population "
                 "share × rate ratio × coverage), other inputs as set.")
