"""The live panel writes exactly what the server writes (docs/architecture.md, "From a page to the
browser's panel"): for random assumption
values, the sentence, verdict, cards and break-even table the browser computes with the
generated model and the shared templates equal Python's text for the same values.

Values are set in the page without a round trip (input events only), so one page serves
every example.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playwright.sync_api import Page, expect

from claimscope.bundle import load_bundle
from claimscope.text.numbers import display
from claimscope.views.narrative import reactive_sentence, verdict
from claimscope.views.panel_spec import panel_inputs
from claimscope.views.projection import break_even_table

pytestmark = pytest.mark.browser

BUNDLE = load_bundle()
MODEL = BUNDLE.model
INPUTS = panel_inputs(BUNDLE)

SET_VALUES = """values => {
  for (const [name, value] of Object.entries(values)) {
    const entry = document.querySelector(`.cs-panel input[type=number][name="${name}"]`);
    entry.value = String(value);
    entry.dispatchEvent(new Event("input", { bubbles: true }));
  }
}"""
READ_PANEL = """() => ({
  sentence: document.querySelector(".cs-sentence").textContent,
  verdict: document.querySelector(".cs-verdict").textContent,
  cards: Object.fromEntries([...document.querySelectorAll(".cs-card")].map(card => [
    card.dataset.output,
    [card.querySelector(".cs-card-label").textContent,
     card.querySelector(".cs-card-value").textContent]])),
  rows: Object.fromEntries([...document.querySelectorAll("table.cs-break-even tbody tr")]
    .map(row => [row.dataset.input, [...row.querySelectorAll("td")].map(td => td.textContent)])),
})"""


def _value(spec) -> st.SearchStrategy[float]:
    if spec.is_integer:
        return st.integers(int(spec.min), int(spec.max)).map(float)
    return st.floats(spec.min, spec.max, allow_nan=False, allow_infinity=False)


VALUES = st.fixed_dictionaries({spec.name: _value(spec) for spec in INPUTS})


def server_text(values: dict[str, float]) -> dict:
    """What Python writes for the same values, in the panel's shape."""
    full = MODEL.point_values(values)
    out = MODEL.evaluate(full)
    table = break_even_table(MODEL, full).set_index("input")
    yes_no = {True: "Yes", False: "No"}
    return {
        "sentence": reactive_sentence(BUNDLE.sentence, MODEL, BUNDLE.catalogue, full,
                                      out).replace("**", ""),
        "verdict": verdict(MODEL, out)[1],
        "cards": {spec.name: [MODEL.title(spec.name, full, out),
                              display(float(out[spec.name]), spec.unit)]
                  for spec in MODEL.card_outputs},
        "rows": {name: [row.current_text, row.holds_while, row.change_to_break_text,
                        yes_no[bool(row.reachable)], yes_no[bool(row.holds_now)]]
                 for name, row in table.iterrows()},
    }


@pytest.fixture
def panel(visit: Callable[[str], Page]) -> Page:
    page = visit("/projection")
    expect(page.locator(".cs-sentence")).not_to_be_empty()
    return page


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=VALUES)
def test_the_browser_writes_the_servers_text(panel: Page, values: dict[str, float]) -> None:
    """Sentence, verdict, every card and every break-even row, to the character."""
    panel.evaluate(SET_VALUES, {name: repr(value) for name, value in values.items()})
    assert panel.evaluate(READ_PANEL) == server_text(values)
