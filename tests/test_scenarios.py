"""Scenarios: presets from data, JSON files and compare links in and out, never raising."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimscope.bundle import load_bundle
from claimscope.files.schema import DataError
from claimscope.link.scenario_file import (
    FORMAT,
    MAX_BYTES,
    MAX_SCENARIOS,
    VERSION,
    load_scenarios_json,
    scenarios_json,
)
from claimscope.link.scenario_link import MAX_LINK, decode_link, encode_link
from claimscope.link.scenario_presets import PRESETS_FILE, load_presets, resampled_ranges
from claimscope.link.scenarios import MAX_NAME, Scenario, clean_name, link, merge
from claimscope.link.viewstate import View, default_view, view_query
from claimscope.text.names import unique_name
from claimscope.uncertainty.distributions import SHAPES, Range
from claimscope.uncertainty.ranges import SAMPLES_MAX, SAMPLES_MIN, SEED_MAX
from claimscope.views.compare import differences_frame, totals_frame

BUNDLE = load_bundle()
MODEL = BUNDLE.model
SPECS = MODEL.inputs
DOC = BUNDLE.document.meta["id"]
PEAK_OUTSIDE = "peaks at its point value"  # a triangular range away from its point


def presets() -> list[Scenario]:
    return load_presets(BUNDLE.document.folder / PRESETS_FILE, MODEL, BUNDLE.sample_units,
                        BUNDLE.range_presets)


def file_of(scenarios: list[dict], **top: object) -> bytes:
    return json.dumps({"format": FORMAT, "version": VERSION, "document": DOC,
                       "scenarios": scenarios, **top}).encode()


# ---- Presets ---------------------------------------------------------------------------

def test_presets_load_with_rationales_and_the_documents_view_first() -> None:
    loaded = presets()
    assert loaded[0].name == "As the document assumes"
    assert loaded[0].view == default_view(SPECS)
    assert len({s.name for s in loaded}) == len(loaded) >= 5
    assert all(s.why and "\n" not in s.why for s in loaded)
    names = {s.name for s in loaded}
    assert {"Sample without Cambridgeshire", "Distinct images at the national database's scale",
            "Hypothetical: police seize a quarter of the images"} <= names


def test_without_cambridgeshire_takes_its_figures_from_the_sample_of_units() -> None:
    scenario = next(s for s in presets() if s.name == "Sample without Cambridgeshire")
    stated = next(a for a in BUNDLE.sample_units.alternatives
                  if a.id == "without-cambridgeshire").stated
    assert scenario.view.values["seized"] == stated["count"].value == 8_837_511
    assert scenario.view.values["share"] == stated["share"].value == 5.8
    others = {k: v for k, v in scenario.view.values.items() if k not in ("seized", "share")}
    assert others == {k: s.default for k, s in SPECS.items() if k not in ("seized", "share")}


def test_suggested_ranges_preset_carries_every_range_of_ranges_yaml() -> None:
    scenario = next(s for s in presets() if s.name == "The document's values with suggested ranges")
    assert scenario.view.ranges == {name: p.range for name, p in BUNDLE.range_presets.items()}


@pytest.mark.parametrize(("record", "field", "says"), [
    ({"values": {"share": 200}}, "values", "out of range"),
    ({"values": {"year": 2020.5}}, "values", "whole number"),
    ({"values": {"nonsense": 1}}, "values", "unknown input"),
    ({"values": {"unique": "half"}}, "values", "must be a number"),
    ({"from_alternative": "no-such"}, "from_alternative", "no alternative"),
    ({"from_alternative": "all-five"}, "from_alternative", "states no"),
    ({"from_alternative": "without-cambridgeshire", "values": {"share": 6}}, "values",
     "already gives"),
    ({"suggested_ranges": "yes"}, "suggested_ranges", "true or false"),
])
def test_a_bad_preset_is_a_data_error_naming_record_and_field(
        tmp_path: Path, record: dict, field: str, says: str) -> None:
    path = tmp_path / PRESETS_FILE
    path.write_text(json.dumps({"scenarios": [{"id": "bad", "name": "Bad", "why": "Test.",
                                               "judgement": "Test.", **record}]}),
                    encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_presets(path, MODEL, BUNDLE.sample_units, BUNDLE.range_presets)
    assert error.value.row == "bad" and error.value.field == field
    assert says in str(error.value)


def test_duplicate_preset_names_are_refused(tmp_path: Path) -> None:
    path = tmp_path / PRESETS_FILE
    path.write_text(json.dumps({"scenarios": [
        {"id": "a", "name": "Same", "why": "One."}, {"id": "b", "name": "Same", "why": "Two."},
    ]}), encoding="utf-8")
    with pytest.raises(DataError, match="duplicate name"):
        load_presets(path, MODEL, BUNDLE.sample_units, BUNDLE.range_presets)


# ---- Round trips -----------------------------------------------------------------------

@st.composite
def values_of(draw: st.DrawFn) -> dict[str, float]:
    values = {}
    for name, spec in SPECS.items():
        if spec.is_integer:
            values[name] = float(draw(st.integers(int(spec.min), int(spec.max))))
        else:
            values[name] = draw(st.floats(spec.min, spec.max, allow_nan=False))
    return values


@st.composite
def views(draw: st.DrawFn) -> View:
    values = draw(values_of())
    ranges = {}
    rangeable = [name for name in SPECS if name in MODEL.used_inputs]  # what the Monte Carlo draws
    for name in draw(st.lists(st.sampled_from(rangeable), unique=True, max_size=4)):
        spec = SPECS[name]
        ends = st.integers(int(spec.min), int(spec.max)).map(float) if spec.is_integer \
            else st.floats(spec.min, spec.max, allow_nan=False)
        low, high = sorted((draw(ends), draw(ends)))
        if low == high:
            continue
        shapes = SHAPES if low > 0 else tuple(s for s in SHAPES if s != "lognormal")
        ranges[name] = Range(low, high, draw(st.sampled_from(shapes)))
    return View(values, ranges, draw(st.integers(SAMPLES_MIN, SAMPLES_MAX)),
                draw(st.integers(0, SEED_MAX)))


names = st.text(min_size=1, max_size=MAX_NAME).map(clean_name).filter(bool)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(names, views()), min_size=1, max_size=4,
                unique_by=lambda pair: pair[0]))
def test_scenario_files_round_trip_exactly(pairs: list[tuple[str, View]]) -> None:
    scenarios = [Scenario(name, view) for name, view in pairs]
    loaded, messages = load_scenarios_json(scenarios_json(scenarios, SPECS, DOC), MODEL, DOC)
    assert loaded == scenarios
    assert all(PEAK_OUTSIDE in m for m in messages), messages  # said, and kept as it was


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(names, views()), min_size=1, max_size=3,
                unique_by=lambda pair: pair[0]))
def test_compare_links_carry_what_a_link_carries(pairs: list[tuple[str, View]]) -> None:
    scenarios = [Scenario(name, view) for name, view in pairs]
    loaded, messages = decode_link(encode_link(scenarios, SPECS), MODEL, DOC)
    assert all(PEAK_OUTSIDE in m for m in messages), messages
    assert [s.name for s in loaded] == [s.name for s in scenarios]
    for before, after in zip(scenarios, loaded, strict=True):
        assert after.view.values == before.view.values
        assert after.view.ranges == before.view.ranges
        assert view_query(after.view, SPECS) == view_query(before.view, SPECS)


def test_presets_survive_a_file_and_a_link() -> None:
    """The sample's preset carries `rate_ratio_dist=resampled`: the document's resampled
    range is what it means there."""
    resampled = resampled_ranges(presets())
    assert list(resampled) == ["rate_ratio"]
    loaded, messages = load_scenarios_json(scenarios_json(presets(), SPECS, DOC), MODEL, DOC,
                                           resampled)
    assert messages == [] and loaded == presets()
    linked, messages = decode_link(encode_link(presets(), SPECS), MODEL, DOC, resampled)
    assert messages == [] and [s.view for s in linked] == [s.view for s in presets()]


# ---- Files that are not what they claim ----------------------------------------------------

@pytest.mark.parametrize(("data", "says"), [
    (b"", "empty"),
    (b"\xff\xfe\x00garbage", "not UTF-8"),
    (b"{not json", "not valid JSON"),
    (b"[" * 200_000, "not valid JSON"),
    (b"[1, 2, 3]", "must hold a JSON object"),
    (json.dumps({"format": "other", "version": 1, "scenarios": []}).encode(), "not a ClaimScope"),
    (json.dumps({"format": FORMAT, "scenarios": []}).encode(), "version “None”"),
    (json.dumps({"format": FORMAT, "version": 2, "scenarios": []}).encode(), "version “2”"),
    (json.dumps({"format": FORMAT, "version": "1", "scenarios": []}).encode(), "version “1”"),
    (json.dumps({"format": FORMAT, "version": True, "scenarios": []}).encode(), "version “True”"),
    (json.dumps({"format": FORMAT, "version": 1, "document": "another",
                 "scenarios": [{"name": "x", "params": {}}]}).encode(), "“another”"),
    (json.dumps({"format": FORMAT, "version": 1, "scenarios": {}}).encode(), "no scenarios"),
    (json.dumps({"format": FORMAT, "version": 1, "scenarios": []}).encode(), "no scenarios"),
    (file_of([{"name": f"s{i}", "params": {}} for i in range(MAX_SCENARIOS + 1)]), "at most"),
    (b'{"format": "claimscope-scenarios", "version": NaN}', "not a number"),
    (b'{"format": "claimscope-scenarios", "version": 1' + b"9" * 5000 + b"}", "too long"),
    (b" " * (MAX_BYTES + 1), "the limit is 1 MB"),
])
def test_malformed_files_give_one_clear_message_and_no_scenarios(data: bytes, says: str) -> None:
    loaded, messages = load_scenarios_json(data, MODEL, DOC)
    assert loaded == []
    assert len(messages) == 1 and says in messages[0], messages


@pytest.mark.parametrize(("record", "says"), [
    ("just text", "is not an object"),
    ({"params": {}}, "has no name"),
    ({"name": "   \n\t ", "params": {}}, "has no name"),
    ({"name": 42, "params": {}}, "has no name"),
    ({"name": "x", "params": [1, 2]}, "“params” must be an object"),
    ({"name": "x", "why": ["a"], "params": {}}, "“why” must be text"),
    ({"name": "x", "params": {"share": True}}, "must be a number or text"),
    ({"name": "x", "params": {"share": None}}, "must be a number or text"),
    ({"name": "x", "params": {"share": {"a": 1}}}, "must be a number or text"),
    ({"name": "x", "params": {"share": 10**30}}, "far too large"),
    ({"name": "x", "params": {"share": "7" * 41}}, "longer than"),
    ({"name": "x", "params": {f"p{i}": 1 for i in range(100)}}, "parameters; at most"),
])
def test_a_bad_scenario_is_left_out_and_the_good_ones_kept(record: object, says: str) -> None:
    good = {"name": "Good", "params": {"share": 10}}
    loaded, messages = load_scenarios_json(file_of([good, record]), MODEL, DOC)
    assert [s.name for s in loaded] == ["Good"] and loaded[0].view.values["share"] == 10
    assert len(messages) == 1 and says in messages[0], messages


def test_values_a_link_would_change_are_changed_with_the_links_notice() -> None:
    loaded, messages = load_scenarios_json(
        file_of([{"name": "Odd", "params": {"share": 500, "year": "soon", "colour": "red"}}]),
        MODEL, DOC)
    assert loaded[0].view.values["share"] == SPECS["share"].max
    assert loaded[0].view.values["year"] == SPECS["year"].default
    assert any("share=500 is out of range" in m for m in messages)
    assert any("year=soon is not a number" in m for m in messages)
    assert any("unknown parameter(s): colour" in m for m in messages)
    assert all(m.startswith("Scenario “Odd”: ") for m in messages)


def test_hostile_names_stay_text_one_line_and_short() -> None:
    hostile = "<script>alert('x')</script>\u0000\u202e[link](https://example.com)\n" + "y" * 200
    loaded, _ = load_scenarios_json(file_of([{"name": hostile, "params": {}}]), MODEL, DOC)
    name = loaded[0].name
    assert name.startswith("<script>alert('x')</script>")  # kept as text; escaped on output
    assert "\u0000" not in name and "\u202e" not in name and "\n" not in name
    assert len(name) == MAX_NAME and name.endswith("…")


def test_duplicate_names_in_a_file_are_numbered() -> None:
    loaded, messages = load_scenarios_json(
        file_of([{"name": "Same", "params": {}}, {"name": "Same", "params": {"unique": 50}}]),
        MODEL, DOC)
    assert [s.name for s in loaded] == ["Same", "Same (2)"]
    assert messages == ["“Same” is already taken; saved as “Same (2)”."]


def test_merging_never_loses_or_changes_what_is_saved() -> None:
    saved = [Scenario("Mine", default_view(SPECS)), Scenario("Mine (2)", default_view(SPECS))]
    before = list(saved)
    incoming = [Scenario("Mine", default_view(SPECS).with_value("share", 10)),
                Scenario("Heavy duplication", default_view(SPECS))]
    merged, messages = merge(saved, incoming, reserved=["Heavy duplication"])
    assert saved == before and merged[:2] == before
    assert [s.name for s in merged[2:]] == ["Mine (3)", "Heavy duplication (2)"]
    assert merged[2].view.values["share"] == 10 and len(messages) == 2


def test_unique_name_counts_up() -> None:
    assert unique_name("A", []) == "A"
    assert unique_name("A", ["A", "A (2)"]) == "A (3)"


# ---- Links ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "says"), [
    ("", "empty"),
    ("a" * (MAX_LINK + 1), "at most"),
    ("@@@not base64@@@", "damaged"),
    ("a", "damaged"),
    (base64.urlsafe_b64encode(b"not json").decode(), "The link is not valid JSON"),
    (base64.urlsafe_b64encode(json.dumps({"format": FORMAT, "version": 9}).encode()).decode(),
     "The link is version “9”"),
])
def test_bad_compare_links_give_a_message_and_no_scenarios(value: str, says: str) -> None:
    loaded, messages = decode_link(value, MODEL, DOC)
    assert loaded == [] and len(messages) == 1 and says in messages[0], messages


def test_compare_links_are_url_safe_and_short() -> None:
    value = encode_link(presets(), SPECS)
    assert set(value) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert len(value) < MAX_LINK


def test_link_joins_base_path_and_query() -> None:
    assert link("", "projection", {}) == "/projection"
    assert link("http://localhost:8501/", "/compare", {"scenarios": "a b"}) == \
        "http://localhost:8501/compare?scenarios=a+b"


def test_clean_name_drops_control_characters() -> None:
    assert clean_name("  a\tb\r\nc\u200b ") == "a b c"


CAID = "Distinct images at the national database's scale"


# ---- Side by side --------------------------------------------------------------------------

def test_differences_list_only_the_inputs_set_differently() -> None:
    chosen = [p for p in presets() if p.name in ("As the document assumes", CAID,
                                                 "Sample without Cambridgeshire")]
    frame = differences_frame(chosen, SPECS)
    assert list(frame["input"]) == ["seized", "share", "unique"]
    row = frame.set_index("input").loc["unique"]
    assert row["As the document assumes"] == "100%" and row[CAID] == "17%"
    assert frame.set_index("input").loc["seized", "Sample without Cambridgeshire"] == \
        "8.8 million"


def test_differences_show_ranges_and_nothing_for_identical_scenarios() -> None:
    base = default_view(SPECS)
    same = [Scenario("A", base), Scenario("B", base)]
    assert differences_frame(same, SPECS).empty
    ranged = [Scenario("A", base), Scenario("B", base.with_range("unique", Range(50, 100)))]
    frame = differences_frame(ranged, SPECS).set_index("input")
    assert frame.loc["unique", "B"] == "100%, range 50% – 100% (uniform)"
    assert frame.loc["samples, seed", "A"] == "—"


def test_totals_follow_the_model_and_leave_intervals_empty_without_ranges() -> None:
    chosen = [p for p in presets() if p.name in ("As the document assumes", CAID)]
    frame = totals_frame(chosen, MODEL, {s.name: None for s in chosen}).set_index("scenario")
    assert frame.loc["As the document assumes", "national"] == pytest.approx(26e6 / 0.0725)
    assert frame.loc[CAID, "national"] == pytest.approx(26e6 * 0.17 / 0.0725)
    assert frame["claim_holds"].tolist() == [True, False]
    assert frame["national_low"].isna().all() and frame["chance_claim_holds"].isna().all()
