"""How well the finder does against mentions a person labelled: precision and recall.

A found mention matches a labelled one when their spans overlap (each used once, in text
order) and both say the same about being a claim; recall is the share of labelled
mentions matched, precision the share of found mentions that match one. Exact spans and
values are counted too, as diagnostics."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from claimscope.finder.find import find_mentions
from claimscope.finder.mention import Mention


@dataclass(frozen=True)
class Expected:
    """One labelled mention: its span in the text, and whether it is a claim; `value`
    (optional) is the number a reader reads in it."""

    start: int
    end: int
    likely_claim: bool
    value: float | None = None


@dataclass(frozen=True)
class Score:
    """Counts over one or more texts, and the mentions that did not match (for reading)."""

    expected: int = 0
    found: int = 0
    matched: int = 0
    exact_spans: int = 0
    values_checked: int = 0
    values_right: int = 0
    missed: tuple[str, ...] = field(default=(), repr=False)
    extra: tuple[str, ...] = field(default=(), repr=False)

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    def __add__(self, other: Score) -> Score:
        return Score(self.expected + other.expected, self.found + other.found,
                     self.matched + other.matched, self.exact_spans + other.exact_spans,
                     self.values_checked + other.values_checked,
                     self.values_right + other.values_right, self.missed + other.missed,
                     self.extra + other.extra)


def _same_value(found: float | None, expected: float) -> bool:
    return found is not None and math.isclose(found, expected, rel_tol=1e-6, abs_tol=1e-9)


def score(text: str, expected: Iterable[Expected],
          found: Sequence[Mention] | None = None) -> Score:
    """Score the finder's mentions of `text` (or `found`, if given) against `expected`."""
    found = list(find_mentions(text) if found is None else found)
    labelled = sorted(expected, key=lambda e: (e.start, e.end))
    used: set[int] = set()
    matched = exact = checked = right = 0
    missed = []
    for item in labelled:
        index = next((i for i, m in enumerate(found) if i not in used
                      and m.start < item.end and item.start < m.end), None)
        if index is None or found[index].likely_claim != item.likely_claim:
            what = "no mention" if index is None else (
                f"found '{found[index].text}' ({found[index].reason})")
            missed.append(f"'{text[item.start:item.end]}' "
                          f"({'claim' if item.likely_claim else 'not a claim'}): {what}")
            if index is not None:
                used.add(index)
            continue
        used.add(index)
        matched += 1
        exact += (found[index].start, found[index].end) == (item.start, item.end)
        if item.value is not None:
            checked += 1
            right += _same_value(found[index].value, item.value)
    extra = tuple(f"'{m.text}' ({m.reason})" for i, m in enumerate(found) if i not in used)
    return Score(len(labelled), len(found), matched, exact, checked, right, tuple(missed),
                 extra)
