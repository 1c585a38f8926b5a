"""A document's vocabulary: the categories its claims are filed under, the labels of the
claim kinds, and its units, each with the way numbers in it are written.

Generic built-ins (categories and kinds in `claimscope/files/vocabulary.yaml`, units in
`claimscope.text.units`) hold for every document, so one that
declares nothing still works; a document's own optional `vocabulary.yaml` adds to them
or overrides one by its id. Its declarations come first, in its order (the timeline's
lanes and the filters follow it), then the built-ins it did not override.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar, get_args

from pydantic import PlainSerializer, PlainValidator, ValidationInfo, model_validator

from claimscope.files.folder import Folder
from claimscope.files.schema import (
    AsTuple,
    DataError,
    FieldProblem,
    Prose,
    Record,
    Text,
    read_yaml,
    records_of,
)
from claimscope.text.units import BUILT_IN_UNITS, NumberFormat, Unit

VOCABULARY_FILE = "vocabulary.yaml"
BUILT_IN_FILE = Path(__file__).resolve().parent / VOCABULARY_FILE

# The kinds the code gives a meaning: how charts, tables and the text mark a claim.
ClaimKind = Literal["reported", "derived", "target", "date"]
KINDS: tuple[str, ...] = get_args(ClaimKind)


class UnitRecord(Record):
    """One unit as a vocabulary file declares it. A duration names its `word` ("months"),
    a currency its `symbol` ("£") and whether the symbol is written before the number;
    `suffix` is what an entry field shows after a number in it (by default the format's
    sign, word or symbol, and nothing for counts and numbers)."""

    id: Text
    format: NumberFormat
    word: Text | None = None
    symbol: Text | None = None
    symbol_before: bool = True
    suffix: Text | None = None

    @model_validator(mode="after")
    def _fields_fit_the_format(self) -> UnitRecord:
        if self.format == "duration" and self.word is None:
            raise FieldProblem("word", "a duration needs the word written after its number, "
                                       "e.g. months")
        if self.format == "currency" and self.symbol is None:
            raise FieldProblem("symbol", "a currency needs its symbol, e.g. £")
        if self.format != "duration" and self.word is not None:
            raise FieldProblem("word", "only a duration has a word")
        if self.format != "currency" and (self.symbol is not None or not self.symbol_before):
            raise FieldProblem("symbol", "only a currency has a symbol")
        return self


class Category(Record):
    """A heading claims are filed under; `label` is what a reader sees (lower case, as in
    running text; written with a capital where it starts a line)."""

    id: Text
    label: Text
    description: Prose


class Kind(Record):
    """How a claim stands to the document's words. Only the built-in kinds exist (the code
    draws each its own way); a document may reword their label and description."""

    id: ClaimKind
    label: Text
    description: Prose


R = TypeVar("R", Category, Kind)


class VocabularyFile(Record):
    """The shape of a vocabulary.yaml: every list optional."""

    categories: Annotated[tuple[Category, ...], AsTuple] = ()
    kinds: Annotated[tuple[Kind, ...], AsTuple] = ()
    units: Annotated[tuple[UnitRecord, ...], AsTuple] = ()


@dataclass(frozen=True)
class Vocabulary:
    """The categories, kinds and units one document's data may use, by id, in order."""

    categories: Mapping[str, Category]
    kinds: Mapping[str, Kind]
    units: Mapping[str, Unit]

    def unit(self, name: str) -> Unit:
        """The declared unit of that name, else a plain number named so ('members')."""
        return self.units.get(name) or Unit(name)

    def category_label(self, category: str) -> str:
        return self.categories[category].label if category in self.categories else category

    def category_heading(self, category: str) -> str:
        """The label as a heading or tick starts it: with a capital ('Clinic visits')."""
        label = self.category_label(category)
        return label[:1].upper() + label[1:]

    def kind_label(self, kind: str) -> str:
        return self.kinds[kind].label if kind in self.kinds else kind


def _merged(own: Iterable[R], built_in: Iterable[R]) -> dict[str, R]:
    """A document's records first, then the built-ins it does not override."""
    merged = {record.id: record for record in own}
    return merged | {r.id: r for r in built_in if r.id not in merged}


_LISTS = {"categories": Category, "kinds": Kind, "units": UnitRecord}


def _read(path: Path) -> VocabularyFile:
    """A vocabulary file's lists, each record checked (ids unique) and named by its id."""
    data = read_yaml(path)
    if data is None:
        return VocabularyFile()
    if not isinstance(data, dict):
        raise DataError(path, "must be a mapping of field names to values")
    unknown = sorted(map(str, set(data) - set(_LISTS)))
    if unknown:
        raise DataError(path, f"unknown field(s): {', '.join(unknown)}")
    return VocabularyFile(**{key: tuple(records_of(path, data, key, model))
                             for key, model in _LISTS.items() if key in data})


def _unit(record: UnitRecord | Unit) -> Unit:
    if isinstance(record, Unit):
        return record
    return Unit(record.id, record.format, record.word or "", record.symbol or "",
                record.symbol_before, record.suffix)


def _vocabulary(own: VocabularyFile, built_in: VocabularyFile) -> Vocabulary:
    units: dict[str, UnitRecord | Unit] = {record.id: record for record in own.units}
    units |= {name: unit for name, unit in BUILT_IN_UNITS.items() if name not in units}
    return Vocabulary(_merged(own.categories, built_in.categories),
                      _merged(own.kinds, built_in.kinds),
                      {uid: _unit(record) for uid, record in units.items()})


@lru_cache(maxsize=1)
def built_in_vocabulary() -> Vocabulary:
    """The generic vocabulary every document starts from (claimscope/files/vocabulary.yaml)."""
    return _vocabulary(VocabularyFile(), _read(BUILT_IN_FILE))


def load_vocabulary(folder: Folder) -> Vocabulary:
    """A document folder's vocabulary: its vocabulary.yaml over the built-ins, or the
    built-ins alone when it has none."""
    path = folder / VOCABULARY_FILE
    if not path.exists():
        return built_in_vocabulary()
    return _vocabulary(_read(path), _read(BUILT_IN_FILE))


# Fields of data records whose values are units or categories of the loading document's
# vocabulary, given as `context={"vocabulary": ...}` (the built-ins without it).

def _context_vocabulary(info: ValidationInfo) -> Vocabulary:
    return (info.context or {}).get("vocabulary") or built_in_vocabulary()


def _name(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"must be text, not {type(value).__name__}")
    if not value.strip():
        raise ValueError("must not be empty")
    return value


def _allowed(kind: str, names: Iterable[str], value: str) -> ValueError:
    return ValueError(f"must be one of the {kind} of the document's vocabulary "
                      f"({VOCABULARY_FILE} and the built-ins): {', '.join(names)}; "
                      f"got {value!r}")


def _declared_unit(value: Any, info: ValidationInfo) -> Unit:
    units = _context_vocabulary(info).units
    name = _name(value)
    if name not in units:
        raise _allowed("units", units, name)
    return units[name]


def _any_unit(value: Any, info: ValidationInfo) -> Unit:
    return _context_vocabulary(info).unit(_name(value))


def _declared_category(value: Any, info: ValidationInfo) -> str:
    categories = _context_vocabulary(info).categories
    name = _name(value)
    if name not in categories:
        raise _allowed("categories", categories, name)
    return name


_AS_NAME = PlainSerializer(str, return_type=str)
# A unit the vocabulary must declare: the inputs', whose steps and percent-ness follow it.
DeclaredUnit = Annotated[Unit, PlainValidator(_declared_unit, json_schema_input_type=str),
                         _AS_NAME]
# Any unit name: a declared one is written by its format, others as plain numbers.
UnitName = Annotated[Unit, PlainValidator(_any_unit, json_schema_input_type=str), _AS_NAME]
CategoryName = Annotated[str, PlainValidator(_declared_category, json_schema_input_type=str)]
