"""Projection explorer (/projection): every assumption, the live sentence, and break-evens."""

from __future__ import annotations

import streamlit as st

from claimscope.charts.projection import step_chart, sweep_chart
from claimscope.narrative import reactive_sentence, verdict
from claimscope.numbers import human
from claimscope.projection import break_even_table, output_rows, sweep
from components import state
from components.charts import download_csv, show_chart
from components.context import bundle
from components.controls import assumption_control
from components.keep_and_share import projection_tools
from components.uncertainty import range_control, uncertainty_section

data = bundle()
model = data.model
specs = model.inputs
headline = model.headline_output

values = state.values()
out = model.evaluate(values)

st.title("Projection explorer")
if data.sentence:
    st.markdown(reactive_sentence(data.sentence, model, data.catalogue, values, out))
holds, verdict_text = verdict(model, out)
(st.success if holds else st.error)(verdict_text, icon=":material/check_circle:"
                                    if holds else ":material/cancel:")

cards = output_rows(model, values, out)
columns = [column for _ in range(0, len(cards), 3) for column in st.columns(3)]
for column, (label, value, formula) in zip(columns, cards, strict=False):
    column.metric(label, value, help=f"Derived: {formula}.", border=True)

if model.steps:
    show_chart(step_chart(model, values, out), key="steps")

# The sidebar's controls come after the numbers and the first chart in the script (not on
# screen): a moved slider's callback has already set the view, and the browser gets the
# new numbers without waiting for some forty controls to be sent first.
with st.sidebar:
    st.header("Assumptions")
    st.caption("Defaults are the document's own, often implicit, values. Hover a (?) icon for "
               "what each means and where its default comes from.")
    st.button("Reset all to the document's values", key="reset_assumptions",
              on_click=state.reset, args=(data,))
    for group in data.input_groups:
        if not group.on_projection:
            continue
        st.subheader(group.title)
        for spec in specs.values():
            if spec.group == group.id:
                assumption_control(spec)
                range_control(spec)

st.header("Where the claim stops holding")
st.markdown(f"Each row: the value at which the {headline.label.lower()} falls to the "
            f"document's **{human(model.threshold)}**, with every other assumption as set.")
table = break_even_table(model, values)
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
download_csv(table, "break-even", "Download break-even table (CSV)")

# The sweep is drawn for the assumption the reader picks, not on every visit.
chosen = st.selectbox(f"Show the {headline.label.lower()} against", list(model.break_even_inputs),
                      index=None, placeholder="Choose an assumption to sweep its whole range",
                      key="sweep_input", format_func=lambda name: specs[name].label)
if chosen is not None:
    row = table.set_index("input").loc[chosen]
    show_chart(
        sweep_chart(model, chosen, sweep(model, values, chosen), values,
                    float(out[model.headline]), model.break_even(values, chosen)),
        key="sweep",
    )
    st.caption(f"Break-even for {specs[chosen].label.lower()}: {row['break_even_text']}.")

uncertainty_section(data)
projection_tools(data)
