"""Network & commitments (/network): the ECPAT network's size and what it implies, the
standards and guides, the SDG targets named, and the 2030 deadline."""

from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from claimscope.charts.network import timeline_chart
from claimscope.network import (
    CAMPAIGN_LAUNCH,
    COUNTRIES,
    DEADLINE,
    DEADLINE_YEARS,
    MEMBERS,
    PART_THREE_TARGETS,
    PART_TWO_TARGETS,
    TARGETS_COUNT,
    deadline,
    network_spread,
    stated_and_quoted_targets,
    target_label,
    target_overlap,
    targets_frame,
    timeline,
)
from claimscope.offenders import BOUND_LABELS, bound_of
from claimscope.overview import claim_date, claim_text, source_line
from components.charts import download_csv, show_chart
from components.context import bundle

data = bundle()
catalogue = data.catalogue


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


st.title("Network & commitments")
st.markdown("What the document says about ECPAT's network, the standards it helped write, "
            "and the commitments it dates — with what those numbers do and do not imply.")

# The network ------------------------------------------------------------------------------
st.header("The ECPAT network")
spread = network_spread(catalogue)
members, countries = claim_text(catalogue[MEMBERS]), claim_text(catalogue[COUNTRIES])
columns = st.columns(4)
quoted_metric(columns[0], "Members", members, (MEMBERS,))
quoted_metric(columns[1], "Countries", countries, (COUNTRIES,))
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

# Standards and guides ----------------------------------------------------------------------
st.header("Standards and guides")
agencies, completed = catalogue["luxembourg-agencies"], catalogue["luxembourg-completed"]
guides = catalogue["itu-guides"]
columns = st.columns(3)
quoted_metric(columns[0], "Luxembourg Guidelines agencies",
              agencies.mention.capitalize(), (agencies.id,))
quoted_metric(columns[1], "Luxembourg Guidelines completed", claim_text(completed),
              (completed.id,))
quoted_metric(columns[2], "ITU guides to online child safety", claim_text(guides),
              (guides.id,))
st.caption(f"“{agencies.mention.capitalize()}” is a {BOUND_LABELS[bound_of(agencies.mention)]}, "
           "not a count: the document does not say how many agencies took part.")

# SDG targets --------------------------------------------------------------------------------
st.header("The SDG targets named")
stated, quoted = stated_and_quoted_targets(catalogue)
targets = targets_frame(catalogue)
both, only_two, only_three = target_overlap(targets)
part_two = ", ".join(target_label(catalogue[i]) for i in PART_TWO_TARGETS)
part_three = ", ".join(target_label(catalogue[i]) for i in PART_THREE_TARGETS)
columns = st.columns(2)
quoted_metric(columns[0], "Targets named in Part Two", part_two, PART_TWO_TARGETS)
quoted_metric(columns[1], "SDG targets in Part Three", f"{stated}: {part_three}",
              (TARGETS_COUNT, *PART_THREE_TARGETS))
if only_two or only_three:
    text = targets.set_index("target")["part_three_text"]
    st.info(
        f"The two lists differ: {', '.join(only_two) or 'none'} appears only in Part Two "
        f"and {', '.join(only_three) or 'none'} only in Part Three"
        + "".join(f" (“{text[label]}”)" for label in only_three)
        + f"; {' and '.join(both)} appear in both. The document does not say whether the "
        "two lists are meant to name the same targets.",
        icon=":material/compare_arrows:",
    )
st.dataframe(
    targets, hide_index=True, key="sdg_targets",
    column_config={
        "target": "SDG target",
        "named_in_part_two": st.column_config.CheckboxColumn("Named in Part Two"),
        "quoted_in_part_three": st.column_config.CheckboxColumn("Quoted in Part Three"),
        "claim_ids": "Claim ids",
        "part_three_text": st.column_config.TextColumn("Part Three's words", width="large"),
    },
)
download_csv(targets, "sdg-targets")

# The deadline -------------------------------------------------------------------------------
dates = deadline(catalogue, data.document.meta["date"])
st.header(f"The {dates.deadline} deadline")
columns = st.columns(4)
quoted_metric(columns[0], "Deadline", f"{dates.deadline}", (DEADLINE,))
quoted_metric(columns[1], "Years to the deadline", f"{dates.years} years", (DEADLINE_YEARS,))
quoted_metric(columns[2], "The years count from", f"{dates.counted_from}",
              derivation=f"{dates.deadline} − {dates.years} years.")
quoted_metric(columns[3], "Left at the document's date", f"{dates.left_at_document} years",
              derivation=f"{dates.deadline} − {dates.document_year}, the year the "
                         "submission is dated.")
launch = catalogue[CAMPAIGN_LAUNCH]
agreement = ("the year the document gives for the Global Campaign's launch — consistent"
             if dates.matches_launch else
             f"not the year the document gives for the Global Campaign's launch "
             f"({claim_text(launch)})")
st.markdown(
    f"**{dates.counted_from} + {dates.years} years = {dates.deadline}.** The “{dates.years} "
    f"years” count from {dates.counted_from}, {agreement}. The submission itself is dated "
    f"{dates.document_year}, when {dates.left_at_document} years remained."
)

show_chart(timeline_chart(timeline(catalogue), claim_date(str(dates.document_year))[0], dates),
           key="commitments_timeline")
