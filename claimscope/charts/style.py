"""One look for every chart: a colour-blind-safe palette (Okabe-Ito) and provenance styles.

The Okabe-Ito hues are darkened where needed so that every colour reaches 4.5:1 against
the white page (WCAG 2.1 AA for text; chart marks need 3:1): the same colour can label a
line and colour its annotation. `tests/test_chart_style.py` checks the ratios.

Reported, derived and assumed values must look different even without colour, so each
also has its own fill pattern and line dash.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from claimscope.palette import CLAIM_LINE, FONT, OKABE_ITO, PROVENANCE

__all__ = ["CLAIM_LINE", "FONT", "KIND_MARKERS", "OKABE_ITO", "PROVENANCE", "Chart", "base_layout",
           "claim_line", "reference_line"]

@dataclass
class Chart:
    """A figure and exactly the data it plots, for the 'data' view and the CSV download."""

    figure: go.Figure
    data: pd.DataFrame
    source: str = ""  # where the plotted numbers come from, shown under the chart
    notes: list[str] = field(default_factory=list)


def base_layout(fig: go.Figure, title: str, x_title: str = "", y_title: str = "",
                height: int = 420) -> go.Figure:
    """Apply the shared look; the title states the finding, axes carry units."""
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 16}},
        xaxis_title=x_title, yaxis_title=y_title, height=height,
        font={"family": FONT, "size": 13},
        margin={"l": 60, "r": 20, "t": 70, "b": 60},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
        hoverlabel={"font_family": FONT},
    )
    return fig


# Where a line's label sits: (position along the line in its axis domain, anchors).
_X_LINE_LABELS = {"top right": (1, "left", "top"), "top left": (1, "right", "top"),
                  "bottom right": (0, "left", "bottom"), "bottom left": (0, "right", "bottom")}
_Y_LINE_LABELS = {"top left": (0, "left", "bottom"), "top right": (1, "right", "bottom"),
                  "bottom left": (0, "left", "top"), "bottom right": (1, "right", "top")}


def reference_line(fig: go.Figure, axis: str, value: float, color: str, label: str = "",
                   position: str = "top right", dash: str = "solid", width: float = 2,
                   font_color: str | None = None, background: str | None = None) -> go.Figure:
    """A line across the plot at `value` on the x or y axis, with a label.

    The same shape and annotation as plotly's `add_vline`/`add_hline`, added directly:
    those helpers cost about three times as much, on every rerun of every chart.
    """
    line = {"color": color, "dash": dash, "width": width}
    if axis == "x":
        shape = {"type": "line", "x0": value, "x1": value, "xref": "x", "y0": 0, "y1": 1,
                 "yref": "y domain", "line": line}
        along, x_anchor, y_anchor = _X_LINE_LABELS[position]
        note = {"x": value, "xref": "x", "y": along, "yref": "y domain"}
    else:
        shape = {"type": "line", "x0": 0, "x1": 1, "xref": "x domain", "y0": value,
                 "y1": value, "yref": "y", "line": line}
        along, x_anchor, y_anchor = _Y_LINE_LABELS[position]
        note = {"x": along, "xref": "x domain", "y": value, "yref": "y"}
    fig.add_shape(shape)
    if label:
        note.update(text=label, showarrow=False, xanchor=x_anchor, yanchor=y_anchor)
        if font_color:
            note["font"] = {"color": font_color}
        if background:
            note["bgcolor"] = background
        fig.add_annotation(note)
    return fig


def claim_line(fig: go.Figure, value: float, label: str, axis: str = "y") -> go.Figure:
    """Mark the document's claimed threshold on a chart."""
    return reference_line(fig, "x" if axis == "x" else "y", value, CLAIM_LINE, label,
                          "top right" if axis == "x" else "top left", dash="dash",
                          font_color=CLAIM_LINE)


# Each kind of claim gets its own shape and colour, so neither alone carries the meaning.
# Reported and derived follow the shared provenance colours; targets and dates are
# stated in the document too, so they take the remaining Okabe-Ito hues, not "assumed".
KIND_MARKERS = {
    "reported": {"color": PROVENANCE["reported"]["color"], "symbol": "circle",
                 "label": "Reported figure"},
    "derived": {"color": PROVENANCE["derived"]["color"], "symbol": "diamond",
                "label": "Derived figure"},
    "target": {"color": OKABE_ITO["purple"], "symbol": "star", "label": "Target"},
    "date": {"color": OKABE_ITO["black"], "symbol": "square", "label": "Date or period"},
}
