"""Step 1 of "Examine your own document": bring the text (upload, paste, or open an
exported folder), and say what the document is."""

from __future__ import annotations

import datetime

import streamlit as st

from claimscope.authoring.draft import document_title
from claimscope.authoring.folder_zip import FolderZipError, read_folder_zip
from claimscope.authoring.reader_folder import ReaderFolderError
from claimscope.authoring.restore import restored
from claimscope.authoring.workspace import About
from claimscope.files.schema import DataError
from claimscope.finder import find_mentions
from claimscope.intake import IntakeError, convert
from claimscope.text.markdown import escape_markdown
from components.yours import state
from components.yours.keep import your_documents

TYPES = ["md", "markdown", "txt", "text", "pdf", "docx", "html", "htm"]
MAX_PASTE = 2_000_000  # characters: about 600 pages
UPLOADED = "yours_uploaded"  # the sha256 of the file last taken in (not taken in twice)
NOTICE = "yours_bring_notice"


def _this_year() -> int:
    return datetime.date.today().year


def _latest_year(text: str) -> int:
    years = [int(m.value) for m in find_mentions(text)
             if m.kind == "date" and m.value is not None and m.value <= _this_year()]
    return max(years, default=_this_year())


def _begin(text: str, title: str, where: str, kind: str = "text",
           pages: int | None = None, notes: tuple[str, ...] = ()) -> None:
    about = About(title=document_title(title, text, "Untitled document"),
                  year=_latest_year(text), where=where)
    state.start(text, about, kind, pages, notes)
    st.session_state[state.STEP] = state.STEPS[1]


def _take_file() -> None:
    uploaded = st.session_state.get("yours_file")
    if uploaded is None:
        return
    data = uploaded.getvalue()
    try:
        converted = convert(uploaded.name, data)
    except IntakeError as error:
        st.session_state[NOTICE] = str(error)
        return
    st.session_state[NOTICE] = None
    _begin(converted.text, converted.title, f"Uploaded by a reader as a {converted.kind} "
           "file.", converted.kind, converted.pages, converted.notes)


def _take_paste() -> None:
    text = st.session_state.get("yours_paste") or ""
    try:
        converted = convert("pasted.txt", text[:MAX_PASTE + 1].encode("utf-8", "replace"))
    except IntakeError as error:
        st.session_state[NOTICE] = str(error)
        return
    if len(text) > MAX_PASTE:
        st.session_state[NOTICE] = (f"The pasted text is longer than {MAX_PASTE:,} "
                                    "characters; upload it as a file instead.")
        return
    st.session_state[NOTICE] = None
    _begin(converted.text, "", "Pasted by a reader.")


def _take_zip() -> None:
    uploaded = st.session_state.get("yours_zip")
    if uploaded is None:
        return
    try:
        back = restored(read_folder_zip(uploaded.getvalue()))
    except (FolderZipError, ReaderFolderError, DataError) as error:
        st.session_state[NOTICE] = f"This folder cannot be opened: {error}"
        return
    st.session_state[NOTICE] = None
    current = state.start(back.text, back.about)
    current.decisions.update(back.decisions)
    state.show_model(back.model)
    st.session_state[NOTICE] = " ".join(back.notices) or None
    st.session_state[state.STEP] = state.STEPS[1]


def bring() -> None:
    """The three ways in, and the plain-words message of the last one that failed."""
    st.markdown("Upload a file (Markdown, plain text, PDF, Word or HTML, up to 10 MB and "
                "300 pages), paste the text, or open a document folder you exported here "
                "before. Only the text is kept: pictures and attachments are never read.")
    upload, paste, folder = st.tabs(["Upload a file", "Paste the text",
                                     "Open an exported folder"])
    with upload:
        st.file_uploader("A document file", type=TYPES, key="yours_file",
                         on_change=_take_file)
    with paste, st.form("yours_paste_form", border=False):
        st.text_area("The document's text", key="yours_paste", height=200,
                     max_chars=MAX_PASTE)
        st.form_submit_button("Use this text", on_click=_take_paste)
    with folder:
        st.file_uploader("A document folder (.zip) exported from this page",
                         type=["zip"], key="yours_zip", on_change=_take_zip)
    notice = st.session_state.get(NOTICE)
    if notice:
        st.error(escape_markdown(notice), icon=":material/error:")
    current = state.work()
    if current is not None:
        about_the_text(current)
    your_documents()


def _about_changed() -> None:
    current = state.work()
    if current is None:
        return
    year = st.session_state.get("yours_about_year")
    current.about = About(
        title=st.session_state.get("yours_about_title") or "Untitled document",
        author=st.session_state.get("yours_about_author") or "Not stated",
        publisher=st.session_state.get("yours_about_publisher") or "Not stated",
        year=int(year) if year is not None else current.about.year,
        where=current.about.where)


def about_the_text(current: state.Work) -> None:
    """What was taken in (kind, pages, size, sha256) and what the reader says it is."""
    with st.container(border=True, key="yours_taken"):
        pages = f", {current.pages} pages" if current.pages else ""
        st.markdown(f"**The text** ({current.kind}{pages}, {len(current.text):,} "
                    f"characters, {len(current.mentions):,} numbers found). Its sha256, "
                    "which the document's files record:")
        st.code(current.sha256, language=None)
        for note in current.notes:
            st.caption(escape_markdown(note))
        with st.expander("The text as converted"):
            st.code(current.text, language=None, wrap_lines=True, height=320)
    about = current.about
    st.markdown("**About the document**")
    left, right = st.columns(2)
    left.text_input("Title", value=about.title, key="yours_about_title", max_chars=300,
                    on_change=_about_changed)
    right.text_input("Author", value=about.author, key="yours_about_author",
                     max_chars=300, on_change=_about_changed)
    left.text_input("Publisher", value=about.publisher, key="yours_about_publisher",
                    max_chars=300, on_change=_about_changed)
    right.number_input("Year", min_value=1000, max_value=9999, value=about.year, step=1,
                       key="yours_about_year", on_change=_about_changed)
