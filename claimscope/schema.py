"""Loading YAML data files and checking their records against a small schema.

Every data file a maintainer may edit goes through here, so a bad edit stops the app with
one message naming the file, the record and the field, never a traceback.
"""

from __future__ import annotations

import math
import reprlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


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


@dataclass(frozen=True)
class Field:
    """One expected field: its type, whether it must be present, and an optional check."""

    name: str
    kind: type | tuple[type, ...]
    required: bool = True
    check: Callable[[Any], str | None] | None = None


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


def read_yaml(path: Path) -> Any:
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


def _type_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    names = {int: "a number", float: "a number", str: "text", list: "a list", dict: "a mapping",
             bool: "true or false"}
    return " or ".join(dict.fromkeys(names.get(k, k.__name__) for k in kinds))


def check_record(path: Path, row: str | int, record: Any, fields: list[Field],
                 allow_extra: bool = False) -> dict[str, Any]:
    """Validate one mapping; numbers must be finite, text non-empty."""
    if not isinstance(record, dict):
        raise DataError(path, "must be a mapping of field names to values", row)
    known = {f.name for f in fields}
    if not allow_extra:
        extra = sorted(str(k) for k in record if k not in known)
        if extra:
            raise DataError(path, f"unknown field(s): {', '.join(extra)}", row)
    for spec in fields:
        if spec.name not in record or record[spec.name] is None:
            if spec.required:
                raise DataError(path, "is missing", row, spec.name)
            continue
        value = record[spec.name]
        kinds = spec.kind if isinstance(spec.kind, tuple) else (spec.kind,)
        is_bool = isinstance(value, bool)
        if (is_bool and bool not in kinds) or not isinstance(value, kinds):
            raise DataError(path, f"must be {_type_name(spec.kind)}, not {brief(value)}",
                            row, spec.name)
        if isinstance(value, float) and not math.isfinite(value):
            raise DataError(path, "must be a finite number", row, spec.name)
        if isinstance(value, str) and not value.strip():
            raise DataError(path, "must not be empty", row, spec.name)
        if spec.check is not None:
            problem = spec.check(value)
            if problem:
                raise DataError(path, problem, row, spec.name)
    return record


def one_of(*allowed: str) -> Callable[[Any], str | None]:
    """A field check accepting only the listed words."""
    def check(value: Any) -> str | None:
        if value in allowed:
            return None
        return f"must be one of {', '.join(allowed)}; got {brief(value, 40)}"
    return check


def load_records(path: Path, key: str, fields: list[Field], id_field: str = "id") -> list[dict]:
    """Read `key:` from a YAML file as a list of validated records with unique ids."""
    data = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise DataError(path, f"must contain a list under '{key}'")
    records, seen = [], set()
    for index, record in enumerate(data[key], start=1):
        given = record.get(id_field) if isinstance(record, dict) else None
        row = given if isinstance(given, (str, int)) and not isinstance(given, bool) else index
        checked = check_record(path, row, record, fields)
        if id_field in checked:
            if checked[id_field] in seen:
                raise DataError(path, f"duplicate id {checked[id_field]!r}", row, id_field)
            seen.add(checked[id_field])
        records.append(checked)
    return records
