"""The loaded document bundle, shared by app.py and every page (loaded once per process
per document folder)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from claimscope.bundle import Bundle, document_folder, load_bundle


@st.cache_resource(show_spinner=False)
def _bundle(folder: str) -> Bundle:
    return load_bundle(Path(folder))


def bundle() -> Bundle:
    """The bundle of the document `CLAIMSCOPE_DOCUMENT` names, cached by its folder so two
    documents (e.g. tests of each in one process) never share one."""
    return _bundle(str(document_folder()))


def clear() -> None:
    """Forget every loaded bundle: tests that edit a data file in place load it afresh."""
    _bundle.clear()
