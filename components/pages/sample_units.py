"""The sample page (its address and title from pages.yaml's `sample_units`, e.g. "Behind
the 26 million"): the units behind the headline figure, in their own figures — context, not
the document. Every noun and sentence about the sample is the document's."""

from __future__ import annotations

import streamlit as st

from claimscope.charts.sample_units import leave_one_out_chart, rate_chart, share_chart
from claimscope.context.sample_alternatives import alternatives_frame, comparison_frame, recompute
from claimscope.context.sample_arithmetic import (
    count_as_known,
    group_frame,
    in_words,
    spread,
    what_the_spread_says,
)
from claimscope.text.numbers import human, percent
from components.charts import download_csv, show_chart
from components.context import bundle
from components.evidence_links import sources_caption


def exact_or_human(figure: str, value: float) -> str:
    """Counts in full (they are compared digit by digit), shares and totals for people."""
    if figure == "share":
        return percent(value, 2)
    return human(value) if figure == "national" else f"{value:,.0f}"


loaded = bundle()
page = loaded.pages.sample_units
st.title(page.title)
data = loaded.sample_units
assert data is not None, "app.py lists this page only for documents with sample_units.yaml"

claimed = loaded.model.threshold
source, request = data.source, data.request
s = spread(data, claimed)

republished = "\n".join(f"  - {place}" for place in source.republished)
st.warning(
    f"**Context data — not from the document.** {page.notice} {source.author}, "
    f"“{source.title}”, {source.medium}, {source.published} — [{source.url}]({source.url}).\n\n"
    f"Republished at:\n{republished}\n\n{page.derived_note}",
    icon=":material/info:",
)
st.markdown(
    f"The {request.by} sent {request.how} to {request.asked_whom}, asking how many "
    f"{request.counted}, {request.window}. Of these, {len(request.replied)} gave "
    f"{page.counts} in time ({', '.join(request.replied)}); the other {request.not_replied} "
    f"gave none. " + (f"{page.non_response} " if page.non_response else "")
    + f"Populations are {request.population_basis}: the responding areas held "
    f"{data.population:,} people, {percent(data.share)} of {page.whole}. {source.author} "
    f"notes that the sample “{source.caveat}”."
)
st.caption(
    f"Population of {page.whole} used on this page: {data.population:,} ÷ "
    f"{percent(data.share)} = {human(data.whole_population, 2)}, so that pro rata "
    f"on all groups reproduces the document's arithmetic ({human(data.count)} ÷ "
    f"{percent(data.share)} = {human(data.pro_rata)}). For comparison: "
    + "; ".join(f"{ref.label}, {human(ref.value, 2)}" for ref in loaded.references.values()
                if ref.unit == "people") + "."
)

cards = st.columns(4)
cards[0].metric(f"{s.dominant.name}: share of the sampled people",
                percent(s.dominant_population_share, 1))
cards[1].metric(f"{s.dominant.name}: share of the {page.counted}", percent(s.dominant.value, 1))
cards[2].metric(f"National total without {s.without_low.name}", human(s.without_low.value))
cards[3].metric("Pro rata on all groups", human(s.pro_rata))

show_chart(share_chart(data), key="sample_shares")
show_chart(rate_chart(data), key="sample_rates")
show_chart(leave_one_out_chart(data, claimed), key="sample_leave_one_out")

st.header("The groups")
groups = group_frame(data)
st.dataframe(
    groups.assign(national_alone=groups["national_alone"].map(human),
                  national_without=groups["national_without"].map(human))[
        ["group", "status", "count_as_known", "population", "share_of_count",
         "share_of_population", "count_per_resident", "national_alone", "national_without"]],
    hide_index=True, key="sample_groups",
    column_config={
        "group": "Group", "status": "Stated or derived",
        "count_as_known": f"{page.counted_first} {page.counted_how}",
        "population": st.column_config.NumberColumn("Residents (mid-2010)", format="localized"),
        "share_of_count": st.column_config.NumberColumn(f"Share of {page.counted}",
                                                        format="%.1f%%"),
        "share_of_population": st.column_config.NumberColumn("Share of residents",
                                                             format="%.1f%%"),
        "count_per_resident": st.column_config.NumberColumn(f"{page.counted_first} per resident",
                                                            format="%.2f"),
        "national_alone": "National total from this group alone",
        "national_without": "National total without this group",
    },
)
download_csv(in_words(groups, page), page.csv_name("groups"))
if page.groups_note:
    st.caption(page.groups_note)
for group in data.groups:
    if group.status == "derived":
        st.markdown(f"**{group.name} — derived ({count_as_known(group.count, group.status)} "
                    f"{page.counted}).** {group.derivation}")
sources_caption([data.source, data.request, data.totals, *data.groups])

st.header("The source's own alternatives, recomputed")
comparison = comparison_frame(data)
st.dataframe(
    comparison.assign(
        recomputed=[exact_or_human(f, v)
                    for f, v in zip(comparison["figure"], comparison["recomputed"], strict=True)]
    )[["alternative", "figure", "source_wrote", "recomputed", "verdict"]],
    hide_index=True, key="sample_comparison",
    column_config={"alternative": "Alternative", "figure": "Figure",
                   "source_wrote": f"{source.author}'s figure",
                   "recomputed": "ClaimScope recomputes", "verdict": "Agreement"},
)
download_csv(comparison, page.csv_name("comparison"))
st.caption("“Agrees only if cut off, not rounded”: the source's figure is ours with the "
           "last digits dropped; rounded, it would end differently.")
for alternative in data.alternatives:
    r = recompute(data, alternative)
    if "share" in alternative.stated:
        st.markdown(
            f"- **{alternative.label}:** dividing {r.count:,} {page.counted} by the share as "
            f"{source.author} writes it, {alternative.stated['share'].written}, gives "
            f"{human(r.national_as_source)}; with the unrounded {percent(r.share)} the same "
            f"{page.counted} imply {human(r.national)}.")
    if alternative.note:
        st.caption(f"{alternative.label}: {alternative.note}")
alternatives = alternatives_frame(data)
st.dataframe(
    alternatives.assign(national_as_source=alternatives["national_as_source"].map(human),
                        national=alternatives["national"].map(human)),
    hide_index=True, key="sample_alternatives",
    column_config={
        "alternative": "Alternative",
        "count": st.column_config.NumberColumn(page.counted_first, format="localized"),
        "population": st.column_config.NumberColumn("Residents", format="localized"),
        "share": st.column_config.NumberColumn(f"Share of {page.whole}", format="%.2f%%"),
        "national_as_source": "National total, share as the source writes it",
        "national": "National total, unrounded share",
    },
)
download_csv(in_words(alternatives, page), page.csv_name("alternatives"))
sources_caption(data.alternatives)

st.header(f"What this means for a sample of {len(request.replied)} {page.units}")
st.markdown(what_the_spread_says(data, s, claimed))
