"""serve.py's warm-up: the pages' imports, the bundle and its provenance check, before the
first reader; a bad data file must not stop the server (app.py shows it to readers)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from claimscope.store import migrate
from claimscope.store.database import open_store
from components import context, layout, warm

ROOT = Path(__file__).resolve().parent.parent


def test_page_imports_are_every_page_scripts_top_level_imports() -> None:
    names = warm.page_imports()
    projection = ast.parse((warm.PAGES / "projection.py").read_text(encoding="utf-8"))
    expected = {node.module for node in projection.body if isinstance(node, ast.ImportFrom)}
    assert expected <= set(names)
    assert "components.charts" in names and names == sorted(names)


def test_warm_fills_the_caches_the_first_reader_would_wait_for(monkeypatch) -> None:
    context.clear()
    layout.integrity_problems.clear()
    try:
        warm.warm()

        def no_second_load(*_: object) -> None:
            raise AssertionError("the bundle was loaded again")

        monkeypatch.setattr(context, "load_bundle", no_second_load)
        data = context.bundle()  # served from the cache warm() filled
        monkeypatch.setattr(type(data), "integrity_problems", no_second_load)
        assert layout.integrity_problems(data) == []
    finally:
        context.clear()


def test_warm_leaves_a_bad_document_to_the_app(monkeypatch) -> None:
    monkeypatch.setenv("CLAIMSCOPE_DOCUMENT", "no-such-document")
    context.clear()
    try:
        warm.warm()  # no DataError: app.py shows it to each reader
    finally:
        context.clear()


def test_serve_defines_the_app_streamlit_run_serves() -> None:
    """In a child process: constructing st.App pins process-wide Streamlit config."""
    code = ("import serve, streamlit as st; "
            "assert isinstance(serve.app, st.App), type(serve.app)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]


def test_warm_makes_the_stores_schema(monkeypatch, tmp_path: Path) -> None:
    """A fresh database gets its schema at server start, before any reader saves."""
    url = f"sqlite+pysqlite:///{tmp_path / 'fresh.sqlite3'}"
    monkeypatch.setenv("CLAIMSCOPE_DATABASE_URL", url)
    warm.warm()
    assert migrate.current(open_store(url).engine) == migrate.head()


def test_warm_starts_the_server_with_the_database_unreachable(monkeypatch) -> None:
    monkeypatch.setenv("CLAIMSCOPE_DATABASE_URL", "postgresql+psycopg://x:y@127.0.0.1:1/db")
    warm.warm()  # no exception: pages say saving is unavailable
