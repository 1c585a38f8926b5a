"""Shared test settings: the hypothesis profiles (every test's, the fuzz tests') and the
fuzz tests' example count.

Every property test runs without a deadline (the "loaded" profile, loaded here): what
they check is a property, not a speed, and CI runs them on a loaded machine, where one
example once took 546 ms against Hypothesis' default 200 ms. A test that means to bound
time says so with its own `deadline`.

`make test` prints "fuzz examples: N" at the end, N being how many generated inputs the
fuzz tests (tests/test_fuzz.py) fed to the parsers and loaders in this run. Tests run in
parallel (pytest-xdist): each worker counts its own, and the controller adds them up.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

LOADED_PROFILE = "loaded"
settings.register_profile(LOADED_PROFILE, deadline=None)
settings.load_profile(LOADED_PROFILE)

FUZZ_PROFILE = "fuzz"
settings.register_profile(
    FUZZ_PROFILE,
    deadline=None,  # a loader reading a tmp file may stall on a busy CI machine
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.filter_too_much],
)

_COUNT = pytest.StashKey[dict[str, int]]()


@pytest.fixture(scope="session")
def fuzz_count(request: pytest.FixtureRequest) -> dict[str, int]:
    """Examples run per fuzz target; a test adds one per generated input it checks."""
    return request.config.stash.setdefault(_COUNT, {})


def pytest_sessionfinish(session: pytest.Session) -> None:
    """On an xdist worker: hand this worker's counts to the controller."""
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["fuzz_count"] = dict(session.config.stash.get(_COUNT, {}))


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error) -> None:  # noqa: ARG001
    """On the xdist controller: add up the counts each worker handed over."""
    total = node.config.stash.setdefault(_COUNT, {})
    for name, count in getattr(node, "workeroutput", {}).get("fuzz_count", {}).items():
        total[name] = total.get(name, 0) + count


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # noqa: ARG001
    counts = config.stash.get(_COUNT, {})
    if counts:
        detail = ", ".join(f"{name} {n:,}" for name, n in sorted(counts.items()))
        terminalreporter.write_line(f"fuzz examples: {sum(counts.values())} ({detail})")
