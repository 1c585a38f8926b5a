"""The bare Streamlit page the browser benchmark measures ClaimScope against.

One slider, one metric, one plotly chart: the least a page with the same kind of content
can cost in this Streamlit, plotly and browser. `bench/browser.py` serves it on its own;
`bench/panel_page.py` draws it too, with its slider in the sidebar.
"""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st
from streamlit.delta_generator import DeltaGenerator


def draw(slider_area: DeltaGenerator | None = None) -> None:
    """The page; the slider goes where `slider_area` says (the main area by default)."""
    share = (slider_area or st).slider("Share", min_value=1.0, max_value=100.0, value=7.25,
                                       step=0.25)
    st.metric("Total", f"{26 / (share / 100):.1f} million")
    xs = list(range(1, 101))
    figure = go.Figure(go.Scatter(x=xs, y=[26 / (x / 100) for x in xs], mode="lines"))
    figure.add_vline(x=share)
    figure.update_layout(title="Total by share", height=420)
    st.plotly_chart(figure)


if __name__ == "__main__":  # as `streamlit run` runs it
    draw()
