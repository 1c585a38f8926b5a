"""ClaimScope's entry point: page config, navigation, and the URL <-> state wiring."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from claimscope.schema import DataError
from components import layout, state
from components.context import bundle as cached_bundle

# A local file: a Material or emoji icon would make the browser fetch it from a CDN.
ASSETS = Path(__file__).resolve().parent / "assets"

PAGES = [
    ("components/pages/overview.py", "Overview", "", ":material/dashboard:"),
    ("components/pages/projection.py", "Projection explorer", "projection", ":material/tune:"),
    ("components/pages/compare.py", "Compare", "compare", ":material/compare_arrows:"),
    ("components/pages/forces.py", "Behind the 26 million", "forces", ":material/local_police:"),
    ("components/pages/offenders.py", "Offenders", "offenders", ":material/groups:"),
    ("components/pages/network.py", "Network & commitments", "network", ":material/hub:"),
    ("components/pages/source.py", "Source", "source", ":material/description:"),
    ("components/pages/method.py", "Method & caveats", "method", ":material/functions:"),
]


st.set_page_config(page_title="ClaimScope", page_icon=str(ASSETS / "favicon.png"),
                   layout="wide")
try:
    bundle = cached_bundle()
except DataError as error:
    st.error(f"**ClaimScope cannot start: a data file is invalid.**\n\n{error}\n\n"
             "Fix the file named above and reload the page.")
    st.stop()

state.init_from_url(bundle)
navigation = st.navigation(
    [st.Page(path, title=title, url_path=url or None, icon=icon, default=not url)
     for path, title, url, icon in PAGES],
    position="top",
)
layout.accessible_styles()
layout.content_note()
layout.url_notices()
layout.integrity(bundle)
navigation.run()
state.sync_url(bundle)
layout.footer(bundle)
