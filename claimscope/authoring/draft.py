"""A draft document folder from a converted text: the text, `document.yaml` with its
sha256, `claims.yaml` with every likely claim (the quote its sentence, verbatim),
`not_claims.yaml` with every other number the coverage check reads (README, "Adding a
document", step 5) and the finder's reason, and a one-line
placeholder model (`inputs.yaml`, `model.yaml`) so that the folder loads and passes
validation as it is. A reader then corrects it: nothing here is checked by a person."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from claimscope.authoring.decisions import Catalogue, catalogue, decided
from claimscope.authoring.files import TEXT_FILE, dump_yaml
from claimscope.files.coverage import NOT_CLAIMS_FILE
from claimscope.finder import Mention, find_mentions
from claimscope.intake import Converted

_MODEL_UNITS = {"GBP": "gbp", "USD": "usd", "EUR": "eur"}  # declared units an input may use
_CHECK = "Drafted by ClaimScope's finder from the text; check it."


class DraftError(ValueError):
    """The text cannot be drafted (it states no number a claim could hold)."""


def _title(converted: Converted, source_name: str) -> str:
    if converted.title.strip():
        return converted.title.strip()
    for line in converted.text.splitlines():
        words = line.strip().lstrip("#").strip(" *_")
        if words:
            return words[:120]
    return Path(source_name).stem or "Untitled document"


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


def document_meta(converted: Converted, source_name: str, folder_id: str, year: int,
                  mentions: Sequence[Mention]) -> dict:
    """`document.yaml`'s fields for a draft: the title the file gives (or its first
    line), the latest year the text names that is not after `year`, "Not stated" for
    what the text does not say, and the text's sha256."""
    years = [int(m.value) for m in mentions if m.kind == "date" and m.value is not None
             and m.value <= year]
    title = _title(converted, source_name)
    return {
        "id": folder_id, "title": title, "short_title": title[:40],
        "publisher": "Not stated (drafted; check)", "author": "Not stated (drafted; check)",
        "date": max(years, default=year), "session": "Not stated",
        "where": f"Drafted by ClaimScope from the file {Path(source_name).name}.",
        "licence": "Not stated: check the document's licence before sharing it.",
        "text_file": TEXT_FILE, "sha256": converted.sha256,
    }


def catalogue_files(text: str, meta: dict, found: Catalogue, notes: Sequence[str] = ()
                    ) -> dict[str, str]:
    """The text, `document.yaml`, `claims.yaml` and `not_claims.yaml` of a document."""
    joined = "\n".join(notes)
    return {
        TEXT_FILE: text,
        "document.yaml": dump_yaml(meta, "Check every field. The sha256 is that of "
                                         f"{TEXT_FILE}, as converted." + (
                                             f"\n{joined}" if joined else "")),
        "claims.yaml": dump_yaml({"claims": found.claims},
                                 "Every number kept as a claim: check each value, unit, "
                                 "who and when."),
        NOT_CLAIMS_FILE: dump_yaml({"not_claims": found.not_claims},
                                   "Every other number, with the reason it is not a "
                                   "claim."),
    }


def draft_files(converted: Converted, source_name: str, folder_id: str,
                year: int, mentions: Sequence[Mention] | None = None) -> dict[str, str]:
    """The draft folder's files, by name, as text. `year` is the document's date where
    the text gives none (the latest year it names that is not after `year` is used);
    `mentions` defaults to the finder's. Every number follows the finder's suggestion."""
    text = converted.text
    found = list(find_mentions(text) if mentions is None else mentions)
    made = catalogue(text, found, decided(text, found, {}),
                     note=_CHECK)
    if not made.claims:
        raise DraftError("No number in this text could be a claim, so there is nothing to "
                         "draft.")
    by_id = {made.kept[number]: found[number] for number in made.kept}
    claims = {claim["id"]: claim for claim in made.claims}
    basis = next((claim_id for claim_id, mention in by_id.items()
                  if mention.kind == "quantity" and mention.unit in (None, *_MODEL_UNITS)),
                 made.claims[0]["id"])
    meta = document_meta(converted, source_name, folder_id, year, found)
    inputs, model = _model_files(claims[basis], by_id[basis])
    return {
        **catalogue_files(text, meta, made, converted.notes),
        "inputs.yaml": dump_yaml(inputs, "A placeholder model's one input; replace it."),
        "model.yaml": dump_yaml(model, "A placeholder model (the figure as stated); write "
                                       "the document's own arithmetic here."),
    }


def write_draft(files: dict[str, str], folder: Path) -> Path:
    """Write the files into a new folder (refusing one that holds files already)."""
    if folder.exists() and any(folder.iterdir()):
        raise DraftError(f"{folder} is not empty; choose a new folder for the draft.")
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (folder / name).write_bytes(content.encode("utf-8"))
    return folder
