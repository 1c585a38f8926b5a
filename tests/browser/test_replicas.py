"""Two replicas behind HAProxy (deploy/): a page loads through the proxy and stays sticky."""

from __future__ import annotations

import os
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from deploy.replicas import serve
from tests.browser.conftest import FIRST_LOAD, heading

pytestmark = pytest.mark.browser
HAPROXY = Path("/usr/sbin/haproxy")


@pytest.fixture(scope="module")
def proxy_url(chromium_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not HAPROXY.exists():
        reason = "haproxy is not installed (apt-get install -y haproxy)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; the replica test must run in CI", pytrace=False)
        pytest.skip(reason)
    with serve(2, log_dir=tmp_path_factory.mktemp("replicas")) as (url, _):
        yield url


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
        expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=FIRST_LOAD)
        assert any(c["name"] == "SERVERID" for c in context.cookies())
    finally:
        context.close()
