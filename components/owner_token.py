"""The reader's owner token: how the store (claimscope/store) knows a browser's saved
scenarios again after a reload, a restart or a move to another replica, with no account
and nothing personal.

The token is 128 random bits. The server reads it from the `claimscope_owner` cookie when
a session starts (`st.context.cookies`); a new browser gets a fresh one. A tiny Streamlit
Components v2 element (`owner/owner.js`, hidden) keeps the token in localStorage and in
that cookie, and sends back the browser's own token if it differs from the session's
(e.g. a cookie cleared while localStorage kept it). Anything else the browser sends is
ignored unless it has the token's shape.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st

from claimscope.store.ids import is_id, new_id

COOKIE = "claimscope_owner"
OWNER = "owner_token"  # the session's token
ELEMENT = "owner_token_element"  # the element's state (what the browser sent)
SCRIPT = Path(__file__).resolve().parent / "owner" / "owner.js"


@st.cache_resource(show_spinner=False)
def _element() -> Callable[..., Any]:
    return st.components.v2.component("claimscope_owner_token",
                                      js=SCRIPT.read_text("utf-8"))


def owner() -> str:
    """The session's owner token: the browser's cookie if it holds one, else a new one."""
    token = st.session_state.get(OWNER)
    if not is_id(token):
        cookie = st.context.cookies.get(COOKIE)
        token = cookie if is_id(cookie) else new_id()
        st.session_state[OWNER] = token
    return token


def _received() -> None:
    sent = (st.session_state.get(ELEMENT) or {}).get("token")
    if is_id(sent):
        st.session_state[OWNER] = sent


def keep_owner() -> None:
    """Mount the (invisible) element that keeps the token in the browser."""
    with st.container(key="owner_token_keeper"):
        _element()(key=ELEMENT, data={"token": owner()}, on_token_change=_received)
