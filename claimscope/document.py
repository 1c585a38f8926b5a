"""The examined document: its text, its provenance, and proof it is the published text."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from claimscope.schema import DataError, Field, check_record, read_yaml

SECTIONS = ("Header", "Part One", "Part Two", "Part Three")

_META_FIELDS = [
    Field("id", str), Field("title", str), Field("short_title", str), Field("publisher", str),
    Field("author", str), Field("date", int), Field("session", str), Field("where", str),
    Field("licence", str), Field("text_file", str), Field("sha256", str),
    Field("claimed_total", str),
]


@dataclass(frozen=True)
class Document:
    """One document folder's text and metadata; `sha256_ok` is False if the text changed."""

    folder: Path
    meta: dict
    text: str
    sha256: str

    @property
    def sha256_ok(self) -> bool:
        return self.sha256 == self.meta["sha256"]

    def section_at(self, offset: int) -> str:
        """Which part of the document a character offset falls in."""
        current = SECTIONS[0]
        for name in SECTIONS[1:]:
            start = self.text.find(f"**{name}:")
            if 0 <= start <= offset:
                current = name
        return current

    def citation(self) -> str:
        m = self.meta
        return f"{m['author']} ({m['date']}). {m['title']}. {m['publisher']}."


def load_document(folder: Path) -> Document:
    """Read `document.yaml` and the text it names, hashing the exact bytes."""
    meta_path = folder / "document.yaml"
    meta = check_record(meta_path, "document", read_yaml(meta_path), _META_FIELDS)
    text_path = folder / meta["text_file"]
    try:
        raw = text_path.read_bytes()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(text_path, f"cannot be read ({exc.__class__.__name__})") from exc
    return Document(folder=folder, meta=meta, text=text, sha256=hashlib.sha256(raw).hexdigest())
