"""N ClaimScope replicas on loopback behind HAProxy, sharing one PostgreSQL database
(`make serve-replicas REPLICAS=N`).

Starts a PostgreSQL server on loopback in a temporary folder (deploy/postgres.py) unless
`CLAIMSCOPE_DATABASE_URL` names a database already, renders `deploy/haproxy.cfg` for N
replicas (its `bind` line and the server lines between the `replicas` markers), starts N
`streamlit run serve.py` servers on loopback ports, all pointed at that database, and
HAProxy in front of them, waits until every replica and the proxy answer the health check,
and serves until interrupted. `bench/load.py --replicas N` uses `serve()` the same way.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script (make serve-replicas): the app's packages
from claimscope.store.database import URL_VARIABLE  # noqa: E402
from deploy.postgres import postgres_server  # noqa: E402

CONFIG = ROOT / "deploy" / "haproxy.cfg"
STREAMLIT = ROOT / ".venv" / "bin" / "streamlit"
HOST = "127.0.0.1"
START_TIMEOUT = 60.0  # s for every replica (and the proxy) to answer the health check
STOP_TIMEOUT = 10.0  # s before SIGTERM becomes SIGKILL
REPLICAS = re.compile(r"^( *)# replicas begin\n.*?^ *# replicas end\n", re.M | re.S)
BIND = re.compile(r"^( *)bind \S+$", re.M)


def haproxy_binary() -> str:
    found = shutil.which("haproxy") or ("/usr/sbin/haproxy"
                                         if Path("/usr/sbin/haproxy").exists() else None)
    if found is None:
        raise RuntimeError("HAProxy is not installed (apt-get install -y haproxy)")
    return found


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def render(proxy_port: int, replica_ports: list[int], template: str | None = None) -> str:
    """deploy/haproxy.cfg with the proxy on `proxy_port` and one server per replica port."""
    text = CONFIG.read_text() if template is None else template

    def servers(match: re.Match[str]) -> str:
        indent = match.group(1)
        lines = [f"{indent}server r{i} {HOST}:{port} check cookie r{i}"
                 for i, port in enumerate(replica_ports, start=1)]
        return f"{indent}# replicas begin\n" + "\n".join(lines) + f"\n{indent}# replicas end\n"

    text, count = REPLICAS.subn(servers, text)
    text, binds = BIND.subn(lambda m: f"{m.group(1)}bind {HOST}:{proxy_port}", text)
    if count != 1 or binds != 1:
        raise ValueError(f"{CONFIG}: expected one `bind` line and one replicas block")
    return text


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def wait_healthy(process: subprocess.Popen, url: str, what: str, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while not healthy(url):
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited ({process.returncode}); see {log}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} not healthy after {START_TIMEOUT:.0f} s; see {log}")
        time.sleep(0.2)


@contextmanager
def running(command: list[str], log: Path,
            env: dict[str, str] | None = None) -> Iterator[subprocess.Popen]:
    """A process in its own process group, stopped (SIGTERM, then SIGKILL) on exit."""
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True,
                                   env=env)
    try:
        yield process
    finally:
        stop(process)


def stop(process: subprocess.Popen) -> None:
    """SIGTERM to a process started in its own session (its whole group), then SIGKILL."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@dataclass(frozen=True)
class Replicas:
    """What `serve` started: the proxy's address, the replica processes (in order r1,
    r2, …), and the database they share."""

    url: str
    servers: list[subprocess.Popen]
    database_url: str


@contextmanager
def serve(replicas: int, proxy_port: int | None = None, log_dir: Path | None = None,
          database_url: str | None = None) -> Iterator[Replicas]:
    """Start `replicas` servers on `database_url` (None: a PostgreSQL server started here)
    and HAProxy in front of them; stop them all on exit."""
    if replicas < 1:
        raise ValueError("at least one replica")
    log_dir = log_dir or Path(tempfile.mkdtemp(prefix="claimscope-replicas-"))
    proxy_port = proxy_port or free_port()
    ports = [free_port() for _ in range(replicas)]
    config = log_dir / "haproxy.cfg"
    config.write_text(render(proxy_port, ports))
    haproxy = haproxy_binary()
    subprocess.run([haproxy, "-c", "-q", "-f", str(config)], check=True)
    with ExitStack() as stack:
        if database_url is None:
            database_url = stack.enter_context(postgres_server())
        env = {**os.environ, URL_VARIABLE: database_url}
        servers = []
        for i, port in enumerate(ports, start=1):
            log = log_dir / f"replica-{i}.log"
            command = [str(STREAMLIT), "run", "serve.py", "--server.port", str(port),
                       "--server.address", HOST, "--server.headless", "true",
                       "--server.fileWatcherType", "none", "--browser.gatherUsageStats",
                       "false"]
            servers.append((stack.enter_context(running(command, log, env)), port, log))
        for i, (process, port, log) in enumerate(servers, start=1):
            wait_healthy(process, f"http://{HOST}:{port}/_stcore/health", f"replica {i}", log)
        log = log_dir / "haproxy.log"
        proxy = stack.enter_context(running([haproxy, "-db", "-f", str(config)], log))
        url = f"http://{HOST}:{proxy_port}"
        wait_healthy(proxy, f"{url}/_stcore/health", "HAProxy", log)
        yield Replicas(url, [process for process, _, _ in servers], database_url)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--port", type=int, default=8500, help="the proxy's loopback port")
    args = parser.parse_args()
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(True))
    log_dir = Path(tempfile.mkdtemp(prefix="claimscope-replicas-"))
    existing = os.environ.get(URL_VARIABLE) or None
    with serve(args.replicas, args.port, log_dir, existing) as started:
        where = ("the database CLAIMSCOPE_DATABASE_URL names" if existing else
                 "a PostgreSQL server started for them on loopback")
        print(f"ClaimScope: {args.replicas} replica(s) behind HAProxy at {started.url}/, "
              f"sharing {where} (logs and config in {log_dir}); Ctrl-C stops them.",
              flush=True)
        try:
            while not stop:
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
