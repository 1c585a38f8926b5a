"""A document's model as data (`model.yaml`): constants, outputs as expressions, the
headline, the claim it is judged against and the step chart. No Python in the folder.

Each output's `formula` is an expression (`claimscope.model.expressions`) over the inputs, the
file's `constants` (numbers taken from a claim or a reference figure) and the outputs
before it; labels, operations and `threshold_text` are templates (`claimscope.text.template`).
The words and LaTeX of each formula are generated here, once, from that one expression. A
bad file raises a `DataError` naming the file, the record and the field.
"""

from __future__ import annotations

import keyword
import math
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import numpy as np
import sympy
from pydantic import create_model, model_validator

from claimscope.files.catalogue import Catalogue
from claimscope.files.folder import DataFile
from claimscope.files.inputs import InputSpec
from claimscope.files.references import Reference
from claimscope.files.schema import (
    DataError,
    FieldProblem,
    Record,
    Text,
    Texts,
    brief,
    read_yaml,
    records_of,
    validate,
)
from claimscope.files.vocabulary import UnitName, Vocabulary
from claimscope.model.expressions import FUNCTIONS, ExpressionError, parse
from claimscope.model.model import (
    Constant,
    Model,
    OutputSpec,
    StepSpec,
    constant_symbol,
    input_symbol,
    output_symbol,
)
from claimscope.text.numbers import display
from claimscope.text.template import Scope, check_text, render_text

MODEL_FILE = "model.yaml"
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_LATEX_SPECIALS = str.maketrans({c: "\\" + c for c in "&%$#_{}"})


class ConstantRecord(Record):
    """A named number for the formulas: the value of one claim or one reference figure;
    `term` (a template) is how formulas' words name it, its value when absent."""

    claim: Text | None = None
    reference: Text | None = None
    term: Text | None = None

    @model_validator(mode="after")
    def _one_source(self) -> ConstantRecord:
        if (self.claim is None) == (self.reference is None):
            raise FieldProblem("claim", "give exactly one of `claim` or `reference`")
        return self


class OutputRecord(Record):
    """One output: `formula` over inputs, constants and earlier outputs; `label` a
    template; `term` how later formulas' words name it; `card: false` for a step only."""

    name: Text
    label: Text
    unit: UnitName  # written by its format where the document's vocabulary declares it
    formula: Text
    term: Text | None = None
    kind: Literal["derived", "assumed"] = "derived"
    card: bool = True


class StepRecord(Record):
    """One stage of the step chart: an `input`'s or an `output`'s value, with a `label`
    and the `operation` that leads to it (templates)."""

    input: Text | None = None
    output: Text | None = None
    label: Text
    kind: Literal["reported", "derived", "assumed"]
    operation: Text

    @model_validator(mode="after")
    def _one_value(self) -> StepRecord:
        if (self.input is None) == (self.output is None):
            raise FieldProblem("output", "give exactly one of `input` or `output`")
        return self


class ModelHead(Record):
    """The file's single fields: which output is judged against which claim, and how."""

    headline: Text
    claim: Text  # the catalogue id; its value is the threshold unless `threshold` is given
    threshold: float | None = None
    threshold_text: Text  # a template over claims, e.g. "in excess of {claims.x|human}"
    compared: Texts = ()


# The whole file's shape, for its JSON Schema (bundle.json_schemas); loading checks the
# parts one by one, to name the record at fault.
ModelFile = create_model(
    "ModelFile", __base__=ModelHead, constants=(dict[str, ConstantRecord], {}),
    outputs=(list[OutputRecord], ...), steps=(list[StepRecord], []))
_KEYS = set(ModelFile.model_fields)


def load_model(path: DataFile, catalogue: Catalogue, inputs: Mapping[str, InputSpec],
               references: Mapping[str, Reference]) -> Model:
    """Read and check `model.yaml`; every formula is parsed, every template checked."""
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise DataError(path, "must be a mapping with outputs, headline, claim and "
                              "threshold_text")
    unknown = sorted(map(str, set(data) - _KEYS))
    if unknown:
        raise DataError(path, f"unknown field(s): {', '.join(unknown)}")
    _check_input_names(path, inputs)
    claims = {cid: claim.value for cid, claim in catalogue.claims.items()}
    constants = _constants(path, data.get("constants", {}), catalogue, inputs, references)
    outputs = _outputs(path, data, inputs, constants, claims, catalogue.vocabulary)
    head = validate(ModelHead, path, None, {k: data[k] for k in data if k in
                                            ModelHead.model_fields})
    names = [out.name for out in outputs]
    if head.headline not in names:
        raise DataError(path, f"names no output {head.headline!r}; outputs: "
                              f"{', '.join(names)}", field="headline")
    if head.claim not in catalogue.claims:
        raise DataError(path, f"judges the headline against unknown claim {head.claim!r}: "
                              "it must be an id in claims.yaml", field="claim")
    _check_template(path, head.threshold_text, [], claims, None, "threshold_text")
    for position, name in enumerate(head.compared, start=1):
        if name not in names:
            raise DataError(path, f"names no output {name!r}", field=f"compared[{position}]")
    steps = _steps(path, data, inputs, [*constants], names, claims)
    threshold = catalogue.value(head.claim) if head.threshold is None else head.threshold
    model = Model(inputs=inputs, outputs=outputs, headline=head.headline, threshold=threshold,
                  threshold_template=head.threshold_text, claim=head.claim,
                  constants=constants, steps=steps, compared=head.compared, claims=claims)
    _check_finite_at_defaults(path, model)
    return model


def _check_input_names(path: Path, inputs: Mapping[str, InputSpec]) -> None:
    for name in inputs:
        problem = _name_problem(name)
        if problem:
            raise DataError(path.parent / "inputs.yaml", f"cannot be used in a formula: "
                            f"{problem}", name, "name")


def _name_problem(name: str) -> str | None:
    if not _NAME.fullmatch(name):
        return "a name is letters, digits and underscores, not starting with a digit"
    if keyword.iskeyword(name) or name in FUNCTIONS:
        return f"{name!r} is a reserved word"
    return None


def _check_name(path: Path, name: str, row: str, taken: Mapping[str, str]) -> None:
    problem = _name_problem(name)
    if problem:
        raise DataError(path, problem, row, "name")
    if name in taken:
        raise DataError(path, f"{name!r} is already the name of {taken[name]}", row, "name")


def _constants(path: Path, raw: Any, catalogue: Catalogue, inputs: Mapping[str, InputSpec],
               references: Mapping[str, Reference]) -> dict[str, Constant]:
    if not isinstance(raw, dict):
        raise DataError(path, "must be a mapping of names to {claim: id} or "
                              "{reference: id}", field="constants")
    found: dict[str, Constant] = {}
    records = {}
    for name, given in raw.items():
        row = str(name)
        _check_name(path, row, row, {n: "an input" for n in inputs})
        record = validate(ConstantRecord, path, row, given)
        if record.claim is not None:
            if record.claim not in catalogue.claims:
                raise DataError(path, f"names unknown claim {record.claim!r}", row, "claim")
            claim = catalogue[record.claim]
            found[row] = Constant(row, claim.value, claim.unit, "claim", claim.id,
                                  claim.mention)
        else:
            if record.reference not in references:
                raise DataError(path, f"names unknown reference {record.reference!r}", row,
                                "reference")
            ref = references[record.reference]  # type: ignore[index]
            found[row] = Constant(row, ref.value, ref.unit, "reference", ref.id, ref.label)
        records[row] = record
    scope = Scope(values={n: c.value for n, c in found.items()},
                  units={n: c.unit for n, c in found.items()},
                  claims={cid: claim.value for cid, claim in catalogue.claims.items()})
    for name, record in records.items():
        if record.term is not None:
            _check_template(path, record.term, list(found), scope.claims, name, "term")
            c = found[name]
            found[name] = Constant(c.name, c.value, c.unit, c.source, c.id, c.label,
                                   render_text(record.term, scope))
    return found


def _outputs(path: Path, data: dict, inputs: Mapping[str, InputSpec],
             constants: Mapping[str, Constant], claims: Mapping[str, float],
             vocabulary: Vocabulary) -> tuple[OutputSpec, ...]:
    records = records_of(path, data, "outputs", OutputRecord, id_field="name",
                         context={"vocabulary": vocabulary})
    all_names = [r.name for r in records]
    taken = {**{n: "an input" for n in inputs}, **{n: "a constant" for n in constants}}
    symbols: dict[str, sympy.Expr] = {name: input_symbol(spec) for name, spec in inputs.items()}
    symbols.update({name: constant_symbol(name) for name in constants})
    terms = {name: c.term or display(c.value, c.unit) for name, c in constants.items()}
    latex_names = {symbols[name]: _latex_text(name.replace("_", " "))
                   for name in [*inputs, *constants]}
    outputs = []
    for position, record in enumerate(records):
        _check_name(path, record.name, record.name, taken)
        try:
            expression = parse(record.formula, symbols)
        except ExpressionError as exc:
            raise DataError(path, _order_problem(str(exc), record.name, all_names, position),
                            record.name, "formula") from None
        _check_template(path, record.label, [*inputs, *constants, *all_names], claims,
                        record.name, "label")
        symbol = output_symbol(record.name)
        words = record.term or record.name.replace("_", " ")
        latex_names[symbol] = _latex_text(words)
        latex = (f"{latex_names[symbol]} = "
                 + sympy.latex(expression.value, symbol_names=latex_names, mul_symbol="times",
                              order="none"))
        outputs.append(OutputSpec(record.name, record.label, record.unit, expression,
                                  expression.words(terms), latex, record.kind, record.term,
                                  record.card))
        symbols[record.name] = symbol
        terms[record.name] = words
        taken[record.name] = "an earlier output"
    return tuple(outputs)


def _order_problem(message: str, name: str, names: list[str], position: int) -> str:
    """An unknown name that is this output or a later one, said as such."""
    match = re.match(r"names unknown '([^']+)'", message)
    if match is None:
        return message
    used = match.group(1)
    if used == name:
        return f"uses {name!r}, the output itself: a formula cannot refer to itself"
    if used in names[position + 1:]:
        return (f"uses {used!r}, an output defined later: a formula may use only inputs, "
                "constants and the outputs before it")
    return f"names unknown {used!r}: not an input, a constant or an earlier output"


def _latex_text(words: str) -> str:
    return r"\text{" + words.translate(_LATEX_SPECIALS) + "}"


def _steps(path: Path, data: dict, inputs: Mapping[str, InputSpec], constants: list[str],
           outputs: list[str], claims: Mapping[str, float]) -> tuple[StepSpec, ...]:
    """The step chart; its templates may name inputs, constants and outputs."""
    if "steps" not in data:
        return ()
    steps = []
    for row, record in enumerate(records_of(path, data, "steps", StepRecord, id_field=""),
                                 start=1):
        if record.input is not None and record.input not in inputs:
            raise DataError(path, f"names no input {record.input!r}", row, "input")
        if record.output is not None and record.output not in outputs:
            raise DataError(path, f"names no output {record.output!r}", row, "output")
        for name in ("label", "operation"):
            _check_template(path, getattr(record, name), [*inputs, *constants, *outputs],
                            claims, row, name)
        steps.append(StepSpec(record.label, record.kind, record.operation, record.input,
                              record.output))
    return tuple(steps)


def _check_template(path: Path, text: str, names: list[str], claims: Mapping[str, float],
                    row: str | int | None, field: str) -> None:
    problems = check_text(text, names, claims)
    if problems:
        raise DataError(path, problems[0], row, field)


def _check_finite_at_defaults(path: Path, model: Model) -> None:
    """Every output a finite number at the inputs' defaults: a formula that divides by an
    input that is zero there is a mistake in the file."""
    with np.errstate(all="ignore"):
        with_defaults = model.evaluate(model.defaults())
    for out in model.outputs:
        value = float(with_defaults[out.name])
        if not math.isfinite(value):
            raise DataError(path, f"is {brief(value)} at the inputs' defaults: a formula "
                                  "must give a finite number there", out.name, "formula")
