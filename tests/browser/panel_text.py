"""The live panel's texts as the page shows them and as the server writes them, for the
tests that compare the two (test_panel_live.py in the app, test_shared_rules.py on a
blank page, test_live_anywhere.py in the files and the embed), and the same for its live
step chart."""

from __future__ import annotations

from claimscope.bundle import Bundle
from claimscope.charts.projection import step_chart
from claimscope.text.numbers import human
from claimscope.views.narrative import reactive_sentence, verdict
from claimscope.views.palette import PROVENANCE
from claimscope.views.projection import break_even_table

# The panel's sentence, verdict, cards (label, value) and break-even rows, read in the page.
READ = """() => ({
  sentence: document.querySelector(".cs-sentence").textContent,
  verdict: document.querySelector(".cs-verdict").textContent,
  cards: Object.fromEntries([...document.querySelectorAll(".cs-card")].map(card => [
    card.dataset.output,
    [card.querySelector(".cs-card-label").textContent,
     card.querySelector(".cs-card-value").textContent]])),
  rows: Object.fromEntries([...document.querySelectorAll("table.cs-break-even tbody tr")]
    .map(row => [row.dataset.input, [...row.querySelectorAll("td")].map(td => td.textContent)])),
})"""


def server_text(bundle: Bundle, spec: dict, values: dict[str, float]) -> dict:
    """What Python writes for the same values (every input's), in the panel's shape: the
    break-even rows of the inputs the panel `spec` shows, in its words."""
    model = bundle.model
    out = model.evaluate(values)
    table = break_even_table(model, values).set_index("input")
    words = spec["texts"]["break_even_words"]
    yes_no = {True: words["yes"], False: words["no"]}
    sentence = "" if bundle.sentence is None else reactive_sentence(
        bundle.sentence, model, bundle.catalogue, values, out).replace("**", "")
    return {
        "sentence": sentence,
        "verdict": verdict(model, out)[1],
        "cards": {output.name: [model.title(output.name, values, out),
                                model.shown(output.name, out)]
                  for output in model.card_outputs},
        "rows": {name: [row.current_text, row.holds_while, row.change_to_break_text,
                        yes_no[bool(row.reachable)], yes_no[bool(row.holds_now)]]
                 for name, row in table.iterrows() if name in spec["break_even_inputs"]},
    }


# The live step chart's sentence and table rows (stage, value, kind, operation), and the
# number drawn above each bar, read in the page.
READ_CHART = """() => ({
  title: document.querySelector(".cs-chart-title").textContent,
  rows: [...document.querySelectorAll(".cs-chart-table tbody tr")]
    .map(row => [...row.children].map(cell => cell.textContent)),
  bars: [...document.querySelectorAll(".cs-chart .cs-bar")]
    .map(bar => [...bar.querySelectorAll(".cs-bar-value")].map(t => t.textContent).join(" ")),
})"""


def server_chart(bundle: Bundle, values: dict[str, float]) -> dict:
    """The server's step chart (the plotly figure /projection draws) for the same values,
    in READ_CHART's shape."""
    model = bundle.model
    out = model.evaluate(values)
    unit = model.headline_output.unit
    steps = model.step_values(values, out)
    return {
        "title": step_chart(model, values, out).figure.layout.title.text,
        "rows": [[step.label, step.words or f"{human(step.value)} {unit}",
                  PROVENANCE[step.kind]["label"], step.operation] for step in steps],
        "bars": [step.words or human(step.value) for step in steps],
    }
