"""The live assumption panel: one Streamlit Components v2 element (no iframe) that draws
every assumption and recomputes the numbers in the reader's browser while they drag.

Its HTML is built by its JavaScript from the spec `claimscope.views.panel_spec` makes; the
script is `claimscope.live.scripts`' panel for the Streamlit host (the same files a
downloaded report carries), registered once per model. On release the browser hands the
values back, and they go through the same checks as a link's before they become the view.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st

from claimscope.bundle import Bundle
from claimscope.live.scripts import panel_css, panel_script
from claimscope.views.panel_spec import compact_spec, fit_panel_values, panel_spec
from components import state
from components.context import BY_VERSION
from components.context import bundle as cached_bundle

KEY = "assumption_panel"
NOTICES = "assumption_panel_notices"


@st.cache_resource(show_spinner=False, max_entries=8, hash_funcs=BY_VERSION)
def _component(data: Bundle) -> Callable[..., Any]:
    """The panel's element for one version of a document (`Bundle.key`), made once: its
    scripts are one ES module, so the generated model is concatenated in, never evaluated
    from text in the browser."""
    js = panel_script(data.model, "streamlit")
    name = "claimscope_panel_" + hashlib.sha256(js.encode()).hexdigest()[:12]
    return st.components.v2.component(name, css=panel_css(), js=js, isolate_styles=False)


# cache_resource, not cache_data: every rerun reads the spec, and cache_data would unpickle
# a fresh copy each time; nothing changes it after it is made.
@st.cache_resource(show_spinner=False, max_entries=8, hash_funcs=BY_VERSION)
def _spec(data: Bundle) -> dict[str, Any]:
    """The panel's static spec for one version of a document (`Bundle.key`)."""
    return panel_spec(data)


def _received() -> None:
    """The browser's values on release, checked like a link's; what was changed is said."""
    raw = (st.session_state.get(KEY) or {}).get("values")
    data = cached_bundle()
    values, notices = fit_panel_values(raw, data.model.inputs, state.values())
    for name, value in values.items():
        state.set_value(name, value)
    st.session_state[NOTICES] = notices


@st.cache_resource(show_spinner=False, max_entries=16, hash_funcs=BY_VERSION)
def _compact_spec(data: Bundle, shown: tuple[str, ...]) -> dict[str, Any]:
    """The embed's spec: only the `shown` assumptions, no cards or break-even table."""
    return compact_spec(_spec(data), shown)


def draw_panel(data: Bundle, values: Mapping[str, float], key: str,
               on_change: Callable[[], None], shown: tuple[str, ...] | None = None) -> None:
    """Draw the panel of any loaded document (a reader's being written, too) at `values`;
    `on_change` reads what the browser sent from `st.session_state[key]["values"]`."""
    spec = _spec(data) if shown is None else _compact_spec(data, shown)
    _component(data)(key=key, data={"spec": spec, "values": dict(values)},
                     default={"values": dict(values)}, on_values_change=on_change)


def assumption_panel(data: Bundle, shown: tuple[str, ...] | None = None) -> None:
    """Draw the panel with the session's values: every assumption, or (the embed) only
    the `shown` ones, compact; the step chart with them, drawn live."""
    draw_panel(data, state.values(), KEY, _received, shown)
    for notice in st.session_state.pop(NOTICES, []):
        st.warning(notice, icon=":material/info:")
