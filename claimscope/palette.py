"""The colours every view shares: a colour-blind-safe palette (Okabe-Ito) and the look of
each kind of number. Plain data, so the core (tooltips, highlighted text) and the charts
draw from one place without the core importing the charts.
"""

from __future__ import annotations

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
