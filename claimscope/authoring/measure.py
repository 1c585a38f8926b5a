"""The finder's measures: labelled sentences read from a YAML file, and a document
folder's catalogue and not-claims read as labels (claims' mentions are claims; each
not-claim's number, inside its context, is not)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from claimscope.bundle import Bundle
from claimscope.files.coverage import context_places
from claimscope.files.schema import DataError, read_yaml
from claimscope.finder.score import Expected, Score, score


@dataclass(frozen=True)
class Labelled:
    """One labelled sentence: its text, subject and the mentions a person marked."""

    subject: str
    text: str
    expected: tuple[Expected, ...]


def _place(text: str, part: str, occurrence: int, path: Path, row: int) -> tuple[int, int]:
    """The n-th place of `part` that stands on its own: "3" is not found inside "4.3m"."""
    before = r"(?<![\w.,])" if part[:1].isalnum() else ""
    after = r"(?!\d|[.,]\d)" if part[-1:].isalnum() else ""
    places = [m.span() for m in re.finditer(before + re.escape(part) + after, text)]
    if len(places) < occurrence:
        raise DataError(path, f"'{part}' does not occur {occurrence} time(s) in the "
                              "sentence", row, "mentions")
    return places[occurrence - 1]


def load_labelled(path: Path) -> list[Labelled]:
    """The labelled set: a list of {subject, sentence, mentions: [{text, claim, value,
    nth}]}, where `nth` picks the n-th occurrence of a repeated text (default 1)."""
    data = read_yaml(path)
    if not isinstance(data, list):
        raise DataError(path, "must be a list of labelled sentences")
    found = []
    for row, item in enumerate(data, start=1):
        sentence = str(item["sentence"])
        expected = []
        for mention in item.get("mentions") or []:
            start, end = _place(sentence, str(mention["text"]), int(mention.get("nth", 1)),
                                path, row)
            value = mention.get("value")
            expected.append(Expected(start, end, bool(mention["claim"]),
                                     None if value is None else float(value)))
        found.append(Labelled(str(item["subject"]), sentence, tuple(expected)))
    return found


def catalogue_labels(bundle: Bundle) -> list[Expected]:
    """A document's catalogue as labels: each claim's mention (where its quote puts it)
    a claim, each not-claim's number in its context not one."""
    text = bundle.document.text
    labels = []
    for claim in bundle.catalogue.claims.values():
        at = text.find(claim.quote)
        inside = claim.quote.find(claim.mention)
        if at >= 0 and inside >= 0:
            labels.append(Expected(at + inside, at + inside + len(claim.mention), True,
                                   claim.value))
    for entry in bundle.not_claims:
        for start, end in context_places(text, entry.context)[:1]:
            inside = text.find(entry.text, start, end)
            if inside >= 0:
                labels.append(Expected(inside, inside + len(entry.text), False))
    return labels


def score_labelled(sets: list[Labelled]) -> Score:
    """One score over every labelled sentence."""
    total = Score()
    for item in sets:
        total += score(item.text, item.expected)
    return total


def score_catalogue(bundle: Bundle) -> Score:
    """The finder against a document's catalogue and not-claims."""
    return score(bundle.document.text, catalogue_labels(bundle))
