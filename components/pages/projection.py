"""Projection explorer (/projection): the live assumption panel, then what needs the server.

The panel (one element) draws every assumption, the sentence, the verdict, the output
cards, the step chart and the break-even table, and recomputes them in the browser while
the reader drags. On release the values come back here and the rest of the page follows:
the sweep, the uncertainty section and the tools to keep and share the view.
"""

from __future__ import annotations

import streamlit as st

from claimscope.charts.projection import steps_frame, steps_table, sweep_chart
from claimscope.model.break_even import break_even
from claimscope.text.markdown import escape_markdown
from claimscope.views.projection import break_even_table, sweep
from components import state
from components.assumption_panel import assumption_panel
from components.charts import download_csv, show_chart
from components.context import bundle
from components.keep_and_share import projection_tools
from components.uncertainty import uncertainty_section

data = bundle()
model = data.model
specs = model.inputs
headline = model.headline_output

values = state.values()
out = model.evaluate(values)

st.title("Projection explorer")
assumption_panel(data)  # its step chart too: drawn in the browser, it follows a drag
table = break_even_table(model, values)
left, right = st.columns(2)
with left:
    download_csv(table, "break-even", "Download the break-even table (CSV)")
if model.steps:
    with right:
        download_csv(steps_table(model, steps_frame(model, values, out)), "steps",
                     "Download the step chart's numbers (CSV)")

# The sweep is drawn for the assumption the reader picks, not on every visit.
chosen = st.selectbox(f"Show the {escape_markdown(headline.label.lower())} against",
                      list(model.break_even_inputs), index=None,
                      placeholder="Choose an assumption to sweep its whole range",
                      key="sweep_input", format_func=lambda name: specs[name].label)
if chosen is not None:
    row = table.set_index("input").loc[chosen]
    show_chart(
        sweep_chart(model, chosen, sweep(model, values, chosen), values,
                    float(out[model.headline]), break_even(model, values, chosen)),
        key="sweep",
    )
    st.caption(f"Break-even for {escape_markdown(specs[chosen].label.lower())}: "
               f"{escape_markdown(row['break_even_text'])}.")

uncertainty_section(data)
projection_tools(data)
