"""Consistency checks (README, "Adding a document"): the arithmetic a document implies, with a
verdict.

Which checks a document has is its own code: `checks.py` in its folder defines
`consistency_checks(catalogue, model, document_year, context, pages) -> list[Check]`,
reusing the core modules that own the arithmetic (the model, estimates over time,
membership), so the Source page shows the same figures as the pages that chart them. A
verdict is `consistent`, `inconsistent` or `note` (arithmetic worth knowing that the
document neither confirms nor contradicts).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

import pandas as pd

VERDICTS = ("consistent", "inconsistent", "note")


@dataclass(frozen=True)
class Check:
    """One piece of implied arithmetic: how it is computed, what it gives, what it means."""

    id: str
    title: str
    formula: str
    result: str
    statement: str  # the document's own words the check is about
    verdict: str
    explanation: str
    claims: tuple[str, ...]
    value: float  # the computed figure the result reports, for tests and downloads

    def __post_init__(self) -> None:
        if self.verdict not in VERDICTS:
            raise ValueError(f"{self.id}: unknown verdict {self.verdict!r}")


def months_inclusive(start: str, end: str) -> int:
    """Calendar months from `start` to `end` (YYYY-MM), counting both: 2010-03..2012-04 -> 26."""
    (y0, m0), (y1, m1) = (map(int, stamp.split("-")) for stamp in (start, end))
    return (y1 - y0) * 12 + (m1 - m0) + 1


def quoted(*texts: str) -> str:
    """Verbatim spans of the document in quotation marks, joined by an ellipsis."""
    return " … ".join(f"“{t}”" for t in texts)


def checks_summary(checks: Sequence[Check]) -> str:
    """'7 checks: 4 consistent, 1 inconsistent, 2 notes'."""
    tally = {verdict: sum(c.verdict == verdict for c in checks) for verdict in VERDICTS}
    return (f"{len(checks)} checks: {tally['consistent']} consistent, "
            f"{tally['inconsistent']} inconsistent, {tally['note']} "
            f"note{'' if tally['note'] == 1 else 's'}")


def checks_frame(checks: Sequence[Check]) -> pd.DataFrame:
    """One row per check, for the table and its CSV download."""
    rows = [{**asdict(c), "claims": ", ".join(c.claims)} for c in checks]
    return pd.DataFrame(rows, columns=[*Check.__dataclass_fields__])
