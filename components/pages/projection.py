"""Projection explorer (/projection): every assumption, the live sentence, and break-evens."""

from __future__ import annotations

import streamlit as st

from claimscope.charts.projection import step_chart, sweep_chart
from claimscope.model import NATIONAL_DIRECTION
from claimscope.narrative import reactive_sentence, verdict
from claimscope.numbers import display, human
from claimscope.projection import break_even_table, output_rows, outputs, sweep
from components import state
from components.charts import show_chart
from components.context import bundle
from components.controls import assumption_control
from components.scenarios import projection_tools
from components.uncertainty import range_control, uncertainty_section

GROUP_TITLES = {
    "document": "The document's figures",
    "count": "What the count means (assumptions)",
    "projection": "Projection (assumptions)",
}

data = bundle()
specs = data.inputs

with st.sidebar:
    st.header("Assumptions")
    st.caption("Defaults are the document's own, often implicit, values. Hover a (?) icon for "
               "what each means and where its default comes from.")
    if st.button("Reset all to the document's values", key="reset_assumptions"):
        state.reset(data)
    for group, title in GROUP_TITLES.items():
        st.subheader(title)
        for spec in specs.values():
            if spec.group == group:
                assumption_control(spec)
                range_control(spec)

values = state.values()
out = outputs(specs, values, data.population, data.claimed_total)

st.title("Projection explorer")
st.markdown(reactive_sentence(data.catalogue, specs, values, out))
holds, verdict_text = verdict(out, data.claimed_total)
(st.success if holds else st.error)(verdict_text, icon=":material/check_circle:"
                                    if holds else ":material/cancel:")

cards = output_rows(values, out, data.population)
for column, (label, value, formula) in zip(st.columns(3) + st.columns(3), cards, strict=True):
    column.metric(label, value, help=f"Derived: {formula}.", border=True)

show_chart(step_chart(values, out, data.claimed_total), key="steps")

st.header("Where the claim stops holding")
st.markdown(f"Each row: the value at which the national total falls to the document's "
            f"**{human(data.claimed_total)}**, with every other assumption as set.")
table = break_even_table(specs, values, data.claimed_total)
st.dataframe(
    table[["assumption", "current_text", "holds_while", "change_to_break_text", "reachable",
           "holds_now"]],
    hide_index=True, key="break_even_table",
    column_config={
        "assumption": st.column_config.TextColumn("Assumption", width="large"),
        "current_text": "Current value",
        "holds_while": "Claim holds while",
        "change_to_break_text": "Move to break-even",
        "reachable": st.column_config.CheckboxColumn("Break-even within range"),
        "holds_now": st.column_config.CheckboxColumn("Holds now"),
    },
)
st.download_button("Download break-even table (CSV)",
                   table.to_csv(index=False).encode("utf-8"),
                   file_name="claimscope-break-even.csv", mime="text/csv",
                   key="break_even_csv")

sweep_names = list(NATIONAL_DIRECTION)
chosen = st.selectbox("Show the national total against", sweep_names, key="sweep_input",
                      format_func=lambda name: specs[name].label)
row = table.set_index("input").loc[chosen]
show_chart(
    sweep_chart(specs[chosen], sweep(specs, values, chosen, data.population,
                                     data.claimed_total),
                values[chosen], float(out.national), float(row["break_even"]),
                data.claimed_total),
    key="sweep",
)
st.caption(f"Break-even for {specs[chosen].label.lower()}: "
           f"{display(float(row['break_even']), specs[chosen].unit, 2)}.")

uncertainty_section(data)
projection_tools(data)
