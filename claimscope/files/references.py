"""Reference figures the projection needs but the document does not state (with sources)."""

from __future__ import annotations

from claimscope.files.folder import DataFile
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


def load_references(path: DataFile) -> dict[str, Reference]:
    return {r.id: r for r in load_records(path, "references", Reference)}
