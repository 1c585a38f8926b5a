"""A document whose formulas can say "never" (tests/fixtures/fixture-watermains-2026): a
conditional in a formula, an output valid only where repairs outpace new leaks, and a
check as data. Where the condition fails, every place that shows the output says its
words; no negative, infinite or NaN value of it is ever written. Every page renders."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope.bundle import load_bundle
from claimscope.charts.projection import step_chart
from claimscope.files.schema import DataError
from claimscope.model.break_even import break_even
from claimscope.model.checks_file import evaluate_checks
from claimscope.model.model_file import load_model
from claimscope.text.template import render_sentence
from claimscope.uncertainty.distributions import Range
from claimscope.uncertainty.montecarlo.engine import run
from claimscope.views.narrative import verdict
from claimscope.views.projection import output_rows
from components.navigation import pages
from tests.apptest_helpers import page_text, panel_data, run_page

FOLDER = Path(__file__).resolve().parent / "fixtures" / "fixture-watermains-2026"
BUNDLE = load_bundle(FOLDER)
MODEL = BUNDLE.model
NEVER = "never clears at this pace"
# A number that is negative, infinite or not a number, as any page might write it.
BAD_NUMBER = re.compile(r"(−|-)\s?\d|\binf|\bnan\b|—\s*years", re.I)


@pytest.fixture(autouse=True)
def conditions(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("CLAIMSCOPE_DOCUMENT", str(FOLDER))
    yield


def test_the_note_traces_every_number_and_has_no_python() -> None:
    assert BUNDLE.integrity_problems() == []
    assert not list(FOLDER.glob("*.py"))
    assert [spec.record.id for spec in BUNDLE.checks] == ["backlog-years", "network-loss"]


def test_its_model_is_the_notes_arithmetic_with_a_condition() -> None:
    out = MODEL.evaluate(MODEL.defaults())
    assert out["leaks"] == pytest.approx(310 / 0.12)
    assert out["loss"] == pytest.approx(310 / 0.12 * 1500)
    assert out["years_to_clear"] == pytest.approx(310 / 0.12 / 360)
    assert MODEL.shown("years_to_clear", out) == "7.18 years"
    assert MODEL.shown("leaks", out) == "2,583 leaks"  # the unit's word follows the number
    assert MODEL.shown("cleared_by", out) == "2033"
    for repairs in (60, 59, 50, 0):
        out = MODEL.evaluate({**MODEL.defaults(), "repairs": repairs})
        assert out.valid["years_to_clear"] is False and out.valid["cleared_by"] is False
        assert MODEL.shown("years_to_clear", out) == NEVER
        assert MODEL.shown("cleared_by", out) == NEVER  # inherited from the output it uses
        assert out.valid["leaks"] and out.holds


def test_the_check_says_the_note_takes_longer_than_seven_years() -> None:
    checks = {c.id: c for c in evaluate_checks(BUNDLE.checks, MODEL, BUNDLE.catalogue,
                                               MODEL.defaults())}
    years = checks["backlog-years"]
    assert (years.result, years.verdict, years.follows_reader) == ("7.18 years",
                                                                   "inconsistent", True)
    assert "within 7 years" in years.explanation
    assert checks["network-loss"].verdict == "consistent"
    faster = evaluate_checks(BUNDLE.checks, MODEL, BUNDLE.catalogue,
                             {**MODEL.defaults(), "repairs": 120})[0]
    assert faster.verdict == "consistent" and faster.result == "3.59 years"
    never = evaluate_checks(BUNDLE.checks, MODEL, BUNDLE.catalogue,
                            {**MODEL.defaults(), "repairs": 59})[0]
    assert (never.result, never.verdict) == (NEVER, "inconsistent")
    assert NEVER in never.explanation and "—" not in never.explanation


scenarios = st.fixed_dictionaries({
    "found": st.integers(10, 5000), "surveyed": st.floats(1, 100),
    "loss_per_leak": st.floats(100, 10000), "repairs": st.integers(0, 300),
    "new_leaks": st.integers(0, 300)})


@settings(max_examples=150, deadline=None)
@given(scenarios)
def test_no_bad_value_of_an_output_outside_its_validity_is_ever_written(values) -> None:
    out = MODEL.evaluate(values)
    valid = values["repairs"] > values["new_leaks"]
    assert out.valid["years_to_clear"] is valid
    written = [MODEL.shown(name, out) for name in MODEL.output_names]
    scope = MODEL.scope(values, out)
    written += [render_sentence(BUNDLE.sentence, scope, values),
                verdict(MODEL, out)[1],
                *(text for row in output_rows(MODEL, values, out) for text in row[:2]),
                *step_chart(MODEL, values, out).figure.data[0].text,
                *(f"{c.result} {c.explanation}" for c in evaluate_checks(
                    BUNDLE.checks, MODEL, BUNDLE.catalogue, values))]
    for text in written:
        assert not BAD_NUMBER.search(text), text
    if not valid:
        assert NEVER in written[MODEL.output_names.index("years_to_clear")]
        assert NEVER in written[len(MODEL.output_names)]  # the sentence


def test_many_draws_count_where_the_backlog_never_clears() -> None:
    rng = np.random.default_rng(1)
    draws = {"repairs": rng.integers(0, 120, 2000).astype(float),
             "new_leaks": np.full(2000, 60.0)}
    out = MODEL.evaluate({**MODEL.defaults(), **draws})
    never = draws["repairs"] <= 60
    assert np.array_equal(np.isnan(out["years_to_clear"]), never)
    assert np.array_equal(out.valid["years_to_clear"], ~never)
    assert np.all(out["years_to_clear"][~never] > 0)


def test_the_monte_carlo_counts_and_says_the_draws_without_a_value() -> None:
    simulation = run(MODEL, MODEL.defaults(), {"repairs": Range(40, 120, "uniform")}, n=4000,
                     seed=7)
    summary = simulation.result()["years_to_clear"]
    assert 0.2 < summary.invalid.draws / 4000 < 0.3  # repairs ≤ 60 in (60 − 40) / 80
    words = summary.in_words()
    assert words.startswith("between") and f"of 4,000 draws it has no value: {NEVER}" in words
    assert summary.low > 0 and np.isfinite(summary.high)


def test_break_even_respects_the_validity(tmp_path: Path) -> None:
    # gap = repairs − new leaks reaches the claim's 7 at repairs = 67: a break-even where
    # the gap has a value there, none where its condition fails there
    def model(condition: str):  # noqa: ANN202 - a Model
        (tmp_path / "model.yaml").write_text(
            "outputs:\n  - {name: gap, label: Gap, unit: leaks_a_month,\n"
            "     formula: repairs - new_leaks, valid_when: '" + condition + "',\n"
            "     invalid_words: no gap}\n"
            "headline: gap\nclaim: years-to-clear-claim\nthreshold_text: seven\n")
        return load_model(tmp_path / "model.yaml", BUNDLE.catalogue, BUNDLE.inputs,
                          BUNDLE.references)

    assert break_even(model("repairs > 50"), MODEL.defaults(), "repairs") == pytest.approx(67)
    assert break_even(model("repairs > 80"), MODEL.defaults(), "repairs") is None


def test_outputs_drawn_on_one_axis_must_share_a_unit(tmp_path: Path) -> None:
    text = (FOLDER / "model.yaml").read_text("utf-8") + (
        "  - output: loss\n    label: Lost a day\n    kind: derived\n    operation: × leak\n")
    (tmp_path / "model.yaml").write_text(text)
    with pytest.raises(DataError, match=r"model.yaml, record 3, field 'output': draws loss "
                                        r"in litres_a_day .* where step 1 is in leaks"):
        load_model(tmp_path / "model.yaml", BUNDLE.catalogue, BUNDLE.inputs,
                   BUNDLE.references)


@pytest.mark.parametrize(("condition", "problem"), [
    ("repairs", "needs a condition here"),
    ("__import__('os')", "needs a condition here"),
    ("repairs > __import__('os')", "calls '__import__'"),
    ("later_output > 1", "names unknown 'later_output'"),
    ("1 / 0 > 1", "not a finite real number"),
])
def test_a_bad_validity_condition_is_refused(tmp_path: Path, condition: str,
                                             problem: str) -> None:
    text = (FOLDER / "model.yaml").read_text("utf-8").replace(
        "valid_when: net_repairs > 0", f"valid_when: {condition!r}")
    (tmp_path / "model.yaml").write_text(text)
    with pytest.raises(DataError, match="valid_when") as caught:
        load_model(tmp_path / "model.yaml", BUNDLE.catalogue, BUNDLE.inputs,
                   BUNDLE.references)
    assert problem in str(caught.value)


def test_a_condition_needs_its_words(tmp_path: Path) -> None:
    text = (FOLDER / "model.yaml").read_text("utf-8").replace(
        "    invalid_words: never clears at this pace\n", "")
    (tmp_path / "model.yaml").write_text(text)
    with pytest.raises(DataError, match="together"):
        load_model(tmp_path / "model.yaml", BUNDLE.catalogue, BUNDLE.inputs,
                   BUNDLE.references)


@pytest.mark.parametrize("page", [entry.path for entry in pages(BUNDLE)])
def test_every_page_renders(page: str) -> None:
    at = run_page(page)
    assert not at.error, [e.value for e in at.error]
    assert "ClaimScope examines the note's arithmetic" in page_text(at)


def test_a_link_where_repairs_do_not_outpace_new_leaks_says_never() -> None:
    at = run_page("components/pages/projection.py", {"repairs": "59"})
    assert not at.error and panel_data(at)["values"]["repairs"] == 59  # the panel says it
    at = run_page("components/pages/source.py", {"repairs": "59"})
    assert NEVER in page_text(at) and "Worked out at your assumptions" in page_text(at)


def test_method_shows_no_empty_heading_without_references_or_caveats() -> None:
    text = page_text(run_page("components/pages/method.py"))
    assert "Reference figures" not in text and "What the figures cannot tell" not in text
    assert "valid when" in text or "never clears at this pace" in text
