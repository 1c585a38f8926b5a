"""Where the browser spends a page's first load: a Chromium trace, summed.

    .venv/bin/python bench/trace_load.py [--page /projection] [--screen 1280x720] [--cold]

Serves `app.py` (or `--script bench/bare_page.py`, page "/") on a free localhost port,
warms it with one load unless `--cold`, then loads the page once more in a fresh context
while Chromium records a trace (Playwright's `browser.start_tracing`), until the first
chart is drawn and the page has been still for QUIET_MS. Prints, for the page's renderer
main thread: the time from navigation to the first chart, busy time by kind of work
(self time of each trace event: script compile, script run, style, layout, paint, GC...),
the scripts that cost most (compile + run, by URL), and what crossed the network (bytes of
JavaScript, CSS, fonts, the websocket's messages and how many). The raw trace is kept in
the log folder for chrome://tracing or Perfetto.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser import (  # noqa: E402
    APP,
    CHROMIUM,
    CHROMIUM_ARGS,
    ELSEWHERE,
    MAIN_PAGE,
    PAGE_TIMEOUT,
    PROBE,
    QUIET_MS,
    SCREENS,
    context_options,
    first_content,
    load_line,
    report,
    serving,
)

CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8",
              "disabled-by-default-v8.compile", "blink", "toplevel", "loading"]
# Trace event names grouped into the kinds of work DevTools' summary shows.
KINDS = {
    "script compile": ("v8.compile", "v8.compileModule", "V8.CompileCode",
                       "v8.produceModuleCache", "CompileScript", "V8.CompileLazy"),
    "script run": ("EvaluateScript", "v8.evaluateModule", "FunctionCall", "v8.run",
                   "TimerFire", "FireAnimationFrame", "EventDispatch", "RunMicrotasks",
                   "v8.callFunction", "XHRReadyStateChange"),
    "garbage collection": ("MajorGC", "MinorGC", "V8.GCScavenger", "V8.GCCompactor",
                           "BlinkGC.AtomicPhase", "V8.GCIncrementalMarking",
                           "V8.GCFinalizeMC"),
    "style": ("UpdateLayoutTree", "RecalculateStyles", "ParseAuthorStyleSheet"),
    "layout": ("Layout", "UpdateLayerTree", "PrePaint"),
    "paint": ("Paint", "PaintImage", "CompositeLayers", "Commit", "RasterTask"),
    "html": ("ParseHTML",),
}
KIND_OF = {name: kind for kind, names in KINDS.items() for name in names}


def main_thread(events: list[dict]) -> tuple[int, int]:
    """(pid, tid) of the busiest renderer main thread in the trace."""
    names = {(e["pid"], e["tid"]) for e in events
             if e.get("ph") == "M" and e.get("name") == "thread_name"
             and e.get("args", {}).get("name") == "CrRendererMain"}
    busy = Counter()
    for event in events:
        if event.get("ph") == "X" and (event["pid"], event["tid"]) in names:
            busy[event["pid"], event["tid"]] += event.get("dur", 0)
    return busy.most_common(1)[0][0]


def url_of(event: dict) -> str:
    data = event.get("args", {}).get("data", {}) or {}
    for key in ("url", "scriptName", "fileName"):
        if data.get(key):
            return data[key]
    return event.get("args", {}).get("fileName", "") or ""


def self_times(events: list[dict], thread: tuple[int, int]) -> tuple[Counter, Counter]:
    """Self time (ms) of each kind of work and of each script URL on one thread."""
    spans = sorted((e for e in events if e.get("ph") == "X" and (e["pid"], e["tid"]) == thread
                    and "dur" in e), key=lambda e: (e["ts"], -e["dur"]))
    kinds, scripts = Counter(), Counter()
    stack: list[tuple[dict, list[float]]] = []  # (event, [children's time])

    def close(event: dict, children: float) -> None:
        own = (event["dur"] - children) / 1000
        kind = KIND_OF.get(event["name"], "other" if event["name"] != "RunTask" else "task")
        kinds[kind] += own
        if kind in ("script compile", "script run"):
            scripts[url_of(event) or "(unknown)"] += own

    for event in spans:
        while stack and stack[-1][0]["ts"] + stack[-1][0]["dur"] <= event["ts"]:
            done, children = stack.pop()
            close(done, children[0])
        if stack:
            stack[-1][1][0] += event["dur"]
            if url_of(event) == "" and url_of(stack[-1][0]):
                event.setdefault("args", {}).setdefault("data", {})["url"] = \
                    url_of(stack[-1][0])
        stack.append((event, [0.0]))
    while stack:
        done, children = stack.pop()
        close(done, children[0])
    return kinds, scripts


def short(url: str) -> str:
    return url.rsplit("/", 1)[-1][:60] or url[:60]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--script", default=APP)
    parser.add_argument("--page", default=MAIN_PAGE)
    parser.add_argument("--screen", default="1280x720", choices=list(SCREENS))
    parser.add_argument("--cold", action="store_true", help="trace the server's first load")
    args = parser.parse_args()
    screen = SCREENS[args.screen]
    log_dir = Path(tempfile.mkdtemp(prefix="claimscope-trace-"))
    trace_path = log_dir / "trace.json"
    load_line("at start")
    with sync_playwright() as playwright, serving(args.script, log_dir) as url:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                             headless=True)
        if not args.cold:
            first_content(browser, url, args.page, screen)
        context = browser.new_context(**context_options(screen))
        context.route(ELSEWHERE, lambda route: route.abort())
        context.add_init_script(PROBE)
        page = context.new_page()
        network: Counter = Counter()
        frames: list[int] = []
        page.on("response", lambda r: network.update(
            {r.request.resource_type: int(r.headers.get("content-length", 0) or 0)}))
        page.on("websocket", lambda ws: ws.on(
            "framereceived", lambda payload: frames.append(len(payload))))
        browser.start_tracing(page=page, path=str(trace_path), categories=CATEGORIES)
        page.goto(url + args.page)
        page.wait_for_function("() => window.__bench.firstChart !== null",
                               timeout=PAGE_TIMEOUT)
        page.wait_for_function(
            f"() => performance.now() - window.__bench.lastMutation >= {QUIET_MS}",
            timeout=PAGE_TIMEOUT, polling=100)
        probe = page.evaluate("window.__bench")
        browser.stop_tracing()
        context.close()
        browser.close()
    events = json.loads(trace_path.read_text())["traceEvents"]
    kinds, scripts = self_times(events, main_thread(events))
    label = f"trace_{args.screen}_{(args.page.strip('/') or 'bare')}"
    report(f"{label}_first_chart", probe["firstChart"] / 1000, "s")
    report(f"{label}_page_drawn", probe["lastMutation"] / 1000, "s")
    report(f"{label}_main_thread_busy", sum(kinds.values()) / 1000, "s")
    for kind, ms in kinds.most_common():
        report(f"{label}_main_thread_{kind.replace(' ', '_')}", ms, "ms")
    by_url: dict[str, float] = defaultdict(float)
    for script_url, ms in scripts.items():
        by_url[short(script_url)] += ms
    for script_url, ms in sorted(by_url.items(), key=lambda item: -item[1])[:10]:
        print(f"# script {script_url}: {ms:.0f} ms", flush=True)
    for kind, size in network.most_common():
        report(f"{label}_bytes_{kind}", size / 1024, "KB")
    report(f"{label}_websocket_messages", len(frames), "messages")
    report(f"{label}_websocket_bytes", sum(frames) / 1024, "KB")
    load_line("at end")
    print(f"# trace: {trace_path}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
