"""Source (/source): the document itself, every number in it marked and traced to the
catalogue, the arithmetic its numbers imply, and where the text comes from."""

from __future__ import annotations

import streamlit as st

from claimscope.files.checks import checks_frame, checks_summary
from claimscope.files.coverage import account, coverage_summary, mentions_frame
from claimscope.model.checks_file import evaluate_checks
from claimscope.text.markdown import escape_markdown
from claimscope.text.numbers import display
from claimscope.views.highlight import MARKS, highlight_html, legend_html
from components import state
from components.charts import download_csv
from components.context import bundle

VERDICT_MARKERS = {"consistent": "✓ Consistent", "inconsistent": "✗ Inconsistent",
                   "note": "ℹ Note"}


data = bundle()
document, catalogue = data.document, data.catalogue
meta = document.meta
listed = data.not_claims
accounted = account(document, catalogue, listed)
problems = data.integrity_problems()

st.title("Source")
st.markdown(
    "The document as published, with **every number in it marked**: each is either a "
    "catalogued claim (reported, derived by the document, a target or a date) or listed as "
    "not a claim, with the reason. Hover over a number for its claim, or pick a claim below.")

# Provenance and coverage --------------------------------------------------------------------
with st.container(border=True, key="source_provenance"):
    shown = {field: escape_markdown(str(meta[field])) for field in
             ("title", "author", "session", "publisher", "where", "licence")}
    st.markdown(f"**{shown['title']}**  \n{shown['author']} · {shown['session']} · "
                f"{meta['date']}  \nPublisher: {shown['publisher']}")
    st.caption(f"{shown['where']}  \nLicence: {shown['licence']}  \nCite as: "
               f"{escape_markdown(document.citation())}")
    st.caption(f"sha256 of the shipped text: `{document.sha256}` — "
               + ("matches the published copy." if document.sha256_ok
                  else f"**does not match** the recorded `{meta['sha256']}`."))
summary = coverage_summary(document, catalogue, accounted, problems)
if problems:
    st.error(f"**Provenance or coverage check failed.** {summary}\n\n"
             + "\n".join(f"- {p}" for p in problems))
else:
    st.success(f"**Provenance and coverage verified.** {summary}")

# Jump to a claim ----------------------------------------------------------------------------
claim_ids = list(catalogue.claims)
chosen = st.selectbox(
    "Jump to claim", claim_ids, index=None, key="source_claim",
    placeholder="Choose a claim to see its details and outline it in the text",
    format_func=lambda i: f"{i} — {catalogue[i].mention} ({catalogue[i].section})")
if chosen:
    claim = catalogue[chosen]
    with st.container(border=True, key="source_claim_details"):
        # The claim's fields are the document's text: shown as typed, never as Markdown.
        st.markdown(f"**{escape_markdown(claim.id)}** · {MARKS[claim.kind].label} · "
                    f"**{escape_markdown(display(claim.value, claim.unit))}** "
                    f"{escape_markdown(str(claim.unit))}")
        st.markdown(f"> {escape_markdown(claim.quote)}")
        category = escape_markdown(data.vocabulary.category_label(claim.category))
        st.caption(f"Who: {escape_markdown(claim.who)} · When: {escape_markdown(claim.when)} · "
                   f"Where: {escape_markdown(claim.section)} · Category: {category}"
                   + (f"  \nNote: {escape_markdown(claim.note)}" if claim.note else ""))

# The document -------------------------------------------------------------------------------
st.header("The document, every number marked")
statuses = [s for s in MARKS if s != "unaccounted" or problems]
st.markdown(legend_html(statuses), unsafe_allow_html=True)
st.caption("The small tag after each number says what it is, so the marks do not rely on "
           "colour: rep = reported claim, der = derived by the document, tgt = target, "
           "date = date, n/c = not a claim (hover for the reason).")
with st.container(border=True, height=720, key="source_document"):
    # Shipped document and catalogue text only, escaped in claimscope.views.highlight.
    st.markdown(highlight_html(document.text, accounted, selected=chosen),
                unsafe_allow_html=True)

mentions = mentions_frame(document, accounted)
with st.expander(f"Every numeric mention ({len(mentions)}), and what accounts for it"):
    st.dataframe(mentions, hide_index=True, key="source_mentions_table")
    download_csv(mentions, "mentions")

# Consistency checks -------------------------------------------------------------------------
# A document without checks.yaml has no implied arithmetic to show.
if data.checks:
    checks = evaluate_checks(data.checks, data.model, catalogue, state.values())
    st.header("Consistency checks")
    st.markdown("The arithmetic the document's numbers imply, computed from the catalogue — "
                f"{checks_summary(checks)}.")
    for check in checks:
        with st.container(border=True, key=f"source_check_{check.id}"):
            st.markdown(f"**{VERDICT_MARKERS[check.verdict]} · {escape_markdown(check.title)}**")
            # A check's words quote the document and name its labels: a reader's text, shown.
            st.markdown(f"{escape_markdown(check.formula)} → "
                        f"**{escape_markdown(check.result)}**")
            st.caption(f"The document: {escape_markdown(check.statement)}")
            st.markdown(escape_markdown(check.explanation))
            st.caption("Claims: " + ", ".join(f"`{i}`" for i in check.claims)
                       + (" · Worked out at your assumptions (the model's inputs as set)."
                          if check.follows_reader else ""))
    frame = checks_frame(checks)
    with st.expander("Checks as a table"):
        st.dataframe(frame, hide_index=True, key="source_checks_table")
        download_csv(frame, "checks")
