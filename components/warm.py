"""Readying a server process before its first reader (serve.py runs this at start).

What every session would otherwise wait for on a fresh server: the modules the pages
import, the store's schema made or migrated (claimscope/store), the document bundle (a
cache shared by all sessions), its provenance check (cached too) and the model's browser
script (its break-even rules are solved by SymPy once per model: half a second of the
first reader's run of /projection, measured with bench/profile_server.py). The pages
themselves are not run: only their imports are read (with `ast`) and imported, so a new
page is warmed without being named here.
"""

from __future__ import annotations

import ast
import importlib
from contextlib import suppress
from pathlib import Path

from claimscope.files.schema import DataError
from claimscope.model.printing.javascript import model_javascript
from claimscope.store.database import StoreUnavailable, open_store
from components.context import bundle
from components.layout import integrity_problems

PAGES = Path(__file__).resolve().parent / "pages"


def page_imports() -> list[str]:
    """The absolute module imports at the top of every page script, sorted."""
    names: set[str] = set()
    for path in sorted(PAGES.glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module)
    return sorted(names)


def warm() -> None:
    """Import what the pages import, load the bundle and check its provenance, once. A
    bad data file is left for app.py to show each reader (a DataError here would stop
    the server from starting), and so is a database that cannot be reached: saving says
    so, and the schema is made on the first use that reaches it."""
    for name in page_imports():
        importlib.import_module(name)
    with suppress(StoreUnavailable):
        open_store().ready()
    try:
        data = bundle()
    except DataError:
        return
    integrity_problems(data)
    model_javascript(data.model)  # kept on the model, which the bundle's cache keeps
