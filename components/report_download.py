"""The 'Download report' button: one offline HTML file, built only when asked for."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import streamlit as st

from claimscope.bundle import Bundle
from claimscope.charts.report import ReportEntry, build_report
from claimscope.views.citation import cite


def report_button(make: Callable[[], str], file_name: str, key: str) -> None:
    """'Download report': the HTML is built only when the button is pressed."""
    st.download_button("Download report", lambda: make().encode("utf-8"),
                       file_name=file_name, mime="text/html", key=key, type="primary",
                       help="One HTML file with a live assumption panel (the numbers "
                            "follow its sliders, in your browser), the inputs and their "
                            "sources, the outputs, the charts, caveats and how to cite. "
                            "It opens offline and asks no server for anything.")


def make_report(data: Bundle, entries: list[ReportEntry], link_text: str,
                extra_charts: tuple = ()) -> Callable[[], str]:
    """The report's builder, closed over everything it needs (it runs off the script)."""
    citation = cite(data.document, date.today(), link_text)
    generated = datetime.now(UTC).strftime("%d %B %Y, %H:%M UTC")
    return lambda: build_report(data, entries, citation, generated, extra_charts)
