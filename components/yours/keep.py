"""Step 4 of "Examine your own document": save the document in the store under the
browser's owner token and share its link (`?doc=<id>`, every page, anyone with it), keep
the document folder as a zip (which `CLAIMSCOPE_DOCUMENT` serves and this page opens
again), and the reader's saved documents, to open or delete."""

from __future__ import annotations

import streamlit as st

from claimscope.authoring.folder_zip import folder_zip
from claimscope.authoring.reader_folder import ReaderFolderError
from claimscope.authoring.restore import restored
from claimscope.authoring.workspace import folder_id
from claimscope.files.schema import DataError
from claimscope.link.scenarios import link
from claimscope.shelf import DOC_PARAM
from claimscope.store.database import StoreLimit, StoreUnavailable, open_store
from claimscope.store.documents import delete_document, owner_documents, save_document
from claimscope.store.documents import document as stored_document
from claimscope.text.markdown import escape_markdown
from components.context import forget_saved, switch_to
from components.owner_token import owner
from components.share import base_url
from components.yours import state

MESSAGE = "yours_keep_message"  # (kind, text) shown once
UNAVAILABLE = ("Saving is unavailable right now: the database cannot be reached. The zip "
               "below keeps your document.")


def document_link(document_id: str) -> str:
    return link(base_url(), "", {DOC_PARAM: document_id})


def _save() -> None:
    current = state.work()
    made = state.made(current, current.model)
    if made.files is None or made.bundle is None:
        return
    name = " ".join((st.session_state.get("yours_save_name") or "").split())[:120] \
        or made.bundle.document.meta.short_title[:120]
    try:
        saved = save_document(open_store(), owner(), name, made.files, current.saved_id)
    except StoreUnavailable:
        st.session_state[MESSAGE] = ("error", UNAVAILABLE)
        return
    except StoreLimit as limit:
        st.session_state[MESSAGE] = ("error", str(limit))
        return
    current.saved_id = saved.id
    forget_saved(saved.id)
    st.session_state[MESSAGE] = ("success", "Saved. Anyone with the link below can open "
                                            "every page for it; only this browser can change "
                                            "or delete it.")


def _open(document_id: str) -> None:
    try:
        record = stored_document(open_store(), document_id)
        back = restored(record.files) if record is not None else None
    except StoreUnavailable:
        st.session_state[MESSAGE] = ("error", UNAVAILABLE)
        return
    except (ReaderFolderError, DataError) as problem:
        st.session_state[MESSAGE] = ("error", f"It cannot be opened: {problem}")
        return
    if back is None:
        return
    current = state.start(back.text, back.about)
    current.decisions.update(back.decisions)
    current.saved_id = document_id if any(
        entry.id == document_id for entry in owner_documents(open_store(), owner())) else None
    state.show_model(back.model)
    st.session_state[state.STEP] = state.STEPS[2]


def _delete(document_id: str) -> None:
    try:
        gone = delete_document(open_store(), owner(), document_id)
    except StoreUnavailable:
        st.session_state[MESSAGE] = ("error", UNAVAILABLE)
        return
    forget_saved(document_id)
    current = state.work()
    if gone and current is not None and current.saved_id == document_id:
        current.saved_id = None
    st.session_state[MESSAGE] = ("success", "Deleted." if gone else "Nothing to delete.")


def _message() -> None:
    kind, text = st.session_state.pop(MESSAGE, (None, None))
    if kind == "success":
        st.success(escape_markdown(text))
    elif kind == "error":
        st.error(escape_markdown(text))


def your_documents() -> None:
    """The documents this browser saved: each with its link, to open in the editor or
    delete."""
    try:
        entries = owner_documents(open_store(), owner())
    except StoreUnavailable:
        st.info("Your saved documents cannot be listed right now: the database cannot be "
                "reached.")
        return
    st.markdown("**Your documents**")
    if not entries:
        st.caption("None saved yet. Saved documents are kept for this browser (no account "
                   "needed), at most 20.")
        return
    for entry in entries:
        with st.container(border=True, key=f"yours_saved_{entry.id}"):
            st.markdown(escape_markdown(entry.name))
            st.code(document_link(entry.id), language=None)
            left, right = st.columns(2)
            left.button("Open in the editor", key=f"yours_open_{entry.id}", on_click=_open,
                        args=(entry.id,))
            right.button("Delete", key=f"yours_delete_{entry.id}", on_click=_delete,
                         args=(entry.id,))


def keep_step(current: state.Work) -> None:
    _message()
    made = state.made(current, current.model)
    if made.files is None or made.bundle is None:
        st.warning("The document does not validate yet; fix what step 3 shows first.")
        if made.problem:
            st.code(made.problem, language=None, wrap_lines=True)
        your_documents()
        return
    st.success(f"The document validates: {len(made.bundle.catalogue.claims):,} claims, "
               f"{len(made.bundle.not_claims):,} numbers set aside, "
               f"{len(made.bundle.inputs):,} assumptions.")
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    left.text_input("Name it (only you see the name)", key="yours_save_name", max_chars=120,
                    placeholder=made.bundle.document.meta.short_title)
    right.button("Save changes" if current.saved_id else "Save", key="yours_save",
                 on_click=_save, type="primary")
    if current.saved_id:
        st.markdown("**The link** — it opens Overview, Projection, Compare, Source and "
                    "Method for this document:")
        st.code(document_link(current.saved_id), language=None)
        if st.button("Show it on every page", key="yours_show_saved"):
            switch_to(current.saved_id)
            st.switch_page("components/pages/overview.py")
    name = folder_id(current.sha256)
    st.download_button("Download the document folder (zip)", folder_zip(name, made.files),
                       file_name=f"{name}.zip", mime="application/zip",
                       key="yours_download", icon=":material/download:")
    st.caption(f"Unzipped, `{name}/` is a document folder: "
               f"`CLAIMSCOPE_DOCUMENT=path/to/{name} make run` serves it, and "
               "\"Open an exported folder\" (step 1) opens it here again.")
    your_documents()
