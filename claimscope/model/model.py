"""The projection model as one object, in the spirit of SALib's `ProblemSpec`.

A document declares its model as data (`model.yaml`, read by `claimscope.model.model_file`):
each output one expression over the inputs, named constants and earlier outputs. Everything
that shows or samples the model — cards, charts, the reactive sentence, break-even, the
Monte Carlo, tornado, claim map, compare, the Method page and the browser's live panel —
takes a `Model`, and everything it computes is generated from those expressions, never
written by hand:

- the vectorised evaluation: one `sympy.lambdify` function that works the outputs out in
  order, each from the inputs and the outputs before it, on floats or broadcastable numpy
  arrays alike (one scenario and a million Monte Carlo draws run through the same code);
- each output's validity: where its `valid_when` condition (and those of the outputs it
  uses) fails, the output has no value (NaN) and is shown as its words instead;
- the expressions the other modules print or solve: break-even, direction and elasticity
  (`claimscope.model.break_even`), JavaScript, LaTeX and words
  (`claimscope.model.printing`). Those depend on the model, never the reverse; the model
  compiles its evaluation with the numpy printer, a leaf that knows nothing of it.

Inputs arrive in display units (percent numbers); `to_model` divides percentages by 100
and the expressions work in those model units.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter
from typing import Any

import numpy as np
import sympy

from claimscope.files.inputs import InputSpec
from claimscope.model.expressions import Expression
from claimscope.model.printing.numpy import numpy_function
from claimscope.text.numbers import with_word
from claimscope.text.template import Scope, render_text

ArrayLike = float | np.ndarray

INPUT_PREFIX, OUTPUT_PREFIX, CONSTANT_PREFIX = "in_", "out_", "const_"


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
    # where the output means something (a condition over inputs, constants, earlier outputs
    # and itself), and what is said instead of a number where it fails
    valid_when: Expression | None = None
    invalid_words: str = ""


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
    words: str | None = None  # said instead of the value where the output has none


class Outputs(Mapping[str, ArrayLike]):
    """The model's outputs for one scenario or one array of scenarios, by output name.

    An output outside its validity has no value there (NaN); `valid` says where each
    output has one, `failed` where each output's own `valid_when` fails, and
    `Model.invalid_words` what is said instead."""

    def __init__(self, values: dict[str, ArrayLike], holds: ArrayLike,
                 valid: Mapping[str, ArrayLike] | None = None,
                 failed: Mapping[str, ArrayLike] | None = None) -> None:
        self._values = values
        self.holds = holds  # whether the claim holds: headline ≥ threshold (and has a value)
        self.valid: Mapping[str, ArrayLike] = valid or dict.fromkeys(values, True)
        self.failed: Mapping[str, ArrayLike] = failed or {}

    def __getitem__(self, name: str) -> ArrayLike:
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


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
    # generated functions and solutions, made on first use and kept with the model (`memo`)
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
        known = set(self.input_symbols.values()) | set(self._constant_values)
        for position, out in enumerate(self.outputs):
            earlier = {output_symbol(o.name) for o in self.outputs[:position]}
            stray = out.expression.value.free_symbols - known - earlier
            if stray:
                raise ValueError(f"output {out.name!r} uses {sorted(map(str, stray))}, which "
                                 "are not inputs, constants or earlier outputs")
            if out.valid_when is not None:
                stray = (out.valid_when.value.free_symbols - known - earlier
                         - {output_symbol(out.name)})
                if stray or not out.invalid_words.strip():
                    raise ValueError(f"output {out.name!r}: its validity condition must use "
                                     "inputs, constants, earlier outputs or itself, and "
                                     "come with the words said where it fails")

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
        if self.conditioned:  # a conditional's numpy code works out both branches
            with np.errstate(all="ignore"):
                results = chain(*map(np.float64, given))
            return self._with_validity(dict(zip(names, results, strict=False)),
                                       results[len(names):])
        try:
            results = chain(*given)
        except ArithmeticError:  # Python floats raise where numpy's give inf or nan
            with np.errstate(all="ignore"):
                results = chain(*map(np.float64, given))
        values = dict(zip(names, results, strict=True))
        return Outputs(values, values[headline] >= self.threshold)

    def _with_validity(self, values: dict[str, ArrayLike], conditions: list[ArrayLike]
                       ) -> Outputs:
        """Outputs outside their validity set to NaN; a single scenario's as floats (a
        conditional's numpy code gives 0-d arrays)."""
        scalar = all(np.ndim(v) == 0 for v in values.values())
        failed = {name: np.logical_not(held)
                  for name, held in zip(self.conditioned, conditions, strict=True)}
        valid: dict[str, ArrayLike] = {}
        for name, value in values.items():
            owners = self.condition_owners[name]
            here = (np.logical_not(np.logical_or.reduce([failed[o] for o in owners]))
                    if owners else True)
            values[name] = np.where(here, value, np.nan) if owners else value
            valid[name] = here
        if scalar:
            values = {name: float(value) for name, value in values.items()}
            valid = {name: bool(here) for name, here in valid.items()}
            failed = {name: bool(fails) for name, fails in failed.items()}
        headline = values[self.headline]
        return Outputs(values, headline >= self.threshold, valid, failed)

    def evaluate(self, values: Mapping[str, ArrayLike]) -> Outputs:
        """All outputs from display-unit values (missing inputs take their defaults)."""
        return self.evaluate_model(self.to_model(values))

    def invalid_words(self, name: str, out: Outputs) -> str | None:
        """What is said instead of output `name`'s number in one scenario where it has no
        value: the words of the first output whose condition fails (its own, or an earlier
        output's it is worked out from); None where it has a value."""
        for owner in self.condition_owners[name]:
            if out.failed.get(owner):
                return self.output(owner).invalid_words
        return None

    def shown(self, name: str, out: Outputs, digits: int = 1) -> str:
        """Output `name` of one scenario as a card or a table shows it: its number and
        unit's word ("2,583 leaks", "7.18 years"), or its words where it has no value."""
        said = self.invalid_words(name, out)
        return said if said is not None else with_word(float(out[name]),
                                                       self.output(name).unit, digits)

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
        words = {name: said for name in self.conditioned_outputs
                 if (said := self.invalid_words(name, out)) is not None}
        return Scope(values=named, units=fixed.units, claims=fixed.claims, words=words)

    def title(self, name: str, values: Mapping[str, float], out: Outputs | None = None
              ) -> str:
        """An output's label with live values, e.g. "Projected to 2015"."""
        return render_text(self.output(name).label, self.scope(values, out))

    def step_values(self, values: Mapping[str, float], out: Outputs) -> list[Step]:
        """The step chart's stages at these values (display units)."""
        scope = self.scope(values, out)
        return [Step(render_text(step.label, scope), scope.values[step.input or step.output or ""],
                     step.kind, render_text(step.operation, scope),
                     scope.words.get(step.output or ""))
                for step in self.steps]

    # -- what depends on what ------------------------------------------------------------

    @cached_property
    def conditioned(self) -> tuple[str, ...]:
        """The outputs with a validity condition of their own, in order."""
        return tuple(out.name for out in self.outputs if out.valid_when is not None)

    @cached_property
    def conditioned_outputs(self) -> tuple[str, ...]:
        """The outputs that have a value only where a condition holds (their own or an
        earlier output's)."""
        return tuple(name for name, owners in self.condition_owners.items() if owners)

    @cached_property
    def condition_owners(self) -> dict[str, tuple[str, ...]]:
        """For each output, the outputs whose conditions it needs to have a value: its
        own, and those of every earlier output it is worked out from, in output order."""
        owners: dict[str, tuple[str, ...]] = {}
        for out in self.outputs:
            used = {symbol.name[len(OUTPUT_PREFIX):]
                    for symbol in out.expression.value.free_symbols
                    if symbol.name.startswith(OUTPUT_PREFIX)}
            if out.valid_when is not None:
                used |= {symbol.name[len(OUTPUT_PREFIX):]
                         for symbol in out.valid_when.value.free_symbols
                         if symbol.name.startswith(OUTPUT_PREFIX)} - {out.name}
            found = {owner for name in used for owner in owners[name]}
            if out.valid_when is not None:
                found.add(out.name)
            owners[out.name] = tuple(name for name in self.output_names if name in found)
        return owners

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

    # -- expressions for the printers and break-even --------------------------------------

    def memo(self, key: str, make: Callable[[], Any]) -> Any:
        """What `make` gives, made once per model: solutions and generated functions are
        slow to make and never change with the values."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

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

    def chain_condition(self, name: str) -> sympy.Basic:
        """An output's own validity condition as `chain_expression` gives its formula."""
        condition = self.output(name).valid_when
        return sympy.true if condition is None else condition.value.xreplace(
            self._constant_values)

    @cached_property
    def expanded_validity(self) -> dict[str, sympy.Basic]:
        """Where each output has a value, over the inputs alone (true where always)."""
        outputs = {output_symbol(name): value for name, value in self.expanded.items()}
        return {name: sympy.And(*(self.chain_condition(owner).xreplace(outputs)
                                  for owner in owners))
                for name, owners in self.condition_owners.items()}

    def chain_expression(self, name: str) -> sympy.Expr:
        """An output's expression with constants as their exact values, earlier outputs
        kept as symbols: one step of the chain the generated code works through."""
        return self.output(name).expression.value.xreplace(self._constant_values)

    # -- internals -----------------------------------------------------------------------

    @cached_property
    def input_symbols(self) -> dict[str, sympy.Symbol]:
        """Each input's SymPy stand-in, by input name."""
        return {name: input_symbol(spec) for name, spec in self.inputs.items()}

    @cached_property
    def _constant_values(self) -> dict[sympy.Symbol, sympy.Rational]:
        return {constant_symbol(c.name): exact(c.value) for c in self.constants.values()}

    @cached_property
    def _used(self) -> dict[str, frozenset[str]]:
        return {name: frozenset(s.name[len(INPUT_PREFIX):] for s in
                                expression.free_symbols | self.expanded_validity[name].free_symbols)
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
        results = [symbol for symbol, _ in steps] + [
            self.chain_condition(name) for name in self.conditioned]
        return numpy_function([self.input_symbols[n] for n in self._chain_inputs], results,
                              cse=lambda expressions: (steps, expressions))
