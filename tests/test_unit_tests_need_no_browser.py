"""The unit and AppTest tests load without a browser driver: only tests/browser/ may
import Playwright, so `pytest --ignore=tests/browser` runs where it is not installed."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
BROWSER = TESTS / "browser"
NOT_BROWSER = sorted(path for path in TESTS.rglob("*.py") if BROWSER not in path.parents)


def _imports(path: Path) -> set[str]:
    """Every module a file imports, anywhere in it."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", NOT_BROWSER, ids=lambda p: str(p.relative_to(TESTS)))
def test_no_unit_test_imports_playwright_or_the_browser_tests(path: Path) -> None:
    wrong = sorted(name for name in _imports(path)
                   if name.split(".")[0] == "playwright" or name.startswith("tests.browser"))
    assert not wrong, f"{path.relative_to(TESTS)} imports {wrong}"
