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

from claimscope.authoring.reader_folder import ReaderFolderError, reader_bundle
from claimscope.bundle import Bundle, folder_version, load_bundle
from claimscope.files.folder import HeldFolder
from claimscope.files.schema import DataError
from claimscope.shelf import (
    DOC_PARAM,
    MORE_DOCUMENTS,
    Shelf,
    doc_query,
    read_doc_param,
    saved_folder,
    served,
)
from claimscope.store.database import StoreUnavailable, open_store
from claimscope.store.documents import document as stored_document

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


# A saved document's files, read again every few seconds: its owner's save shows on the
# next reload, a deleted one is gone (and its id opens the default, with a notice).
# A store that cannot be reached raises, which is not cached: the next run asks again.
@st.cache_resource(show_spinner=False, ttl=5, max_entries=256)
def _saved_files(document_id: str) -> dict[str, str] | None:
    record = stored_document(open_store(), document_id)
    return None if record is None else record.files


def _saved_files_now(document_id: str) -> dict[str, str] | None:
    try:
        return _saved_files(document_id)
    except StoreUnavailable:
        return None


@st.cache_resource(show_spinner=False, max_entries=32)
def _saved_bundle(label: str, version: str, _folder: HeldFolder) -> Bundle:
    try:
        return reader_bundle(label, _folder.texts)
    except ReaderFolderError as problem:
        raise DataError(label, str(problem)) from None


def saved(document_id: str) -> HeldFolder | None:
    """A reader's saved document (README, "Your own document"), unless a shipped
    document has that id; None if the store holds none of that id."""
    if document_id in shelf().folders:
        return None
    return saved_folder(document_id, _saved_files_now)


def forget_saved(document_id: str) -> None:
    """Read a saved document from the store again (its owner just changed or deleted it;
    other server processes read it again within seconds)."""
    _saved_files.clear(document_id)


def served_here(document_id: str) -> bool:
    """Whether `doc=<document_id>` names a document this server shows: shipped or saved."""
    return shelf().folder(document_id) is not None or saved(document_id) is not None


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
    chosen, notice = read_doc_param(st.query_params.get_all(DOC_PARAM), served_here,
                                    served_now.default)
    st.session_state[DOCUMENT] = chosen
    if notice:
        st.session_state[NOTICES] = [*st.session_state.get(NOTICES, []), notice]


def switch_to(chosen: str) -> None:
    """Show another document (one this server serves) from the next run on."""
    if served_here(chosen):
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
    folder = served_now.folder(document_id())
    if folder is None and (held := saved(document_id())) is not None:
        return _saved_bundle(held.label, held.version(), held)
    folder = folder or served_now.folders[served_now.default]
    return _bundle(str(folder), folder_version(folder))


def clear() -> None:
    """Forget every loaded bundle and the list of documents served."""
    _bundle.clear()
    _shelf.clear()
    _saved_files.clear()
    _saved_bundle.clear()
