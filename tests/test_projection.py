"""Break-even table and sweeps, in display units."""

from __future__ import annotations

import pytest

from claimscope.bundle import load_bundle
from claimscope.views.projection import break_even_table, ranges_off_the_headline, sweep
from tests.fixture_documents import WATERMAINS_DOCUMENT

BUNDLE = load_bundle()
MODEL = BUNDLE.model
SPECS = MODEL.inputs
DEFAULTS = MODEL.defaults()


def table(**changes: float):
    return break_even_table(MODEL, {**DEFAULTS, **changes})


def test_break_even_table_at_defaults() -> None:
    rows = table().set_index("input")
    assert rows.loc["unique", "holds_while"] == "≥ 83.65%"
    assert rows.loc["unique", "change_to_break_text"] == "-16.35%"
    assert rows.loc["share", "break_even"] == pytest.approx(26e6 / 300e6 * 100)
    assert rows.loc["seized", "holds_while"] == "≥ 21.75 million images"
    assert not rows.loc["coverage", "reachable"]  # 119.5% is beyond 100%
    assert rows["holds_now"].all()


def test_a_units_word_follows_its_number_in_every_cell() -> None:
    model = load_bundle(WATERMAINS_DOCUMENT).model
    rows = break_even_table(model, model.defaults()).set_index("input")
    found = rows.loc["found"]
    assert (found["current_text"], found["break_even_text"], found["holds_while"]) == (
        "310 leaks", "300 leaks", "≥ 300 leaks")
    assert rows.loc["surveyed", "holds_while"] == "≤ 12.4%"  # a percent says what it is


def test_break_even_table_when_the_claim_fails() -> None:
    rows = table(unique=80).set_index("input")
    assert not rows["holds_now"].any()
    assert rows.loc["unique", "break_even"] == pytest.approx(83.654, abs=1e-3)


def test_sweep_crosses_the_claim_at_the_break_even() -> None:
    frame = sweep(MODEL, DEFAULTS, "unique")
    holds = frame[frame["claim_holds"]]["unique"]
    fails = frame[~frame["claim_holds"]]["unique"]
    assert fails.max() < 83.654 < holds.min()
    assert frame["unique"].iloc[0] == SPECS["unique"].min
    assert frame["unique"].iloc[-1] == SPECS["unique"].max


def test_sweep_uses_a_log_grid_for_wide_ranges() -> None:
    frame = sweep(MODEL, DEFAULTS, "seized")
    ratios = frame["seized"].iloc[1:].to_numpy() / frame["seized"].iloc[:-1].to_numpy()
    assert ratios == pytest.approx(ratios[0])


def test_outputs_convert_percent_numbers() -> None:
    out = MODEL.evaluate({**DEFAULTS, "share": 10.0})
    assert out["national"] == pytest.approx(260e6)


def test_ranges_the_headline_does_not_use_are_named_with_the_outputs_they_move() -> None:
    values = MODEL.defaults()
    assert ranges_off_the_headline(MODEL, ["unique", "coverage"], values) == ""
    assert ranges_off_the_headline(MODEL, ["unique", "offenders"], values) == (
        "The national total over the window does not use Offender count for images per "
        "offender: its range moves only Images per offender.")
    said = ranges_off_the_headline(MODEL, ["months", "global_share"], {**values, "year": 2030})
    assert said == ("The national total over the window does not use Length of the reporting "
                    "window and England and Wales's share of the global volume: their ranges "
                    "move only Per year and Global total.")
