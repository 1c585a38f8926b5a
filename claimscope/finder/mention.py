"""One number as a text writes it, with what the finder makes of it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Unit = Literal["percent", "percentage points", "GBP", "USD", "EUR", "JPY", "fraction",
               "times", "ratio"]
MentionKind = Literal["quantity", "date"]


@dataclass(frozen=True)
class Mention:
    """A span of the text holding a number, in character offsets (`text[start:end] ==
    mention.text`).

    `value` is the number read (a percent as its percent number, 7.25 for "7.25%"; money
    in units, 1.2e9 for "£1.2bn"; a date as its year), None where the words give none
    ("dozens of"); `upper` is a range's upper end. `unit` and `kind` are hints for a
    catalogue: the unit the text names, and "date" for years and dates. `likely_claim`
    says whether the number is probably a claim, and `reason` says why in plain words.
    """

    start: int
    end: int
    text: str
    value: float | None
    likely_claim: bool
    reason: str
    unit: Unit | None = None
    kind: MentionKind = "quantity"
    upper: float | None = None

    def as_json(self) -> dict[str, object]:
        """The command line's record: the fields in a fixed order, null where unknown."""
        return {"start": self.start, "end": self.end, "text": self.text,
                "value": self.value, "likely_claim": self.likely_claim,
                "reason": self.reason, "unit": self.unit, "kind": self.kind,
                "upper": self.upper}
