"""A draft document folder from a converted text: the text, `document.yaml` with its
sha256, `claims.yaml` with every likely claim (the quote its sentence, verbatim),
`not_claims.yaml` with every other number the coverage check reads (README, "Adding a
document", step 5) and the finder's reason, and a one-line
placeholder model (`inputs.yaml`, `model.yaml`) so that the folder loads and passes
validation as it is. A reader then corrects it: nothing here is checked by a person."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import yaml

from claimscope.authoring.places import Span, context_for, quote_for
from claimscope.files.coverage import NOT_CLAIMS_FILE, context_places
from claimscope.files.coverage import find_mentions as coverage_mentions
from claimscope.finder import Mention, find_mentions
from claimscope.intake import Converted

TEXT_FILE = "document.md"
SECTION = "Text"  # a draft declares no sections: the whole text is one part
_UNITS = {"percent": "percent", "GBP": "gbp", "USD": "usd", "EUR": "eur", "JPY": "yen",
          "percentage points": "percentage points", "fraction": "fraction",
          "times": "times", "ratio": "ratio"}
_MODEL_UNITS = {"GBP": "gbp", "USD": "usd", "EUR": "eur"}  # declared units an input may use
_CATEGORIES = {"GBP": "cost", "USD": "cost", "EUR": "cost", "JPY": "cost"}
_CHECK = "Drafted by ClaimScope's finder from the text; check it."


class DraftError(ValueError):
    """The text cannot be drafted (it states no number a claim could hold)."""


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug[:60] or "document"


def _title(converted: Converted, source_name: str) -> str:
    if converted.title.strip():
        return converted.title.strip()
    for line in converted.text.splitlines():
        words = line.strip().lstrip("#").strip(" *_")
        if words:
            return words[:120]
    return Path(source_name).stem or "Untitled document"


def _unit(mention: Mention) -> str:
    if mention.kind == "date":
        return "year"
    if mention.unit is not None:
        return _UNITS[mention.unit]
    whole = mention.value is not None and float(mention.value).is_integer()
    return "count" if whole else "number"


def _claim(mention: Mention, number: int, text: str) -> dict:
    record = {
        "id": f"claim-{number:03d}",
        "value": mention.value,
        "unit": _unit(mention),
        "kind": "date" if mention.kind == "date" else "reported",
        "category": "timeline" if mention.kind == "date" else _CATEGORIES.get(
            mention.unit or "", "figures"),
        "who": "Not stated (drafted; check the text)",
        "when": mention.text if mention.kind == "date" else "Not stated (drafted; check)",
        "mention": mention.text,
        "quote": quote_for(text, mention),
        "section": SECTION,
        "note": f"{_CHECK} The finder read it as {mention.reason}.",
    }
    if mention.kind == "date" and mention.value is not None:
        record["date"] = f"{int(mention.value):04d}"
    return record


def _not_claims(text: str, found: Sequence[Mention], claims: list[dict]) -> list[dict]:
    """An entry for every number the coverage check reads that no drafted claim's mention
    holds, with the reason of the finder's mention at that place; one entry per text and
    place, as coverage reads entries (the first entry whose context holds it wins)."""
    claimed = [(m.start, m.end) for m in found if m.likely_claim and m.value is not None]
    entries: list[dict] = []
    for number in coverage_mentions(text):
        if any(start <= number.start and number.end <= end for start, end in claimed):
            continue
        if _covered(number, text, entries):
            continue
        judged = next((m for m in found if m.start < number.end and number.start < m.end),
                      None)
        if judged is None:
            reason = "a number the finder did not read as a claim"
        elif judged.likely_claim:
            reason = (f"{judged.reason}, with no number to file: keep it as a claim by hand "
                      "if it matters")
        else:
            reason = judged.reason
        entries.append({"text": number.text, "context": context_for(text, number),
                        "reason": reason})
    return entries


def _covered(number: Span, text: str, entries: list[dict]) -> bool:
    for entry in entries:
        if entry["text"] == number.text:
            for start, end in context_places(text, entry["context"])[:1]:
                if start <= number.start and number.end <= end:
                    return True
    return False


def _model_files(claim: dict, mention: Mention) -> tuple[dict, dict]:
    """A placeholder model of one input and one output, so that the folder loads: the
    figure the text states, unchanged. The reader writes the document's own arithmetic."""
    value = float(claim["value"])
    spread = max(abs(value), 1.0)
    unit = _MODEL_UNITS.get(mention.unit or "", "number")
    inputs = {
        "groups": [{"id": "stated", "title": "The document's figures"}],
        "inputs": [{
            "name": "figure", "group": "stated", "label": f"{claim['mention']} (as stated)",
            "unit": unit, "default": value, "min": value - spread, "max": value + spread,
            "step": spread / 100, "claims": [claim["id"]],
            "basis": "The document's figure, as drafted.",
            "help": "A placeholder: replace this model with the document's own arithmetic.",
        }],
    }
    model = {
        "outputs": [{"name": "stated", "label": "The figure as stated", "unit": unit,
                     "formula": "figure"}],
        "headline": "stated",
        "claim": claim["id"],
        "threshold_text": f"{{claims.{claim['id']}|human}}",
    }
    return inputs, model


def _dump(data: object, comment: str) -> str:
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return "".join(f"# {line}\n" for line in comment.splitlines()) + body


def draft_files(converted: Converted, source_name: str, folder_id: str,
                year: int, mentions: Sequence[Mention] | None = None) -> dict[str, str]:
    """The draft folder's files, by name, as text. `year` is the document's date where
    the text gives none (the latest year it names that is not after `year` is used);
    `mentions` defaults to the finder's."""
    text = converted.text
    found = list(find_mentions(text) if mentions is None else mentions)
    claims, model_basis = [], None
    for mention in found:
        if mention.likely_claim and mention.value is not None:
            claims.append(_claim(mention, len(claims) + 1, text))
            if model_basis is None and mention.kind == "quantity" \
                    and mention.unit in (None, *_MODEL_UNITS):
                model_basis = (claims[-1], mention)
    not_claims = _not_claims(text, found, claims)
    if not claims:
        raise DraftError("No number in this text could be a claim, so there is nothing to "
                         "draft.")
    if model_basis is None:
        model_basis = (claims[0], next(m for m in found if m.text == claims[0]["mention"]))
    years = [int(m.value) for m in found if m.kind == "date" and m.value is not None
             and m.value <= year]
    title = _title(converted, source_name)
    meta = {
        "id": folder_id, "title": title, "short_title": title[:40],
        "publisher": "Not stated (drafted; check)", "author": "Not stated (drafted; check)",
        "date": max(years, default=year), "session": "Not stated",
        "where": f"Drafted by ClaimScope from the file {Path(source_name).name}.",
        "licence": "Not stated: check the document's licence before sharing it.",
        "text_file": TEXT_FILE, "sha256": converted.sha256,
    }
    inputs, model = _model_files(*model_basis)
    notes = "\n".join(converted.notes)
    return {
        TEXT_FILE: text,
        "document.yaml": _dump(meta, "A draft: check every field. The sha256 is that of "
                                     f"{TEXT_FILE}, as converted." + (
                                         f"\n{notes}" if notes else "")),
        "claims.yaml": _dump({"claims": claims}, "Every likely claim the finder found, "
                                                 "drafted: check each value, unit, who "
                                                 "and when."),
        NOT_CLAIMS_FILE: _dump({"not_claims": not_claims}, "Every other number, with the "
                                                           "finder's reason."),
        "inputs.yaml": _dump(inputs, "A placeholder model's one input; replace it."),
        "model.yaml": _dump(model, "A placeholder model (the figure as stated); write the "
                                   "document's own arithmetic here."),
    }


def write_draft(files: dict[str, str], folder: Path) -> Path:
    """Write the files into a new folder (refusing one that holds files already)."""
    if folder.exists() and any(folder.iterdir()):
        raise DraftError(f"{folder} is not empty; choose a new folder for the draft.")
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (folder / name).write_bytes(content.encode("utf-8"))
    return folder
