"""The step chart's shared words (claimscope/views/step_chart.py): its sentence's rule and
the spec the live panel draws it from. That the browser's drawing says what the server's
plotly figure says is tests/browser/test_live_anywhere.py."""

from __future__ import annotations

from dataclasses import replace

from claimscope.bundle import load_bundle
from claimscope.views.palette import PROVENANCE
from claimscope.views.panel_spec import compact_spec, panel_spec
from claimscope.views.step_chart import step_chart_spec, step_title

BUNDLE = load_bundle()
STAGES = [("Counted", "26 million"), ("Estimated total", "358.6 million"),
          ("Global total", "17.9 billion")]


def test_the_sentence_runs_from_the_first_stage_to_the_headline() -> None:
    headline = ("Estimated total", "358.6 million")
    assert step_title(STAGES, headline, "more than 300 million", False) == (
        "26 million counted become 358.6 million (estimated total) and 17.9 billion "
        "(global total)")
    assert step_title(STAGES[:2], headline, "more than 300 million", True) == (
        "26 million counted become 358.6 million (estimated total)")


def test_one_stage_alone_is_set_against_the_claim() -> None:
    assert step_title(STAGES[1:2], STAGES[1], "more than 300 million", True) == (
        "358.6 million (estimated total), against the document's more than 300 million")


def test_the_spec_names_each_stage_its_kind_and_the_claim() -> None:
    spec = step_chart_spec(BUNDLE.model)
    assert spec is not None
    assert [stage["name"] for stage in spec["stages"]] == [
        step.input or step.output for step in BUNDLE.model.steps]
    assert set(spec["kinds"]) == {step.kind for step in BUNDLE.model.steps}
    assert all(spec["kinds"][kind]["label"] == PROVENANCE[kind]["label"]
               for kind in spec["kinds"])
    assert spec["threshold"] == BUNDLE.model.threshold
    assert spec["claim_label"] == f"Document: {BUNDLE.model.threshold_text}"
    assert not spec["ends_at_headline"]  # ECPAT's chart goes on to the global total


def test_every_panel_draws_the_chart_and_a_model_without_steps_has_none() -> None:
    spec = panel_spec(BUNDLE)
    assert spec["steps"] == step_chart_spec(BUNDLE.model)
    assert compact_spec(spec, ("share",))["steps"] == spec["steps"]  # the embed's too
    assert step_chart_spec(replace(BUNDLE.model, steps=())) is None
