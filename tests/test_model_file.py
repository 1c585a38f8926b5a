"""model.yaml: a document's model as data. Bad files are DataErrors naming file, record
and field; models that are not power laws get break-evens, directions and elasticities;
both documents' outputs are the old hand-written formulas'."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope.bundle import DATA_DIR, default_document, load_bundle
from claimscope.files.inputs import InputSpec
from claimscope.files.schema import DataError
from claimscope.model.model_file import load_model
from tests.fixture_documents import CLINIC_DOCUMENT

ECPAT = load_bundle(DATA_DIR / default_document())
FIXTURE = load_bundle(CLINIC_DOCUMENT)


def spec(name: str, low: float, high: float, default: float, unit: str = "ratio"
         ) -> InputSpec:
    return InputSpec.model_validate({
        "name": name, "label": name.capitalize(), "unit": unit, "default": default,
        "min": low, "max": high, "step": 0.01, "basis": "Assumption.", "help": "A test input.",
        "group": "g"})


INPUTS = {"a": spec("a", 0.5, 4, 2), "b": spec("b", 0, 10, 1), "x": spec("x", 1, 10, 3),
          "p": spec("p", 1, 100, 50, "percent"), "g": spec("g", -5, 5, 1)}


def model_file(tmp_path: Path, outputs: list[dict], **head) -> Path:
    data = {"outputs": outputs, "headline": outputs[-1]["name"], "claim": "visits-claim",
            "threshold_text": "at least {claims.visits-claim|human}", **head}
    path = tmp_path / "model.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def load(tmp_path: Path, outputs: list[dict], **head):
    return load_model(model_file(tmp_path, outputs, **head), FIXTURE.catalogue, INPUTS,
                      FIXTURE.references)


def output(name: str, formula: str, **more) -> dict:
    return {"name": name, "label": name.capitalize(), "unit": "visits", "formula": formula,
            **more}


def test_no_document_holds_python_for_its_model() -> None:
    for folder in [*DATA_DIR.iterdir(), CLINIC_DOCUMENT]:
        if (folder / "document.yaml").is_file():
            assert (folder / "model.yaml").is_file() and not (folder / "model.py").exists()


# -- bad files -----------------------------------------------------------------------

@pytest.mark.parametrize(("outputs", "head", "message"), [
    ([output("y", "a *")], {},
     "model.yaml, record y, field 'formula': is not a formula: invalid syntax"),
    ([output("y", "a.real")], {},
     "model.yaml, record y, field 'formula': may not contain attributes"),
    ([output("y", "__import__('os').system('true')")], {},
     "model.yaml, record y, field 'formula': calls something other than a function by its "
     "name"),
    ([output("y", "a * nope")], {},
     "model.yaml, record y, field 'formula': names unknown 'nope': not an input, a "
     "constant or an earlier output"),
    ([output("y", "z * 2"), output("z", "a")], {},
     "model.yaml, record y, field 'formula': uses 'z', an output defined later"),
    ([output("y", "y + a")], {},
     "model.yaml, record y, field 'formula': uses 'y', the output itself"),
    ([output("y", "a / (b - b)")], {},
     "model.yaml, record y, field 'formula': is not a finite real number"),
    ([output("y", "a / b")], {"constants": {"c": {"claim": "visits-claim"}}},
     None),  # fine: b's default is 1
    ([output("y", "a / (b - 1)")], {},
     "model.yaml, record y, field 'formula': is inf at the inputs' defaults"),
    ([output("a", "b")], {}, "model.yaml, record a, field 'name': 'a' is already the name "
     "of an input"),
    ([output("log", "b")], {}, "model.yaml, record log, field 'name': 'log' is a reserved"),
    ([output("y", "a", label="Y {nope}")], {},
     "model.yaml, record y, field 'label': {nope} names no input or output"),
    ([output("y", "a", kind="guessed")], {},
     "model.yaml, record y, field 'kind': must be one of derived, assumed"),
    ([output("y", "a")], {"headline": "z"},
     "model.yaml, field 'headline': names no output 'z'"),
    ([output("y", "a")], {"claim": "nope"},
     "model.yaml, field 'claim': judges the headline against unknown claim 'nope'"),
    ([output("y", "a")], {"threshold_text": "over {claims.nope}"},
     "model.yaml, field 'threshold_text': {claims.nope} names an unknown claim"),
    ([output("y", "a")], {"compared": ["z"]},
     r"model.yaml, field 'compared\[1\]': names no output 'z'"),
    ([output("y", "a * c")], {"constants": {"c": {"claim": "nope"}}},
     "model.yaml, record c, field 'claim': names unknown claim 'nope'"),
    ([output("y", "a * c")], {"constants": {"c": {"reference": "nope"}}},
     "model.yaml, record c, field 'reference': names unknown reference 'nope'"),
    ([output("y", "a * c")], {"constants": {"c": {"claim": "visits-claim",
                                                  "reference": "clinic-rooms"}}},
     "model.yaml, record c, field 'claim': give exactly one of `claim` or `reference`"),
    ([output("y", "a")], {"steps": [{"output": "z", "label": "Z", "kind": "derived",
                                     "operation": "as is"}]},
     "model.yaml, record 1, field 'output': names no output 'z'"),
    ([output("y", "a")], {"steps": [{"output": "y", "label": "Y", "kind": "derived",
                                     "operation": "× {a|bogus}"}]},
     "model.yaml, record 1, field 'operation': {a|bogus} uses an unknown filter"),
    ([output("y", "a")], {"formulas": []}, "model.yaml: unknown field.s.: formulas"),
])
def test_a_bad_model_file_names_file_record_and_field(tmp_path: Path, outputs, head,
                                                     message) -> None:
    if message is None:
        assert load(tmp_path, outputs, **head).evaluate({})["y"] == 2
        return
    with pytest.raises(DataError, match="^" + message.replace("{", r"\{").replace("}", r"\}")):
        load(tmp_path, outputs, **head)


def test_an_input_a_formula_cannot_name_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="^inputs.yaml, record two words, field 'name'"):
        load_model(model_file(tmp_path, [output("y", "a")]), FIXTURE.catalogue,
                   {**INPUTS, "two words": spec("two words", 0, 1, 0.5)}, FIXTURE.references)


def test_a_document_without_model_yaml_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="^model.yaml: cannot be read"):
        load_model(tmp_path / "model.yaml", FIXTURE.catalogue, INPUTS, FIXTURE.references)


# -- models that are not power laws --------------------------------------------------

def test_a_quadratic_has_the_positive_root(tmp_path: Path) -> None:
    model = load(tmp_path, [output("y", "a * x ** 2 + b")], threshold=50)
    assert model.break_even_inputs == ("a", "b", "x")
    values = model.defaults()  # a = 2, b = 1, x = 3: y = 19
    assert model.break_even(values, "x") == pytest.approx(math.sqrt(49 / 2))
    assert model.break_even(values, "a") == pytest.approx(49 / 9)
    assert model.break_even(values, "b") == pytest.approx(32)
    assert model.break_even_rule("x").solution is not None  # solved by SymPy
    assert model.elasticity("x") is None and model.elasticity("a") is None
    assert model.direction("x", values) == model.direction("b", values) == 1
    # b cannot reach it: a * x² alone already exceeds 50, and the root of a negative is none
    assert model.break_even({**values, "x": 6}, "b") == pytest.approx(50 - 72)
    assert model.break_even({**values, "b": 60}, "x") is None


def test_a_logarithm_and_a_percent_input(tmp_path: Path) -> None:
    model = load(tmp_path, [output("y", "log(x) * p * 10")], threshold=5)
    values = model.defaults()  # log(3) × 0.5 × 10
    found = model.break_even(values, "p")  # display units: percent
    assert model.evaluate({**values, "p": found})["y"] == pytest.approx(5)
    assert found == pytest.approx(100 * 5 / (10 * math.log(3)))
    assert model.break_even(values, "x") == pytest.approx(math.exp(1))
    assert model.elasticity("p") == 1 and model.elasticity("x") is None


def test_sympy_cannot_solve_so_a_root_finder_searches_the_range(tmp_path: Path) -> None:
    model = load(tmp_path, [output("y", "x + exp(x) * a")], threshold=30)
    assert model.break_even_rule("x").solution is None  # LambertW: not written in JS
    values = model.defaults()
    found = model.break_even(values, "x")
    assert 1 < found < 10
    assert model.evaluate({**values, "x": found})["y"] == pytest.approx(30, rel=1e-12)
    assert model.break_even({**values, "a": 4}, "x") is not None
    assert model.break_even({**values, "a": 1e-9}, "x") is None  # never reaches 30 in [1, 10]


def test_min_max_and_abs_give_directions_where_they_bend(tmp_path: Path) -> None:
    model = load(tmp_path, [output("y", "min(x, 5) * a + abs(g) * b")], threshold=8)
    values = model.defaults()
    assert model.direction("x", values) == 1
    assert model.direction("x", {**values, "x": 8}) == 0  # past the bend, x does not count
    assert model.direction("g", {**values, "g": -2}) == -1
    assert model.direction("g", {**values, "g": 2}) == 1
    assert model.break_even(values, "a") == pytest.approx((8 - 1) / 3)


def test_outputs_chain_and_steps_read_inputs_constants_and_outputs(tmp_path: Path) -> None:
    model = load(tmp_path, [output("twice", "2 * a", term="twice a", card=False),
                            output("y", "twice * c", label="Y for {c} rooms")],
                 constants={"c": {"reference": "clinic-rooms", "term": "{c} rooms"}},
                 steps=[{"output": "twice", "label": "Twice", "kind": "derived",
                         "operation": "× 2 of {a}"},
                        {"output": "y", "label": "Y", "kind": "assumed",
                         "operation": "× {c}"}])
    assert model.output("y").formula == "twice a × 3 rooms"
    assert model.output("y").latex == r"\text{y} = \text{c} \times \text{twice a}"
    assert model.title("y", {}) == "Y for 3 rooms"
    assert [o.name for o in model.card_outputs] == ["y"]
    assert model.used_by("y") == {"a"}
    steps = model.step_values({}, model.evaluate({}))
    assert [(s.label, s.value, s.operation) for s in steps] == [
        ("Twice", 4, "× 2 of 2×"), ("Y", 12, "× 3")]


# -- the documents' outputs are the old hand-written formulas' -----------------------

def old_ecpat(v: dict[str, float], base_year: float, population: float) -> dict[str, float]:
    """ECPAT's compute() as data/ecpat-cstd21-2018/model.py wrote it (model units)."""
    national = v["seized"] * v["unique"] / (v["share"] * v["rate_ratio"] * v["coverage"])
    projected = national * (1.0 + v["growth"]) ** (v["year"] - base_year)
    return {"national": national, "per_year": national * 12.0 / v["months"],
            "per_resident": national / population, "projected": projected,
            "global_total": projected / v["global_share"],
            "per_offender": projected / v["offenders"]}


def old_fixture(v: dict[str, float]) -> dict[str, float]:
    """The fixture's compute() as its model.py wrote it."""
    recorded = v["rate"] * v["residents"] / 1000.0
    visits = recorded / v["completeness"]
    return {"recorded": recorded, "visits": visits, "per_resident": visits / v["residents"]}


def old_outputs(bundle, values: dict[str, float]) -> dict[str, float]:
    model_values = bundle.model.to_model(values)
    if bundle is FIXTURE:
        return old_fixture(model_values)
    return old_ecpat(model_values, ECPAT.catalogue.value("window-end"),
                     ECPAT.references["ew-population-mid-2010"].value)


def scenarios(bundle) -> st.SearchStrategy[dict[str, float]]:
    return st.fixed_dictionaries({name: st.floats(spec.min, spec.max)
                                  for name, spec in bundle.model.inputs.items()})


@pytest.mark.parametrize("bundle", [ECPAT, FIXTURE], ids=["ecpat", "fixture"])
def test_the_documents_outputs_at_their_defaults_are_the_old_formulas(bundle) -> None:
    values = bundle.model.defaults()
    out = bundle.model.evaluate(values)
    for name, old in old_outputs(bundle, values).items():
        assert float(out[name]) == pytest.approx(old, rel=1e-15), name


@settings(max_examples=300, deadline=None)
@given(data=st.data(), which=st.sampled_from(["ecpat", "fixture"]))
def test_the_documents_outputs_are_the_old_formulas_anywhere(data, which: str) -> None:
    bundle = {"ecpat": ECPAT, "fixture": FIXTURE}[which]
    values = data.draw(scenarios(bundle))
    out = bundle.model.evaluate(values)
    for name, old in old_outputs(bundle, values).items():
        assert math.isclose(float(out[name]), old, rel_tol=1e-12), name


def test_the_old_words_and_steps_survive() -> None:
    model = ECPAT.model
    assert model.output("national").formula == \
        "distinct images ÷ (share × rate ratio × coverage)"
    assert model.output("per_resident").formula == \
        "national total ÷ 55.24 million residents (mid-2010)"
    assert FIXTURE.model.output("visits").formula == "recorded visits ÷ completeness"
    steps = model.step_values(model.defaults(), model.evaluate(model.defaults()))
    assert [(s.label, s.kind, s.operation) for s in steps] == [
        ("Seized by the responding forces", "reported", "as reported"),
        ("Distinct images", "assumed", "× 100% distinct"),
        ("National total over the window", "derived",
         "÷ (7.25% population share × 1× rate ratio × 100% coverage)"),
        ("Projected to 2012", "assumed", "× (1 + 0%)^(2012 − 2012)"),
        ("Global total", "assumed", "÷ 2% share of the world")]
    assert [round(s.value) for s in steps] == [26_000_000, 26_000_000, 358_620_690,
                                              358_620_690, 17_931_034_483]
    assert FIXTURE.model.threshold_text == "well over 8,000"


def test_the_browser_spec_is_json() -> None:
    import json

    spec = ECPAT.model.browser_spec()
    assert json.loads(json.dumps(spec)) == spec
    assert spec["break_even_inputs"] == ["seized", "share", "unique", "rate_ratio", "coverage"]
    assert spec["threshold"] == 300e6 and spec["claims"] == {"national-total-claim": 300e6}
    assert spec["threshold_text"][0] == {"text": "in excess of "}
    assert {o["name"]: o["card"] for o in spec["outputs"]}["distinct"] is False
