"""A throwaway PostgreSQL server on loopback, in a temporary folder (Debian's `postgresql`).

`make serve-replicas`, `make load REPLICAS=N` and the test session use it so replicas (and
the store's tests) share a real PostgreSQL server with nothing to set up: `initdb` makes a
cluster in a new folder (password authentication, a random password), `pg_ctl` starts it
on a free port of 127.0.0.1 with its socket in that folder, and it is stopped (and the
folder removed) on exit. PostgreSQL refuses to run as root: as root, the folder is given
to the `postgres` user and the binaries run as that user (`runuser`).

To use an existing server instead, set `CLAIMSCOPE_DATABASE_URL` (README, Deploying).
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HOST = "127.0.0.1"
USER = "postgres"  # the cluster's superuser, and the system user it runs as under root
DATABASE = "postgres"
START_TIMEOUT = 60  # s for pg_ctl to see the server accept connections


def binaries() -> Path:
    """The folder of initdb and pg_ctl: Debian's newest /usr/lib/postgresql/*/bin, else PATH."""
    debian = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
                    key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit()
                    else 0)
    if debian:
        return debian[-1].parent
    found = shutil.which("pg_ctl")
    if found is None:
        raise RuntimeError("PostgreSQL is not installed (apt-get install -y postgresql)")
    return Path(found).resolve().parent


def installed() -> bool:
    try:
        binaries()
    except RuntimeError:
        return False
    return True


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _as_server_user(command: list[str]) -> list[str]:
    return ["runuser", "-u", USER, "--", *command] if os.geteuid() == 0 else command


def _give(path: Path) -> None:
    if os.geteuid() == 0:
        shutil.chown(path, USER, USER)


def _run(command: list[str], log: Path) -> None:
    with log.open("ab") as out:
        result = subprocess.run(_as_server_user(command), stdin=subprocess.DEVNULL, stdout=out,
                                stderr=subprocess.STDOUT, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{Path(command[0]).name} failed ({result.returncode}); see {log}")


def url(port: int, password: str, database: str = DATABASE) -> str:
    """The SQLAlchemy address of a database on the server (psycopg 3)."""
    return f"postgresql+psycopg://{USER}:{password}@{HOST}:{port}/{database}"


@contextmanager
def postgres_server(folder: Path | None = None, durable: bool = True) -> Iterator[str]:
    """Start a fresh server; yield its SQLAlchemy URL (database `postgres`); stop it on exit.

    `folder` (default: a new temporary folder, removed afterwards) holds the cluster, the
    socket and `postgres.log`. `durable=False` (tests) turns fsync off: faster, and safe
    against a killed process, not against a crash of the machine.
    """
    bin_dir = binaries()
    own_folder = folder is None
    root = Path(tempfile.mkdtemp(prefix="claimscope-postgres-")) if folder is None else folder
    root.mkdir(parents=True, exist_ok=True)
    _give(root)
    data, log = root / "data", root / "postgres.log"
    password = secrets.token_urlsafe(24)
    password_file = root / "password"
    password_file.write_text(password)
    password_file.chmod(0o600)
    _give(password_file)
    log.touch()
    _give(log)
    port = free_port()
    started = False
    try:
        _run([str(bin_dir / "initdb"), "-D", str(data), "-U", USER, "--auth=scram-sha-256",
              f"--pwfile={password_file}", "-E", "UTF8", "--locale=C.UTF-8"], log)
        password_file.unlink()
        options = f"-p {port} -k {root} -c listen_addresses={HOST} -c max_connections=200"
        if not durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        _run([str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t",
              str(START_TIMEOUT), "-o", options, "start"], log)
        started = True
        yield url(port, password)
    finally:
        if started:
            _run([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"], log)
        if own_folder:
            shutil.rmtree(root, ignore_errors=True)
