"""Reference figures the projection needs but the document does not state (with sources)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from claimscope.schema import Field, load_records


@dataclass(frozen=True)
class Reference:
    id: str
    value: float
    unit: str
    label: str
    source: str
    url: str


_FIELDS = [Field("id", str), Field("value", (int, float)), Field("unit", str),
           Field("label", str), Field("source", str), Field("url", str)]


def load_references(path: Path) -> dict[str, Reference]:
    return {
        r["id"]: Reference(id=r["id"], value=float(r["value"]), unit=r["unit"],
                           label=r["label"], source=" ".join(r["source"].split()), url=r["url"])
        for r in load_records(path, "references", _FIELDS)
    }
