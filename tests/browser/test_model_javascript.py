"""The model's generated JavaScript, run in Chromium, against numpy: for random inputs
within each input's range, the browser's outputs, verdict, break-even values and
directions are the server's, for both documents and for models that are not power laws
(one solved by SymPy, one by the root finder)."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playwright.sync_api import Browser, Page

from claimscope.bundle import DATA_DIR, default_document, load_bundle
from claimscope.files.inputs import InputSpec
from claimscope.model.model import Model
from claimscope.model.model_file import load_model
from tests.fixture_documents import CLINIC_DOCUMENT

pytestmark = pytest.mark.browser

ECPAT, FIXTURE = load_bundle(DATA_DIR / default_document()), load_bundle(CLINIC_DOCUMENT)
RELATIVE = 1e-12
EXAMPLES = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])
_RUN = """(cases) => cases.map((d) => {
  const result = CLAIMSCOPE_MODEL.evaluate(d);
  return [result.outputs, result.holds, CLAIMSCOPE_MODEL.breakEven(d),
          CLAIMSCOPE_MODEL.direction(d)];
})"""


def _input(name: str, low: float, high: float, default: float, unit: str) -> InputSpec:
    return InputSpec.model_validate({
        "name": name, "label": name, "unit": unit, "default": default, "min": low,
        "max": high, "step": 0.01, "basis": "Assumption.", "help": "A test input.",
        "group": "g"})


def _test_models(folder: Path) -> dict[str, Model]:
    """Models unlike the documents': a quadratic with a percent input (SymPy solves it),
    one SymPy solves only with LambertW (the root finder's), and one with kinks (min, abs:
    directions from step functions)."""
    inputs = {"a": _input("a", 0.5, 4, 2, "ratio"), "x": _input("x", 1, 10, 3, "ratio"),
              "p": _input("p", 1, 100, 50, "percent")}
    models = {}
    for name, formula, threshold in (("quadratic", "a * x ** 2 + p * 10", 40),
                                     ("lambert", "x + exp(x) * a * p", 30),
                                     ("bends", "min(x, 5) * a + abs(x - 4) * p", 6)):
        path = folder / f"{name}.yaml"
        path.write_text(yaml.safe_dump({
            "outputs": [{"name": "y", "label": "Y", "unit": "visits", "formula": formula}],
            "headline": "y", "claim": "visits-claim", "threshold": threshold,
            "threshold_text": "at least {claims.visits-claim|human}"}), encoding="utf-8")
        models[name] = load_model(path, FIXTURE.catalogue, inputs, FIXTURE.references)
    assert models["lambert"].break_even_rule("x").solution is None
    assert models["quadratic"].break_even_rule("x").solution is not None
    return models


@pytest.fixture(scope="module")
def models(tmp_path_factory) -> dict[str, Model]:
    return {"ecpat": ECPAT.model, "fixture": FIXTURE.model,
            **_test_models(tmp_path_factory.mktemp("models"))}


@pytest.fixture(scope="module")
def pages(browser: Browser, models: dict[str, Model]) -> Iterator[dict[str, Page]]:
    """One blank page per model with its generated script (each defines the same const)."""
    context = browser.new_context()
    found = {}
    for name, model in models.items():
        page = context.new_page()
        page.set_content("<!doctype html><html lang='en'><head></head><body></body></html>")
        page.add_script_tag(content=model.javascript())
        found[name] = page
    yield found
    context.close()


def _close(browser: float | None, server: float | None) -> bool:
    if browser is None or server is None:
        return browser is None and server is None
    return math.isclose(browser, server, rel_tol=RELATIVE, abs_tol=1e-300)


def _cases(model: Model) -> st.SearchStrategy[list[dict[str, float]]]:
    one = st.fixed_dictionaries({name: st.one_of(st.just(spec.default),
                                                 st.floats(spec.min, spec.max))
                                 for name, spec in model.inputs.items()})
    return st.lists(one, min_size=1, max_size=8)


def test_the_script_is_a_plain_script(models: dict[str, Model]) -> None:
    for model in models.values():
        text = model.javascript()
        assert text.count("const CLAIMSCOPE_MODEL = {") == 1
        assert "import " not in text and "export " not in text and "eval(" not in text


@EXAMPLES
@given(data=st.data(),
       which=st.sampled_from(["ecpat", "fixture", "quadratic", "lambert", "bends"]))
def test_the_browser_computes_what_numpy_computes(pages: dict[str, Page],
                                                  models: dict[str, Model], data,
                                                  which: str) -> None:
    model = models[which]
    cases = data.draw(_cases(model))
    for values, (outputs, holds, break_even, direction) in zip(
            cases, pages[which].evaluate(_RUN, cases), strict=True):
        server = model.evaluate(values)
        assert set(outputs) == set(model.output_names)
        for name in model.output_names:
            assert _close(outputs[name], float(server[name])), (name, values)
        headline = float(server[model.headline])
        if not math.isclose(headline, model.threshold, rel_tol=RELATIVE):
            assert holds == bool(server.holds)
        assert list(break_even) == list(direction) == list(model.break_even_inputs)
        for name in model.break_even_inputs:
            assert _close(break_even[name], model.break_even(values, name)), (name, values)
            assert direction[name] == model.direction(name, values), (name, values)


def test_the_defaults_give_the_documents_numbers(pages: dict[str, Page]) -> None:
    outputs, holds, break_even, direction = pages["ecpat"].evaluate(_RUN, [{}])[0]
    assert round(outputs["national"] / 1e6, 1) == 358.6 and holds is True
    assert round(break_even["unique"], 2) == 83.65
    assert direction == {"seized": 1, "share": -1, "unique": 1, "rate_ratio": -1,
                         "coverage": -1}
