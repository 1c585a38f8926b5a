"""Real-browser figures for ClaimScope against a bare Streamlit page, as readers see them.

Headless Debian Chromium through Playwright, loopback only. In one run it serves
`bench/bare_page.py` (one slider, one metric, one plotly chart) and `app.py`, each with
`streamlit run` on a free localhost port, and prints `name: value unit` lines: absolute
times (`s`, `ms`), counts, and ratios to the bare page (`x`), for each reader's screen:

- `1280x720` and `1920x1080`: desktop windows;
- `390x844`: a phone (device scale factor 3, `is_mobile`, `has_touch`);
- `extra_1600x8000`: the old window tall enough for the whole page, kept only as a
  labelled extra (first chart cold and page drawn; Streamlit draws an element only once
  it is near the screen, so this window flatters the page).

At each screen, for the bare page and /projection:
- `first_chart_cold`: navigation → the first chart drawn (non-zero size: a plotly chart,
  `.js-plotly-plot`, or the live panel's own SVG step chart, `svg.cs-chart`, the embed's), on
  a freshly started server (a new server per repeat). `first_chart_top` says where that
  chart is: its top edge in px from the top of the window (beyond the window's height, the
  reader must scroll to see it).
- `first_chart_warm`, `page_drawn`: in one load, in a fresh browser context on a server
  that has already served the page: navigation → the first chart, and → the last DOM
  mutation before the page counts as drawn (DRAWN: run finished, first chart drawn, no
  loading placeholder left, then QUIET_MS without a change).
- `page_drawn_strict`: in the same load, navigation → the last time an element was added
  or removed, once none has been for STRICT_QUIET_MS (the stricter "drawn": attribute and
  text changes do not count, but an element that appears late does).
- `key_update`: focus the first assumption's range input, ArrowRight (then ArrowLeft, in
  turn), time from the key press to the first number's text changing (median of
  KEY_PRESSES).
- `drag_values`: press the mouse on the first range input's thumb, move it in DRAG_STEPS
  steps, read the first number after each step, and count the distinct new values seen
  before the mouse is released (Streamlit's own slider sends its value only on release,
  so the bare page's count is 0 by construction: it is reported, not assumed).

Which elements are "the slider" and "the number": the assumption panel's when the page
has one (`.cs-panel`: `input[type=range]` and `.cs-card-value`, /work/notes/brief.md §3),
otherwise Streamlit's (`stSlider`'s range input and the first `stMetricValue`). On a phone
the sidebar starts closed; it is opened first, as a reader would.

Saving (`save_to_confirmation_<page>`, at 1280 × 720, on /projection and /compare): type
a name, press "Save scenario", and time from the click to the "Saved" confirmation drawn
(SAVES saves per page, median), on a server with a fresh SQLite database.

After the screens: the embed (`/embed`, as an article's <iframe> asks for it) against the
bare page, first chart warm at 1280 × 720 and 390 × 844 (`embed_first_chart_warm`), and
the sizes of the live report and of the panel alone as downloaded from /projection for
the document's own view (`live_report_size`, `standalone_panel_size`, KB). Then the
slider of `bench/panel_page.py` (the bare page plus an assumption
panel built of Streamlit widgets, as /projection's sidebar was) against the bare page's
(`panel_page_key_update_vs_bare`), and the first heading or chart of every other page,
warm (one load after the page's first run), at 1280 × 720.

All times are taken inside the page (`performance.now()`, whose origin is the start of the
navigation; a capturing keydown listener stamps key presses), so the driver's round trips
do not count. Medians of the repeats, with the range (`min–max`) printed as a comment
line. Figures, not pass/fail. The machine's load average is printed first and last: the
two cores are shared.
"""

from __future__ import annotations

import argparse
import os
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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
APP = "serve.py"  # what readers get: app.py, warmed at start
MAIN_PAGE = "/projection"
EMBED_PAGE = "/embed?embed=true"
EMBED_SCREENS = ("1280x720", "390x844")
OTHER_PAGES = ["/", "/compare", "/forces", "/offenders", "/network", "/source", "/method",
               "/evidence"]


@dataclass(frozen=True)
class Screen:
    """A reader's window: the browser context options that make it."""

    name: str
    context: dict[str, Any]
    interactive: bool = True  # key press and drag measured here


SCREENS = {
    "1280x720": Screen("1280x720", {"viewport": {"width": 1280, "height": 720}}),
    "1920x1080": Screen("1920x1080", {"viewport": {"width": 1920, "height": 1080}}),
    "390x844": Screen("390x844", {"viewport": {"width": 390, "height": 844},
                                  "device_scale_factor": 3, "is_mobile": True,
                                  "has_touch": True}),
    "extra_1600x8000": Screen("extra_1600x8000", {"viewport": {"width": 1600,
                                                               "height": 8000}},
                              interactive=False),
}
QUIET_MS = 500  # the page counts as drawn once the DOM has not changed for this long
STRICT_QUIET_MS = 1500  # ... strictly: once no element has been added or removed this long
START_TIMEOUT = 60.0  # s for a server's health check
PAGE_TIMEOUT = 60_000  # ms for anything in the page
KEY_PRESSES = 9
SAVES = 7  # per page, in `save_times`
SAVE_PAGES = ("/projection", "/compare")
DRAG_STEPS = 12
DRAG_STEP_PX = 6  # per step: a slow, deliberate drag
DRAG_PAUSE_MS = 80  # between steps, as a reader's hand moves
# Requests to any other host are refused (a regex, matched by the driver without a round
# trip to Python, so requests to the app itself are not slowed down).
ELSEWHERE = re.compile(r"^(?!https?://(localhost|127\.0\.0\.1)[:/])https?:")

# The panel's elements (brief §3) when the page has one, else Streamlit's own.
PANEL_ROOT = ".cs-panel"
PANEL_SLIDER = '.cs-panel input[type="range"]'
PANEL_NUMBER = ".cs-panel .cs-card-value"
STREAMLIT_SLIDER = '[data-testid="stSlider"] input[type="range"]'
STREAMLIT_NUMBER = '[data-testid="stMetricValue"]'
EXPAND_SIDEBAR = '[data-testid="stExpandSidebarButton"]'

# Stamps, in performance.now() ms since navigation: the first chart drawn (and where), the
# first h1, the last DOM mutation, and each key press. Installed before the page's scripts.
PROBE = """
(() => {
  const probe = window.__bench = {firstChart: null, firstChartTop: null, firstHeading: null,
                                  lastMutation: 0, lastElement: 0, lastKey: null,
                                  lastClick: null};
  const isElement = (node) => node.nodeType === Node.ELEMENT_NODE;
  const addsOrRemoves = (records) => records.some((r) => r.type === 'childList'
    && ([...r.addedNodes].some(isElement) || [...r.removedNodes].some(isElement)));
  const drawn = (el) => { const r = el.getBoundingClientRect();
                          return r.width > 0 && r.height > 0; };
  const look = (records) => {
    const now = performance.now();
    probe.lastMutation = now;
    if (records && addsOrRemoves(records)) probe.lastElement = now;
    if (probe.firstChart === null) {
      for (const el of document.querySelectorAll('.js-plotly-plot, svg.cs-chart')) {
        if (drawn(el)) { probe.firstChart = now;
                         probe.firstChartTop = el.getBoundingClientRect().top; break; } } }
    if (probe.firstHeading === null) {
      const h = document.querySelector('[data-testid="stMain"] h1');
      if (h && drawn(h)) probe.firstHeading = now; }
  };
  new MutationObserver(look).observe(document, {subtree: true, childList: true,
                                                attributes: true, characterData: true});
  document.addEventListener('keydown', () => { probe.lastKey = performance.now(); }, true);
  document.addEventListener('click', () => { probe.lastClick = performance.now(); }, true);
})();
"""

# Arms `window.__saved`: resolves with the time a "Saved “<name>”" confirmation is drawn.
SAVED_DRAWN = """
(name) => { window.__saved = new Promise((resolve) => {
  const check = () => {
    for (const el of document.querySelectorAll('[data-testid="stAlertContainer"]')) {
      if (el.textContent.includes(`Saved “${name}”`) && el.getBoundingClientRect().height > 0)
        { observer.disconnect(); resolve(performance.now()); return; } } };
  const observer = new MutationObserver(check);
  observer.observe(document, {subtree: true, childList: true, characterData: true});
}); }
"""

# Arms `window.__numberChange`: resolves with the time the number's text changes.
NUMBER_CHANGE = """
([selector, before]) => { window.__numberChange = new Promise((resolve) => {
  const check = () => {
    const el = document.querySelector(selector);
    if (el && el.textContent !== before) { observer.disconnect();
                                           resolve(performance.now()); } };
  const observer = new MutationObserver(check);
  observer.observe(document, {subtree: true, childList: true, characterData: true});
  check();
}); }
"""

# The centre of a range input's thumb in the window's coordinates (where the mouse goes).
# Streamlit's slider hides its input (1 px, clipped) inside the thumb it draws; a native
# range input is its own track.
THUMB = """
(input) => {
  const own = input.getBoundingClientRect();
  if (own.width <= 2) {
    const thumb = input.parentElement.parentElement.getBoundingClientRect();
    return [thumb.left + thumb.width / 2, thumb.top + thumb.height / 2];
  }
  const min = Number(input.min || 0), max = Number(input.max || 100);
  const share = (Number(input.value) - min) / (max - min);
  const half = Math.min(8, own.height / 2);  // Chromium's thumb is about 16 px wide
  return [own.left + half + share * (own.width - 2 * half), own.top + own.height / 2];
}
"""


def report(name: str, value: float, unit: str) -> None:
    print(f"{name}: {value:.4g} {unit}", flush=True)


def report_spread(name: str, values: list[float], unit: str, scale: float = 1.0) -> None:
    """The median as a figure line, the range and count as a comment beside it."""
    scaled = [v * scale for v in values]
    report(name, statistics.median(scaled), unit)
    print(f"# {name} range {min(scaled):.4g}–{max(scaled):.4g} {unit} (n={len(scaled)})",
          flush=True)


def load_line(moment: str) -> None:
    one, five, fifteen = os.getloadavg()
    print(f"# load average {moment}: {one:.2f} {five:.2f} {fifteen:.2f} "
          f"({os.cpu_count()} cores)", flush=True)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("localhost", 0))
        return probe.getsockname()[1]


@contextmanager
def server(script: str, log_dir: Path,
           profiled: tuple[str, ...] | None = None) -> Iterator[tuple[str, subprocess.Popen]]:
    """`streamlit run script` on a free localhost port until the block ends; yields its URL
    and its process. With `profiled` (bench/profile_server.py's options, maybe none),
    through bench/profile_server.py: every script run timed in the server's log."""
    port = free_port()
    log = log_dir / f"{Path(script).stem}-{port}.log"
    launcher = ([str(STREAMLIT)] if profiled is None else
                [sys.executable, str(ROOT / "bench" / "profile_server.py"), *profiled, "--"])
    command = [*launcher, "run", script, "--server.port", str(port),
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
        yield url, process
    finally:
        stop(process)
        print(f"# {script} server log: {log}", file=sys.stderr, flush=True)


@contextmanager
def serving(script: str, log_dir: Path) -> Iterator[str]:
    """`server`, for callers that need only the URL."""
    with server(script, log_dir) as (url, _):
        yield url


def context_options(screen: Screen) -> dict[str, Any]:
    """A fresh context (no cookies, no cache) at the screen, service workers blocked."""
    return {**screen.context, "service_workers": "block"}


@contextmanager
def tab(browser: Browser, url: str, screen: Screen) -> Iterator[Page]:
    """A fresh context with the probe, blocking other hosts."""
    context = browser.new_context(**context_options(screen))
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


def first_content(browser: Browser, url: str, path: str, screen: Screen,
                  chart: bool = True) -> tuple[float, float | None]:
    """ms from navigation to the first chart, and the chart's top edge in px from the
    window's top. With `chart=False` (pages that may draw none), the first h1 once the
    run has finished and no chart has been drawn by then (its top: None)."""
    with tab(browser, url, screen) as page:
        page.goto(url + path)
        page.wait_for_function(
            "() => window.__bench.firstChart !== null"
            if chart else
            "() => window.__bench.firstChart !== null || (window.__bench.firstHeading !== null"
            " && document.querySelector('[data-testid=\"stApp\"]')"
            "?.getAttribute('data-test-script-state') === 'notRunning')",
            timeout=PAGE_TIMEOUT)
        probe = page.evaluate("window.__bench")
        if probe["firstChart"] is not None:
            return probe["firstChart"], probe["firstChartTop"]
        return probe["firstHeading"], None


# Drawn: the run finished, the first chart drawn, no element still a loading placeholder
# (Streamlit shows `stSkeleton` until an element's code has loaded), and QUIET_MS without
# a DOM change. (Stillness alone is not enough: while the browser parses plotly.js the
# page cannot change, and the first check after that long task would see a still page.)
SETTLED = """() => document.querySelector('[data-testid="stApp"]')
    ?.getAttribute('data-test-script-state') === 'notRunning'
  && !document.querySelector('[data-testid="stSkeleton"]')"""
DRAWN = f"""() => ({SETTLED})() && window.__bench.firstChart !== null
  && performance.now() - window.__bench.lastMutation >= {QUIET_MS}"""
# Strictly drawn: as settled, and no element added or removed for STRICT_QUIET_MS.
DRAWN_STRICT = f"""() => ({SETTLED})() && window.__bench.firstChart !== null
  && performance.now() - window.__bench.lastElement >= {STRICT_QUIET_MS}"""


def page_drawn(browser: Browser, url: str, path: str,
               screen: Screen) -> tuple[float, float, float]:
    """ms from navigation to the first chart, to the last DOM mutation before the page
    counts as drawn, and to the last element added or removed before it counts as
    strictly drawn, in one load (the drawn stamp is read once drawn, the strict one once
    strictly drawn)."""
    with tab(browser, url, screen) as page:
        page.goto(url + path)
        page.wait_for_function(DRAWN, timeout=PAGE_TIMEOUT, polling=50)
        probe = page.evaluate("window.__bench")
        page.wait_for_function(DRAWN_STRICT, timeout=PAGE_TIMEOUT, polling=50)
        strict = page.evaluate("window.__bench.lastElement")
        return probe["firstChart"], probe["lastMutation"], strict


def controls(page: Page) -> tuple[str, str]:
    """(slider, number) selectors once the page has drawn them: the panel's if it has one,
    otherwise Streamlit's; opens a closed sidebar that holds the slider."""
    page.wait_for_selector(f"{PANEL_SLIDER}, {STREAMLIT_SLIDER}", state="attached")
    page.wait_for_function(SETTLED, timeout=PAGE_TIMEOUT)  # the panel may mount late
    if page.locator(PANEL_ROOT).count():
        slider, number = PANEL_SLIDER, PANEL_NUMBER
    else:
        slider, number = STREAMLIT_SLIDER, STREAMLIT_NUMBER
    page.wait_for_selector(number)
    thumb_visible = f"""() => {{ const [x] = ({THUMB})(document.querySelector('{slider}'));
                                return x > 0 && x < innerWidth; }}"""
    if not page.evaluate(thumb_visible) and page.locator(EXPAND_SIDEBAR).count():
        page.locator(EXPAND_SIDEBAR).click()
        page.wait_for_function(thumb_visible)
        page.wait_for_timeout(400)  # the sidebar's opening transition
    return slider, number


def key_updates(browser: Browser, url: str, path: str, screen: Screen,
                presses: int) -> list[float]:
    """ms from each key press on the first slider to the first number's new text."""
    times = []
    with tab(browser, url, screen) as page:
        page.goto(url + path)
        wait_idle(page)
        slider_selector, number_selector = controls(page)
        slider = page.locator(slider_selector).first
        number = page.locator(number_selector).first
        for press in range(presses):
            slider.focus()
            page.evaluate(NUMBER_CHANGE, [number_selector, number.text_content()])
            page.keyboard.press("ArrowRight" if press % 2 == 0 else "ArrowLeft")
            done = page.evaluate("window.__numberChange")
            times.append(done - page.evaluate("window.__bench.lastKey"))
            wait_idle(page)
            page.wait_for_timeout(200)  # let the rest of the rerun settle
    return times


def drag_values(browser: Browser, url: str, path: str, screen: Screen) -> tuple[int, bool]:
    """Distinct new values of the first number seen while the thumb is dragged, before
    the mouse is released, and whether the number had changed once the run after the
    release finished (False: the drag did not move the slider, so the count means
    nothing)."""
    with tab(browser, url, screen) as page:
        page.goto(url + path)
        wait_idle(page)
        slider_selector, number_selector = controls(page)
        number = page.locator(number_selector).first
        slider = page.locator(slider_selector).first
        slider.scroll_into_view_if_needed()  # on a phone it lies below the results
        x, y = slider.evaluate(THUMB)
        before = number.text_content()
        seen: set[str] = set()
        page.mouse.move(x, y)
        page.mouse.down()
        try:
            for step in range(1, DRAG_STEPS + 1):
                page.mouse.move(x + step * DRAG_STEP_PX, y)
                page.wait_for_timeout(DRAG_PAUSE_MS)
                seen.add(number.text_content())
        finally:
            page.mouse.up()
        page.wait_for_timeout(300)
        wait_idle(page)
        return len(seen - {before}), number.text_content() != before


def save_times(browser: Browser, url: str, path: str, screen: Screen, saves: int) -> list[float]:
    """ms from each click on "Save scenario" to its "Saved" confirmation drawn."""
    times = []
    with tab(browser, url, screen) as page:
        page.goto(url + path)
        wait_idle(page)
        field = page.get_by_label("Name for the current assumptions")
        button = page.get_by_role("button", name="Save scenario")
        for number in range(saves):
            name = f"Bench {path.strip('/')} {number}"
            field.fill(name)
            field.press("Enter")  # the name is sent (a rerun), as a reader's typing is
            wait_idle(page)
            page.evaluate(SAVED_DRAWN, name)
            button.click()
            drawn = page.evaluate("window.__saved")
            times.append(drawn - page.evaluate("window.__bench.lastClick"))
            wait_idle(page)
            page.wait_for_timeout(200)
    return times


def save_figures(browser: Browser, log_dir: Path, app: str) -> None:
    """Click on "Save scenario" → the confirmation drawn, on each of SAVE_PAGES."""
    screen = SCREENS["1280x720"]
    variable = "CLAIMSCOPE_DATABASE_URL"  # the bench's saves go to a database of their own
    before = os.environ.get(variable)
    os.environ[variable] = f"sqlite+pysqlite:///{log_dir / 'saves.sqlite3'}"
    try:
        with serving(app, log_dir) as url:
            _save_pages(browser, url, screen)
    finally:
        if before is None:
            del os.environ[variable]
        else:
            os.environ[variable] = before


def _save_pages(browser: Browser, url: str, screen: Screen) -> None:
    first_content(browser, url, MAIN_PAGE, screen)  # the server's first run of the page
    for path in SAVE_PAGES:
        report_spread(f"{screen.name}_save_to_confirmation_{path.strip('/')}",
                      save_times(browser, url, path, screen, SAVES), "ms")


@dataclass
class Figures:
    """Every sample of one page at one screen (ms, px, counts)."""

    cold: list[float] = field(default_factory=list)
    chart_top: list[float] = field(default_factory=list)
    warm: list[float] = field(default_factory=list)
    drawn: list[float] = field(default_factory=list)
    drawn_strict: list[float] = field(default_factory=list)
    keys: list[float] = field(default_factory=list)
    drags: list[int] = field(default_factory=list)
    drag_moved: list[bool] = field(default_factory=list)


def measure_cold(browser: Browser, screen: Screen, repeats: int, log_dir: Path,
                 figures: dict[str, Figures], app: str) -> None:
    """First chart on a fresh server, the bare page and /projection (served by `app`) in
    turn, so that neither gets the machine's quieter moments."""
    for _ in range(repeats):
        for role, script, path in (("bare", BARE, "/"), ("app", app, MAIN_PAGE)):
            with serving(script, log_dir) as url:
                ms, top = first_content(browser, url, path, screen)
            figures[role].cold.append(ms)
            if top is not None:
                figures[role].chart_top.append(top)


def measure_warm(browser: Browser, screen: Screen, repeats: int, urls: dict[str, str],
                 figures: dict[str, Figures]) -> None:
    targets = (("bare", "/"), ("app", MAIN_PAGE))
    for _ in range(repeats):
        for role, path in targets:
            first, drawn, strict = page_drawn(browser, urls[role], path, screen)
            figures[role].warm.append(first)
            figures[role].drawn.append(drawn)
            figures[role].drawn_strict.append(strict)
    if not screen.interactive:
        return
    for role, path in targets:
        figures[role].keys += key_updates(browser, urls[role], path, screen, KEY_PRESSES)
        count, moved = drag_values(browser, urls[role], path, screen)
        figures[role].drags.append(count)
        figures[role].drag_moved.append(moved)


def report_screen(screen: Screen, figures: dict[str, Figures]) -> None:
    bare, app = figures["bare"], figures["app"]
    s = screen.name
    pairs = [("first_chart_cold", "cold", "s", 1e-3), ("first_chart_warm", "warm", "s", 1e-3),
             ("page_drawn", "drawn", "s", 1e-3),
             ("page_drawn_strict", "drawn_strict", "s", 1e-3)]
    if screen.interactive:
        pairs.append(("key_update", "keys", "ms", 1.0))
    for name, attribute, unit, scale in pairs:
        bare_values, app_values = getattr(bare, attribute), getattr(app, attribute)
        report_spread(f"{s}_bare_{name}", bare_values, unit, scale)
        report_spread(f"{s}_{name}", app_values, unit, scale)
        report(f"{s}_{name}_vs_bare",
               statistics.median(app_values) / statistics.median(bare_values), "x")
    if app.chart_top:
        report(f"{s}_first_chart_top", statistics.median(app.chart_top), "px")
        print(f"# {s}: window height {screen.context['viewport']['height']} px", flush=True)
    if screen.interactive:
        for prefix, page_figures in ((f"{s}_bare", bare), (s, app)):
            report(f"{prefix}_drag_values", min(page_figures.drags), "values")
            if not all(page_figures.drag_moved):
                print(f"# {prefix}_drag_values: the drag did not move the slider",
                      flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3,
                        help="cold starts and warm page loads per page and screen")
    parser.add_argument("--screens", default=",".join(SCREENS),
                        help=f"comma-separated, of {', '.join(SCREENS)}")
    parser.add_argument("--app", default=APP,
                        help="the script to serve for ClaimScope (app.py: unwarmed)")
    parser.add_argument("--embed-only", action="store_true",
                        help="only the embed against the bare page, and the live files' "
                             "sizes")
    parser.add_argument("--save-only", action="store_true",
                        help="only saving a scenario: click → confirmation drawn")
    parser.add_argument("--main-only", action="store_true",
                        help=f"only {MAIN_PAGE} and the bare page: no panel page, no other "
                             "pages")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"browser bench skipped: {CHROMIUM} is not installed", file=sys.stderr)
        return 0
    screens = [SCREENS[name] for name in args.screens.split(",") if name]
    desktop = SCREENS["1280x720"]
    log_dir = Path(tempfile.mkdtemp(prefix="claimscope-browser-bench-"))
    load_line("at start")
    print(f"# ClaimScope served by {args.app}", flush=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                             headless=True)
        try:
            with serving(BARE, log_dir) as url:  # the browser's own first start: not counted
                first_content(browser, url, "/", desktop)
            if args.embed_only or args.save_only:
                screens = []
            for screen in screens:
                figures = {"bare": Figures(), "app": Figures()}
                measure_cold(browser, screen, args.repeats, log_dir, figures, args.app)
                with serving(BARE, log_dir) as bare_url, \
                        serving(args.app, log_dir) as app_url:
                    urls = {"bare": bare_url, "app": app_url}
                    first_content(browser, bare_url, "/", screen)  # warm both servers
                    first_content(browser, app_url, MAIN_PAGE, screen)
                    measure_warm(browser, screen, args.repeats, urls, figures)
                report_screen(screen, figures)
                load_line(f"after {screen.name}")
            if not (args.main_only or args.save_only):
                embed_figures(browser, log_dir, args.app, args.repeats)
                live_file_sizes()
            if not (args.main_only or args.embed_only):
                save_figures(browser, log_dir, args.app)
            if not (args.main_only or args.embed_only or args.save_only):
                other_figures(browser, desktop, log_dir, args.app)
        finally:
            browser.close()
    load_line("at end")
    print(f"# server logs: {log_dir}", flush=True)
    return 0


def embed_figures(browser: Browser, log_dir: Path, app: str, repeats: int) -> None:
    """The embed's first chart against the bare page's, warm, at each of EMBED_SCREENS."""
    with serving(BARE, log_dir) as bare_url, serving(app, log_dir) as app_url:
        first_content(browser, bare_url, "/", SCREENS["1280x720"])  # warm both servers
        first_content(browser, app_url, EMBED_PAGE, SCREENS["1280x720"])
        for name in EMBED_SCREENS:
            screen = SCREENS[name]
            bare, embed = [], []
            for _ in range(repeats):
                bare.append(first_content(browser, bare_url, "/", screen)[0])
                embed.append(first_content(browser, app_url, EMBED_PAGE, screen)[0])
            report_spread(f"{name}_bare_first_chart_warm", bare, "s", 1e-3)
            report_spread(f"{name}_embed_first_chart_warm", embed, "s", 1e-3)
            report(f"{name}_embed_first_chart_warm_vs_bare",
                   statistics.median(embed) / statistics.median(bare), "x")


def live_file_sizes() -> None:
    """The live report and the panel alone, as /projection makes them for the document's
    own view (the report with no uncertainty section: the reader set no ranges)."""
    from datetime import date  # the core, only for these figures

    from claimscope.bundle import load_bundle
    from claimscope.charts.report import ReportEntry, build_report
    from claimscope.link.scenarios import Scenario
    from claimscope.link.viewstate import default_view
    from claimscope.live.page import standalone_panel
    from claimscope.views.citation import cite

    bundle = load_bundle()
    view = default_view(bundle.inputs)
    link = "http://localhost:8501/projection"
    report_html = build_report(bundle, [ReportEntry(Scenario("Projection explorer view", view),
                                                    link=link)],
                               cite(bundle.document, date.today(), link), "now")
    report("live_report_size", len(report_html.encode("utf-8")) / 1024, "KB")
    panel = standalone_panel(bundle, view.values, link)
    report("standalone_panel_size", len(panel.encode("utf-8")) / 1024, "KB")


def other_figures(browser: Browser, screen: Screen, log_dir: Path, app: str) -> None:
    """The panel page's slider against the bare page's, and every other page's first
    content, warm, at `screen`."""
    with serving(BARE, log_dir) as bare_url, serving(PANEL, log_dir) as panel_url:
        first_content(browser, bare_url, "/", screen)
        first_content(browser, panel_url, "/", screen)
        bare = statistics.median(key_updates(browser, bare_url, "/", screen, KEY_PRESSES))
        panel = statistics.median(key_updates(browser, panel_url, "/", screen, KEY_PRESSES))
        bare_first = first_content(browser, bare_url, "/", screen)[0]
    report(f"{screen.name}_panel_page_key_update", panel, "ms")
    report(f"{screen.name}_panel_page_key_update_vs_bare", panel / bare, "x")
    with serving(app, log_dir) as url:
        for path in OTHER_PAGES:
            first_content(browser, url, path, screen, chart=False)  # its first run here
            ms = first_content(browser, url, path, screen, chart=False)[0]
            name = f"{screen.name}_first_content_warm_" + (path.strip("/") or "overview")
            report(name, ms / 1000, "s")
            report(f"{name}_vs_bare", ms / bare_first, "x")


if __name__ == "__main__":
    sys.exit(main())
