"""What the live assumption panel needs to draw and recompute in the browser, as plain
JSON-able data, and the check of the values it sends back.

The browser renders every text from this spec with the same templates and number rules
as the server (`claimscope.text.template`, `claimscope.text.numbers`), in the same scope
(`Model.fixed_scope`, to which it adds the inputs and outputs as `Model.scope` does), with
the break-even table's words of `claimscope.views.projection`, and evaluates the model
with the JavaScript generated from the same expressions
(`claimscope.model.printing.javascript`), so what it shows while a reader drags is what
the server would say for those values. Where each rule lives: docs/architecture.md,
"Rules the browser and the server share".
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from claimscope.bundle import Bundle
from claimscope.files.inputs import InputSpec, fit_value
from claimscope.text.markdown import shown
from claimscope.text.numbers import display, human
from claimscope.text.template import parse_text
from claimscope.text.units import as_unit
from claimscope.views.narrative import VERDICT_FAILS, VERDICT_HOLDS
from claimscope.views.projection import BREAK_EVEN_WORDS
from claimscope.views.step_chart import step_chart_spec

KIND_TEXTS = {"derived": "Derived",
              "assumed": "Assumed"}
BREAK_EVEN_COLUMNS = ("Assumption", "Current value", "Claim holds while", "Move to break-even",
                      "Break-even within range", "Holds now")


def panel_inputs(bundle: Bundle) -> list[InputSpec]:
    """The inputs the Projection explorer shows, group by group in the file's order."""
    shown_groups = [group.id for group in bundle.input_groups if group.on_projection]
    return [spec for group in shown_groups for spec in bundle.inputs.values()
            if spec.group == group]


def _input(spec: InputSpec) -> dict[str, Any]:
    source = "the document's figure" if spec.claims else "an assumption"
    return {
        "name": spec.name, "label": spec.label, "unit": spec.unit.writing(),
        "group": spec.group, "min": spec.min, "max": spec.max, "step": spec.step,
        "default": spec.default, "integer": spec.is_integer, "help": spec.help,
        "basis": spec.basis, "exact_label": "Exact value", "unit_suffix": spec.unit.suffix,
        "default_text": f"Default {display(spec.default, spec.unit)} ({source}).",
    }


def panel_spec(bundle: Bundle) -> dict[str, Any]:
    """The panel's static spec for one document: inputs, outputs, templates, words and
    the step chart's."""
    model = bundle.model
    inputs = panel_inputs(bundle)
    shown = {spec.name for spec in inputs}
    headline = model.headline_output
    return {
        "inputs": [_input(spec) for spec in inputs],
        # every input's default, shown or not: the sentence says which moved off its own
        "defaults": model.defaults(),
        "compact": False,
        "groups": [{"id": g.id, "title": g.title} for g in bundle.input_groups
                   if g.on_projection],
        "outputs": [{"name": out.name, "label": parse_text(out.label),
                     "unit": as_unit(out.unit).writing(),
                     "kind": out.kind, "kind_text": KIND_TEXTS.get(out.kind, out.kind),
                     "formula_text": f"{out.formula}."}
                    for out in model.card_outputs],
        # constants, units and claims: the browser adds the inputs and outputs
        "scope": model.fixed_scope.to_json(),
        # what is said instead of an output's number where its condition fails
        "invalid_words": {name: model.output(name).invalid_words for name in model.conditioned},
        "headline": model.headline,
        "headline_label": parse_text(headline.label),
        "headline_unit": as_unit(headline.unit).writing(),
        "threshold": model.threshold,
        "break_even_inputs": [name for name in model.break_even_inputs
                              if name in shown],
        "sentence": bundle.sentence,
        # the step chart, drawn and redrawn by the panel itself (None: the model has none)
        "steps": step_chart_spec(model),
        "verdict": {"holds": parse_text(VERDICT_HOLDS), "fails": parse_text(VERDICT_FAILS)},
        "texts": {
            "results": "The projection on these assumptions",
            "assumptions": "Assumptions",
            "hint": "Defaults are the document's own, often implicit, values. Move a slider "
                    "or type an exact value: the numbers follow as you move it.",
            "reset": "Reset all to the document's values",
            "about": "What this means and where the default comes from",
            "break_even": "Where the claim stops holding",
            "break_even_intro": f"Each row: the value at which the {headline.label.lower()} "
                                f"falls to the document's {human(model.threshold)}, with "
                                "every other assumption as set.",
            "break_even_columns": list(BREAK_EVEN_COLUMNS),
            "break_even_words": dict(BREAK_EVEN_WORDS),
        },
    }


def compact_spec(spec: Mapping[str, Any], shown: Sequence[str]) -> dict[str, Any]:
    """The embed's panel: the sentence, the verdict and the step chart with only the
    `shown` inputs (in the spec's order), no output cards and no break-even table, its
    sections stacked."""
    inputs = [item for item in spec["inputs"] if item["name"] in shown]
    groups = {item["group"] for item in inputs}
    return {**spec, "inputs": inputs, "compact": True, "outputs": [], "break_even_inputs": [],
            "groups": [group for group in spec["groups"] if group["id"] in groups]}


def fit_panel_values(raw: object, specs: Mapping[str, InputSpec],
                     current: Mapping[str, float]) -> tuple[dict[str, float], list[str]]:
    """The values the browser sent that differ from the session's, each through a link's
    checks (clamped to its span, whole where it counts whole things), and a notice for
    anything that could not be used. Never raises: the message comes from the page."""
    if not isinstance(raw, Mapping):
        return {}, [] if raw is None else ["The assumption panel sent values that could not "
                                           "be read; nothing was changed."]
    values: dict[str, float] = {}
    notices: list[str] = []
    for name, value in raw.items():
        spec = specs.get(name) if isinstance(name, str) else None
        if spec is None:
            notices.append(f"Ignored an unknown assumption from the panel: {shown(name)}.")
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)) \
                or not math.isfinite(value):
            notices.append(f"{spec.label}: {shown(value)} is not a number; kept "
                           f"{display(current[name], spec.unit)}.")
            continue
        fitted, notice = fit_value(spec, name, repr(value), float(value))
        if notice:
            notices.append(notice)
        if fitted != current[name]:
            values[name] = fitted
    return values, notices
