"""Charts for the sample page: how unevenly the sampled units' count is spread.

Every figure here is context data (not from the document), in the document's words
(`SampleUnits.words`). Groups the source states are drawn in the context style; groups
ClaimScope derives from its figures in the derived style, so the two differ by colour and
by fill pattern.
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
from claimscope.context.sample_arithmetic import group_frame
from claimscope.context.sample_units import SampleUnits
from claimscope.files.page_config import UnitWords, slug
from claimscope.text.numbers import human, percent

STATUS_STYLE = {"stated": PROVENANCE["context"], "derived": PROVENANCE["derived"]}
STATUS_LABEL = {"stated": "stated in the source", "derived": "derived from its figures"}
LINE_COLOUR = OKABE_ITO["black"]
ANNOTATION_BACKGROUND = "rgba(255, 255, 255, 0.85)"


def _measures(words: UnitWords) -> dict[str, tuple[str, str]]:
    """The two shares a group is drawn by: column -> (name, colour)."""
    return {"share_of_population": ("Share of the sampled population", OKABE_ITO["sky"]),
            "share_of_count": (f"Share of the {words.counted}", OKABE_ITO["purple"])}


def _source(data: SampleUnits) -> str:
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


def share_chart(data: SampleUnits) -> Chart:
    """Each group's share of the count beside its share of the sampled people."""
    words = data.words
    measures = _measures(words)
    frame = group_frame(data)
    frame["label"] = _labels(frame)
    traces = []
    for column, (measure, colour) in measures.items():
        traces.append(go.Bar(
            x=frame["label"], y=frame[column], name=measure,
            marker={"color": colour, "pattern": _pattern(frame["status"])},
            text=[percent(v, 0) for v in frame[column]], textposition="outside",
            hovertemplate="%{x}: %{y:.1f}%<extra>" + measure + "</extra>",
        ))
    top = frame.loc[frame["share_of_count"].idxmax()]
    title = (f"{top['group']}: {percent(top['share_of_population'], 0)} of the people, "
             f"{percent(top['share_of_count'], 0)} of the {words.counted}")
    top_value = frame[list(measures)].to_numpy().max()
    fig = go.Figure(data=traces, layout=base_layout(
        title, f"{words.unit_first} group", "Share of the sampled total (%)",
        barmode="group", yaxis={"range": [0, top_value * 1.15]}))
    plotted = frame.melt(id_vars=["group", "status"], value_vars=list(measures),
                         var_name="measure", value_name="percent")
    plotted["measure"] = plotted["measure"].map(lambda m: measures[m][0])
    return Chart(fig, plotted, _source(data), [
        f"Shares of the sampled {words.units}' combined {human(data.count)} {words.counted} and "
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


def rate_chart(data: SampleUnits) -> Chart:
    """The count per resident in each group, against the rate of the whole sample."""
    words = data.words
    rate = f"{words.counted_first} {words.counted_how} per resident"
    everyone = f"All sampled {words.units}"
    frame = group_frame(data)
    frame["label"] = _labels(frame)
    average = data.average_rate
    traces = _status_bars(frame, "count_per_resident", "Group", lambda v: human(v, 2),
                          f"%{{x}}: %{{y:.2f}} {words.counted} per resident<extra></extra>")
    line = reference_line("y", average, LINE_COLOUR,
                          f"{everyone}: {human(average, 2)} per resident",
                          "bottom right", dash="dot", background=ANNOTATION_BACKGROUND)
    low = frame.loc[frame["count_per_resident"].idxmin()]
    high = frame.loc[frame["count_per_resident"].idxmax()]
    title = (f"{rate} range from {human(low['count_per_resident'], 2)} "
             f"({low['group']}) to {human(high['count_per_resident'], 2)} ({high['group']})")
    fig = go.Figure(data=traces, layout=base_layout(
        title, f"{words.unit_first} group", rate, lines=[line],
        yaxis={"range": [0, frame["count_per_resident"].max() * 1.15]}))
    column = f"{slug(words.counted)}_per_resident"
    plotted = pd.concat([
        pd.DataFrame({"group": frame["group"], "status": frame["status"],
                      column: frame["count_per_resident"], "drawn_as": "bar"}),
        pd.DataFrame({"group": [everyone], "status": ["stated"],
                      column: [average], "drawn_as": ["line"]}),
    ], ignore_index=True)
    return Chart(fig, plotted, _source(data),
                 [f"{words.counted_first} {words.counted_how} {data.request.window} ÷ "
                  f"residents ({data.request.population_basis})."])


def leave_one_out_chart(data: SampleUnits, claimed_total: float) -> Chart:
    """The national total when each group is left out, against pro rata and the claim."""
    words = data.words
    frame = group_frame(data)
    frame["label"] = _labels(frame, prefix="Without<br>")
    traces = _status_bars(frame, "national_without", "Leaves out a group", human,
                          f"%{{x}}: %{{y:,.0f}} {words.counted}<extra></extra>")
    lines = [reference_line("y", data.pro_rata, LINE_COLOUR,
                            f"All groups, pro rata: {human(data.pro_rata)}", "bottom right",
                            dash="dot", background=ANNOTATION_BACKGROUND),
             claim_line(claimed_total, f"Document: in excess of {human(claimed_total)}")]
    top = max(frame["national_without"].max(), data.pro_rata)
    fig = go.Figure(data=traces, layout=base_layout(
        _leave_one_out_title(frame, claimed_total), "Group left out",
        f"{words.counted_first}, {words.whole}", lines=lines,
        yaxis={"range": [0, top * 1.15]}))
    plotted = pd.concat([
        pd.DataFrame({"left_out": frame["group"], "status": frame["status"],
                      "national_total": frame["national_without"], "drawn_as": "bar"}),
        pd.DataFrame({"left_out": ["none (pro rata on all groups)", "document's claim"],
                      "status": ["derived", "reported"],
                      "national_total": [data.pro_rata, claimed_total],
                      "drawn_as": ["line", "line"]}),
    ], ignore_index=True)
    return Chart(fig, plotted, _source(data), [
        f"Each bar leaves one group out and scales the others' {words.counted} by their share "
        f"of the population of {words.whole} ({human(data.whole_population, 2)} = "
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
