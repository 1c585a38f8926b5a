"""Whether a number is probably a claim, from the words around it. Each rule gives the
reason in plain words; the first that applies decides. A number no rule sets aside is a
likely claim, described by what it is (a percentage, an amount of money, a year…)."""

from __future__ import annotations

import re

from claimscope.finder.pieces import Piece

_I = re.IGNORECASE
_REFERENCE_WORDS = {
    "a section, annex, article or paragraph number": (
        r"sections?|§§?|ss?\.|annex(?:es|e)?|appendix|appendices|paragraphs?|paras?\.?|"
        r"articles?|art\.|chapters?|ch\.|clauses?|schedules?|rules?|regulations?|parts?|"
        r"subsections?|points?|items?|questions?|q\.|steps?|phases?|tiers?|boxes|box|"
        r"tables?|figures?|fig\.|charts?|recommendations?|principles?|action\s+lines?|"
        r"volumes?|vol\.|version|v\.|no\.|nos\.|annexure|(?:key\s+)?stages?|exhibit|footnotes?|"
        r"notes?|sessions?"),
    "a resolution or decision number": r"resolutions?|decisions?|directives?|case",
    "a page number": r"pages?|p\.|pp\.",
    "part of an address": r"flat|unit|suite|floor|apartment|apt\.|p\.?\s?o\.?\s+box|box",
    "a route, road or line name": r"routes?|platforms?|gates?|junctions?|lines?",
}
_REFERENCE = [(reason, re.compile(rf"\b(?:{words})\s*$", _I))
              for reason, words in _REFERENCE_WORDS.items()]
_PAGES_AFTER = re.compile(r"[\s-]+pages?\b", _I)
_A_PAGE_AFTER = re.compile(r"\s+an?\s+page\b", _I)
_PER_BEFORE = re.compile(r"\bper\s+$", _I)
_LAW_BEFORE = re.compile(r"\b[A-Z]\w*\s+(?:Act|Regulations|Order|Bill|Directive|Rules|Code)"
                         r"\s+$")
_CITATION_BEFORE = re.compile(r"(?:\([A-Z][\w&.' -]{0,60},\s*|[A-Z][a-z]+(?:\s+et\s+al\.?|"
                              r"\s+and\s+[A-Z][a-z]+)?\s+\()$")
_CITATION_AFTER = re.compile(r"[a-z]?(?:\)|;|,\s*p)")
_LINE_START = re.compile(r"(?:^|\n)[ \t]*(?:[#>*]+[ \t]*)?(?:\*\*|__)?\(?$")
_LIST_AFTER = re.compile(r"(?:[.)]|\*\*\.?)(?:[ \t]|$)")
_HEADING_AFTER = re.compile(r"[ \t]+[A-Z]")
_ALONE_AFTER = re.compile(r"[ \t]*(?:\n|$)")
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:\*\*|__)?[A-Z][\w .'-]{1,40},[ \t]*$")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:\*\*|__)?[ \t]*(?:\n|$)")
_AGAIN_BEFORE = re.compile(r"\b(?:the|all|these|those|this|that)\s+$", _I)
_ONE_AFTER = re.compile(r"(?:\s+(?:of|another|day|way|thing|hand|side|point|such|common|"
                        r"or\s+(?:two|more|other|another))\b|-(?:off|to-one|stop|way|sided)"
                        r"\b)", _I)
_ONE_BEFORE = re.compile(r"\b(?:no|any|every|each|the\s+only|only|this|that|which)\s+$", _I)

_CLAIM_WORDS = {
    "percent": "a percentage", "percentage points": "a change in percentage points",
    "GBP": "an amount of money", "USD": "an amount of money", "EUR": "an amount of money",
    "JPY": "an amount of money", "fraction": "a fraction or share",
    "times": "a multiple (doubled, three times)", "ratio": "a ratio",
}


def _reference(piece: Piece, text: str) -> str | None:
    before = text[max(0, piece.start - 24):piece.start]
    for reason, pattern in _REFERENCE:
        if pattern.search(before):
            return reason
    return None


def _line_position(piece: Piece, text: str) -> str | None:
    if not _LINE_START.search(text, max(0, piece.start - 12), piece.start):
        return None
    words = text[piece.start:piece.end]
    if _LIST_AFTER.match(text, piece.end) and piece.value is not None \
            and piece.form == "digits" and piece.value < 100:
        return "list numbering"
    if piece.form == "digits" and re.fullmatch(r"\d+(?:\.\d+)+", words) \
            and _HEADING_AFTER.match(text, piece.end):
        return "a numbered heading"
    if piece.form in ("digits", "year") and _ALONE_AFTER.match(text, piece.end):
        return "a number alone on its line: probably a page number"
    return None


def flag_reason(piece: Piece, text: str, earlier: set[str] | frozenset[str] = frozenset()
                ) -> str | None:
    """Why the number is probably not a claim, or None if it probably is one. `earlier`
    holds the quantities the text has already stated as likely claims, as written."""
    if piece.flag is not None:
        return piece.flag
    before = text[max(0, piece.start - 80):piece.start]
    if piece.form in ("digits", "words", "range", "year", "fraction", "slash"):
        reason = _reference(piece, text)
        if reason:
            return reason
    if _PAGES_AFTER.match(text, piece.end) and piece.unit is None:
        return "a length in pages"
    if piece.form == "fraction" and _A_PAGE_AFTER.match(text, piece.end):
        return "a length in pages"
    if _PER_BEFORE.search(before) and piece.kind == "quantity" and piece.unit is None:
        return "the base of a rate (per 1,000), not a figure of its own"
    if piece.kind == "date" and _LAW_BEFORE.search(before):
        return "the year in a law's title"
    if piece.form == "year" and _CITATION_BEFORE.search(before) \
            and _CITATION_AFTER.match(text, piece.end):
        return "the year of a cited source"
    reason = _line_position(piece, text)
    if reason:
        return reason
    if piece.kind == "date" and _DATELINE_BEFORE.search(before) \
            and _DATELINE_AFTER.match(text, piece.end):
        return "a dateline: where and when the document was issued"
    if piece.kind == "quantity" and repeat_key(piece, text) in earlier \
            and _AGAIN_BEFORE.search(before):
        return "the same number again ('the', 'all', 'these'), stated earlier"
    if piece.form == "words" and text[piece.start:piece.end].lower() == "one" and (
            _ONE_AFTER.match(text, piece.end) or _ONE_BEFORE.search(before)):
        return "'one' in a phrase (one of, no one, one-off), not a count"
    return None


_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")


def repeat_key(piece: Piece, text: str) -> str:
    """How a repeat is recognised: a distinctive number (1,000 or more) by itself, a small
    one with the word after it ("five schools" … "the five schools")."""
    written = text[piece.start:piece.end].lower()
    if piece.value is not None and abs(piece.value) >= 1000:
        return written
    following = _NEXT_WORD.match(text, piece.end)
    return f"{written} {following[1].lower()}" if following else written


def claim_reason(piece: Piece) -> str:
    """What kind of claim a likely claim is, in plain words."""
    if piece.note:
        return piece.note
    if piece.kind == "date":
        return "a year (kind date)"
    if piece.unit in _CLAIM_WORDS:
        return _CLAIM_WORDS[piece.unit]
    return "a number written in words" if piece.form == "words" else "a number"
