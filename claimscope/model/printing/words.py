"""The Method page's words about the model, generated from its expressions."""

from __future__ import annotations

from claimscope.model.model import Constant, Model
from claimscope.text.markdown import escape_markdown
from claimscope.text.numbers import display, human


def constant_line(constant: Constant) -> str:
    """One named constant, its value and where it comes from."""
    source = (f"the document's claim `{constant.id}` (“{constant.label}”)"
              if constant.source == "claim"
              else f"the reference figure `{constant.id}` ({constant.label})")
    value = display(constant.value, constant.unit, 2)
    return f"**{constant.name.replace('_', ' ')}** = {value}, {source}"


def break_even_method(model: Model) -> str:
    """How break-even values are found for this model: closed forms for the inputs the
    headline is a power of, SymPy's solution or a root finder for the others."""
    headline = escape_markdown(model.headline_output.label.lower())  # Markdown: labels as typed
    powers, solved, searched = [], [], []
    for name in model.break_even_inputs:
        label = escape_markdown(model.inputs[name].label.lower())
        exponent = model.elasticity(name)
        if exponent is not None:
            powers.append(f"{label}^{exponent:+g}")
        elif model.break_even_rule(name).solution is not None:
            solved.append(label)
        else:
            searched.append(label)
    words = [f"The document's claim holds when the {headline} is at least "
             f"{human(model.threshold)}. **Break-even** values solve {headline} = claim for "
             "one input with the others fixed, solved once by computer algebra (SymPy) and "
             "kept as a formula of the other inputs."]
    if powers:
        words.append(f"The {headline} is a power of {', '.join(powers)}, so each has a "
                     "closed form: $x^* = x\\,(\\text{claim} / \\text{current})^{1/e}$ for "
                     "an input $x$ with power $e$.")
    if solved:
        words.append(f"For {', '.join(solved)} the solution is the single real branch in "
                     "the input's range.")
    if searched:
        words.append(f"For {', '.join(searched)} no formula is found, so the value is "
                     "searched for within the input's allowed range (Brent's method), and "
                     "there is none where the claim does not change sides within it.")
    return " ".join(words)
