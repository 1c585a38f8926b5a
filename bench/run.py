"""ClaimScope benchmarks: prints `name: value unit` lines (run with `make bench`).

Measures model throughput, the projection page's AppTest rerun time, the size of each
page's largest figure JSON, and saving a scenario: from "Save scenario" to the "Saved"
confirmation on /projection and /compare, twice. First in AppTest (as before: AppTest
reruns the whole script even for a button inside an `st.fragment`, so this is the whole
page's rerun). Then as a browser gets it from a real server (`save_served_*`): Streamlit's
own protocol over a websocket (bench/load.py's), the button's press sent the way the
browser sends it (naming the fragment it sits in), timed from sending it to the "Saved"
alert arriving and to the end of the run. And the store's own part (the write and the
list read back). Figures, not pass/fail: they go into closing notes. The database is a
fresh SQLite file in a temporary folder, unless CLAIMSCOPE_DATABASE_URL names one.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimscope.bundle import load_bundle  # noqa: E402
from claimscope.store.database import URL_VARIABLE, open_store  # noqa: E402
from claimscope.store.ids import new_id  # noqa: E402
from claimscope.store.scenarios import Draft, owner_scenarios, save_scenarios  # noqa: E402
from tests.apptest_helpers import release_panel  # noqa: E402

SAVE_PAGES = ("projection", "compare")
SAVES = 15

PAGES = ["overview", "projection", "compare", "sample_units", "estimates_over_time", "membership",
         "source", "method", "evidence"]  # scripts under components/pages/
# The suggested ranges of the five implicit assumptions, as a link would carry them.
RANGED_QUERY = {"unique_lo": "50", "unique_hi": "100", "rate_ratio_lo": "0.5",
                "rate_ratio_hi": "2", "rate_ratio_dist": "lognormal", "coverage_lo": "25",
                "coverage_hi": "100", "growth_lo": "-10", "growth_hi": "30",
                "growth_dist": "triangular", "global_share_lo": "1", "global_share_hi": "4",
                "global_share_dist": "lognormal"}


def report(name: str, value: float, unit: str) -> None:
    print(f"{name}: {value:.4g} {unit}", flush=True)


def best_of(repeats: int, action) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def bench_model() -> None:
    model = load_bundle().model
    point = model.to_model(model.defaults())
    calls = 20_000
    seconds = best_of(3, lambda: [model.evaluate_model(point) for _ in range(calls)])
    report("model_scalar_evaluations_per_second", calls / seconds, "evals/s")
    size = 1_000_000
    vector = {**point, "unique": np.linspace(0.01, 1.0, size)}
    seconds = best_of(5, lambda: model.evaluate_model(vector))
    report("model_vectorised_evaluations_per_second", size / seconds, "evals/s")


def bench_page(at, page: str, name: str) -> None:
    """First run, median rerun and largest figure of one page in an AppTest session."""
    at.switch_page(f"components/pages/{page}.py")
    start = time.perf_counter()
    at.run()
    first = time.perf_counter() - start
    reruns = []
    for _ in range(5):
        start = time.perf_counter()
        at.run()
        reruns.append(time.perf_counter() - start)
    if at.exception:
        print(f"{name}_error: 1 exception", flush=True)
        return
    report(f"{name}_first_run", first * 1000, "ms")
    report(f"{name}_rerun_median", statistics.median(reruns) * 1000, "ms")
    sizes = [len(chart.proto.spec.encode("utf-8")) for chart in at.get("plotly_chart")]
    report(f"{name}_largest_figure_json", max(sizes, default=0) / 1024, "KB")


def bench_pages() -> None:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    for page in PAGES:
        bench_page(at, page, f"page_{page}")
    ranged = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for key, value in RANGED_QUERY.items():
        ranged.query_params[key] = value
    ranged.run()
    bench_page(ranged, "projection", "page_projection_with_ranges")
    at.switch_page("components/pages/projection.py")
    at.run()
    reruns = []
    for value in np.linspace(5, 10, 6):  # a release of the live panel's share slider
        start = time.perf_counter()
        release_panel(at, share=float(value))
        reruns.append(time.perf_counter() - start)
    report("projection_panel_release_rerun_median", statistics.median(reruns) * 1000, "ms")


def bench_saving() -> None:
    """Median time from pressing "Save scenario" to the confirmation, on SQLite (default)."""
    from streamlit.testing.v1 import AppTest

    for page in SAVE_PAGES:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.run()
        at.switch_page(f"components/pages/{page}.py").run()
        times, plain = [], []
        for number in range(SAVES):
            start = time.perf_counter()
            at.run()  # the same page's rerun without a save, for comparison
            plain.append(time.perf_counter() - start)
            at.text_input(key=f"{page}_save_name").input(f"Bench {number}")
            button = at.button(key=f"{page}_save_button")
            start = time.perf_counter()
            button.click().run()
            times.append(time.perf_counter() - start)
            if not any(a.value.startswith("Saved “") for a in at.success):
                print(f"save_{page}_error: no confirmation", flush=True)
                return
        report(f"save_to_confirmation_{page}_median", statistics.median(times) * 1000, "ms")
        report(f"rerun_without_save_{page}_median", statistics.median(plain) * 1000, "ms")
    store, owner = open_store(), new_id()
    times = []
    for number in range(50):
        start = time.perf_counter()
        save_scenarios(store, owner, "bench", [Draft(f"Bench {number}", RANGED_QUERY)])
        owner_scenarios(store, owner, "bench")
        times.append(time.perf_counter() - start)
    report("save_store_write_and_list_median", statistics.median(times) * 1000, "ms")


async def _served_saves(port: int, page: str) -> tuple[list[float], list[float], bool]:
    """Save SAVES times on `page` of the server at `port`, as the browser does: ms from
    sending the press to the confirmation, and to the run's end; whether the presses named
    a fragment (a fragment rerun) or not (a whole-page rerun)."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.asyncio.client import connect

    keys = {f"{page}_save_name": "name", f"{page}_save_button": "button"}
    ids: dict[str, str] = {}
    fragment = ""

    async def run(socket, widgets: list[tuple[str, str, object]]) -> tuple[float, float]:
        nonlocal fragment
        message = BackMsg()
        message.rerun_script.page_name = page
        message.rerun_script.fragment_id = fragment if widgets else ""
        for widget_id, field_name, value in widgets:
            widget = message.rerun_script.widget_states.widgets.add()
            widget.id = widget_id
            setattr(widget, field_name, value)
        started, confirmed = time.perf_counter(), float("nan")
        await socket.send(message.SerializeToString())
        while True:
            msg = ForwardMsg()
            msg.ParseFromString(await socket.recv())
            kind = msg.WhichOneof("type")
            if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                which = element.WhichOneof("type")
                if which == "alert" and element.alert.body.startswith("Saved “"):
                    confirmed = time.perf_counter()
                elif which in ("text_input", "button"):
                    widget_id = getattr(element, which).id
                    for key, role in keys.items():
                        if widget_id.endswith(f"-{key}"):
                            ids[role] = widget_id
                            if role == "button":
                                fragment = msg.delta.fragment_id
            elif kind == "script_finished":
                return (confirmed - started) * 1000, (time.perf_counter() - started) * 1000

    to_confirmation, to_end = [], []
    async with connect(f"ws://127.0.0.1:{port}/_stcore/stream", subprotocols=["streamlit"],
                       max_size=None) as socket:
        await run(socket, [])
        for number in range(SAVES):
            confirmed, ended = await run(socket, [
                (ids["name"], "string_value", f"Served {page} {number}"),
                (ids["button"], "trigger_value", True)])
            to_confirmation.append(confirmed)
            to_end.append(ended)
    return to_confirmation, to_end, bool(fragment)


def bench_saving_served() -> None:
    """Median time from "Save scenario" to the confirmation on a real server (SQLite)."""
    from bench.load import free_port, start_server
    from deploy.replicas import stop

    folder = Path(tempfile.mkdtemp(prefix="claimscope-bench-served-"))
    port = free_port()
    server = start_server(port, folder / "server.log",
                          database_url=f"sqlite+pysqlite:///{folder / 'served.sqlite3'}")
    try:
        for page in SAVE_PAGES:
            confirmation, end, scoped = asyncio.run(_served_saves(port, page))
            if any(np.isnan(confirmation)):
                print(f"save_served_{page}_error: no confirmation", flush=True)
                continue
            report(f"save_served_to_confirmation_{page}_median",
                   statistics.median(confirmation), "ms")
            report(f"save_served_to_run_end_{page}_median", statistics.median(end), "ms")
            print(f"# {page}: the save reran {'its fragment' if scoped else 'the whole page'}",
                  flush=True)
    finally:
        stop(server)


def main() -> None:
    if not os.environ.get(URL_VARIABLE):
        folder = tempfile.mkdtemp(prefix="claimscope-bench-")
        os.environ[URL_VARIABLE] = f"sqlite+pysqlite:///{folder}/bench.sqlite3"
    print(f"database: {sa.make_url(os.environ[URL_VARIABLE]).get_backend_name()}", flush=True)
    bench_saving()
    bench_saving_served()
    bench_model()
    bench_pages()
    extra = ROOT / "bench" / "bench_uncertainty.py"
    if extra.exists():
        subprocess.run([sys.executable, str(extra)], check=True, cwd=ROOT)


if __name__ == "__main__":
    main()
