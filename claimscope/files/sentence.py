"""A document's sentence file (`sentence.yaml`): the document's own sentence, in parts, to
be re-told with live numbers (README, "sentence.yaml").

A list of parts in the template language of `claimscope.text.template`, so no claim of any
document is written in code. `load_sentence` checks it against the model's names and the
catalogue's claims and returns its spec, plain JSON-able data that
`claimscope.views.narrative` renders on the server and `renderSentence`
(claimscope/live/assets/template.js) in the browser.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Annotated, Any

from pydantic import model_validator

from claimscope.files.folder import Folder
from claimscope.files.schema import (
    AsTuple,
    DataError,
    FieldProblem,
    Prose,
    Record,
    Text,
    load_records,
)
from claimscope.text.template import check_text, parse_text

SENTENCE_FILE = "sentence.yaml"
SentenceSpec = dict[str, Any]  # {"parts": [...]}: see `sentence_spec`


class Clause(Record):
    """One clause of a list part: its text, shown while `when_changed` is moved."""

    when_changed: Text
    text: Prose


class SentencePart(Record):
    """One part of the sentence: a `text` (shown always, or only while `when_changed` is
    moved off its default), or a list of clauses `any` written `before` + the moved
    clauses `joined` + `after`, with `otherwise` shown when none is moved."""

    text: Prose | None = None
    when_changed: Text | None = None
    any: Annotated[tuple[Clause, ...], AsTuple] | None = None
    before: str = ""
    joined: str = "; "
    after: str = ""
    otherwise: Prose | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> SentencePart:
        if self.any is None:
            if self.text is None:
                raise FieldProblem("text", "is missing: a part has a `text` or a list `any`")
            for name in ("before", "after", "otherwise"):
                if getattr(self, name) not in ("", None):
                    raise FieldProblem(name, "belongs to a list part (one with `any`)")
            if self.joined != "; ":
                raise FieldProblem("joined", "belongs to a list part (one with `any`)")
        else:
            if self.text is not None or self.when_changed is not None:
                field = "text" if self.text is not None else "when_changed"
                raise FieldProblem(field, "does not go with `any`: give each clause its "
                                          "own `when_changed` and `text`")
            if not self.any:
                raise FieldProblem("any", "must list at least one clause")
        return self


def sentence_spec(parts: Sequence[SentencePart]) -> SentenceSpec:
    """The sentence as plain JSON-able data, its texts parsed into template nodes: what
    both renderers (Python's `render_sentence`, the browser's `renderSentence`) take."""
    spec = []
    for part in parts:
        if part.any is None:
            spec.append({"when_changed": part.when_changed, "text": parse_text(part.text)})
        else:
            spec.append({
                "any": [{"when_changed": clause.when_changed, "text": parse_text(clause.text)}
                        for clause in part.any],
                "before": part.before, "joined": part.joined, "after": part.after,
                "otherwise": None if part.otherwise is None else parse_text(part.otherwise)})
    return {"parts": spec}


def load_sentence(folder: Folder, inputs: Iterable[str], outputs: Iterable[str],
                  claim_ids: Iterable[str]) -> SentenceSpec | None:
    """The document's sentence spec, every text checked against the model's inputs and
    outputs and the catalogue's claims; None if the folder has no sentence.yaml."""
    path = folder / SENTENCE_FILE
    if not path.is_file():
        return None
    parts = load_records(path, "parts", SentencePart, id_field="")
    inputs, claims = list(inputs), list(claim_ids)
    names = [*inputs, *outputs]
    for row, part in enumerate(parts, start=1):
        for (text_field, when_field), clause, text, when in _texts(part):
            problems = check_text(text, names, claims)
            if problems:
                raise DataError(path, clause + problems[0], row, text_field)
            if when is not None and when not in inputs:
                raise DataError(path, f"{clause}names no input {when!r}", row, when_field)
    return sentence_spec(parts)


def _texts(part: SentencePart) -> list[tuple[tuple[str, str], str, str, str | None]]:
    """Each text of a part with its `when_changed`, the fields an error names (the text's,
    the condition's) and the words that place a clause of a list part ("clause 2: "):
    a clause is inside the part's field `any`."""
    if part.any is None:
        return [(("text", "when_changed"), "", part.text or "", part.when_changed)]
    found = [(("any", "any"), f"clause {index}: ", clause.text, clause.when_changed)
             for index, clause in enumerate(part.any, start=1)]
    return found + ([(("otherwise", ""), "", part.otherwise, None)] if part.otherwise else [])
