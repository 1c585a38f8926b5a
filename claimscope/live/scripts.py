"""The assumption panel's browser code, one script per host, from the same files.

format.js and template.js (the twins of `claimscope.numbers` and `claimscope.template`),
the model's generated JavaScript, stepchart.js and panel.js are the same bytes wherever
the panel runs; only the last file differs: streamlit.js mounts it as a Streamlit
component in the app, standalone.js in a page with no server (a report, the standalone
panel, README).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from claimscope.model.model import Model
from claimscope.model.printing.javascript import model_javascript

ASSETS = Path(__file__).resolve().parent / "assets"
SHARED = ("format.js", "template.js")  # before the model's code
PANEL = ("stepchart.js", "panel.js")  # after it
HOSTS = {"streamlit": "streamlit.js", "standalone": "standalone.js"}
Host = Literal["streamlit", "standalone"]


def _asset(name: str) -> str:
    return ASSETS.joinpath(name).read_text("utf-8")


def panel_script(model: Model, host: Host) -> str:
    """The whole panel as one script for `host`: shared files, the model, the panel's
    files, the host's.

    For the app it is an ES module (the host file exports the component); standalone it is
    a classic script, wrapped in a function so that none of its names become globals."""
    body = "\n".join([*map(_asset, SHARED), model_javascript(model),
                      *map(_asset, PANEL), _asset(HOSTS[host])])
    return body if host == "streamlit" else f"(function () {{\n{body}\n}})();\n"


def panel_css() -> str:
    """The panel's style sheet."""
    return _asset("panel.css")
