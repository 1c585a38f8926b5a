"""Estimates over time: two reported estimates of one count, the growth they imply, and the
projected total per estimate on the shared assumptions. Title, path and every noun are the
document's (its pages.yaml `estimates_over_time` block)."""

from __future__ import annotations

import streamlit as st

from claimscope.charts.estimates_over_time import (
    estimates_chart,
    per_estimate_chart,
    projection_chart,
    rate_text,
)
from claimscope.context.estimates_over_time import (
    BOUND_LABELS,
    bound_of,
    elimination_path,
    growth_path,
    implied_growth,
    per_estimate_table,
    projection_path,
    second_years,
    statements_frame,
)
from claimscope.files.page_config import estimates_texts, slug
from claimscope.text.numbers import human
from claimscope.views.overview import changed_assumptions, claim_text, source_line
from components import state
from components.charts import show_chart
from components.context import bundle
from components.estimates_context import estimates_context_section

data = bundle()
catalogue = data.catalogue
page = data.pages.estimates_over_time
assert page is not None, "app.py lists this page only for documents with its pages.yaml block"
first, second = catalogue[page.first], catalogue[page.second]
deadline = catalogue[page.deadline]
intro, caution = estimates_texts(page, catalogue)
counted = slug(page.counted.one)  # in the charts' keys, which name their CSV and PNG files

st.title(page.title)
st.markdown(intro)

# The two reported counts ------------------------------------------------------------------
for column, claim in zip(st.columns(2), (first, second), strict=True):
    column.metric(f"Reported, {claim.when} · {BOUND_LABELS[bound_of(claim.mention)]}",
                  claim_text(claim), help=source_line(claim), border=True)
    column.caption(f"{source_line(claim)} `{claim.id}`")

st.info(caution, icon=":material/info:")

# Implied growth -----------------------------------------------------------------------------
st.header("The growth the two figures imply")
years = second_years(catalogue, page)
choice = page.second_year_input
st.session_state[choice] = int(state.values()[choice])
second_year = st.segmented_control(
    f"Date the {claim_text(second)} estimate to", years, required=True,
    key=choice, format_func=str,
    on_change=lambda: state.set_value(choice, float(st.session_state[choice])),
    help=f"The document says the {claim_text(second)} figure was given “{second.when}”; "
         "the growth rate depends on which year it describes.",
)
growth = implied_growth(catalogue, page, second_year)
cards = [
    ("Implied growth a year · derived", rate_text(growth.rate),
     f"({claim_text(second)} ÷ {claim_text(first)})^(1 ÷ {growth.years}) − 1: constant "
     f"yearly growth from {growth.first.year} to {growth.second.year}."),
    ("Years between statements · derived", f"{growth.years} years",
     f"{growth.second.year} − {growth.first.year}."),
    (f"At that rate by {growth.deadline} · derived", human(growth.at_deadline),
     f"{claim_text(second)} × (1 + {rate_text(growth.rate)})^"
     f"{growth.deadline - growth.second.year}: an extrapolation, not a forecast."),
    (f"{page.target_name} aim for {growth.deadline} · target", page.target_aim.capitalize(),
     source_line(deadline)),
]
for column, (label, value, explanation) in zip(st.columns(4), cards, strict=True):
    column.metric(label, value, help=explanation, border=True)

statements = statements_frame(catalogue, page)
show_chart(estimates_chart(statements, growth, growth_path(growth), page),
           key=f"{counted}_estimates")
show_chart(projection_chart(statements, growth, projection_path(growth),
                            elimination_path(growth), page), key=f"{counted}_projection")
st.caption(
    f"The target line runs straight from {claim_text(second)} in {growth.second.year} to "
    f"zero in {growth.deadline}. It illustrates “{deadline.quote}”; no one set that path, "
    "and it is not a forecast."
)

# The projected total per estimate ------------------------------------------------------------
projected_output, per_output = data.model.output(page.projected), data.model.output(
    page.per_estimate)
st.header(per_output.label)
values = state.values()
out = data.model.evaluate(values)
year = int(values[page.year_input])
assumed_count = values[page.count_input]
projected = float(out[page.projected])
table = per_estimate_table(projected, assumed_count, catalogue, page)
left, right = st.columns(2)
left.metric(f"Projected {projected_output.unit} in {year} · your assumptions", human(projected),
            help=f"{projected_output.formula.capitalize()}, from the Projection explorer's "
                 "assumptions.", border=True)
right.metric(f"{per_output.label} ({human(assumed_count)} {page.counted.many})",
             human(out[page.per_estimate]), help=f"{per_output.formula.capitalize()}.",
             border=True)
changed = changed_assumptions(data, values)
st.caption("Assumptions changed from the document's: " + "; ".join(changed) + "."
           if changed else "All assumptions are at the document's values.")
st.page_link("components/pages/projection.py", label="Change the assumptions",
             icon=":material/tune:")
show_chart(per_estimate_chart(table, year, projected, page, per_output.label,
                              projected_output.unit), key=f"per_{counted}")
st.caption(page.per_estimate_note)

estimates_context_section(data, page)
