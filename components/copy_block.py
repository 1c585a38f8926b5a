"""A block of text to copy (a link, a citation) with a Copy button: a small Components v2
element of plain HTML and JavaScript (components/copyable/), in place of st.code, whose
syntax highlighter is 1.5 MB of JavaScript the browser loads and parses before a page's
first chart."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st

ASSETS = Path(__file__).resolve().parent / "copyable"
NAME = "claimscope_copy"


@st.cache_resource(show_spinner=False)
def _component() -> Callable[..., Any]:
    return st.components.v2.component(
        NAME, css=ASSETS.joinpath("copyable.css").read_text("utf-8"),
        js=ASSETS.joinpath("copyable.js").read_text("utf-8"), isolate_styles=False)


def copy_block(text: str, label: str, key: str) -> None:
    """`text` shown as typed (never as Markdown or HTML), with a button that copies it;
    `label` says what it is to a screen reader ("Copy the link to this view")."""
    _component()(key=key, data={"text": text, "label": label})
