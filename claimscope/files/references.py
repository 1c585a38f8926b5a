"""Reference figures the projection needs but the document does not state (with sources)."""

from __future__ import annotations

from pathlib import Path

from claimscope.files.schema import Prose, Text, load_records
from claimscope.files.sources import Sourced


class Reference(Sourced):
    """One figure from outside the document; `source` and `url` say where, for readers."""

    id: Text
    value: float
    unit: Text
    label: Text
    source: Prose
    url: Text


REFERENCES_FILE = "reference.yaml"


def load_references(path: Path) -> dict[str, Reference]:
    return {r.id: r for r in load_records(path, "references", Reference)}
