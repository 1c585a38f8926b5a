"""The membership page's timeline: the commitments the document dates, one row each, with the
document's own date marked as "today"."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from claimscope.charts.style import KIND_MARKERS, OKABE_ITO, Chart, base_layout, reference_line
from claimscope.context.membership import Deadline

TODAY_COLOR = OKABE_ITO["vermillion"]


def timeline_chart(events: pd.DataFrame, today: pd.Timestamp, dates: Deadline) -> Chart:
    """Each dated commitment on its own row, 2014 → 2030, and where the document stood."""
    data = pd.concat([events, pd.DataFrame([{
        "claim_id": "", "event": "The document is dated", "date": today,
        "when": str(dates.document_year), "kind": "today", "quote": "",
    }])], ignore_index=True)
    traces = []
    for kind, group in events.groupby("kind", sort=False):
        style = KIND_MARKERS[kind]
        traces.append(go.Scatter(
            x=group["date"], y=group["event"], mode="markers+text", name=style["label"],
            marker={"symbol": style["symbol"], "color": style["color"], "size": 16,
                    "line": {"color": "white", "width": 1}},
            text=group["when"], textposition="middle right",
            customdata=pd.DataFrame({"quote": group["quote"].map(html.escape),
                                     "id": group["claim_id"]}),
            hovertemplate="%{y}, %{text}<br>“%{customdata[0]}”<br>"
                          "<i>%{customdata[1]}</i><extra></extra>",
        ))
    title = (f"When the document was written, {dates.left_at_document} of the "
             f"{dates.years} years to the {dates.deadline} deadline remained")
    first = events["date"].min()
    fig = go.Figure(data=traces, layout=base_layout(
        title, "Date the document gives", "", height=140 + 55 * len(events),
        lines=[reference_line("x", today, TODAY_COLOR, f"Document dated {dates.document_year}",
                              "bottom right", dash="dot", font_color=TODAY_COLOR)],
        xaxis={"range": [pd.Timestamp(first.year, 1, 1), pd.Timestamp(dates.deadline + 2, 1, 1)],
               "dtick": "M24", "tickformat": "%Y"},
        yaxis={"categoryorder": "array", "categoryarray": list(events["event"])[::-1],
               "automargin": True, "showgrid": False}))
    return Chart(fig, data, source="Source: the claims catalogue — each marker is a date "
                 "the document gives; the red line is the document's own date.",
                 notes=["Dates given only as a year sit at mid-year. Hover a marker for "
                        "the quote."])
