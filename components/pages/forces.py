"""The context page (/forces, titled in pages.yaml, e.g. "Behind the 26 million"): the
responding forces' own figures — context, not the document."""

from __future__ import annotations

import streamlit as st

from claimscope.charts.forces import leave_one_out_chart, rate_chart, share_chart
from claimscope.forces import (
    alternatives_frame,
    comparison_frame,
    count_as_known,
    group_frame,
    recompute,
    spread,
    what_the_spread_says,
)
from claimscope.numbers import human, percent
from components.charts import download_csv, show_chart
from components.context import bundle
from components.evidence_links import sources_caption


def exact_or_human(figure: str, value: float) -> str:
    """Counts in full (they are compared digit by digit), shares and totals for people."""
    if figure == "share":
        return percent(value, 2)
    return human(value) if figure == "national" else f"{value:,.0f}"


loaded = bundle()
st.title(loaded.pages.forces.title)
data = loaded.forces
assert data is not None, "app.py lists this page only for documents with forces.yaml"

claimed = loaded.model.threshold
source, request = data.source, data.request
s = spread(data, claimed)

republished = "\n".join(f"  - {place}" for place in source.republished)
st.warning(
    "**Context data — not from the document.** The document does not name the police forces "
    "that replied. The figures on this page come from the blog post that "
    f"first made the extrapolation: {source.author}, “{source.title}”, {source.medium}, "
    f"{source.published} — [{source.url}]({source.url}).\n\n"
    f"Republished at:\n{republished}\n\n"
    "Groups marked **derived** are computed by ClaimScope from the figures the post states; "
    "each derivation is shown below.",
    icon=":material/info:",
)
st.markdown(
    f"The {request.by} sent {request.how} to {request.asked_whom}, asking how many "
    f"{request.counted}, {request.window}. Of these, {len(request.replied)} gave image counts "
    f"in time ({', '.join(request.replied)}); the other {request.not_replied} gave none. Some "
    "of those answered without a count (press reports of the time name several that could "
    "not count images within the Freedom of Information cost limit), so the sample leans "
    "towards forces that count images: see the caveats on the Method page. Populations are "
    f"{request.population_basis}: the responding areas held {data.population:,} people, "
    f"{percent(data.share)} of England and Wales. {source.author} notes that the sample "
    f"“{source.caveat}”."
)
st.caption(
    f"Population of England and Wales used on this page: {data.population:,} ÷ "
    f"{percent(data.share)} = {human(data.england_wales_population, 2)}, so that pro rata "
    f"on all groups reproduces the document's arithmetic ({human(data.images)} ÷ "
    f"{percent(data.share)} = {human(data.pro_rata)}). For comparison: "
    + "; ".join(f"{ref.label}, {human(ref.value, 2)}" for ref in loaded.references.values()
                if ref.unit == "people") + "."
)

cards = st.columns(4)
cards[0].metric(f"{s.dominant.name}: share of the sampled people",
                percent(s.dominant_population_share, 1))
cards[1].metric(f"{s.dominant.name}: share of the images", percent(s.dominant.value, 1))
cards[2].metric(f"National total without {s.without_low.name}", human(s.without_low.value))
cards[3].metric("Pro rata on all groups", human(s.pro_rata))

show_chart(share_chart(data), key="forces_shares")
show_chart(rate_chart(data), key="forces_rates")
show_chart(leave_one_out_chart(data, claimed), key="forces_leave_one_out")

st.header("The groups")
groups = group_frame(data)
st.dataframe(
    groups.assign(national_alone=groups["national_alone"].map(human),
                  national_without=groups["national_without"].map(human))[
        ["group", "status", "images_as_known", "population", "share_of_images",
         "share_of_population", "images_per_resident", "national_alone", "national_without"]],
    hide_index=True, key="forces_groups",
    column_config={
        "group": "Group", "status": "Stated or derived",
        "images_as_known": "Images seized",
        "population": st.column_config.NumberColumn("Residents (mid-2010)", format="localized"),
        "share_of_images": st.column_config.NumberColumn("Share of images", format="%.1f%%"),
        "share_of_population": st.column_config.NumberColumn("Share of residents",
                                                             format="%.1f%%"),
        "images_per_resident": st.column_config.NumberColumn("Images per resident",
                                                             format="%.2f"),
        "national_alone": "National total from this group alone",
        "national_without": "National total without this group",
    },
)
download_csv(groups, "forces-groups")
st.caption("Humberside and Lincolnshire form one group: Carr's post has a per-force table, "
           "but the stored copies readable here are cut off after the Dyfed-Powys row, so "
           "the two forces' own rows are unknown to us. Derived counts are shown at the "
           "precision they have: they rest on Carr's 26,000,000, where the sources say "
           "“nearly 26 million”. The download keeps the exact arithmetic.")
for group in data.groups:
    if group.status == "derived":
        st.markdown(f"**{group.name} — derived ({count_as_known(group.images, group.status)} "
                    f"images).** {group.derivation}")
sources_caption([data.source, data.request, data.totals, *data.groups])

st.header("The source's own alternatives, recomputed")
comparison = comparison_frame(data)
st.dataframe(
    comparison.assign(
        recomputed=[exact_or_human(f, v)
                    for f, v in zip(comparison["figure"], comparison["recomputed"], strict=True)]
    )[["alternative", "figure", "source_wrote", "recomputed", "verdict"]],
    hide_index=True, key="forces_comparison",
    column_config={"alternative": "Alternative", "figure": "Figure",
                   "source_wrote": f"{source.author}'s figure",
                   "recomputed": "ClaimScope recomputes", "verdict": "Agreement"},
)
download_csv(comparison, "forces-comparison")
st.caption("“Agrees only if cut off, not rounded”: the source's figure is ours with the "
           "last digits dropped; rounded, it would end differently.")
for alternative in data.alternatives:
    r = recompute(data, alternative)
    if "share" in alternative.stated:
        st.markdown(
            f"- **{alternative.label}:** dividing {r.images:,} images by the share as "
            f"{source.author} writes it, {alternative.stated['share'].written}, gives "
            f"{human(r.national_as_source)}; with the unrounded {percent(r.share)} the same "
            f"images imply {human(r.national)}.")
    if alternative.note:
        st.caption(f"{alternative.label}: {alternative.note}")
alternatives = alternatives_frame(data)
st.dataframe(
    alternatives.assign(national_as_source=alternatives["national_as_source"].map(human),
                        national=alternatives["national"].map(human)),
    hide_index=True, key="forces_alternatives",
    column_config={
        "alternative": "Alternative",
        "images": st.column_config.NumberColumn("Images", format="localized"),
        "population": st.column_config.NumberColumn("Residents", format="localized"),
        "share": st.column_config.NumberColumn("Share of England and Wales", format="%.2f%%"),
        "national_as_source": "National total, share as the source writes it",
        "national": "National total, unrounded share",
    },
)
download_csv(alternatives, "forces-alternatives")
sources_caption(data.alternatives)

st.header(f"What this means for a sample of {len(request.replied)} forces")
st.markdown(what_the_spread_says(data, s, claimed))
