"""One look for every chart: a colour-blind-safe palette (Okabe-Ito) and provenance styles.

The Okabe-Ito hues are darkened where needed so that every colour reaches 4.5:1 against
the white page (WCAG 2.1 AA for text; chart marks need 3:1): the same colour can label a
line and colour its annotation. `tests/test_chart_style.py` checks the ratios.

Reported, derived and assumed values must look different even without colour, so each
also has its own fill pattern and line dash.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import pandas as pd
import plotly.graph_objects as go

from claimscope.views.palette import CLAIM_LINE, FONT, OKABE_ITO, PROVENANCE

__all__ = ["CLAIM_LINE", "FONT", "KIND_MARKERS", "OKABE_ITO", "PROVENANCE", "Chart", "Line",
           "base_layout", "claim_line", "reference_line"]


@dataclass
class Chart:
    """A figure and exactly the data it plots, for the 'data' view and the CSV download."""

    figure: go.Figure
    data: pd.DataFrame
    source: str = ""  # where the plotted numbers come from, shown under the chart
    notes: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The sentence title as plain text (tags and entities out): the chart's accessible
        name, and the caption drawn above it, which wraps where plotly's title cannot."""
        title = self.figure.layout.title.text or ""
        return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", title)).split())


class Line(NamedTuple):
    """A reference line: its layout shape and, when labelled, its annotation."""

    shape: dict
    note: dict | None = None


def base_layout(title: str, x_title: str = "", y_title: str = "", height: int = 420, *,
                lines: Iterable[Line] = (), **extra: Any) -> dict:
    """The shared look as a plain layout dict, for `go.Figure(data=..., layout=...)`.

    The title states the finding, axes carry units. `extra` adds layout keys; a dict
    given for a key the look already sets (margin, legend, xaxis, yaxis) is merged into
    it. Built as one dict because plotly validates a constructor's layout in one pass,
    while each `update_layout`/`update_xaxes` call splits its paths again (about three
    times the cost, on every rerun of every chart).
    """
    layout: dict[str, Any] = {
        "title": {"text": title, "x": 0, "xanchor": "left", "font": {"size": 16}},
        "xaxis": {"title": {"text": x_title}}, "yaxis": {"title": {"text": y_title}},
        "height": height, "font": {"family": FONT, "size": 13},
        "margin": {"l": 60, "r": 20, "t": 70, "b": 60},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
        "hoverlabel": {"font": {"family": FONT}},
    }
    lines = list(lines)
    given_notes = list(extra.pop("annotations", []))
    for key, value in extra.items():
        merge = isinstance(value, dict) and isinstance(layout.get(key), dict)
        layout[key] = {**layout[key], **value} if merge else value
    if lines:
        layout["shapes"] = [line.shape for line in lines]
    notes = [_on_log_axes(line.note, layout) for line in lines if line.note] + given_notes
    if notes:
        layout["annotations"] = notes
    return layout


def _on_log_axes(note: dict, layout: dict) -> dict:
    """A line's label as plotly places it: on a log axis an annotation's coordinate is the
    logarithm of the value (a shape's is the value itself), so a label at the value would
    land far off the chart and the line would go unnamed."""
    placed = dict(note)
    for axis in ("x", "y"):
        if note.get(f"{axis}ref") == axis and layout[f"{axis}axis"].get("type") == "log":
            placed[axis] = math.log10(note[axis])
    return placed


# Where a line's label sits: (position along the line in its axis domain, anchors).
_X_LINE_LABELS = {"top right": (1, "left", "top"), "top left": (1, "right", "top"),
                  "bottom right": (0, "left", "bottom"), "bottom left": (0, "right", "bottom")}
_Y_LINE_LABELS = {"top left": (0, "left", "bottom"), "top right": (1, "right", "bottom"),
                  "bottom left": (0, "left", "top"), "bottom right": (1, "right", "top")}


def reference_line(axis: str, value: Any, color: str, label: str = "",
                   position: str = "top right", dash: str = "solid", width: float = 2,
                   font_color: str | None = None, background: str | None = None) -> Line:
    """A line across the plot at `value` on the x or y axis, with a label: the same shape
    and annotation as plotly's `add_vline`/`add_hline`, for `base_layout(lines=...)`."""
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
    if not label:
        return Line(shape)
    note.update(text=label, showarrow=False, xanchor=x_anchor, yanchor=y_anchor)
    if font_color:
        note["font"] = {"color": font_color}
    if background:
        note["bgcolor"] = background
    return Line(shape, note)


def claim_line(value: float, label: str, axis: str = "y") -> Line:
    """Mark the document's claimed threshold on a chart."""
    return reference_line("x" if axis == "x" else "y", value, CLAIM_LINE, label,
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
