"""The examined document: its text, its provenance, and proof it is the published text."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import model_validator

from claimscope.files.folder import Folder
from claimscope.files.schema import (
    AsTuple,
    DataError,
    FieldProblem,
    Prose,
    Record,
    Text,
    read_yaml,
    validate,
)


class Section(Record):
    """One part of the document as its catalogue names it (`claims.yaml`'s `section`):
    it runs from the first place its `starts` text occurs to the next part's. The first
    part has no `starts`: it opens the document."""

    name: Text
    starts: Text | None = None


WHOLE_TEXT = (Section(name="Text"),)  # a document that declares no parts is one


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
    content_note: Prose | None = None  # Markdown shown on first load (README, "Adding a document")
    help_services: Prose | None = None  # Markdown in every page's footer: report, get help
    care_note: Prose | None = None  # a sentence in every footer on how the subject is treated
    sections: Annotated[tuple[Section, ...], AsTuple] = WHOLE_TEXT

    @model_validator(mode="after")
    def _sections_open_in_order(self) -> DocumentMeta:
        first, *rest = self.sections or (None,)
        if first is None or first.starts is not None:
            raise FieldProblem("sections", "the first section opens the document: give it "
                                           "a name and no 'starts'")
        if any(section.starts is None for section in rest):
            raise FieldProblem("sections", "every section after the first needs 'starts', "
                                           "the text that opens it")
        names = [section.name for section in self.sections]
        if len(set(names)) < len(names):
            raise FieldProblem("sections", f"names a section twice: {', '.join(names)}")
        return self

    def __getitem__(self, name: str) -> Any:
        """`meta["title"]`, as pages and reports read it."""
        return getattr(self, name)


@dataclass(frozen=True)
class Document:
    """One document folder's text and metadata; `sha256_ok` is False if the text changed."""

    folder: Folder  # on disk, or held as texts (a reader's saved document)
    meta: DocumentMeta
    text: str
    sha256: str

    @property
    def sha256_ok(self) -> bool:
        return self.sha256 == self.meta.sha256

    @property
    def served_id(self) -> str:
        """The id this server knows the document by, which a link's `doc=` names and its
        saved scenarios are kept under: the folder's name (a shipped folder's name is its
        id; a reader's saved document's is its store id, while its `meta.id` is that of
        its text, shared by every copy saved from the same text)."""
        return self.folder.name

    def section_at(self, offset: int) -> str:
        """Which part of the document a character offset falls in."""
        first, *rest = self.meta.sections
        current = first.name
        for section in rest:
            start = self.text.find(section.starts or "")
            if 0 <= start <= offset:
                current = section.name
        return current

    def citation(self) -> str:
        m = self.meta
        return f"{m['author']} ({m['date']}). {m['title']}. {m['publisher']}."


def load_document(folder: Folder) -> Document:
    """Read `document.yaml` and the text it names, hashing the exact bytes."""
    meta_path = folder / "document.yaml"
    meta = validate(DocumentMeta, meta_path, "document", read_yaml(meta_path))
    text_path = folder / meta.text_file
    try:
        raw = text_path.read_bytes()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(text_path, f"cannot be read ({exc.__class__.__name__})") from exc
    for section in meta.sections[1:]:
        if section.starts not in text:
            raise DataError(meta_path, f"the section {section.name!r} starts with "
                                       f"{section.starts!r}, which the text does not hold",
                            "document", "sections")
    return Document(folder=folder, meta=meta, text=text, sha256=hashlib.sha256(raw).hexdigest())
