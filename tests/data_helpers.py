"""Editing a copy of the shipped document folder in tests, where a bad edit must give a
DataError naming the file, the record and the field."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from claimscope.bundle import DATA_DIR, default_document

SOURCE = DATA_DIR / default_document()


def copy_document(tmp_path: Path) -> Path:
    """A copy of the shipped document folder, safe to edit."""
    copy = tmp_path / default_document()
    shutil.copytree(SOURCE, copy)
    return copy


def edit(path: Path, change: Callable[[Any], None]) -> None:
    """Apply `change` to a YAML file's data and write it back."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
