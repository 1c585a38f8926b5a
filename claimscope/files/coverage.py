"""Coverage (README, "Adding a document"): every number written in the document, and what accounts
for it.

`find_mentions` reads the text the way a careful reader would — digits in any form
("7.25%", "100,000", "2006/46", "21<sup>st</sup>", "C5", "1–2", a footnote marker) and
number words ("five", "Twenty-first", "half") — so that no number can slip past the
catalogue. Each mention must then lie inside a claim's `mention` or be listed in
`not_claims.yaml` with the reason it is not a claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd

from claimscope.files.catalogue import Catalogue, Claim
from claimscope.files.document import Document
from claimscope.files.folder import DataFile
from claimscope.files.schema import Prose, Record, Text, load_records
from claimscope.text.numbers import display, numbers_in

NOT_CLAIMS_FILE = "not_claims.yaml"

_MULTIPLIER = r"(?:\s+(?:thousand|million|billion)\b)?"
_DIGITS = re.compile(
    r"<sup>\d+</sup>"                                     # a footnote marker
    r"|(?:\b[A-Z](?=\d))?"                                # an identifier's letter: "C5"
    r"(?<![\d.,])\d+(?:[.,]\d+)*"                         # 26, 7.25, 100,000, 16.2
    r"(?:/\d+|[–-]\d+)?"                                  # 2006/46, 1–2
    r"(?:%|(?:st|nd|rd|th)\b|<sup>(?:st|nd|rd|th)</sup>)?"  # 7.25%, 21st, 21<sup>st</sup>
    + _MULTIPLIER
)
_WORD = re.compile(r"\b[A-Za-z]+(?:-[A-Za-z]+)*\b")
_WORD_PART = re.compile(r"[A-Za-z]+")
_MULTIPLIER_AFTER = re.compile(_MULTIPLIER)


class Mention(NamedTuple):
    """One number as written: its span in the document text and the characters there."""

    start: int
    end: int
    text: str


class NotClaim(Record):
    """A number in the document that is not a claim, found by its unique `context` (a
    span of the text, whose spaces and line breaks need not match). It covers every
    mention written exactly as `text` inside that context."""

    text: Text
    context: Text
    reason: Prose


@dataclass(frozen=True)
class Accounted:
    """A mention and what accounts for it: a claim, a not-claim entry, or nothing."""

    mention: Mention
    claim: Claim | None = None
    not_claim: NotClaim | None = None

    @property
    def status(self) -> str:
        """The claim's kind, 'not-a-claim', or 'unaccounted'."""
        if self.claim is not None:
            return self.claim.kind
        return "not-a-claim" if self.not_claim is not None else "unaccounted"


def load_not_claims(path: DataFile) -> tuple[NotClaim, ...]:
    """Read `not_claims.yaml`; records are checked like every other data file."""
    return tuple(load_records(path, "not_claims", NotClaim, id_field=""))


def _is_number_word(word: str) -> bool:
    return bool(numbers_in(word))


def _word_mentions(text: str) -> list[Mention]:
    """Number words: 'five', 'Twenty-first', 'two million'; in 'five-year', just 'five'."""
    found = []
    for word in _WORD.finditer(text):
        parts = list(_WORD_PART.finditer(word.group()))
        numeric = [p for p in parts if _is_number_word(p.group())]
        if numeric and len(numeric) == len(parts):
            end = word.end() + len(_MULTIPLIER_AFTER.match(text, word.end()).group())
            found.append(Mention(word.start(), end, text[word.start():end]))
        else:
            found += [Mention(word.start() + p.start(), word.start() + p.end(), p.group())
                      for p in numeric]
    return found


def find_mentions(text: str) -> list[Mention]:
    """Every numeric mention in `text`, in order, without overlaps (digits win)."""
    digit_mentions = [Mention(m.start(), m.end(), m.group()) for m in _DIGITS.finditer(text)
                      if m.group()]
    taken = [(m.start, m.end) for m in digit_mentions]
    word_mentions = [m for m in _word_mentions(text)
                     if not any(m.start < end and start < m.end for start, end in taken)]
    return sorted(digit_mentions + word_mentions)


def _claim_spans(document: Document, catalogue: Catalogue) -> list[tuple[int, int, Claim]]:
    """Where each claim's `mention` sits in the text (its first place inside its quote)."""
    spans = []
    for claim in catalogue.claims.values():
        quote_at = document.text.find(claim.quote)
        mention_at = claim.quote.find(claim.mention)
        if quote_at >= 0 and mention_at >= 0:
            start = quote_at + mention_at
            spans.append((start, start + len(claim.mention), claim))
    return spans


def context_places(text: str, context: str) -> list[tuple[int, int]]:
    """Where a not-claim's `context` occurs in the text. Spaces and line breaks are not
    the words: any run of them in the context matches any run in the text, so a context
    copied from a page that wrapped the line differently still finds its place."""
    words = context.split()
    if not words:
        return []
    # A lookahead, so that overlapping places count too ("aa" twice in "aaa").
    pattern = re.compile("(?=(" + r"\s+".join(re.escape(word) for word in words) + "))")
    return [(match.start(1), match.end(1)) for match in pattern.finditer(text)]


def _not_claim_spans(document: Document, not_claims: tuple[NotClaim, ...]
                     ) -> list[tuple[int, int, NotClaim]]:
    spans = []
    for entry in not_claims:
        places = context_places(document.text, entry.context)
        if places:
            spans.append((*places[0], entry))
    return spans


def account(document: Document, catalogue: Catalogue,
            not_claims: tuple[NotClaim, ...]) -> list[Accounted]:
    """Each mention of the document with the claim or not-claim entry that covers it.

    A claim covers a mention lying inside its `mention` within its quote; a not-claim
    entry covers a mention whose text equals the entry's `text` inside its `context`.
    """
    claim_spans = _claim_spans(document, catalogue)
    not_claim_spans = _not_claim_spans(document, not_claims)
    result = []
    for mention in find_mentions(document.text):
        claim = next((c for start, end, c in claim_spans
                      if start <= mention.start and mention.end <= end), None)
        entry = None if claim else next(
            (n for start, end, n in not_claim_spans
             if start <= mention.start and mention.end <= end and n.text == mention.text), None)
        result.append(Accounted(mention, claim, entry))
    return result


def _context(text: str, mention: Mention, width: int = 30) -> str:
    before = text[max(0, mention.start - width):mention.start]
    after = text[mention.end:mention.end + width]
    return " ".join(f"…{before}[{mention.text}]{after}…".split())


def coverage_problems(document: Document, catalogue: Catalogue,
                      not_claims: tuple[NotClaim, ...]) -> list[str]:
    """Every number no claim or not-claim accounts for, and every stale not-claim entry."""
    text = document.text
    accounted = account(document, catalogue, not_claims)
    problems = [f"the number '{a.mention.text}' is neither a claim nor listed as not a claim: "
                f"{_context(text, a.mention)}" for a in accounted if a.status == "unaccounted"]
    used = {id(a.not_claim) for a in accounted if a.not_claim is not None}
    for entry in not_claims:
        places = context_places(text, entry.context)
        if not places:
            problems.append(f"not a claim '{entry.text}': its context '{entry.context}' "
                            "does not occur in the document")
        elif len(places) > 1:
            problems.append(f"not a claim '{entry.text}': its context '{entry.context}' "
                            "occurs more than once; lengthen it")
        elif id(entry) not in used:
            problems.append(f"not a claim '{entry.text}': no number '{entry.text}' is found "
                            f"in its context '{entry.context}'")
    return problems


def mentions_frame(document: Document, accounted: list[Accounted]) -> pd.DataFrame:
    """One row per numeric mention, in document order: where it is and what accounts for it."""
    return pd.DataFrame([{
        "number": a.mention.text,
        "offset": a.mention.start,
        "section": document.section_at(a.mention.start),
        "status": a.status,
        "claim_id": a.claim.id if a.claim else "",
        "value": display(a.claim.value, a.claim.unit) if a.claim else "",
        "unit": a.claim.unit if a.claim else "",
        "reason": a.not_claim.reason if a.not_claim else "",
        "context": _context(document.text, a.mention),
    } for a in accounted], columns=["number", "offset", "section", "status", "claim_id",
                                    "value", "unit", "reason", "context"])


def coverage_summary(document: Document, catalogue: Catalogue, accounted: list[Accounted],
                     problems: list[str]) -> str:
    """One sentence on the state of provenance and coverage, for the Source page."""
    in_claims = sum(a.claim is not None for a in accounted)
    listed = sum(a.not_claim is not None for a in accounted)
    counts = (f"{len(catalogue.claims)} claims; {len(accounted)} numeric mentions in the "
              f"document: {in_claims} inside catalogued claims, {listed} listed as not claims "
              "with a reason")
    if problems:
        return f"{counts}. {len(problems)} problem(s) found, listed below."
    return (f"{counts} — all accounted for. Every quote occurs verbatim, once, in the shipped "
            f"text, whose sha256 ({document.sha256}) matches the published copy.")
