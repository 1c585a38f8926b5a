"""Real-browser fixtures: one Streamlit server and one Chromium for the session, a fresh
page per test, and a guard that blocks (and records) every request to another host.

The app must work offline, so anything leaving localhost is a bug the tests can see.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import (
    Browser,
    Locator,
    Page,
    Route,
    WebSocketRoute,
    expect,
    sync_playwright,
)
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.fixture_documents import CLINIC_DOCUMENT, FLYTIPPING_DOCUMENT, ROOT, WATERMAINS_DOCUMENT
from tests.hostile_document import write_hostile_document

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]
SERVER_START_TIMEOUT = 60.0  # seconds
SERVER_STOP_TIMEOUT = 10.0  # seconds before SIGTERM becomes SIGKILL
# Timeouts only bound how long a failing check waits; passing checks return at once.
# Measured on the shared 2-core machine: first load 3–7 s, up to 15 s under heavy load.
FIRST_LOAD = 30_000  # ms: a page's first render in a new browser context
UPDATE = 20_000  # ms: anything else (a rerun after a key press, a client-side page switch)
FOOTER = ".st-key-page_footer"  # app.py draws the footer after the page: run finished
# A chart: plotly's, or the live panel's own SVG step chart (/projection, /embed)
CHART = ".js-plotly-plot, svg.cs-chart"

expect.set_options(timeout=UPDATE)

# Every page has its own path (docs/architecture.md, "The URL contract"). Titles as in the top
# navigation, in its order.
PAGES = [  # (path, navigation title, page heading, page draws charts)
    ("/", "Overview", "ClaimScope", True),
    ("/projection", "Projection explorer", "Projection explorer", True),
    ("/compare", "Compare", "Compare scenarios", True),
    ("/forces", "Behind the 26 million", "Behind the 26 million", True),
    ("/offenders", "Offenders", "Offenders", True),
    ("/network", "Network & commitments", "Network & commitments", True),
    ("/source", "Source", "Source", False),
    ("/method", "Method & caveats", "Method & caveats", False),
    ("/evidence", "Evidence", "Evidence", False),
    ("/yours", "Your document", "Examine your own document", False),
]
HEADINGS = {title: heading for _, title, heading, _ in PAGES}


def _elsewhere(schemes: str) -> re.Pattern[str]:
    """URLs of `schemes` whose host is not this machine. A regex (not a Python callable),
    so the browser driver matches it itself without a round trip to pytest per request."""
    return re.compile(rf"^(?!({schemes})://(localhost|127\.0\.0\.1|\[::1\])[:/])({schemes}):")


ELSEWHERE_HTTP = _elsewhere("https?")
ELSEWHERE_WS = _elsewhere("wss?")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("localhost", 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class Server:
    url: str
    log: Path

    def log_tail(self, lines: int = 60) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else "(no log)"
        return "\n".join(text.splitlines()[-lines:])


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=SERVER_STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=SERVER_STOP_TIMEOUT)


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    """Debian's Chromium; missing means skip locally, but fail in CI (never skip in CI)."""
    if CHROMIUM.exists():
        return CHROMIUM
    reason = f"{CHROMIUM} is not installed (apt-get install -y chromium)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; browser tests must run in CI", pytrace=False)
    pytest.skip(reason)


@contextmanager
def _serve(log_dir: Path, document: str | None = None,
           more: tuple[Path, ...] = (), port: int | None = None) -> Iterator[Server]:
    """`streamlit run serve.py` on `port` (default: a free localhost port), ready when its
    health check says so; `document` is the CLAIMSCOPE_DOCUMENT it serves (the default
    document if None), `more` the further document folders it serves beside it
    (CLAIMSCOPE_DOCUMENTS). It uses the test process's database (tests/conftest.py)."""
    port = port or _free_port()
    running = Server(f"http://localhost:{port}", log_dir / "server.log")
    command = [str(ROOT / ".venv/bin/streamlit"), "run", "serve.py",
               "--server.port", str(port), "--server.headless", "true",
               "--server.address", "localhost", "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none"]  # a file saved mid-suite changes nothing
    env = {k: v for k, v in os.environ.items()
           if k not in ("CLAIMSCOPE_DOCUMENT", "CLAIMSCOPE_DOCUMENTS")}
    if document is not None:
        env["CLAIMSCOPE_DOCUMENT"] = document
    if more:
        env["CLAIMSCOPE_DOCUMENTS"] = os.pathsep.join(str(folder) for folder in more)
    with running.log.open("ab") as output:
        process = subprocess.Popen(command, cwd=ROOT, stdin=subprocess.DEVNULL, env=env,
                                   stdout=output, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while not _healthy(f"{running.url}/_stcore/health"):
            if process.poll() is not None:
                pytest.fail(f"Streamlit exited with code {process.returncode}:\n"
                            f"{running.log_tail()}", pytrace=False)
            if time.monotonic() > deadline:
                pytest.fail(f"Streamlit not healthy after {SERVER_START_TIMEOUT:.0f} s:\n"
                            f"{running.log_tail()}", pytrace=False)
            time.sleep(0.2)
        yield running
    finally:
        _stop(process)


@pytest.fixture(scope="session")
def server(chromium_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app on the default document, shared by the session."""
    with _serve(tmp_path_factory.mktemp("streamlit")) as running:
        yield running


@pytest.fixture(scope="session")
def fixture_server(chromium_path: Path,
                   tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app on the second document, the test fixture (a path, as a maintainer gives it)."""
    with _serve(tmp_path_factory.mktemp("streamlit-fixture"), str(CLINIC_DOCUMENT)) as running:
        yield running


@pytest.fixture(scope="session")
def other_subject_server(chromium_path: Path,
                         tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app on the third document, on another subject, with its own units."""
    with _serve(tmp_path_factory.mktemp("streamlit-other"), str(FLYTIPPING_DOCUMENT)) as running:
        yield running


@pytest.fixture(scope="session")
def several_server(chromium_path: Path,
                   tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app serving three documents at once: the default and the two fixtures."""
    with _serve(tmp_path_factory.mktemp("streamlit-several"),
                more=(CLINIC_DOCUMENT, FLYTIPPING_DOCUMENT)) as running:
        yield running


@pytest.fixture(scope="session")
def hostile_server(chromium_path: Path,
                   tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app serving, beside the default, a document written by someone hostile
    (tests/hostile_document.py)."""
    folder = write_hostile_document(tmp_path_factory.mktemp("hostile") / "hostile-document")
    with _serve(tmp_path_factory.mktemp("streamlit-hostile"), more=(folder,)) as running:
        yield running


@pytest.fixture(scope="session")
def conditions_server(chromium_path: Path,
                      tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app on the water-mains fixture: a validity condition and a check."""
    with _serve(tmp_path_factory.mktemp("streamlit-conditions"),
                str(WATERMAINS_DOCUMENT)) as running:
        yield running


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> pytest.TestReport:
    """A failed browser test shows the server's log: tracebacks are only written there."""
    report = yield
    funcargs = getattr(item, "funcargs", {})
    running = next((funcargs[name] for name in ("server", "fixture_server",
                                                "other_subject_server", "several_server",
                                                "hostile_server", "conditions_server")
                    if name in funcargs),
                   None)
    if report.failed and isinstance(running, Server):
        report.sections.append(("Streamlit server log (last lines)", running.log_tail()))
    return report


@pytest.fixture(scope="session")
def browser(chromium_path: Path) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(chromium_path),
                                              args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def external_requests() -> list[str]:
    """URLs of requests the page tried to send to other hosts (all of them were blocked)."""
    return []


@pytest.fixture
def page(browser: Browser, server: Server, external_requests: list[str]) -> Iterator[Page]:
    """A fresh context and page, wide enough for every top-navigation link, offline-only."""
    with _new_page(browser, server, external_requests) as fresh:
        yield fresh


@pytest.fixture
def fixture_page(browser: Browser, fixture_server: Server,
                 external_requests: list[str]) -> Iterator[Page]:
    """As `page`, on the server of the second document."""
    with _new_page(browser, fixture_server, external_requests) as fresh:
        yield fresh


@pytest.fixture
def other_subject_page(browser: Browser, other_subject_server: Server,
                       external_requests: list[str]) -> Iterator[Page]:
    """As `page`, on the server of the third document, on another subject."""
    with _new_page(browser, other_subject_server, external_requests) as fresh:
        yield fresh


@pytest.fixture
def several_page(browser: Browser, several_server: Server,
                 external_requests: list[str]) -> Iterator[Page]:
    """As `page`, on the server of three documents at once."""
    with _new_page(browser, several_server, external_requests) as fresh:
        yield fresh


@pytest.fixture
def hostile_page(browser: Browser, hostile_server: Server,
                 external_requests: list[str]) -> Iterator[Page]:
    """As `page`, on the server of the hostile document."""
    with _new_page(browser, hostile_server, external_requests) as fresh:
        yield fresh


@pytest.fixture
def conditions_page(browser: Browser, conditions_server: Server,
                    external_requests: list[str]) -> Iterator[Page]:
    """As `page`, on the server of the water-mains fixture."""
    with _new_page(browser, conditions_server, external_requests) as fresh:
        yield fresh


@contextmanager
def _new_page(browser: Browser, server: Server, external_requests: list[str]
              ) -> Iterator[Page]:
    context = browser.new_context(base_url=server.url, service_workers="block",
                                  viewport={"width": 1600, "height": 1000})

    def block(route: Route) -> None:
        external_requests.append(route.request.url)
        route.abort("blockedbyclient")

    def block_socket(socket_route: WebSocketRoute) -> None:
        external_requests.append(socket_route.url)
        socket_route.close()

    context.route(ELSEWHERE_HTTP, block)
    context.route_web_socket(ELSEWHERE_WS, block_socket)
    context.set_default_timeout(UPDATE)
    try:
        yield context.new_page()
    finally:
        context.close()


def footer(page: Page) -> Locator:
    return page.locator(FOOTER)


def choose(page: Page, label: str, option: str, attempts: int = 4) -> None:
    """Pick `option` in the select box named `label`. A click that lands while a rerun
    redraws the box does not open its list, so the box is opened again until it does."""
    box, choice = page.get_by_role("combobox", name=label), page.get_by_role("option",
                                                                             name=option)
    for _ in range(attempts):
        box.click()
        try:
            choice.wait_for(state="visible", timeout=UPDATE / attempts)
        except PlaywrightTimeoutError:
            page.keyboard.press("Escape")
            continue
        choice.click()
        return
    pytest.fail(f"the select box {label!r} never listed {option!r}")


def wait_for_run(page: Page, timeout: float = FIRST_LOAD) -> None:
    """Wait until the script run has finished (footer drawn, script idle); no exception.

    After a click on another page, first wait for something of the new page: the old
    page's footer stays on screen until the new run replaces it.
    """
    exception = page.get_by_test_id("stException")
    expect(footer(page).or_(exception).first).to_be_visible(timeout=timeout)
    expect(page.get_by_test_id("stApp")).to_have_attribute(
        "data-test-script-state", "notRunning", timeout=timeout)
    if exception.count():
        pytest.fail(f"{page.url} shows an exception: {exception.first.inner_text()!r} "
                    "(traceback in the server log below)", pytrace=False)


@pytest.fixture
def visit(page: Page) -> Callable[[str], Page]:
    """Open a path of the app and wait for its first run to finish without an exception."""

    def open_path(path: str) -> Page:
        page.goto(path)
        wait_for_run(page)
        return page

    return open_path


def nav_link(page: Page, title: str) -> Locator:
    """The top-navigation link to the page called `title`."""
    return page.get_by_test_id("stTopNavLink").filter(has_text=title)


def heading(page: Page) -> Locator:
    """The page's title (its first h1 in the main area)."""
    return page.get_by_test_id("stMain").locator("h1").first


def go_to(page: Page, title: str) -> None:
    """Move to another page by its top-navigation link and wait for that page's run."""
    nav_link(page, title).click()
    expect(nav_link(page, title)).to_have_attribute("aria-current", "page")
    expect(heading(page)).to_have_text(HEADINGS[title], timeout=FIRST_LOAD)
    wait_for_run(page)


def metric_value(page: Page, label: str) -> Locator:
    """The value of the st.metric whose label is `label`."""
    metric = page.get_by_test_id("stMetric").filter(
        has=page.get_by_test_id("stMetricLabel").filter(has_text=label))
    return metric.get_by_test_id("stMetricValue")
