"""The colours every view shares: a colour-blind-safe palette (Okabe-Ito) and the look of
each kind of number. Plain data, so the core (tooltips, highlighted text) and the charts
draw from one place without the core importing the charts.
"""

from __future__ import annotations

# Okabe-Ito hues darkened where needed so that every colour, as text or as a chart mark,
# has a contrast of at least 4.5:1 on white (WCAG 2.1 AA); the original in comments.
OKABE_ITO = {
    "blue": "#0072B2",  # #0072B2
    "orange": "#A35F00",  # #E69F00
    "green": "#007A5E",  # #009E73
    "vermillion": "#B34700",  # #D55E00
    "sky": "#3A7CA5",  # #56B4E9
    "purple": "#A6507F",  # #CC79A7
    "yellow": "#7A6E00",  # #F0E442
    "black": "#000000",
    "grey": "#737373",  # #999999
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
CLAIM_LINE = OKABE_ITO["vermillion"]  # the threshold of the document's claim

FONT = "system-ui, -apple-system, Segoe UI, Roboto, sans-serif"
