"""Showing a core `Chart`: the figure, its source, a data view and a CSV of what is plotted.

Every table on every page gets a CSV download (`download_csv`), made only when someone
asks for it (a deferred download), not on every rerun; every chart gets a PNG through
plotly's camera button, named after the chart.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from claimscope.charts.style import Chart
from claimscope.text.markdown import escape_markdown

PLOTLY_CONFIG = {"displaylogo": False, "displayModeBar": True,
                 "toImageButtonOptions": {"format": "png", "scale": 2}}
# The PNG is drawn wide enough for the chart's one-line title (plotly cannot wrap it): a
# 16 px bold sans-serif title averages under 10 px a character (a judgement from the
# exported images), plus the figure's side margins.
EXPORT_MIN_WIDTH = 1000
EXPORT_PX_PER_CHARACTER = 10
EXPORT_SIDE_MARGINS = 80


def plotly_config(key: str, title: str = "") -> dict:
    """The shared config with the PNG named after the chart (claimscope-<key>.png) and
    wide enough for its title."""
    width = max(EXPORT_MIN_WIDTH, len(title) * EXPORT_PX_PER_CHARACTER + EXPORT_SIDE_MARGINS)
    return {**PLOTLY_CONFIG, "toImageButtonOptions": {
        **PLOTLY_CONFIG["toImageButtonOptions"], "filename": f"claimscope-{key}",
        "width": width}}


def download_csv(frame: pd.DataFrame | list[dict], key: str,
                 label: str = "Download CSV", disabled: bool = False) -> None:
    """A CSV download of exactly the table shown: claimscope-<key>.csv, written only when
    the button is pressed, not on every rerun."""
    table = frame if isinstance(frame, pd.DataFrame) else pd.DataFrame(frame)
    st.download_button(label, lambda: table.to_csv(index=False).encode("utf-8"),
                       file_name=f"claimscope-{key}.csv", mime="text/csv", key=f"{key}_csv",
                       on_click="ignore", disabled=disabled)


def show_chart(chart: Chart, key: str) -> None:
    """The title, the figure (named by its title for screen readers), notes, and its data
    as a table.

    The title is page text above the figure: plotly cannot wrap a title, so on a narrow
    screen its own would be cut off and run under the mode bar (WCAG 1.4.10, reflow). The
    figure keeps its title for the PNG download; `layout.ACCESSIBLE_CSS` hides it on screen.
    The table and its CSV button are made only while the reader has 'Data behind this
    chart' open (a stateful expander, `<key>_data_open`), not on every rerun of every
    chart."""
    name = chart.name
    if name:
        st.markdown(f"**{escape_markdown(name)}**")
    st.plotly_chart(chart.figure, key=key, config=plotly_config(key, name),
                    alt=name or None)
    if chart.source:
        st.caption(escape_markdown(chart.source))  # it may quote a document's labels
    for note in chart.notes:
        st.caption(escape_markdown(note))
    with st.expander("Data behind this chart", key=f"{key}_data_open",
                     on_change="rerun") as data_view:
        if data_view.open:
            st.dataframe(chart.data, hide_index=True, key=f"{key}_data")
            download_csv(chart.data, key)
