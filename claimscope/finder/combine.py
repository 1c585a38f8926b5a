"""Joining neighbouring numbers into the phrases a text writes with them: ranges ("2–3",
"between 5 and 10 per cent", "2016 to 2018"), proportions ("one in five"), number words
with their unit ("five per cent", "three times"), and the qualifier before a number
("more than 20", "well over 8,000")."""

from __future__ import annotations

import re

from claimscope.finder.lexicon import CURRENCIES
from claimscope.finder.pieces import Piece

_I = re.IGNORECASE
_DASH = re.compile(r"\s?[-–—]\s?")
_TO = re.compile(r"\s+(?:to|and)\s+", _I)
_BETWEEN = re.compile(r"\bbetween\s+$", _I)
_FROM = re.compile(r"\b(?:from|rose|fell|increased|decreased|grew|dropped)\s+$", _I)
_IN = re.compile(r"\s+(?:in|out\s+of)\s+(?:every\s+)?", _I)
_PERCENT_AFTER = re.compile(r"\s+(?:per\s?cent|percent)\b", _I)
_POINTS_AFTER = re.compile(r"\s+percentage\s+points?\b", _I)
_MONEY_AFTER = re.compile(r"\s+(?:pounds|dollars|euros)\b", _I)
_TIMES_AFTER = re.compile(r"\s+times\b", _I)
_QUALIFIER = re.compile(
    r"(?:\b(?:well|just|slightly|far|much|considerably|significantly)\s+)?"
    r"\b(?:more\s+than|over|under|fewer\s+than|less\s+than|at\s+least|at\s+most|up\s+to|"
    r"nearly|almost|about|around|approximately|roughly|some|as\s+many\s+as|as\s+few\s+as|"
    r"as\s+much\s+as|as\s+little\s+as|upwards\s+of|in\s+excess\s+of|close\s+to|"
    r"no\s+more\s+than|no\s+fewer\s+than|no\s+less\s+than|not\s+more\s+than|"
    r"an\s+estimated|approx\.|c\.|circa|below|above|exceeding|almost|below)\s+$", _I)
_LIST_JOIN = re.compile(r"\s*(?:,|and|or|to|&|[-–—])\s*(?:and\s+)?", _I)


def _range(left: Piece, right: Piece, text: str) -> Piece | None:
    gap = text[left.end:right.start]
    between = _BETWEEN.search(text, max(0, left.start - 12), left.start)
    joined = _DASH.fullmatch(gap) or (_TO.fullmatch(gap) and (
        between is not None or gap.strip().lower() == "to"))
    if not joined or left.value is None or right.value is None:
        return None
    if gap.strip().lower() == "and" and between is None:
        return None
    if _FROM.search(text, max(0, left.start - 12), left.start):
        return None  # "rose from 5 to 8": a change, two figures
    start = between.start() if between is not None else left.start
    if left.form == right.form == "year":
        return Piece(start, right.end, left.value, "range", kind="date", upper=right.value,
                     note="a period between two dates (kind date)")
    if left.form == "digits" and right.kind == "date" and right.form == "date" \
            and left.unit is None and 1 <= left.value <= 31:
        return Piece(start, right.end, right.value, "range", kind="date",
                     note="a span of dates (kind date)")
    if left.kind == "date" or right.kind == "date":
        if not (left.form == "year" and right.form == "digits" and gap.strip() in "-–—"
                and right.value is not None and right.value < 100):
            return None
        # "2016-17": a year and the next one, shortened
        return Piece(start, right.end, left.value, "range", kind="date",
                     upper=left.value - left.value % 100 + right.value,
                     note="a period between two years (kind date)")
    if not (left.plain and right.plain or left.form in ("digits", "words")
            and right.form in ("digits", "words") and left.flag is None
            and right.flag is None):
        return None
    if left.unit not in (None, right.unit):
        return None
    lower = left.value * right.scale if left.scale == 1 and right.scale != 1 else left.value
    return Piece(start, right.end, lower, "range", unit=right.unit, upper=right.value,
                 note="a range")


def _proportion(left: Piece, right: Piece, text: str) -> Piece | None:
    bare = (left.plain and right.plain and left.unit is None and right.unit is None
            and left.kind == right.kind == "quantity")
    if not bare or left.value is None or not right.value \
            or not _IN.fullmatch(text[left.end:right.start]):
        return None
    return Piece(left.start, right.end, left.value / right.value, "fraction",
                 unit="fraction", note="a proportion (one in five)")


def join_phrases(pieces: list[Piece], text: str) -> list[Piece]:
    """Pieces with neighbours joined into ranges and proportions, in order."""
    joined: list[Piece] = []
    for piece in pieces:
        previous = joined[-1] if joined else None
        combined = None
        if previous is not None and piece.start - previous.end <= 12:
            combined = _proportion(previous, piece, text) or _range(previous, piece, text)
        if combined is not None:
            joined[-1] = combined
        else:
            joined.append(piece)
    return joined


def attach_words(piece: Piece, text: str, limit: int) -> None:
    """Words after a number that give its unit: "per cent", "pounds", "times"."""
    if piece.flag is not None or piece.kind == "date" or piece.unit is not None:
        return
    for pattern, unit in ((_PERCENT_AFTER, "percent"), (_POINTS_AFTER, "percentage points"),
                          (_MONEY_AFTER, None), (_TIMES_AFTER, "times")):
        match = pattern.match(text, piece.end, limit)
        if match:
            piece.unit = unit or CURRENCIES[match.group().strip().lower()]
            piece.end = match.end()
            return


def attach_qualifier(piece: Piece, text: str, floor: int) -> None:
    """Take in "more than", "nearly", "well over"… written just before a quantity."""
    if piece.flag is not None or piece.kind == "date" or piece.form == "multiple":
        return
    match = _QUALIFIER.search(text, max(floor, piece.start - 40), piece.start)
    if match:
        piece.start = match.start()


def inherit_flags(pieces: list[Piece], text: str) -> None:
    """In "paragraphs 12, 14 and 15" each number is what the first is."""
    for previous, piece in zip(pieces, pieces[1:], strict=False):
        if (previous.flag is not None and piece.flag is None and piece.kind == "quantity"
                and piece.form in ("digits", "words", "range")
                and previous.form not in ("footnote", "ordinal", "time", "address", "phone")
                and _LIST_JOIN.fullmatch(text[previous.end:piece.start])):
            piece.flag = previous.flag
