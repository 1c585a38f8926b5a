"""Readers' documents in the store: a document folder's files (name -> text) under a name,
kept for their owner, with an unguessable id a link can carry.

Bounded: at most `MAX_PER_OWNER` documents per owner, `MAX_FILES` files of plain names
(`document.md`, `data/figures.yaml`; no absolute paths, no `..`) and `MAX_BYTES` of text
in all. A save replaces the whole folder in one transaction.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa

from claimscope.store.database import Store, StoreLimit, check_name
from claimscope.store.ids import is_id, new_id
from claimscope.store.tables import NAME_LENGTH, documents

MAX_PER_OWNER = 20
MAX_FILES = 32
MAX_BYTES = 4 * 1024 * 1024  # of all the files' text, as UTF-8
FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}(/[A-Za-z0-9][A-Za-z0-9._-]{0,63}){0,2}")


@dataclass(frozen=True)
class SavedDocument:
    id: str
    name: str
    files: dict[str, str]
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class DocumentEntry:
    """A line of an owner's list: no files, just what tells the documents apart."""

    id: str
    name: str
    updated_at: datetime


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _checked(name: str, files: Mapping[str, str]) -> dict[str, str]:
    check_name(name, NAME_LENGTH, "document")
    if not files:
        raise StoreLimit("A document needs at least one file.")
    if len(files) > MAX_FILES:
        raise StoreLimit(f"A document can hold at most {MAX_FILES} files, not {len(files)}.")
    for path, text in files.items():
        if not isinstance(path, str) or not FILE_NAME.fullmatch(path) or ".." in path:
            raise StoreLimit("A file name may use letters, digits, '.', '_' and '-', in at "
                             "most three folder levels.")
        if not isinstance(text, str):
            raise StoreLimit("Every file of a document must be text.")
    size = len(json.dumps(dict(files), ensure_ascii=False).encode("utf-8"))
    if size > MAX_BYTES:
        raise StoreLimit(f"The document's files hold {size:,} bytes; at most "
                         f"{MAX_BYTES:,} can be saved.")
    return dict(files)


def save_document(store: Store, owner: str, name: str, files: Mapping[str, str],
                  document_id: str | None = None) -> SavedDocument:
    """Save a new document (no `document_id`) or replace one of the owner's.

    Raises StoreLimit (size, files, count; or an id that is not the owner's document),
    StoreUnavailable when the database cannot be used.
    """
    if not is_id(owner):
        raise ValueError("not an owner token")
    kept = _checked(name, files)
    now = datetime.now(UTC)
    with store.transaction() as connection:
        store.lock_owner(connection, owner)
        if document_id is None:
            count = connection.execute(
                sa.select(sa.func.count()).select_from(documents)
                .where(documents.c.owner == owner)).scalar_one()
            if count >= MAX_PER_OWNER:
                raise StoreLimit(f"At most {MAX_PER_OWNER} documents can be kept; you have "
                                 f"{count}. Delete one to save another.")
            document_id = new_id()
            connection.execute(sa.insert(documents).values(
                id=document_id, owner=owner, name=name, files=kept, created_at=now,
                updated_at=now))
            return SavedDocument(document_id, name, kept, now, now)
        row = connection.execute(
            sa.select(documents.c.created_at).where(documents.c.id == document_id,
                                                    documents.c.owner == owner)).first()
        if row is None:
            raise StoreLimit("There is no such document of yours to replace.")
        connection.execute(sa.update(documents).where(documents.c.id == document_id)
                           .values(name=name, files=kept, updated_at=now))
    return SavedDocument(document_id, name, kept, _utc(row.created_at), now)


def document(store: Store, document_id: str) -> SavedDocument | None:
    """The document with this id, whoever saved it (None: no such id)."""
    if not is_id(document_id):
        return None
    with store.transaction() as connection:
        row = connection.execute(
            sa.select(documents).where(documents.c.id == document_id)).first()
    if row is None:
        return None
    return SavedDocument(row.id, row.name, dict(row.files), _utc(row.created_at),
                         _utc(row.updated_at))


def owner_documents(store: Store, owner: str) -> list[DocumentEntry]:
    """The owner's documents, most recently changed first."""
    if not is_id(owner):
        return []
    with store.transaction() as connection:
        rows = connection.execute(
            sa.select(documents.c.id, documents.c.name, documents.c.updated_at)
            .where(documents.c.owner == owner)
            .order_by(documents.c.updated_at.desc(), documents.c.seq.desc())).all()
    return [DocumentEntry(row.id, row.name, _utc(row.updated_at)) for row in rows]


def delete_document(store: Store, owner: str, document_id: str) -> bool:
    """Delete one of the owner's documents; False if there was none of theirs."""
    if not (is_id(owner) and is_id(document_id)):
        return False
    with store.transaction() as connection:
        result = connection.execute(
            sa.delete(documents).where(documents.c.owner == owner,
                                       documents.c.id == document_id))
    return result.rowcount > 0
