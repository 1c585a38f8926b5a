"""The preset ranges file: complete for the assumed inputs, valid, and checked on load."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from claimscope.files.inputs import load_inputs
from claimscope.files.schema import DataError
from claimscope.uncertainty.ranges import load_range_presets, validate_range

FOLDER = Path(__file__).resolve().parent.parent / "data" / "ecpat-cstd21-2018"
SPECS = load_inputs(FOLDER / "inputs.yaml")
PRESETS = load_range_presets(FOLDER / "ranges.yaml", SPECS)
ASSUMED = ("unique", "rate_ratio", "coverage", "growth", "global_share")


def test_every_uncertain_assumption_has_a_preset():
    assert set(ASSUMED) <= set(PRESETS)
    assert all(SPECS[name].is_assumption for name in ASSUMED)


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_each_preset_brackets_the_default_and_says_why(name):
    preset, spec = PRESETS[name], SPECS[name]
    assert spec.min <= preset.range.low <= spec.default <= preset.range.high <= spec.max
    assert preset.range.low < preset.range.high
    assert len(preset.why.split()) >= 12 and preset.why.endswith(".")
    # what the URL would carry for it validates without a word
    assert validate_range(spec, spec.default, preset.range.low, preset.range.high,
                          preset.range.shape) == (preset.range, [])


def write(tmp_path: Path, change, record: str = "unique") -> Path:
    data = yaml.safe_load((FOLDER / "ranges.yaml").read_text(encoding="utf-8"))
    change(next(r for r in data["ranges"] if r["input"] == record))
    path = tmp_path / "ranges.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(("change", "expected"), [
    (lambda r: r.update(input="uniqueness"), "record uniqueness, field 'input': must be one of"),
    (lambda r: r.update(low=100, high=50), "record unique, field 'low': must be smaller than"),
    (lambda r: r.update(high=120), "record unique, field 'high': must lie within"),
    (lambda r: r.update(shape="normal"), "record unique, field 'shape': must be one of"),
    (lambda r: r.update(low="half"), "record unique, field 'low': must be a number"),
    (lambda r: r.pop("why"), "record unique, field 'why': is missing"),
    (lambda r: r.update(low=10, high=40), "record unique, field 'low': the range must contain"),
    (lambda r: r.update(extra=1), "record unique: unknown field(s): extra"),
])
def test_bad_edits_are_named_by_record_and_field(tmp_path, change, expected):
    with pytest.raises(DataError, match="ranges.yaml") as error:
        load_range_presets(write(tmp_path, change), SPECS)
    assert expected in str(error.value)


def test_lognormal_preset_needs_a_positive_low_end(tmp_path):
    path = write(tmp_path, lambda r: r.update(shape="lognormal"), record="growth")
    with pytest.raises(DataError, match="record growth, field 'low': a log-normal range needs "
                                        "a low end above zero"):
        load_range_presets(path, SPECS)
