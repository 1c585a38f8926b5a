"""Twelve readers at once: cold /projection against the cold bare page, in real Chromium.

For each page in turn (the bare page `bench/bare_page.py`, then /projection; `--rounds`
repeats the pair), a freshly started server on a free localhost port, and READERS browser
contexts in one headless Chromium (each context its own renderer process) that all open
the page at once. Each reader waits for its first chart (FIRST_CHART_TIMEOUT), then moves
the first assumption with a key press and waits for the first number to change
(UPDATE_TIMEOUT), as `bench/browser.py` does (the panel's elements when the page has a
`.cs-panel`, Streamlit's slider and metric otherwise).

Prints `name: value unit` lines: seconds from navigation to each reader's first chart
(median, worst; a reader who never saw it counts at the time limit), ms from key press to
new number (median, worst), errors (a timeout, a missing element, a page error), the CPU
seconds the server and Chromium used meanwhile, and the ratio of the medians, /projection
÷ bare page.
Bounded: every wait has a time limit, loopback only, other hosts refused.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil
from playwright.async_api import Browser, Page, async_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser import (  # noqa: E402
    APP,
    BARE,
    CHROMIUM,
    CHROMIUM_ARGS,
    ELSEWHERE,
    MAIN_PAGE,
    NUMBER_CHANGE,
    PANEL_NUMBER,
    PANEL_ROOT,
    PANEL_SLIDER,
    PROBE,
    SCREENS,
    STREAMLIT_NUMBER,
    STREAMLIT_SLIDER,
    context_options,
    load_line,
    report,
    server,
)

READERS = 12
FIRST_CHART_TIMEOUT = 90_000  # ms
UPDATE_TIMEOUT = 60_000  # ms
SCREEN = SCREENS["1280x720"]


@dataclass
class Crowd:
    """What the readers of one page saw."""

    first_chart: list[float] = field(default_factory=list)  # ms since navigation
    update: list[float] = field(default_factory=list)  # ms from key press to new number
    errors: list[str] = field(default_factory=list)
    server_cpu: float = 0.0  # s of CPU the server used while the readers read
    browser_cpu: float = 0.0  # s of CPU Chromium's processes used meanwhile
    wall: float = 0.0  # s from the readers' start to the last one's end


async def read(page: Page, url: str, crowd: Crowd) -> None:
    """One reader: open, wait for the first chart, press a key on the slider, wait for
    the number."""
    step = "first chart"
    try:
        await page.goto(url, wait_until="commit", timeout=FIRST_CHART_TIMEOUT)
        await page.wait_for_function("() => window.__bench.firstChart !== null",
                                     timeout=FIRST_CHART_TIMEOUT)
        crowd.first_chart.append(await page.evaluate("window.__bench.firstChart"))
        step = "slider"
        await page.wait_for_selector(f"{PANEL_SLIDER}, {STREAMLIT_SLIDER}", state="attached",
                                     timeout=UPDATE_TIMEOUT)
        panel = await page.locator(PANEL_ROOT).count() > 0
        slider, number = ((PANEL_SLIDER, PANEL_NUMBER) if panel
                          else (STREAMLIT_SLIDER, STREAMLIT_NUMBER))
        await page.wait_for_selector(number, timeout=UPDATE_TIMEOUT)
        await page.locator(slider).first.focus(timeout=UPDATE_TIMEOUT)
        before = await page.locator(number).first.text_content()
        await page.evaluate(NUMBER_CHANGE, [number, before])
        await page.keyboard.press("ArrowRight")
        step = "updated number"
        done = await asyncio.wait_for(page.evaluate("window.__numberChange"),
                                      UPDATE_TIMEOUT / 1000)
        crowd.update.append(done - await page.evaluate("window.__bench.lastKey"))
    except Exception as exc:  # noqa: BLE001 - a timeout or a missing element: counted
        crowd.errors.append(f"{step}: {exc.__class__.__name__}: {str(exc).splitlines()[0]}")


async def crowd_of(browser: Browser, script: str, path: str, log_dir: Path,
                   profiled: tuple[str, ...] | None = None) -> Crowd:
    """READERS fresh contexts opening `path` of a fresh server of `script` at once (served
    through bench/profile_server.py with `profiled`'s options, if given)."""
    crowd = Crowd()
    contexts = [await browser.new_context(**context_options(SCREEN)) for _ in range(READERS)]
    try:
        pages = []
        for context in contexts:
            await context.route(ELSEWHERE, lambda route: route.abort())
            await context.add_init_script(PROBE)
            pages.append(await context.new_page())
        with server(script, log_dir, profiled) as (url, process):
            started, server_cpu, browser_cpu = time.perf_counter(), cpu([process.pid]), \
                cpu(browser_pids())
            await asyncio.gather(*(read(page, url + path, crowd) for page in pages))
            crowd.wall = time.perf_counter() - started
            crowd.server_cpu = sum(cpu([process.pid]).values()) - server_cpu[process.pid]
            crowd.browser_cpu = sum(seconds - browser_cpu.get(pid, 0.0)
                                    for pid, seconds in cpu(browser_pids()).items())
    finally:
        for context in contexts:
            await context.close()
    return crowd


def browser_pids() -> list[int]:
    """Chromium's processes: this process's descendants other than Playwright's driver."""
    return [child.pid for child in psutil.Process().children(recursive=True)
            if "chrom" in child.name().lower()]


def cpu(pids: list[int]) -> dict[int, float]:
    """CPU seconds (user + system) each process has used so far (gone ones left out): a
    renderer started during the run counts from 0."""
    used = {}
    for pid in pids:
        try:
            times = psutil.Process(pid).cpu_times()
        except psutil.NoSuchProcess:
            continue
        used[pid] = times.user + times.system
    return used


def censored(crowd: Crowd) -> list[float]:
    """Seconds to the first chart of every reader, one that never saw it counted at the
    time limit: the median and worst are then lower bounds, never flattered by leaving
    the slowest readers out."""
    missing = READERS - len(crowd.first_chart)
    return [ms / 1000 for ms in crowd.first_chart] + [FIRST_CHART_TIMEOUT / 1000] * missing


def report_crowd(name: str, crowd: Crowd) -> None:
    seconds = censored(crowd)
    report(f"readers_{name}_first_chart_median", statistics.median(seconds), "s")
    report(f"readers_{name}_first_chart_worst", max(seconds), "s")
    if len(crowd.first_chart) < READERS:
        print(f"# readers_{name}: {READERS - len(crowd.first_chart)} readers never saw the "
              f"chart, counted at the {FIRST_CHART_TIMEOUT / 1000:.0f} s limit (a lower "
              "bound)", flush=True)
    if crowd.update:
        report(f"readers_{name}_key_update_median", statistics.median(crowd.update), "ms")
        report(f"readers_{name}_key_update_worst", max(crowd.update), "ms")
    report(f"readers_{name}_saw_first_chart", len(seconds), f"of {READERS}")
    report(f"readers_{name}_errors", len(crowd.errors), "errors")
    report(f"readers_{name}_wall", crowd.wall, "s")
    report(f"readers_{name}_server_cpu", crowd.server_cpu, "s")
    report(f"readers_{name}_browser_cpu", crowd.browser_cpu, "s")
    for problem in sorted(set(crowd.errors))[:5]:
        print(f"# readers_{name} error: {problem}", flush=True)


async def run(rounds: int, log_dir: Path, profile: bool, app: str) -> None:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM,
                                                   args=CHROMIUM_ARGS, headless=True)
        try:
            for number in range(1, rounds + 1):
                load_line(f"before round {number}")
                bare = await crowd_of(browser, BARE, "/", log_dir)
                report_crowd("bare", bare)
                load_line(f"between the pages, round {number}")
                profiled = (("--profile", str(log_dir / f"projection-{number}.prof"),
                             "--dump-every", "15") if profile else None)
                crowd = await crowd_of(browser, app, MAIN_PAGE, log_dir, profiled)
                report_crowd("projection", crowd)
                report("readers_first_chart_median_vs_bare",
                       statistics.median(censored(crowd)) / statistics.median(censored(bare)),
                       "x")
                if len(bare.first_chart) < READERS:
                    print("# readers_first_chart_median_vs_bare: bare readers timed out too; "
                          "the ratio is not meaningful", flush=True)
        finally:
            await browser.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1, help="bare page + /projection pairs")
    parser.add_argument("--app", default=APP,
                        help="the script to serve for ClaimScope (app.py: unwarmed)")
    parser.add_argument("--profile", action="store_true",
                        help="serve /projection through bench/profile_server.py: each "
                             "script run timed, a cProfile of them all, and every "
                             "thread's stack every 15 s, in the server log folder")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"readers bench skipped: {CHROMIUM} is not installed", file=sys.stderr)
        return 0
    log_dir = Path(tempfile.mkdtemp(prefix="claimscope-readers-bench-"))
    print(f"# {READERS} readers at {SCREEN.name}, one Chromium, {os.cpu_count()} cores",
          flush=True)
    print(f"# ClaimScope served by {args.app}", flush=True)
    asyncio.run(run(args.rounds, log_dir, args.profile, args.app))
    load_line("at end")
    print(f"# server logs: {log_dir}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
