"""Page furniture: the content note, notices about the URL, integrity problems, footer."""

from __future__ import annotations

from urllib.parse import urlsplit

import streamlit as st

from claimscope.bundle import Bundle
from claimscope.text.markdown import escape_markdown
from components import state
from components.context import BY_VERSION, scoped

# WCAG 2.1 AA contrast (4.5:1) for text the theme draws faded: Streamlit's light theme
# draws captions at 60 % opacity, so their text is 3.9:1 on white and the links and inline
# code in them 3.0:1. The theme's own options set link and code colours
# (.streamlit/config.toml); captions have none, hence this. `!important`: the theme's own
# rule has the same specificity and, injected later when a page first draws a caption,
# would otherwise win on some pages. Plotly's own chart titles are hidden on screen: each
# chart's title is drawn as page text above it, which wraps (`charts.show_chart`); the
# figure keeps it for its PNG download. The owner token's element draws nothing and
# takes no room (components/owner_token.py).
ACCESSIBLE_CSS = """<style>
[data-testid="stCaptionContainer"] { color: #5C5B57 !important; opacity: 1 !important; }
[data-testid="stCaptionContainer"] a { color: #00578A !important; }
.js-plotly-plot .gtitle { display: none !important; }
.st-key-owner_token_keeper, :has(> .st-key-owner_token_keeper) { display: none !important; }
</style>"""


def accessible_styles() -> None:
    """The CSS above, on every page. (Through st.markdown: a style-only st.html was
    missing from some pages' DOM in Streamlit 1.67.)"""
    st.markdown(ACCESSIBLE_CSS, unsafe_allow_html=True)


def content_note(bundle: Bundle) -> None:
    """The document's content note on first load, which the visitor can dismiss for the
    session (none if the document gives none)."""
    note = bundle.document.meta.content_note
    dismissed = scoped("content_note_dismissed")  # each document's note is its own
    if not note or st.session_state.get(dismissed):
        return
    with st.container(border=True, key="content_note"):
        st.markdown(f"**Content note.** {note} Every figure is traced to the document's "
                    "words or labelled as an assumption.")
        if st.button("Understood, hide this note", key="dismiss_content_note"):
            st.session_state[dismissed] = True
            st.rerun()


def url_notices() -> None:
    """What happened to bad URL parameters, in plain words (shown until dismissed)."""
    notices = st.session_state.get(state.NOTICES) or []
    if not notices:
        return
    with st.container(key="url_notices"):
        st.warning("**The link had values that could not be used as given:**\n\n"
                   + "\n".join(f"- {n}" for n in notices))
        if st.button("Dismiss", key="dismiss_url_notices"):
            st.session_state[state.NOTICES] = []
            st.rerun()


@st.cache_resource(show_spinner=False, max_entries=4, hash_funcs=BY_VERSION)
def integrity_problems(bundle: Bundle) -> list[str]:
    """The document's provenance problems, computed once per version of its files."""
    return bundle.integrity_problems()


def integrity(bundle: Bundle) -> None:
    """Show, never swallow, any claim that no longer traces to the shipped document."""
    problems = integrity_problems(bundle)
    if problems:
        st.error("**Provenance check failed** — some numbers no longer trace to the "
                 "document's words:\n\n" + "\n".join(f"- {p}" for p in problems))


def addressed(url_path: str) -> bool:
    """Whether the browser asked for the page at `url_path` (the last part of its
    address, whatever base path the server has); False when the address is unknown."""
    try:
        url = st.context.url
    except (AttributeError, KeyError, RuntimeError):
        url = None
    return bool(url) and urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1] == url_path


def footer(bundle: Bundle, compact: bool = False) -> None:
    """The source document and, where the document gives them, reporting and help services
    (`compact`, the embed: one short line with the document and the care note); drawn
    last, so its container also marks a finished run for the browser tests."""
    meta = bundle.document.meta
    if compact:
        with st.container(key="page_footer"):
            st.caption(f"Source: {escape_markdown(meta['author'])}, "
                       f"*{escape_markdown(meta['title'])}* ({meta['date']})."
                       + (f" {meta.care_note}" if meta.care_note else ""))
        return
    with st.container(key="page_footer"):
        st.divider()
        st.caption(
            f"Source document: {escape_markdown(meta['author'])}, "
            f"*{escape_markdown(meta['title'])}* ({meta['date']}). "
            f"{escape_markdown(meta['publisher'])}. Context data and reference figures carry "
            "their own sources." + (f" {meta.care_note}" if meta.care_note else ""))
        if meta.help_services:
            st.caption(meta.help_services)
