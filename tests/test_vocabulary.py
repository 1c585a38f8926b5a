"""A document's vocabulary: categories, kinds and units declared in its folder over the
built-ins, each checked on load, and numbers written by their unit's format."""

from __future__ import annotations

import math
import pickle
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from claimscope.bundle import json_schemas, load_bundle
from claimscope.files.catalogue import load_catalogue
from claimscope.files.inputs import load_inputs
from claimscope.files.schema import DataError
from claimscope.files.vocabulary import KINDS, VOCABULARY_FILE, built_in_vocabulary, load_vocabulary
from claimscope.text.numbers import display, human, percent
from claimscope.text.units import FORMATS, Unit, as_unit
from components.controls import slider_bounds, widget_number
from tests.data_helpers import copy_document, edit
from tests.fixture_documents import CLINIC_DOCUMENT

ECPAT = load_bundle()
FIXTURE = load_bundle(CLINIC_DOCUMENT)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return copy_document(tmp_path)


def write_vocabulary(folder: Path, data: object) -> None:
    (folder / VOCABULARY_FILE).write_text(yaml.safe_dump(data, allow_unicode=True),
                                          encoding="utf-8")


# Loading ---------------------------------------------------------------------------------


def test_the_built_ins_are_generic_and_complete() -> None:
    built_in = built_in_vocabulary()
    assert list(built_in.kinds) == list(KINDS)
    assert {unit.format for unit in built_in.units.values()} == set(FORMATS)
    assert built_in.units["gbp"].symbol == "£" and built_in.units["months"].word == "months"


def test_a_folder_without_a_vocabulary_has_the_built_ins(tmp_path: Path) -> None:
    assert load_vocabulary(tmp_path) == built_in_vocabulary()


def test_a_documents_own_come_first_in_its_order_then_the_built_ins() -> None:
    categories = list(ECPAT.vocabulary.categories)
    assert categories[:7] == ["seizures", "population", "extrapolation", "offenders",
                              "network", "commitments", "timeline"]
    assert set(categories[7:]) == set(built_in_vocabulary().categories) - set(categories[:7])
    assert ECPAT.vocabulary.units["images"].format == "count"
    assert ECPAT.vocabulary.units["percent"] == built_in_vocabulary().units["percent"]


def test_a_document_overrides_a_built_in_by_its_id() -> None:
    assert built_in_vocabulary().category_label("population") == "population"
    assert FIXTURE.vocabulary.category_label("population") == "residents"
    assert FIXTURE.vocabulary.category_heading("population") == "Residents"


def test_the_fixture_has_its_own_units_and_categories() -> None:
    assert FIXTURE.catalogue["visits-claim"].unit.format == "count"
    assert FIXTURE.inputs["residents"].is_integer
    assert not FIXTURE.inputs["rate"].is_integer
    assert {c.category for c in FIXTURE.catalogue.claims.values()} == {
        "timeline", "attendance", "population", "records"}


@pytest.mark.parametrize(("data", "expected"), [
    ({"units": [{"id": "tonnes", "format": "weight"}]},
     "vocabulary.yaml, record tonnes, field 'format': must be one of count, number, "
     "percent, ratio, year, duration, currency; got 'weight'"),
    ({"units": [{"id": "yen", "format": "currency"}]},
     "vocabulary.yaml, record yen, field 'symbol': a currency needs its symbol"),
    ({"units": [{"id": "weeks", "format": "duration"}]},
     "vocabulary.yaml, record weeks, field 'word': a duration needs the word"),
    ({"units": [{"id": "tonnes", "format": "count", "symbol": "t"}]},
     "field 'symbol': only a currency has a symbol"),
    ({"units": [{"id": "images", "format": "count"}, {"id": "images", "format": "number"}]},
     "vocabulary.yaml, record images, field 'id': duplicate id 'images'"),
    ({"categories": [{"id": "cost", "label": "cost", "description": "Money."},
                     {"id": "cost", "label": "spending", "description": "Money."}]},
     "vocabulary.yaml, record cost, field 'id': duplicate id 'cost'"),
    ({"kinds": [{"id": "estimated", "label": "estimated", "description": "a guess"}]},
     "vocabulary.yaml, record estimated, field 'id': must be one of reported, derived, "
     "target, date; got 'estimated'"),
    ({"colours": []}, "vocabulary.yaml: unknown field(s): colours"),
    ({"units": {"id": "x"}}, "vocabulary.yaml: must contain a list under 'units'"),
    (["units"], "vocabulary.yaml: must be a mapping of field names to values"),
])
def test_a_bad_vocabulary_names_file_record_and_field(folder: Path, data: object,
                                                      expected: str) -> None:
    write_vocabulary(folder, data)
    with pytest.raises(DataError) as error:
        load_bundle(folder)
    assert expected in str(error.value)


def test_an_unknown_category_names_the_allowed_ones(folder: Path) -> None:
    edit(folder / "claims.yaml", lambda d: d["claims"][0].update(category="cost of it"))
    with pytest.raises(DataError) as error:
        load_catalogue(folder / "claims.yaml")
    message = str(error.value)
    assert message.startswith(f"claims.yaml, record {ECPAT.catalogue.frame()['id'][0]}, "
                              "field 'category': must be one of the categories")
    assert "seizures, population, extrapolation" in message and "got 'cost of it'" in message


def test_a_category_the_document_declares_is_allowed(folder: Path) -> None:
    edit(folder / "claims.yaml", lambda d: d["claims"][0].update(category="cost"))
    assert load_catalogue(folder / "claims.yaml").claims  # a built-in
    write_vocabulary(folder, {"categories": [{"id": "seizures", "label": "seizures",
                                              "description": "Seized."}]})
    with pytest.raises(DataError, match="must be one of the categories.*seizures, figures"):
        load_catalogue(folder / "claims.yaml")  # the document's own, replaced: cost stays


def test_an_inputs_unit_must_be_declared(folder: Path) -> None:
    edit(folder / "inputs.yaml", lambda d: d["inputs"][0].update(unit="tonnes"))
    with pytest.raises(DataError) as error:
        load_inputs(folder / "inputs.yaml")
    assert "inputs.yaml, record seized, field 'unit': must be one of the units" in \
        str(error.value)
    assert "images, people, rate, count, number, percent" in str(error.value)


def test_a_claims_unit_is_free_text_written_by_a_declared_format(folder: Path) -> None:
    assert ECPAT.catalogue["ecpat-members"].unit == "members"
    assert ECPAT.catalogue["ecpat-members"].unit.format == "number"
    edit(folder / VOCABULARY_FILE, lambda d: d["units"].append(
        {"id": "members", "format": "currency", "symbol": "¤"}))
    catalogue = load_catalogue(folder / "claims.yaml")
    assert catalogue["ecpat-members"].unit.format == "currency"
    assert catalogue.frame().set_index("id").loc["ecpat-members", "unit"] == "members"


def test_the_schemas_include_the_vocabulary() -> None:
    schema = json_schemas()[VOCABULARY_FILE]
    assert set(schema["properties"]) == {"categories", "kinds", "units"}
    unit = schema["$defs"]["UnitRecord"]["properties"]["format"]
    assert unit["enum"] == list(FORMATS)
    claim = json_schemas()["claims.yaml"]["$defs"]["Claim"]["properties"]
    assert claim["unit"]["type"] == claim["category"]["type"] == "string"


def test_every_shipped_vocabulary_is_valid() -> None:
    for folder in (ECPAT.document.folder, FIXTURE.document.folder):
        assert load_vocabulary(folder).units


# Units -----------------------------------------------------------------------------------


def test_a_unit_is_its_name() -> None:
    gbp = built_in_vocabulary().units["gbp"]
    assert gbp == "gbp" and f"{gbp}" == "gbp" and isinstance(gbp, str)
    assert pickle.loads(pickle.dumps(gbp)).writing() == gbp.writing()
    assert as_unit("gbp") is gbp and as_unit("tonnes").format == "number"


@pytest.mark.parametrize(("name", "integer", "percent", "suffix"), [
    ("count", True, False, ""), ("number", False, False, ""), ("percent", False, True, "%"),
    ("ratio", False, False, "×"), ("year", True, False, ""), ("months", True, False, "months"),
    ("gbp", False, False, "£"), ("images", True, False, "images"),
])
def test_the_format_decides_whole_numbers_percents_and_suffix(name: str, integer: bool,
                                                              percent: bool, suffix: str
                                                              ) -> None:
    unit = ECPAT.vocabulary.unit(name)
    assert (unit.is_integer, unit.is_percent, unit.suffix) == (integer, percent, suffix)


def test_a_count_entry_is_a_whole_number(folder: Path) -> None:
    """A count's range and entry are integers: '12,000', never '12000.0'."""
    edit(folder / "inputs.yaml", lambda d: d["inputs"][0].update(unit="count"))
    spec = load_inputs(folder / "inputs.yaml")["seized"]
    assert spec.is_integer and isinstance(widget_number(spec, 12000.0), int)
    assert all(isinstance(v, int) for v in slider_bounds(spec).values())
    assert display(12000.0, spec.unit) == "12,000"


@pytest.mark.parametrize(("value", "unit", "words"), [
    (12000, "count", "12,000"), (26e6, "count", "26 million"), (12000.0, "number", "12,000"),
    (6.5, "number", "6.5"), (7.25, "percent", "7.25%"), (1.5, "ratio", "1.5×"),
    (2012, "year", "2012"), (26, "months", "26 months"), (1.2e6, "gbp", "£1.2 million"),
    (12000, "gbp", "£12,000"), (3.5e9, "eur", "€3.5 billion"), (-12000, "usd", "-$12,000"),
    (-0.001, "gbp", "£0"), (math.nan, "gbp", "—"), (math.inf, "count", "—"),
    (7.172, "members", "7.17"),
])
def test_display_of_every_format(value: float, unit: str, words: str) -> None:
    assert display(value, built_in_vocabulary().unit(unit)) == display(value, unit) == words


def test_a_currency_may_be_written_after_the_number() -> None:
    krona = Unit("sek", "currency", symbol="kr", symbol_before=False)
    assert display(12000, krona) == "12,000 kr"
    assert display(-2.5e6, krona) == "-2.5 million kr"


@given(value=st.floats(allow_nan=False, allow_infinity=False), digits=st.integers(0, 4),
       unit=st.sampled_from(sorted(built_in_vocabulary().units.values())))
def test_every_format_writes_the_shared_formatters(value: float, digits: int,
                                                   unit: Unit) -> None:
    written = display(value, unit, digits)
    if unit.format in ("count", "number"):
        assert written == human(value, digits)
    elif unit.format == "percent":
        assert written == percent(value, max(digits, 2))
    elif unit.format == "currency":
        amount = human(value, digits)
        assert written == (f"-{unit.symbol}{amount[1:]}" if amount.startswith("-")
                           else f"{unit.symbol}{amount}")
    elif unit.format == "duration":
        assert written.endswith(f" {unit.word}") and "," not in written
    else:
        assert written.endswith("×") if unit.format == "ratio" else "," not in written
