"""The document's own sentence re-told with live numbers (DESIGN §4.4), and the verdict.

The sentence is the document's: `sentence.yaml` in its folder, a list of parts in the
template language of `claimscope.text.template`, so no claim of any document is written here.
`load_sentence` checks it against the model and catalogue and returns its spec, plain
JSON-able data that `template.render_sentence` renders here and `renderSentence`
(claimscope/live/assets/template.js) in the browser. The result is Markdown; the bold spans are
the numbers that move. The documents' smaller templates (cards, intro in pages.yaml) are
sandboxed Jinja2, rendered by `render`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Annotated, Any

from jinja2 import StrictUndefined, Template
from jinja2.sandbox import SandboxedEnvironment
from pydantic import model_validator

from claimscope.files.catalogue import Catalogue, claim_text
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
from claimscope.model.model import Model, Outputs
from claimscope.model.verdict import margin
from claimscope.text.numbers import count_word, display, human, percent
from claimscope.text.template import Scope, check_text, parse_text, render_sentence, render_text

SENTENCE_FILE = "sentence.yaml"
SentenceSpec = dict[str, Any]  # {"parts": [...]}: see `sentence_spec`

_ENVIRONMENT = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False,
                                    keep_trailing_newline=False)
_ENVIRONMENT.filters.update(human=human, percent=percent, display=display,
                            count_word=count_word, text=claim_text)


def render(template: str, **context: object) -> str:
    """A document's template (intro, card) rendered in the sandbox, as one line of
    Markdown: templates name the document's claims so generic code need not."""
    return " ".join(_compiled(template).render(**context).split())


@lru_cache(maxsize=8)
def _compiled(template: str) -> Template:
    """Compiling costs a few milliseconds; a rerun renders the compiled template."""
    return _ENVIRONMENT.from_string(template)


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


def load_sentence(folder: Folder, model: Model, catalogue: Catalogue) -> SentenceSpec | None:
    """The document's sentence spec, every text checked against the model's inputs and
    outputs and the catalogue's claims; None if the folder has no sentence.yaml."""
    path = folder / SENTENCE_FILE
    if not path.is_file():
        return None
    parts = load_records(path, "parts", SentencePart, id_field="")
    names = [*model.inputs, *model.output_names]
    for row, part in enumerate(parts, start=1):
        for (text_field, when_field), clause, text, when in _texts(part):
            problems = check_text(text, names, catalogue.claims)
            if problems:
                raise DataError(path, clause + problems[0], row, text_field)
            if when is not None and when not in model.inputs:
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


def changed_inputs(model: Model, values: Mapping[str, float]) -> list[str]:
    """The inputs moved off their defaults, in the model's order."""
    return [name for name, spec in model.inputs.items() if values[name] != spec.default]


def reactive_sentence(sentence: SentenceSpec, model: Model, catalogue: Catalogue,
                      values: Mapping[str, float], out: Outputs) -> str:
    """The document's sentence with live values, as one line of Markdown."""
    return render_sentence(sentence, model.scope(values, out), changed_inputs(model, values))


# The verdict in words, rendered by Python and by the browser's panel alike: `headline` is
# the headline output, `threshold` the claim's figure, `margin` how far apart they are, as
# a percent number (`claimscope.model.verdict`, printed into the browser's model script).
VERDICT_HOLDS = ("The document's claim holds: {headline|human} is {margin|percent:1} above "
                 "the claimed {threshold|human}.")
VERDICT_FAILS = ("The document's claim does not hold on these assumptions: {headline|human} "
                 "is {margin|percent:1} below the claimed {threshold|human}.")


def verdict(model: Model, out: Outputs) -> tuple[bool, str]:
    """Whether the document's claim holds, with the margin in words."""
    value = float(out[model.headline])
    holds = bool(out.holds)
    scope = Scope(values={"headline": value, "threshold": model.threshold,
                          "margin": margin(value, model.threshold)})
    return holds, render_text(VERDICT_HOLDS if holds else VERDICT_FAILS, scope)
