"""The bare page with an assumption panel of the same build as /projection's sidebar.

`bench/bare_page.py`'s slider, metric and chart, plus, in the sidebar, as many assumption
controls as /projection draws for the shipped document: each a slider, an "Exact value"
popover holding a number entry and a range switch, five of them with a "Why this suggested
range" expander. `bench/browser.py` times its slider against the bare page's: what
Streamlit's own widgets cost a rerun, before any of ClaimScope's content or arithmetic.
"""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

ASSUMPTIONS = 10  # sliders on /projection for the shipped document
EXPLAINED = 5  # of them with a suggested range, and so a "Why this suggested range"

with st.sidebar:
    share = st.slider("Share", min_value=1.0, max_value=100.0, value=7.25, step=0.25)
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
st.metric("Total", f"{26 / (share / 100):.1f} million")
xs = list(range(1, 101))
figure = go.Figure(go.Scatter(x=xs, y=[26 / (x / 100) for x in xs], mode="lines"))
figure.add_vline(x=share)
figure.update_layout(title="Total by share", height=420)
st.plotly_chart(figure)
