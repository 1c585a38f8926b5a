"""A draft document folder from a converted text: the text, `document.yaml` with its
sha256, `claims.yaml` with every likely claim (the quote its sentence, verbatim),
`not_claims.yaml` with every other number the coverage check reads (README, "Adding a
document", step 5) and the finder's reason, and a one-line
placeholder model (`inputs.yaml`, `model.yaml`) so that the folder loads and passes
validation as it is. A reader then corrects it: nothing here is checked by a person."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from claimscope.authoring.decisions import catalogue, decided
from claimscope.authoring.model_draft import placeholder_model
from claimscope.authoring.workspace import About, catalogue_files, document_meta
from claimscope.finder import Mention, find_mentions
from claimscope.intake import Converted

_MODEL_UNITS = {"GBP": "gbp", "USD": "usd", "EUR": "eur"}  # declared units an input may use
_DRAFTED = "Not stated (drafted; check)"
_CHECK = "Drafted by ClaimScope's finder from the text; check it."


class DraftError(ValueError):
    """The text cannot be drafted (it states no number a claim could hold)."""


def document_title(declared: str, text: str, fallback: str) -> str:
    """The title a file declares, else its first line of words, else `fallback`."""
    if declared.strip():
        return " ".join(declared.split())[:300]
    for line in text.splitlines():
        words = line.strip().lstrip("#").strip(" *_")
        if words:
            return words[:120]
    return fallback


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
    years = [int(m.value) for m in found if m.kind == "date" and m.value is not None
             and m.value <= year]
    title = document_title(converted.title, text, Path(source_name).stem or "Untitled")
    about = About(title, _DRAFTED, _DRAFTED, max(years, default=year),
                  f"Drafted by ClaimScope from the file {Path(source_name).name}.")
    meta = document_meta(about, converted.sha256, folder_id)
    return {**catalogue_files(text, meta, made, converted.notes),
            **placeholder_model(claims[basis], _MODEL_UNITS.get(by_id[basis].unit or "",
                                                                "number"))}


def write_draft(files: dict[str, str], folder: Path) -> Path:
    """Write the files into a new folder (refusing one that holds files already)."""
    if folder.exists() and any(folder.iterdir()):
        raise DraftError(f"{folder} is not empty; choose a new folder for the draft.")
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (folder / name).write_bytes(content.encode("utf-8"))
    return folder
