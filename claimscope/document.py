"""The examined document: its text, its provenance, and proof it is the published text."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args

from claimscope.schema import DataError, Prose, Record, Text, read_yaml, validate

Section = Literal["Header", "Part One", "Part Two", "Part Three"]
SECTIONS: tuple[str, ...] = get_args(Section)


class DocumentMeta(Record):
    """`document.yaml`: what the document is, where it comes from, and its text's hash."""

    id: Text
    title: Text
    short_title: Text
    publisher: Text
    author: Text
    date: int
    session: Text
    where: Text
    licence: Text
    text_file: Text
    sha256: Text
    content_note: Prose | None = None  # Markdown shown on first load (DESIGN §7)
    help_services: Prose | None = None  # Markdown in every page's footer: report, get help
    care_note: Prose | None = None  # a sentence in every footer on how the subject is treated

    def __getitem__(self, name: str) -> Any:
        """`meta["title"]`, as pages and reports read it."""
        return getattr(self, name)


@dataclass(frozen=True)
class Document:
    """One document folder's text and metadata; `sha256_ok` is False if the text changed."""

    folder: Path
    meta: DocumentMeta
    text: str
    sha256: str

    @property
    def sha256_ok(self) -> bool:
        return self.sha256 == self.meta.sha256

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
    meta = validate(DocumentMeta, meta_path, "document", read_yaml(meta_path))
    text_path = folder / meta.text_file
    try:
        raw = text_path.read_bytes()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(text_path, f"cannot be read ({exc.__class__.__name__})") from exc
    return Document(folder=folder, meta=meta, text=text, sha256=hashlib.sha256(raw).hexdigest())
