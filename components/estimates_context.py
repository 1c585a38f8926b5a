"""The Offenders page's context section: every published estimate over time beside the
document's two figures, what each counted, and the arrest rates of the same years."""

from __future__ import annotations

import streamlit as st

from claimscope.bundle import Bundle
from claimscope.charts.estimates_context import estimates_over_time_chart
from claimscope.estimates_context import coverage_words, estimates_frame, related_counts_frame
from components.charts import download_csv, show_chart
from components.evidence_links import sources_caption

TABLE_COLUMNS = {"date": "Date", "who": "Who", "figure_as_given": "Figure",
                 "wording": "Exact words", "measure": "What it counted", "sources": "Sources"}


def estimates_context_section(data: Bundle) -> None:
    """Nothing where the document has no such context data."""
    context = data.estimates_context
    if context is None:
        return
    st.subheader("Published estimates over time (context, not from the document)")
    st.markdown(
        "Other published UK estimates of how many people are involved with child sexual "
        "abuse images, each with what it counted. A rise between two estimates is growth "
        "only if both count the same thing in the same way.")
    chart = estimates_over_time_chart(estimates_frame(context, data.catalogue),
                                      list(context.measures))
    show_chart(chart, key="offender_estimates_over_time")
    st.caption(
        "Marker shape shows what each estimate counted; the document's own figures are the "
        "large open markers. Restatements of one estimate (CEOP's 50,000) appear at each "
        "date they were repeated; they are not new counts.")
    table = chart.data[list(TABLE_COLUMNS)].rename(columns=TABLE_COLUMNS)
    st.dataframe(table, hide_index=True, key="offender_estimates_table")
    download_csv(table, "offender-estimates", "Download the estimates (CSV)")
    sources_caption([*context.document, *context.estimates])

    arrests = related_counts_frame(context)
    st.markdown("**Arrests a month, as context for coverage.** How many people police "
                "arrest beside the estimates above; each figure counts different offences.")
    st.dataframe(arrests, hide_index=True, key="offender_arrests_table", column_config={
        "date": "Date", "who": "Who",
        "arrests_a_month": st.column_config.NumberColumn("Arrests a month", format="%.0f"),
        "arrests_a_year": st.column_config.NumberColumn("× 12 (a year)", format="%.0f"),
        "counted": "What was counted", "wording": "Exact words", "sources": "Sources"})
    download_csv(arrests, "offender-arrests", "Download the arrest figures (CSV)")
    sources_caption(context.related_counts)
    st.caption(coverage_words(context, data.catalogue))
