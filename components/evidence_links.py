"""'Sources (on the Evidence page): …' under a figure ClaimScope supplies (README, "Data and
credits"), so
every range, preset and context figure leads to the words that support it."""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from claimscope.files.sources import Sourced
from claimscope.views.evidence import cited_ids, links_markdown
from components.context import bundle


def sources_caption(records: Iterable[Sourced], extra: Iterable[str] = ()) -> None:
    """One caption linking every source the records (and `extra` ids) cite, each once."""
    refs = [ref for record in records for ref in cited_ids(record)] + list(extra)
    links = links_markdown(refs, bundle().sources)
    if links:
        st.caption(f"Sources (on the Evidence page): {links}")
