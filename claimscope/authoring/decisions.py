"""The reader's decision on each number the finder found: kept as a claim (its value,
unit, kind, category, who and when) or set aside with a reason, and the catalogue files
those decisions make.

A number the reader has not decided yet follows the finder's suggestion (`suggestion`):
a likely claim with a value is kept as pre-filled, anything else is set aside with the
finder's reason. The files are made from every mention, so coverage holds by
construction: each number the coverage check reads lies in a kept claim's mention or in
a not-claim's context (README, "Your own document").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from claimscope.authoring.places import Span, context_for, quote_for, sentence_around
from claimscope.files.coverage import context_places
from claimscope.files.coverage import find_mentions as coverage_mentions
from claimscope.finder import Mention

SECTION = "Text"  # a reader's document declares no sections: the whole text is one part
NOT_STATED = "Not stated"
_UNITS = {"percent": "percent", "GBP": "gbp", "USD": "usd", "EUR": "eur", "JPY": "yen",
          "percentage points": "percentage points", "fraction": "fraction",
          "times": "times", "ratio": "ratio"}
_CATEGORIES = {"GBP": "cost", "USD": "cost", "EUR": "cost", "JPY": "cost"}
# Who a sentence says a figure is from: "according to the Office for Rail", "the Council
# reported", "data from Northby Libraries" (capitalised words: a name).
_NAME = r"(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+(?:of|for|and|the|on|[A-Z][\w&'’.-]*))*"
_WHO_BEFORE = re.compile(r"\b(?:[Aa]ccording to|[Dd]ata from|[Ff]igures from|[Rr]eported "
                         r"by|[Pp]ublished by|[Ss]ource:)\s+(" + _NAME + ")")
_WHO_SAYS = re.compile(r"(" + _NAME + r")\s+(?:said|says|reported|reports|estimated|"
                       r"estimates|found|counted|recorded|published)\b")
_LONGEST_NAME = 80


@dataclass(frozen=True)
class Kept:
    """A number kept as a claim, with the catalogue's fields."""

    value: float
    unit: str
    kind: str  # reported, derived, target or date (the vocabulary's kinds)
    category: str
    who: str
    when: str
    date: str | None = None  # the year a date claim names, for the timeline


@dataclass(frozen=True)
class SetAside:
    """A number set aside as no claim, with the reason in the reader's words."""

    reason: str


Decision = Kept | SetAside


def unit_of(mention: Mention) -> str:
    """The catalogue unit for a mention: the unit the text names, a year for a date, else
    a count (whole) or a number."""
    if mention.kind == "date":
        return "year"
    if mention.unit is not None:
        return _UNITS[mention.unit]
    whole = mention.value is not None and float(mention.value).is_integer()
    return "count" if whole else "number"


def _clean_name(found: str) -> str:
    name = " ".join(found.split()).rstrip(".,;:’'")
    words = name.split()
    while words and words[-1] in ("of", "for", "and", "the", "on"):
        words.pop()
    return " ".join(words)[:_LONGEST_NAME]


def who_in(sentence: str) -> str | None:
    """Who the sentence says the figure is from ("according to X", "X reported"), if it
    says; a sentence's first word alone is not taken as a name."""
    found = _WHO_BEFORE.search(sentence)
    if found:
        return _clean_name(found.group(1)) or None
    for says in _WHO_SAYS.finditer(sentence):
        name = _clean_name(says.group(1))
        if name and (says.start() > 0 or " " in name) and name.lower() not in (
                "it", "this", "the report", "the study"):
            return name
    return None


def when_in(mentions: Sequence[Mention], mention: Mention, begin: int, end: int) -> str | None:
    """The date the sentence gives for the figure: the mention itself for a date, else the
    first date the finder found in the same sentence."""
    if mention.kind == "date":
        return mention.text
    return next((m.text for m in mentions
                 if m.kind == "date" and begin <= m.start and m.end <= end), None)


def prefilled(text: str, mentions: Sequence[Mention], mention: Mention) -> Kept | None:
    """The claim a mention would be, filled in from the text where it says (value, unit,
    a date's year, who and when from its sentence); None if the text gives no value."""
    if mention.value is None:
        return None
    begin, end = sentence_around(text, mention.start, mention.end)
    sentence = text[begin:end]
    dated = mention.kind == "date"
    return Kept(
        value=float(mention.value), unit=unit_of(mention),
        kind="date" if dated else "reported",
        category="timeline" if dated else _CATEGORIES.get(mention.unit or "", "figures"),
        who=who_in(sentence) or NOT_STATED,
        when=when_in(mentions, mention, begin, end) or NOT_STATED,
        date=f"{int(mention.value):04d}" if dated and 0 < mention.value < 10000 else None)


def suggestion(text: str, mentions: Sequence[Mention], mention: Mention) -> Decision:
    """What the finder suggests for a mention the reader has not decided."""
    if not mention.likely_claim:
        return SetAside(mention.reason)
    kept = prefilled(text, mentions, mention)
    return kept if kept is not None else SetAside(
        f"{mention.reason}, with no number to file: keep it as a claim by hand if it "
        "matters")


def decided(text: str, mentions: Sequence[Mention], decisions: Mapping[int, Decision]
            ) -> list[Decision]:
    """Each mention's decision: the reader's, or the finder's suggestion."""
    return [decisions.get(number) or suggestion(text, mentions, mention)
            for number, mention in enumerate(mentions)]


@dataclass(frozen=True)
class Catalogue:
    """The catalogue files' records: `claims` with their ids, and `not_claims`; `kept`
    maps a mention's number to the id of the claim it became."""

    claims: list[dict]
    not_claims: list[dict]
    kept: dict[int, str]


def claim_id(number: int) -> str:
    """The id of the claim the mention numbered `number` (from 0, in the finder's order)
    becomes: the same whatever is decided about the others, so a model naming it keeps
    naming it."""
    return f"claim-{number + 1:03d}"


def _claim(mention: Mention, kept: Kept, number: int, text: str, note: str) -> dict:
    record = {
        "id": claim_id(number), "value": kept.value, "unit": kept.unit, "kind": kept.kind,
        "category": kept.category, "who": kept.who or NOT_STATED,
        "when": kept.when or NOT_STATED, "mention": mention.text,
        "quote": quote_for(text, mention), "section": SECTION,
        **({"note": note} if note else {}),
    }
    if kept.date:
        record["date"] = kept.date
    return record


def catalogue(text: str, mentions: Sequence[Mention], decisions: Sequence[Decision],
              note: str = "") -> Catalogue:
    """The claims and not-claims the decisions make (one decision per mention, in order).
    `note` goes on every claim (e.g. that it was drafted, not checked)."""
    claims, kept_ids = [], {}
    for number, (mention, decision) in enumerate(zip(mentions, decisions, strict=True)):
        if isinstance(decision, Kept):
            claims.append(_claim(mention, decision, number, text, note))
            kept_ids[number] = claims[-1]["id"]
    reasons = [(mentions[number], decision.reason) for number, decision in enumerate(decisions)
               if isinstance(decision, SetAside)]
    claimed = [(mentions[number].start, mentions[number].end) for number in kept_ids]
    return Catalogue(claims, _not_claims(text, mentions, reasons, claimed), kept_ids)


def _not_claims(text: str, mentions: Sequence[Mention],
                reasons: list[tuple[Mention, str]], claimed: list[tuple[int, int]]
                ) -> list[dict]:
    """An entry for every number the coverage check reads that no kept claim's mention
    holds, with the reason of the set-aside mention at that place; one entry per text and
    place, as coverage reads entries (the first entry whose context holds it wins)."""
    entries: list[dict] = []
    for number in coverage_mentions(text):
        if any(start <= number.start and number.end <= end for start, end in claimed):
            continue
        if _covered(number, text, entries):
            continue
        reason = next((why for m, why in reasons
                       if m.start < number.end and number.start < m.end), None)
        if reason is None:
            judged = next((m for m in mentions
                           if m.start < number.end and number.start < m.end), None)
            reason = ("a number the finder did not read as a claim" if judged is None else
                      f"part of {judged.text!r}, {judged.reason}")
        entries.append({"text": number.text, "context": context_for(text, number),
                        "reason": reason or "set aside"})
    return entries


def _covered(number: Span, text: str, entries: list[dict]) -> bool:
    for entry in entries:
        if entry["text"] == number.text:
            for start, end in context_places(text, entry["context"])[:1]:
                if start <= number.start and number.end <= end:
                    return True
    return False
