"""The loaded document bundle, shared by app.py and every page: loaded once per process
for each version of the document folder's files, so an edited data file is read again on
the next reload, with no restart."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from claimscope.bundle import Bundle, document_folder, folder_version, load_bundle

# How a function cached on a Bundle hashes it: by its folder and the version of its files
# (`Bundle.key`), so an edited data file is never answered from a stale cache.
BY_VERSION = {Bundle: lambda data: data.key}


# A few entries: an edit makes a new version, and the superseded bundles are let go.
@st.cache_resource(show_spinner=False, max_entries=4)
def _bundle(folder: str, version: str) -> Bundle:
    return load_bundle(Path(folder))


def bundle() -> Bundle:
    """The bundle of the document `CLAIMSCOPE_DOCUMENT` names, cached by its folder and
    the version of its files, so two documents (e.g. tests of each in one process) never
    share one and an edit is never answered from the cache. A load that fails is not
    cached: a file made valid again is read on the next reload."""
    folder = document_folder()
    return _bundle(str(folder), folder_version(folder))


def clear() -> None:
    """Forget every loaded bundle."""
    _bundle.clear()
