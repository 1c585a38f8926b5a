"""Caveats: what the document's figures cannot tell, kept as data beside the document."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from claimscope.schema import Field, load_records


@dataclass(frozen=True)
class Caveat:
    id: str
    title: str
    text: str
    claims: tuple[str, ...]


_FIELDS = [Field("id", str), Field("title", str), Field("text", str), Field("claims", list)]


def load_caveats(path: Path) -> list[Caveat]:
    return [Caveat(r["id"], r["title"], " ".join(r["text"].split()), tuple(r["claims"]))
            for r in load_records(path, "caveats", _FIELDS)]
