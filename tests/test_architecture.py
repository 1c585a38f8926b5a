"""Hygiene: the core stays pure and the data files keep their promises."""

from __future__ import annotations

import ast
import hashlib
from pathlib import Path

import pytest

from claimscope.bundle import DATA_DIR, load_bundle

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "claimscope"


@pytest.mark.parametrize("path", sorted(CORE.rglob("*.py")), ids=lambda p: p.name)
def test_core_never_imports_streamlit(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        assert not any(n == "streamlit" or n.startswith("streamlit.") for n in names), path


def test_shipped_document_is_byte_for_byte_the_published_text() -> None:
    bundle = load_bundle()
    text = (DATA_DIR / bundle.document.meta["id"] / "document.md").read_bytes()
    assert hashlib.sha256(text).hexdigest() == bundle.document.meta["sha256"]
    assert bundle.document.sha256_ok


def test_telemetry_is_off_and_server_is_local() -> None:
    config = (ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    assert "gatherUsageStats = false" in config
    assert 'address = "localhost"' in config


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
