"""The bare page with an assumption panel of the same build as /projection's sidebar.

`bench/bare_page.py`'s page, its slider at the top of the sidebar, and under it as many
assumption controls as /projection draws for the shipped document: each a slider, an
"Exact value" popover holding a number entry and a range switch, five of them with a "Why
this suggested range" expander. `bench/browser.py` times its slider against the bare
page's: what Streamlit's own widgets cost a rerun, before any of ClaimScope's content or
arithmetic.
"""

from __future__ import annotations

import streamlit as st
from bare_page import draw  # Streamlit puts the script's folder on the import path

ASSUMPTIONS = 10  # sliders on /projection for the shipped document
EXPLAINED = 5  # of them with a suggested range, and so a "Why this suggested range"

draw(slider_area=st.sidebar)
with st.sidebar:
    for number in range(1, ASSUMPTIONS):
        st.slider(f"Assumption {number}", 0.0, 100.0, 50.0, key=f"assumption_{number}",
                  help="What the assumption means and where its default comes from.")
        with st.popover("Exact value", type="tertiary", key=f"exact_{number}"):
            st.number_input(f"Exact value: assumption {number}", 0.0, 100.0, 50.0,
                            key=f"exact_value_{number}")
        st.toggle("Uncertain: give a range", key=f"ranged_{number}")
        if number <= EXPLAINED:
            with st.expander("Why this suggested range"):
                st.caption("The published figures that set each end.")
