"""The loaded document bundle, shared by app.py and every page (loaded once per process)."""

from __future__ import annotations

import streamlit as st

from claimscope.bundle import Bundle, load_bundle


@st.cache_resource(show_spinner=False)
def bundle() -> Bundle:
    return load_bundle()
