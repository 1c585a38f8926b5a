"""A document's consistency checks as data (`checks.yaml`): no Python in the folder.

Each check names the numbers it reads — claims' values (`claims: {name: claim-id}`),
claims' dates as a count of months (`months:`), how many claims a list holds (`counts:`),
and `document_year` — and works out `value` (and `against`, `low`, `high`, `also`) as
expressions in the model's whitelist grammar (`claimscope.model.expressions`) over those
names, the model's inputs (display units) and outputs. The `relation` gives the verdict:
`at_least`, `at_most`, `equals` (within `tolerance`), `within` (from `low` to `high`) or
`note`. `result`, `explanation` and the words appended where the relation `holds` or
`fails` are templates (`claimscope.text.template`) over the same names and `value`. A
check that names an input or an output follows the reader's assumptions; one whose
output has no value there (its `valid_when` fails) says that output's words.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
import sympy
from pydantic import model_validator

from claimscope.files.catalogue import Catalogue, Claim
from claimscope.files.checks import Check, quoted
from claimscope.files.schema import DataError, FieldProblem, Text, Texts, brief, load_records
from claimscope.files.sources import Cited, Sourced
from claimscope.model.expressions import Expression, ExpressionError, parse
from claimscope.model.model import Model, Outputs
from claimscope.model.printing.numpy import numpy_function
from claimscope.model.printing.words import formula_words
from claimscope.text.template import Scope, check_text, render_text

CHECKS_FILE = "checks.yaml"
DOCUMENT_YEAR = "document_year"
RELATIONS = ("at_least", "at_most", "equals", "within", "note")
# a check's own figures: its formulas cannot read an input or output of these names (each
# is worked out in turn and would hide it), nor may its other names take them
CHECK_PARTS = frozenset({"value", "against", "low", "high"})
_SIGNS = {"at_least": "≥", "at_most": "≤", "equals": "=", "within": "within"}


class CheckRecord(Sourced):
    """One check as written in checks.yaml (see the module docstring)."""

    id: Text
    title: Text
    # name → claim id (claims, months), claim ids (counts) or a formula (also); checked
    # below, so that a fault names the field
    claims: dict[Any, Any] = {}
    months: dict[Any, Any] = {}
    counts: dict[Any, Any] = {}
    also: dict[Any, Any] = {}
    value: Text
    unit: Text | None = None
    relation: Literal["at_least", "at_most", "equals", "within", "note"]
    against: Text | None = None
    tolerance: float = 0.0
    low: Text | None = None
    high: Text | None = None
    statement: Texts = ()  # the claims whose quotes are the document's words; all if none
    result: Text
    explanation: Text
    holds: Text | None = None
    fails: Text | None = None

    @property
    def is_factual(self) -> bool:
        """A check is arithmetic of the document's own numbers; where its words bring in
        an outside fact they cite it (`sources`)."""
        return False

    @model_validator(mode="after")
    def _named_texts(self) -> CheckRecord:
        for field in ("claims", "months", "counts", "also"):
            for name in getattr(self, field):
                if not isinstance(name, str):
                    raise FieldProblem(field, f"a name must be text, not {brief(name, 40)}")
        for field in ("claims", "months", "also"):
            for name, value in getattr(self, field).items():
                if not isinstance(value, str) or not value.strip():
                    raise FieldProblem(field, f"{brief(name, 40)} must name text, not "
                                              f"{brief(value, 40)}")
        for name, ids in self.counts.items():
            if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
                raise FieldProblem("counts", f"{brief(name, 40)} must name a list of claim "
                                             f"ids, not {brief(ids, 40)}")
        return self

    @model_validator(mode="after")
    def _relation_fields(self) -> CheckRecord:
        compared = self.relation in ("at_least", "at_most", "equals")
        if compared != (self.against is not None):
            raise FieldProblem("against", "give `against` for at_least, at_most and equals "
                                          "only")
        if (self.relation == "within") != (self.low is not None and self.high is not None):
            raise FieldProblem("low", "give `low` and `high` for within only")
        if self.tolerance < 0 or not math.isfinite(self.tolerance):
            raise FieldProblem("tolerance", "must be a finite number, 0 or more")
        return self


@dataclass(frozen=True)
class CheckSpec:
    """One loaded check: its record, its parsed expressions and the fixed numbers it reads."""

    record: CheckRecord
    expressions: Mapping[str, Expression]  # value, against, low, high and `also`, by name
    fixed: Mapping[str, float]  # claims, months, counts and document_year, by name
    units: Mapping[str, str]
    model_names: frozenset[str]  # the inputs and outputs it reads
    statement: str
    claim_ids: tuple[str, ...]
    # each expression as a numpy function and the names it takes, made once on load
    functions: Mapping[str, tuple[Callable[..., float], tuple[str, ...]]]

    @property
    def follows_reader(self) -> bool:
        return bool(self.model_names)

    def cited(self, file: str) -> list[Cited]:
        return self.record.cited(file, self.record.id)


def load_checks(path: Path, catalogue: Catalogue, model: Model, document_year: int
                ) -> tuple[CheckSpec, ...]:
    """Read and check `checks.yaml`: every name, expression and template."""
    return tuple(_spec(path, record, catalogue, model, document_year)
                 for record in load_records(path, "checks", CheckRecord))


def _spec(path: Path, record: CheckRecord, catalogue: Catalogue, model: Model,
          document_year: int) -> CheckSpec:
    row = record.id
    fixed: dict[str, float] = {DOCUMENT_YEAR: float(document_year)}
    units: dict[str, str] = {DOCUMENT_YEAR: "year"}
    claim_ids: list[str] = []

    def claim(field: str, claim_id: str) -> Claim:
        if claim_id not in catalogue.claims:
            raise DataError(path, f"names unknown claim {claim_id!r}", row, field)
        if claim_id not in claim_ids:
            claim_ids.append(claim_id)
        return catalogue[claim_id]

    taken = {**dict.fromkeys(model.inputs, "an input of the model"),
             **dict.fromkeys(model.output_names, "an output of the model"),
             **dict.fromkeys(CHECK_PARTS, "a figure of every check"),
             DOCUMENT_YEAR: "the document's year"}
    for field, names in (("claims", record.claims), ("months", record.months),
                         ("counts", record.counts), ("also", record.also)):
        for name in names:
            if not name.isidentifier() or name in taken:
                problem = (f"is already {taken[name]}" if name in taken else
                           "is not a name: letters, digits and underscores")
                raise DataError(path, f"{name!r} cannot name a number here: it {problem}",
                                row, field)
            taken[name] = "another name of the check"
    for name, claim_id in record.claims.items():
        found = claim("claims", claim_id)
        fixed[name], units[name] = found.value, found.unit
    for name, claim_id in record.months.items():
        found = claim("months", claim_id)
        if not found.date or len(found.date) != 7:
            raise DataError(path, f"claim {claim_id!r} has no month (date YYYY-MM)", row,
                            "months")
        year, month = map(int, found.date.split("-"))
        fixed[name], units[name] = float(year * 12 + month - 1), "months"
    for name, ids in record.counts.items():
        for claim_id in ids:
            claim("counts", claim_id)
        fixed[name], units[name] = float(len(ids)), "count"
    symbols: dict[str, sympy.Expr] = {name: sympy.Symbol(name, real=True)
                                      for name in [*fixed, *model.inputs, *model.output_names]}
    expressions: dict[str, Expression] = {}
    for field in ("value", "against", "low", "high"):
        text = getattr(record, field)
        if text is not None:
            expressions[field] = _parse(path, row, field, text, symbols)
    for name, text in record.also.items():
        expressions[name] = _parse(path, row, "also", text, symbols)
        symbols[name] = sympy.Symbol(name, real=True)
    used = frozenset().union(*(e.names for e in expressions.values()))
    for name in sorted(used & CHECK_PARTS):
        field = next(f for f, e in expressions.items() if name in e.names)
        raise DataError(path, f"reads the model's {name!r}, which the check's own {name} "
                              "hides here: rename that input or output to use it in a "
                              "check", row, field if field in CHECK_PARTS else "also")
    # a declared unit writes the value in its format; any other words, as a plain number
    unit = catalogue.vocabulary.units.get(record.unit or "", record.unit or "")
    for field in ("value", "against", "low", "high"):
        units[field] = unit
    names = [*fixed, *model.inputs, *model.output_names, *expressions]
    for field in ("result", "explanation", "holds", "fails"):
        text = getattr(record, field)
        problems = [] if text is None else check_text(text, names, catalogue.claims)
        if problems:
            raise DataError(path, problems[0], row, field)
    for claim_id in record.statement:
        claim("statement", claim_id)
    statement = quoted(*(catalogue[c].quote for c in record.statement or claim_ids))
    functions = {}
    for name, expression in expressions.items():
        over = tuple(sorted(map(str, expression.value.free_symbols)))
        functions[name] = (numpy_function([symbols[n] for n in over], expression.value), over)
    return CheckSpec(record, expressions, fixed, units,
                     used & (set(model.inputs) | set(model.output_names)), statement,
                     tuple(claim_ids), functions)


def _parse(path: Path, row: str, field: str, text: str,
           symbols: Mapping[str, sympy.Expr]) -> Expression:
    try:
        return parse(text, symbols)
    except ExpressionError as exc:
        raise DataError(path, str(exc), row, field) from None


def evaluate_checks(specs: tuple[CheckSpec, ...], model: Model, catalogue: Catalogue,
                    values: Mapping[str, float]) -> list[Check]:
    """Every check at the reader's values (display units): those that read no input or
    output give the same whatever the values."""
    point = model.point_values(values)
    out = model.evaluate(point)
    return [_evaluate(spec, model, catalogue, point, out) for spec in specs]


def _evaluate(spec: CheckSpec, model: Model, catalogue: Catalogue, point: dict[str, float],
              out: Outputs) -> Check:
    record = spec.record
    named: dict[str, float] = {**spec.fixed, **point,
                               **{name: float(out[name]) for name in model.output_names}}
    for name, (function, over) in spec.functions.items():
        named[name] = _value(function, over, named)
    invalid = next((words for name in model.output_names if name in spec.model_names
                    for words in [model.invalid_words(name, out)] if words), None)
    verdict = _verdict(record, named)
    units = {**{n: s.unit for n, s in model.inputs.items()},
             **{o.name: o.unit for o in model.outputs}, **spec.units}
    # an output outside its validity, and a figure of the check worked out from one, are
    # said in the output's words
    words = {name: said for name in model.output_names
             if (said := model.invalid_words(name, out)) is not None}
    if invalid is not None:
        words.update({name: invalid for name in spec.expressions
                      if not math.isfinite(named[name])})
    scope = Scope(values=named, units=units, words=words,
                  claims={cid: claim.value for cid, claim in catalogue.claims.items()})
    explanation = render_text(record.explanation, scope)
    extra = record.holds if verdict == "consistent" else record.fails \
        if verdict == "inconsistent" else None
    if extra is not None:
        explanation += " " + render_text(extra, scope)
    if invalid is not None:
        verdict = "inconsistent" if record.relation != "note" else "note"
    return Check(
        id=record.id, title=record.title, formula=_formula(spec, record),
        result=invalid or render_text(record.result, scope), statement=spec.statement,
        verdict=verdict, explanation=explanation, claims=spec.claim_ids,
        value=named["value"], follows_reader=spec.follows_reader)


def _value(function: Callable[..., float], over: tuple[str, ...],
           named: Mapping[str, float]) -> float:
    with np.errstate(all="ignore"):
        try:
            return float(function(*(named[name] for name in over)))
        except ArithmeticError:
            return math.nan


def _verdict(record: CheckRecord, named: Mapping[str, float]) -> str:
    value = named["value"]
    if record.relation == "note":
        return "note"
    if not math.isfinite(value):
        return "inconsistent"
    if record.relation == "within":
        holds = named["low"] <= value <= named["high"]
    elif record.relation == "equals":
        holds = abs(value - named["against"]) <= record.tolerance
    elif record.relation == "at_least":
        holds = value >= named["against"]
    else:
        holds = value <= named["against"]
    return "consistent" if holds else "inconsistent"


def _formula(spec: CheckSpec, record: CheckRecord) -> str:
    """The check's arithmetic in words, from its expressions."""
    words = formula_words(spec.expressions["value"])
    if record.relation in ("at_least", "at_most", "equals"):
        words += f" {_SIGNS[record.relation]} {formula_words(spec.expressions['against'])}"
        if record.relation == "equals" and record.tolerance:
            words += f" (within {record.tolerance:g})"
    elif record.relation == "within":
        words += (f", within {formula_words(spec.expressions['low'])} to "
                  f"{formula_words(spec.expressions['high'])}")
    return words
