"""Hygiene: the core stays pure and the data files keep their promises."""

from __future__ import annotations

import ast
import hashlib
from pathlib import Path

import pytest

from claimscope.bundle import DATA_DIR, load_bundle

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "claimscope"


def _imports(path: Path) -> list[str]:
    """Every module a file imports (relative imports are not used in this project)."""
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def _layer(path: Path) -> str:
    relative = path.relative_to(ROOT).parts
    if relative[0] == "claimscope":
        return "figures" if relative[1] == "charts" else "core"
    return {"data": "document", "components": "components"}[relative[0]]


# Layers run one way (DESIGN §9): data → core → figures → components → app. What each
# layer may not import; document code under data/*/ may use the core only.
FORBIDDEN = {
    "document": ("claimscope.charts", "components", "app", "streamlit", "plotly"),
    "core": ("claimscope.charts", "components", "app", "streamlit", "plotly"),
    "figures": ("components", "app", "streamlit"),
    "components": ("app",),
}
LAYERED = sorted([*CORE.rglob("*.py"), *(ROOT / "components").rglob("*.py"),
                  *(ROOT / "data").glob("*/*.py")])


@pytest.mark.parametrize("path", LAYERED, ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_run_one_way_through_the_layers(path: Path) -> None:
    forbidden = FORBIDDEN[_layer(path)]
    wrong = [name for name in _imports(path)
             if any(name == f or name.startswith(f + ".") for f in forbidden)]
    assert not wrong, f"{path.relative_to(ROOT)} ({_layer(path)}) imports {wrong}"


def test_shipped_document_is_byte_for_byte_the_published_text() -> None:
    bundle = load_bundle()
    text = (DATA_DIR / bundle.document.meta["id"] / "document.md").read_bytes()
    assert hashlib.sha256(text).hexdigest() == bundle.document.meta["sha256"]
    assert bundle.document.sha256_ok


def test_every_input_default_traces_to_a_claim_or_is_a_labelled_assumption() -> None:
    bundle = load_bundle()
    for spec in bundle.inputs.values():
        if spec.name == "months":
            start, end = (bundle.catalogue[c].date for c in spec.claims)
            (y0, m0), (y1, m1) = (map(int, d.split("-")) for d in (start, end))
            assert spec.default == (y1 - y0) * 12 + (m1 - m0) + 1  # inclusive months
        elif spec.claims:
            assert spec.default == bundle.catalogue.value(spec.claims[0]), spec.name
        else:
            assert spec.basis.startswith("Assumption") or spec.name == "year", spec.name
