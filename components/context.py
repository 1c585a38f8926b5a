"""Which document a session shows, and its loaded bundle, shared by app.py and every page.

Several documents are served at once (README, "Several documents"): a link names one with
`doc=<id>`, the reader may switch to another, and the session shows one at a time. Each
document's bundle is loaded once per process for each version of its files, so an edited
data file is read again on the next reload, with no restart; what a session keeps for a
document (its assumptions, its saved scenarios) is kept under a key of that document
(`scoped`), so switching never carries one document's values into another.
"""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from claimscope.bundle import Bundle, folder_version, load_bundle
from claimscope.shelf import DOC_PARAM, MORE_DOCUMENTS, Shelf, doc_query, read_doc_param, served

DOCUMENT = "document"  # session state: the id of the document the session shows
NOTICES = "url_notices"  # what a link held that could not be used (shown by layout)

# How a function cached on a Bundle hashes it: by its folder and the version of its files
# (`Bundle.key`), so an edited data file is never answered from a stale cache.
BY_VERSION = {Bundle: lambda data: data.key}


# A few entries per document served: an edit makes a new version, and the superseded
# bundles are let go.
@st.cache_resource(show_spinner=False, max_entries=16)
def _bundle(folder: str, version: str) -> Bundle:
    return load_bundle(Path(folder))


# Read again every few seconds, so a document folder added under data/ is served without a
# restart; keyed by the settings that name documents, so a test changing them is obeyed.
@st.cache_resource(show_spinner=False, ttl=5)
def _shelf(document: str, more: str) -> Shelf:
    return served()


def shelf() -> Shelf:
    """The documents this server serves (raises DataError if a setting names no document
    folder; a failure is not cached)."""
    return _shelf(os.environ.get("CLAIMSCOPE_DOCUMENT", ""), os.environ.get(MORE_DOCUMENTS, ""))


def document_id() -> str:
    """The id of the document this session shows: the default until a link or the
    reader's switch names another."""
    return st.session_state.get(DOCUMENT) or shelf().default


def scoped(key: str) -> str:
    """A session-state key kept apart for each document (e.g. its assumptions)."""
    return f"{key}@{document_id()}"


def open_from_link() -> None:
    """On a session's first run, show the document the link names (`doc=`); a link naming
    none served here opens the default, and the session's URL notices say so."""
    if DOCUMENT in st.session_state:
        return
    served_now = shelf()
    chosen, notice = read_doc_param(st.query_params.get_all(DOC_PARAM),
                                    lambda found: served_now.folder(found) is not None,
                                    served_now.default)
    st.session_state[DOCUMENT] = chosen
    if notice:
        st.session_state[NOTICES] = [*st.session_state.get(NOTICES, []), notice]


def switch_to(chosen: str) -> None:
    """Show another document (one this server serves) from the next run on."""
    if shelf().folder(chosen) is not None:
        st.session_state[DOCUMENT] = chosen
        st.session_state[NOTICES] = []  # they were about the other document's link


def document_query() -> dict[str, str]:
    """The `doc` part of a link to what this session shows (none for the default)."""
    return doc_query(document_id(), shelf().default)


def bundle() -> Bundle:
    """The bundle of the document the session shows, cached by its folder and the version
    of its files, so two documents never share one and an edit is never answered from the
    cache. A load that fails is not cached: a file made valid again is read on the next
    reload."""
    served_now = shelf()
    folder = served_now.folder(document_id()) or served_now.folders[served_now.default]
    return _bundle(str(folder), folder_version(folder))


def clear() -> None:
    """Forget every loaded bundle and the list of documents served."""
    _bundle.clear()
    _shelf.clear()
