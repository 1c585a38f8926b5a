"""Showing a core `Chart`: the figure, its source, a data view and a CSV of what is plotted.

The CSV is made only when someone asks for it (a deferred download), not on every rerun.
"""

from __future__ import annotations

import streamlit as st

from claimscope.charts.style import Chart

PLOTLY_CONFIG = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2}}


def show_chart(chart: Chart, key: str) -> None:
    st.plotly_chart(chart.figure, key=key, config=PLOTLY_CONFIG)
    if chart.source:
        st.caption(chart.source)
    for note in chart.notes:
        st.caption(note)
    with st.expander("Data behind this chart"):
        st.dataframe(chart.data, hide_index=True, key=f"{key}_data")
        st.download_button(
            "Download CSV", lambda: chart.data.to_csv(index=False).encode("utf-8"),
            file_name=f"claimscope-{key}.csv", mime="text/csv", key=f"{key}_csv",
            on_click="ignore",
        )
