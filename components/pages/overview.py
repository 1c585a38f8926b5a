"""Overview (/): the headline figures, a timeline of dated claims, and every claim in a table."""

from __future__ import annotations

import streamlit as st

from claimscope.charts.overview import timeline_chart
from claimscope.views.linked_data import MEDIA_TYPE, catalogue_jsonld_bytes
from claimscope.views.overview import (
    claims_table,
    filter_claims,
    headline_cards,
    intro_text,
    kinds_caption,
    options,
    search_example,
)
from components import state
from components.charts import download_csv, show_chart
from components.context import bundle

TABLE_COLUMNS = {
    "value_text": st.column_config.TextColumn("Value", width=90),
    "unit": st.column_config.TextColumn("Unit", width=100),
    "kind": st.column_config.TextColumn("Kind", width=80),
    "category": st.column_config.TextColumn("Category", width=110),
    "who": st.column_config.TextColumn("Who", width=200),
    "when": st.column_config.TextColumn("When", width=130),
    "quote": st.column_config.TextColumn("Verbatim quote", width=520),
    "section": st.column_config.TextColumn("Location", width=85,
                                           help="Part of the document the quote is in"),
    "note": st.column_config.TextColumn("Note", width=320),
    "id": st.column_config.TextColumn("Claim id", width=170),
}

data = bundle()

st.title("ClaimScope")
st.markdown(intro_text(data))
st.page_link("components/pages/projection.py", icon=":material/tune:",
             label="Open the projection explorer: change the assumptions behind the "
                   "extrapolation and see where the claim stops holding")

cards = headline_cards(data, state.values())
with st.container(horizontal=True, key="headline_cards"):
    for card in cards:
        st.metric(card.label, card.value, card.detail, delta_color="off", delta_arrow="off",
                  help=card.help, border=True, width="content")
st.caption("Hover the (?) on a card for the document's exact words, who said it and when. "
           "The extrapolated total follows the assumptions in the projection explorer.")

st.header("When the claims are dated")
show_chart(timeline_chart(data.catalogue), key="timeline")

st.header("Every claim in the document")
table = claims_table(data.catalogue)
by_category, by_kind, by_text = st.columns([1, 1, 2])
vocabulary = data.vocabulary
categories = by_category.multiselect("Category", options(table, "category", vocabulary),
                                     format_func=vocabulary.category_label,
                                     key="filter_category", placeholder="All categories")
kinds = by_kind.multiselect("Kind", options(table, "kind", vocabulary),
                            format_func=vocabulary.kind_label, key="filter_kind",
                            placeholder="All kinds")
search = by_text.text_input("Search quotes, sources, ids and notes", key="claim_search",
                            max_chars=200,
                            placeholder=search_example(data.catalogue))
shown = filter_claims(table, categories, kinds, search)

st.caption(f"Showing {len(shown)} of {len(table)} claims. {kinds_caption(vocabulary)}")
if shown.empty:
    st.info("No claim matches these filters.")
else:
    st.dataframe(shown, hide_index=True, key="claims_table", column_order=list(TABLE_COLUMNS),
                 column_config=TABLE_COLUMNS)
download_csv(shown, "claims", "Download these claims (CSV)", disabled=shown.empty)
st.download_button("Download the whole catalogue as schema.org Claims (JSON-LD)",
                   lambda: catalogue_jsonld_bytes(data.catalogue, data.document),
                   file_name="claimscope-claims.jsonld", mime=MEDIA_TYPE, key="claims_jsonld",
                   on_click="ignore",
                   help="One schema.org Claim per claim: the verbatim quote, who the document "
                        "attributes it to, and the document it appears in (with the sha256 "
                        "of the text examined), as fact-checking tools read them.")
