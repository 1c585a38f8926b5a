"""The HAProxy config for replicas (deploy/haproxy.cfg) is valid as shipped and rendered."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from deploy.replicas import CONFIG, render

HAPROXY = shutil.which("haproxy") or "/usr/sbin/haproxy"


@pytest.fixture(scope="module")
def haproxy() -> str:
    """Debian's haproxy; missing means skip locally, but fail in CI (never skip in CI)."""
    if Path(HAPROXY).exists():
        return HAPROXY
    reason = "haproxy is not installed (apt-get install -y haproxy)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; the deploy tests must run in CI", pytrace=False)
    pytest.skip(reason)


def check(haproxy: str, config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([haproxy, "-c", "-f", str(config)], capture_output=True,
                          text=True, timeout=30, check=False)


def test_shipped_config_is_valid(haproxy: str) -> None:
    result = check(haproxy, CONFIG)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("replicas", [1, 3])
def test_rendered_config_is_valid_and_loopback_only(haproxy: str, tmp_path: Path,
                                                    replicas: int) -> None:
    ports = [9001 + i for i in range(replicas)]
    text = render(9000, ports)
    config = tmp_path / "haproxy.cfg"
    config.write_text(text)
    result = check(haproxy, config)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.findall(r"^\s*bind (\S+)", text, re.M) == ["127.0.0.1:9000"]
    assert re.findall(r"^\s*server (\S+) (\S+) check cookie (\S+)", text, re.M) == [
        (f"r{i}", f"127.0.0.1:{port}", f"r{i}") for i, port in enumerate(ports, start=1)]


def test_config_has_cookie_affinity_and_websocket_timeouts() -> None:
    text = CONFIG.read_text()
    assert re.search(r"^\s*cookie SERVERID insert indirect nocache\b", text, re.M)
    assert re.search(r"^\s*timeout tunnel \S+", text, re.M)
    assert all(address.startswith("127.0.0.1:")
               for address in re.findall(r"^\s*(?:bind|server \S+) (\S+)", text, re.M))
