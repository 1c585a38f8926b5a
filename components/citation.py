"""'How to cite': the citation block every page that shows results ends with."""

from __future__ import annotations

from datetime import date

import streamlit as st

from claimscope.bundle import Bundle
from claimscope.views.citation import cite
from claimscope.views.evidence import bibliography
from components.copy_block import copy_block


def cite_block(data: Bundle, link_text: str = "") -> None:
    """'How to cite': short and long forms, the document's own and ClaimScope's."""
    citation = cite(data.document, date.today(), link_text)
    st.subheader("How to cite")
    st.markdown("**Short form** (a caption or footnote)")
    copy_block(citation.short, "the short form of the citation", "cite_short")
    st.markdown("**Long form** (a bibliography: the document, then this analysis)")
    copy_block(citation.long, "the long form of the citation", "cite_long")
    st.caption("The access date matters: the catalogue and the assumptions' sources are "
               "corrected from time to time.")
    if data.sources:
        # its content is made only while the reader has it open, not on every page load
        with st.expander(f"Sources of the figures ClaimScope supplies ({len(data.sources)})",
                         key="cite_sources_open", on_change="rerun") as sources:
            if sources.open:
                copy_block("\n".join(bibliography(data)), "the sources", "cite_sources")
                st.caption("Each source, its exact words and what it supports: the "
                           "Evidence page (/evidence).")
