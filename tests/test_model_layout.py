"""The model package's layout: the model, break-even and each printer in their own module;
printers depend on the model and break-even, never the reverse; no import circle, not
even through an import inside a function."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "claimscope" / "model"


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """Each module of the package and the package's modules it imports, anywhere in it."""
    modules = {_module(path): path for path in PACKAGE.rglob("*.py")}
    found: dict[str, set[str]] = {}
    for name, path in modules.items():
        imported = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                imported |= {node.module, *(f"{node.module}.{a.name}" for a in node.names)}
            elif isinstance(node, ast.Import):
                imported |= {alias.name for alias in node.names}
        found[name] = {module for module in imported if module in modules} - {name}
    return found


def test_the_model_package_has_no_import_circle() -> None:
    graph = _imports()
    done: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        assert name not in path, " → ".join((*path, name))
        if name in done:
            return
        for imported in graph[name]:
            visit(imported, (*path, name))
        done.add(name)

    for name in graph:
        visit(name, ())


def test_printers_depend_on_the_model_and_not_the_reverse() -> None:
    graph = _imports()
    printers = {name for name in graph if name.startswith("claimscope.model.printing.")}
    assert {p.rsplit(".", 1)[1] for p in printers} == {"numpy", "javascript", "latex", "words"}
    # the numpy printer is a leaf the model compiles its evaluation with
    assert graph["claimscope.model.printing.numpy"] == set()
    assert graph["claimscope.model.model"] & printers == {"claimscope.model.printing.numpy"}
    assert "claimscope.model.break_even" not in graph["claimscope.model.model"]
    assert not graph["claimscope.model.break_even"] & (printers
                                                        - {"claimscope.model.printing.numpy"})
    for printer in printers - {"claimscope.model.printing.numpy",
                               "claimscope.model.printing.latex"}:
        assert "claimscope.model.model" in graph[printer], printer
