"""Charts of the uncertainty analysis: distributions, how P(claim holds) settles, tornado,
variance shares, Sobol indices with their intervals, claim map.

Every chart plots summaries computed on the server (binned counts, swings, shares, a
grid); raw Monte Carlo draws never reach the browser.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from claimscope.charts.style import (
    CLAIM_LINE,
    OKABE_ITO,
    PROVENANCE,
    Chart,
    base_layout,
    reference_line,
)
from claimscope.files.inputs import InputSpec
from claimscope.model.model import Model
from claimscope.text.numbers import display, human, percent
from claimscope.uncertainty.montecarlo import ClaimMap, OutputSummary
from claimscope.uncertainty.montecarlo.sobol import SobolResult


def _unit(spec: InputSpec) -> str:
    return "%" if spec.is_percent else spec.unit


def histogram_chart(model: Model, summary: OutputSummary,
                    probability: float | None, correlated: str = "") -> Chart:
    """Share of draws per bin; for the headline output, with the claim's threshold and the
    bins that meet it drawn differently. `correlated` names the correlations the draws
    were made with (`correlations.describe`), said under the chart."""
    hist = summary.histogram
    output = model.output(summary.name)
    label, unit = output.label, output.unit
    claimed_total = model.threshold if output.name == model.headline else None
    data = hist.frame().assign(centre=hist.centres)
    meets = (data["left"] >= claimed_total) if claimed_total is not None else None
    traces = []
    groups = [("All draws", np.ones(len(data), dtype=bool), "assumed")]
    if meets is not None:
        groups = [("Below the claim", ~meets.to_numpy(), "assumed"),
                  ("At or above the claim", meets.to_numpy(), "derived")]
    for name, mask, kind in groups:
        part = data[mask]
        style = PROVENANCE[kind]
        traces.append(go.Bar(
            x=part["centre"].to_numpy(), y=part["share"].to_numpy() * 100,
            width=(part["right"] - part["left"]).to_numpy(),
            name=name, marker={"color": style["color"], "pattern": {"shape": style["pattern"]},
                               "line": {"width": 0}},
            customdata=np.column_stack([part["left"], part["right"]]),
            hovertemplate="%{customdata[0]:,.3s} – %{customdata[1]:,.3s}<br>"
                          "%{y:.2f}% of draws<extra></extra>",
        ))
    lines = [reference_line("x", value, colour, text, "top right", dash=dash, width=1.5)
             for value, text, colour, dash in (
                 (summary.median, f"median {human(summary.median)}", OKABE_ITO["black"],
                  "solid"),
                 (summary.point, f"point value {human(summary.point)}",
                  PROVENANCE["reported"]["color"], "dot"))]
    if claimed_total is not None:
        lines.append(reference_line("x", claimed_total, CLAIM_LINE,
                                    f"claim: {human(claimed_total)}", "top left", dash="dash",
                                    font_color=CLAIM_LINE))
    title = f"{label}: {summary.in_words(human)}"
    if probability is not None:
        title += f"; the claim holds in {percent(probability * 100, 1)} of draws"
    fig = go.Figure(data=traces, layout=base_layout(
        title, f"{label} ({unit})", "Share of draws (%)", lines=lines, bargap=0,
        barmode="overlay", xaxis={"type": "log"} if hist.scale == "log" else {}))
    notes = [f"Drawn with correlated assumptions: {correlated}."] if correlated else []
    if hist.below or hist.above:
        notes.append(f"Not drawn: {hist.below:,} draws below and {hist.above:,} above the "
                     "plotted span (the central 99%).")
    return Chart(fig, data[["left", "right", "count", "share"]],
                 source=f"{hist.n:,} Monte Carlo draws, binned on the server.", notes=notes)


def tornado_chart(model: Model, table: pd.DataFrame) -> Chart:
    """Bars from the headline at each input's low end to its high end, widest on top."""
    specs, headline, claimed_total = model.inputs, model.headline_output, model.threshold
    rows = table.iloc[::-1]  # plotly draws the first category at the bottom
    labels = [specs[name].label for name in rows["input"]]
    ends = [f"{display(lo, specs[n].unit)} → {display(hi, specs[n].unit)}"
            for n, lo, hi in zip(rows["input"], rows["low_value"], rows["high_value"],
                                 strict=True)]
    lows = np.minimum(rows["output_at_low"], rows["output_at_high"])
    highs = np.maximum(rows["output_at_low"], rows["output_at_high"])
    bars = go.Bar(
        y=labels, x=(highs - lows).to_numpy(), base=lows.to_numpy(), orientation="h",
        name="Swing",
        marker={"color": PROVENANCE["assumed"]["color"],
                "pattern": {"shape": PROVENANCE["assumed"]["pattern"]}},
        customdata=np.column_stack([ends, [human(v) for v in rows["output_at_low"]],
                                    [human(v) for v in rows["output_at_high"]]]),
        hovertemplate="%{y}<br>%{customdata[0]}<br>%{customdata[1]} → %{customdata[2]}"
                      "<extra></extra>",
    )
    point = float(table["output_at_point"].iloc[0]) if len(table) else np.nan
    lines = [reference_line("x", point, PROVENANCE["derived"]["color"],
                            f"point value {human(point)}", "bottom right"),
             reference_line("x", claimed_total, CLAIM_LINE, f"claim: {human(claimed_total)}",
                            "top left", dash="dash", font_color=CLAIM_LINE)]
    if len(table) and not table["swing"].gt(0).any():
        title = f"None of the ranged assumptions moves the {headline.label.lower()} on its own"
    elif len(table):
        top = table.iloc[0]
        title = (f"{specs[top['input']].label} moves the {headline.label.lower()} most: "
                 f"{human(top['output_at_low'])} to {human(top['output_at_high'])}")
    else:
        title = "No input has a range"
    fig = go.Figure(data=[bars], layout=base_layout(
        title, f"{headline.label} ({headline.unit}, log scale)", "",
        height=max(260, 70 + 48 * len(table)), lines=lines, xaxis={"type": "log"}))
    data = table.assign(assumption=[specs[n].label for n in table["input"]])
    return Chart(fig, data, source=f"Each bar: the {headline.label.lower()} with one input at "
                 "the two ends of its range and all others at their point values "
                 "(no sampling).")


def shares_chart(model: Model, shares: pd.DataFrame, correlated: bool = False) -> Chart:
    """First-order variance shares of the log of the headline per input, largest first.
    `correlated`: the draws had correlated inputs, which the note under the chart says
    the shares' reading (additive, one input at a time) assumes away."""
    specs, headline = model.inputs, model.headline_output
    ordered = shares.sort_values("share_log", ascending=True, kind="stable")
    labels = [specs[name].label for name in ordered["input"]]
    bars = go.Bar(
        y=labels, x=ordered["share_log"].to_numpy() * 100, orientation="h",
        name="Share of variance",
        marker={"color": PROVENANCE["derived"]["color"],
                "pattern": {"shape": PROVENANCE["derived"]["pattern"]}},
        text=[percent(v * 100, 1) for v in ordered["share_log"]], textposition="outside",
        cliponaxis=False, hovertemplate="%{y}: %{x:.1f}%<extra></extra>",
    )
    if len(shares) and not shares["share_log"].gt(0).any():
        title = (f"No ranged assumption alone explains any of the variance of "
                 f"log({headline.label.lower()})")
    elif len(shares):
        top = shares.loc[shares["share_log"].idxmax()]
        title = (f"{specs[top['input']].label} explains {percent(top['share_log'] * 100, 0)} "
                 "of the uncertainty: research it first")
    else:
        title = "No input has a range"
    fig = go.Figure(data=[bars], layout=base_layout(
        title, f"Share of the variance of log({headline.label.lower()}) (%)", "",
        height=max(240, 70 + 44 * len(shares)), xaxis={"range": [0, 110]}))
    data = shares.assign(assumption=[specs[n].label for n in shares["input"]])
    notes = (["These shares assume the assumptions vary independently, and a correlation is "
              "set: an input correlated with another also carries part of its partner's "
              "share, so the shares overlap and can add up to more than 100%. The Sobol "
              "indices below take the inputs as independent."] if correlated else [])
    return Chart(fig, data, source="First-order (Sobol-type) index from the same draws: the "
                 f"share of the variance of log({headline.label.lower()}) that fixing this "
                 "input alone would remove. See Method & caveats.", notes=notes)


def convergence_chart(model: Model, frame: pd.DataFrame) -> Chart:
    """P(claim holds) from the first k draws as k grows, with its 95 % interval
    (± 1.96 Monte Carlo standard errors): where the estimate settles."""
    claim = human(model.threshold)
    last = frame.iloc[-1]
    x = frame["draws"].to_numpy()
    band = go.Scatter(
        x=np.concatenate([x, x[::-1]]),
        y=np.concatenate([frame["high"].to_numpy(), frame["low"].to_numpy()[::-1]]) * 100,
        fill="toself", fillcolor="rgba(115,115,115,0.25)", line={"width": 0},
        name="95% interval (± 1.96 standard errors)", hoverinfo="skip")
    line = go.Scatter(
        x=x, y=frame["p_claim"].to_numpy() * 100, mode="lines+markers",
        name="P(claim holds) from the first draws",
        line={"color": PROVENANCE["derived"]["color"], "width": 2},
        marker={"symbol": "circle", "size": 7},
        customdata=frame["se"].to_numpy() * 100,
        hovertemplate="%{x:,} draws: %{y:.2f}% ± %{customdata:.2f}<extra></extra>")
    title = (f"The chance the claim ({claim}) holds settles at "
             f"{percent(last['p_claim'] * 100, 1)} ± {percent(last['se'] * 100, 2)} "
             f"after {int(last['draws']):,} draws")
    fig = go.Figure(data=[band, line], layout=base_layout(
        title, "Draws used (log scale)", "P(claim holds) (%)", height=340,
        xaxis={"type": "log"}))
    data = frame.rename(columns={"p_claim": "p_claim_holds", "se": "standard_error",
                                 "low": "interval_low", "high": "interval_high"})
    return Chart(fig, data, source="The first k draws of this run for each k; standard error "
                 "√(p(1 − p)/k). Quadrupling the draws halves it.")


def sobol_chart(model: Model, sobol: SobolResult, scale: str = "log") -> Chart:
    """First- and total-order Sobol indices per input with their confidence intervals,
    largest total first; the gap between the two bars is the input's interactions."""
    specs, output = model.inputs, model.output(sobol.output)
    subject = (f"log({output.label.lower()})" if scale == "log" else output.label.lower())
    rows = sobol.on(scale).sort_values("total", ascending=True, kind="stable")
    labels = [specs[name].label for name in rows["input"]]
    bars = []
    for order, kind, name in (("first", "assumed", "First-order (alone)"),
                              ("total", "derived", "Total-order (with interactions)")):
        style = PROVENANCE[kind]
        bars.append(go.Bar(
            y=labels, x=rows[order].to_numpy() * 100, orientation="h", name=name,
            error_x={"type": "data", "array": rows[f"{order}_conf"].to_numpy() * 100,
                     "visible": True, "color": OKABE_ITO["black"], "thickness": 1.5},
            marker={"color": style["color"], "pattern": {"shape": style["pattern"]}},
            customdata=np.column_stack([rows[f"{order}_low"] * 100,
                                        rows[f"{order}_high"] * 100]),
            hovertemplate="%{y}: %{x:.1f}% (%{customdata[0]:.1f} – %{customdata[1]:.1f})"
                          "<extra>" + name + "</extra>"))
    conf = percent(sobol.conf_level * 100, 0)
    if len(rows) and not rows["total"].gt(0).any():
        title = f"None of the ranged assumptions moves the {subject}"
    elif len(rows):
        top = rows.iloc[-1]
        title = (f"{specs[top['input']].label} drives {percent(top['total'] * 100, 0)} of the "
                 f"variance of {subject} with its interactions ({conf} interval "
                 f"{percent(top['total_low'] * 100, 0)} – {percent(top['total_high'] * 100, 0)})")
    else:
        title = "No input has a range"
    fig = go.Figure(data=bars, layout=base_layout(
        title, f"Share of the variance of {subject} (%)", "", barmode="group",
        height=max(260, 80 + 60 * len(rows)), xaxis={"range": [0, 110]}))
    data = rows.iloc[::-1].assign(assumption=labels[::-1])
    return Chart(fig, data, source=(
        f"Sobol indices from SALib's Saltelli design: {sobol.evaluations:,} model runs "
        f"({sobol.base:,} base rows), each input drawn from its own range, independently; "
        f"error bars: {conf} bootstrap confidence intervals. The gap between an input's two "
        "bars is the part it explains only together with others, which the tornado cannot "
        "show."))


def claim_map_chart(model: Model, grid: ClaimMap) -> Chart:
    """Heat map of an output over two inputs, the claim's contour, the current point."""
    x_spec, y_spec = model.inputs[grid.x_name], model.inputs[grid.y_name]
    output = model.output(grid.output)
    z = grid.z.astype(np.float32)
    ticks = _decades(z)
    traces = [go.Heatmap(
        x=grid.x.astype(np.float32), y=grid.y.astype(np.float32), z=np.log10(z),
        colorscale="Cividis", name=output.label,
        colorbar={"title": {"text": output.unit}, "tickvals": ticks,
                  "ticktext": [human(10.0 ** k) for k in ticks]},
        hovertemplate=f"{x_spec.label}: %{{x:.3g}}<br>{y_spec.label}: %{{y:.3g}}<br>"
                      f"10^%{{z:.2f}} {output.unit}<extra></extra>",
    ), go.Contour(
        x=grid.x.astype(np.float32), y=grid.y.astype(np.float32), z=z,
        contours={"start": grid.level, "end": grid.level, "size": 1, "coloring": "none",
                  "showlabels": False},
        line={"color": CLAIM_LINE, "width": 3, "dash": "dash"}, showscale=False,
        name=f"Claim: {human(grid.level)}", showlegend=True, hoverinfo="skip",
    ), go.Scatter(
        x=[grid.x_point], y=[grid.y_point], mode="markers", name="Current setting",
        marker={"symbol": "diamond", "size": 13, "color": OKABE_ITO["vermillion"],
                "line": {"color": "white", "width": 2}},
        hovertemplate="Current setting<extra></extra>",
    )]
    held = float(grid.holds.mean())
    title = (f"The claim holds on {percent(held * 100, 0)} of this map; the dashed line "
             f"marks {human(grid.level)}")
    if held in (0.0, 1.0):
        title = (f"The claim {'holds' if held else 'fails'} everywhere on this map")
    fig = go.Figure(data=traces, layout=base_layout(
        title, f"{x_spec.label} ({_unit(x_spec)})", f"{y_spec.label} ({_unit(y_spec)})",
        height=520, xaxis={"type": "log"} if grid.x_log else {},
        yaxis={"type": "log"} if grid.y_log else {}))
    return Chart(fig, grid.frame(), source=f"{output.label} on a grid of the two inputs "
                 "(over their ranges, or their whole allowed span), others at their point "
                 "values. Dashed line: where it equals the document's claim.")


def _decades(z: np.ndarray) -> list[int]:
    """Whole powers of ten spanning the map's values, for its colour bar's ticks."""
    positive = z[np.isfinite(z) & (z > 0)]
    if not positive.size:
        return []
    return list(range(int(np.floor(np.log10(positive.min()))),
                      int(np.ceil(np.log10(positive.max()))) + 1))
