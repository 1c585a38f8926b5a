"""The server's safe defaults (.streamlit/config.toml), as Streamlit itself reads them."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from streamlit import config as streamlit_config

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / ".streamlit" / "config.toml"
EXPECTED = {
    "server.enableXsrfProtection": True,  # forms and uploads need the XSRF token
    "server.enableCORS": True,
    "server.maxUploadSize": 10,  # MB: a reader's document, as intake takes it
    "server.address": "localhost",  # deployment opts in with --server.address
    "server.headless": True,
    "browser.gatherUsageStats": False,  # no telemetry
    "client.showErrorDetails": "none",  # no traceback or exception text in the browser
    "client.toolbarMode": "minimal",
    "runner.postScriptGC": False,  # a full GC after every run cost ~30 ms of GIL each
}


def _file_value(option: str):
    section, name = option.split(".")
    return tomllib.loads(CONFIG.read_text(encoding="utf-8"))[section][name]


@pytest.mark.parametrize(("option", "value"), EXPECTED.items())
def test_config_file_sets_the_safe_default(option: str, value) -> None:
    assert _file_value(option) == value


def test_streamlit_reads_the_safe_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    """A misspelt option or section would be ignored silently: ask Streamlit itself."""
    monkeypatch.chdir(ROOT)
    streamlit_config.get_config_options(force_reparse=True)
    try:
        assert {option: streamlit_config.get_option(option) for option in EXPECTED} == EXPECTED
    finally:
        monkeypatch.undo()
        streamlit_config.get_config_options(force_reparse=True)


def test_error_details_value_is_one_streamlit_accepts() -> None:
    description = streamlit_config._config_options_template[  # noqa: SLF001
        "client.showErrorDetails"].description
    assert '"none"' in description
