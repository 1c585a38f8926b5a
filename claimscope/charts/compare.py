"""The compare view's chart: each scenario's national and global totals against the claim."""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from claimscope.charts.style import PROVENANCE, Chart, base_layout, claim_line
from claimscope.numbers import human

# (column prefix, legend label, provenance style): national totals are derived from the
# document's figures and the assumptions; global totals rest on a further assumption.
SERIES = (("national", "National total (England and Wales)", "derived"),
          ("global", "Global total", "assumed"))


def _whiskers(data: pd.DataFrame, point: str, prefix: str) -> dict | None:
    """Error bars from the point value to the 90 % interval's ends, where there is one."""
    low, high = data[f"{prefix}_low"], data[f"{prefix}_high"]
    if low.isna().all():
        return None
    return {"type": "data", "symmetric": False, "thickness": 1.5, "width": 6,
            "color": PROVENANCE["reported"]["color"],
            "array": np.nan_to_num((high - data[point]).clip(lower=0)),
            "arrayminus": np.nan_to_num((data[point] - low).clip(lower=0))}


def _title(data: pd.DataFrame, claimed_total: float) -> str:
    holding, count = int(data["claim_holds"].sum()), len(data)
    claim = human(claimed_total)
    if holding == count:
        return f"In every scenario compared the national total exceeds {claim}"
    if holding == 0:
        return f"In none of the scenarios compared does the national total reach {claim}"
    return f"In {holding} of {count} scenarios the national total exceeds {claim}"


def compare_chart(data: pd.DataFrame, claimed_total: float) -> Chart:
    """Bars per scenario on a log scale, 90 % intervals as whiskers, the claim as a line.

    `data` is `scenarios.totals_frame(...)`: exactly what is plotted.
    """
    fig = go.Figure()
    # Names are readers' text; plotly reads tags in labels, so show them as plain text.
    names = [html.escape(name) for name in data["scenario"]]
    for prefix, label, kind in SERIES:
        point = "national" if prefix == "national" else "global_total"
        style = PROVENANCE[kind]
        fig.add_trace(go.Bar(
            x=names, y=data[point], name=label,
            marker={"color": style["color"], "pattern": {"shape": style["pattern"]}},
            error_y=_whiskers(data, point, prefix),
            text=[human(v) for v in data[point]], textposition="outside", cliponaxis=False,
            hovertemplate="%{x}<br>" + label + ": %{text}<extra></extra>",
        ))
    claim_line(fig, claimed_total, f"Document: in excess of {human(claimed_total)}")
    base_layout(fig, _title(data, claimed_total), "Scenario", "Images (log scale)", height=460)
    fig.update_layout(barmode="group")
    fig.update_yaxes(type="log")
    notes = []
    if data["national_low"].notna().any():
        notes.append("Whiskers: the central 90% interval of the Monte Carlo draws, for "
                     "scenarios that give assumptions a range.")
    return Chart(fig, data, source="National total = seized × distinct share ÷ (population "
                 "share × rate ratio × coverage); global = projected national total ÷ "
                 "England and Wales's share of the world. Each scenario's own assumptions.",
                 notes=notes)
