"""The model in LaTeX for the Method page, printed by SymPy from each output's expression
(a conditional as cases) and its validity condition."""

from __future__ import annotations

from collections.abc import Mapping

import sympy

_LATEX_SPECIALS = str.maketrans({c: "\\" + c for c in "&%$#_{}"})


def latex_text(words: str) -> str:
    """Words as LaTeX text, its special characters escaped."""
    return r"\text{" + words.translate(_LATEX_SPECIALS) + "}"


def formula_latex(value: sympy.Basic, names: Mapping[sympy.Symbol, str]) -> str:
    """An expression or condition, each symbol written as `names` gives it."""
    return sympy.latex(value, symbol_names=dict(names), mul_symbol="times", order="none")


def output_latex(symbol: sympy.Symbol, value: sympy.Basic, condition: sympy.Basic | None,
                 names: Mapping[sympy.Symbol, str]) -> str:
    """`output = formula`, and where the output has a validity condition, `(valid when …)`."""
    text = f"{names[symbol]} = {formula_latex(value, names)}"
    if condition is not None:
        text += r"\quad \text{(valid when } " + formula_latex(condition, names) + r"\text{)}"
    return text
