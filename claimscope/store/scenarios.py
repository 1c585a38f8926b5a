"""Saved scenarios in the store: a name and a view (as the URL contract's parameters,
exactly what a scenarios file holds for it) of one document, kept for the owner token of
the browser that saved it, with an unguessable id that anyone holding a link may open.

The store keeps the parameters as given; whoever reads them back passes them through the
link validation (`claimscope.link.scenarios.view_from_params`), as for a file or a link.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa

from claimscope.store.database import Store, StoreLimit, check_name
from claimscope.store.ids import is_id, new_id
from claimscope.store.tables import DOCUMENT_LENGTH, NAME_LENGTH, WHY_LENGTH, scenarios
from claimscope.text.names import unique_names

MAX_PER_OWNER = 200  # saved scenarios of one owner for one document
MAX_PARAMS_BYTES = 16 * 1024  # of one scenario's parameters as JSON (a full view: ~1 KB)

Params = Mapping[str, str | int | float]


@dataclass(frozen=True)
class Draft:
    """A scenario to save: its name, its view as parameters, an optional rationale."""

    name: str
    params: Params
    why: str = ""


@dataclass(frozen=True)
class SavedScenario:
    id: str
    document: str
    name: str
    params: dict[str, str | int | float]
    why: str
    saved_at: datetime


def _saved(row: sa.Row) -> SavedScenario:
    saved_at = row.saved_at if row.saved_at.tzinfo else row.saved_at.replace(tzinfo=UTC)
    return SavedScenario(row.id, row.document, row.name, dict(row.params), row.why, saved_at)


def _checked(draft: Draft) -> Draft:
    check_name(draft.name, NAME_LENGTH, "scenario")
    params = dict(draft.params)
    if len(json.dumps(params)) > MAX_PARAMS_BYTES:
        raise StoreLimit("The scenario holds too many settings to be saved.")
    if len(draft.why) > WHY_LENGTH or "\x00" in draft.why:
        raise StoreLimit(f"A scenario's rationale must be at most {WHY_LENGTH} characters.")
    return Draft(draft.name, params, draft.why)


def save_scenarios(store: Store, owner: str, document: str, drafts: Sequence[Draft],
                   reserved: Iterable[str] = ()) -> tuple[list[SavedScenario], list[str]]:
    """Save scenarios for `owner` in one transaction: all or none.

    A name already taken by the owner's saved scenarios of this document (or `reserved`,
    e.g. the presets' names) gets a number after it; the messages say which. Raises
    StoreLimit past `MAX_PER_OWNER` or for an oversized scenario, StoreUnavailable when
    the database cannot be used.
    """
    if not is_id(owner):
        raise ValueError("not an owner token")
    if not document or len(document) > DOCUMENT_LENGTH:
        raise ValueError("not a document id")
    checked = [_checked(draft) for draft in drafts]
    with store.transaction() as connection:
        store.lock_owner(connection, owner)
        taken = connection.execute(
            sa.select(scenarios.c.name).where(scenarios.c.owner == owner,
                                              scenarios.c.document == document)
        ).scalars().all()
        if len(taken) + len(checked) > MAX_PER_OWNER:
            raise StoreLimit(f"At most {MAX_PER_OWNER} scenarios can be saved for this "
                             f"document; you have {len(taken)}. Delete some to save more.")
        names, messages = unique_names([d.name for d in checked], [*taken, *reserved])
        now = datetime.now(UTC)
        rows = [{"id": new_id(), "owner": owner, "document": document, "name": name,
                 "params": draft.params, "why": draft.why, "saved_at": now}
                for name, draft in zip(names, checked, strict=True)]
        if rows:
            connection.execute(sa.insert(scenarios), rows)
    return ([SavedScenario(r["id"], document, r["name"], r["params"], r["why"], now)
             for r in rows], messages)


def owner_scenarios(store: Store, owner: str, document: str) -> list[SavedScenario]:
    """The owner's saved scenarios of `document`, in the order they were saved."""
    if not is_id(owner):
        return []
    with store.transaction() as connection:
        rows = connection.execute(
            sa.select(scenarios).where(scenarios.c.owner == owner,
                                       scenarios.c.document == document)
            .order_by(scenarios.c.seq)
        ).all()
    return [_saved(row) for row in rows]


def scenario(store: Store, scenario_id: str) -> SavedScenario | None:
    """The saved scenario with this id, whoever saved it (None: no such id)."""
    if not is_id(scenario_id):
        return None
    with store.transaction() as connection:
        row = connection.execute(
            sa.select(scenarios).where(scenarios.c.id == scenario_id)).first()
    return _saved(row) if row is not None else None


def delete_scenarios(store: Store, owner: str, ids: Iterable[str]) -> int:
    """Delete the owner's scenarios with these ids (others' are untouched); how many."""
    wanted = [i for i in ids if is_id(i)]
    if not wanted or not is_id(owner):
        return 0
    with store.transaction() as connection:
        result = connection.execute(
            sa.delete(scenarios).where(scenarios.c.owner == owner,
                                       scenarios.c.id.in_(wanted)))
    return result.rowcount
