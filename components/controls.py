"""A slider plus an exact numeric entry for each assumption, kept in step with each other.

Widgets are keyed by the input's name (`share`) and `<name>_exact`; the canonical value
lives in `components.state`, so it survives pages on which the widget is not drawn. The
exact entry sits in a small popover under its slider: one button instead of a second
always-drawn input for each of the page's assumptions.
"""

from __future__ import annotations

import streamlit as st

from claimscope.inputs import InputSpec
from claimscope.numbers import display
from components import state

_FORMATS = {"percent": "%.2f%%", "ratio": "%.2f", "year": "%d", "months": "%d",
            "images": "compact", "people": "compact", "rate": "%.1f"}
_EXACT_FORMATS = {"percent": "%.2f", "ratio": "%.2f", "year": "%d", "months": "%d",
                  "images": "%d", "people": "%d", "rate": "%.1f"}


def widget_number(spec: InputSpec, value: float) -> int | float:
    """Streamlit wants one number type per widget: whole numbers for counts and years."""
    return int(round(value)) if spec.is_integer else float(value)


def slider_bounds(spec: InputSpec) -> dict[str, int | float]:
    """An input's allowed span and step, as slider and number-entry arguments."""
    return {"min_value": widget_number(spec, spec.min),
            "max_value": widget_number(spec, spec.max),
            "step": widget_number(spec, spec.step)}


def _copy_from(name: str, key: str) -> None:
    value = st.session_state.get(key)
    if value is not None:
        state.set_value(name, float(value))


def _help(spec: InputSpec) -> str:
    default = display(spec.default, spec.unit)
    return f"{spec.help}\n\n**Default {default}.** {spec.basis}"


def assumption_control(spec: InputSpec) -> None:
    """Draw the slider and the exact entry for one input."""
    value = widget_number(spec, state.values()[spec.name])
    exact_key = f"{spec.name}_exact"
    st.session_state[spec.name] = value
    st.session_state[exact_key] = value
    bounds = slider_bounds(spec)
    st.slider(spec.label, **bounds, format=_FORMATS[spec.unit], key=spec.name,
              help=_help(spec), on_change=_copy_from, args=(spec.name, spec.name))
    with st.popover("Exact value", type="tertiary", key=f"{spec.name}_exact_entry",
                    help=f"Type an exact value for {spec.label.lower()}"):
        st.number_input(f"Exact value: {spec.label}", **bounds,
                        format=_EXACT_FORMATS[spec.unit], key=exact_key,
                        on_change=_copy_from, args=(spec.name, exact_key))
