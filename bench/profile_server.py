"""`streamlit run`, with every script run timed and, if asked, profiled: where a run's
time goes on the server (py-spy is not installed; this needs nothing but the stdlib).

    .venv/bin/python bench/profile_server.py [--profile OUT.prof] [--dump-every S] \\
        -- run app.py --server.port 8600 ...

Each script run prints one line to stderr: `script run: <page> wall <ms> cpu <ms>
(started <s> after the server)`, wall against the script thread's own CPU time, so the
difference is time spent waiting (for the GIL, for a lock, for a cache another session
is filling). `--profile` profiles every script run (cProfile, in the script's thread)
and rewrites the summed statistics to OUT.prof after each run; read them with
`python -m pstats OUT.prof`. `--dump-every S` writes every thread's stack to stderr every
S seconds (faulthandler): what the server is doing during a stall.
`bench/readers.py --profile` serves /projection through this.
"""

from __future__ import annotations

import argparse
import cProfile
import faulthandler
import pstats
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STARTED = time.perf_counter()


def instrument(profile_path: Path | None) -> None:
    """Wrap Streamlit's ScriptRunner._run_script with a timer (and a profiler)."""
    from streamlit.runtime.scriptrunner import script_runner

    original = script_runner.ScriptRunner._run_script
    lock = threading.Lock()
    total = pstats.Stats() if profile_path else None  # filled as runs end

    def timed(self, rerun_data):  # noqa: ANN001, ANN202 - Streamlit's own signature
        profiler = cProfile.Profile() if profile_path else None
        start, cpu_start = time.perf_counter(), time.thread_time()
        if profiler:
            profiler.enable()
        try:
            return original(self, rerun_data)
        finally:
            if profiler:
                profiler.disable()
            wall = (time.perf_counter() - start) * 1000
            cpu = (time.thread_time() - cpu_start) * 1000
            page = rerun_data.page_name or rerun_data.page_script_hash[:8] or "main"
            print(f"script run: {page} wall {wall:.0f} ms cpu {cpu:.0f} ms (started "
                  f"{start - STARTED:.2f} s after the server)", file=sys.stderr, flush=True)
            if profiler:
                with lock:  # rewritten after every run: Streamlit owns the signals
                    total.add(profiler)
                    total.dump_stats(str(profile_path))

    script_runner.ScriptRunner._run_script = timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", type=Path, help="write summed cProfile stats here")
    parser.add_argument("--dump-every", type=float, default=0.0,
                        help="seconds between stack dumps of every thread (0: none)")
    parser.add_argument("streamlit_args", nargs=argparse.REMAINDER,
                        help="after --: the arguments of `streamlit`, e.g. run app.py ...")
    args = parser.parse_args()
    streamlit_args = [a for a in args.streamlit_args if a != "--"] or ["run", "app.py"]
    if args.dump_every > 0:
        faulthandler.dump_traceback_later(args.dump_every, repeat=True, file=sys.stderr)
    instrument(args.profile)
    sys.path.insert(0, str(ROOT))
    from streamlit.web import cli

    cli.main(args=streamlit_args, prog_name="streamlit")


if __name__ == "__main__":
    main()
