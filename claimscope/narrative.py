"""The document's own sentence re-told with live numbers (DESIGN §4.4), and the verdict.

The sentence is the document's: a Jinja2 template (`sentence.md.j2`) in its folder,
rendered in a sandbox with the number formatters below, so no claim of any document is
written here. The result is Markdown; the bold spans are the numbers that move.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from jinja2 import StrictUndefined, Template, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from claimscope.catalogue import Catalogue, claim_text
from claimscope.model import Model, Outputs
from claimscope.numbers import count_word, display, human, percent
from claimscope.schema import DataError, brief

SENTENCE_FILE = "sentence.md.j2"

_ENVIRONMENT = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False,
                                    keep_trailing_newline=False)
_ENVIRONMENT.filters.update(human=human, percent=percent, display=display,
                            count_word=count_word, text=claim_text)


def render(template: str, **context: object) -> str:
    """A document's template (sentence, intro, card) rendered in the sandbox, as one line
    of Markdown: templates name the document's claims so generic code need not."""
    return " ".join(_compiled(template).render(**context).split())


@lru_cache(maxsize=8)
def _compiled(template: str) -> Template:
    """Compiling costs a few milliseconds; a rerun renders the compiled template."""
    return _ENVIRONMENT.from_string(template)


def load_sentence(folder: Path) -> str | None:
    """The template text, compiled at load to find syntax errors; None if absent."""
    path = folder / SENTENCE_FILE
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8")
    try:
        _compiled(text)
    except TemplateError as exc:
        raise DataError(path, f"is not a valid template: {brief(str(exc), 160)}") from exc
    return text


def reactive_sentence(template: str, model: Model, catalogue: Catalogue,
                      values: Mapping[str, float], out: Outputs) -> str:
    """The document's sentence with live values: inputs and outputs by name, `changed` the
    inputs moved off their defaults, `claims` the catalogue values by id."""
    changed = {name for name, spec in model.inputs.items() if values[name] != spec.default}
    return render(template, values=values,
                  out={name: float(value) for name, value in out.items()}, changed=changed,
                  claims={cid: claim.value for cid, claim in catalogue.claims.items()})


def verdict(model: Model, out: Outputs) -> tuple[bool, str]:
    """Whether the document's claim holds, with the margin in words."""
    value = float(out[model.headline])
    margin = value / model.threshold - 1.0
    if bool(out.holds):
        return True, (f"The document's claim holds: {human(value)} is "
                      f"{percent(margin * 100, 1)} above the claimed "
                      f"{human(model.threshold)}.")
    return False, (f"The document's claim does not hold on these assumptions: "
                   f"{human(value)} is {percent(-margin * 100, 1)} below the "
                   f"claimed {human(model.threshold)}.")
