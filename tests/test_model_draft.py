"""A reader's validity conditions and checks as drafted (claimscope/authoring/model_draft.py):
each checked as typed with the fault placed, and written to model.yaml and checks.yaml so
that the normal loader accepts them and the checks give their verdicts."""

from __future__ import annotations

import pytest
import yaml

from claimscope.authoring.model_draft import (
    CheckDraft,
    DraftRefused,
    InputDraft,
    ModelDraft,
    OutputDraft,
    add_input,
    formula_problems,
    input_uses,
    model_files,
    new_input_problems,
    remove_input,
)
from claimscope.model.checks_file import evaluate_checks
from tests.test_shapes import CLINIC, rebuilt

GAP = OutputDraft("gap", "Gap", "count", "upper - lower", valid_when="upper > lower",
                  invalid_words="no gap at these figures")
DRAFT = ModelDraft(
    (InputDraft("upper", "Upper", "count", 10, 0, 100, 1),
     InputDraft("lower", "Lower", "count", 4, 0, 100, 1)),
    (GAP,), "gap", "visits-claim")


def _with(*, output: OutputDraft = GAP, checks: tuple[CheckDraft, ...] = ()) -> ModelDraft:
    return ModelDraft(DRAFT.inputs, (output,), "gap", "visits-claim", checks=checks)


def test_a_condition_is_written_with_its_words_and_loads() -> None:
    model = yaml.safe_load(model_files(DRAFT)["model.yaml"])
    assert model["outputs"][0]["valid_when"] == "upper > lower"
    assert model["outputs"][0]["invalid_words"] == "no gap at these figures"
    made = rebuilt(CLINIC, DRAFT).model
    out = made.evaluate({**made.defaults(), "lower": 20.0})
    assert made.invalid_words("gap", out) == "no gap at these figures"
    assert made.invalid_words("gap", made.evaluate(made.defaults())) is None


@pytest.mark.parametrize(("valid_when", "words", "field", "place"), [
    ("upper > lowr", "none", "outputs.gap.valid_when", "lowr"),
    ("upper >", "none", "outputs.gap.valid_when", None),
    ("gap > 0 and uper < 5", "none", "outputs.gap.valid_when", "uper"),
    ("upper > lower", " ", "outputs.gap.invalid_words", None),
    ("", "none", "outputs.gap.valid_when", None),
])
def test_a_condition_is_checked_as_typed_with_its_fault_placed(
        valid_when: str, words: str, field: str, place: str | None) -> None:
    output = OutputDraft("gap", "Gap", "count", "upper - lower", valid_when=valid_when,
                         invalid_words=words)
    [problem] = formula_problems(_with(output=output))
    assert problem.field == field
    if place is not None:
        assert valid_when[problem.start:problem.end] == place


CHECKS = (
    CheckDraft("The gap is at least the claim's tenth", "gap", "at_least",
               "visits_claim / 10000"),
    CheckDraft("Upper is about ten", "upper", "equals", "10", tolerance=0.5),
    CheckDraft("The gap lies in a span", "gap * 2", "within", low="1", high="lower * 10"),
    CheckDraft("Lower is at most the clinic's residents", "lower", "at_most",
               "clinic_residents"),
)


def test_checks_are_written_to_checks_yaml_and_give_verdicts() -> None:
    draft = _with(checks=CHECKS)
    claims = rebuilt(CLINIC, DRAFT).catalogue.claims
    assert formula_problems(draft, claims) == []
    words = {cid: claim.mention for cid, claim in claims.items()}
    records = yaml.safe_load(model_files(draft, words)["checks.yaml"])["checks"]
    assert records[0]["claims"] == {"visits_claim": "visits-claim"}
    assert records[1]["tolerance"] == 0.5 and "claims" not in records[1]
    made = rebuilt(CLINIC, draft, claim_words=words)
    checked = evaluate_checks(made.checks, made.model, made.catalogue, made.model.defaults())
    verdicts = {check.title: check.verdict for check in checked}
    assert verdicts["The gap is at least the claim's tenth"] == "consistent"
    assert verdicts["Lower is at most the clinic's residents"] == "consistent"
    assert verdicts["Upper is about ten"] == "consistent"
    assert verdicts["The gap lies in a span"] == "consistent"


@pytest.mark.parametrize(("check", "field", "place"), [
    (CheckDraft("", "gap", "at_least", "1"), "checks.0.title", None),
    (CheckDraft("t", "gap +", "at_least", "1"), "checks.0.value", None),
    (CheckDraft("t", "gap", "at_most", "no_such_claim"), "checks.0.against",
     "no_such_claim"),
    (CheckDraft("t", "gap", "within", low="1", high="hgh"), "checks.0.high", "hgh"),
    (CheckDraft("t", "gap", "equals", "1", tolerance=-1), "checks.0.tolerance", None),
    (CheckDraft("t", "gap", "about", "1"), "checks.0.relation", None),
])
def test_a_check_is_checked_as_typed_with_its_fault_placed(
        check: CheckDraft, field: str, place: str | None) -> None:
    [problem] = formula_problems(_with(checks=(check,)), ["visits-claim"])
    assert problem.field == field
    if place is not None:
        text = check.high if field.endswith("high") else check.against
        assert text[problem.start:problem.end] == place


def test_a_check_cannot_read_an_input_named_like_its_own_parts() -> None:
    draft = ModelDraft((InputDraft("low", "Low", "count", 4, 0, 100, 1),),
                       (OutputDraft("twice", "Twice", "count", "low * 2"),), "twice", "c",
                       checks=(CheckDraft("t", "twice", "within", low="1", high="low * 10"),))
    [problem] = formula_problems(draft)
    assert problem.field == "checks.0.high" and "rename" in problem.message
    assert "low * 10"[problem.start:problem.end] == "low"


UNITS = ("count", "percent", "number")
STAFF = InputDraft("staff", "Staff on duty", "count", 12, 1, 100, 1)


def test_an_added_input_is_written_and_loads_through_the_normal_loader() -> None:
    output = OutputDraft("per_staff", "Gap per member of staff", "number", "gap / staff")
    added = add_input(DRAFT, STAFF, UNITS)
    draft = ModelDraft(added.inputs, (GAP, output), "gap", "visits-claim")
    assert new_input_problems(DRAFT, STAFF, UNITS) == [] and formula_problems(draft) == []
    from_claim = add_input(draft, InputDraft("visits", "Visits", "count", 5, 1, 50, 1,
                                             ("visits-claim",)), UNITS)
    made = rebuilt(CLINIC, from_claim).model
    assert made.inputs["staff"].default == 12 and made.inputs["visits"].group == "stated"
    assert made.evaluate(made.defaults())["per_staff"] == pytest.approx(0.5)


@pytest.mark.parametrize(("spec", "field"), [
    (InputDraft("Staff", "Staff", "count", 12, 1, 100, 1), "new_input.name"),
    (InputDraft("sqrt", "Staff", "count", 12, 1, 100, 1), "new_input.name"),
    (InputDraft("gap", "Staff", "count", 12, 1, 100, 1), "new_input.name"),
    (InputDraft("upper", "Staff", "count", 12, 1, 100, 1), "new_input.name"),
    (InputDraft("staff", " ", "count", 12, 1, 100, 1), "new_input.label"),
    (InputDraft("staff", "Staff", "furlongs", 12, 1, 100, 1), "new_input.unit"),
    (InputDraft("staff", "Staff", "count", 12, 100, 1, 1), "new_input.min"),
    (InputDraft("staff", "Staff", "count", 12, float("nan"), 100, 1), "new_input.min"),
    (InputDraft("staff", "Staff", "count", 200, 1, 100, 1), "new_input.default"),
])
def test_an_input_being_added_is_checked_as_typed(spec: InputDraft, field: str) -> None:
    [problem] = new_input_problems(DRAFT, spec, UNITS)
    assert problem.field == field and problem.message
    with pytest.raises(DraftRefused):
        add_input(DRAFT, spec, UNITS)


def test_an_input_is_removed_only_once_nothing_uses_it() -> None:
    draft = add_input(DRAFT, STAFF, UNITS)
    assert [spec.name for spec in remove_input(draft, "staff").inputs] == ["upper", "lower"]
    with pytest.raises(DraftRefused, match="formula of 'Gap'.*condition of 'Gap'"):
        remove_input(draft, "lower")
    checked = ModelDraft(draft.inputs, (OutputDraft("twice", "Twice", "count", "upper * 2"),),
                         "twice", "c", checks=(CheckDraft("Staff enough", "staff", "at_least",
                                                          "lower"),))
    with pytest.raises(DraftRefused, match="check 'Staff enough'"):
        remove_input(checked, "staff")
    assert input_uses(checked, "staff") == ["the check 'Staff enough'"]
    assert input_uses(checked, "upper") == ["the formula of 'Twice'"]
