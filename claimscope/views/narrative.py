"""The document's sentence re-told with live numbers, and the verdict.

The sentence is the document's (`claimscope.files.sentence`); here it is rendered on the
server with the values a reader chose, as `renderSentence` (claimscope/live/assets/template.js)
renders it in the browser. The result is Markdown; the bold spans are the numbers that
move.
"""

from __future__ import annotations

from collections.abc import Mapping

from claimscope.files.catalogue import Catalogue
from claimscope.files.sentence import SentenceSpec
from claimscope.model.model import Model, Outputs
from claimscope.text.template import Scope, render_sentence, render_text


def sentence_scope(model: Model, catalogue: Catalogue, values: Mapping[str, float],
                   out: Outputs) -> Scope:
    """What a document's texts may name: inputs (display units) and outputs by name with
    their units, and the catalogue's claim values by id."""
    units = {name: spec.unit for name, spec in model.inputs.items()}
    units.update({spec.name: spec.unit for spec in model.outputs})
    named = {name: float(values[name]) for name in model.inputs}
    named.update({name: float(value) for name, value in out.items()})
    return Scope(values=named, units=units,
                 claims={cid: claim.value for cid, claim in catalogue.claims.items()})


def changed_inputs(model: Model, values: Mapping[str, float]) -> list[str]:
    """The inputs moved off their defaults, in the model's order."""
    return [name for name, spec in model.inputs.items() if values[name] != spec.default]


def reactive_sentence(sentence: SentenceSpec, model: Model, catalogue: Catalogue,
                      values: Mapping[str, float], out: Outputs) -> str:
    """The document's sentence with live values, as one line of Markdown."""
    return render_sentence(sentence, sentence_scope(model, catalogue, values, out),
                           changed_inputs(model, values))


# The verdict in words, rendered by Python and by the browser's panel alike: `headline` is
# the headline output, `threshold` the claim's figure, `margin` how far apart they are, as
# a percent number.
VERDICT_HOLDS = ("The document's claim holds: {headline|human} is {margin|percent:1} above "
                 "the claimed {threshold|human}.")
VERDICT_FAILS = ("The document's claim does not hold on these assumptions: {headline|human} "
                 "is {margin|percent:1} below the claimed {threshold|human}.")


def verdict(model: Model, out: Outputs) -> tuple[bool, str]:
    """Whether the document's claim holds, with the margin in words."""
    value = float(out[model.headline])
    holds = bool(out.holds)
    scope = Scope(values={"headline": value, "threshold": model.threshold,
                          "margin": abs(value / model.threshold - 1.0) * 100})
    return holds, render_text(VERDICT_HOLDS if holds else VERDICT_FAILS, scope)
