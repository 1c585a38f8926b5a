"""A reader's exported folder, opened again in the editor: the text, what the document
is, each claim placed back on the number the finder finds inside its quote, each
not-claim's reason on the numbers it covers, and the model's fields.

The folder is checked and validated first (`reader_bundle`): what comes back is what the
same loaders accept. A claim whose mention the finder does not find inside its quote
cannot be shown on the editor's list and is left out, with a notice saying so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

import yaml

from claimscope.authoring.decisions import Decision, Kept, SetAside, claim_id
from claimscope.authoring.model_draft import (
    CHECK_RELATIONS,
    FORMULA_WORD,
    CheckDraft,
    InputDraft,
    ModelDraft,
    OutputDraft,
    claim_name,
)
from claimscope.authoring.reader_folder import reader_bundle
from claimscope.authoring.workspace import About
from claimscope.bundle import Bundle
from claimscope.files.coverage import context_places
from claimscope.finder import Mention, find_mentions

_CLAIM_WORDS = "{claims."


@dataclass(frozen=True)
class Restored:
    text: str
    about: About
    decisions: dict[int, Decision]
    model: ModelDraft | None
    notices: tuple[str, ...]


def _place(text: str, mentions: list[Mention], mention: str, quote: str) -> int | None:
    for begin, end in context_places(text, quote):
        for number, found in enumerate(mentions):
            if found.text == mention and begin <= found.start and found.end <= end:
                return number
    return None


def _decisions(data: Bundle, mentions: list[Mention]) -> tuple[dict[int, Decision],
                                                               dict[str, str], list[str]]:
    text = data.document.text
    decisions: dict[int, Decision] = {}
    ids: dict[str, str] = {}
    lost = []
    for claim in data.catalogue.claims.values():
        number = _place(text, mentions, claim.mention, claim.quote)
        if number is None or number in decisions:
            lost.append(claim.id)
            continue
        decisions[number] = Kept(float(claim.value), str(claim.unit), str(claim.kind),
                                 str(claim.category), str(claim.who), str(claim.when),
                                 str(claim.date) if claim.date else None)
        ids[claim.id] = claim_id(number)
    for entry in data.not_claims:
        for begin, end in context_places(text, entry.context)[:1]:
            for number, found in enumerate(mentions):
                if number not in decisions and begin <= found.start and found.end <= end \
                        and entry.text in found.text:
                    decisions[number] = SetAside(str(entry.reason))
    return decisions, ids, lost


def _model(files: Mapping[str, str], ids: Mapping[str, str]) -> ModelDraft | None:
    """The model's fields from inputs.yaml and model.yaml (already validated), with claim
    ids renamed as the editor numbers them; None if its claim was left out."""
    inputs_file = yaml.safe_load(files["inputs.yaml"]) or {}
    model_file = yaml.safe_load(files["model.yaml"]) or {}
    claim = ids.get(str(model_file.get("claim", "")))
    if claim is None:
        return None
    inputs = tuple(
        InputDraft(str(spec["name"]), str(spec.get("label", spec["name"])),
                   str(spec.get("unit", "number")), float(spec["default"]),
                   float(spec["min"]), float(spec["max"]), float(spec.get("step", 1)),
                   tuple(ids[c] for c in spec.get("claims") or () if c in ids),
                   str(spec.get("help") or ""))
        for spec in inputs_file.get("inputs") or ())
    outputs = tuple(
        OutputDraft(str(out["name"]), str(out.get("label", out["name"])),
                    str(out.get("unit", "number")), str(out["formula"]),
                    out.get("kind") == "assumed", str(out.get("valid_when") or ""),
                    str(out.get("invalid_words") or ""))
        for out in model_file.get("outputs") or ())
    words = str(model_file.get("threshold_text", ""))
    words = words.split(_CLAIM_WORDS)[0].strip() if _CLAIM_WORDS in words else "more than"
    threshold = model_file.get("threshold")
    return ModelDraft(inputs, outputs, str(model_file.get("headline", "")), claim,
                      float(threshold) if isinstance(threshold, (int, float)) else None,
                      words or "more than")


def _checks(data: Bundle, ids: Mapping[str, str]) -> tuple[tuple[CheckDraft, ...], int]:
    """The checks the editor can show (a relation over claims, inputs and outputs), their
    claims renamed as the editor numbers them; and how many others were left out."""
    drafts = []
    for spec in data.checks:
        record = spec.record
        if (record.months or record.counts or record.also
                or record.relation not in CHECK_RELATIONS
                or any(claim not in ids for claim in record.claims.values())):
            continue
        names = {name: claim_name(ids[claim]) for name, claim in record.claims.items()}

        def renamed(text: str | None, names: Mapping[str, str] = names) -> str:
            return FORMULA_WORD.sub(lambda word: names.get(word[0], word[0]), text or "")

        drafts.append(CheckDraft(record.title, renamed(record.value), record.relation,
                                 renamed(record.against), record.tolerance,
                                 renamed(record.low), renamed(record.high)))
    return tuple(drafts), len(data.checks) - len(drafts)


def restored(files: Mapping[str, str]) -> Restored:
    """The editor's state for an exported folder's files; raises ReaderFolderError or
    DataError (with the loaders' message) if the folder is refused or does not validate."""
    data = reader_bundle("imported", files)
    text = data.document.text
    mentions = find_mentions(text)
    decisions, ids, lost = _decisions(data, mentions)
    model = _model(files, ids)
    checks, dropped = _checks(data, ids)
    if model is not None:
        model = replace(model, checks=checks)
    meta = data.document.meta
    about = About(meta.title, meta.author, meta.publisher, int(meta.date), meta.where)
    notices = []
    if lost:
        notices.append(f"{len(lost)} claim(s) ({', '.join(lost[:5])}) could not be placed "
                       "on a number in their quote and were left out.")
    if dropped:
        notices.append(f"{dropped} check(s) the editor cannot show (months, counts, "
                       "notes, or a claim left out) were left out.")
    if model is None:
        notices.append("The folder's model judges a claim that was left out; make the "
                       "model again from a shape.")
    return Restored(text, about, decisions, model, tuple(notices))
