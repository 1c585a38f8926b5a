"""One look for every chart: a colour-blind-safe palette (Okabe-Ito) and provenance styles.

Reported, derived and assumed values must look different even without colour, so each
also has its own fill pattern and line dash.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

OKABE_ITO = {
    "blue": "#0072B2", "orange": "#E69F00", "green": "#009E73", "vermillion": "#D55E00",
    "sky": "#56B4E9", "purple": "#CC79A7", "yellow": "#F0E442", "black": "#000000",
    "grey": "#999999",
}

# How each kind of number is drawn. `target`/`date` claims share the reported look.
PROVENANCE = {
    "reported": {"color": OKABE_ITO["blue"], "pattern": "", "dash": "solid",
                 "label": "Reported in the document"},
    "derived": {"color": OKABE_ITO["orange"], "pattern": "/", "dash": "dash",
                "label": "Derived from reported figures"},
    "assumed": {"color": OKABE_ITO["grey"], "pattern": ".", "dash": "dot",
                "label": "Depends on assumptions"},
    "context": {"color": OKABE_ITO["green"], "pattern": "x", "dash": "dashdot",
                "label": "Context data, not from the document"},
}
CLAIM_LINE = OKABE_ITO["vermillion"]  # the document's 300 million threshold

FONT = "system-ui, -apple-system, Segoe UI, Roboto, sans-serif"


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


def claim_line(fig: go.Figure, value: float, label: str, axis: str = "y") -> go.Figure:
    """Mark the document's claimed threshold on a chart."""
    kwargs = {"line_color": CLAIM_LINE, "line_dash": "dash", "line_width": 2,
              "annotation_text": label, "annotation_font_color": CLAIM_LINE}
    if axis == "y":
        fig.add_hline(y=value, annotation_position="top left", **kwargs)
    else:
        fig.add_vline(x=value, annotation_position="top right", **kwargs)
    return fig
