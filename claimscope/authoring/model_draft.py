"""A reader's model as they write it in the browser, and the two files it becomes.

The reader's inputs (each a name, a label, a unit, a default often taken from a claim,
and a range) and outputs (each an expression over inputs and earlier outputs) are plain
data here; `formula_problems` checks each expression as it is typed, with the place of
the fault, and `model_files` writes `inputs.yaml` and `model.yaml` as the loader reads
them, so the normal validation is the final word. Inputs are added
(`add_input`, checked as typed by `new_input_problems`) and removed (`remove_input`,
refused while a result or a check uses them) here. An output may say where it means
something (`valid_when`, with the words shown elsewhere), and the reader's checks
(`CheckDraft`) become `checks.yaml`, checked the same way as they are typed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace

import sympy

from claimscope.authoring.files import dump_yaml
from claimscope.model.checks_file import CHECK_PARTS, RELATIONS
from claimscope.model.expressions import ExpressionError, parse, parse_condition
from claimscope.model.printing.words import formula_words

NAME = re.compile(r"[a-z][a-z0-9_]{0,39}")
RESERVED = frozenset({"min", "max", "log", "exp", "sqrt", "abs", "if", "and", "or", "not",
                      "True", "False", "None", "lambda", "in", "is"})
STATED, ASSUMED = "stated", "assumed"  # the two input groups a reader's model has
FORMULA_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")  # a name in a formula


@dataclass(frozen=True)
class InputDraft:
    """One assumption: `claims` names the claim its default comes from (none: the
    reader's own assumption)."""

    name: str
    label: str
    unit: str
    default: float
    min: float
    max: float
    step: float
    claims: tuple[str, ...] = ()
    help: str = ""


@dataclass(frozen=True)
class OutputDraft:
    """One output: an expression over the inputs and the outputs before it; where
    `valid_when` (a condition over the same names and itself) fails, it has no value
    and `invalid_words` are said instead (both empty: always valid)."""

    name: str
    label: str
    unit: str
    formula: str
    assumed: bool = False  # it rests on an assumption of the reader's, not the text's
    valid_when: str = ""
    invalid_words: str = ""


CHECK_RELATIONS = tuple(relation for relation in RELATIONS if relation != "note")


@dataclass(frozen=True)
class CheckDraft:
    """One check of the reader's: `value` (a formula over claims, inputs and outputs)
    against `against` (at_least, at_most, equals within `tolerance`) or from `low` to
    `high` (within). A claim is named in formulas by its id with `_` for `-`."""

    title: str
    value: str
    relation: str = "at_least"
    against: str = ""
    tolerance: float = 0.0
    low: str = ""
    high: str = ""


@dataclass(frozen=True)
class ModelDraft:
    """The whole model: the headline output is judged against `claim` (its value the
    threshold unless `threshold` is given), in words like "more than {claim}"."""

    inputs: tuple[InputDraft, ...]
    outputs: tuple[OutputDraft, ...]
    headline: str
    claim: str
    threshold: float | None = None
    threshold_words: str = "more than"
    checks: tuple[CheckDraft, ...] = ()

    @property
    def output_names(self) -> tuple[str, ...]:
        return tuple(output.name for output in self.outputs)


@dataclass(frozen=True)
class Problem:
    """What is wrong with one field, in words, and where in its text (None: the whole)."""

    field: str  # e.g. "outputs.total.formula", "inputs.rate.name"
    message: str
    start: int | None = None
    end: int | None = None


def _symbol(name: str) -> sympy.Symbol:
    return sympy.Symbol(name, positive=True)


def name_problem(name: str) -> str | None:
    """Why a name cannot be an input's or output's name in a formula, or None."""
    if not NAME.fullmatch(name):
        return ("must start with a lower-case letter and hold only lower-case letters, "
                "digits and _ (at most 40)")
    if name in RESERVED:
        return f"{name!r} is a word formulas use; choose another"
    return None


def claim_name(claim_id: str) -> str:
    """How a check's formulas name a claim: its id with `_` for `-`."""
    return claim_id.replace("-", "_")


def _parsed(problems: list[Problem], field: str, text: str,
            symbols: Mapping[str, sympy.Expr], condition: bool = False) -> frozenset[str]:
    """Parse `text` as a formula (or a condition), noting its fault at its place; the
    names it uses (none if it has a fault)."""
    try:
        return (parse_condition if condition else parse)(text, symbols).names
    except ExpressionError as error:
        problems.append(Problem(field, str(error), error.start, error.end))
        return frozenset()


def _condition_problems(output: OutputDraft, known: Mapping[str, sympy.Expr]
                        ) -> list[Problem]:
    """An output's validity: a condition over the names before it and itself, with the
    words said where it fails; neither, or both."""
    problems: list[Problem] = []
    field = f"outputs.{output.name}"
    if output.valid_when.strip():
        _parsed(problems, f"{field}.valid_when", output.valid_when,
                {**known, output.name: _symbol(output.name)}, condition=True)
        if not output.invalid_words.strip():
            problems.append(Problem(f"{field}.invalid_words",
                                    "say what is shown where the condition fails"))
    elif output.invalid_words.strip():
        problems.append(Problem(f"{field}.valid_when",
                                "give the condition these words are shown without"))
    return problems


def check_problems(draft: ModelDraft, claim_ids: Collection[str] = ()) -> list[Problem]:
    """Each check's title, relation and formulas (over `claim_ids` by `claim_name`, the
    inputs and the outputs), with the fault placed; fields `checks.<n>.<part>`."""
    problems: list[Problem] = []
    model_names = [spec.name for spec in draft.inputs] + [out.name for out in draft.outputs]
    symbols = {name: sympy.Symbol(name, real=True)
               for name in [*map(claim_name, claim_ids), *model_names]}
    for number, check in enumerate(draft.checks):
        field = f"checks.{number}"
        if not check.title.strip():
            problems.append(Problem(f"{field}.title", "say what the check is about"))
        if check.relation not in CHECK_RELATIONS:
            problems.append(Problem(f"{field}.relation",
                                    f"must be one of {', '.join(CHECK_RELATIONS)}"))
            continue
        parts = ("low", "high") if check.relation == "within" else ("against",)
        for part in ("value", *parts):
            text = getattr(check, part)
            clash = sorted(_parsed(problems, f"{field}.{part}", text, symbols) & CHECK_PARTS)
            if clash:
                where = re.search(rf"\b{clash[0]}\b", text)
                problems.append(Problem(
                    f"{field}.{part}", f"{clash[0]!r} names a part of every check here; "
                    "rename that input or output to use it in a check",
                    where.start() if where else None, where.end() if where else None))
        if check.relation == "equals" and not (math.isfinite(check.tolerance)
                                               and check.tolerance >= 0):
            problems.append(Problem(f"{field}.tolerance", "must be a number, 0 or more"))
    return problems


def _input_problems(spec: InputDraft, taken: Collection[str], field: str
                    ) -> list[Problem]:
    """An input's name (usable in formulas, not `taken`) and its range around its
    default; fields `<field>.name`, `.min`, `.default`."""
    problems: list[Problem] = []
    problem = name_problem(spec.name) or (
        f"{spec.name!r} is taken already" if spec.name in taken else None)
    if problem:
        problems.append(Problem(f"{field}.name", problem))
    if not (math.isfinite(spec.min) and math.isfinite(spec.max)):
        problems.append(Problem(f"{field}.min", "the lowest and highest must be numbers"))
    elif not spec.min < spec.max:
        problems.append(Problem(f"{field}.min", "must be smaller than max"))
    elif not math.isfinite(spec.default):
        problems.append(Problem(f"{field}.default", "must be a number"))
    elif not spec.min <= spec.default <= spec.max:
        problems.append(Problem(f"{field}.default", "must lie between min and max"))
    return problems


def formula_problems(draft: ModelDraft, claim_ids: Collection[str] = ()) -> list[Problem]:
    """Every name, formula, condition and check of the draft checked in order, as the
    reader types: a name must be new and usable, a formula may use the inputs and the
    outputs before it, a check also the claims (`claim_ids`). Each problem names its
    field and, for a formula or a condition, the place of the fault."""
    problems: list[Problem] = []
    known: dict[str, sympy.Expr] = {}
    for spec in draft.inputs:
        problems.extend(_input_problems(spec, known, f"inputs.{spec.name}"))
        known[spec.name] = _symbol(spec.name)
    for output in draft.outputs:
        problem = name_problem(output.name) or (
            f"{output.name!r} is taken already" if output.name in known else None)
        if problem:
            problems.append(Problem(f"outputs.{output.name}.name", problem))
        _parsed(problems, f"outputs.{output.name}.formula", output.formula, known)
        problems.extend(_condition_problems(output, known))
        known[output.name] = _symbol(output.name)
    if draft.headline not in {output.name for output in draft.outputs}:
        problems.append(Problem("headline", "must be one of the outputs"))
    return problems + check_problems(draft, claim_ids)


NEW_INPUT = "new_input"  # the field prefix of an assumption being added


def new_input_problems(draft: ModelDraft, spec: InputDraft, units: Collection[str]
                       ) -> list[Problem]:
    """An assumption the reader is adding, checked as typed: its name as a formula's
    (new among the inputs and outputs), a label, one of the document's `units`, and a
    default within its range; fields `new_input.<part>`."""
    taken = {*(other.name for other in draft.inputs), *draft.output_names}
    problems = _input_problems(spec, taken, NEW_INPUT)
    if not spec.label.strip():
        problems.append(Problem(f"{NEW_INPUT}.label", "say what the assumption is"))
    if spec.unit not in units:
        problems.append(Problem(f"{NEW_INPUT}.unit", "pick one of the document's units"))
    return problems


class DraftRefused(ValueError):
    """A change the draft refuses, with why in plain words."""


def add_input(draft: ModelDraft, spec: InputDraft, units: Collection[str]) -> ModelDraft:
    """The draft with `spec` as its last input; refused while `new_input_problems` finds
    any."""
    problems = new_input_problems(draft, spec, units)
    if problems:
        raise DraftRefused("; ".join(f"{p.field.rsplit('.', 1)[1]} {p.message}"
                                     for p in problems))
    return replace(draft, inputs=(*draft.inputs, spec))


def input_uses(draft: ModelDraft, name: str) -> list[str]:
    """Where the draft's results and checks name the input `name`, in words (a word
    match, so a formula with a fault still counts)."""
    def names(text: str) -> set[str]:
        return set(FORMULA_WORD.findall(text))

    uses = [f"the formula of {out.label or out.name!r}" for out in draft.outputs
            if name in names(out.formula)]
    uses += [f"the condition of {out.label or out.name!r}" for out in draft.outputs
             if name in names(out.valid_when)]
    uses += [f"the check {check.title or '(untitled)'!r}" for check in draft.checks
             if name in names(" ".join((check.value, check.against, check.low,
                                        check.high)))]
    return uses


def remove_input(draft: ModelDraft, name: str) -> ModelDraft:
    """The draft without the input `name`; refused, saying where, while a result's
    formula or condition or a check uses it."""
    uses = input_uses(draft, name)
    if uses:
        raise DraftRefused(f"{name!r} cannot be removed while it is used in "
                           + ", ".join(uses) + "; change those first.")
    return replace(draft, inputs=tuple(spec for spec in draft.inputs if spec.name != name))


def step_for(low: float, high: float, whole: bool) -> float:
    """A step giving about a thousand positions across the range: a power of ten."""
    raw = (high - low) / 1000
    step = 10.0 ** math.floor(math.log10(raw)) if raw > 0 else 1.0
    return max(1.0, step) if whole else step


def suggested_range(value: float, unit_format: str) -> tuple[float, float, float]:
    """(min, max, step) around a default for a reader who has not set them: a share from
    0.1 % to 100 % (wider if the value is), a change of none from −50 % to 100 %, a year
    fifty either side, a count or an amount from a tenth to ten times the value."""
    whole = unit_format in ("count", "year")
    if unit_format == "percent" and value > 0:  # a share: never 0, a divisor's end
        low, high = min(0.1, value), max(100.0, value * 2)
    elif unit_format == "percent":  # a change, which may fall as well as rise
        low, high = min(-50.0, value * 2), 100.0
    elif unit_format == "year":
        low, high = value - 50, value + 50
    elif value > 0:
        low, high = value / 10, value * 10
    elif value < 0:
        low, high = value * 10, value / 10
    else:
        low, high = 0.0, 1.0
    if whole:
        low, high = math.floor(low), math.ceil(high)
    step = step_for(low, high, whole)
    return float(low), float(high), step


def _number(value: float) -> int | float:
    """YAML writes a whole number as one (26000000, not 26000000.0)."""
    return int(value) if float(value).is_integer() else float(value)


def model_files(draft: ModelDraft, claim_words: Mapping[str, str] | None = None
                ) -> dict[str, str]:
    """`inputs.yaml` and `model.yaml` for the draft, as the loader reads them.
    `claim_words` gives, for a claim id, the words its input's basis quotes."""
    words = claim_words or {}
    inputs = []
    for spec in draft.inputs:
        basis = ("The document's figure: “" + words[spec.claims[0]] + "”."
                 if spec.claims and spec.claims[0] in words else
                 "The document's figure." if spec.claims else
                 "The reader's assumption: the document does not state it.")
        inputs.append({
            "name": spec.name, "group": STATED if spec.claims else ASSUMED,
            "label": spec.label, "unit": str(spec.unit), "default": _number(spec.default),
            "min": _number(spec.min), "max": _number(spec.max), "step": _number(spec.step),
            **({"claims": list(spec.claims)} if spec.claims else {}),
            "basis": basis, "help": spec.help or spec.label + "."})
    groups = [{"id": STATED, "title": "The document's figures"},
              {"id": ASSUMED, "title": "Assumptions the document leaves unstated"}]
    outputs = [{"name": out.name, "label": out.label, "unit": str(out.unit),
                "formula": " ".join(out.formula.split()),
                **({"kind": "assumed"} if out.assumed else {}),
                **({"valid_when": " ".join(out.valid_when.split()),
                    "invalid_words": " ".join(out.invalid_words.split())}
                   if out.valid_when.strip() else {})}
               for out in draft.outputs]
    steps = drafted_steps(draft)
    model: dict[str, object] = {
        "outputs": outputs, "headline": draft.headline, "claim": draft.claim,
        **({"threshold": _number(draft.threshold)} if draft.threshold is not None else {}),
        "threshold_text": f"{' '.join(draft.threshold_words.split())} "
                          f"{{claims.{draft.claim}|human}}".strip(),
        **({"steps": steps} if steps else {}),
    }
    files = {
        "inputs.yaml": dump_yaml({"groups": groups, "inputs": inputs},
                             "The model's assumptions, written in ClaimScope's editor "
                             "(display units: percentages as percent numbers)."),
        "model.yaml": dump_yaml(model, "The model, written in ClaimScope's editor: each "
                                   "output an expression over the inputs and the "
                                   "outputs before it."),
    }
    if draft.checks:
        model_names = {spec.name for spec in draft.inputs} | set(draft.output_names)
        files["checks.yaml"] = checks_file(draft.checks, set(words) - model_names)
    return files


def _headline_uses(draft: ModelDraft) -> set[str]:
    """The inputs and outputs the headline's formula reaches, through the outputs before
    it (a word match), and the headline itself."""
    formulas = {out.name: out.formula for out in draft.outputs}
    reached, todo = set(), [draft.headline]
    while todo:
        name = todo.pop()
        if name not in reached:
            reached.add(name)
            todo.extend(FORMULA_WORD.findall(formulas.get(name, "")))
    return reached


def drafted_steps(draft: ModelDraft) -> list[dict[str, str]]:
    """The step chart of a reader's model, as `model.yaml` declares it: the stages on the
    way to the headline that count in its unit (the chart has one axis), starting from
    the first input in that unit it uses; each output's operation is its formula in words
    with the values filled in. No steps for a draft whose formulas do not all parse (it
    does not load, and says why elsewhere)."""
    headline = next((out for out in draft.outputs if out.name == draft.headline), None)
    if headline is None:
        return []
    uses = _headline_uses(draft)
    symbols = {spec.name: _symbol(spec.name) for spec in draft.inputs}
    symbols.update({out.name: _symbol(out.name) for out in draft.outputs})
    terms = {name: "{" + name + "}" for name in symbols}
    start = next((spec for spec in draft.inputs
                  if spec.name in uses and spec.unit == headline.unit), None)
    steps = [] if start is None else [{
        "input": start.name, "label": start.label,
        "kind": "reported" if start.claims else "assumed",
        "operation": "as the document states it" if start.claims else "as assumed"}]
    for out in draft.outputs:
        if out.name not in uses or out.unit != headline.unit:
            continue
        try:
            words = formula_words(parse(out.formula, symbols), terms)
        except ExpressionError:
            return []
        steps.append({"output": out.name, "label": out.label,
                      "kind": "assumed" if out.assumed else "derived",
                      "operation": f"= {words}"})
    return steps


def _check_record(number: int, check: CheckDraft, claim_ids: Collection[str]) -> dict:
    """One check as checks.yaml writes it, naming the claims its formulas use."""
    parts = ("low", "high") if check.relation == "within" else ("against",)
    formulas = {part: " ".join(getattr(check, part).split()) for part in ("value", *parts)}
    used = {word for text in formulas.values() for word in FORMULA_WORD.findall(text)}
    claims = {claim_name(cid): cid for cid in sorted(claim_ids) if claim_name(cid) in used}
    against = ("from {low|display} to {high|display}" if check.relation == "within" else
               "against {against|display}")
    return {
        "id": f"check-{number + 1}", "title": " ".join(check.title.split()),
        **({"claims": claims} if claims else {}), **formulas, "relation": check.relation,
        **({"tolerance": _number(check.tolerance)} if check.relation == "equals" else {}),
        "result": "{value|display}",
        "explanation": f"The reader's check: {{value|display}} {against}.",
    }


def checks_file(checks: Collection[CheckDraft], claim_ids: Collection[str]) -> str:
    """`checks.yaml` for the reader's checks; `claim_ids` are the claims they may name."""
    return dump_yaml({"checks": [_check_record(number, check, claim_ids)
                                 for number, check in enumerate(checks)]},
                     "The reader's checks, written in ClaimScope's editor: each a formula "
                     "over the claims, inputs and outputs, and how it should compare.")


def placeholder_model(claim: dict, unit: str) -> dict[str, str]:
    """`inputs.yaml` and `model.yaml` of a placeholder model, one input and one output,
    so that the folder loads: the figure the text states, unchanged. The reader writes
    the document's own arithmetic."""
    value = float(claim["value"])
    spread = max(abs(value), 1.0)
    inputs = {
        "groups": [{"id": "stated", "title": "The document's figures"}],
        "inputs": [{
            "name": "figure", "group": "stated", "label": f"{claim['mention']} (as stated)",
            "unit": unit, "default": value, "min": value - spread, "max": value + spread,
            "step": spread / 100, "claims": [claim["id"]],
            "basis": "The document's figure, as drafted.",
            "help": "A placeholder: replace this model with the document's own arithmetic.",
        }],
    }
    model = {
        "outputs": [{"name": "stated", "label": "The figure as stated", "unit": unit,
                     "formula": "figure"}],
        "headline": "stated",
        "claim": claim["id"],
        "threshold_text": f"{{claims.{claim['id']}|human}}",
        "steps": [{"output": "stated", "label": "The figure as stated", "kind": "reported",
                   "operation": "as the document states it"}],
    }
    return {
        "inputs.yaml": dump_yaml(inputs, "A placeholder model's one input; replace it."),
        "model.yaml": dump_yaml(model, "A placeholder model (the figure as stated); write "
                                       "the document's own arithmetic here."),
    }


def marked(text: str, start: int | None, end: int | None) -> str:
    """The text on one line and, under it, `^` marks under the fault (the whole text when
    no place is known), as plain text an editor shows in a fixed-width font. Line breaks
    and tabs in the text become spaces, so the marks stay under their characters."""
    line = re.sub(r"[\r\n\t\v\f]", " ", text)
    begin = 0 if start is None else max(0, min(start, len(line)))
    finish = len(line) if start is None or end is None else max(begin + 1, min(end, len(line)))
    return f"{line}\n{' ' * begin}{'^' * max(1, finish - begin)}"
