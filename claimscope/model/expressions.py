"""Formulas written as text (a document's model, later a reader's) turned into SymPy.

Such text is data, never code: Python's own parser reads it into a syntax tree, and each
node is checked against a short whitelist and rebuilt as a SymPy expression one node at a
time. Nothing here hands text to an evaluator. Accepted: whole and decimal numbers (kept
exact), the names the caller allows, `+ - * / **`, unary `-`/`+`, parentheses and the
functions in `FUNCTIONS`. Anything else is an `ExpressionError` saying what is wrong.

The checked tree is kept beside the SymPy expression: SymPy reorders terms, so the formula
in words is written from the tree, in the author's order.
"""

from __future__ import annotations

import ast
import math
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


@dataclass(frozen=True)
class Expression:
    """One checked formula: its text, its syntax tree and the SymPy expression."""

    text: str
    tree: ast.expr
    value: sympy.Expr
    names: frozenset[str]  # the names it uses, in the caller's terms

    def words(self, terms: Mapping[str, str] | None = None) -> str:
        """The formula in words, in the author's order: `×  ÷  +  −  ^`, each name as its
        term if given, else with spaces for underscores."""
        return _words(self.tree, terms or {})


def parse(text: str, symbols: Mapping[str, sympy.Expr]) -> Expression:
    """The expression `text` over the names in `symbols` (each name's SymPy stand-in).

    Raises `ExpressionError` for anything not on the whitelist, for unknown names and for
    formulas that are not finite real numbers (a division by zero, the root of −1).
    """
    if not isinstance(text, str):
        raise ExpressionError(f"must be text, not {type(text).__name__}")
    if not text.strip():
        raise ExpressionError("is empty")
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"is too long: {len(text)} characters, at most {MAX_LENGTH}")
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    try:
        tree = ast.parse(stripped, mode="eval").body
    except SyntaxError as exc:
        error = ExpressionError(f"is not a formula: {exc.msg}")
        if exc.lineno is not None and exc.offset is not None:
            at = lead + _char_offset(stripped, exc.lineno, exc.offset - 1)
            error.placed(min(at, len(text) - 1), min(at, len(text) - 1) + 1)
        raise error from None
    except (ValueError, RecursionError, MemoryError, OverflowError) as exc:
        raise ExpressionError(f"is not a formula: {exc.__class__.__name__}") from None
    names: set[str] = set()
    try:
        value = _build(tree, symbols, names, 0)
        bad = value.has(*_NOT_FINITE)
    except ExpressionError as error:
        span = _Places(stripped, lead).span(error.node)
        if span is not None:
            error.placed(*span)
        raise
    except (ValueError, TypeError, ArithmeticError, RecursionError, MemoryError) as exc:
        raise ExpressionError(f"cannot be worked out: {exc.__class__.__name__}") from None
    if bad:
        raise ExpressionError("is not a finite real number (a division by zero, the log "
                              "of zero or the root of a negative number)")
    if any(_digits(number) > MAX_DIGITS for number in value.atoms(sympy.Rational)):
        raise ExpressionError(f"holds a number of more than {MAX_DIGITS} digits")
    return Expression(text, tree, value, frozenset(names))


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

    def __init__(self, parsed: str, lead: int) -> None:
        self.parsed, self.lead = parsed, lead

    def span(self, node: ast.AST | None) -> tuple[int, int] | None:
        line, column = getattr(node, "lineno", None), getattr(node, "col_offset", None)
        end_line, end_column = (getattr(node, "end_lineno", None),
                                getattr(node, "end_col_offset", None))
        if None in (line, column, end_line, end_column):
            return None
        return (self.lead + _char_offset(self.parsed, line, column, utf8=True),
                self.lead + _char_offset(self.parsed, end_line, end_column, utf8=True))


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


def _build_node(node: ast.AST, symbols: Mapping[str, sympy.Expr], names: set[str],
                depth: int) -> sympy.Expr:
    if depth > MAX_DEPTH:
        raise ExpressionError(f"nests too deeply: at most {MAX_DEPTH} levels")
    deeper = depth + 1
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
    if isinstance(node, ast.UnaryOp):
        if not isinstance(node.op, (ast.USub, ast.UAdd)):
            raise ExpressionError("uses a unary operator other than - or +")
        operand = _build(node.operand, symbols, names, deeper)
        return -operand if isinstance(node.op, ast.USub) else operand
    if isinstance(node, ast.Call):
        return _call(node, symbols, names, deeper)
    raise ExpressionError(f"may not contain {_what(node)}; allowed: numbers, names, "
                          "+ - * / **, parentheses and " + ", ".join(FUNCTIONS))


def _call(node: ast.Call, symbols: Mapping[str, sympy.Expr], names: set[str],
          depth: int) -> sympy.Expr:
    if not isinstance(node.func, ast.Name):
        raise ExpressionError("calls something other than a function by its name; allowed "
                              "functions: " + ", ".join(FUNCTIONS))
    name = node.func.id
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


def _what(node: ast.AST) -> str:
    kinds = {ast.Attribute: "attributes (a.b)", ast.Subscript: "subscripts (a[b])",
             ast.Lambda: "lambdas", ast.Compare: "comparisons", ast.BoolOp: "and/or",
             ast.IfExp: "if/else", ast.JoinedStr: "f-strings", ast.Starred: "* arguments"}
    return kinds.get(type(node), f"a {type(node).__name__}")


# Words: precedence of each node kind, to put back only the parentheses the order needs.
_PRECEDENCE = {ast.Add: 1, ast.Sub: 1, ast.Mult: 2, ast.Div: 2, ast.Pow: 4}
_UNARY = 3
_ATOM = 5
_WORD_SIGNS = {ast.Add: "+", ast.Sub: "−", ast.Mult: "×", ast.Div: "÷"}


def _precedence(node: ast.expr) -> int:
    if isinstance(node, ast.BinOp):
        return _PRECEDENCE[type(node.op)]
    if isinstance(node, ast.UnaryOp):
        return _UNARY
    return _ATOM


def _number_words(value: float) -> str:
    return f"{value:,}" if isinstance(value, int) else repr(value)


def _words(node: ast.expr, terms: Mapping[str, str]) -> str:
    if isinstance(node, ast.Constant):
        return _number_words(node.value)
    if isinstance(node, ast.Name):
        return terms.get(node.id, node.id.replace("_", " "))
    if isinstance(node, ast.UnaryOp):
        operand = _wrapped(node.operand, terms, _precedence(node.operand) <= _UNARY)
        return ("−" if isinstance(node.op, ast.USub) else "+") + operand
    if isinstance(node, ast.Call):
        inner = ", ".join(_words(arg, terms) for arg in node.args)
        return f"{getattr(node.func, 'id', '?')}({inner})"
    mine = _PRECEDENCE[type(node.op)]
    if isinstance(node.op, ast.Pow):
        base = _wrapped(node.left, terms, _precedence(node.left) <= mine)
        return f"{base}^{_wrapped(node.right, terms, _precedence(node.right) < _ATOM)}"
    left = _wrapped(node.left, terms, _precedence(node.left) < mine)
    # a − (b + c) and a ÷ (b × c) need their parentheses; a + (b + c) and a × (b × c) not
    regroups = (isinstance(node.right, ast.BinOp) and type(node.right.op) is type(node.op)
                and isinstance(node.op, (ast.Add, ast.Mult)))
    right = _wrapped(node.right, terms, _precedence(node.right) <= mine and not regroups)
    return f"{left} {_WORD_SIGNS[type(node.op)]} {right}"


def _wrapped(node: ast.expr, terms: Mapping[str, str], parenthesise: bool) -> str:
    text = _words(node, terms)
    return f"({text})" if parenthesise else text
