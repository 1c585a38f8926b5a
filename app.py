"""ClaimScope's entry point: page config, navigation, and the URL <-> state wiring."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from claimscope.files.schema import DataError
from claimscope.text.markdown import escape_markdown
from components import layout, scenario_store, state
from components.context import bundle as cached_bundle
from components.context import open_from_link
from components.navigation import EMBED, pages
from components.owner_token import keep_owner
from components.switcher import document_switcher

# A local file: a Material or emoji icon would make the browser fetch it from a CDN.
ASSETS = Path(__file__).resolve().parent / "assets"

st.set_page_config(page_title="ClaimScope", page_icon=str(ASSETS / "favicon.png"),
                   layout="wide")
try:
    open_from_link()
    bundle = cached_bundle()
except DataError as error:
    st.error("**ClaimScope cannot start: a data file is invalid.**\n\n"
             f"{escape_markdown(str(error))}\n\n"
             "Fix the file named above and reload the page.")
    st.stop()

state.init_from_url(bundle)
scenario_store.open_link()
# The embed draws no top navigation: asked for by its address, before the page is known.
navigation = st.navigation(
    [st.Page(entry.path, title=entry.title, url_path=entry.url or None, icon=entry.icon,
             default=not entry.url, visibility="hidden" if entry.hidden else "visible")
     for entry in [*pages(bundle), EMBED]],
    position="hidden" if layout.addressed(EMBED.url) else "top",
)
embedded = navigation.url_path == EMBED.url
layout.accessible_styles()
if not embedded:
    document_switcher()
    layout.content_note(bundle)
layout.url_notices()
scenario_store.opened_notice()
layout.integrity(bundle)
navigation.run()
state.sync_url(bundle)
if not embedded:  # an embed saves nothing; in another site's frame it keeps no token
    keep_owner()
layout.footer(bundle, compact=embedded)
