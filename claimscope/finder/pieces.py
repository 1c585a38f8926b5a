"""Scanning a text for every written number: each form found by its own pattern, then
overlaps settled (the earliest, then the longest, wins), so that "0800 123 4567" is one
phone number and not three numbers, and "a third" one fraction, not an article and an
ordinal."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from claimscope.finder.lexicon import (
    CARDINALS,
    CURRENCIES,
    DENOMINATORS,
    MAGNITUDES,
    MONTH,
    MULTIPLES,
    ORDINALS,
    SCALES,
    VAGUE,
    cardinal_value,
    ordinal_value,
    words_pattern,
)
from claimscope.finder.mention import MentionKind, Unit


@dataclass
class Piece:
    """A number being read: its span, what it is worth, and either `flag` (why it is
    probably not a claim) or `note` (what kind of claim it would be). `form` says how it
    was written: digits, words, date, range…; `scale` is a magnitude written after digits
    ("m" in "£5m"), which a range's lower end shares ("£5–10m")."""

    start: int
    end: int
    value: float | None
    form: str
    unit: Unit | None = None
    kind: MentionKind = "quantity"
    upper: float | None = None
    flag: str | None = None
    note: str | None = None
    scale: float = 1.0

    @property
    def plain(self) -> bool:
        """A bare number a range or ratio may join: not flagged, not a special form."""
        return self.flag is None and self.form in ("digits", "words")


_I = re.IGNORECASE
_CARD = words_pattern([*CARDINALS, *SCALES])
_WORD_RUN = re.compile(
    rf"\b(?:an?\s+(?:hundred|thousand|million|billion)|(?:{_CARD})"
    rf"(?:(?:-|\s+|\s+and\s+)(?:{_CARD}))*)\b", _I)
_ORDINAL = re.compile(rf"\b(?:(?:{_CARD})-)?(?:{words_pattern(ORDINALS)})\b", _I)
_FRACTION = re.compile(
    rf"\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]+"
    rf"(?:{words_pattern(DENOMINATORS)})\b|\bhalf\b", _I)
_DOZEN = re.compile(r"\b(?:half\s+a|an?|one|two|three|four|five|six)\s+dozen\b", _I)
_MULTIPLE = re.compile(rf"\b(?:{words_pattern(MULTIPLES)})\b", _I)
_VAGUE = re.compile(rf"\b(?:{words_pattern(VAGUE)})(?=\s+of\b)", _I)

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)*"
_DIGITS = re.compile(
    r"(?P<sign>(?<![\w.,\-−–])[-−](?=[£$€¥]?\d))?"
    r"(?P<cur>(?:US|A|C|NZ|HK)\$|[£$€¥])?"
    rf"(?<![\d,])(?P<num>{_NUMBER})"
    r"(?:(?P<ord>st|nd|rd|th)\b|<sup>(?P<sup_ord>st|nd|rd|th)</sup>|(?P<decade>')?s\b)?"
    r"(?P<mag>(?:bn|mn|mln|tn|k|m|b)\b|\s?(?:thousand|million|billion|trillion)\b)?"
    r"(?P<pct>\s?%|\s?per\s?cent\b|\s?percent\b|\s?percentage\s+points?\b)?"
    r"(?P<times>\s?[x×](?!\w))?"
    r"(?P<cur_after>\s(?:pounds|dollars|euros|GBP|USD|EUR)\b)?")
_MONTH_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{MONTH}\.?,?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?"
    r"(?P<year>\d{4})\b")
_NUMERIC_DATE = re.compile(
    r"\b(?:(?P<iso>\d{4})-\d{2}-\d{2}|\d{1,2}([/.])\d{1,2}\2(?P<year>\d{4}|\d{2}))\b")
_SLASH = re.compile(r"(?<![\w/])(?P<a>\d{1,4})/(?P<b>\d{1,4})(?![\w/])")
_COLON = re.compile(r"(?<![\w:])(?P<a>\d+(?:\.\d+)?):(?P<b>\d+(?:\.\d+)?)(?![\w:])"
                    r"(?P<ampm>\s?(?:am|pm|a\.m\.|p\.m\.))?", _I)
_CLOCK = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)", _I)
_SUP_NOTE = re.compile(r"<sup>\s*\d{1,3}\s*</sup>|\[\d{1,3}\]")
_GLUED_NOTE = re.compile(r"(?:(?<=[.,;:!?”\"’)\]])|(?<=[a-z]{3}))\d{1,3}(?=[\s.,;:)]|$)")
_IDENTIFIER = re.compile(
    r"\b(?:[A-Z][A-Za-z]{0,12}-\d+(?:\.\d+)?[A-Za-z]*"  # COVID-19
    r"|[A-Z]{1,6}\d+(?:\.\d+)*[A-Za-z\d]*"  # C5, G20, CO2, PM2.5, H1N1
    r"|\d+[A-Z]{1,3}(?![\w]))")  # 5G, 3D
_MAGNITUDE_LETTERS = {"K", "M", "B", "BN", "MN", "TN"}
_DATE_PREFIXES = {"mid", "pre", "post", "early", "late", "since", "circa", "end", "start"}
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
                  _I)
_PHONE = re.compile(
    r"(?<![\w.,/])(?:\+\d{1,3}[ .-]?)?(?:\(0?\d{1,5}\)[ .-]?)?\d{2,5}(?:[ .-]\d{2,6}){1,4}"
    r"(?![\w/]|[.,]\d)")
_PHONE_WORD = re.compile(r"\b(?:tel|telephone|phone|call|calls|ring|text|fax|helpline|"
                         r"hotline|freephone|mobile|contact|dial)\b[^\n\d]{0,15}$", _I)
_POSTCODE = re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[A-Z]{2}\b"
                       r"|(?<=[A-Z]{2} )\d{5}(?:-\d{4})?\b")
_STREET = re.compile(
    r"\b\d{1,4}[A-Za-z]?(?=,?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|"
    r"Lane|Ln|Way|Place|Pl|Square|Sq|Drive|Dr|Close|Court|Ct|Terrace|Crescent|Boulevard|"
    r"Blvd|Row|Gardens|Grove|Walk|Mews|Parade|Hill)\b)")


def _digits_piece(match: re.Match[str]) -> Piece:
    num = match["num"]
    if num.count(".") > 1:
        return Piece(match.start("num"), match.start("num") + len(num), None, "clause",
                     flag="a numbered heading or clause (3.1.2), not a quantity")
    value = float(num.replace(",", ""))
    start = match.start("num") if match["sign"] is None else match.start()
    if match["sign"]:
        value = -value
    if match["cur"]:
        start = match.start("cur") if match["sign"] is None else start
    if match["ord"] or match["sup_ord"]:
        end = match.end("ord") if match["ord"] else match.end("sup_ord") + len("</sup>")
        return Piece(start, end, value, "ordinal",
                     flag="an ordinal (21st, third): a position, not a quantity")
    piece = Piece(start, match.end(), value, "digits")
    if match["decade"] is not None or (match.group().endswith("s") and _is_year(num)):
        piece.end = match.end("decade") + 1 if match["decade"] else match.end("num") + 1
        piece.kind, piece.form, piece.note = "date", "date", "a decade (kind date)"
        return piece
    if match["mag"]:
        piece.scale = MAGNITUDES[match["mag"].strip().lower()]
        piece.value = value * piece.scale
    currency = match["cur"] or match["cur_after"]
    if currency:
        piece.unit = CURRENCIES[currency.strip().lower().replace("a$", "$").replace(
            "c$", "$").replace("nz$", "$").replace("hk$", "$")]
    elif match["pct"]:
        piece.unit = "percentage points" if "point" in match["pct"] else "percent"
    elif match["times"]:
        piece.unit = "times"
    else:
        piece.end = _plain_end(match)
        if _is_year(num) and match["mag"] is None:
            piece.kind, piece.form = "date", "year"
    return piece


def _plain_end(match: re.Match[str]) -> str:
    """Where a number with no unit ends: after its magnitude, if any."""
    return match.end("mag") if match["mag"] else match.end("num")


def _is_year(num: str) -> bool:
    return len(num) == 4 and num.isdigit() and 1800 <= int(num) <= 2100


def _word_run(match: re.Match[str]) -> Iterator[Piece]:
    """A run of number words as one number, or word by word where it is not one."""
    value = cardinal_value(match.group())
    if value is not None:
        yield Piece(match.start(), match.end(), value, "words")
        return
    for word in re.finditer(rf"\b(?:an?\s+\w+|{_CARD})\b", match.group(), _I):
        value = cardinal_value(word.group())
        if value is not None:
            yield Piece(match.start() + word.start(), match.start() + word.end(), value,
                        "words")


def _fraction(match: re.Match[str]) -> Piece:
    head, _, tail = match.group().lower().replace("-", " ").rpartition(" ")
    numerator = 1.0 if head in ("", "a", "an") else cardinal_value(head) or 1.0
    return Piece(match.start(), match.end(), numerator / DENOMINATORS[tail], "fraction",
                 unit="fraction")


def _dozen(match: re.Match[str]) -> Piece:
    head = match.group().lower().rsplit(None, 1)[0]
    count = 0.5 if head.startswith("half") else (cardinal_value(head) or 1.0)
    return Piece(match.start(), match.end(), 12 * count, "words")


def _slash(match: re.Match[str]) -> Piece:
    a, b = match["a"], match["b"]
    start, end = match.start(), match.end()
    if _is_year(a) and (len(b) == 2 and int(b) == (int(a) + 1) % 100
                        or len(b) == 4 and 0 < int(b) - int(a) <= 10):
        upper = int(b) if len(b) == 4 else int(a) + 1
        return Piece(start, end, float(a), "date", kind="date", upper=float(upper),
                     note="a year or period (kind date)")
    if int(a) < int(b) <= 12 and int(a) > 0:
        return Piece(start, end, int(a) / int(b), "fraction", unit="fraction")
    return Piece(start, end, None, "slash",
                 flag="a number with a slash: an identifier or reference (2006/46), not a "
                      "quantity")


def _colon(match: re.Match[str], text: str) -> Piece:
    a, b = match["a"], match["b"]
    before = text[max(0, match.start() - 12):match.start()].lower()
    is_clock = match["ampm"] or ("ratio" not in before and "." not in a + b and len(b) == 2
                                 and int(a) <= 23 and int(b) <= 59)
    if is_clock:
        return Piece(match.start(), match.end(), None, "time", flag="a time of day")
    if float(b) == 0:
        return Piece(match.start(), match.end(), None, "ratio", unit="ratio")
    return Piece(match.start(), match.end(), float(a) / float(b), "ratio", unit="ratio")


def _month_date(match: re.Match[str]) -> Piece:
    return Piece(match.start(), match.end(), float(match["year"]), "date", kind="date",
                 note="a date (kind date)")


def _numeric_date(match: re.Match[str]) -> Piece:
    year = match["iso"] or match["year"]
    value = float(year) if len(year) == 4 else None
    return Piece(match.start(), match.end(), value, "date", kind="date",
                 note="a date (kind date)")


def _identifier(match: re.Match[str]) -> Piece | None:
    word = match.group()
    letters = re.sub(r"[\d.,]", "", word)
    if letters.upper() in _MAGNITUDE_LETTERS and word[0].isdigit():
        return None  # "30K": a magnitude, read with the digits
    if word.split("-")[0].lower() in _DATE_PREFIXES:
        return None  # "Mid-2016": a date, read as the year
    return Piece(match.start(), match.end(), None, "identifier",
                 flag="part of a name or code (C5, G20, COVID-19), not a quantity")


def _phone(match: re.Match[str], text: str) -> Piece | None:
    digits = re.sub(r"\D", "", match.group())
    before = text[max(0, match.start() - 30):match.start()]
    shaped = match.group()[0] in "+(0" and len(digits) >= 7
    if len(digits) >= 10 or shaped or (len(digits) >= 7 and _PHONE_WORD.search(before)):
        return Piece(match.start(), match.end(), None, "phone", flag="a phone number")
    return None


def _flagged(form: str, reason: str) -> Callable[[re.Match[str]], Piece]:
    def make(match: re.Match[str]) -> Piece:
        return Piece(match.start(), match.end(), None, form, flag=reason)
    return make


def _with_value(form: str, unit: Unit | None, values: dict[str, float] | None,
                note: str) -> Callable[[re.Match[str]], Piece]:
    def make(match: re.Match[str]) -> Piece:
        value = values[match.group().lower()] if values else None
        return Piece(match.start(), match.end(), value, form, unit=unit, note=note)
    return make


def _ordinal(match: re.Match[str]) -> Piece:
    return Piece(match.start(), match.end(), ordinal_value(match.group()), "ordinal",
                 flag="an ordinal (21st, third): a position, not a quantity")


# Patterns that can only match where one of a few strings occurs: skipped, unscanned, on
# a text without any (most texts have no e-mail address, phone number or dozen).
_NEEDS: dict[re.Pattern[str], tuple[str, ...]] = {
    _URL: ("http", "www.", "@"), _SUP_NOTE: ("<sup>", "["), _POSTCODE: tuple("0123456789"),
    _CLOCK: ("am", "pm", "a.m", "p.m"), _DOZEN: ("dozen",), _VAGUE: (" of",),
    _MULTIPLE: ("doubl", "tripl", "trebl", "quadrupl", "halv", "twice", "thrice", "fold"),
    _STREET: tuple("0123456789"),
}


def candidates(text: str) -> Iterator[Piece]:
    """Every reading of every number in the text, overlapping."""
    lower = text.lower()
    simple: list[tuple[re.Pattern[str], Callable[[re.Match[str]], Piece | None]]] = [
        (_URL, lambda m: (Piece(m.start(), m.end(), None, "address",
                                flag="part of a web or email address")
                          if any(c.isdigit() for c in m.group()) else None)),
        (_SUP_NOTE, _flagged("footnote", "a footnote marker")),
        (_GLUED_NOTE, _flagged("footnote", "a footnote marker (a number glued to the end "
                                           "of a word or sentence)")),
        (_POSTCODE, _flagged("postcode", "a postcode")),
        (_STREET, _flagged("street", "a street number")),
        (_CLOCK, _flagged("time", "a time of day")),
        (_IDENTIFIER, _identifier),
        (_MONTH_DATE, _month_date),
        (_NUMERIC_DATE, _numeric_date),
        (_SLASH, _slash),
        (_DIGITS, _digits_piece),
        (_FRACTION, _fraction),
        (_DOZEN, _dozen),
        (_MULTIPLE, _with_value("multiple", "times", MULTIPLES,
                                "a multiple (doubled, tripled)")),
        (_VAGUE, _with_value("vague", None, None, "a vague quantity (dozens, thousands "
                                                  "of)")),
        (_ORDINAL, _ordinal),
    ]
    for pattern, make in simple:
        needs = _NEEDS.get(pattern)
        if needs is not None and not any(needle in lower for needle in needs):
            continue
        for match in pattern.finditer(text):
            piece = make(match)
            if piece is not None and piece.end > piece.start:
                yield piece
    for match in _PHONE.finditer(text):
        piece = _phone(match, text)
        if piece is not None:
            yield piece
    if ":" in text:
        for match in _COLON.finditer(text):
            yield _colon(match, text)
    for match in _WORD_RUN.finditer(text):
        yield from _word_run(match)


def settle(pieces: list[Piece]) -> list[Piece]:
    """One reading per place: the earliest piece wins, and of those the longest."""
    kept: list[Piece] = []
    for piece in sorted(pieces, key=lambda p: (p.start, -p.end)):
        if not kept or piece.start >= kept[-1].end:
            kept.append(piece)
    return kept
