"""How well the finder does against mentions a person labelled: precision and recall.

A labelled mention is recalled when a found mention overlaps it and says the same about
being a claim; a found mention is right when it is such a match for at least one
labelled mention (one found range "14 to 18 May" may match the labels "14" and "18").
Recall is the share of labelled mentions recalled, precision the share of found
mentions that are right. Exact spans and
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
    matched: int = 0  # labelled mentions recalled
    found_right: int = 0  # found mentions that match a labelled one
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
        return self.found_right / self.found if self.found else 1.0

    def __add__(self, other: Score) -> Score:
        return Score(self.expected + other.expected, self.found + other.found,
                     self.matched + other.matched, self.found_right + other.found_right,
                     self.exact_spans + other.exact_spans,
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
    agreeing: set[int] = set()
    matched = exact = checked = right = 0
    missed = []
    for item in labelled:
        overlapping = [i for i, m in enumerate(found)
                       if m.start < item.end and item.start < m.end]
        same = [i for i in overlapping if found[i].likely_claim == item.likely_claim]
        if not same:
            what = (f"found '{found[overlapping[0]].text}' ({found[overlapping[0]].reason})"
                    if overlapping else "no mention")
            missed.append(f"'{text[item.start:item.end]}' "
                          f"({'claim' if item.likely_claim else 'not a claim'}): {what}")
            continue
        agreeing.update(same)
        matched += 1
        exact += any((found[i].start, found[i].end) == (item.start, item.end) for i in same)
        if item.value is not None:
            checked += 1
            right += any(_same_value(found[i].value, item.value) for i in same)
    extra = tuple(f"'{m.text}' ({m.reason})" for i, m in enumerate(found)
                  if i not in agreeing)
    return Score(len(labelled), len(found), matched, len(agreeing), exact, checked, right,
                 tuple(missed), extra)
