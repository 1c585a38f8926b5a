"""Other published estimates over time, beside the document's own two figures.

Marker shape says what an estimate counted (colour is never the only channel), so two
points of one shape are comparable and two of different shapes are not. The document's
figures are drawn large and open, in the reported colour, with their words beside them;
the first estimate of each measure is labelled with its figure and what it counted;
ranges ("50,000 to 60,000") are error bars; the axis is logarithmic because the estimates
span two orders of magnitude.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from claimscope.charts.style import PROVENANCE, Chart, base_layout
from claimscope.context.estimates_context import ESTIMATES_CONTEXT_FILE
from claimscope.text.numbers import human

# One distinct shape per measure, in the order the data file lists them.
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "triangle-down", "cross", "x",
           "star", "hexagon", "pentagon", "hourglass", "star-triangle-up")
DOCUMENT_LABEL = "The document's figures (large, open)"


def figure_text(row: pd.Series) -> str:
    """'50,000' or '50,000–60,000', as the estimate was given."""
    if np.isnan(row["low"]):
        return human(row["figure"])
    return f"{human(row['low'])}–{human(row['high'])}"


def finding(frame: pd.DataFrame, published_noun: str) -> str:
    """The title: whether the document's figures count the same thing, and how widely the
    published estimates (`published_noun`, e.g. 'published estimates') spread in what they
    count and how many they find."""
    document = frame[frame["source"] == "document"]
    published = frame[frame["source"] == "published"]
    first, second = document.iloc[0], document.iloc[-1]
    pair = f"{human(first['plotted'])} → {human(second['plotted'])}"
    verdict = ("compares different things" if document["measured"].nunique() > 1
               else "compares one measure")
    low = published[["plotted", "low"]].min().min()
    high = published[["plotted", "high"]].max().max()
    years = f"{published['date'].min()[:4]}–{published['date'].max()[:4]}"
    return (f"The document's {pair} {verdict}: {published_noun}, {years}, count "
            f"{published['measured'].nunique()} different things, from {human(low)} to "
            f"{human(high)}")


def _first_labels(group: pd.DataFrame) -> list[str]:
    """The figure and measure beside the first estimate of a measure only: later ones
    (often restatements) sit in the same shape, and their words are in the hover and the
    table, so labels do not pile on top of each other."""
    first = ~group["measured"].duplicated()
    return [f"{row.figure_as_given} · {row.measure_short}" if is_first else ""
            for row, is_first in zip(group.itertuples(), first, strict=True)]


def _error_bars(group: pd.DataFrame) -> dict:
    ranged = group["low"].notna()
    return {"type": "data", "symmetric": False, "visible": bool(ranged.any()),
            "array": np.where(ranged, group["high"] - group["plotted"], 0.0),
            "arrayminus": np.where(ranged, group["plotted"] - group["low"], 0.0),
            "thickness": 1.5, "width": 6}


def published_estimates_chart(frame: pd.DataFrame, measure_order: list[str],
                              published_noun: str, unit: str) -> Chart:
    """Every estimate at the date it was stated, shaped by what it measured (`frame` from
    `estimates_context.estimates_frame`; `measure_order` fixes each measure's shape;
    `unit`: what the estimates count in, 'people')."""
    symbols = {m: SYMBOLS[i % len(SYMBOLS)] for i, m in enumerate(measure_order)}
    data = frame.assign(figure_as_given=frame.apply(figure_text, axis=1))
    traces = []
    context = PROVENANCE["context"]
    published = data[data["source"] == "published"]
    for measured in measure_order:
        group = published[published["measured"] == measured]
        if group.empty:
            continue
        traces.append(go.Scatter(
            x=group["year"], y=group["plotted"], mode="markers+text",
            name=group["measure_short"].iloc[0],
            marker={"symbol": symbols[measured], "size": 11, "color": context["color"],
                    "line": {"color": "#000000", "width": 1}},
            error_y=_error_bars(group),
            text=_first_labels(group), textposition="top center", textfont={"size": 11},
            customdata=group[["date", "who", "wording"]],
            hovertemplate="%{customdata[0]} · %{customdata[1]}<br>“%{customdata[2]}”"
                          "<extra></extra>",
        ))
    document = data[data["source"] == "document"]
    reported = PROVENANCE["reported"]
    traces.append(go.Scatter(
        x=document["year"], y=document["plotted"], mode="markers+text", name=DOCUMENT_LABEL,
        marker={"symbol": [f"{symbols[m]}-open" for m in document["measured"]], "size": 20,
                "color": reported["color"], "line": {"width": 3}},
        text="Document: " + document["wording"] + "<br>" + document["measure_short"],
        textposition="bottom center", textfont={"size": 12, "color": reported["color"]},
        customdata=document[["date", "who", "quote"]],
        hovertemplate="The document, %{customdata[0]} · %{customdata[1]}<br>"
                      "“%{customdata[2]}”<extra></extra>",
    ))
    fig = go.Figure(data=traces, layout=base_layout(
        finding(data, published_noun), "Year the estimate was stated",
        f"{unit.capitalize()} (log scale)", height=640,
        margin={"t": 60, "b": 190}, legend={"orientation": "h", "y": -0.16, "yanchor": "top"},
        yaxis={"type": "log"},
        xaxis={"dtick": 1, "range": [data["year"].min() - 1.5, data["year"].max() + 1.5]}))
    return Chart(fig, data, source=(
        "Published estimates: context data, not from the document "
        f"({ESTIMATES_CONTEXT_FILE}; sources listed per row). The document's figures: the "
        "catalogue, placed at the date it gives."),
        notes=["A range is drawn as an error bar around its geometric middle (its centre "
               "on the log axis); a date given as a year only is placed mid-year."])
