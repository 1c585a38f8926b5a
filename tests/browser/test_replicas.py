"""Two replicas behind HAProxy on one PostgreSQL database (deploy/): a page loads through
the proxy and stays sticky, and a scenario saved through the proxy is still listed after
the replica that served it is stopped."""

from __future__ import annotations

import os
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from deploy.postgres import installed as postgres_installed
from deploy.replicas import serve, stop
from tests.browser.conftest import CHART, FIRST_LOAD, heading, wait_for_run
from tests.browser.test_report import save_scenario
from tests.browser.test_saved_scenarios import compared

pytestmark = pytest.mark.browser
HAPROXY = Path("/usr/sbin/haproxy")


def needs_haproxy_and_postgres() -> None:
    """Skip without HAProxy or PostgreSQL; fail in CI, where they must run."""
    missing = [name for name, here in (("haproxy", HAPROXY.exists()),
                                       ("postgresql", postgres_installed())) if not here]
    if missing:
        reason = f"not installed: {', '.join(missing)} (apt-get install -y {' '.join(missing)})"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; the replica tests must run in CI", pytrace=False)
        pytest.skip(reason)


@pytest.fixture(scope="module")
def proxy_url(chromium_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    needs_haproxy_and_postgres()
    with serve(2, log_dir=tmp_path_factory.mktemp("replicas")) as started:
        yield started.url


def affinity_cookie(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        cookies = response.headers.get_all("Set-Cookie") or []
    return next(c.split(";")[0] for c in cookies if c.startswith("SERVERID="))


def test_new_visitors_are_spread_and_pinned_by_cookie(proxy_url: str) -> None:
    """Round robin for new visitors; the SERVERID cookie names their replica."""
    assert {affinity_cookie(f"{proxy_url}/") for _ in range(2)} == {"SERVERID=r1",
                                                                     "SERVERID=r2"}


def test_page_loads_through_the_proxy(browser: Browser, proxy_url: str) -> None:
    """The projection page runs through HAProxy: websocket up, heading, chart, metric."""
    context = browser.new_context(base_url=proxy_url, viewport={"width": 1600, "height": 1000})
    try:
        page = context.new_page()
        page.goto("/projection")
        expect(heading(page)).to_have_text("Projection explorer", timeout=FIRST_LOAD)
        expect(page.locator(CHART).first).to_be_visible(timeout=FIRST_LOAD)
        assert any(c["name"] == "SERVERID" for c in context.cookies())
    finally:
        context.close()


def test_a_save_survives_the_loss_of_the_replica_that_served_it(
        browser: Browser, chromium_path: Path, tmp_path: Path) -> None:
    """Saved through the proxy on PostgreSQL; that replica stopped; the reload lands on the
    other replica, which lists the scenario (the store is shared, not a replica's memory)."""
    needs_haproxy_and_postgres()
    with serve(2, log_dir=tmp_path) as started:
        assert started.database_url.startswith("postgresql+psycopg://")
        context = browser.new_context(base_url=started.url,
                                      viewport={"width": 1600, "height": 1000})
        try:
            page = context.new_page()
            page.goto("/compare?share=10")
            wait_for_run(page)
            save_scenario(page, "Saved before the replica stopped")
            replica = next(c["value"] for c in context.cookies() if c["name"] == "SERVERID")
            served_by = started.servers[int(replica.removeprefix("r")) - 1]
            stop(served_by)
            page.reload()
            wait_for_run(page)
            expect(compared(page)).to_contain_text("Saved before the replica stopped")
            now = next(c["value"] for c in context.cookies() if c["name"] == "SERVERID")
            assert now != replica, "the reload was served by the other replica"
        finally:
            context.close()
