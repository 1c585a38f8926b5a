"""The numpy printer: SymPy expressions as vectorised numpy functions.

A leaf of the model package: it knows SymPy and numpy, nothing of a document. The model
compiles its evaluation chain through it, break-even its solutions and slopes; the
JavaScript printer shares its rule for divisions (`ExactDivision`), so both languages
round a division by a number the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sympy
from sympy.printing.numpy import NumPyPrinter
from sympy.printing.precedence import PRECEDENCE


class ExactDivision:
    """A code printer mix-in: `x/55240000` rather than SymPy's `(1/55240000)*x`, so a
    division by a number rounds once, as the formula reads (and as numpy and JavaScript
    then agree with a hand-written division)."""

    def _print_Mul(self, expr: sympy.Expr) -> str:
        coefficient, rest = expr.as_coeff_Mul()
        if coefficient.is_Rational and coefficient.q != 1 and rest != 1:
            numerator = self.parenthesize(coefficient.p * rest, PRECEDENCE["Mul"])
            return f"{numerator}/{coefficient.q}"
        return super()._print_Mul(expr)  # type: ignore[misc]


class ModelNumPyPrinter(ExactDivision, NumPyPrinter):
    """The printer of the generated numpy functions, set as lambdify sets its own: names
    unqualified (`maximum`, not `numpy.maximum`), as lambdify's namespace holds them."""

    def __init__(self) -> None:
        super().__init__({"fully_qualified_modules": False, "inline": True,
                          "allow_unknown_functions": True, "user_functions": {}})


def numpy_function(arguments: list[sympy.Symbol], expression: Any,
                   cse: Callable[..., Any] | None = None) -> Callable[..., Any]:
    """`expression` (one or a list) as a vectorised numpy function of `arguments`
    (lambdify's code is printed from the expression, never from text a person wrote);
    `cse` hands lambdify the common subexpressions, as the model's chain of outputs."""
    return sympy.lambdify(arguments, expression, modules="numpy", printer=ModelNumPyPrinter(),
                          docstring_limit=0, cse=cse or False)
