"""The estimates page's context section: every published estimate over time beside the
document's two figures, what each counted, and the related counts of the same years. Its
words are the document's (pages.yaml, `estimates_over_time.context`)."""

from __future__ import annotations

import streamlit as st

from claimscope.bundle import Bundle
from claimscope.charts.estimates_context import published_estimates_chart
from claimscope.context.estimates_context import (
    coverage_words,
    estimates_frame,
    related_counts_frame,
)
from claimscope.files.page_config import EstimatesOverTimePage, slug
from components.charts import download_csv, show_chart
from components.evidence_links import sources_caption

TABLE_COLUMNS = {"date": "Date", "who": "Who", "figure_as_given": "Figure",
                 "wording": "Exact words", "measure": "What it counted", "sources": "Sources"}


def estimates_context_section(data: Bundle, page: EstimatesOverTimePage) -> None:
    """Nothing where the document has no such context data."""
    context = data.estimates_context
    if context is None:
        return
    words, counted = page.context, slug(page.counted.one)  # names the keys and files
    st.subheader("Published estimates over time (context, not from the document)")
    st.markdown(f"{words.intro} A rise between two estimates is growth only if both count the "
                "same thing in the same way.")
    chart = published_estimates_chart(estimates_frame(context, data.catalogue),
                                      list(context.measures), words.published,
                                      data.catalogue[page.first].unit)
    show_chart(chart, key=f"{counted}_estimates_over_time")
    st.caption(" ".join([
        "Marker shape shows what each estimate counted; the document's own figures are the "
        "large open markers.", *([words.restatements] if words.restatements else [])]))
    table = chart.data[list(TABLE_COLUMNS)].rename(columns=TABLE_COLUMNS)
    st.dataframe(table, hide_index=True, key="published_estimates_table")
    download_csv(table, f"{counted}-estimates".replace("_", "-"),
                 "Download the estimates (CSV)")
    sources_caption([*context.document, *context.estimates])

    related = words.related
    name = slug(related.many)
    counts = related_counts_frame(context, related.many)
    st.markdown(words.related_intro)
    st.dataframe(counts, hide_index=True, key="related_counts_table", column_config={
        "date": "Date", "who": "Who",
        f"{name}_a_month": st.column_config.NumberColumn(f"{related.many.capitalize()} a month",
                                                         format="%.0f"),
        f"{name}_a_year": st.column_config.NumberColumn("× 12 (a year)", format="%.0f"),
        "counted": "What was counted", "wording": "Exact words", "sources": "Sources"})
    download_csv(counts, f"{counted}-{name}".replace("_", "-"),
                 f"Download the {related.one} figures (CSV)")
    sources_caption(context.related_counts)
    st.caption(coverage_words(context, data.catalogue, related.many, words.related_caution))
