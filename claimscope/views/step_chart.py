"""The step chart's words and look, shared by its two drawings: the server's plotly figure
(`claimscope.charts.projection.step_chart`: each scenario of the report, the still
picture) and the live panel's own SVG (claimscope/live/assets/stepchart.js: /projection,
the embed, the report's panel, the panel alone), which redraws it in the reader's
browser as they drag, with no plotly.js to load. Both write the chart's sentence by
`step_title`'s rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from claimscope.model.model import Model
from claimscope.text.template import parse_text
from claimscope.views.palette import CLAIM_LINE, PROVENANCE

SOURCE = ("Reported stages: the document's figures. Other stages: formulas of the "
          "document's figures and the assumptions set on this page.")
TABLE_COLUMNS = ("Stage", "Value", "Kind", "Operation")


def axis_title(model: Model) -> str:
    """The value axis: the headline's unit, on a log scale."""
    return f"{model.headline_output.unit.capitalize()} (log scale)"


def claim_label(model: Model) -> str:
    """The label of the claim's line across the chart."""
    return f"Document: {model.threshold_text}"


def step_title(stages: Sequence[tuple[str, str]], headline: tuple[str, str],
               threshold_text: str, ends_at_headline: bool) -> str:
    """The chart's sentence from its stages' (label, shown) and the headline's: the first
    stage becoming the headline (and the last stage, where that comes after it); one stage
    alone is set against the claim. Labels are as rendered; the twin is `stepTitle` in
    stepchart.js."""
    (first_stage, first_shown), (last_stage, last_shown) = stages[0], stages[-1]
    headline_label, headline_shown = headline
    if len(stages) == 1:
        return (f"{first_shown} ({first_stage.lower()}), against the document's "
                f"{threshold_text}")
    title = (f"{first_shown} {first_stage.lower()} become {headline_shown} "
             f"({headline_label.lower()})")
    if ends_at_headline:
        return title
    return f"{title} and {last_shown} ({last_stage.lower()})"


def step_chart_spec(model: Model) -> dict[str, Any] | None:
    """The step chart as the live panel draws it: each stage's input or output, its label
    and operation as templates and its kind; each kind's look and words; the axis, the
    claim's line and the table's words. None for a model that declares no step chart."""
    if not model.steps:
        return None
    headline = model.headline_output
    return {
        "stages": [{"name": step.input or step.output, "label": parse_text(step.label),
                    "kind": step.kind, "operation": parse_text(step.operation)}
                   for step in model.steps],
        "kinds": {kind: {name: PROVENANCE[kind][name] for name in ("label", "color",
                                                                    "pattern")}
                  for kind in dict.fromkeys(step.kind for step in model.steps)},
        "unit": headline.unit,
        "ends_at_headline": model.steps[-1].output == model.headline,
        "threshold": model.threshold,
        "threshold_text": model.threshold_text,
        "claim_label": claim_label(model),
        "claim_color": CLAIM_LINE,
        "axis_title": axis_title(model),
        "source": SOURCE,
        "table": {"summary": "The chart's numbers", "columns": list(TABLE_COLUMNS)},
    }
