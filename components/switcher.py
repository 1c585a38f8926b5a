"""The document switcher: a select box above every page when this server serves more
than one document. Choosing one shows it on the next run; each document keeps its own
assumptions (`components.context.scoped`), so switching back finds them as they were."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from claimscope.bundle import folder_version
from claimscope.shelf import short_title
from components.context import bundle, document_id, shelf, switch_to

SWITCH = "document_switch"


@st.cache_resource(show_spinner=False, max_entries=64)
def _title(folder: str, version: str) -> str:
    return short_title(Path(folder))


def _switched() -> None:
    switch_to(st.session_state[SWITCH])


def document_switcher() -> None:
    """The select box listing every document served, titled by their short titles."""
    served_now = shelf()
    titles = {doc_id: _title(str(folder), folder_version(folder))
              for doc_id, folder in served_now.folders.items()}
    if document_id() not in titles:  # a reader's saved document, opened by its link
        titles[document_id()] = " ".join(bundle().document.meta.short_title.split())[:120]
    if len(titles) < 2:
        return
    st.session_state[SWITCH] = document_id()
    st.selectbox("Document", list(titles), key=SWITCH, format_func=titles.__getitem__,
                 on_change=_switched, width=420,
                 help="Every document this server serves. Each keeps its own assumptions.")
