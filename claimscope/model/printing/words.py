"""The model in words: each formula and condition written from its checked syntax tree in
the author's order, the named constants, and how break-even values are found.

One method per node kind of the grammar (`claimscope.model.expressions`): numbers, names,
`+ − × ÷ ^`, calls, `if(condition, then, otherwise)` and conditions.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping

from claimscope.model.break_even import break_even_rule, elasticity
from claimscope.model.expressions import IF, Expression
from claimscope.model.model import Constant, Model
from claimscope.text.markdown import escape_markdown
from claimscope.text.numbers import display, human

# Precedence of each node kind, to put back only the parentheses the order needs.
_PRECEDENCE = {ast.Add: 1, ast.Sub: 1, ast.Mult: 2, ast.Div: 2, ast.Pow: 4}
_UNARY = 3
_ATOM = 5
_WORD_SIGNS = {ast.Add: "+", ast.Sub: "−", ast.Mult: "×", ast.Div: "÷"}
_COMPARISON_SIGNS = {ast.Lt: "<", ast.LtE: "≤", ast.Gt: ">", ast.GtE: "≥", ast.Eq: "=",
                     ast.NotEq: "≠"}


def formula_words(expression: Expression, terms: Mapping[str, str] | None = None) -> str:
    """A formula or condition in words, in the author's order: `× ÷ + − ^`, `≤ ≥ ≠`,
    "if …, else …", each name as its term if given, else with spaces for underscores."""
    return _Words(terms or {}).write(expression.tree)


class _Words:
    def __init__(self, terms: Mapping[str, str]) -> None:
        self.terms = terms

    def write(self, node: ast.expr) -> str:
        if isinstance(node, ast.Constant):
            return _number_words(node.value)
        if isinstance(node, ast.Name):
            return self.terms.get(node.id, node.id.replace("_", " "))
        if isinstance(node, ast.UnaryOp):
            return self.unary(node)
        if isinstance(node, ast.Call):
            return self.call(node)
        if isinstance(node, ast.Compare):
            return self.comparison(node)
        if isinstance(node, ast.BoolOp):
            joiner = " and " if isinstance(node.op, ast.And) else " or "
            return joiner.join(self.wrapped(value, isinstance(value, ast.BoolOp))
                               for value in node.values)
        return self.binary(node)  # type: ignore[arg-type]

    def unary(self, node: ast.UnaryOp) -> str:
        if isinstance(node.op, ast.Not):
            return "not " + self.wrapped(node.operand, not isinstance(node.operand, ast.Name))
        operand = self.wrapped(node.operand, _precedence(node.operand) <= _UNARY)
        return ("−" if isinstance(node.op, ast.USub) else "+") + operand

    def call(self, node: ast.Call) -> str:
        name = getattr(node.func, "id", "?")
        if name == IF:
            condition, then, otherwise = (self.write(arg) for arg in node.args)
            return f"({then} if {condition}, else {otherwise})"
        return f"{name}({', '.join(self.write(arg) for arg in node.args)})"

    def comparison(self, node: ast.Compare) -> str:
        parts = [self.write(node.left)]
        for op, right in zip(node.ops, node.comparators, strict=True):
            parts += [_COMPARISON_SIGNS[type(op)], self.write(right)]
        return " ".join(parts)

    def binary(self, node: ast.BinOp) -> str:
        mine = _PRECEDENCE[type(node.op)]
        if isinstance(node.op, ast.Pow):
            base = self.wrapped(node.left, _precedence(node.left) <= mine)
            return f"{base}^{self.wrapped(node.right, _precedence(node.right) < _ATOM)}"
        left = self.wrapped(node.left, _precedence(node.left) < mine)
        # a − (b + c) and a ÷ (b × c) need their parentheses; a + (b + c) and a × (b × c) not
        regroups = (isinstance(node.right, ast.BinOp) and type(node.right.op) is type(node.op)
                    and isinstance(node.op, (ast.Add, ast.Mult)))
        right = self.wrapped(node.right, _precedence(node.right) <= mine and not regroups)
        return f"{left} {_WORD_SIGNS[type(node.op)]} {right}"

    def wrapped(self, node: ast.expr, parenthesise: bool) -> str:
        text = self.write(node)
        return f"({text})" if parenthesise else text


def _precedence(node: ast.expr) -> int:
    if isinstance(node, ast.BinOp):
        return _PRECEDENCE[type(node.op)]
    if isinstance(node, ast.UnaryOp):
        return _UNARY
    return _ATOM


def _number_words(value: float) -> str:
    return f"{value:,}" if isinstance(value, int) else repr(value)


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
        exponent = elasticity(model, name)
        if exponent is not None:
            powers.append(f"{label}^{exponent:+g}")
        elif break_even_rule(model, name).solution is not None:
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
    if any(out.valid_when is not None for out in model.outputs):
        words.append("A break-even where an output has no value (outside the condition "
                     "model.yaml gives it) is none.")
    return " ".join(words)
