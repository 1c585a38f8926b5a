"""What a converter hands back before normalisation."""

from __future__ import annotations

from typing import NamedTuple


class Extracted(NamedTuple):
    """A converter's raw text, its page count (None where a format has no pages), the
    title the file declares ("" if none) and notes on what was left out."""

    text: str
    pages: int | None
    title: str
    notes: tuple[str, ...]
