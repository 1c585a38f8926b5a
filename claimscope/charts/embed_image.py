"""A still picture of an embed's view, for pages that allow no scripts or frames: the
step chart with the sentence and the verdict above it and the document's credit below,
all as text in the image (SVG text, or pixels in a PNG), made on the server by plotly's
static export (kaleido driving Debian's Chromium, with no MathJax and plotly.js from the
installed package: nothing is fetched).
"""

from __future__ import annotations

import html
import os
import re
import textwrap
from collections.abc import Mapping
from typing import Literal

import kaleido
import plotly.graph_objects as go

from claimscope.bundle import Bundle
from claimscope.charts.projection import step_chart
from claimscope.charts.style import FONT
from claimscope.views.narrative import reactive_sentence, verdict

Kind = Literal["svg", "png"]
WIDTH = 820  # px: an article's column
CHART_HEIGHT = 440  # px, below the sentence and verdict
LINE_PX = 21  # px per line of the text above the chart
BOTTOM = 190  # px below the chart: its slanted stage names, then the credit
WRAP = 92  # characters per line of that text
CHROMIUM = os.environ.get("BROWSER_PATH", "/usr/bin/chromium")  # kaleido's own variable
_BOLD = re.compile(r"\*\*(.+?)\*\*")
MEDIA_TYPES = {"svg": "image/svg+xml", "png": "image/png"}


def _lines(markdown: str) -> list[str]:
    """Wrapped lines of plotly's text markup: escaped, with the **bold** spans kept (a
    bold span never breaks across lines: its words are joined by no-break spaces)."""
    text = _BOLD.sub(lambda m: "**" + m.group(1).replace(" ", "\u00a0") + "**", markdown)
    return [_BOLD.sub(r"<b>\1</b>", html.escape(line, quote=False)).replace("\u00a0", " ")
            for line in textwrap.wrap(text, WRAP)]


def embed_figure(bundle: Bundle, values: Mapping[str, float]) -> go.Figure:
    """The step chart at `values` with the sentence and the verdict as its heading."""
    model = bundle.model
    out = model.evaluate(values)
    holds, said = verdict(model, out)
    sentence = (reactive_sentence(bundle.sentence, model, bundle.catalogue, values, out)
                if bundle.sentence else "")
    heading = _lines(sentence) + [""] + _lines(("✓ " if holds else "✗ ") + said)
    top = 16 + LINE_PX * len(heading) + 44  # the heading, then room for the legend
    meta = bundle.document.meta
    credit = (f"Source: {meta['author']}, {meta['title']} ({meta['date']}). "
              "Numbers: ClaimScope, from the document's figures and the assumptions set.")
    figure = go.Figure(step_chart(model, values, out).figure)
    figure.update_layout(
        title={"text": "<br>".join(heading), "x": 0.01, "xanchor": "left", "y": 1,
               "yref": "container", "yanchor": "top", "pad": {"t": 16},
               "font": {"size": 14}},
        width=WIDTH, height=CHART_HEIGHT + top + BOTTOM, paper_bgcolor="white",
        margin={"t": top, "b": BOTTOM, "l": 70, "r": 20}, font={"family": FONT},
        legend={"y": 1.0, "yanchor": "bottom"})
    figure.add_annotation(text="<br>".join(html.escape(line) for line in
                                          textwrap.wrap(credit, WRAP + 20)),
                          xref="paper", yref="paper", x=0, y=0, yshift=-(BOTTOM - 50),
                          xanchor="left", yanchor="top", showarrow=False, align="left",
                          font={"size": 11, "color": "#4a4c57"})
    return figure


def static_image(figure: go.Figure, kind: Kind) -> bytes:
    """The figure as SVG or PNG bytes, drawn by kaleido in Chromium, offline."""
    layout = figure.layout
    return kaleido.calc_fig_sync(
        figure, opts={"format": kind, "width": layout.width, "height": layout.height,
                      "scale": 2 if kind == "png" else 1},
        kopts={"mathjax": False, "path": CHROMIUM})
