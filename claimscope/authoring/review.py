"""Going through a long document's numbers a page at a time: which mentions a filter
shows, and the page of them on screen (a 40-page document has some 300)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from claimscope.authoring.decisions import Decision, Kept
from claimscope.finder import Mention

PER_PAGE = 20
FILTERS = {
    "all": "Every number",
    "likely": "Likely claims",
    "unlikely": "Probably not claims",
    "undecided": "Not decided yet",
    "decided": "Decided",
    "kept": "Kept as claims",
}


def matching(mentions: Sequence[Mention], decisions: Mapping[int, Decision],
             which: str) -> list[int]:
    """The numbers (positions in `mentions`) the filter `which` shows, in text order."""
    tests = {
        "all": lambda number, mention: True,
        "likely": lambda number, mention: mention.likely_claim,
        "unlikely": lambda number, mention: not mention.likely_claim,
        "undecided": lambda number, mention: number not in decisions,
        "decided": lambda number, mention: number in decisions,
        "kept": lambda number, mention: isinstance(decisions.get(number), Kept),
    }
    test = tests.get(which, tests["all"])
    return [number for number, mention in enumerate(mentions) if test(number, mention)]


def page_count(total: int, per_page: int = PER_PAGE) -> int:
    return max(1, math.ceil(total / per_page))


def page_of(numbers: Sequence[int], page: int, per_page: int = PER_PAGE) -> list[int]:
    """Page `page` (from 1; clamped to the pages there are) of `numbers`."""
    last = page_count(len(numbers), per_page)
    page = min(max(1, page), last)
    return list(numbers[(page - 1) * per_page: page * per_page])
