"""The projection explorer's 'Keep, compare and share' section: link, scenarios, files,
report, embed and citation, put together from the modules that do each."""

from __future__ import annotations

import streamlit as st

from claimscope.bundle import Bundle
from claimscope.charts.report import ReportEntry
from claimscope.link.scenarios import Scenario
from components import state
from components.citation import cite_block
from components.embed import embed_tools
from components.report_download import make_report, report_button
from components.scenario_store import apply, available, messages, save_control, saved_list
from components.share import base_url, copy_link, files
from components.simulation_cache import run_simulation, run_sobol

CURRENT = "Projection explorer view"  # the name the view's scenario goes by


def projection_tools(data: Bundle) -> None:
    """The /projection section: link, scenarios, files, report and citation."""
    st.header("Keep, compare and share")
    url = copy_link(data)
    _scenarios(data)
    view = state.view()
    current = Scenario(CURRENT, view)
    st.subheader("Report")
    simulation = run_simulation(data, view) if view.ranges else None

    def report() -> str:  # the Sobol indices are worked out only when a report is asked for
        sobol = run_sobol(data, view) if view.ranges else None
        return make_report(data, [ReportEntry(current, simulation, url, sobol)], url)()
    report_button(report, "claimscope-report.html", "projection_report")
    embed_tools(data)
    cite_block(data, url)


@st.fragment
def _scenarios(data: Bundle) -> None:
    """Saving, using, deleting and importing scenarios, with what they did: a fragment,
    so a save, a deletion or an import reruns only this part, which holds everything on
    the page that lists saved scenarios. Using one changes the view: `apply` reruns the
    page."""
    st.subheader("Scenarios")
    messages()
    st.caption("Save the current assumptions under a name, then compare saved scenarios "
               "and presets side by side.")
    save_control("projection_save")
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    left.selectbox("Start from a scenario", [s.name for s in available()],
                   key="projection_apply_name",
                   help="Presets shipped with ClaimScope, then your saved scenarios.")
    right.button("Use it", key="projection_apply", on_click=apply,
                 args=("projection_apply_name",))
    st.page_link("components/pages/compare.py", label="Compare scenarios side by side",
                 icon=":material/compare_arrows:")
    saved_list(base_url(), "projection")
    files(data, Scenario(CURRENT, state.view()), "projection_files")
