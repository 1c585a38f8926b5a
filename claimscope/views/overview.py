"""The Overview page's content: headline cards, timeline data and the claims table.

Every figure comes from the catalogue by claim id, or from the projection model with the
visitor's current assumptions; nothing here is typed in by hand.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from claimscope.bundle import Bundle
from claimscope.files.catalogue import Catalogue, Claim, claim_date, claim_text
from claimscope.files.page_config import card_text
from claimscope.files.page_config import intro_text as pages_intro
from claimscope.files.vocabulary import Vocabulary
from claimscope.text.markdown import escape_markdown
from claimscope.text.numbers import display
from claimscope.views.narrative import verdict
from claimscope.views.palette import PROVENANCE

SEARCH_FIELDS = ("quote", "who", "id", "note")
_CARD_KIND_WORDS = {"reported": "reported", "derived": "derived",
                    "assumed": "your assumptions"}


def source_line(claim: Claim) -> str:
    """The verbatim quote with who said it, when, and where in the document (Markdown,
    the document's words inert in it)."""
    line = (f"“{escape_markdown(claim.quote)}” — {escape_markdown(claim.who)}, "
            f"{escape_markdown(claim.when)} ({escape_markdown(claim.section)}).")
    return f"{line} *{escape_markdown(claim.note)}*" if claim.note else line


# Headline cards --------------------------------------------------------------------------


@dataclass(frozen=True)
class Card:
    """One headline figure: `detail` is the line under the value, `help` its provenance."""

    label: str
    value: str
    detail: str
    help: str
    kind: str  # a PROVENANCE key: reported | derived | assumed


def _card(title: str, value: str, detail: str, kind: str, lines: Sequence[str]) -> Card:
    help_text = "\n\n".join([f"**{PROVENANCE[kind]['label']}.**", *lines])
    return Card(f"{escape_markdown(title)} · {_CARD_KIND_WORDS[kind]}", value, detail,
                help_text, kind)


def changed_assumptions(bundle: Bundle, values: Mapping[str, float],
                        names: Iterable[str] | None = None) -> list[str]:
    """'Population share: 10% (default 7.25%)' for every assumption moved off its default
    (among `names`, if given: those a figure actually depends on)."""
    wanted = set(bundle.inputs if names is None else names)
    return [f"{spec.label}: {display(values[name], spec.unit)} "
            f"(default {display(spec.default, spec.unit)})"
            for name, spec in bundle.inputs.items()
            if name in wanted and values[name] != spec.default]


def _extrapolation_card(bundle: Bundle, values: Mapping[str, float]) -> Card:
    model = bundle.model
    claim, headline = bundle.catalogue[model.claim], model.headline_output
    out = model.evaluate(values)
    shown = model.shown(headline.name, out)
    changed = changed_assumptions(bundle, values, model.used_by(headline.name))
    lines = [f"{escape_markdown(headline.label)}: {escape_markdown(headline.formula)} = "
             f"**{shown}**.", escape_markdown(verdict(model, out)[1])]
    if changed:
        lines.append("Assumptions changed from the document's: "
                     + escape_markdown("; ".join(changed)) + ".")
    lines.append("The document: " + source_line(claim))
    return _card(headline.label, shown, f"Document: {model.threshold_text}",
                 "assumed" if changed else "derived", lines)


def headline_cards(bundle: Bundle, values: Mapping[str, float]) -> list[Card]:
    """The figures the Overview leads with, as the document's pages.yaml lists them; the
    model's headline card follows `values`."""
    cards = []
    for card in bundle.pages.overview.cards:
        if card.headline:
            cards.append(_extrapolation_card(bundle, values))
            continue
        claims = [bundle.catalogue[c] for c in card.claims]
        value, detail = card_text(card, bundle.catalogue)
        cards.append(_card(card.title or "", value, detail, "reported",
                           [source_line(c) for c in claims]))
    return cards


def intro_text(bundle: Bundle) -> str:
    """What ClaimScope is and the document's key claim, in neutral words (Markdown)."""
    return pages_intro(bundle.pages, bundle.catalogue, bundle.document.meta,
                       bundle.catalogue[bundle.model.claim])


# Timeline --------------------------------------------------------------------------------


def _lane_positions(frame: pd.DataFrame, lanes: Sequence[str]) -> pd.Series:
    """Lane index per row, nudged apart where one lane holds several claims in one year."""
    lane = frame["category"].map({name: i for i, name in enumerate(lanes)}).astype(float)
    group = frame.groupby(["category", frame["date"].dt.year])
    rank = group.cumcount()
    size = group["id"].transform("size")
    step = (0.8 / (size - 1).clip(lower=1)).clip(upper=0.3)
    return lane + (rank - (size - 1) / 2) * step


def timeline_lanes(frame: pd.DataFrame, vocabulary: Vocabulary) -> list[str]:
    """The categories present in a timeline frame, in the vocabulary's order."""
    return [c for c in vocabulary.categories if c in set(frame["category"])]


def timeline_frame(catalogue: Catalogue) -> pd.DataFrame:
    """Every claim with a readable date, sorted by date: the timeline spans the document's
    own dates, whatever years they name."""
    rows = []
    for claim in catalogue.claims.values():
        parsed = claim_date(claim.date)
        if parsed is None:
            continue
        rows.append({
            "date": parsed[0], "date_as_catalogued": claim.date, "precision": parsed[1],
            "category": claim.category, "kind": claim.kind, "value": claim.value,
            "value_text": claim_text(claim), "unit": claim.unit, "who": claim.who,
            "when": claim.when, "quote": claim.quote, "id": claim.id,
        })
    columns = ["date", "date_as_catalogued", "precision", "category", "kind", "value",
               "value_text", "unit", "who", "when", "quote", "id"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["date"] = pd.to_datetime(frame["date"])
    frame = frame.sort_values(["date", "id"], kind="stable").reset_index(drop=True)
    frame["lane_position"] = _lane_positions(frame, timeline_lanes(frame, catalogue.vocabulary))
    return frame


def timeline_span(frame: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The time axis for a timeline frame: mid-year before its first year to mid-year
    after its last, so no marker sits on the edge (within the years a date can name);
    None when nothing is dated."""
    if frame.empty:
        return None
    years = frame["date"].dt.year
    first, last = int(years.min()), int(years.max())
    return (pd.Timestamp(first - 1, 7, 1) if first > 1 else pd.Timestamp(1, 1, 1),
            pd.Timestamp(last + 1, 7, 1) if last < 9999 else pd.Timestamp(9999, 12, 31))


def dates_left_out(catalogue: Catalogue) -> list[str]:
    """Claims with a date the timeline cannot read, each with the reason (never silent)."""
    return [f"{claim.id}: date '{claim.date}' is not YYYY or YYYY-MM"
            for claim in catalogue.claims.values()
            if claim.date is not None and claim_date(claim.date) is None]


def densest_span(years: Sequence[int]) -> tuple[int, int, int]:
    """The shortest run of years holding more than half of `years` (earliest if tied).

    Returns (first year, last year, how many fall in it). Raises ValueError when empty.
    """
    if not years:
        raise ValueError("no years to summarise")
    ordered = sorted(years)
    need = len(ordered) // 2 + 1
    best = min(range(len(ordered) - need + 1),
               key=lambda i: (ordered[i + need - 1] - ordered[i], i))
    first, last = ordered[best], ordered[best + need - 1]
    return first, last, sum(first <= year <= last for year in ordered)


def timeline_finding(frame: pd.DataFrame) -> str:
    """The timeline's title: how many dated claims, their span, and where most cluster."""
    if frame.empty:
        return "The catalogue holds no dated claims yet"
    years = [int(y) for y in frame["date"].dt.year]
    count = len(years)
    noun = "dated claim" if count == 1 else "dated claims"
    lead = f"{count} {noun} from {min(years)} to {max(years)}"
    if count < 3:
        return lead
    first, last, inside = densest_span(years)
    span = str(first) if first == last else f"{first}–{last}"
    return f"{lead}: {inside} of them fall in {span}"


# Claims table ----------------------------------------------------------------------------


def claims_table(catalogue: Catalogue) -> pd.DataFrame:
    """One row per claim, value written for people beside the exact number."""
    frame = catalogue.frame()
    frame.insert(0, "value_text", [claim_text(c) for c in catalogue.claims.values()])
    return frame.drop(columns=["mention"])


def options(table: pd.DataFrame, column: str, vocabulary: Vocabulary) -> list[str]:
    """The categories or kinds (`column`) present in the table, in the vocabulary's order."""
    order = vocabulary.categories if column == "category" else vocabulary.kinds
    present = set(table[column])
    return [value for value in order if value in present]


def kinds_caption(vocabulary: Vocabulary) -> str:
    """What each kind means, in one line under the claims table (Markdown)."""
    return "Kind: " + ", ".join(f"*{kind.label}* {kind.description}"
                                for kind in vocabulary.kinds.values()) + "."


def search_example(catalogue: Catalogue) -> str:
    """What the claims search suggests typing: one of this document's claim ids, which
    the search always finds, so no document's words are written in generic code."""
    first = next(iter(catalogue.claims), "")
    return f"e.g. {first}" if first else ""


def filter_claims(table: pd.DataFrame, categories: Collection[str] = (),
                  kinds: Collection[str] = (), search: str = "") -> pd.DataFrame:
    """Rows in the chosen categories and kinds whose quote, who, id or note contain `search`.

    An empty choice means no restriction. The search is a plain, case-insensitive
    substring match (never a pattern), so any text a visitor types is safe.
    """
    keep = pd.Series(True, index=table.index)
    if categories:
        keep &= table["category"].isin(list(categories))
    if kinds:
        keep &= table["kind"].isin(list(kinds))
    needle = str(search).strip().casefold()
    if needle:
        found = pd.Series(False, index=table.index)
        for column in SEARCH_FIELDS:
            found |= table[column].fillna("").astype(str).map(
                lambda text: needle in text.casefold())
        keep &= found
    return table[keep]
