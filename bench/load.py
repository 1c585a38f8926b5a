"""Load and soak figures for ClaimScope (run with `make load`); loopback only, bounded.

Starts its own Streamlit server on a free localhost port, then drives reruns through
Streamlit's real browser protocol: a websocket to `/_stcore/stream` (subprotocol
"streamlit"), binary `BackMsg` frames out (`rerun_script` carrying a `ClientState` with the
query string, page and widget states) and binary `ForwardMsg` frames back, until the
`script_finished` message ends the run. Far lighter than browsers on a small machine.

The client is the `websockets` package: Streamlit 1.67 serves through uvicorn, which
installs it, so nothing extra is needed, and its asyncio client holds many concurrent
sessions in one thread. (Tornado, which older Streamlit used, is not installed.)

With `--replicas N` (`make load REPLICAS=N`) it starts N servers behind HAProxy instead
(`deploy/replicas.py`, config `deploy/haproxy.cfg`) and drives them through the proxy.
Like a browser, each session first loads the page over HTTP and sends the cookies of that
response (HAProxy's `SERVERID` affinity cookie) with its websocket, so it stays on the
replica that served it; the spread of sessions over replicas is printed.

Two phases, printed as `name: value unit` lines:
- load: SESSIONS concurrent sessions on /projection, RERUNS reruns each. The first run of a
  session carries a query string (a different `share` per session, some with a range for
  the Monte Carlo); later reruns move the `share` slider, so every run recomputes, and
  every SAVE_EVERY-th rerun also saves the view as a scenario (the name field and the
  "Save scenario" button, as a reader does). Afterwards the saved rows are counted in the
  database the servers used (a fresh one: a SQLite file in the run's temporary folder, or
  the PostgreSQL server `deploy/replicas.py` starts for replicas): a save confirmed on
  screen but missing there, or one sent and neither confirmed nor failed, is lost.
- soak: one session, WARMUP reruns, then SOAK reruns; the server's RSS growth over the
  soak reruns shows whether anything accumulates per run.

An error is a run that ends with an exception element, without `script_finished`, with a
status other than success, with a "page not found", or a connection failure or timeout;
a save whose run shows no "Saved" confirmation is an error too. Exit status 1 when a goal
is missed (errors > 0, saves lost > 0, load rerun p95 > 3 s, or RSS growth > 10 %).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import psutil
import sqlalchemy as sa
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import ClientConnection, connect

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from claimscope.store.database import URL_VARIABLE, open_store  # noqa: E402
from claimscope.store.tables import scenarios  # noqa: E402
from deploy.replicas import serve, stop  # noqa: E402

STREAMLIT = ROOT / ".venv" / "bin" / "streamlit"
HOST = "127.0.0.1"
PAGE = "projection"
SLIDER_KEY = "share"  # moved on every rerun after the first
START_TIMEOUT = 60.0  # seconds for the server to answer its health check
RUN_TIMEOUT = 120.0  # seconds for one rerun to finish
RSS_GROWTH_GOAL = 10.0  # percent
P95_GOAL_MS = 3000.0  # load rerun latency, saves included
SAVE_EVERY = 5  # a load session saves on every fifth rerun
NAME_KEY, SAVE_KEY = "projection_save_name", "projection_save_button"  # /projection's
SUCCESS = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_SUCCESSFULLY")


def report(name: str, value: float, unit: str) -> None:
    print(f"{name}: {value:.4g} {unit}", flush=True)


# --- Server ----------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def start_server(port: int, log: Path, script: str = "serve.py",
                 database_url: str | None = None) -> subprocess.Popen:
    command = [str(STREAMLIT), "run", script, "--server.port", str(port),
               "--server.address", HOST, "--server.headless", "true",
               "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"]
    env = {**os.environ, URL_VARIABLE: database_url} if database_url else None
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True, env=env)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited ({process.returncode}); see {log}")
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/_stcore/health", timeout=2):
                return process
        except OSError:
            time.sleep(0.5)
    stop(process)
    raise RuntimeError(f"server did not answer within {START_TIMEOUT:.0f} s; see {log}")


def rss_mb(process: subprocess.Popen) -> float:
    return psutil.Process(process.pid).memory_info().rss / 2**20


# --- One session -----------------------------------------------------------------------

@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)  # seconds per finished rerun
    errors: list[str] = field(default_factory=list)
    replicas: Counter[str] = field(default_factory=Counter)  # sessions per affinity cookie
    saves_sent: int = 0
    saves_confirmed: int = 0

    @property
    def reruns(self) -> int:
        return len(self.latencies)


class Session:
    """One browser tab's worth of protocol: connect, rerun, read until the run finishes."""

    def __init__(self, port: int, tally: Tally) -> None:
        self.page_url = f"http://{HOST}:{port}/{PAGE}"
        self.url = f"ws://{HOST}:{port}/_stcore/stream"
        self.tally = tally
        self.slider_id: str | None = None
        self.widget_ids: dict[str, str] = {}  # the save controls' ids, by key
        self.socket: ClientConnection | None = None

    async def __aenter__(self) -> Session:
        cookies = await asyncio.to_thread(page_cookies, self.page_url)
        self.tally.replicas[cookies.get("SERVERID", "direct")] += 1
        header = "; ".join(f"{name}={value}" for name, value in cookies.items())
        self.socket = await connect(self.url, subprotocols=["streamlit"], max_size=None,
                                    open_timeout=RUN_TIMEOUT,
                                    additional_headers={"Cookie": header} if header else None)
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self.socket is not None:
            await self.socket.close()

    async def rerun(self, query: str = "", slider_value: float | None = None,
                    save_as: str | None = None) -> None:
        """One run; with `save_as`, the name typed and "Save scenario" pressed in it."""
        message = BackMsg()
        state = message.rerun_script
        state.query_string = query
        state.page_name = PAGE
        if slider_value is not None and self.slider_id is not None:
            widget = state.widget_states.widgets.add()
            widget.id = self.slider_id
            widget.double_array_value.data.append(slider_value)
        saving = save_as is not None and {NAME_KEY, SAVE_KEY} <= set(self.widget_ids)
        if saving:
            name = state.widget_states.widgets.add()
            name.id, name.string_value = self.widget_ids[NAME_KEY], save_as
            button = state.widget_states.widgets.add()
            button.id, button.trigger_value = self.widget_ids[SAVE_KEY], True
            self.tally.saves_sent += 1
        started = time.perf_counter()
        try:
            await self.socket.send(message.SerializeToString())
            problem, confirmed = await asyncio.wait_for(self._until_finished(), RUN_TIMEOUT)
        except Exception as exc:  # noqa: BLE001 - a timeout, closed socket or bad frame: counted
            problem, confirmed = f"{exc.__class__.__name__}: {exc}", False
        if saving and not problem:
            if confirmed:
                self.tally.saves_confirmed += 1
            else:
                problem = "a save showed no confirmation"
        if problem:
            self.tally.errors.append(problem)
        else:
            self.tally.latencies.append(time.perf_counter() - started)

    async def _until_finished(self) -> tuple[str | None, bool]:
        """Read until the run finishes: (a problem or None, whether it confirmed a save)."""
        problem, confirmed = None, False
        while True:
            msg = ForwardMsg()
            msg.ParseFromString(await self.socket.recv())
            kind = msg.WhichOneof("type")
            if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                which = element.WhichOneof("type")
                if which == "exception":
                    problem = problem or f"exception: {element.exception.message[:200]}"
                elif which == "slider" and element.slider.id.endswith(f"-{SLIDER_KEY}"):
                    self.slider_id = element.slider.id
                elif which in ("text_input", "button"):
                    widget_id = getattr(element, which).id
                    for key in (NAME_KEY, SAVE_KEY):
                        if widget_id.endswith(f"-{key}"):
                            self.widget_ids[key] = widget_id
                elif which == "alert" and element.alert.body.startswith("Saved “"):
                    confirmed = True
            elif kind == "page_not_found":
                problem = problem or "page not found"
            elif kind == "script_finished":
                if msg.script_finished != SUCCESS:
                    name = ForwardMsg.ScriptFinishedStatus.Name(msg.script_finished)
                    problem = problem or f"script finished: {name}"
                return problem, confirmed


def page_cookies(url: str) -> dict[str, str]:
    """The cookies the page's HTTP response sets (as a browser loads it before connecting)."""
    with urllib.request.urlopen(url, timeout=RUN_TIMEOUT) as response:
        response.read()
        headers = response.headers.get_all("Set-Cookie") or []
    pairs = (header.split(";", 1)[0].split("=", 1) for header in headers)
    return {name.strip(): value.strip() for name, value in pairs}


def share_values(count: int, offset: int) -> list[float]:
    """Distinct `share` percentages (0.5 to 100), so no two reruns in a row are the same."""
    return [round(0.5 + ((offset * 7 + i * 13) % 199) * 0.5, 2) for i in range(count)]


def first_query(index: int) -> str:
    """Each session starts from its own link; every fifth also asks for a Monte Carlo."""
    params = {"share": f"{share_values(1, index)[0]:g}"}
    if index % 5 == 0:
        params.update(unique_lo=f"{80 + index % 15}", unique_hi="100", samples="10000",
                      seed=str(index))
    return urlencode(params)


async def drive(port: int, index: int, reruns: int, tally: Tally,
                saving: bool = False) -> None:
    """One session's reruns; with `saving`, every SAVE_EVERY-th also saves a scenario."""
    try:
        async with Session(port, tally) as session:
            await session.rerun(first_query(index))
            for number, value in enumerate(share_values(reruns - 1, index + 1), start=2):
                save_as = (f"Load {index} run {number}"
                           if saving and number % SAVE_EVERY == 0 else None)
                await session.rerun(slider_value=value, save_as=save_as)
    except Exception as exc:  # noqa: BLE001 - a failed connection is a counted error
        tally.errors.append(f"{exc.__class__.__name__}: {exc}")


# --- Phases ----------------------------------------------------------------------------

def percentile(values: list[float], q: float) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def latency_lines(prefix: str, tally: Tally) -> None:
    ms = [s * 1000 for s in tally.latencies]
    report(f"{prefix} rerun latency p50", percentile(ms, 50), "ms")
    report(f"{prefix} rerun latency p95", percentile(ms, 95), "ms")
    report(f"{prefix} rerun latency max", max(ms, default=float("nan")), "ms")


async def load_phase(port: int, sessions: int, reruns: int) -> Tally:
    tally = Tally()
    await asyncio.gather(*(drive(port, i, reruns, tally, saving=True)
                           for i in range(sessions)))
    return tally


def saved_rows(database_url: str) -> int:
    """Scenarios in the database the servers used (it was empty when they started)."""
    store = open_store(database_url)
    with store.transaction() as connection:
        return connection.execute(
            sa.select(sa.func.count()).select_from(scenarios)).scalar_one()


async def soak_phase(port: int, warmup: int, reruns: int,
                     servers: list[subprocess.Popen]) -> tuple[Tally, float, float]:
    tally = Tally()
    async with Session(port, tally) as session:
        await session.rerun(first_query(1))
        for value in share_values(warmup, 3):
            await session.rerun(slider_value=value)
        before = sum(rss_mb(server) for server in servers)
        tally.latencies.clear()
        for value in share_values(reruns, 5):
            await session.rerun(slider_value=value)
        after = sum(rss_mb(server) for server in servers)
    return tally, before, after


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--reruns", type=int, default=20, help="per session in the load phase")
    parser.add_argument("--warmup", type=int, default=50, help="soak reruns before measuring")
    parser.add_argument("--soak", type=int, default=500, help="soak reruns measured")
    parser.add_argument("--script", default="serve.py",
                        help="the script one server runs (app.py: unwarmed)")
    parser.add_argument("--replicas", type=int, default=0,
                        help="N servers behind HAProxy (deploy/replicas.py); 0: one, direct")
    args = parser.parse_args()
    if args.replicas:
        log_dir = Path(tempfile.mkdtemp(prefix="claimscope-load-"))
        with serve(args.replicas, log_dir=log_dir) as started:
            report("replicas behind haproxy", args.replicas, "servers")
            ok = run_phases(int(started.url.rsplit(":", 1)[1]), started.servers, args,
                            started.database_url)
        print(f"server and proxy logs: {log_dir}", flush=True)
        return 0 if ok else 1
    port = free_port()
    folder = Path(tempfile.mkdtemp(prefix="claimscope-load-"))
    log, database_url = folder / "server.log", f"sqlite+pysqlite:///{folder / 'load.sqlite3'}"
    server = start_server(port, log, args.script, database_url)
    try:
        ok = run_phases(port, [server], args, database_url)
    finally:
        stop(server)
    print(f"server log and database: {folder}", flush=True)
    return 0 if ok else 1


def run_phases(port: int, servers: list[subprocess.Popen], args: argparse.Namespace,
               database_url: str) -> bool:
    """The load phase, then the soak phase, against `port`; True when every goal is met."""
    def rss() -> float:
        return sum(rss_mb(server) for server in servers)

    report("server rss at start", rss(), "MB")
    started = time.perf_counter()
    load = asyncio.run(load_phase(port, args.sessions, args.reruns))
    elapsed = time.perf_counter() - started
    report("load sessions", args.sessions, "sessions")
    report("load reruns", load.reruns, "reruns")
    report("load errors", len(load.errors), "errors")
    report("load throughput", load.reruns / elapsed, "reruns/s")
    latency_lines("load", load)
    rows = saved_rows(database_url)
    lost = load.saves_sent - rows
    report("load saves sent", load.saves_sent, "saves")
    report("load saves confirmed", load.saves_confirmed, "saves")
    report("load saves in the database", rows, "saves")
    report("load saves lost", lost, "saves")
    for replica, count in sorted(load.replicas.items()):
        report(f"load sessions on {replica}", count, "sessions")
    report("server rss after load", rss(), "MB")

    soak, before, after = asyncio.run(soak_phase(port, args.warmup, args.soak, servers))
    growth = (after - before) / before * 100
    report("soak reruns", soak.reruns, "reruns")
    report("soak errors", len(soak.errors), "errors")
    latency_lines("soak", soak)
    report("soak server rss before", before, "MB")
    report("soak server rss after", after, "MB")
    report("soak server rss growth", growth, "%")
    for problem in sorted(set(load.errors + soak.errors))[:10]:
        print(f"error: {problem}", file=sys.stderr)
    p95 = percentile([s * 1000 for s in load.latencies], 95)
    ok = (not load.errors and not soak.errors and growth <= RSS_GROWTH_GOAL and lost == 0
          and rows == load.saves_confirmed and load.saves_sent > 0 and p95 <= P95_GOAL_MS)
    expected = args.sessions * args.reruns
    if load.reruns + len(load.errors) < expected:
        print(f"error: only {load.reruns + len(load.errors)} of {expected} load reruns "
              "were attempted", file=sys.stderr)
        ok = False
    return ok


if __name__ == "__main__":
    sys.exit(main())
