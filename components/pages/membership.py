"""Membership and commitments: an organisation's members across countries and what that
implies, the figures about its standards, the targets the document names twice, and its
deadline. Title, path, words and the claims playing each part are the document's pages.yaml
(`membership`)."""

from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from claimscope.charts.membership import timeline_chart
from claimscope.context.estimates_over_time import BOUND_LABELS, bound_of
from claimscope.context.membership import (
    deadline,
    members_spread,
    stated_and_quoted_targets,
    target_columns,
    target_label,
    target_overlap,
    targets_frame,
    timeline,
)
from claimscope.files.catalogue import claim_date, claim_text
from claimscope.files.page_config import slug
from claimscope.views.overview import source_line
from components.charts import download_csv, show_chart
from components.context import bundle

data = bundle()
catalogue = data.catalogue
page = data.pages.membership
assert page is not None, "app.py lists this page only for documents with its pages.yaml block"


def sources(claim_ids: tuple[str, ...]) -> str:
    """Each distinct quote once, with the ids of the claims it carries (Markdown)."""
    by_quote: dict[str, list[str]] = {}
    for claim_id in claim_ids:
        by_quote.setdefault(catalogue[claim_id].quote, []).append(claim_id)
    lines = []
    for ids in by_quote.values():
        claim = catalogue[ids[0]]
        line = source_line(claim) if len(ids) == 1 else (
            f"“{claim.quote}” — {claim.who}, {claim.when} ({claim.section}).")
        lines.append(line + " " + " ".join(f"`{i}`" for i in ids))
    return "\n\n".join(lines)


def quoted_metric(column: DeltaGenerator, label: str, value: str,
                  claim_ids: tuple[str, ...] = (), derivation: str = "") -> None:
    """A card whose number can be traced: its derivation, or its quotes with claim ids."""
    if derivation:
        kind, explanation = "derived", f"Derived: {derivation}"
    else:
        kind, explanation = catalogue[claim_ids[0]].kind, sources(claim_ids)
    column.metric(f"{label} · {kind}", value, help=explanation, border=True)
    column.caption(explanation)


st.title(page.title)
st.markdown(page.intro)

# The members -------------------------------------------------------------------------------
st.header(page.members_title)
spread = members_spread(catalogue, page)
members, countries = claim_text(catalogue[page.members]), claim_text(catalogue[page.countries])
columns = st.columns(4)
quoted_metric(columns[0], "Members", members, (page.members,))
quoted_metric(columns[1], "Countries", countries, (page.countries,))
quoted_metric(columns[2], "Average per country", f"{spread.average:.2f}",
              derivation=f"{members} ÷ {countries}.")
quoted_metric(columns[3], "Countries with 2+ members",
              f"{spread.fewest_shared} to {spread.most_shared}",
              derivation=f"between {spread.fewest_shared} (all {spread.extra} extra members "
                         f"in one country) and {spread.most_shared} (one extra member each), "
                         "as explained below.")
st.markdown(
    f"If each of the {countries} countries has at least one member, {countries} of the "
    f"{members} members are accounted for and **{spread.extra}** are extra. If all the extra "
    f"members are in one country, that country has {spread.most_in_one} members and only "
    f"**{spread.fewest_shared}** country has more than one; if each is in a different "
    f"country, **{spread.most_shared}** countries have two. Any real spread lies between: "
    f"at least {spread.fewest_shared} and at most {spread.most_shared} countries have more "
    f"than one member, and no country has more than {spread.most_in_one}. The document "
    "does not say how the members are spread."
)

# Figures about standards -------------------------------------------------------------------
st.header(page.figures_title)
figures = [(figure.title, catalogue[figure.claim]) for figure in page.figures]
hedged = [claim for _, claim in figures if bound_of(claim.mention) != "exact"]
for column, (title, claim) in zip(st.columns(len(figures)), figures, strict=True):
    # A hedged figure ("more than 20") is shown in its own words, not as a bare number.
    shown = claim.mention.capitalize() if claim in hedged else claim_text(claim)
    quoted_metric(column, title, shown, (claim.id,))
for claim in hedged:
    st.caption(f"“{claim.mention.capitalize()}” is a {BOUND_LABELS[bound_of(claim.mention)]}, "
               f"not a count: the document does not say how many {claim.unit} took part.")

# The two lists of targets -------------------------------------------------------------------
st.header(page.targets_title)
stated, quoted = stated_and_quoted_targets(catalogue, page)
targets = targets_frame(catalogue, page)
in_named, in_quoted, quoted_text = target_columns(page)
both, only_two, only_three = target_overlap(targets, page)
named = ", ".join(target_label(catalogue[i]) for i in page.named.claims)
listed = ", ".join(target_label(catalogue[i]) for i in page.quoted.claims)
columns = st.columns(2)
quoted_metric(columns[0], page.named.title, named, page.named.claims)
quoted_metric(columns[1], page.quoted.title, f"{stated}: {listed}",
              (page.targets_count, *page.quoted.claims))
if only_two or only_three:
    text = targets.set_index("target")[quoted_text]
    st.info(
        f"The two lists differ: {', '.join(only_two) or 'none'} appears only in "
        f"{page.named.label} and {', '.join(only_three) or 'none'} only in "
        f"{page.quoted.label}"
        + "".join(f" (“{text[label]}”)" for label in only_three)
        + f"; {' and '.join(both)} appear in both. The document does not say whether the "
        "two lists are meant to name the same targets.",
        icon=":material/compare_arrows:",
    )
st.dataframe(
    targets, hide_index=True, key="targets_table",
    column_config={
        "target": page.target_noun,
        in_named: st.column_config.CheckboxColumn(f"Named in {page.named.label}"),
        in_quoted: st.column_config.CheckboxColumn(f"Quoted in {page.quoted.label}"),
        "claim_ids": "Claim ids",
        quoted_text: st.column_config.TextColumn(f"{page.quoted.label}'s words",
                                                 width="large"),
    },
)
download_csv(targets, f"{slug(page.target_noun)}s".replace("_", "-"))

# The deadline -------------------------------------------------------------------------------
dates = deadline(catalogue, page, data.document.meta["date"])
st.header(f"The {dates.deadline} deadline")
columns = st.columns(4)
quoted_metric(columns[0], "Deadline", f"{dates.deadline}", (page.deadline.year,))
quoted_metric(columns[1], "Years to the deadline", f"{dates.years} years",
              (page.deadline.years,))
quoted_metric(columns[2], "The years count from", f"{dates.counted_from}",
              derivation=f"{dates.deadline} − {dates.years} years.")
quoted_metric(columns[3], "Left at the document's date", f"{dates.left_at_document} years",
              derivation=f"{dates.deadline} − {dates.document_year}, the year the "
                         f"{page.document_noun} is dated.")
start_claim = catalogue[page.deadline.start]
agreement = (f"the year the document gives for {page.deadline.start_event} — consistent"
             if dates.matches_start else
             f"not the year the document gives for {page.deadline.start_event} "
             f"({claim_text(start_claim)})")
st.markdown(
    f"**{dates.counted_from} + {dates.years} years = {dates.deadline}.** The “{dates.years} "
    f"years” count from {dates.counted_from}, {agreement}. The {page.document_noun} itself is "
    f"dated {dates.document_year}, when {dates.left_at_document} years remained."
)

show_chart(timeline_chart(timeline(catalogue, page), claim_date(str(dates.document_year))[0],
                          dates), key="commitments_timeline")
