"""Session state <-> URL: the shareable view every page uses (DESIGN §5).

The URL is read once, when a session starts; afterwards the session's `View` is the truth
and is written back to the address bar after every run, so a copied link always
reproduces what is on screen and values survive moving between pages.
"""

from __future__ import annotations

import streamlit as st

from claimscope.bundle import Bundle
from claimscope.link.scenarios import LINK_PARAM, resampled_ranges
from claimscope.link.viewstate import View, default_view, parse_view, view_query
from claimscope.live.embed import PARAMS as EMBED_PARAMS
from claimscope.uncertainty.correlations import Correlation
from claimscope.uncertainty.distributions import Range

VIEW = "view"
NOTICES = "url_notices"
KEPT = "url_kept"  # a page's own parameters, kept in the address bar for this run


def init_from_url(bundle: Bundle) -> None:
    """On a session's first run, take the view from the query string."""
    if VIEW in st.session_state:
        return
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    view, notices = parse_view(params, bundle.model, also_known=(LINK_PARAM, *EMBED_PARAMS),
                               resampled=resampled_ranges(bundle.scenario_presets))
    st.session_state[VIEW] = view
    st.session_state[NOTICES] = notices


def view() -> View:
    return st.session_state[VIEW]


def values() -> dict[str, float]:
    """The assumption values (display units: percent numbers)."""
    return view().values


def set_value(name: str, value: float) -> None:
    st.session_state[VIEW] = view().with_value(name, value)


def set_range(name: str, rng_range: Range | None) -> None:
    st.session_state[VIEW] = view().with_range(name, rng_range)


def set_simulation(samples: int, seed: int) -> None:
    st.session_state[VIEW] = view().with_simulation(samples, seed)


def set_correlations(correlations: tuple[Correlation, ...]) -> None:
    st.session_state[VIEW] = view().with_correlations(correlations)


def reset(bundle: Bundle) -> None:
    st.session_state[VIEW] = default_view(bundle.inputs)


def keep_in_url(params: dict[str, str]) -> None:
    """Keep a page's own parameters (the embed's `show=`, `doc=`) in the address bar
    after this run, beside the view's."""
    st.session_state[KEPT] = params


def sync_url(bundle: Bundle) -> None:
    """Write the view to the address bar, with the parameters the page asked to keep
    this run (and drop everything else)."""
    wanted = {**view_query(view(), bundle.inputs), **st.session_state.pop(KEPT, {})}
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)
