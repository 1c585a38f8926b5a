"""Running pages under Streamlit's AppTest, and reading the plotly figures they draw."""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
from streamlit.testing.v1 import AppTest

from components.context import DOCUMENT

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")


def run_page(page: str | None = None, query: Mapping[str, str] | None = None,
             timeout: float = 60) -> AppTest:
    """Run app.py (optionally from a URL query) and switch to `page`; no exception allowed."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if page is not None:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def kept(at: AppTest, key: str, document: str | None = None) -> Any:
    """What the session keeps for one document under `key` (`components.context.scoped`):
    the document it shows unless another is named."""
    return at.session_state[f"{key}@{document or at.session_state[DOCUMENT]}"]


def open_link(page: str, query: Mapping[str, str], timeout: float = 60) -> AppTest:
    """A session that starts on `page` with `query`, as a shared link opens it (the
    first run is that page's: parameters only it reads are still there); no exception
    allowed."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_chart_data(at: AppTest, key: str) -> AppTest:
    """Open the 'Data behind this chart' expander of the chart drawn with `key` (its table
    and CSV button are made only while it is open) and rerun."""
    at.session_state[f"{key}_data_open"] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_range_editor(at: AppTest) -> AppTest:
    """Open /projection's 'Give assumptions a range' expander (its switches are made only
    while it is open) and rerun."""
    at.session_state["range_editor_open"] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def decode(value: Any) -> Any:
    """plotly 7 encodes arrays as {'dtype', 'bdata'}; give them back as numpy arrays."""
    if isinstance(value, dict) and "bdata" in value and "dtype" in value:
        array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        return array.reshape(value["shape"]) if "shape" in value else array
    return value


def figure_specs(at: AppTest) -> list[dict]:
    """Every plotly figure on the page, as its JSON spec."""
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def page_text(at: AppTest) -> str:
    """All markdown, captions, metrics and alerts of a run, joined, for content checks."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    parts += [a.value for kind in ("info", "warning", "error", "success") for a in at.get(kind)]
    parts += [t.value for t in at.title] + [h.value for h in at.header] + \
             [h.value for h in at.subheader]
    return "\n".join(str(p) for p in parts)


def copied_texts(at: AppTest) -> list[str]:
    """The texts of the page's copy blocks (components/copy_block.py: links, citations)."""
    return [json.loads(element.proto.json)["text"] for element in at.get("bidi_component")
            if element.proto.component_name.endswith("claimscope_copy")]


def _panel(at: AppTest) -> Any:
    panels = [element for element in at.get("bidi_component")
              if element.proto.component_name.startswith("claimscope_panel_")]
    assert len(panels) == 1, f"expected one assumption panel, found {len(panels)}"
    return panels[0]


def panel_data(at: AppTest) -> dict:
    """The live assumption panel's data as the page sent it: its spec and the values."""
    return json.loads(_panel(at).proto.json)


def release_panel(at: AppTest, **values: float) -> AppTest:
    """Run the page as after a reader releases the live panel's controls: the panel's
    state, `{"values": {...}}` as its JavaScript sets it, goes with the run's widget states
    and reaches the page's callback. (AppTest has no wrapper for a Components v2 element,
    so the state is added to the ones it sends; the browser tests drive the real panel.)"""
    panel = _panel(at)
    states = at._tree.get_widget_states()
    state = states.widgets.add()
    state.id = panel.proto.id
    state.json_value = json.dumps({"values": {**panel_data(at)["values"], **values}})
    at._run(states)
    assert not at.exception, [e.value for e in at.exception]
    return at
