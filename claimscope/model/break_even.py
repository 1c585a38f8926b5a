"""Where the claim changes sides: break-even values, the direction each input pushes the
headline and its elasticity, all worked out from the model's expressions.

Break-even: headline = threshold solved for each input by SymPy once, keeping the other
inputs as symbols, or, where SymPy finds no single real branch it can also write in
JavaScript, found by a bracketed root finder over the input's range. A break-even where
the headline has no value (outside its validity, `model.yaml`'s `valid_when`) is none.
The JavaScript printer writes the same rules for the browser.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
import sympy

from claimscope.model.model import Model, exact
from claimscope.model.printing.numpy import numpy_function

# The bracketed root finder's tolerance, shared by Python (brentq) and the generated
# JavaScript (bisection): both run to the precision of a double.
ROOT_RTOL = 4 * sys.float_info.epsilon
ROOT_XTOL = 1e-300
ROOT_ITERATIONS = 200
# What a symbolic break-even may contain to be used: it must also print as JavaScript.
_WRITABLE = (sympy.Add, sympy.Mul, sympy.Pow, sympy.Symbol, sympy.Number, sympy.Min,
             sympy.Max, sympy.Abs, sympy.log, sympy.exp, sympy.core.numbers.NumberSymbol)


@dataclass(frozen=True)
class BreakEvenRule:
    """How one input's break-even is found: `solution` (model units, over the input
    symbols of `over`) where SymPy solved headline = threshold; None for the root finder."""

    input: str
    solution: sympy.Expr | None
    over: tuple[str, ...] = ()


def break_even(model: Model, values: Mapping[str, float], name: str) -> float | None:
    """The value (display units) of input `name` at which the headline equals the
    threshold, all others as set; None where there is none, where the headline has no
    value there, or where the headline does not depend on the input. A symbolic solution
    may lie outside the input's range; the root finder searches only within it."""
    if name not in model.break_even_inputs:
        return None
    rule = break_even_rule(model, name)
    if rule.solution is None:
        return _bracketed_root(model, model.point_values(values), name)
    model_values = model.to_model(values)
    with np.errstate(all="ignore"):  # no solution here (the root of a negative): None
        found = float(_solution_function(model, name)(*(model_values[n] for n in rule.over)))
    shown = found * 100.0 if model.inputs[name].is_percent else found
    if not math.isfinite(shown):
        return None
    there = model.evaluate({**model.point_values(values), name: shown})
    return shown if bool(there.valid[model.headline]) else None


def direction(model: Model, name: str, values: Mapping[str, float]) -> int:
    """+1 if raising the input raises the headline at these values (display units),
    −1 if it lowers it, 0 if neither (or the headline does not depend on it)."""
    if name not in model.break_even_inputs:
        return 0
    model_values = model.to_model(values)
    function, over = _derivative_function(model, name)
    with np.errstate(all="ignore"):
        slope = float(function(*(model_values[n] for n in over)))
    return int(np.sign(slope)) if math.isfinite(slope) else 0


def elasticity(model: Model, name: str) -> float | None:
    """d ln(headline) / d ln(input) where that is a constant (the headline is a power
    of the input: 1 for a factor, −1 for a divisor); None otherwise."""
    if name not in model.break_even_inputs:
        return None

    def make() -> float | None:
        symbol = model.input_symbols[name]
        ratio = sympy.simplify(symbol * derivative(model, name) / model.headline_expression)
        return float(ratio) if ratio.is_number and ratio.is_real else None

    return model.memo(f"elasticity:{name}", make)


def break_even_rule(model: Model, name: str) -> BreakEvenRule:
    """How input `name`'s break-even is found (for `break_even` and the JavaScript)."""
    return model.memo(f"rule:{name}", lambda: _solve(model, name))


def derivative(model: Model, name: str) -> sympy.Expr:
    """∂ headline / ∂ input (model units), over the input symbols."""
    return sympy.diff(model.headline_expression, model.input_symbols[name])


def _solve(model: Model, name: str) -> BreakEvenRule:
    """headline = threshold for one input, once: the single real branch SymPy finds
    (given what the inputs' ranges say of their signs), if it can also be written in
    JavaScript; else the root finder's rule."""
    symbol = model.input_symbols[name]
    try:
        found = sympy.solve(sympy.Eq(model.headline_expression, exact(model.threshold)),
                            symbol)
    except (NotImplementedError, ValueError, TypeError):
        found = []
    usable = [s for s in found if _writable(s)]
    if len(usable) != 1:
        return BreakEvenRule(name, None)
    over = tuple(n for n, s in model.input_symbols.items() if s in usable[0].free_symbols)
    return BreakEvenRule(name, usable[0], over)


def _solution_function(model: Model, name: str) -> Callable[..., float]:
    def make() -> Callable[..., float]:
        rule = break_even_rule(model, name)
        return numpy_function([model.input_symbols[n] for n in rule.over], rule.solution)

    return model.memo(f"solution:{name}", make)


def _derivative_function(model: Model, name: str
                         ) -> tuple[Callable[..., float], tuple[str, ...]]:
    def make() -> tuple[Callable[..., float], tuple[str, ...]]:
        slope = derivative(model, name)
        over = tuple(n for n, s in model.input_symbols.items() if s in slope.free_symbols)
        return numpy_function([model.input_symbols[n] for n in over], slope), over

    return model.memo(f"derivative:{name}", make)


def _bracketed_root(model: Model, values: dict[str, float], name: str) -> float | None:
    """The input value in [min, max] (display units) where the headline crosses the
    threshold, by Brent's method; None if it does not cross there (an end where the
    headline has no value counts as not crossing)."""
    from scipy.optimize import brentq  # on first use: it takes a second to import

    spec = model.inputs[name]

    def gap(x: float) -> float:
        return float(model.evaluate({**values, name: x})[model.headline]) - model.threshold

    low, high = gap(spec.min), gap(spec.max)
    if not (math.isfinite(low) and math.isfinite(high)) or low * high > 0:
        return None
    if low == 0 or high == 0:
        return spec.min if low == 0 else spec.max
    found = float(brentq(gap, spec.min, spec.max, xtol=ROOT_XTOL, rtol=ROOT_RTOL,
                         maxiter=ROOT_ITERATIONS, disp=False))
    return found if math.isfinite(gap(found)) else None


def _writable(solution: sympy.Expr) -> bool:
    """A break-even SymPy found is used if it is real and made only of what both numpy and
    the JavaScript printer write (no LambertW, no Piecewise, no imaginary unit)."""
    if solution.has(sympy.I, sympy.zoo, sympy.nan, sympy.oo, -sympy.oo):
        return False
    return all(isinstance(node, _WRITABLE) for node in sympy.preorder_traversal(solution))
