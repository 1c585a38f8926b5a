"""Session state <-> URL: the assumption values every page shares (DESIGN §5).

The URL is read once, when a session starts; afterwards the session's values are the
truth and are written back to the address bar after every run, so a copied link always
reproduces the view and values survive moving between pages.
"""

from __future__ import annotations

import streamlit as st

from claimscope.bundle import Bundle
from claimscope.urlstate import parse_query, to_query

VALUES = "assumptions"  # session key: {input name: display-unit value}
NOTICES = "url_notices"


def init_from_url(bundle: Bundle) -> None:
    """On a session's first run, take assumption values from the query string."""
    if VALUES in st.session_state:
        return
    parsed = parse_query(st.query_params.to_dict(), bundle.inputs)
    st.session_state[VALUES] = parsed.values
    st.session_state[NOTICES] = parsed.notices


def values() -> dict[str, float]:
    return st.session_state[VALUES]


def set_value(name: str, value: float) -> None:
    st.session_state[VALUES][name] = value


def reset(bundle: Bundle) -> None:
    st.session_state[VALUES] = {name: spec.default for name, spec in bundle.inputs.items()}


def sync_url(bundle: Bundle) -> None:
    """Write the non-default values to the address bar (and drop everything else)."""
    wanted = to_query(values(), bundle.inputs)
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)
