"""Fuzzing every input a visitor or a maintainer controls: links, uploaded scenario files
and the data files. Whatever comes in, parsing never raises (links, uploads) and loading
raises only `DataError` naming the file (data files): never a traceback.

Each fuzz test counts its examples in the `fuzz_count` fixture (tests/conftest.py); the
run ends with "fuzz examples: N". The first tests below pin bugs the fuzzing found.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope.bundle import DATA_DIR, Bundle, default_document, json_schemas, load_bundle
from claimscope.context.sample_alternatives import alternatives_frame, comparison_frame
from claimscope.context.sample_arithmetic import spread, what_the_spread_says
from claimscope.context.sample_units import SampleUnits, load_sample_units
from claimscope.files.catalogue import load_catalogue
from claimscope.files.caveats import load_caveats
from claimscope.files.coverage import load_not_claims
from claimscope.files.document import load_document
from claimscope.files.inputs import load_input_file
from claimscope.files.references import load_references
from claimscope.files.schema import DataError, read_yaml
from claimscope.files.sentence import SENTENCE_FILE, load_sentence
from claimscope.files.sources import load_sources
from claimscope.files.vocabulary import VOCABULARY_FILE, load_vocabulary
from claimscope.link.scenario_file import (
    FORMAT,
    MAX_BYTES,
    MAX_SCENARIOS,
    VERSION,
    load_scenarios_json,
)
from claimscope.link.scenario_presets import load_presets, resampled_ranges
from claimscope.link.scenarios import MAX_NAME, Scenario, merge
from claimscope.link.viewstate import (
    View,
    default_view,
    parse_view,
    ranged_inputs,
    view_query,
)
from claimscope.uncertainty.correlations import CORR_PARAM
from claimscope.uncertainty.distributions import ALL_SHAPES
from claimscope.uncertainty.ranges import (
    SAMPLES_MAX,
    SAMPLES_MIN,
    SAMPLES_PARAM,
    SEED_MAX,
    SHAPES,
    Range,
    load_range_presets,
    range_params,
    uncertainty_params,
)
from tests.conftest import FUZZ_PROFILE
from tests.range_links import BUNDLES as RANGE_BUNDLES
from tests.range_links import every_figure

BUNDLE = load_bundle()
SPECS = BUNDLE.inputs

# --- Found by fuzzing -----------------------------------------------------------------------

_NESTED_ALIASES = "".join(  # nine levels of nine aliases: 9**9 leaves if expanded
    f"l{level}: &l{level} [{', '.join([f'*l{level - 1}'] * 9) if level else 'x'}]\n"
    for level in range(9))


@pytest.mark.parametrize(("text", "message"), [
    ("claims:\n  - id: a\n    value: 2018-13-45\n", "holds a value YAML cannot read"),
    ("claims:\n  - id: !!int 0x_\n", "holds a value YAML cannot read"),
    ("claims: " + "[" * 1500, "nests too deeply"),
    ("claims:\n  - id: a\n    id: b\n", "near line 3: found the key 'id' twice"),
    (_NESTED_ALIASES + "claims:\n  - id: *l8\n", "record 1, field 'id': must be text"),
    (_NESTED_ALIASES + "claims:\n  - {id: a, value: *l8}\n", "field 'value': must be a number"),
])
def test_yaml_traps_are_data_errors_in_bounded_time(tmp_path: Path, text: str,
                                                    message: str) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(DataError, match=message) as error:
        load_catalogue(path)
    assert time.perf_counter() - started < 30  # expanding the aliases would take minutes
    assert len(str(error.value)) < 300



@pytest.mark.parametrize(("params", "expected", "notice"), [
    ({"months_lo": "1.5"}, Range(2, 26), "months_lo=1.5 must be a whole number; rounded to 2."),
    ({"months": "0", "months_lo": "1.25"}, None, "months_lo and months_hi are both 1 months"),
])
def test_whole_number_range_ends_are_rounded_so_links_reproduce_them(params, expected,
                                                                       notice) -> None:
    view, notices = parse_view(params, BUNDLE.model)
    assert view.ranges.get("months") == expected
    assert any(notice in n for n in notices), notices
    assert parse_view(view_query(view, SPECS), BUNDLE.model)[0].ranges == view.ranges


def test_only_the_models_inputs_take_a_range_from_a_link() -> None:
    """A range on the Offenders page's year reached the Monte Carlo, which has no such
    input: the projection page raised KeyError for that link."""
    view, notices = parse_view({"offender_second_year_lo": "2016",
                                "offender_second_year_hi": "2017"}, BUNDLE.model)
    assert view.ranges == {}
    assert notices == ["Ignored unknown parameter(s): offender\\_second\\_year\\_hi, "
                       "offender\\_second\\_year\\_lo."]


def _move_count_to_first_group(tree: dict) -> None:
    groups = tree["groups"]
    groups[0]["count"] += groups[-1]["count"]
    groups[-1]["count"] = 0


@pytest.mark.parametrize(("edit", "message"), [
    (lambda t: (t["agrees_with"].pop("share"), t["totals"].update(share=0)),
     "record totals, field 'share': must be above 0 and at most 100"),
    (lambda t: (t["agrees_with"].pop("share"), t["totals"].update(share=250)),
     "record totals, field 'share': must be above 0 and at most 100"),
    (_move_count_to_first_group, "field 'count': must be at least 1"),
])
def test_sample_figures_the_page_divides_by_cannot_be_zero(tmp_path: Path, edit,
                                                           message: str) -> None:
    tree = copy.deepcopy(TREES["sample_units.yaml"])
    edit(tree)
    path = tmp_path / "sample_units.yaml"
    path.write_text(yaml.safe_dump(tree, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError, match=message):
        LOADERS["sample_units.yaml"](path)

# --- Strategies -----------------------------------------------------------------------------

FUZZ = settings.get_profile(FUZZ_PROFILE)
PARAMS = sorted(SPECS) + list(uncertainty_params(SPECS))

HOSTILE_TEXT = [
    "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "![x](http://evil/x.png)",
    "[click](http://evil)", "www.evil.com", "a@evil.com", "http://evil.com", "$x^2$",
    ":red[x]", ":material/warning:", "**bold**", "`code`", "<b>", "&lt;", "\u202eevil",
    "\x00", "\ufeff7", "x" * 10_000, "１２", "٣", "1e308", "-1e308", "1e309", "nan", "NaN",
    "-inf", "Infinity", "0x10", "1_000", "7.25%", "26,000,000", "-0", "1" * 400,
    "9" * 5000, "", " ", "%", "..", "--1", "1e-400", "lognormal", "pert", "PERT ",
]
hostile_text = st.sampled_from(HOSTILE_TEXT)
number_text = st.one_of(
    st.floats().map(repr), st.floats().map(lambda x: f"{x:.3g}"),
    st.integers(-(10**30), 10**30).map(str),
)
value_text = st.one_of(number_text, st.text(max_size=60), hostile_text)
param_name = st.one_of(st.sampled_from(PARAMS), st.text(max_size=30), hostile_text)
# A key repeated in a query string arrives as a list of its values.
query = st.dictionaries(param_name, st.one_of(value_text, st.lists(value_text, max_size=2)),
                        max_size=10)
_UNESCAPED_MARKUP = re.compile(r"(?<!\\)[<\[`*$~!]")


def assert_view_is_usable(view: View) -> None:
    for name, spec in SPECS.items():
        assert spec.min <= view.values[name] <= spec.max, name
        if spec.is_integer:
            assert float(view.values[name]).is_integer(), name
    assert set(view.ranges) <= BUNDLE.model.used_inputs
    for name, rng in view.ranges.items():
        spec = SPECS[name]
        assert spec.min <= rng.low < rng.high <= spec.max, name
        assert rng.shape in SHAPES and not (rng.shape == "lognormal" and rng.low <= 0)
    assert SAMPLES_MIN <= view.samples <= SAMPLES_MAX and 0 <= view.seed <= SEED_MAX


# --- Links ----------------------------------------------------------------------------------

@settings(FUZZ, max_examples=6000)
@given(query)
def test_any_link_gives_a_usable_view_and_safe_notices(fuzz_count, params) -> None:
    fuzz_count["links"] = fuzz_count.get("links", 0) + 1
    view, notices = parse_view(params, BUNDLE.model)
    assert_view_is_usable(view)
    for notice in notices:
        assert isinstance(notice, str) and "\n" not in notice
        assert not _UNESCAPED_MARKUP.search(notice), notice  # no link, image, HTML, math
        assert "://" not in notice and "www." not in notice.lower(), notice
    # The link written for this view reproduces it (the sample count and seed travel
    # only with ranges, which are what they are for).
    link = view_query(view, SPECS)
    again, said = parse_view(link, BUNDLE.model)
    assert said == [] and view_query(again, SPECS) == link
    assert (again.values, again.ranges) == (view.values, view.ranges)


def _range_link(bundle: Bundle, data: st.DataObject) -> dict[str, str]:
    """One to three of a document's inputs with ends and shapes of any kind, and maybe a
    correlation between two of its inputs."""
    names = sorted(ranged_inputs(bundle.model))
    query: dict[str, str] = {SAMPLES_PARAM: str(SAMPLES_MIN)}
    for name in data.draw(st.lists(st.sampled_from(names), min_size=1, max_size=3,
                                   unique=True)):
        spec = bundle.inputs[name]
        end = st.one_of(st.floats(spec.min, spec.max).map(repr), number_text, hostile_text)
        lo, hi, dist = range_params(name)
        query.update({lo: data.draw(end), hi: data.draw(end),
                      dist: data.draw(st.sampled_from([*ALL_SHAPES, "normal", ""]))})
    if data.draw(st.booleans()):
        pair = data.draw(st.lists(st.sampled_from(names), min_size=2, max_size=2))
        query[CORR_PARAM] = f"{pair[0]}:{pair[1]}:{data.draw(st.floats(-1, 1)):.2f}"
    return query


@settings(FUZZ, max_examples=60)
@given(st.sampled_from(sorted(RANGE_BUNDLES)), st.data())
def test_any_range_link_of_any_document_gives_every_figure(fuzz_count, document,
                                                           data) -> None:
    """Found by this test's cases (tests/test_range_links.py pins them): a range on an
    input the headline does not use crashed the chart of how P(claim holds) settles."""
    fuzz_count["range links"] = fuzz_count.get("range links", 0) + 1
    bundle = RANGE_BUNDLES[document]
    view, _ = parse_view(_range_link(bundle, data), bundle.model,
                         resampled=resampled_ranges(bundle.scenario_presets))
    if view.ranges:
        every_figure(bundle, view)


# --- Uploaded scenario files ------------------------------------------------------------------

json_scalar = st.one_of(st.none(), st.booleans(), st.integers(-(10**30), 10**30), st.floats(),
                        st.text(max_size=40), hostile_text)
json_value = st.recursive(json_scalar, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)),
    max_leaves=12)
param_value = st.one_of(json_scalar, value_text, json_value)
scenario_record = st.one_of(
    st.fixed_dictionaries(
        {"name": st.one_of(st.text(max_size=100), hostile_text, json_scalar),
         "params": st.dictionaries(param_name, param_value, max_size=12)},
        optional={"why": st.one_of(st.text(max_size=500), hostile_text, json_scalar)}),
    json_value,
)
envelope = st.fixed_dictionaries(
    {"format": st.one_of(st.just(FORMAT), json_scalar),
     "version": st.one_of(st.just(VERSION), json_scalar),
     "scenarios": st.one_of(st.lists(scenario_record, max_size=6), json_value)},
    optional={"document": st.one_of(st.just(BUNDLE.document.meta["id"]), json_scalar)})


def _as_json(payload, repeat_key: bool) -> bytes:
    text = json.dumps(payload, allow_nan=True, ensure_ascii=False)
    if repeat_key and text.startswith("{"):
        text = '{"format": 1, ' + text[1:]  # a repeated key: JSON keeps the last
    return text.encode("utf-8")


upload = st.one_of(
    st.binary(max_size=2000),
    st.builds(_as_json, envelope, st.booleans()),
    st.builds(_as_json, json_value, st.booleans()),
    st.sampled_from([b"[" * 100_000, b'{"a": ' * 50_000, b"1" * 5000, b"\xef\xbb\xbf{}",
                     b"NaN", b'{"format": Infinity}', b"\xff\xfe", b" " * 2000,
                     b"x" * (MAX_BYTES + 1)]),
)
SAVED = [Scenario("Saved", default_view(SPECS), "kept through any import")]


@settings(FUZZ, max_examples=2000)
@given(upload)
def test_any_upload_gives_usable_scenarios_and_keeps_the_saved(fuzz_count, data) -> None:
    fuzz_count["uploads"] = fuzz_count.get("uploads", 0) + 1
    scenarios, messages = load_scenarios_json(data, BUNDLE.model, BUNDLE.document.meta["id"])
    assert all(isinstance(m, str) for m in messages)
    assert len({s.name for s in scenarios}) == len(scenarios) <= MAX_SCENARIOS
    for scenario in scenarios:
        assert scenario.name.strip() and len(scenario.name) <= MAX_NAME
        assert_view_is_usable(scenario.view)
    merged, _ = merge(SAVED, scenarios)
    assert merged[: len(SAVED)] == SAVED and len(merged) == len(SAVED) + len(scenarios)


# --- Data files -------------------------------------------------------------------------------

FOLDER = DATA_DIR / default_document()


def _sample_in_use(data: SampleUnits) -> None:
    """What the sample page computes from a loaded file: it must not fail either."""
    with np.errstate(all="ignore"):
        what_the_spread_says(data, spread(data, BUNDLE.model.threshold), BUNDLE.model.threshold)
        alternatives_frame(data)
        comparison_frame(data)

LOADERS: dict[str, Callable[[Path], object]] = {
    # the shipped vocabulary, not the fuzzed one beside them (that is fuzzed on its own)
    "claims.yaml": lambda path: load_catalogue(path, BUNDLE.vocabulary),
    "inputs.yaml": lambda path: load_input_file(path, BUNDLE.vocabulary),
    VOCABULARY_FILE: lambda path: load_vocabulary(path.parent),
    "reference.yaml": load_references,
    "caveats.yaml": load_caveats,
    "not_claims.yaml": load_not_claims,
    "sample_units.yaml": lambda path: _sample_in_use(load_sample_units(path, BUNDLE.catalogue)),
    "ranges.yaml": lambda path: load_range_presets(path, SPECS),
    "scenarios.yaml": lambda path: load_presets(path, BUNDLE.model, BUNDLE.sample_units,
                                                BUNDLE.range_presets),
    "document.yaml": lambda path: load_document(path.parent),
    "sources.yaml": load_sources,
    SENTENCE_FILE: lambda path: load_sentence(path.parent, BUNDLE.model.inputs,
                                              BUNDLE.model.output_names, BUNDLE.catalogue.claims),
}
TREES = {name: yaml.safe_load((FOLDER / name).read_text(encoding="utf-8")) for name in LOADERS}
KEEP = 3  # records kept from a long list, so that each example stays quick to load

yaml_scalar = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(-(10**40), 10**40), st.floats(),
    st.text(max_size=40), hostile_text, st.dates(), st.datetimes())
yaml_value = st.recursive(yaml_scalar, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=10), inner, max_size=3)),
    max_leaves=8)
YAML_TRAPS = [
    "a: 2018-13-45", "[" * 800, "a: !!int 0x_", "a: &a [*a]", _NESTED_ALIASES + "b: *l8",
    "!!python/object/apply:os.system ['true']", "\ufeffclaims: []", "a: 1\na: 2", "\t- x",
    "claims: !!binary '%%'", "? [a]\n: 1", "{a: 1, a: 2}", "a: *undefined", "%YAML 9.9\n---",
    "--- 1\n--- 2", "a: !!timestamp 2001-12-14t21:59:43.10+25:00", "a: !!float x",
]
yaml_text = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=":-[]{}!&*#|>'\"%@`,? \n\tab1.\\", max_size=200),
    st.sampled_from(YAML_TRAPS),
)


def _paths(node, prefix=()) -> list[tuple]:
    """Every place in a parsed YAML tree (container keys and list indexes), depth first."""
    items = node.items() if isinstance(node, dict) else enumerate(node) \
        if isinstance(node, list) else ()
    found = [prefix] if isinstance(node, (dict, list)) else []
    for key, child in items:
        here = (*prefix, key)
        found += [here] + [p for p in _paths(child, here) if p != here]
    return found


def _trimmed(tree, start: int):
    """The tree with each top-level list cut to KEEP records from `start` on."""
    if not isinstance(tree, dict):
        return tree
    return {key: value[start % max(len(value), 1):][:KEEP] or value[:KEEP]
            if isinstance(value, list) and len(value) > KEEP else value
            for key, value in tree.items()}


def _mutate(tree, data: st.DataObject):
    """One to three bad edits: a field set to a hostile value, removed, added, or a record
    duplicated."""
    tree = copy.deepcopy(tree)
    for _ in range(data.draw(st.integers(1, 3))):
        paths = [p for p in _paths(tree) if p]
        if not paths:
            return data.draw(yaml_value)
        path = data.draw(st.sampled_from(paths))
        parent = tree
        for key in path[:-1]:
            parent = parent[key]
        key = path[-1]
        action = data.draw(st.sampled_from(["set", "set", "delete", "add", "duplicate"]))
        if action == "set":
            parent[key] = data.draw(yaml_value)
        elif action == "delete":
            del parent[key]
        elif action == "add" and isinstance(parent, dict):
            parent[data.draw(st.one_of(st.text(max_size=10), st.integers()))] = \
                data.draw(yaml_value)
        elif isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))
    return tree


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz")
    shutil.copy(FOLDER / "document.md", folder / "document.md")
    return folder


def _properties(schema) -> set[str]:
    """Every field name a JSON Schema declares, at any depth."""
    if isinstance(schema, list):
        return {name for item in schema for name in _properties(item)}
    if not isinstance(schema, dict):
        return set()
    found = set(schema.get("properties", {}))
    return found.union(*(_properties(value) for value in schema.values()))


SCHEMAS = json_schemas()
FIELDS = {name: _properties(schema) for name, schema in SCHEMAS.items()}


def _records(name: str, tree) -> set[str]:
    """How an error may name a record of this file: a section the schema expects (a whole
    file of fields is the record "document"), or an id or position in the tree."""
    names = set(SCHEMAS[name].get("properties", {})) | {"document"}
    if not isinstance(tree, dict):
        return names
    for value in tree.values():
        if isinstance(value, list):
            names |= {str(i) for i in range(1, len(value) + 1)}
            names |= {str(r[k]) for r in value if isinstance(r, dict)
                      for k in ("id", "input", "name") if k in r}
    return names


def _load_or_data_error(loader: Callable[[Path], object], path: Path) -> None:
    """Loading succeeds or raises a DataError naming a field of the file's schema and a
    record of the file as written (`<record> stated` for a nested mapping)."""
    try:
        loader(path)
    except DataError as error:
        if error.field is not None:
            assert error.field in FIELDS[path.name], str(error)
        if error.row is not None:
            try:
                tree = read_yaml(path)
            except DataError:
                tree = None
            records = _records(path.name, tree)
            assert str(error.row) in records or str(error.row).rsplit(" ", 1)[0] in records, \
                str(error)


def test_the_shipped_data_files_load(workdir: Path) -> None:
    for name, loader in LOADERS.items():
        path = workdir / name
        path.write_text(yaml.safe_dump(TREES[name], allow_unicode=True), encoding="utf-8")
        loader(path)


@settings(FUZZ, max_examples=1200)
@given(st.sampled_from(sorted(LOADERS)), st.integers(0, 100), st.data())
def test_bad_edits_to_any_data_file_are_data_errors(fuzz_count, workdir, name, start,
                                                    data) -> None:
    fuzz_count["data files (edited)"] = fuzz_count.get("data files (edited)", 0) + 1
    tree = _mutate(_trimmed(TREES[name], start) if name != "sample_units.yaml" else TREES[name],
                   data)
    path = workdir / name
    path.write_text(yaml.safe_dump(tree, allow_unicode=True), encoding="utf-8")
    _load_or_data_error(LOADERS[name], path)


@settings(FUZZ, max_examples=1000)
@given(st.sampled_from(sorted(LOADERS)), st.one_of(yaml_text, yaml_value.map(
    lambda value: yaml.safe_dump(value, allow_unicode=True))))
def test_any_text_in_any_data_file_is_a_data_error(fuzz_count, workdir, name, text) -> None:
    fuzz_count["data files (text)"] = fuzz_count.get("data files (text)", 0) + 1
    path = workdir / name
    path.write_text(text, encoding="utf-8")
    _load_or_data_error(LOADERS[name], path)
