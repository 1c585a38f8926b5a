"""ClaimScope's entry point: page config, navigation, and the URL <-> state wiring."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from claimscope.bundle import Bundle
from claimscope.schema import DataError
from components import layout, state
from components.context import bundle as cached_bundle

# A local file: a Material or emoji icon would make the browser fetch it from a CDN.
ASSETS = Path(__file__).resolve().parent / "assets"



def pages(loaded: Bundle) -> list[tuple[str, str, str, str]]:
    """(file, title, url path, icon) of each page the document's data supports, in order:
    no context data, no /forces; no offender or network claims, no such page."""
    candidates = [
        ("components/pages/overview.py", "Overview", "", ":material/dashboard:", True),
        ("components/pages/projection.py", "Projection explorer", "projection",
         ":material/tune:", True),
        ("components/pages/compare.py", "Compare", "compare", ":material/compare_arrows:",
         True),
        ("components/pages/forces.py", loaded.pages.forces.title, "forces",
         ":material/local_police:", loaded.forces is not None),
        ("components/pages/offenders.py", "Offenders", "offenders", ":material/groups:",
         loaded.pages.offenders is not None),
        ("components/pages/network.py", "Network & commitments", "network", ":material/hub:",
         loaded.pages.network is not None),
        ("components/pages/source.py", "Source", "source", ":material/description:", True),
        ("components/pages/method.py", "Method & caveats", "method", ":material/functions:",
         True),
    ]
    return [(path, title, url, icon) for path, title, url, icon, shown in candidates if shown]


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
     for path, title, url, icon in pages(bundle)],
    position="top",
)
layout.content_note()
layout.url_notices()
layout.integrity(bundle)
navigation.run()
state.sync_url(bundle)
layout.footer(bundle)
