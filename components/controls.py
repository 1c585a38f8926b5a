"""Streamlit widget arguments for an assumption's span: what the range controls of the
uncertainty section share (the assumptions themselves are drawn by the live panel)."""

from __future__ import annotations

from claimscope.files.inputs import InputSpec
from claimscope.text.numbers import whole


def widget_number(spec: InputSpec, value: float) -> int | float:
    """Streamlit wants one number type per widget: whole numbers for counts and years
    (rounded as a link's are, `numbers.whole`)."""
    return int(whole(value)) if spec.is_integer else float(value)


def slider_bounds(spec: InputSpec) -> dict[str, int | float]:
    """An input's allowed span and step, as slider and number-entry arguments."""
    return {"min_value": widget_number(spec, spec.min),
            "max_value": widget_number(spec, spec.max),
            "step": widget_number(spec, spec.step)}
