"""'How to cite': the citation block every page that shows results ends with."""

from __future__ import annotations

from datetime import date

import streamlit as st

from claimscope.bundle import Bundle
from claimscope.views.citation import cite
from claimscope.views.evidence import bibliography


def cite_block(data: Bundle, link_text: str = "") -> None:
    """'How to cite': short and long forms, the document's own and ClaimScope's."""
    citation = cite(data.document, date.today(), link_text)
    st.subheader("How to cite")
    st.markdown("**Short form** (a caption or footnote)")
    st.code(citation.short, language=None, wrap_lines=True)
    st.markdown("**Long form** (a bibliography: the document, then this analysis)")
    st.code(citation.long, language=None, wrap_lines=True)
    st.caption("The access date matters: the catalogue and the assumptions' sources are "
               "corrected from time to time.")
    if data.sources:
        with st.expander(f"Sources of the figures ClaimScope supplies ({len(data.sources)})"):
            st.code("\n".join(bibliography(data)), language=None, wrap_lines=True)
            st.caption("Each source, its exact words and what it supports: the Evidence "
                       "page (/evidence).")
