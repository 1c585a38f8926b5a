"""Numbers written for people, and numbers read back out of the document's words.

One formatter family: `human`, `percent`, `signed_percent`, `display` (by the format of
a unit of the vocabulary) and `count_word` write a value as the pages show it, all
rounding through `fixed`, whose rule the browser's twins (claimscope/live/assets/format.js)
share so both write the same digits; `plain_number` rounds to significant figures and
`describe_interval` puts a Monte Carlo interval into words (server only).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Context, Decimal
from fractions import Fraction
from functools import lru_cache

from claimscope.text.units import as_unit

SCALE_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))

_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "half": 0.5,
}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
_MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
NUMBER_WORDS = tuple(_WORDS) + tuple(_ORDINALS) + tuple(_MULTIPLIERS)

_TOKEN = re.compile(
    r"(?P<num>\d[\d,]*(?:\.\d+)?)(?:st|nd|rd|th)?\s*(?P<mult>thousand|million|billion)?"
    r"|(?P<word>[A-Za-z]+(?:-[A-Za-z]+)?)(?:\s+(?P<wmult>thousand|million|billion))?",
)


def _word_value(word: str) -> float | None:
    parts = word.lower().split("-")
    total = 0.0
    for part in parts:
        if part in _WORDS:
            total += _WORDS[part]
        elif part in _ORDINALS:
            total += _ORDINALS[part]
        else:
            return None
    return total


def numbers_in(text: str) -> list[float]:
    """Every number legible in a phrase: '26 million' -> [26e6], 'five members' -> [5]."""
    found: list[float] = []
    for match in _TOKEN.finditer(text):
        if match.group("num"):
            value = float(match.group("num").replace(",", ""))
            mult = match.group("mult")
        else:
            word_value = _word_value(match.group("word"))
            if word_value is None:
                continue
            value, mult = word_value, match.group("wmult")
        found.append(value * _MULTIPLIERS[mult] if mult else value)
    return found


def parse_number(text: str) -> float | None:
    """A finite number from typed or linked text, or None. Accepts '7.25', '7.25%',
    '26,000,000'."""
    cleaned = text.strip().rstrip("%").replace(",", "").replace("_", "")
    if not cleaned or len(cleaned) > 40:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def count_word(count: float) -> str:
    """A small whole count as a capitalised word ('Five'), larger ones in digits."""
    if not _finite(count):
        return "—"
    words = {value: word for word, value in _WORDS.items() if value == int(value) <= 20}
    whole = int(count)
    return words[whole].capitalize() if whole == count and whole in words else fixed(count, 0)


def _finite(value: float | None) -> bool:
    return value is not None and math.isfinite(value)


# Enough digits for any double written out in full (about 309 before the point) plus its
# decimals: quantizing exactly needs them all.
_EXACT = Context(prec=500)


def fixed(value: float, digits: int, grouped: bool = True) -> str:
    """`value` with `digits` decimals, thousands separated by commas when `grouped`.

    The one rounding rule of every number ClaimScope writes, the same as the browser's
    (claimscope/live/assets/format.js): the exact binary value of the double is rounded, an
    exact tie away from zero, as JavaScript's `toFixed` does (Python's own format rounds
    ties to even: f"{0.125:.2f}" is '0.12', (0.125).toFixed(2) is '0.13'). A value that
    rounds to zero has no sign ('0', never '-0')."""
    rounded = Decimal(float(value)).quantize(_quantum(digits), ROUND_HALF_UP, context=_EXACT)
    if rounded.is_zero():
        rounded = rounded.copy_abs()
    return f"{rounded:,f}" if grouped else f"{rounded:f}"


@lru_cache(maxsize=32)
def _quantum(digits: int) -> Decimal:
    return Decimal(1).scaleb(-digits)


def _trim(number: float, digits: int) -> str:
    text = fixed(number, digits)
    return text.rstrip("0").rstrip(".") if "." in text else text


def human(value: float | None, digits: int = 1) -> str:
    """'358.6 million', '7,172', '6.5' — never '358620689.66'."""
    if not _finite(value):
        return "—"
    magnitude = abs(value)
    for scale, word in SCALE_WORDS:
        if magnitude >= scale:
            return f"{_trim(value / scale, digits)} {word}"
    if magnitude >= 100 or float(value).is_integer():
        return fixed(value, 0)
    return _trim(value, max(digits, 2 if magnitude < 10 else digits))


def percent(value: float, digits: int = 2) -> str:
    """A percent number (7.25) written as '7.25%'."""
    if not _finite(value):
        return "—"
    return f"{_trim(value, digits)}%"


def signed_percent(fraction: float, digits: int = 2) -> str:
    """A change as a fraction (0.0125) written as a signed percent, '+1.25%' (zero as
    '+0.00%'): the break-even table's "change to break"."""
    scaled = fraction * 100 if _finite(fraction) else math.nan
    if not _finite(scaled):  # also a huge fraction whose percent overflows
        return "—"
    text = fixed(scaled, digits, grouped=False)
    return f"{text if text.startswith('-') else '+' + text}%"


def display(value: float, unit: str, digits: int = 1) -> str:
    """A value in display units written as its unit's format says ('7.25%', '2012',
    '1.5×', '26 months', '£1.2 million', '12,000'): `unit` is a vocabulary Unit, or a bare name
    (`vocabulary.as_unit`)."""
    if not _finite(value):
        return "—"
    chosen = as_unit(unit)
    if chosen.format == "percent":
        return percent(value, max(digits, 2))
    if chosen.format == "year":
        return fixed(value, 0, grouped=False)
    if chosen.format == "ratio":
        return f"{_trim(value, 2)}×"
    if chosen.format == "duration":
        return f"{fixed(value, 0, grouped=False)} {chosen.word}"
    if chosen.format == "currency":
        return _money(human(value, digits), chosen.symbol, chosen.symbol_before)
    return human(value, digits)


def _money(amount: str, symbol: str, before: bool) -> str:
    """'£1.2 million', '-£12,000' (the sign before the symbol), or '12,000 kr'."""
    if not before:
        return f"{amount} {symbol}"
    sign = "-" if amount.startswith("-") else ""
    return f"{sign}{symbol}{amount.removeprefix('-')}"


def plain_number(value: float, significant: int = 2) -> str:
    """A number to `significant` figures, large ones in words: '190 million', '6.5', '7,200'."""
    if not math.isfinite(value):
        return "—"
    if value == 0:
        return "0"
    rounded = float(f"{value:.{significant}g}")
    for scale, word in SCALE_WORDS:
        if abs(rounded) >= scale:
            return f"{float(f'{rounded / scale:.{significant}g}'):,g} {word}"
    if abs(rounded) >= 1000:
        return f"{rounded:,.0f}"
    return f"{rounded:g}"


def _times_in(coverage: float) -> str:
    share = Fraction(coverage).limit_denominator(100)
    if share == Fraction(1, 2):
        return "half the time"
    return f"{share.numerator} times in {share.denominator}"


def describe_interval(low: float, high: float, fmt: Callable[[float], str] | None = None,
                      coverage: float = 0.9) -> str:
    """An interval in words: 'between 190 and 410 million, 9 times in 10'.

    `fmt` writes one number (e.g. `human`); by default `plain_number` with two
    significant figures, or more (up to six) when two would make the ends look equal, and
    four for equal ends. A unit word both ends share ('million') is written once.
    """
    if fmt is None:
        digits = 4 if low == high else 2
        while low != high and digits < 6 and (plain_number(low, digits)
                                              == plain_number(high, digits)):
            digits += 1
        left, right = plain_number(low, digits), plain_number(high, digits)
    else:
        left, right = fmt(low), fmt(high)
    if left == right:
        return f"{right}, {_times_in(coverage)}"
    head, _, word = left.rpartition(" ")
    if head and word.isalpha() and right.endswith(" " + word):
        left = head
    return f"between {left} and {right}, {_times_in(coverage)}"
