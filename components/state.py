"""Session state <-> URL: the shareable view every page uses (docs/architecture.md, "The URL
contract").

The URL is read once, when a session starts; afterwards the session's `View` is the truth
and is written back to the address bar after every run, so a copied link always
reproduces what is on screen and values survive moving between pages. Each document the
session shows has its own View: switching documents and back finds each one's
assumptions as the reader left them.
"""

from __future__ import annotations

import streamlit as st

from claimscope.bundle import Bundle
from claimscope.link.scenario_link import LINK_PARAM
from claimscope.link.scenario_presets import resampled_ranges
from claimscope.link.scenarios import SAVED_PARAM
from claimscope.link.viewstate import View, default_view, parse_view, view_query
from claimscope.live.embed import SHOW_PARAM
from claimscope.shelf import DOC_PARAM
from claimscope.uncertainty.correlations import Correlation
from claimscope.uncertainty.distributions import Range
from components.context import NOTICES, document_query, scoped

VIEW = "view"  # kept for each document (`scoped`)
URL_READ = "url_read"  # set once the session's link has been read
KEPT = "url_kept"  # a page's own parameters, kept in the address bar for this run


def init_from_url(bundle: Bundle) -> None:
    """On a session's first run, take the view from the query string; a document first
    shown later in the session (switched to) starts from its defaults."""
    if URL_READ not in st.session_state:
        params = {key: st.query_params.get_all(key) for key in st.query_params}
        view, notices = parse_view(params, bundle.model,
                                   also_known=(LINK_PARAM, SAVED_PARAM, DOC_PARAM, SHOW_PARAM),
                                   resampled=resampled_ranges(bundle.scenario_presets))
        st.session_state[scoped(VIEW)] = view
        st.session_state[NOTICES] = [*st.session_state.get(NOTICES, []), *notices]
        st.session_state[URL_READ] = True
    elif scoped(VIEW) not in st.session_state:
        st.session_state[scoped(VIEW)] = default_view(bundle.inputs)


def add_notices(notices: list[str]) -> None:
    """More plain-words notices about the link (Markdown, visitor text already escaped)."""
    st.session_state[NOTICES] = st.session_state.get(NOTICES, []) + notices


def view() -> View:
    return st.session_state[scoped(VIEW)]


def values() -> dict[str, float]:
    """The assumption values (display units: percent numbers)."""
    return view().values


def set_value(name: str, value: float) -> None:
    st.session_state[scoped(VIEW)] = view().with_value(name, value)


def set_range(name: str, rng_range: Range | None) -> None:
    st.session_state[scoped(VIEW)] = view().with_range(name, rng_range)


def set_simulation(samples: int, seed: int) -> None:
    st.session_state[scoped(VIEW)] = view().with_simulation(samples, seed)


def set_correlations(correlations: tuple[Correlation, ...]) -> None:
    st.session_state[scoped(VIEW)] = view().with_correlations(correlations)


def reset(bundle: Bundle) -> None:
    st.session_state[scoped(VIEW)] = default_view(bundle.inputs)


def keep_in_url(params: dict[str, str]) -> None:
    """Keep a page's own parameters (the embed's `show=`, `doc=`) in the address bar
    after this run, beside the view's."""
    st.session_state[KEPT] = params


def sync_url(bundle: Bundle) -> None:
    """Write the view and the document it is of to the address bar, with the parameters
    the page asked to keep this run (and drop everything else)."""
    wanted = {**document_query(), **view_query(view(), bundle.inputs),
              **st.session_state.pop(KEPT, {})}
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)
