"""Real-browser figures for ClaimScope against a bare Streamlit page (DESIGN §10).

Headless Debian Chromium through Playwright, loopback only. In one run it serves
`bench/bare_page.py` (one slider, one metric, one plotly chart) and `app.py`, each with
`streamlit run` on a free localhost port, and prints `name: value unit` lines: absolute
times (`s`, `ms`) and ratios to the bare page (`x`). For the slider it also serves
`bench/panel_page.py` (the bare page plus an assumption panel built like /projection's
sidebar) and prints `panel_slider_update_vs_bare`: what Streamlit's own widgets cost a
rerun before any of ClaimScope's content.

- The browser window is 1600 × 8000 px (see VIEWPORT: Streamlit draws elements only near
  the screen), so every chart is drawn without scrolling.
- first chart, cold: navigation → first `.js-plotly-plot` on screen, on a freshly started
  server (a new server per repeat). `first_content` for every other page: the same, or the
  page's first heading if it draws no chart, also on a fresh server.
- whole page drawn, warm: navigation → the last DOM mutation before the page stays still
  for QUIET_MS, on a server that has already served the page once.
- slider → updated numbers, warm: focus the first slider, ArrowRight (then ArrowLeft, in
  turn), time from the key press to the first `stMetricValue` text changing.

All times are taken inside the page (`performance.now()`, whose origin is the start of the
navigation; a capturing keydown listener stamps key presses), so the driver's round trips
do not count. Medians of the repeats. Figures, not pass/fail.
"""

from __future__ import annotations

import argparse
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from deploy.replicas import stop  # noqa: E402

STREAMLIT = ROOT / ".venv" / "bin" / "streamlit"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
BARE = "bench/bare_page.py"
PANEL = "bench/panel_page.py"
APP = "app.py"
MAIN_PAGE = "/projection"
OTHER_PAGES = ["/", "/compare", "/forces", "/offenders", "/network", "/source", "/method",
               "/evidence"]
# Streamlit 1.67 draws an element only once it is scrolled near the screen: on a usual
# 1000 px screen /projection's first chart is never drawn without scrolling. A window tall
# enough for the whole page makes "first chart" and "whole page drawn" mean what they say.
VIEWPORT = {"width": 1600, "height": 8000}
QUIET_MS = 500  # the page counts as drawn once the DOM has not changed for this long
START_TIMEOUT = 60.0  # s for a server's health check
PAGE_TIMEOUT = 60_000  # ms for anything in the page
SLIDER_PRESSES = 9
# Requests to any other host are refused (a regex, matched by the driver without a round
# trip to Python, so requests to the app itself are not slowed down).
ELSEWHERE = re.compile(r"^(?!https?://(localhost|127\.0\.0\.1)[:/])https?:")

# Stamps, in performance.now() ms since navigation: the first chart on screen, the first
# h1, the last DOM mutation, and each key press. Installed before the page's own scripts.
PROBE = """
(() => {
  const probe = window.__bench = {firstChart: null, firstHeading: null, lastMutation: 0,
                                  lastKey: null};
  const onScreen = (el) => { const r = el.getBoundingClientRect();
                             return r.width > 0 && r.height > 0; };
  const look = () => {
    const now = performance.now();
    probe.lastMutation = now;
    if (probe.firstChart === null) {
      for (const el of document.querySelectorAll('.js-plotly-plot')) {
        if (onScreen(el)) { probe.firstChart = now; break; } } }
    if (probe.firstHeading === null) {
      const h = document.querySelector('[data-testid="stMain"] h1');
      if (h && onScreen(h)) probe.firstHeading = now; }
  };
  new MutationObserver(look).observe(document, {subtree: true, childList: true,
                                                attributes: true, characterData: true});
  document.addEventListener('keydown', () => { probe.lastKey = performance.now(); }, true);
})();
"""

# Arms `window.__metricChange`: resolves with the time the first metric's text changes.
METRIC_CHANGE = """
(before) => { window.__metricChange = new Promise((resolve) => {
  const metric = () => document.querySelector('[data-testid="stMetricValue"]');
  const check = () => {
    const el = metric();
    if (el && el.textContent !== before) { observer.disconnect();
                                           resolve(performance.now()); } };
  const observer = new MutationObserver(check);
  observer.observe(document, {subtree: true, childList: true, characterData: true});
  check();
}); }
"""


def report(name: str, value: float, unit: str) -> None:
    print(f"{name}: {value:.4g} {unit}", flush=True)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("localhost", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(script: str, log_dir: Path) -> Iterator[str]:
    """`streamlit run script` on a free localhost port until the block ends; yields its URL."""
    port = free_port()
    log = log_dir / f"{Path(script).stem}-{port}.log"
    command = [str(STREAMLIT), "run", script, "--server.port", str(port),
               "--server.address", "localhost", "--server.headless", "true",
               "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"]
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://localhost:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"{script}: server exited; see {log}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{script}: no health check; see {log}") from None
                time.sleep(0.1)
        yield url
    finally:
        stop(process)


@contextmanager
def tab(browser: Browser, url: str) -> Iterator[Page]:
    """A fresh context (no cookies, no cache) with the probe, blocking other hosts."""
    context = browser.new_context(viewport=VIEWPORT,
                                  service_workers="block")
    context.route(ELSEWHERE, lambda route: route.abort())
    context.add_init_script(PROBE)
    context.set_default_timeout(PAGE_TIMEOUT)
    try:
        yield context.new_page()
    finally:
        context.close()


def wait_idle(page: Page) -> None:
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stApp\"]')"
        "?.getAttribute('data-test-script-state') === 'notRunning'", timeout=PAGE_TIMEOUT)


def first_content(browser: Browser, url: str, path: str) -> float:
    """ms from navigation to the first chart (or, with no chart, the first h1)."""
    with tab(browser, url) as page:
        page.goto(url + path)
        page.wait_for_function(
            "() => window.__bench.firstChart !== null || (window.__bench.firstHeading !== null"
            " && document.querySelector('[data-testid=\"stApp\"]')"
            "?.getAttribute('data-test-script-state') === 'notRunning')",
            timeout=PAGE_TIMEOUT)
        probe = page.evaluate("window.__bench")
        return probe["firstChart"] if probe["firstChart"] is not None \
            else probe["firstHeading"]


def page_drawn(browser: Browser, url: str, path: str) -> float:
    """ms from navigation to the last DOM mutation before QUIET_MS of stillness."""
    with tab(browser, url) as page:
        page.goto(url + path)
        wait_idle(page)
        page.wait_for_function(
            f"() => performance.now() - window.__bench.lastMutation >= {QUIET_MS}",
            timeout=PAGE_TIMEOUT, polling=50)
        return page.evaluate("window.__bench.lastMutation")


def slider_updates(browser: Browser, url: str, path: str, presses: int) -> list[float]:
    """ms from each key press on the first slider to the first metric's new text."""
    times = []
    with tab(browser, url) as page:
        page.goto(url + path)
        wait_idle(page)
        slider = page.locator('[data-testid="stSlider"] input[type="range"]').first
        metric = page.get_by_test_id("stMetricValue").first
        metric.wait_for()
        for press in range(presses):
            slider.focus()
            before = metric.text_content()
            page.evaluate(METRIC_CHANGE, before)
            page.keyboard.press("ArrowRight" if press % 2 == 0 else "ArrowLeft")
            done = page.evaluate("window.__metricChange")
            times.append(done - page.evaluate("window.__bench.lastKey"))
            wait_idle(page)
            page.wait_for_timeout(200)  # let the rest of the rerun settle
    return times


def median(values: list[float]) -> float:
    return statistics.median(values)


def measure(browser: Browser, paths: list[str], repeats: int,
            log_dir: Path) -> tuple[dict[str, float], dict[str, float]]:
    """Figures (ms) for the bare page and the app, measured in turn, so that neither gets
    the browser's or the machine's quieter moments: (bare, app)."""
    with serving(BARE, log_dir) as url:  # the browser's own first start is not measured
        first_content(browser, url, "/")
    targets = [(BARE, "/")] + [(APP, path) for path in paths]
    cold: dict[tuple[str, str], list[float]] = {target: [] for target in targets}
    for _ in range(repeats):
        for script, path in targets:
            with serving(script, log_dir) as url:
                cold[script, path].append(first_content(browser, url, path))
    bare = {"first:/": median(cold[BARE, "/"])}
    app = {f"first:{path}": median(cold[APP, path]) for path in paths}
    drawn: dict[str, list[float]] = {BARE: [], APP: []}
    with serving(BARE, log_dir) as bare_url, serving(APP, log_dir) as app_url, \
            serving(PANEL, log_dir) as panel_url:
        urls = {BARE: (bare_url, "/"), APP: (app_url, paths[0])}
        for url, path in urls.values():
            first_content(browser, url, path)  # warm both servers
        for _ in range(repeats):
            for script, (url, path) in urls.items():
                drawn[script].append(page_drawn(browser, url, path))
        bare["slider"] = median(slider_updates(browser, bare_url, "/", SLIDER_PRESSES))
        app["slider"] = median(slider_updates(browser, app_url, paths[0], SLIDER_PRESSES))
        first_content(browser, panel_url, "/")
        bare["panel_slider"] = median(slider_updates(browser, panel_url, "/", SLIDER_PRESSES))
    bare["drawn"], app["drawn"] = median(drawn[BARE]), median(drawn[APP])
    return bare, app


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3,
                        help="cold starts per page and warm page loads (median taken)")
    parser.add_argument("--main-only", action="store_true",
                        help=f"only {MAIN_PAGE}, not first_content of the other pages")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"browser bench skipped: {CHROMIUM} is not installed", file=sys.stderr)
        return 0
    log_dir = Path(tempfile.mkdtemp(prefix="claimscope-browser-bench-"))
    paths = [MAIN_PAGE] + ([] if args.main_only else OTHER_PAGES)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                             headless=True)
        try:
            bare, app = measure(browser, paths, args.repeats, log_dir)
        finally:
            browser.close()
    report("bare_first_chart", bare["first:/"] / 1000, "s")
    report("bare_page_drawn", bare["drawn"] / 1000, "s")
    report("bare_slider_update", bare["slider"], "ms")
    report("first_chart", app[f"first:{MAIN_PAGE}"] / 1000, "s")
    report("page_drawn", app["drawn"] / 1000, "s")
    report("slider_update", app["slider"], "ms")
    report("first_chart_vs_bare", app[f"first:{MAIN_PAGE}"] / bare["first:/"], "x")
    report("page_drawn_vs_bare", app["drawn"] / bare["drawn"], "x")
    report("slider_update_vs_bare", app["slider"] / bare["slider"], "x")
    report("panel_slider_update", bare["panel_slider"], "ms")
    report("panel_slider_update_vs_bare", bare["panel_slider"] / bare["slider"], "x")
    for path in paths[1:]:
        name = "first_content_" + (path.strip("/") or "overview")
        report(name, app[f"first:{path}"] / 1000, "s")
        report(f"{name}_vs_bare", app[f"first:{path}"] / bare["first:/"], "x")
    print(f"server logs: {log_dir}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
