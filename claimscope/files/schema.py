"""Loading YAML data files and checking their records against their pydantic models.

Every data file a maintainer may edit goes through here, so a bad edit stops the app with
one message naming the file, the record and the field, never a traceback.
"""

from __future__ import annotations

import re
import reprlib
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, TypeVar

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
)

from claimscope.files.folder import DataFile


class DataError(ValueError):
    """A data file is missing, unreadable or breaks its schema."""

    def __init__(self, file: Path | str, message: str, row: str | int | None = None,
                 field: str | None = None) -> None:
        self.file = str(file)
        self.row = row
        self.field = field
        where = Path(self.file).name
        if row is not None:
            where += f", record {row}"
        if field is not None:
            where += f", field '{field}'"
        super().__init__(f"{where}: {message}")


class _UniqueKeyLoader(yaml.SafeLoader):
    """YAML's safe loader, except that a key given twice in one mapping is an error: plain
    YAML keeps the last silently, hiding a maintainer's first value."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set = set()
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = self.construct_object(key_node, deep=True)
            try:
                repeated = key in seen
            except TypeError:
                continue  # an unhashable key: the base class reports it
            if repeated:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", node.start_mark,
                    f"found the key {brief(key, 40)} twice", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep)


def read_yaml(path: DataFile) -> Any:
    """Parse a YAML file, turning every failure into a DataError naming the file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(path, f"cannot be read ({exc.__class__.__name__})") from exc
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" near line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None)
        raise DataError(path, f"is not valid YAML{line}" + (f": {problem}" if problem else "")
                        ) from exc
    except RecursionError as exc:
        raise DataError(path, "is not valid YAML: it nests too deeply") from exc
    except (ValueError, TypeError, OverflowError) as exc:  # e.g. a date like 2018-13-45
        raise DataError(path, f"holds a value YAML cannot read: {brief(str(exc), 80)}") from exc


_BRIEF = reprlib.Repr()  # keyword arguments need Python 3.12
_BRIEF.maxlevel, _BRIEF.maxlist, _BRIEF.maxdict, _BRIEF.maxstring, _BRIEF.maxother = \
    2, 4, 4, 60, 60


def brief(value: Any, width: int = 60) -> str:
    """A value as a short repr for a message, in bounded time even for YAML aliases that
    nest a list in itself many times over (a plain repr would expand them all)."""
    text = _BRIEF.repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


MODEL_CONFIG = ConfigDict(strict=True, extra="forbid", frozen=True, allow_inf_nan=False)


class Record(BaseModel):
    """Base of every data-file record: declared once, it is both the schema and the type the
    app uses. Strict, so that a maintainer's typo is an error rather than a silent cast
    (an int may stand for a float; true is never a number), and no unknown fields."""

    model_config = MODEL_CONFIG


M = TypeVar("M", bound=BaseModel)


class FieldProblem(ValueError):
    """A broken rule between fields, raised inside a model validator; it names the field a
    maintainer should fix, which pydantic alone cannot (its error has no location)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def fold(text: str) -> str:
    """Prose written over several YAML lines as one line of words."""
    return " ".join(text.split())


def _non_blank(text: str) -> str:
    if not text.strip():
        raise ValueError("must not be empty")
    return text


def _as_tuple(value: Any) -> Any:
    """YAML has lists, records keep tuples (immutable); anything else fails as a list."""
    return tuple(value) if isinstance(value, list) else value


Text = Annotated[str, AfterValidator(_non_blank)]
Prose = Annotated[str, AfterValidator(_non_blank), AfterValidator(fold)]  # folded on load
Texts = Annotated[tuple[Text, ...],
                  BeforeValidator(_as_tuple, json_schema_input_type=list[str])]
AsTuple = BeforeValidator(_as_tuple)  # `Annotated[tuple[R, ...], AsTuple]`: a list of records
# Whole counts are at least 1 where the app divides by them.
Count = Annotated[int, Field(ge=1)]


def matching(pattern: str, shape: str) -> Any:
    """A text field that must match `pattern` whole; `shape` says in words what it should
    look like (the message reads "must be <shape>; got ...")."""
    whole = re.compile(pattern)

    def check(value: Any) -> Any:
        if not isinstance(value, str) or not whole.fullmatch(value):
            raise ValueError(f"must be {shape}; got {value!r:.40}")
        return value

    return Annotated[str, BeforeValidator(check, json_schema_input_type=str)]


_TYPE_WORDS = {
    "float_type": "a number", "int_type": "a whole number", "string_type": "text",
    "tuple_type": "a list", "list_type": "a list", "dict_type": "a mapping",
    "model_type": "a mapping", "model_attributes_type": "a mapping", "bool_type":
    "true or false", "float_parsing": "a number", "int_from_float": "a whole number",
}
_LIMIT_WORDS = {"greater_than_equal": ("ge", "at least"), "greater_than": ("gt", "above"),
                "less_than_equal": ("le", "at most"), "less_than": ("lt", "below")}


def _number_text(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) \
        else brief(value, 40)


def _words(error: Any) -> str:
    """One pydantic error in a maintainer's words, with the offending value kept short."""
    kind, ctx, given = error["type"], error.get("ctx") or {}, error.get("input")
    if kind == "missing":
        return "is missing"
    if kind in _TYPE_WORDS:
        return f"must be {_TYPE_WORDS[kind]}, not {brief(given)}"
    if kind == "finite_number":
        return "must be a finite number"
    if kind == "literal_error":
        allowed = ctx["expected"].replace("'", "").replace(" or ", ", ")
        return f"must be one of {allowed}; got {brief(given, 40)}"
    if kind in _LIMIT_WORDS:
        key, word = _LIMIT_WORDS[kind]
        return f"must be {word} {_number_text(ctx[key])}; got {_number_text(given)}"
    if kind == "value_error":
        return str(ctx["error"])
    return f"{error['msg'][:1].lower()}{error['msg'][1:]}; got {brief(given, 40)}"


def _place(row: str | int | None, record: Any, loc: tuple, field_last: bool
           ) -> tuple[str | int | None, str | None]:
    """The record and field an error location points at. A nested mapping (e.g. an
    alternative's `stated`) reads as a record of its own: "without-x stated"."""
    parts = [] if row is None else [str(row)]
    node, rest = record, list(loc)
    while (len(rest) >= (2 if field_last else 1) and isinstance(rest[0], str)
           and isinstance(node, dict) and isinstance(node.get(rest[0]), dict)
           and (not field_last or isinstance(rest[1], str))):
        parts.append(rest[0])
        node, rest = node[rest[0]], rest[1:]
    field = rest[0] if field_last and rest and isinstance(rest[0], str) else None
    named = " ".join(parts) if len(parts) > 1 else row
    return named, field


def as_data_error(path: Path | str, row: str | int | None, record: Any,
                  error: ValidationError) -> DataError:
    """A pydantic error as one DataError naming the file, record and field in plain words.

    Unknown fields (or keys that are not field names at all) come first, as a maintainer's
    typo explains the rest, then the first other problem."""
    problems = error.errors()
    extra = [p for p in problems if p["type"] in ("extra_forbidden", "invalid_key")]
    if extra:
        where, _ = _place(row, record, extra[0]["loc"][:-1], field_last=False)
        names = ", ".join(sorted(brief(p["loc"][-1], 40).strip("'") for p in extra))
        return DataError(path, f"unknown field(s): {names}", where)
    first = problems[0]
    cause = (first.get("ctx") or {}).get("error")
    if isinstance(cause, FieldProblem):
        return DataError(path, str(cause), *_place(row, record, (cause.field,), True))
    where, field = _place(row, record, first["loc"], field_last=True)
    if not first["loc"] and first["type"] in ("model_type", "model_attributes_type"):
        return DataError(path, "must be a mapping of field names to values", where)
    return DataError(path, _words(first), where, field)


def validate(model: type[M], path: DataFile, row: str | int | None, record: Any,
             context: Mapping[str, Any] | None = None) -> M:
    """One record as its model, or a DataError naming file, record and field. `context`
    carries what a rule needs from other files (e.g. the inputs a range may name)."""
    try:
        return model.model_validate(record, context=context)
    except ValidationError as error:
        raise as_data_error(path, row, record, error) from error


def record_id(record: Any, index: int, id_field: str) -> str | int:
    """How an error names a record: its id where it has a usable one, else its position."""
    given = record.get(id_field) if isinstance(record, dict) and id_field else None
    return given if isinstance(given, (str, int)) and not isinstance(given, bool) else index


def load_records(path: DataFile, key: str, model: type[M], id_field: str = "id",
                 context: Mapping[str, Any] | None = None) -> list[M]:
    """Read `key:` from a YAML file as a list of validated records with unique ids."""
    return records_of(path, read_yaml(path), key, model, id_field, context)


def records_of(path: DataFile, data: Any, key: str, model: type[M], id_field: str = "id",
               context: Mapping[str, Any] | None = None) -> list[M]:
    """The list under `key:` of parsed YAML as validated records with unique ids."""
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise DataError(path, f"must contain a list under '{key}'")
    records, seen = [], set()
    for index, raw in enumerate(data[key], start=1):
        row = record_id(raw, index, id_field)
        record = validate(model, path, row, raw, context)
        if id_field:
            if getattr(record, id_field) in seen:
                raise DataError(path, f"duplicate id {row!r}", row, id_field)
            seen.add(getattr(record, id_field))
        records.append(record)
    return records

