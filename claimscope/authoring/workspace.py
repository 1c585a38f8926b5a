"""Everything the browser's editor holds for a reader's document, and the folder it makes.

The editor keeps the converted text, what the reader says about the document (title,
author, publisher, year), the finder's mentions with the reader's decisions and the
model; `folder_files` turns them into the document folder's texts, which the normal
loaders then check (`reader_bundle`). Until the reader writes a model, the folder holds
the draft's placeholder (one kept figure, as stated), so it loads from the start.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from claimscope.authoring.decisions import Catalogue, Decision, Kept, catalogue, claim_id, decided
from claimscope.authoring.files import TEXT_FILE, dump_yaml
from claimscope.authoring.model_draft import ModelDraft, model_files, placeholder_model
from claimscope.files.coverage import NOT_CLAIMS_FILE
from claimscope.finder import Mention


@dataclass(frozen=True)
class About:
    """What the reader says the document is; "Not stated" where they leave it."""

    title: str
    author: str = "Not stated"
    publisher: str = "Not stated"
    year: int = 2026
    where: str = "Brought to ClaimScope by a reader."


_MODEL_UNITS = ("gbp", "usd", "eur")  # a placeholder's units beside a plain number


class NothingKept(ValueError):
    """No number is kept as a claim, so there is no document to make yet."""


def folder_id(sha256: str) -> str:
    """The id a reader's unsaved document goes by (its folder's name in an export)."""
    return f"reader-{sha256[:12]}"


def _one_line(text: str, fallback: str, limit: int = 300) -> str:
    words = " ".join(text.split())[:limit]
    return words or fallback


def document_meta(about: About, sha256: str, document_id: str | None = None) -> dict:
    """`document.yaml`'s fields, from what the reader says and the text's sha256; the
    id is `folder_id`'s unless given."""
    title = _one_line(about.title, "Untitled document")
    return {
        "id": document_id or folder_id(sha256), "title": title, "short_title": title[:40],
        "publisher": _one_line(about.publisher, "Not stated"),
        "author": _one_line(about.author, "Not stated"), "date": int(about.year),
        "session": "Not stated",
        "where": _one_line(about.where, "Not stated"),
        "licence": "Not stated: check the document's licence before sharing it.",
        "text_file": TEXT_FILE, "sha256": sha256,
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


def claim_words(claims: Sequence[dict]) -> dict[str, str]:
    """Each claim's mention, as an input's basis quotes it."""
    return {claim["id"]: claim["mention"] for claim in claims}


def folder_files(text: str, sha256: str, about: About, mentions: Sequence[Mention],
                 decisions: Mapping[int, Decision], model: ModelDraft | None
                 ) -> dict[str, str]:
    """The document folder's texts; raises NothingKept while no number is a claim."""
    made = catalogue(text, mentions, decided(text, mentions, decisions))
    if not made.claims:
        raise NothingKept("Keep at least one number as a claim: a document needs one to "
                          "be examined.")
    files = catalogue_files(text, document_meta(about, sha256), made)
    if model is None:
        first = next(number for number in made.kept)
        basis = next(claim for claim in made.claims if claim["id"] == made.kept[first])
        unit = basis["unit"] if basis["unit"] in _MODEL_UNITS else "number"
        files.update(placeholder_model(basis, unit))
    else:
        files.update(model_files(model, claim_words(made.claims)))
    return files


def kept_claims(text: str, mentions: Sequence[Mention], decisions: Mapping[int, Decision]
                ) -> dict[str, tuple[Mention, Kept]]:
    """Every kept claim by id, with its mention: what a model may pick from."""
    return {claim_id(number): (mention, decision)
            for number, (mention, decision) in enumerate(
                zip(mentions, decided(text, mentions, decisions), strict=True))
            if isinstance(decision, Kept)}
