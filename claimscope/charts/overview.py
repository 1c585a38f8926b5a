"""The Overview's timeline: every dated claim, across the years the document names, in one
lane per category."""

from __future__ import annotations

import html
import textwrap

import pandas as pd
import plotly.graph_objects as go

from claimscope.charts.style import KIND_MARKERS, Chart, base_layout
from claimscope.files.catalogue import Catalogue
from claimscope.text.units import Unit
from claimscope.views.overview import (
    dates_left_out,
    timeline_finding,
    timeline_frame,
    timeline_lanes,
    timeline_span,
)

_HOVER_WIDTH = 60
_MIN_LANE_PX, _MARKER_GAP_PX = 60, 20
_MOST_TICKS = 12


def _hover_quote(quote: str) -> str:
    """The quote wrapped for a tooltip, with any markup characters made inert."""
    return "<br>".join(html.escape(line) for line in textwrap.wrap(f"“{quote}”", _HOVER_WIDTH))


def _headline(value_text: str, unit: Unit) -> str:
    """'26 million members', '2030'; a unit its format already writes is not repeated."""
    return value_text if unit.writes_itself else f"{value_text} {unit}"


def _time_axis(data: pd.DataFrame) -> dict[str, object]:
    """The document's own span of years, a tick every year or every few, so a long span
    stays readable; plotly's own choice when nothing is dated."""
    span = timeline_span(data)
    if span is None:
        return {"tickformat": "%Y"}
    years_per_tick = max(1, -(-(span[1].year - span[0].year) // _MOST_TICKS))
    return {"range": list(span), "dtick": f"M{12 * years_per_tick}", "tickformat": "%Y"}


def _lane_height(data: pd.DataFrame) -> int:
    """Pixels per lane: enough for the tallest stack of same-year markers to stay apart."""
    if data.empty:
        return _MIN_LANE_PX
    tallest = int(data.groupby(["category", data["date"].dt.year]).size().max())
    return max(_MIN_LANE_PX, _MARKER_GAP_PX * (tallest - 1))


def timeline_chart(catalogue: Catalogue) -> Chart:
    """Dated claims as markers on a time axis; the title says where most of them fall."""
    data = timeline_frame(catalogue)
    vocabulary = catalogue.vocabulary
    lanes = timeline_lanes(data, vocabulary)
    traces = []
    for kind, style in KIND_MARKERS.items():
        group = data[data["kind"] == kind]
        if group.empty:
            continue
        hover = pd.DataFrame({
            "headline": [html.escape(_headline(v, vocabulary.unit(u)))
                         for v, u in zip(group["value_text"], group["unit"], strict=True)],
            "source": (group["who"] + ", " + group["when"]).map(html.escape),
            "quote": group["quote"].map(_hover_quote),
            "id": group["id"],
        })
        traces.append(go.Scatter(
            x=group["date"], y=group["lane_position"], mode="markers", name=style["label"],
            marker={"symbol": style["symbol"], "color": style["color"], "size": 14,
                    "line": {"color": "white", "width": 1}},
            customdata=hover,
            hovertemplate=(f"<b>%{{customdata[0]}}</b> ({vocabulary.kind_label(kind)})<br>"
                           "%{customdata[1]}<br>"
                           "%{customdata[2]}<br><i>%{customdata[3]}</i><extra></extra>"),
        ))
    fig = go.Figure(data=traces, layout=base_layout(
        timeline_finding(data), "Date the claim refers to (year)", "Category",
        height=max(320, 140 + _lane_height(data) * len(lanes)),
        xaxis=_time_axis(data),
        yaxis={"tickvals": list(range(len(lanes))),
               "ticktext": [vocabulary.category_heading(lane) for lane in lanes],
               "range": [len(lanes) - 0.5, -0.5], "showgrid": False, "zeroline": False}))
    notes = ["Claims dated only to a year sit at mid-year. Markers in one lane and year are "
             "spread vertically so none hides another; hover a marker for the quote."]
    notes += [f"Not on the timeline — {problem}." for problem in dates_left_out(catalogue)]
    return Chart(fig, data, source="Source: the claims catalogue — each marker is a claim "
                 "the document dates, placed at the date it states.", notes=notes)
