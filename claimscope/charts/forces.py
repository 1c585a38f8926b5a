"""Charts for "Behind the 26 million": how unevenly the five forces' images are spread.

Every figure here is context data (not from the document). Groups the source states are
drawn in the context style; groups ClaimScope derives from its figures in the derived
style, so the two differ by colour and by fill pattern.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go

from claimscope.charts.style import (
    OKABE_ITO,
    PROVENANCE,
    Chart,
    base_layout,
    claim_line,
    reference_line,
)
from claimscope.forces import ForcesData, group_frame
from claimscope.numbers import human, percent

STATUS_STYLE = {"stated": PROVENANCE["context"], "derived": PROVENANCE["derived"]}
STATUS_LABEL = {"stated": "stated in the source", "derived": "derived from its figures"}
MEASURES = {"share_of_population": ("Share of the sampled population", OKABE_ITO["sky"]),
            "share_of_images": ("Share of the images", OKABE_ITO["purple"])}
LINE_COLOUR = OKABE_ITO["black"]
ANNOTATION_BACKGROUND = "rgba(255, 255, 255, 0.85)"


def _source(data: ForcesData) -> str:
    return (f"Context data, not from the document. Source: {data.source.citation()}. "
            "Groups marked derived are computed by ClaimScope from the source's stated figures.")


def _pattern(status: str | pd.Series) -> dict:
    """The provenance fill pattern for one status, or one per bar for a column of them."""
    shape = (STATUS_STYLE[status]["pattern"] if isinstance(status, str)
             else [STATUS_STYLE[s]["pattern"] for s in status])
    return {"shape": shape, "fillmode": "overlay", "solidity": 0.3}


def _label(name: str, status: str) -> str:
    """Axis label; derived groups say so in words as well as by their fill."""
    return name if status == "stated" else f"{name}<br>(derived)"


def _labels(frame: pd.DataFrame, prefix: str = "") -> list[str]:
    return [prefix + _label(n, s) for n, s in zip(frame["group"], frame["status"], strict=True)]


def share_chart(data: ForcesData) -> Chart:
    """Each group's share of the images beside its share of the sampled people."""
    frame = group_frame(data)
    frame["label"] = _labels(frame)
    traces = []
    for column, (measure, colour) in MEASURES.items():
        traces.append(go.Bar(
            x=frame["label"], y=frame[column], name=measure,
            marker={"color": colour, "pattern": _pattern(frame["status"])},
            text=[percent(v, 0) for v in frame[column]], textposition="outside",
            hovertemplate="%{x}: %{y:.1f}%<extra>" + measure + "</extra>",
        ))
    top = frame.loc[frame["share_of_images"].idxmax()]
    title = (f"{top['group']}: {percent(top['share_of_population'], 0)} of the people, "
             f"{percent(top['share_of_images'], 0)} of the images")
    top_value = frame[list(MEASURES)].to_numpy().max()
    fig = go.Figure(data=traces, layout=base_layout(
        title, "Force group", "Share of the sampled total (%)", barmode="group",
        yaxis={"range": [0, top_value * 1.15]}))
    plotted = frame.melt(id_vars=["group", "status"], value_vars=list(MEASURES),
                         var_name="measure", value_name="percent")
    plotted["measure"] = plotted["measure"].map(lambda m: MEASURES[m][0])
    return Chart(fig, plotted, _source(data), [
        f"Shares of the sampled forces' combined {human(data.images)} images and "
        f"{data.population:,} residents; each measure adds up to 100%. Cross-hatched bars: "
        "groups stated in the source; diagonal hatching: groups derived from its figures."])


def _status_bars(frame: pd.DataFrame, column: str, name: str,
                 text: Callable[[float], str], hover: str) -> list[go.Bar]:
    """One bar trace per status (stated, derived), each in its own colour and pattern."""
    traces = []
    for status in ("stated", "derived"):
        rows = frame[frame["status"] == status]
        if rows.empty:
            continue
        traces.append(go.Bar(
            x=rows["label"], y=rows[column], name=f"{name} {STATUS_LABEL[status]}",
            marker={"color": STATUS_STYLE[status]["color"], "pattern": _pattern(status)},
            text=[text(v) for v in rows[column]], textposition="outside",
            hovertemplate=hover,
        ))
    return traces


def rate_chart(data: ForcesData) -> Chart:
    """Images seized per resident in each group, against the rate of all five together."""
    frame = group_frame(data)
    frame["label"] = _labels(frame)
    average = data.average_rate
    traces = _status_bars(frame, "images_per_resident", "Group", lambda v: human(v, 2),
                          "%{x}: %{y:.2f} images per resident<extra></extra>")
    line = reference_line("y", average, LINE_COLOUR,
                          f"All sampled forces: {human(average, 2)} per resident",
                          "bottom right", dash="dot", background=ANNOTATION_BACKGROUND)
    low = frame.loc[frame["images_per_resident"].idxmin()]
    high = frame.loc[frame["images_per_resident"].idxmax()]
    title = (f"Images seized per resident range from {human(low['images_per_resident'], 2)} "
             f"({low['group']}) to {human(high['images_per_resident'], 2)} ({high['group']})")
    fig = go.Figure(data=traces, layout=base_layout(
        title, "Force group", "Images seized per resident", lines=[line],
        yaxis={"range": [0, frame["images_per_resident"].max() * 1.15]}))
    plotted = pd.concat([
        pd.DataFrame({"group": frame["group"], "status": frame["status"],
                      "images_per_resident": frame["images_per_resident"], "drawn_as": "bar"}),
        pd.DataFrame({"group": ["All sampled forces"], "status": ["stated"],
                      "images_per_resident": [average], "drawn_as": ["line"]}),
    ], ignore_index=True)
    return Chart(fig, plotted, _source(data),
                 [f"Images seized {data.request.window} ÷ residents "
                  f"({data.request.population_basis})."])


def leave_one_out_chart(data: ForcesData, claimed_total: float) -> Chart:
    """The national total when each group is left out, against pro rata and the claim."""
    frame = group_frame(data)
    frame["label"] = _labels(frame, prefix="Without<br>")
    traces = _status_bars(frame, "national_without", "Leaves out a group", human,
                          "%{x}: %{y:,.0f} images<extra></extra>")
    lines = [reference_line("y", data.pro_rata, LINE_COLOUR,
                            f"All groups, pro rata: {human(data.pro_rata)}", "bottom right",
                            dash="dot", background=ANNOTATION_BACKGROUND),
             claim_line(claimed_total, f"Document: in excess of {human(claimed_total)}")]
    top = max(frame["national_without"].max(), data.pro_rata)
    fig = go.Figure(data=traces, layout=base_layout(
        _leave_one_out_title(frame, claimed_total), "Group left out",
        "Images, England and Wales", lines=lines, yaxis={"range": [0, top * 1.15]}))
    plotted = pd.concat([
        pd.DataFrame({"left_out": frame["group"], "status": frame["status"],
                      "national_total": frame["national_without"], "drawn_as": "bar"}),
        pd.DataFrame({"left_out": ["none (pro rata on all groups)", "document's claim"],
                      "status": ["derived", "reported"],
                      "national_total": [data.pro_rata, claimed_total],
                      "drawn_as": ["line", "line"]}),
    ], ignore_index=True)
    return Chart(fig, plotted, _source(data), [
        f"Each bar leaves one group out and scales the others' images by their share of the "
        f"population of England and Wales ({human(data.england_wales_population, 2)} = "
        f"{data.population:,} ÷ {percent(data.share)}). Leaving out a stated group uses only "
        "stated figures; leaving out a derived group relies on derived ones."])


def _leave_one_out_title(frame: pd.DataFrame, claimed_total: float) -> str:
    below = frame[frame["national_without"] < claimed_total]
    low, high = frame["national_without"].min(), frame["national_without"].max()
    claim = human(claimed_total)
    if below.empty:
        return f"Leaving out any one group keeps the total above {claim} ({human(low)} or more)"
    if len(below) == 1:
        return (f"Without {below['group'].iloc[0]} the national total falls to {human(low)}, "
                f"below the {claim} claimed")
    return (f"Leaving out one group gives {human(low)} to {human(high)}; {len(below)} of "
            f"{len(frame)} fall below {claim}")
