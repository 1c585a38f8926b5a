"""External sources behind the figures ClaimScope supplies itself (README, "Data and credits").

The catalogue traces the document's numbers to its words; everything else shown (ranges,
presets, context data, reference figures, caveats) is ClaimScope's own claim. Each such
record cites the sources that support it, or states the judgement it rests on, so that no
figure passes as evidence without saying which. Citations are checked against
`sources.yaml` on load, both ways: no unknown source, no source that nothing cites.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import AfterValidator, BeforeValidator, PlainValidator, model_validator

from claimscope.files.folder import DataFile, Folder
from claimscope.files.schema import (
    DataError,
    FieldProblem,
    Prose,
    Record,
    Text,
    Texts,
    brief,
    load_records,
)

SOURCES_FILE = "sources.yaml"
MAX_QUOTE = 300  # characters: a quote supports a figure, it does not reproduce the source
_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
_DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")


class Citation(NamedTuple):
    """One source cited by a record: for the whole record (`field` None) or one field."""

    field: str | None
    source: str  # an id in sources.yaml, or a full https address


class Cited(NamedTuple):
    """Where a source is cited: file, record id and field (None: the whole record)."""

    file: str
    record: str
    field: str | None
    source: str


def is_address(reference: str) -> bool:
    """A citation by full https address rather than by an id of sources.yaml."""
    return reference.startswith("https://") and not any(c.isspace() for c in reference)


def _reference(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"must list source ids or https addresses, not {brief(value, 40)}")
    if is_address(value) or _ID.fullmatch(value):
        return value
    raise ValueError(f"{brief(value, 40)} is neither a source id (lower-case letters, digits, "
                     "hyphens) nor a full https address")


def _citations(value: Any) -> tuple[Citation, ...]:
    """`sources: [ids]` for the whole record, or `sources: {field: [ids]}` per field."""
    if value is None:
        return ()
    if isinstance(value, list):
        return tuple(Citation(None, _reference(v)) for v in value)
    if isinstance(value, dict):
        cited = []
        for field, refs in value.items():
            if not isinstance(field, str) or not isinstance(refs, list) or not refs:
                raise ValueError("must map each field name to a non-empty list of sources; "
                                 f"got {brief(field, 40)}: {brief(refs, 40)}")
            cited += [Citation(field, _reference(v)) for v in refs]
        return tuple(cited)
    raise ValueError(f"must be a list of sources or a mapping of field names to lists of "
                     f"sources, not {brief(value)}")


Citations = Annotated[tuple[Citation, ...], PlainValidator(
    _citations, json_schema_input_type=list[str] | dict[str, list[str]] | None)]


class Sourced(Record):
    """A factual record ClaimScope supplies: it cites `sources`, or gives the `judgement`
    (reasoning) it rests on where no source supports it, or both."""

    sources: Citations = ()
    judgement: Prose | None = None

    @property
    def is_factual(self) -> bool:
        """Whether the record states something that needs backing (a subclass may say
        no, e.g. a preset that only sets no figure of its own)."""
        return True

    @model_validator(mode="after")
    def _backed(self) -> Sourced:
        if self.is_factual and not self.sources and self.judgement is None:
            raise FieldProblem("sources", "is missing: cite a source (an id in sources.yaml "
                               "or an https address) or give a judgement with the reasoning")
        fields = set(type(self).model_fields) - {"sources", "judgement"}
        for citation in self.sources:
            if citation.field is not None and citation.field not in fields:
                raise FieldProblem("sources", f"cites a source for {citation.field!r}, "
                                   "which is not a field of this record")
        return self

    def cited(self, file: str, record: str) -> list[Cited]:
        return [Cited(file, record, c.field, c.source) for c in self.sources]


def _source_id(value: str) -> str:
    if not _ID.fullmatch(value):
        raise ValueError(f"must be lower-case letters, digits and hyphens; got {brief(value, 40)}")
    return value


UNDATED = "undated"  # a page that gives no date: said, never guessed


def _date(value: Any) -> Any:
    if not isinstance(value, str):
        raise ValueError(f"must be text in quotes (YYYY, YYYY-MM or YYYY-MM-DD), not "
                         f"{brief(value, 40)}")
    if value != UNDATED and not _DATE.fullmatch(value):
        raise ValueError(f"must be YYYY, YYYY-MM or YYYY-MM-DD (or {UNDATED!r}); got "
                         f"{brief(value, 40)}")
    return value


def _address(value: str) -> str:
    """The address of the copy read: https, or http where the page was stored so (changing
    the scheme would name an address nobody read)."""
    if not (is_address(value) or is_address("https://" + value.removeprefix("http://"))
            and value.startswith("http://")):
        raise ValueError(f"must be a full https address (or http, as the copy read was "
                         f"stored); got {brief(value, 60)}")
    return value


def _short(quotes: tuple[str, ...]) -> tuple[str, ...]:
    for quote in quotes:
        if len(quote) > MAX_QUOTE:
            raise ValueError(f"a quote must be short (at most {MAX_QUOTE} characters); "
                             f"got {len(quote):,}")
    return quotes


class Source(Record):
    """One external source: who, what, when, where, what was read of it, and its exact
    supporting words (`quotes`, possibly none yet where only a page was located)."""

    id: Annotated[Text, AfterValidator(_source_id)]
    author: Prose
    publisher: Prose | None = None
    title: Prose
    date: Annotated[str, BeforeValidator(_date, json_schema_input_type=str)]  # or 'undated'
    url: Annotated[Text, AfterValidator(_address)]
    read: Literal["full", "excerpt"]
    quotes: Annotated[Texts, AfterValidator(_short)]
    note: Prose | None = None


def load_sources(path: DataFile) -> dict[str, Source]:
    return {s.id: s for s in load_records(path, "sources", Source)}


def check_citations(sources: Mapping[str, Source], folder: Folder,
                    cited: Iterable[Cited]) -> None:
    """Every cited id names a source, and every source is cited by some record."""
    used: set[str] = set()
    for where in cited:
        if is_address(where.source):
            continue
        if where.source not in sources:
            raise DataError(folder / where.file, f"names unknown source {where.source!r} "
                            f"(not in {SOURCES_FILE})", where.record, "sources")
        used.add(where.source)
    for source_id in sources:
        if source_id not in used:
            raise DataError(folder / SOURCES_FILE, "cited by no record", source_id)

