"""The store (claimscope/store): saved scenarios and readers' documents, on SQLite and on a
real PostgreSQL server (the `store` fixture runs each test on both; tests/conftest.py)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope.store import documents as docs
from claimscope.store.database import (
    Store,
    StoreLimit,
    StoreUnavailable,
    database_url,
    open_store,
)
from claimscope.store.ids import is_id, new_id
from claimscope.store.scenarios import (
    MAX_PER_OWNER,
    Draft,
    delete_scenarios,
    owner_scenarios,
    save_scenarios,
    scenario,
)
from claimscope.store.tables import scenarios as scenarios_table

ROOT = Path(__file__).resolve().parent.parent
DOC = "ecpat-2018"


def names(store: Store, owner: str, document: str = DOC) -> list[str]:
    return [s.name for s in owner_scenarios(store, owner, document)]


def test_ids_are_unguessable_and_short() -> None:
    made = {new_id() for _ in range(2000)}
    assert len(made) == 2000
    assert all(is_id(i) and len(i) == 22 for i in made)  # 16 random bytes: 128 bits
    for bad in ["", "short", "x" * 65, "abc/def" * 5, "a" * 21 + "!", None, 12]:
        assert not is_id(bad)


def test_saved_scenarios_come_back_for_their_owner_in_order(store: Store) -> None:
    me, other = new_id(), new_id()
    saved, messages = save_scenarios(store, me, DOC, [Draft("Ten percent", {"share": 10}),
                                                      Draft("Half", {"unique": 50.5})])
    assert messages == []
    save_scenarios(store, other, DOC, [Draft("Theirs", {"share": 3})])
    save_scenarios(store, me, "another-doc", [Draft("Elsewhere", {"x": 1})])
    kept = owner_scenarios(store, me, DOC)
    assert [s.name for s in kept] == ["Ten percent", "Half"]
    assert [s.params for s in kept] == [{"share": 10}, {"unique": 50.5}]
    assert [s.id for s in kept] == [s.id for s in saved]
    assert all(s.saved_at.tzinfo is not None for s in kept)
    assert names(store, other) == ["Theirs"]


def test_a_scenario_opens_by_id_for_anyone(store: Store) -> None:
    params = {"share": 9, "unique_dist": "pert"}
    saved, _ = save_scenarios(store, new_id(), DOC, [Draft("Shared", params, "Because.")])
    found = scenario(store, saved[0].id)
    assert found is not None
    assert (found.name, found.document, found.params, found.why) == ("Shared", DOC, params,
                                                                     "Because.")
    assert scenario(store, new_id()) is None  # well formed, unknown
    assert scenario(store, "'; DROP TABLE scenarios; --") is None  # malformed: no query


def test_taken_names_are_numbered_not_replaced(store: Store) -> None:
    me = new_id()
    save_scenarios(store, me, DOC, [Draft("Mine", {"share": 1})])
    saved, messages = save_scenarios(store, me, DOC,
                                     [Draft("Mine", {"share": 2}), Draft("Preset", {"share": 3}),
                                      Draft("Mine", {"share": 4})], reserved=["Preset"])
    assert [s.name for s in saved] == ["Mine (2)", "Preset (2)", "Mine (3)"]
    assert len(messages) == 3 and "“Mine” is already taken; saved as “Mine (2)”." in messages
    assert names(store, me) == ["Mine", "Mine (2)", "Preset (2)", "Mine (3)"]


def test_hostile_names_are_kept_as_text(store: Store) -> None:
    me = new_id()
    hostile = ["<script>alert(1)</script>", "Robert'); DROP TABLE scenarios;--",
               "**bold** [link](javascript:x)", "名前 🙂 ‮reversed", "%s %(x)s {0}"]
    save_scenarios(store, me, DOC, [Draft(name, {"share": 1}) for name in hostile])
    assert names(store, me) == hostile
    for bad in ["", "   ", "line\nbreak", "nul\x00", "x" * 201]:
        with pytest.raises(StoreLimit):
            save_scenarios(store, me, DOC, [Draft(bad, {"share": 1})])
    assert names(store, me) == hostile


@settings(deadline=None, max_examples=25)
@given(name=st.text(st.characters(min_codepoint=32, exclude_categories=("Cs", "Cc")),
                    min_size=1, max_size=80).filter(str.strip))
def test_any_one_line_name_round_trips(tmp_path_factory: pytest.TempPathFactory,
                                       name: str) -> None:
    store = open_store(f"sqlite+pysqlite:///{tmp_path_factory.getbasetemp()}/names.sqlite3")
    me = new_id()
    saved, _ = save_scenarios(store, me, DOC, [Draft(name, {"share": 1})])
    assert scenario(store, saved[0].id).name == name


def test_limits_refuse_the_whole_save(store: Store) -> None:
    me = new_id()
    with pytest.raises(StoreLimit, match="too many settings"):
        save_scenarios(store, me, DOC, [Draft("Fine", {"share": 1}),
                                        Draft("Huge", {f"p{i}": "x" * 40 for i in range(500)})])
    assert names(store, me) == []  # all or none
    save_scenarios(store, me, DOC, [Draft(f"S{i}", {"share": i}) for i in range(MAX_PER_OWNER)])
    with pytest.raises(StoreLimit, match=f"At most {MAX_PER_OWNER}"):
        save_scenarios(store, me, DOC, [Draft("One more", {"share": 1})])
    assert len(names(store, me)) == MAX_PER_OWNER


def test_a_reader_deletes_only_their_own(store: Store) -> None:
    me, other = new_id(), new_id()
    mine, _ = save_scenarios(store, me, DOC, [Draft(n, {}) for n in "ABC"])
    theirs, _ = save_scenarios(store, other, DOC, [Draft("T", {})])
    assert delete_scenarios(store, me, [mine[0].id, mine[2].id, theirs[0].id, "bad id"]) == 2
    assert names(store, me) == ["B"]
    assert names(store, other) == ["T"]
    assert delete_scenarios(store, "not a token", [mine[1].id]) == 0


def test_bad_owner_tokens_see_nothing_and_save_nothing(store: Store) -> None:
    assert owner_scenarios(store, "", DOC) == []
    with pytest.raises(ValueError):
        save_scenarios(store, "<token>", DOC, [Draft("A", {})])


def test_many_threads_saving_at_once_lose_nothing(store: Store) -> None:
    """24 readers (one of them in 4 tabs) save 5 scenarios each at the same moment."""
    owners = [new_id() for _ in range(20)]
    shared = new_id()
    start = threading.Barrier(24)
    errors: list[BaseException] = []

    def saver(owner: str, tab: int) -> None:
        try:
            start.wait()
            for i in range(5):
                save_scenarios(store, owner, DOC, [Draft(f"Scenario {i}", {"share": tab + i})])
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=saver, args=(o, 0)) for o in owners]
    threads += [threading.Thread(target=saver, args=(shared, tab)) for tab in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert all(len(names(store, o)) == 5 for o in owners)
    shared_names = names(store, shared)
    assert len(shared_names) == 20 and len(set(shared_names)) == 20  # numbered, not lost
    with store.transaction() as connection:
        assert connection.execute(
            sa.select(sa.func.count()).select_from(scenarios_table)).scalar_one() == 120


KILLED_SAVE = """
import os, signal, sys
import sqlalchemy as sa
from claimscope.store.database import open_store
from claimscope.store.tables import scenarios
from datetime import UTC, datetime
store = open_store(sys.argv[1])
with store.transaction() as connection:
    connection.execute(sa.insert(scenarios), [
        {"id": f"killed-save-{i:011d}", "owner": "o" * 22, "document": "d", "name": f"n{i}",
         "params": {}, "why": "", "saved_at": datetime.now(UTC)} for i in range(3)])
    print("inserted", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_save_killed_mid_transaction_leaves_no_record(store: Store,
                                                        database_url: str) -> None:
    store.ready()
    result = subprocess.run([sys.executable, "-c", KILLED_SAVE, database_url], cwd=ROOT,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert "inserted" in result.stdout
    assert owner_scenarios(store, "o" * 22, "d") == []
    saved, _ = save_scenarios(store, new_id(), DOC, [Draft("After", {})])  # still works
    assert scenario(store, saved[0].id) is not None


# ---- Faults --------------------------------------------------------------------------

def closed_port() -> int:
    """A loopback port nothing listens on (a database that cannot be reached)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


UNREACHABLE = {  # (the same ids in every xdist worker: the port is chosen in the test)
    "postgresql": lambda: f"postgresql+psycopg://nobody:x@127.0.0.1:{closed_port()}/claimscope",
    "sqlite": lambda: "sqlite+pysqlite:////dev/null/cannot/be/made.sqlite3",
}


@pytest.mark.parametrize("kind", sorted(UNREACHABLE))
def test_an_unreachable_database_is_unavailable_quickly(kind: str) -> None:
    store = Store(UNREACHABLE[kind]())
    started = time.monotonic()
    with pytest.raises(StoreUnavailable):
        owner_scenarios(store, new_id(), DOC)
    with pytest.raises(StoreUnavailable):
        save_scenarios(store, new_id(), DOC, [Draft("A", {})])
    assert time.monotonic() - started < 10
    again = time.monotonic()
    with pytest.raises(StoreUnavailable):  # answered at once for a while
        scenario(store, new_id())
    assert time.monotonic() - again < 0.5
    store.close()


@pytest.mark.parametrize("url", ["not a url", "nosuchdb://x/y"])
def test_an_unusable_address_is_unavailable(url: str) -> None:
    with pytest.raises(StoreUnavailable, match="CLAIMSCOPE_DATABASE_URL"):
        open_store(url)


def test_the_default_database_is_sqlite_beside_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLAIMSCOPE_DATABASE_URL")
    assert database_url() == f"sqlite+pysqlite:///{ROOT / 'var' / 'claimscope.sqlite3'}"
    assert "/var/" in (ROOT / ".gitignore").read_text()


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path: Path) -> None:
    store = open_store(f"sqlite+pysqlite:///{tmp_path / 'wal.sqlite3'}")
    with store.transaction() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    assert open_store(store.url) is store  # one engine per database per process


# ---- Documents -----------------------------------------------------------------------

FILES = {"document.md": "# A report\n\nFive forces seized 26 million images.",
         "catalogue.yaml": "claims: []\n", "data/figures.yaml": "figures: []\n"}


def test_documents_are_saved_listed_replaced_and_deleted(store: Store) -> None:
    me, other = new_id(), new_id()
    first = docs.save_document(store, me, "My report", FILES)
    second = docs.save_document(store, me, "Another", {"document.md": "text"})
    assert docs.document(store, first.id).files == FILES  # anyone with the id
    assert [d.name for d in docs.owner_documents(store, me)] == ["Another", "My report"]
    replaced = docs.save_document(store, me, "My report, v2", {"document.md": "new"},
                                  document_id=first.id)
    assert replaced.created_at == first.created_at and replaced.updated_at >= first.updated_at
    assert docs.document(store, first.id).files == {"document.md": "new"}
    assert docs.owner_documents(store, me)[0].name == "My report, v2"
    with pytest.raises(StoreLimit, match="no such document of yours"):
        docs.save_document(store, other, "Hijack", FILES, document_id=second.id)
    assert not docs.delete_document(store, other, second.id)
    assert docs.delete_document(store, me, second.id)
    assert docs.document(store, second.id) is None
    assert docs.owner_documents(store, other) == []


def test_documents_are_bounded(store: Store) -> None:
    me = new_id()
    for bad in [{}, {"../etc/passwd": "x"}, {"/abs.md": "x"}, {"a/b/c/d.md": "x"},
                {f"f{i}.md": "x" for i in range(docs.MAX_FILES + 1)},
                {"document.md": "x" * (docs.MAX_BYTES + 1)}, {"document.md": b"bytes"}]:
        with pytest.raises(StoreLimit):
            docs.save_document(store, me, "Bad", bad)
    for i in range(docs.MAX_PER_OWNER):
        docs.save_document(store, me, f"Doc {i}", {"document.md": "x"})
    with pytest.raises(StoreLimit, match=f"At most {docs.MAX_PER_OWNER}"):
        docs.save_document(store, me, "One more", {"document.md": "x"})
    assert len(docs.owner_documents(store, me)) == docs.MAX_PER_OWNER


def test_a_documents_text_is_kept_exactly(store: Store) -> None:
    text = "Zero\x00byte, tab\t, CRLF\r\n, emoji 🙂, <b>html</b>, {{ template }}"
    saved = docs.save_document(store, new_id(), "Exact", {"document.md": text})
    assert docs.document(store, saved.id).files["document.md"] == text


def test_the_app_does_not_need_the_environment_variable(monkeypatch: pytest.MonkeyPatch,
                                                        tmp_path: Path) -> None:
    """Opening the default store makes its folder (here: a fresh one) on first use."""
    url = f"sqlite+pysqlite:///{tmp_path / 'new' / 'folder' / 'db.sqlite3'}"
    store = open_store(url)
    assert owner_scenarios(store, new_id(), DOC) == []
    assert (tmp_path / "new" / "folder" / "db.sqlite3").exists()
    assert os.environ["CLAIMSCOPE_DATABASE_URL"] != url
