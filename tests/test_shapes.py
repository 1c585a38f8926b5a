"""Shapes to start a model from (claimscope/authoring/shapes.py) and the files a reader's
model becomes (model_draft.py): each shipped document is reproducible from one shape
filled with its own claims (same headline at the defaults), every shape makes files the
normal loader accepts, and expressions are checked as typed with the fault placed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope.authoring.model_draft import (
    CheckDraft,
    InputDraft,
    ModelDraft,
    OutputDraft,
    formula_problems,
    model_files,
    suggested_range,
)
from claimscope.authoring.shapes import BY_ID, SHAPES, Pick, ShapeError, fill
from claimscope.bundle import DATA_DIR, Bundle, load_bundle
from claimscope.charts.projection import step_chart
from claimscope.files.folder import HeldFolder
from claimscope.files.schema import DataError

ROOT = Path(__file__).resolve().parent.parent
ECPAT = DATA_DIR / "ecpat-cstd21-2018"
CLINIC = ROOT / "tests" / "fixtures" / "fixture-clinic-2024"
FLYTIPPING = ROOT / "tests" / "fixtures" / "fixture-flytipping-2025"
WATERMAINS = ROOT / "tests" / "fixtures" / "fixture-watermains-2026"
# What a reader's folder keeps of a shipped one: the text and its catalogue. The rest
# (pages, sentence, ranges, scenarios, context data) speaks of the document's own model.
KEPT = ("document.yaml", "document.md", "claims.yaml", "not_claims.yaml", "vocabulary.yaml")


def from_claim(bundle: Bundle, claim_id: str, unit: str | None = None) -> Pick:
    """A slot filled by picking a claim, as the editor does."""
    claim = bundle.catalogue.claims[claim_id]
    return Pick(claim.value, unit or claim.unit, claim_id)


def rebuilt(folder: Path, draft: ModelDraft, more_units: str = "",
            claim_words: dict[str, str] | None = None) -> Bundle:
    """The document's text and catalogue with the drafted model in place of its own
    (and `more_units` declared in its vocabulary, as a reader's folder declares them;
    `claim_words` the claims the editor knows, as `model_files` takes them)."""
    texts = {name: (folder / name).read_text(encoding="utf-8") for name in KEPT
             if (folder / name).is_file()}
    texts["vocabulary.yaml"] += more_units
    texts.update(model_files(draft, claim_words))
    return load_bundle(HeldFolder(f"reader/{folder.name}", texts))


def headline_at_defaults(bundle: Bundle) -> float:
    model = bundle.model
    return float(model.evaluate(model.defaults())[model.headline])


def ecpat_as_pro_rata() -> tuple[Bundle, Bundle]:
    """The first document and its text with a model drafted from the pro-rata shape (the
    five forces' count scaled up by their share), as a reader would make it."""
    original = load_bundle(ECPAT)
    draft = fill(BY_ID["pro_rata"], {
        "sample_count": from_claim(original, "seized-images"),
        "sample_share": from_claim(original, "population-share"),
    }, original.model.claim, "in excess of")
    return original, rebuilt(ECPAT, draft)


def test_ecpat_is_a_sample_scaled_up_by_its_share() -> None:
    original, made = ecpat_as_pro_rata()
    assert headline_at_defaults(made) == pytest.approx(headline_at_defaults(original))
    assert made.model.inputs["sample_count"].claims == ("seized-images",)
    assert made.model.inputs["recorded_share"].is_assumption
    assert made.model.threshold == original.model.threshold


def test_the_clinic_is_a_rate_per_head_times_its_residents() -> None:
    original = load_bundle(CLINIC)
    draft = fill(BY_ID["rate_per_head"], {
        "rate": from_claim(original, "visit-rate", "rate"),
        "per": Pick(1000, "number"),
        "population": from_claim(original, "clinic-residents"),
        "recorded_share": from_claim(original, "records-completeness"),
    }, original.model.claim)
    assert headline_at_defaults(rebuilt(CLINIC, draft)) == \
        pytest.approx(headline_at_defaults(original))


def test_fly_tipping_is_a_sample_scaled_up_by_its_share() -> None:
    original = load_bundle(FLYTIPPING)
    draft = fill(BY_ID["pro_rata"], {
        "sample_count": from_claim(original, "incidents-recorded"),
        "sample_share": from_claim(original, "population-share"),
    }, original.model.claim)
    assert headline_at_defaults(rebuilt(FLYTIPPING, draft)) == \
        pytest.approx(headline_at_defaults(original))


# A value for every slot of every shape, in units the clinic's vocabulary declares.
TYPED = {"count": Pick(5000, "count"), "percent": Pick(40, "percent"),
         "number": Pick(12.5, "number"), "year": Pick(2020, "year"),
         "duration": Pick(18, "months")}
YEARS = {"target_year": Pick(2030, "year")}


@pytest.mark.parametrize("shape", SHAPES, ids=lambda shape: shape.id)
def test_every_shape_makes_files_the_loader_accepts(shape) -> None:
    picks = {slot.name: YEARS.get(slot.name, TYPED[slot.format]) for slot in shape.slots}
    if shape.id == "backlog":
        picks["repairs"] = Pick(9000, "count")
    draft = fill(shape, picks, "visits-claim")
    assert formula_problems(draft) == []
    made = rebuilt(CLINIC, draft, "  - {id: years, format: duration, word: years}\n")
    assert made.model.headline == shape.headline
    assert headline_at_defaults(made) > 0
    # its step chart: the stages in the headline's unit, ending at the headline
    steps = made.model.steps
    assert steps and steps[-1].output == shape.headline
    chart = step_chart(made.model, made.model.defaults(),
                       made.model.evaluate(made.model.defaults()))
    assert len(chart.data) == len(steps) and chart.data.iloc[:, 1].notna().all()


def test_a_drafted_step_chart_runs_from_the_stated_figure_to_the_headline() -> None:
    model = ecpat_as_pro_rata()[1].model
    assert [(step.input, step.output, step.kind) for step in model.steps] == [
        ("sample_count", None, "reported"), (None, "total", "derived")]
    values = model.defaults()
    chart = step_chart(model, values, model.evaluate(values))
    assert chart.data["operation"].tolist() == ["as the document states it",
                                                "= 26 million ÷ (7.25% × 100%)"]
    assert chart.figure.layout.title.text == (
        "26 million the count in the sample become 358.6 million (estimated total)")


def test_drafted_steps_keep_one_axis_and_only_the_headlines_way() -> None:
    """An output in another unit, or one the headline does not use, is no stage; a
    headline in a unit no input counts in stands alone, set against the claim."""
    original = load_bundle(CLINIC)
    draft = fill(BY_ID["rate_per_head"], {
        "rate": from_claim(original, "visit-rate", "rate"),
        "population": from_claim(original, "clinic-residents"),
    }, original.model.claim)
    draft = replace(draft, outputs=(*draft.outputs,
                                    OutputDraft("doubled", "Twice", "count", "total * 2")))
    model = rebuilt(CLINIC, draft).model
    assert [(step.input, step.output) for step in model.steps] == [(None, "total")]
    values = model.defaults()
    title = step_chart(model, values, model.evaluate(values)).figure.layout.title.text
    assert title.endswith(f"(estimated total), against the document's "
                          f"{model.threshold_text}")


def test_the_water_mains_backlog_is_the_backlog_shape_with_its_condition() -> None:
    original = load_bundle(WATERMAINS)
    at_defaults = original.model.evaluate(original.model.defaults())
    draft = fill(BY_ID["backlog"], {
        # the note's backlog: its own model's leaks in the whole network
        "backlog": Pick(float(at_defaults["leaks"]), "leaks"),
        "repairs": from_claim(original, "repairs-a-month"),
        "arrivals": from_claim(original, "new-leaks-a-month"),
        "periods": Pick(12, "number"),
    }, "years-to-clear-claim", "at most")
    [years] = draft.outputs
    assert (years.valid_when, years.invalid_words) == ("repairs > arrivals",
                                                       "never clears at this pace")
    made = rebuilt(WATERMAINS, draft)
    assert headline_at_defaults(made) == pytest.approx(float(at_defaults["years_to_clear"]))
    # at a pace where repairs do not outpace new leaks, both say the same words
    stalled = {**made.model.defaults(), "repairs": made.model.defaults()["arrivals"]}
    out = made.model.evaluate(stalled)
    assert made.model.invalid_words("years", out) == "never clears at this pace"
    theirs = {**original.model.defaults(), "repairs": original.model.defaults()["new_leaks"]}
    assert original.model.invalid_words("years_to_clear", original.model.evaluate(theirs)) \
        == made.model.invalid_words("years", out)


def test_a_slot_left_empty_is_an_assumption_at_its_default_or_named() -> None:
    shape = BY_ID["growth"]
    draft = fill(shape, {"start_value": Pick(100, "count"), "start_year": Pick(2020, "year"),
                         "target_year": Pick(2030, "year")}, "c")
    growth = next(spec for spec in draft.inputs if spec.name == "growth")
    assert growth.default == 0 and growth.claims == ()
    with pytest.raises(ShapeError, match="the figure at the start"):
        fill(shape, {}, "c")
    with pytest.raises(ShapeError, match="has no slot nonsense"):
        fill(shape, {"nonsense": Pick(1, "count")}, "c")


def test_an_edited_expression_is_checked_with_its_fault_placed() -> None:
    draft = fill(BY_ID["share_of_total"], {"whole": Pick(10, "count"),
                                           "share": Pick(5, "percent")}, "c")
    edited = ModelDraft(draft.inputs, (*draft.outputs, OutputDraft(
        "twice", "Twice", "count", "part * 2 + shre")), draft.headline, "c")
    [problem] = formula_problems(edited)
    assert problem.field == "outputs.twice.formula" and "shre" in problem.message
    assert "part * 2 + shre"[problem.start:problem.end] == "shre"


@pytest.mark.parametrize(("inputs", "outputs", "field"), [
    ((InputDraft("Rate", "r", "count", 1, 0, 2, 1),), (), "inputs.Rate.name"),
    ((InputDraft("max", "r", "count", 1, 0, 2, 1),), (), "inputs.max.name"),
    ((InputDraft("a", "a", "count", 1, 2, 0, 1),), (), "inputs.a.min"),
    ((InputDraft("a", "a", "count", 5, 0, 2, 1),), (), "inputs.a.default"),
    ((InputDraft("a", "a", "count", 1, 0, 2, 1),), (OutputDraft("a", "x", "count", "a"),),
     "outputs.a.name"),
    ((InputDraft("a", "a", "count", 1, 0, 2, 1),),
     (OutputDraft("b", "x", "count", "c * a"), OutputDraft("c", "x", "count", "a")),
     "outputs.b.formula"),  # an output may use only the outputs before it
])
def test_names_ranges_and_order_are_checked(inputs, outputs, field: str) -> None:
    draft = ModelDraft(inputs, outputs or (OutputDraft("out", "o", "count", "1"),),
                       "out" if not outputs else outputs[0].name, "c")
    assert field in [problem.field for problem in formula_problems(draft)]


@settings(deadline=None)
@given(st.floats(-1e12, 1e12, allow_nan=False),
       st.sampled_from(["count", "percent", "number", "year", "duration"]))
def test_a_suggested_range_holds_its_default(value: float, unit_format: str) -> None:
    if unit_format in ("count", "year"):
        value = float(round(value))
    low, high, step = suggested_range(value, unit_format)
    assert low <= value <= high and low < high and step > 0


def test_a_check_cannot_read_a_model_name_its_own_figures_hide() -> None:
    """The loader refuses what the editor refuses: a check's formula naming an input
    called `high`, which the check's own `high` would hide (the editor's
    check_problems says the same as it is typed)."""
    draft = ModelDraft(
        (InputDraft("high", "The highest count", "count", 5, 1, 10, 1),),
        (OutputDraft("total", "Estimated total", "count", "high * 2"),), "total",
        "visits-claim", checks=(CheckDraft("Twice", "high * 2", "at_least", "1"),))
    assert any("'high' names a part of every check" in p.message
               for p in formula_problems(draft))
    with pytest.raises(DataError, match="reads the model's 'high', which the check's own "
                                        "high hides"):
        rebuilt(CLINIC, draft)
