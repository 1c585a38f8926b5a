"""Shared test settings: the hypothesis profiles (every test's, the fuzz tests') and the
fuzz tests' example count, the test session's own database, and a real PostgreSQL server
for the store's tests.

Every property test runs without a deadline (the "loaded" profile, loaded here): what
they check is a property, not a speed, and CI runs them on a loaded machine, where one
example once took 546 ms against Hypothesis' default 200 ms. A test that means to bound
time says so with its own `deadline`.

Every test process (each pytest-xdist worker) points `CLAIMSCOPE_DATABASE_URL` at a SQLite
file of its own in a temporary folder, so AppTests and the servers the browser tests start
never write to `var/`. The store's tests run once on SQLite and once on PostgreSQL: a
server this session starts on a free loopback port (deploy/postgres.py: initdb + pg_ctl
in a temporary folder, as the `postgres` user under root), each test in a fresh database.
Without PostgreSQL installed those runs are skipped, but fail in CI (`CI=true`).

`make test` prints "fuzz examples: N" at the end, N being how many generated inputs the
fuzz tests (tests/test_fuzz.py) fed to the parsers and loaders in this run. Tests run in
parallel (pytest-xdist): each worker counts its own, and the controller adds them up.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, settings

from claimscope.store.database import URL_VARIABLE, Store, forget_store, open_store
from claimscope.store.ids import new_id
from deploy.postgres import installed, postgres_server

LOADED_PROFILE = "loaded"
settings.register_profile(LOADED_PROFILE, deadline=None)
settings.load_profile(LOADED_PROFILE)

_DATABASE_DIR = Path(tempfile.mkdtemp(prefix="claimscope-test-db-"))
atexit.register(shutil.rmtree, _DATABASE_DIR, ignore_errors=True)
os.environ[URL_VARIABLE] = f"sqlite+pysqlite:///{_DATABASE_DIR / 'claimscope.sqlite3'}"

FUZZ_PROFILE = "fuzz"
settings.register_profile(
    FUZZ_PROFILE,
    deadline=None,  # a loader reading a tmp file may stall on a busy CI machine
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.filter_too_much],
)

_COUNT = pytest.StashKey[dict[str, int]]()


@pytest.fixture(scope="session")
def fuzz_count(request: pytest.FixtureRequest) -> dict[str, int]:
    """Examples run per fuzz target; a test adds one per generated input it checks."""
    return request.config.stash.setdefault(_COUNT, {})


def pytest_sessionfinish(session: pytest.Session) -> None:
    """On an xdist worker: hand this worker's counts to the controller."""
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["fuzz_count"] = dict(session.config.stash.get(_COUNT, {}))


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error) -> None:  # noqa: ARG001
    """On the xdist controller: add up the counts each worker handed over."""
    total = node.config.stash.setdefault(_COUNT, {})
    for name, count in getattr(node, "workeroutput", {}).get("fuzz_count", {}).items():
        total[name] = total.get(name, 0) + count


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # noqa: ARG001
    counts = config.stash.get(_COUNT, {})
    if counts:
        detail = ", ".join(f"{name} {n:,}" for name, n in sorted(counts.items()))
        terminalreporter.write_line(f"fuzz examples: {sum(counts.values())} ({detail})")


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A PostgreSQL server for the session (its `postgres` database's URL), in a folder of
    its own under /tmp (pytest's are private to root, and the server runs as `postgres`)."""
    if not installed():
        reason = "PostgreSQL is not installed (apt-get install -y postgresql)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; the store's tests must run on it in CI", pytrace=False)
        pytest.skip(reason)
    with postgres_server(durable=False) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database: a SQLite file, or a new database on the session's
    PostgreSQL server (dropped afterwards)."""
    if request.param == "sqlite":
        url = f"sqlite+pysqlite:///{tmp_path / 'store.sqlite3'}"
        yield url
        forget_store(url)
        return
    server = request.getfixturevalue("postgres_url")
    name = "test_" + new_id().lower().replace("-", "_")
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
        url = sa.make_url(server).set(database=name).render_as_string(hide_password=False)
        yield url
        forget_store(url)
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture
def store(database_url: str) -> Store:
    """The process's store on an empty database (migrated on first use)."""
    return open_store(database_url)
