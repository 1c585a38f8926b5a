"""The embed's pieces: its choices read once from the link, its still image made once
per view, and what /projection offers to take the model elsewhere (the `<iframe>`
snippet, the still image, the live panel as a page of its own)."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

import streamlit as st

from claimscope.bundle import Bundle
from claimscope.charts.embed_image import MEDIA_TYPES, Kind, embed_figure, static_image
from claimscope.live.embed import (
    FRAME_PARAMS,
    SHOW_PARAM,
    default_shown,
    embed_query,
    iframe_snippet,
    image_key,
    parse_show,
)
from claimscope.live.page import standalone_panel
from claimscope.shelf import DOC_PARAM
from claimscope.views.panel_spec import panel_inputs
from components import state
from components.copy_block import copy_block
from components.share import base_url, view_link

CHOICES = "embed_choices"


def choices(data: Bundle) -> tuple[tuple[str, ...], list[str]]:
    """The assumptions the embed shows and the notices about `show=` (`doc=` is read
    with every page's link, components/context.py): read from
    the link on the session's first run of the page, then kept (each run rewrites the
    address bar, keeping them there too)."""
    if CHOICES not in st.session_state:
        raw_show = st.query_params.get_all(SHOW_PARAM) or None
        chosen, notices = parse_show(raw_show, data)
        st.session_state[CHOICES] = (chosen, notices)
    chosen, notices = st.session_state[CHOICES]
    kept = embed_query(state.view(), data, chosen)
    state.keep_in_url({name: kept[name] for name in (SHOW_PARAM, DOC_PARAM) if name in kept})
    return chosen, notices


# Made by Chromium through kaleido (a second or more), so kept for every view asked for;
# the key is the view's canonical link, the document's version and the image's kind.
@st.cache_data(show_spinner="Drawing the picture…", max_entries=64)
def _still_image(key: str, _data: Bundle, _values: Mapping[str, float], kind: Kind) -> bytes:
    return static_image(embed_figure(_data, _values), kind)


def still_image(data: Bundle, values: Mapping[str, float], kind: Kind) -> bytes:
    """The view's still image: the step chart under its sentence and verdict."""
    return _still_image(image_key(data, values, kind), data, dict(values), kind)


def still_image_buttons(data: Bundle, key: str) -> None:
    """Download buttons for the current view's still image, made only when pressed; none
    for a model that declares no step chart (the picture is that chart; a hand-written
    model.yaml may leave it out)."""
    if not data.model.steps:
        return
    values = dict(state.values())
    left, right = st.columns(2)
    for column, kind in ((left, "svg"), (right, "png")):
        column.download_button(
            f"Still picture of this view ({kind.upper()})",
            lambda kind=kind: still_image(data, values, kind),
            file_name=f"claimscope-view.{kind}", mime=MEDIA_TYPES[kind], key=f"{key}_{kind}",
            on_click="ignore",
            help="The step chart with the sentence and the verdict, for a page that allows "
                 "no frames or scripts (an SVG keeps the words as text).")


def embed_tools(data: Bundle) -> None:
    """/projection's 'Embed' block: the `<iframe>` snippet for the chosen assumptions, the
    still image and the live panel alone as an HTML file."""
    st.subheader("Embed")
    offered = [spec.name for spec in panel_inputs(data)]
    chosen = st.multiselect("Assumptions the embed lets readers move", offered,
                            default=list(default_shown(data)), key="embed_show",
                            format_func=lambda name: data.inputs[name].label,
                            max_selections=len(offered))
    shown = tuple(name for name in offered if name in chosen) or default_shown(data)
    query = {**embed_query(state.view(), data, shown), **FRAME_PARAMS}
    address = f"{base_url()}/embed?{urlencode(query)}"
    title = f"ClaimScope: {data.document.meta['title']}"
    st.caption("Paste this into an article: the sentence, the verdict, these assumptions "
               "(live) and the step chart, with a link back to this view.")
    copy_block(iframe_snippet(address, title, len(shown)), "the embed's HTML snippet",
               "embed_snippet")
    st.caption("For a page that allows no frames or scripts: a still picture of this view. "
               "For a page of your own: the live panel alone, one HTML file that works "
               "offline.")
    still_image_buttons(data, "projection_still")
    values = dict(state.values())
    link = view_link(data)
    st.download_button("Live panel alone (HTML)",
                       lambda: standalone_panel(data, values, link).encode("utf-8"),
                       file_name="claimscope-panel.html", mime="text/html",
                       key="projection_standalone", on_click="ignore",
                       help="Every assumption's slider, the sentence, the verdict, the "
                            "cards and the break-even table, recomputed in the browser; "
                            "no server, no connection.")
