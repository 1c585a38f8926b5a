"""Offenders (/offenders): the two reported counts, the growth they imply, and images per
offender on the shared assumptions."""

from __future__ import annotations

import streamlit as st

from claimscope.charts.offenders import (
    estimates_chart,
    per_offender_chart,
    projection_chart,
    rate_text,
)
from claimscope.numbers import human
from claimscope.offenders import (
    BOUND_LABELS,
    DEADLINE,
    FIRST_ESTIMATE,
    SECOND_ESTIMATE,
    bound_of,
    elimination_path,
    growth_path,
    implied_growth,
    per_offender_table,
    projection_path,
    second_years,
    statements_frame,
)
from claimscope.overview import changed_assumptions, claim_text, source_line
from claimscope.projection import outputs
from components import state
from components.charts import show_chart
from components.context import bundle

data = bundle()
catalogue = data.catalogue
first, second = catalogue[FIRST_ESTIMATE], catalogue[SECOND_ESTIMATE]
deadline = catalogue[DEADLINE]

st.title("Offenders")
st.markdown(
    f"The document quotes two police estimates of how many people are involved with child "
    f"sexual abuse images: **{first.mention}** ({first.when}) and **{second.mention}** "
    f"({second.when}). This page shows what the pair implies if read as a trend, and how "
    "many images each offender would account for under the projection."
)

# The two reported counts ------------------------------------------------------------------
for column, claim in zip(st.columns(2), (first, second), strict=True):
    column.metric(f"Reported, {claim.when} · {BOUND_LABELS[bound_of(claim.mention)]}",
                  claim_text(claim), help=source_line(claim), border=True)
    column.caption(f"{source_line(claim)} `{claim.id}`")

st.info(
    "**Read any growth with care.** The two figures count different things: in "
    f"{first.when}, individuals “involving themselves with” child sexual abuse images, "
    f"found in a surveillance exercise; in {second.when}, men who “may be involved in "
    "downloading or exchanging” them. The first is a lower bound (“upwards of”), the "
    "second an upper estimate (“as many as”). Some or all of the difference between them "
    "may come from what was counted and how it was hedged, not from more offending. The "
    "rates below are arithmetic on two numbers, not a measured trend.",
    icon=":material/info:",
)

# Implied growth -----------------------------------------------------------------------------
st.header("The growth the two figures imply")
years = second_years(catalogue)
st.session_state["offender_second_year"] = int(state.values()["offender_second_year"])
second_year = st.segmented_control(
    f"Date the {claim_text(second)} estimate to", years, required=True,
    key="offender_second_year", format_func=str,
    on_change=lambda: state.set_value("offender_second_year",
                                      float(st.session_state["offender_second_year"])),
    help=f"The document says the {claim_text(second)} figure was given “{second.when}”; "
         "the growth rate depends on which year it describes.",
)
growth = implied_growth(catalogue, second_year)
cards = [
    ("Implied growth a year · derived", rate_text(growth.rate),
     f"({claim_text(second)} ÷ {claim_text(first)})^(1 ÷ {growth.years}) − 1: constant "
     f"yearly growth from {growth.first.year} to {growth.second.year}."),
    ("Years between statements · derived", f"{growth.years} years",
     f"{growth.second.year} − {growth.first.year}."),
    (f"At that rate by {growth.deadline} · derived", human(growth.at_deadline),
     f"{claim_text(second)} × (1 + {rate_text(growth.rate)})^"
     f"{growth.deadline - growth.second.year}: an extrapolation, not a forecast."),
    (f"SDG aim for {growth.deadline} · target", "Elimination", source_line(deadline)),
]
for column, (label, value, explanation) in zip(st.columns(4), cards, strict=True):
    column.metric(label, value, help=explanation, border=True)

statements = statements_frame(catalogue)
show_chart(estimates_chart(statements, growth, growth_path(growth)), key="offender_estimates")
show_chart(projection_chart(statements, growth, projection_path(growth),
                            elimination_path(growth)), key="offender_projection")
st.caption(
    f"The target line runs straight from {claim_text(second)} in {growth.second.year} to "
    f"zero in {growth.deadline}. It illustrates “{deadline.quote}”; no one set that path, "
    "and it is not a forecast."
)

# Images per offender ------------------------------------------------------------------------
st.header("Images per offender")
values = state.values()
out = outputs(data.inputs, values, data.population, data.claimed_total)
year = int(values["year"])
table = per_offender_table(float(out.projected), values["offenders"], catalogue)
left, right = st.columns(2)
left.metric(f"Projected images in {year} · your assumptions", human(out.projected),
            help="National total × (1 + growth)^(year − 2012), from the Projection "
                 "explorer's assumptions.", border=True)
right.metric(f"Images per offender ({human(values['offenders'])} offenders)",
             human(out.per_offender), help="Projected images ÷ offender count.", border=True)
changed = changed_assumptions(data, values)
st.caption("Assumptions changed from the document's: " + "; ".join(changed) + "."
           if changed else "All assumptions are at the document's values.")
st.page_link("components/pages/projection.py", label="Change the assumptions",
             icon=":material/tune:")
show_chart(per_offender_chart(table, year, float(out.projected)), key="per_offender")
st.caption(
    "The images are a projection for England and Wales from seizures over the reporting "
    "window; the offender counts come from later police statements whose coverage the "
    "document does not give. Dividing one by the other compares scales; it is not a "
    "measured number of images per person."
)
