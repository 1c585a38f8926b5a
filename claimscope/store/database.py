"""The store of a process: which database (`CLAIMSCOPE_DATABASE_URL`, else SQLite beside
the app), one engine for it, its schema brought up to date on first use, and every fault
of the database turned into one exception the pages can explain (`StoreUnavailable`).

SQLite runs in WAL mode with a busy timeout, and each transaction takes the write lock at
its start (`BEGIN IMMEDIATE`), so concurrent saves queue instead of failing half-way.
PostgreSQL is reached through psycopg 3 with a short connect timeout. After a failure the
store answers "unavailable" at once for a few seconds rather than making every page wait
on a dead server.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event, exc

from claimscope.store import migrate

URL_VARIABLE = "CLAIMSCOPE_DATABASE_URL"
APP_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_FILE = APP_ROOT / "var" / "claimscope.sqlite3"  # gitignored; made on first run
BUSY_TIMEOUT_MS = 5000  # how long SQLite waits for another writer
CONNECT_TIMEOUT_S = 3  # how long PostgreSQL's connect may take before "unavailable"
RETRY_AFTER_S = 3.0  # after a failure, answer "unavailable" at once for this long


class StoreUnavailable(RuntimeError):
    """The database cannot be reached or used right now; nothing was saved or read."""


class StoreLimit(ValueError):
    """A save refused for a limit (size, count); the message says which, in plain words."""


def check_name(name: object, limit: int, what: str) -> None:
    """Refuse a name that is empty, longer than `limit` or holds control characters (which
    PostgreSQL's text refuses); the message names `what`."""
    if (not isinstance(name, str) or not name.strip() or len(name) > limit
            or any(ord(c) < 32 or ord(c) == 127 for c in name)):
        raise StoreLimit(f"A {what}'s name must be one line of 1 to {limit} characters.")


def database_url() -> str:
    """`CLAIMSCOPE_DATABASE_URL`, or the default SQLite file (its folder made if missing)."""
    configured = os.environ.get(URL_VARIABLE, "").strip()
    return configured or f"sqlite+pysqlite:///{DEFAULT_FILE}"


def _sqlite_engine(url: sa.URL) -> sa.Engine:
    engine = sa.create_engine(url, connect_args={"check_same_thread": False,
                                                 "timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(connection, _record) -> None:  # noqa: ANN001 - a DB-API connection
        connection.isolation_level = None  # SQLAlchemy's "begin" below opens transactions
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")  # durable at each WAL checkpoint
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def make_engine(url: str) -> sa.Engine:
    """An engine for `url`, tuned for its database (see the module's docstring)."""
    parsed = sa.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            # Made on first run; if it cannot be, connecting fails: "unavailable".
            with suppress(OSError):
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        return _sqlite_engine(parsed)
    connect_args = ({"connect_timeout": CONNECT_TIMEOUT_S}
                    if parsed.get_backend_name() == "postgresql" else {})
    return sa.create_engine(parsed, pool_pre_ping=True, pool_size=5, max_overflow=20,
                            pool_timeout=10, connect_args=connect_args)


class Store:
    """One database: its engine, its schema made current once, and transactions that
    raise `StoreUnavailable` for any fault of the database itself."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self.engine = make_engine(url)
        except (exc.ArgumentError, exc.NoSuchModuleError, ValueError, ImportError) as error:
            raise StoreUnavailable(f"{URL_VARIABLE} is not a database address this app can "
                                   f"use ({error.__class__.__name__})") from error
        self.dialect = self.engine.dialect.name
        self._lock = threading.Lock()
        self._migrated = False
        self._failed_until = 0.0

    def _unavailable(self, error: BaseException) -> StoreUnavailable:
        self._failed_until = time.monotonic() + RETRY_AFTER_S
        return StoreUnavailable(f"the database cannot be used right now "
                                f"({error.__class__.__name__})")

    def _check(self) -> None:
        if time.monotonic() < self._failed_until:
            raise StoreUnavailable("the database could not be reached a moment ago")

    def ready(self) -> None:
        """Create or migrate the schema, once per process (again after a failure)."""
        self._check()
        if self._migrated:
            return
        with self._lock:
            if self._migrated:
                return
            try:
                migrate.upgrade(self.engine)
            except (exc.SQLAlchemyError, OSError) as error:
                raise self._unavailable(error) from error
            self._migrated = True

    @contextmanager
    def transaction(self) -> Iterator[sa.Connection]:
        """A connection in a transaction: committed when the block ends, rolled back (and
        nothing kept) if it raises or the process dies first."""
        self.ready()
        try:
            with self.engine.begin() as connection:
                yield connection
        except (exc.OperationalError, exc.InterfaceError, exc.TimeoutError) as error:
            raise self._unavailable(error) from error

    def lock_owner(self, connection: sa.Connection, owner: str) -> None:
        """Serialise one owner's writes (limits and names are checked, then written).
        SQLite's write lock already does; PostgreSQL takes an advisory lock."""
        if self.dialect == "postgresql":
            connection.execute(sa.text("SELECT pg_advisory_xact_lock(hashtext(:owner))"),
                               {"owner": owner})

    def close(self) -> None:
        self.engine.dispose()


_STORES: dict[str, Store] = {}
_STORES_LOCK = threading.Lock()


def open_store(url: str | None = None) -> Store:
    """The process's store for `url` (default: `database_url()`): one engine per database
    per process, made on first use. Opening does not connect; the first read or write
    does, and creates or migrates the schema. Raises StoreUnavailable for an address
    SQLAlchemy cannot use."""
    url = url or database_url()
    with _STORES_LOCK:
        if url not in _STORES:
            _STORES[url] = Store(url)
        return _STORES[url]


def forget_store(url: str) -> None:
    """Close and forget the process's store for `url` (tests that drop a database)."""
    with _STORES_LOCK:
        store = _STORES.pop(url, None)
    if store is not None:
        store.close()
