"""Formulas written as text (a document's model, later a reader's) turned into SymPy.

Such text is data, never code: Python's own parser reads it into a syntax tree, and each
node is checked against a short whitelist and rebuilt as a SymPy expression one node at a
time. Nothing here hands text to an evaluator. Accepted: whole and decimal numbers (kept
exact), the names the caller allows, `+ - * / **`, unary `-`/`+`, parentheses, the
functions in `FUNCTIONS` and the conditional `if(condition, then, otherwise)`. A condition
(the first argument of `if`, or a whole `parse_condition` text such as an output's
`valid_when`) compares values with `< <= > >= == !=` (chains like `a < b < c` read as
both) and joins comparisons with `and`, `or`, `not`; a comparison is never a value.
Anything else is an `ExpressionError` saying what is wrong.

The checked tree is kept beside the SymPy expression: SymPy reorders terms, so the formula
in words is written from the tree, in the author's order (`claimscope.model.printing.words`).
"""

from __future__ import annotations

import ast
import math
import re
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import sympy

MAX_LENGTH = 500  # characters of one expression
MAX_DEPTH = 40  # nested operations
MAX_EXPONENT = 1000  # largest power a number may be raised to
MAX_DIGITS = 300  # digits of any number in the result: numpy and JavaScript take it as a float


class ExpressionError(ValueError):
    """An expression that is not one of the accepted formulas, with the reason in words
    and, where one part of the text is at fault, its place: `start` and `end` are
    character offsets into the text as given (None when the whole text is at fault), so
    an editor can mark the place as the reader types."""

    start: int | None = None
    end: int | None = None
    node: ast.AST | None = None  # the innermost part of the formula at fault, while parsed

    def placed(self, start: int, end: int) -> ExpressionError:
        """Mark the place, unless a part inside it was marked first (the nearest part
        at fault is the most useful place to show)."""
        if self.start is None:
            self.start, self.end = start, max(end, start + 1)
        return self


@dataclass(frozen=True)
class Function:
    """A function a formula may call: its SymPy counterpart and how many arguments."""

    build: Callable[..., sympy.Expr]
    arity: int | None  # None: two or more (min, max)


FUNCTIONS: dict[str, Function] = {
    "min": Function(sympy.Min, None),
    "max": Function(sympy.Max, None),
    "log": Function(sympy.log, 1),
    "exp": Function(sympy.exp, 1),
    "sqrt": Function(sympy.sqrt, 1),
    "abs": Function(sympy.Abs, 1),
}

# `if` is a keyword of Python's parser, which reads the text: the call is read under this
# name, which only the conditional has (a formula's names never end in an underscore here).
IF = "if_"
_IF_CALL = re.compile(r"(?<![A-Za-z0-9_.])if(?=\s*\()")
RESERVED = frozenset({*FUNCTIONS, "if", IF})
COMPARISONS: dict[type[ast.cmpop], Callable[[sympy.Expr, sympy.Expr], sympy.Basic]] = {
    ast.Lt: sympy.Lt, ast.LtE: sympy.Le, ast.Gt: sympy.Gt, ast.GtE: sympy.Ge,
    ast.Eq: sympy.Eq, ast.NotEq: sympy.Ne,
}

_OPERATORS: dict[type[ast.operator], Callable[[sympy.Expr, sympy.Expr], sympy.Expr]] = {
    ast.Add: lambda a, b: a + b,
    ast.Sub: lambda a, b: a - b,
    ast.Mult: lambda a, b: a * b,
    ast.Div: lambda a, b: a / b,
    ast.Pow: lambda a, b: a ** b,
}
_SYMBOLS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "**",
            ast.FloorDiv: "//", ast.Mod: "%", ast.MatMult: "@", ast.BitAnd: "&",
            ast.BitOr: "|", ast.BitXor: "^", ast.LShift: "<<", ast.RShift: ">>"}
_NOT_FINITE = (sympy.zoo, sympy.nan, sympy.oo, -sympy.oo, sympy.I)
_NOT_FINITE_WORDS = ("is not a finite real number (a division by zero, the log of zero or "
                     "the root of a negative number)")


@dataclass(frozen=True)
class Expression:
    """One checked formula or condition: its text, its syntax tree and the SymPy
    expression (a SymPy Boolean for a condition)."""

    text: str
    tree: ast.expr
    value: sympy.Basic
    names: frozenset[str]  # the names it uses, in the caller's terms


def parse(text: str, symbols: Mapping[str, sympy.Expr]) -> Expression:
    """The expression `text` over the names in `symbols` (each name's SymPy stand-in).

    Raises `ExpressionError` for anything not on the whitelist, for unknown names and for
    formulas that are not finite real numbers (a division by zero, the root of −1).
    """
    return _parse(text, symbols, _build)


def parse_condition(text: str, symbols: Mapping[str, sympy.Expr]) -> Expression:
    """The condition `text` (comparisons joined by and/or/not) over `symbols`, as
    `parse` reads a formula."""
    return _parse(text, symbols, _condition)


def _parse(text: object, symbols: Mapping[str, sympy.Expr],
           build: Callable[..., sympy.Basic]) -> Expression:
    if not isinstance(text, str):
        raise ExpressionError(f"must be text, not {type(text).__name__}")
    if not text.strip():
        raise ExpressionError("is empty")
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"is too long: {len(text)} characters, at most {MAX_LENGTH}")
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    read = _IfRead(stripped)
    try:
        with warnings.catch_warnings():  # "1if": Python's parser warns; it is refused below
            warnings.simplefilter("ignore", SyntaxWarning)
            tree = ast.parse(read.parsed, mode="eval").body
    except SyntaxError as exc:
        error = ExpressionError(f"is not a formula: {exc.msg}")
        if exc.lineno is not None and exc.offset is not None:
            at = lead + read.original(_char_offset(read.parsed, exc.lineno, exc.offset - 1))
            error.placed(min(at, len(text) - 1), min(at, len(text) - 1) + 1)
        raise error from None
    except (ValueError, RecursionError, MemoryError, OverflowError) as exc:
        raise ExpressionError(f"is not a formula: {exc.__class__.__name__}") from None
    names: set[str] = set()
    try:
        value = build(tree, symbols, names, 0)
        bad = value.has(*_NOT_FINITE)
    except ExpressionError as error:
        span = _Places(read, lead).span(error.node)
        if span is not None:
            error.placed(*span)
        raise
    except (ValueError, TypeError, ArithmeticError, RecursionError, MemoryError) as exc:
        raise ExpressionError(f"cannot be worked out: {exc.__class__.__name__}") from None
    if bad:
        raise ExpressionError(_NOT_FINITE_WORDS)
    if any(_digits(number) > MAX_DIGITS for number in value.atoms(sympy.Rational)):
        raise ExpressionError(f"holds a number of more than {MAX_DIGITS} digits")
    return Expression(text, tree, value, frozenset(names))


class _IfRead:
    """The text as Python's parser reads it (each `if(` as `if_(`), and the way back from a
    place in it to the same place in the text."""

    def __init__(self, text: str) -> None:
        self.parsed = _IF_CALL.sub(IF, text)
        # where each added "_" sits in the parsed text
        self._added = [match.end() + position for position, match
                       in enumerate(_IF_CALL.finditer(text))]

    def original(self, at: int) -> int:
        return at - sum(added < at for added in self._added)


def _number(value: object) -> sympy.Expr:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ExpressionError(f"may hold only numbers and names, not {value!r:.40}")
    if isinstance(value, int):
        return sympy.Integer(value)
    if not math.isfinite(value):
        raise ExpressionError(f"holds a number too large to use: {value!r}")
    return sympy.Rational(repr(value))  # exact: 0.1 is one tenth


def _digits(number: sympy.Expr) -> float:
    """log10 of a rational's size, by its integers' lengths (never a huge float)."""
    numerator, denominator = sympy.fraction(abs(number))
    return max(int(numerator).bit_length(), int(denominator).bit_length()) * math.log10(2)


def _power(base: sympy.Expr, exponent: sympy.Expr) -> sympy.Expr:
    """`base ** exponent`, refusing powers whose size alone would stall the machine."""
    if exponent.is_Number:
        if abs(exponent) > MAX_EXPONENT:
            raise ExpressionError(f"raises to too high a power: at most {MAX_EXPONENT}")
        if base.is_Rational and _digits(base) * abs(exponent) > MAX_DIGITS:
            raise ExpressionError(f"makes a number of more than {MAX_DIGITS} digits")
    return base ** exponent


class _Places:
    """Turns a node's line and UTF-8 byte column into character offsets of the text."""

    def __init__(self, read: _IfRead, lead: int) -> None:
        self.read, self.lead = read, lead

    def span(self, node: ast.AST | None) -> tuple[int, int] | None:
        line, column = getattr(node, "lineno", None), getattr(node, "col_offset", None)
        end_line, end_column = (getattr(node, "end_lineno", None),
                                getattr(node, "end_col_offset", None))
        if None in (line, column, end_line, end_column):
            return None
        parsed, original = self.read.parsed, self.read.original
        return (self.lead + original(_char_offset(parsed, line, column, utf8=True)),
                self.lead + original(_char_offset(parsed, end_line, end_column, utf8=True)))


def _char_offset(text: str, line: int, column: int, utf8: bool = False) -> int:
    """The character offset of (1-based line, 0-based column) in text; a column counted
    in UTF-8 bytes (as ast nodes count it) when `utf8`."""
    lines = text.split("\n")
    line = max(1, min(line, len(lines)))
    before = sum(len(part) + 1 for part in lines[: line - 1])
    here = lines[line - 1]
    if utf8:
        column = len(here.encode("utf-8")[:max(column, 0)].decode("utf-8", "ignore"))
    return before + max(0, min(column, len(here)))


def _build(node: ast.AST, symbols: Mapping[str, sympy.Expr], names: set[str],
           depth: int) -> sympy.Expr:
    """The SymPy expression of a checked node; an error inside it names the innermost
    node at fault, which `parse` turns into the error's place in the text."""
    try:
        return _build_node(node, symbols, names, depth)
    except ExpressionError as error:
        if error.node is None:
            error.node = node
        raise


def _deeper(depth: int) -> int:
    """The next level down, refused past `MAX_DEPTH`."""
    if depth > MAX_DEPTH:
        raise ExpressionError(f"nests too deeply: at most {MAX_DEPTH} levels")
    return depth + 1


def _build_node(node: ast.AST, symbols: Mapping[str, sympy.Expr], names: set[str],
                depth: int) -> sympy.Expr:
    deeper = _deeper(depth)
    if isinstance(node, ast.Constant):
        return _number(node.value)
    if isinstance(node, ast.Name):
        if node.id not in symbols:
            known = ", ".join(sorted(symbols)) or "none"
            raise ExpressionError(f"names unknown {node.id!r}; known names: {known}")
        names.add(node.id)
        return symbols[node.id]
    if isinstance(node, ast.BinOp):
        operator = type(node.op)
        if operator not in _OPERATORS:
            raise ExpressionError(f"uses the operator {_SYMBOLS.get(operator, '?')!r}; "
                                  "allowed: + - * / **")
        left = _build(node.left, symbols, names, deeper)
        right = _build(node.right, symbols, names, deeper)
        return _power(left, right) if operator is ast.Pow else _OPERATORS[operator](left, right)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        operand = _build(node.operand, symbols, names, deeper)
        return -operand if isinstance(node.op, ast.USub) else operand
    if isinstance(node, ast.Call):
        return _call(node, symbols, names, deeper)
    if isinstance(node, (ast.Compare, ast.BoolOp)) or (
            isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not)):
        raise ExpressionError("uses a condition (a comparison, and, or, not) as a number: "
                              "a condition may only be the first argument of if(...)")
    if isinstance(node, ast.UnaryOp):
        raise ExpressionError("uses a unary operator other than - or +")
    raise ExpressionError(f"may not contain {_what(node)}; allowed: numbers, names, "
                          "+ - * / **, parentheses, if(condition, then, otherwise) and "
                          + ", ".join(FUNCTIONS))


def _condition(node: ast.AST, symbols: Mapping[str, sympy.Expr], names: set[str],
               depth: int) -> sympy.Basic:
    """A condition: comparisons of values, joined by and/or/not (an error inside it names
    the innermost node at fault, as `_build` does)."""
    try:
        return _condition_node(node, symbols, names, depth)
    except ExpressionError as error:
        if error.node is None:
            error.node = node
        raise


def _condition_node(node: ast.AST, symbols: Mapping[str, sympy.Expr], names: set[str],
                    depth: int) -> sympy.Basic:
    deeper = _deeper(depth)
    if isinstance(node, ast.Compare):
        if not all(type(op) in COMPARISONS for op in node.ops):
            raise ExpressionError("compares with 'in' or 'is'; allowed: < <= > >= == !=")
        values = [_build(side, symbols, names, deeper)
                  for side in (node.left, *node.comparators)]
        if any(value.has(*_NOT_FINITE) for value in values):
            raise ExpressionError(_NOT_FINITE_WORDS)
        return sympy.And(*(COMPARISONS[type(op)](left, right) for op, left, right
                           in zip(node.ops, values, values[1:], strict=False)))
    if isinstance(node, ast.BoolOp):
        join = sympy.And if isinstance(node.op, ast.And) else sympy.Or
        return join(*(_condition(value, symbols, names, deeper) for value in node.values))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return sympy.Not(_condition(node.operand, symbols, names, deeper))
    raise ExpressionError("needs a condition here: a comparison (< <= > >= == !=), "
                          "possibly joined by and, or, not")


def _call(node: ast.Call, symbols: Mapping[str, sympy.Expr], names: set[str],
          depth: int) -> sympy.Expr:
    if not isinstance(node.func, ast.Name):
        raise ExpressionError("calls something other than a function by its name; allowed "
                              "functions: " + ", ".join(FUNCTIONS))
    name = node.func.id
    if name == IF:
        return _conditional(node, symbols, names, depth)
    if name not in FUNCTIONS:
        raise ExpressionError(f"calls {name!r}; allowed functions: " + ", ".join(FUNCTIONS))
    if node.keywords or any(isinstance(arg, ast.Starred) for arg in node.args):
        raise ExpressionError(f"{name}() takes its arguments by position only")
    function = FUNCTIONS[name]
    count = len(node.args)
    if function.arity is None and count < 2:
        raise ExpressionError(f"{name}() needs at least two arguments, got {count}")
    if function.arity is not None and count != function.arity:
        raise ExpressionError(f"{name}() takes {function.arity} argument, got {count}")
    return function.build(*(_build(arg, symbols, names, depth) for arg in node.args))


def _conditional(node: ast.Call, symbols: Mapping[str, sympy.Expr], names: set[str],
                 depth: int) -> sympy.Expr:
    """`if(condition, then, otherwise)`: `then` where the condition holds, else
    `otherwise`."""
    if node.keywords or any(isinstance(arg, ast.Starred) for arg in node.args):
        raise ExpressionError("if() takes its arguments by position only")
    if len(node.args) != 3:
        raise ExpressionError(f"if() takes 3 arguments (condition, then, otherwise), got "
                              f"{len(node.args)}")
    condition = _condition(node.args[0], symbols, names, depth)
    then, otherwise = (_build(arg, symbols, names, depth) for arg in node.args[1:])
    return sympy.Piecewise((then, condition), (otherwise, True))


def _what(node: ast.AST) -> str:
    kinds = {ast.Attribute: "attributes (a.b)", ast.Subscript: "subscripts (a[b])",
             ast.Lambda: "lambdas", ast.Compare: "comparisons", ast.BoolOp: "and/or",
             ast.IfExp: "if/else", ast.JoinedStr: "f-strings", ast.Starred: "* arguments"}
    return kinds.get(type(node), f"a {type(node).__name__}")
