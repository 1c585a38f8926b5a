"""Phrases found in a text whatever their spaces: any run of spaces and line breaks in the
phrase matches any run in the text, so a quote, a claim's number or a not-claim's context
copied from a page that wrapped the line differently still finds its place."""

from __future__ import annotations

import re


def places(text: str, phrase: str) -> list[tuple[int, int]]:
    """Every (start, end) in `text` where `phrase` occurs, overlapping places included
    ("aa" twice in "aaa"); none for a blank phrase."""
    words = phrase.split()
    if not words:
        return []
    # A lookahead, so that overlapping places count too.
    pattern = re.compile("(?=(" + r"\s+".join(re.escape(word) for word in words) + "))")
    return [(match.start(1), match.end(1)) for match in pattern.finditer(text)]


def first_place(text: str, phrase: str) -> tuple[int, int] | None:
    """The first place of `phrase` in `text`, or None."""
    found = places(text, phrase)
    return found[0] if found else None
