"""The projection model as one object (DESIGN §9), in the spirit of SALib's `ProblemSpec`.

A document declares its model as data (`model.yaml`, read by `claimscope.model.model_file`):
each output one expression over the inputs, named constants and earlier outputs. Everything
that shows or samples the model — cards, charts, the reactive sentence, break-even, the
Monte Carlo, tornado, claim map, compare, the Method page and the browser's live panel —
takes a `Model`, and everything it computes is generated from those expressions, never
written by hand:

- the vectorised evaluation: one `sympy.lambdify` function that works the outputs out in
  order, each from the inputs and the outputs before it, on floats or broadcastable numpy
  arrays alike (one scenario and a million Monte Carlo draws run through the same code);
- break-even values: headline = threshold solved for each input by SymPy once, keeping the
  other inputs as symbols, or, where SymPy finds no single real branch it can also write in
  JavaScript, found by a bracketed root finder over the input's range;
- the direction each input pushes the headline (the sign of the derivative) and its
  elasticity where the headline is a power of it;
- JavaScript for the browser (`javascript`, from `claimscope.model.printing.javascript`).

Inputs arrive in display units (percent numbers); `to_model` divides percentages by 100
and the expressions work in those model units.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter
from typing import Any

import numpy as np
import sympy
from sympy.printing.numpy import NumPyPrinter
from sympy.printing.precedence import PRECEDENCE

from claimscope.files.inputs import InputSpec
from claimscope.model.expressions import Expression
from claimscope.text.template import Scope, render_text

ArrayLike = float | np.ndarray

INPUT_PREFIX, OUTPUT_PREFIX, CONSTANT_PREFIX = "in_", "out_", "const_"
# The bracketed root finder's tolerance, shared by Python (brentq) and the generated
# JavaScript (bisection): both run to the precision of a double.
ROOT_RTOL = 4 * sys.float_info.epsilon
ROOT_XTOL = 1e-300
ROOT_ITERATIONS = 200
# What a symbolic break-even may contain to be used: it must also print as JavaScript.
_WRITABLE = (sympy.Add, sympy.Mul, sympy.Pow, sympy.Symbol, sympy.Number, sympy.Min,
             sympy.Max, sympy.Abs, sympy.log, sympy.exp, sympy.core.numbers.NumberSymbol)


def input_symbol(spec: InputSpec) -> sympy.Symbol:
    """An input's stand-in, real, and positive (or negative) where its whole range is, so
    that solving keeps only the branch the input can take."""
    assumptions: dict[str, bool] = {"real": True}
    if spec.min > 0:
        assumptions["positive"] = True
    elif spec.max < 0:
        assumptions["negative"] = True
    return sympy.Symbol(INPUT_PREFIX + spec.name, **assumptions)


def output_symbol(name: str) -> sympy.Symbol:
    return sympy.Symbol(OUTPUT_PREFIX + name, real=True)


def constant_symbol(name: str) -> sympy.Symbol:
    return sympy.Symbol(CONSTANT_PREFIX + name, real=True)


def exact(value: float) -> sympy.Rational:
    """A float as the exact decimal it is written as (0.0725 is 725/10000)."""
    return sympy.Rational(repr(float(value)))


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


def numpy_function(arguments: list[sympy.Symbol], expression: Any) -> Callable[..., Any]:
    """`expression` as a vectorised numpy function of `arguments` (lambdify's code is
    printed from the expression, never from text a person wrote)."""
    return sympy.lambdify(arguments, expression, modules="numpy", printer=ModelNumPyPrinter(),
                          docstring_limit=0)


@dataclass(frozen=True)
class OutputSpec:
    """One output of the model: how it is named, measured and worked out."""

    name: str
    label: str  # a template (claimscope.text.template), e.g. "Projected to {year}"
    unit: str  # a `numbers.display` unit
    expression: Expression  # over input, constant and earlier output symbols
    formula: str  # in words, shown beside the figure
    latex: str  # the same formula for the Method page
    kind: str = "derived"  # provenance: derived (formula of the document's figures) | assumed
    term: str | None = None  # how later formulas' words name this output
    card: bool = True  # shown as a card and summarised on its own (not only a step)


@dataclass(frozen=True)
class Constant:
    """A named number a formula uses: a claim of the document or a reference figure."""

    name: str
    value: float
    unit: str
    source: str  # "claim" | "reference"
    id: str  # the claim's or reference's id
    label: str  # what it is, in words (the reference's label, the claim's mention)
    term: str | None = None  # how formulas' words name it; its value when None


@dataclass(frozen=True)
class StepSpec:
    """One stage of the step chart as declared: an input's or an output's value, with a
    label and the operation leading to it (templates)."""

    label: str
    kind: str  # reported | derived | assumed
    operation: str
    input: str | None = None
    output: str | None = None


@dataclass(frozen=True)
class Step:
    """One stage of the model's step chart: from the document's figure to the last output."""

    label: str
    value: float
    kind: str  # reported | derived | assumed
    operation: str


class Outputs(Mapping[str, ArrayLike]):
    """The model's outputs for one scenario or one array of scenarios, by output name."""

    def __init__(self, values: dict[str, ArrayLike], holds: ArrayLike) -> None:
        self._values = values
        self.holds = holds  # whether the claim holds: headline ≥ threshold

    def __getitem__(self, name: str) -> ArrayLike:
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


@dataclass(frozen=True)
class BreakEvenRule:
    """How one input's break-even is found: `solution` (model units, over the input
    symbols of `over`) where SymPy solved headline = threshold; None for the root finder."""

    input: str
    solution: sympy.Expr | None
    over: tuple[str, ...] = ()


@dataclass(frozen=True)
class Model:
    """Inputs, outputs as expressions, the claim's threshold and the step chart of one
    document; see the module docstring for what is generated from them."""

    inputs: Mapping[str, InputSpec]
    outputs: tuple[OutputSpec, ...]
    headline: str
    threshold: float
    threshold_template: str  # the claim in the document's words, a template over claims
    claim: str  # the catalogue id of the claim the headline is judged against
    constants: Mapping[str, Constant] = field(default_factory=dict)
    steps: tuple[StepSpec, ...] = ()
    compared: tuple[str, ...] = ()  # outputs set side by side on /compare (headline if none)
    claims: Mapping[str, float] = field(default_factory=dict)  # claim values for templates
    # generated functions and solutions, made on first use and kept with the model
    _memo: dict[str, Any] = field(default_factory=dict, init=False, repr=False,
                                  compare=False)

    def __post_init__(self) -> None:
        names = self.output_names
        if self.headline not in names:
            raise ValueError(f"headline {self.headline!r} is not an output")
        unknown_outputs = set(self.compared) - set(names)
        if unknown_outputs:
            raise ValueError(f"compared names unknown outputs: {sorted(unknown_outputs)}")
        for step in self.steps:
            if (step.input is None) == (step.output is None):
                raise ValueError(f"step {step.label!r} must name one input or one output")
            if step.input is not None and step.input not in self.inputs:
                raise ValueError(f"step {step.label!r} names unknown input {step.input!r}")
            if step.output is not None and step.output not in names:
                raise ValueError(f"step {step.label!r} names unknown output {step.output!r}")
        known = set(self._input_symbols.values()) | set(self._constant_values)
        for position, out in enumerate(self.outputs):
            earlier = {output_symbol(o.name) for o in self.outputs[:position]}
            stray = out.expression.value.free_symbols - known - earlier
            if stray:
                raise ValueError(f"output {out.name!r} uses {sorted(map(str, stray))}, which "
                                 "are not inputs, constants or earlier outputs")

    # -- declaration ---------------------------------------------------------------------

    @property
    def output_names(self) -> tuple[str, ...]:
        return tuple(out.name for out in self.outputs)

    def output(self, name: str) -> OutputSpec:
        for out in self.outputs:
            if out.name == name:
                return out
        raise KeyError(f"unknown output {name!r}; expected one of {self.output_names}")

    @property
    def headline_output(self) -> OutputSpec:
        return self.output(self.headline)

    @property
    def compared_outputs(self) -> tuple[OutputSpec, ...]:
        return tuple(self.output(name) for name in self.compared or (self.headline,))

    @property
    def card_outputs(self) -> tuple[OutputSpec, ...]:
        """The outputs shown as cards and summarised by the Monte Carlo: all but the stages
        of the chain declared `card: false`."""
        return tuple(out for out in self.outputs if out.card)

    @property
    def threshold_text(self) -> str:
        """The claim in the document's words, e.g. "in excess of 300 million"."""
        return render_text(self.threshold_template, Scope(claims=self.claims))

    def defaults(self) -> dict[str, float]:
        return {name: spec.default for name, spec in self.inputs.items()}

    def point_values(self, values: Mapping[str, float]) -> dict[str, float]:
        """Every input's display value as a float, defaults filling the gaps: what a sweep
        or a run starts from when a link names only some inputs."""
        return {name: float(values.get(name, spec.default)) for name, spec in self.inputs.items()}

    def to_model(self, values: Mapping[str, ArrayLike]) -> dict[str, ArrayLike]:
        """Display units (percent numbers) to model units; missing inputs take defaults."""
        return {name: spec.to_model(values.get(name, spec.default))
                for name, spec in self.inputs.items()}

    # -- evaluation ----------------------------------------------------------------------

    def evaluate_model(self, model_values: Mapping[str, ArrayLike]) -> Outputs:
        """All outputs from model-unit inputs (floats or broadcastable arrays)."""
        chain, pick, names, headline = self._evaluation
        given = pick(model_values)
        try:
            results = chain(*given)
        except ArithmeticError:  # Python floats raise where numpy's give inf or nan
            with np.errstate(all="ignore"):
                results = chain(*map(np.float64, given))
        values = dict(zip(names, results, strict=True))
        return Outputs(values, values[headline] >= self.threshold)

    def evaluate(self, values: Mapping[str, ArrayLike]) -> Outputs:
        """All outputs from display-unit values (missing inputs take their defaults)."""
        return self.evaluate_model(self.to_model(values))

    @cached_property
    def fixed_scope(self) -> Scope:
        """What the document's templates may name that no assumption moves: the constants'
        values, every name's unit and the claims. `scope` adds the inputs and outputs; the
        browser's panel gets this as data (`claimscope.views.panel_spec`) and adds them in
        the same order (`templateScope`, claimscope/live/assets/template.js)."""
        units = {name: spec.unit for name, spec in self.inputs.items()}
        units.update({c.name: c.unit for c in self.constants.values()})
        units.update({spec.name: spec.unit for spec in self.outputs})
        return Scope(values={c.name: c.value for c in self.constants.values()}, units=units,
                     claims=self.claims)

    def scope(self, values: Mapping[str, float], out: Outputs | None = None) -> Scope:
        """What every template of the document (labels, operations, the sentence) may name:
        the inputs (display units; defaults where `values` has none), then the constants,
        then the outputs, with their units, and the claims; outputs worked out from
        `values` if not given. The one template scope: see `fixed_scope`."""
        point = self.point_values(values)
        out = self.evaluate(point) if out is None else out
        fixed = self.fixed_scope
        named: dict[str, float] = {**point, **fixed.values,
                                   **{name: float(out[name]) for name in out}}
        return Scope(values=named, units=fixed.units, claims=fixed.claims)

    def title(self, name: str, values: Mapping[str, float], out: Outputs | None = None
              ) -> str:
        """An output's label with live values, e.g. "Projected to 2015"."""
        return render_text(self.output(name).label, self.scope(values, out))

    def step_values(self, values: Mapping[str, float], out: Outputs) -> list[Step]:
        """The step chart's stages at these values (display units)."""
        scope = self.scope(values, out)
        return [Step(render_text(step.label, scope), scope.values[step.input or step.output or ""],
                     step.kind, render_text(step.operation, scope))
                for step in self.steps]

    # -- what depends on what ------------------------------------------------------------

    def used_by(self, output: str) -> frozenset[str]:
        """The inputs an output's formula involves, directly or through earlier outputs."""
        self.output(output)
        return self._used[output]

    @property
    def used_inputs(self) -> frozenset[str]:
        """The inputs any output uses: those a Monte Carlo draws and a link may range."""
        return frozenset().union(*self._used.values())

    def depends(self, name: str, output: str | None = None) -> bool:
        return name in self.used_by(output or self.headline)

    @property
    def break_even_inputs(self) -> tuple[str, ...]:
        """The inputs the headline depends on, in input order: those with a break-even."""
        return tuple(name for name in self.inputs if self.depends(name))

    # -- break-even, direction, elasticity -----------------------------------------------

    def break_even(self, values: Mapping[str, float], name: str) -> float | None:
        """The value (display units) of input `name` at which the headline equals the
        threshold, all others as set; None where there is none (or the headline does not
        depend on the input). A symbolic solution may lie outside the input's range; the
        root finder searches only within it."""
        if name not in self.break_even_inputs:
            return None
        rule = self.break_even_rule(name)
        if rule.solution is None:
            return self._bracketed_root(self.point_values(values), name)
        model_values = self.to_model(values)
        with np.errstate(all="ignore"):  # no solution here (the root of a negative): None
            found = float(self._solution_function(name)(*(model_values[n] for n in rule.over)))
        shown = found * 100.0 if self.inputs[name].is_percent else found
        return shown if math.isfinite(shown) else None

    def direction(self, name: str, values: Mapping[str, float]) -> int:
        """+1 if raising the input raises the headline at these values (display units),
        −1 if it lowers it, 0 if neither (or the headline does not depend on it)."""
        if name not in self.break_even_inputs:
            return 0
        model_values = self.to_model(values)
        function, over = self._derivative_function(name)
        with np.errstate(all="ignore"):
            slope = float(function(*(model_values[n] for n in over)))
        return int(np.sign(slope)) if math.isfinite(slope) else 0

    def elasticity(self, name: str) -> float | None:
        """d ln(headline) / d ln(input) where that is a constant (the headline is a power
        of the input: 1 for a factor, −1 for a divisor); None otherwise."""
        if name not in self.break_even_inputs:
            return None
        key = f"elasticity:{name}"
        if key not in self._memo:
            symbol = self._input_symbols[name]
            ratio = sympy.simplify(symbol * self.derivative(name) / self.headline_expression)
            self._memo[key] = float(ratio) if ratio.is_number and ratio.is_real else None
        return self._memo[key]

    def break_even_rule(self, name: str) -> BreakEvenRule:
        """How input `name`'s break-even is found (for `break_even` and the JavaScript)."""
        key = f"rule:{name}"
        if key not in self._memo:
            self._memo[key] = self._solve(name)
        return self._memo[key]

    def derivative(self, name: str) -> sympy.Expr:
        """∂ headline / ∂ input (model units), over the input symbols."""
        return sympy.diff(self.headline_expression, self._input_symbols[name])

    # -- generated code ------------------------------------------------------------------

    @cached_property
    def headline_expression(self) -> sympy.Expr:
        """The headline over the inputs alone: earlier outputs and constants substituted."""
        return self.expanded[self.headline]

    @cached_property
    def expanded(self) -> dict[str, sympy.Expr]:
        """Each output over the inputs alone (constants as their exact values)."""
        found: dict[str, sympy.Expr] = {}
        for out in self.outputs:
            found[out.name] = self.chain_expression(out.name).xreplace(
                {output_symbol(name): value for name, value in found.items()})
        return found

    def chain_expression(self, name: str) -> sympy.Expr:
        """An output's expression with constants as their exact values, earlier outputs
        kept as symbols: one step of the chain the generated code works through."""
        return self.output(name).expression.value.xreplace(self._constant_values)

    def javascript(self) -> str:
        """The model as a plain browser script defining `CLAIMSCOPE_MODEL` (see
        `claimscope.model.printing.javascript`)."""
        from claimscope.model.printing.javascript import model_javascript

        return model_javascript(self)

    # -- internals -----------------------------------------------------------------------

    @cached_property
    def _input_symbols(self) -> dict[str, sympy.Symbol]:
        return {name: input_symbol(spec) for name, spec in self.inputs.items()}

    @cached_property
    def _constant_values(self) -> dict[sympy.Symbol, sympy.Rational]:
        return {constant_symbol(c.name): exact(c.value) for c in self.constants.values()}

    @cached_property
    def _used(self) -> dict[str, frozenset[str]]:
        return {name: frozenset(s.name[len(INPUT_PREFIX):] for s in expression.free_symbols)
                for name, expression in self.expanded.items()}

    @cached_property
    def _chain_inputs(self) -> tuple[str, ...]:
        return tuple(name for name in self.inputs if name in self.used_inputs)

    @cached_property
    def _evaluation(self) -> tuple[Callable[..., list[ArrayLike]],
                                   Callable[[Mapping[str, ArrayLike]], tuple], tuple[str, ...],
                                   str]:
        """What `evaluate_model` needs, looked up once: it runs a million times a second."""
        names = self._chain_inputs
        pick = itemgetter(*names) if len(names) > 1 else (lambda v: tuple(v[n] for n in names))
        return self._chain, pick, self.output_names, self.headline

    @cached_property
    def _chain(self) -> Callable[..., list[ArrayLike]]:
        """One generated function: each output in turn, from the inputs and the outputs
        before it (the chain is handed to lambdify as its common subexpressions)."""
        steps = [(output_symbol(out.name), self.chain_expression(out.name))
                 for out in self.outputs]
        results = [symbol for symbol, _ in steps]
        return sympy.lambdify([self._input_symbols[n] for n in self._chain_inputs], results,
                              modules="numpy", printer=ModelNumPyPrinter(), docstring_limit=0,
                              cse=lambda expressions: (steps, expressions))

    def _solve(self, name: str) -> BreakEvenRule:
        """headline = threshold for one input, once: the single real branch SymPy finds
        (given what the inputs' ranges say of their signs), if it can also be written in
        JavaScript; else the root finder's rule."""
        symbol = self._input_symbols[name]
        try:
            found = sympy.solve(sympy.Eq(self.headline_expression, exact(self.threshold)),
                                symbol)
        except (NotImplementedError, ValueError, TypeError):
            found = []
        usable = [s for s in found if _writable(s)]
        if len(usable) != 1:
            return BreakEvenRule(name, None)
        over = tuple(n for n, s in self._input_symbols.items() if s in usable[0].free_symbols)
        return BreakEvenRule(name, usable[0], over)

    def _solution_function(self, name: str) -> Callable[..., float]:
        key = f"solution:{name}"
        if key not in self._memo:
            rule = self.break_even_rule(name)
            self._memo[key] = numpy_function([self._input_symbols[n] for n in rule.over],
                                             rule.solution)
        return self._memo[key]

    def _derivative_function(self, name: str) -> tuple[Callable[..., float], tuple[str, ...]]:
        key = f"derivative:{name}"
        if key not in self._memo:
            slope = self.derivative(name)
            over = tuple(n for n, s in self._input_symbols.items() if s in slope.free_symbols)
            self._memo[key] = (numpy_function([self._input_symbols[n] for n in over], slope),
                               over)
        return self._memo[key]

    def _bracketed_root(self, values: dict[str, float], name: str) -> float | None:
        """The input value in [min, max] (display units) where the headline crosses the
        threshold, by Brent's method; None if it does not cross there."""
        from scipy.optimize import brentq  # on first use: it takes a second to import

        spec = self.inputs[name]

        def gap(x: float) -> float:
            return float(self.evaluate({**values, name: x})[self.headline]) - self.threshold

        low, high = gap(spec.min), gap(spec.max)
        if not (math.isfinite(low) and math.isfinite(high)) or low * high > 0:
            return None
        if low == 0 or high == 0:
            return spec.min if low == 0 else spec.max
        return float(brentq(gap, spec.min, spec.max, xtol=ROOT_XTOL, rtol=ROOT_RTOL,
                            maxiter=ROOT_ITERATIONS, disp=False))


def _writable(solution: sympy.Expr) -> bool:
    """A break-even SymPy found is used if it is real and made only of what both numpy and
    the JavaScript printer write (no LambertW, no Piecewise, no imaginary unit)."""
    if solution.has(sympy.I, sympy.zoo, sympy.nan, sympy.oo, -sympy.oo):
        return False
    return all(isinstance(node, _WRITABLE) for node in sympy.preorder_traversal(solution))

