"""Formulas as data: the whitelist parser, its refusals, and the formula in words."""

from __future__ import annotations

import math

import mpmath
import pytest
import sympy
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from claimscope.model.expressions import MAX_LENGTH, ExpressionError, parse
from claimscope.model.model import numpy_function

NAMES = ("x", "y", "rate_ratio")
SYMBOLS = {name: sympy.Symbol(name, positive=True) for name in NAMES}


def test_a_formula_becomes_an_exact_sympy_expression() -> None:
    x, y = SYMBOLS["x"], SYMBOLS["y"]
    parsed = parse("x * 0.1 + y ** 2 / 3 - min(x, y) + sqrt(x) + abs(-y) + log(exp(x))", SYMBOLS)
    assert parsed.value == (sympy.Rational(1, 10) * x + y**2 / 3 - sympy.Min(x, y)
                            + sympy.sqrt(x) + y + x)
    assert parsed.names == {"x", "y"}
    assert parse("0.0725", {}).value == sympy.Rational(725, 10000)  # exact, not a float


@pytest.mark.parametrize(("text", "problem"), [
    ("x.real", "attributes"),
    ("x[0]", "subscripts"),
    ("lambda: 1", "lambdas"),
    ("x < 1", "comparisons"),
    ("x and y", "and/or"),
    ("x if y else 1", "if/else"),
    ("'text'", "only numbers and names"),
    ("True", "only numbers and names"),
    ("None", "only numbers and names"),
    ("1j", "only numbers and names"),
    ("__import__('os')", "calls '__import__'"),
    ("x.__class__", "attributes"),
    ("open('f')", "calls 'open'"),
    ("(lambda: 1)()", "calls something other than a function by its name"),
    ("min(x)", "at least two arguments"),
    ("log(x, 10)", "takes 1 argument"),
    ("max(x, y, key=abs)", "by position only"),
    ("max(*x)", "by position only"),
    ("x // 2", "'//'"),
    ("x % 2", "'%'"),
    ("~x", "unary operator"),
    ("not x", "unary operator"),
    ("z + 1", "names unknown 'z'"),
    ("x +", "is not a formula"),
    ("x; y", "is not a formula"),
    ("", "is empty"),
    ("x" * (MAX_LENGTH + 1), "too long"),
    ("-" * 60 + "x", "nests too deeply"),
    ("1 / 0", "not a finite real number"),
    ("log(0)", "not a finite real number"),
    ("sqrt(-1)", "not a finite real number"),
    ("x ** 100000", "too high a power"),
    ("9 ** 9 ** 9", "too high a power"),
    ("10 ** 400", "more than 300 digits"),
    ("1e999", "too large"),
])
def test_anything_off_the_whitelist_is_refused_in_words(text: str, problem: str) -> None:
    with pytest.raises(ExpressionError, match=problem.replace("(", r"\(").replace(")", r"\)")
                       .replace("*", r"\*")):
        parse(text, SYMBOLS)


@pytest.mark.parametrize(("text", "words"), [
    ("seized * unique / (share * rate_ratio * coverage)",
     "seized × unique ÷ (share × rate ratio × coverage)"),
    ("national * (1 + growth) ** (year - base_year)",
     "national total × (1 + growth)^(year − 2012)"),
    ("national * 12 / months", "national total × 12 ÷ months"),
    ("a - (b - c)", "a − (b − c)"),
    ("a - b - c", "a − b − c"),
    ("a + (b + c)", "a + b + c"),
    ("-a ** 2", "−a^2"),
    ("(-a) ** 2", "(−a)^2"),
    ("(a ** b) ** c", "(a^b)^c"),
    ("a ** -1", "a^(−1)"),
    ("max(a, 1000) + log(a) * 0.5", "max(a, 1,000) + log(a) × 0.5"),
])
def test_words_keep_the_authors_order(text: str, words: str) -> None:
    names = ("seized", "unique", "share", "rate_ratio", "coverage", "national", "growth",
             "year", "base_year", "months", "a", "b", "c")
    parsed = parse(text, {name: sympy.Symbol(name, positive=True) for name in names})
    assert parsed.words({"national": "national total", "base_year": "2012"}) == words


@settings(max_examples=1500, deadline=2000)
@given(st.one_of(st.text(max_size=80),
                 st.text(alphabet="0123456789.e+-*/(), xy_minaxlogexpsqrtbj[]:'<=", max_size=60)))
def test_any_text_is_a_formula_or_an_expression_error(text: str) -> None:
    try:
        parsed = parse(text, SYMBOLS)
    except ExpressionError as exc:
        assert str(exc)
        return
    assert not parsed.value.has(sympy.zoo, sympy.nan, sympy.I)
    assert parsed.names <= set(NAMES)


# Random whitelisted trees: (text, reference value). The reference is worked out with
# mpmath at 50 digits from the tree itself; the parsed expression must agree with it.
mpmath.mp.dps = 50
VALUES = {"x": mpmath.mpf("1.75"), "y": mpmath.mpf("0.3"), "rate_ratio": mpmath.mpf(4)}

numbers = st.one_of(st.integers(0, 10**6).map(str),
                    st.decimals(min_value=0, max_value=1000, places=3, allow_nan=False,
                                allow_infinity=False).map(lambda d: str(d)))
leaves = st.one_of(numbers.map(lambda t: (t, mpmath.mpf(t))),
                   st.sampled_from(NAMES).map(lambda n: (n, VALUES[n])))


def _combine(children: st.SearchStrategy) -> st.SearchStrategy:
    def binary(pair, op):
        (left, a), (right, b) = pair
        if op == "/":
            assume(b != 0)
            return f"({left}) / ({right})", a / b
        if op == "**":
            assume(a > 0 and abs(b) <= 4)
            return f"({left}) ** ({right})", a ** b
        return f"({left}) {op} ({right})", {"+": a + b, "-": a - b, "*": a * b}[op]

    def call(pair, name):
        (first, a), (second, b) = pair
        if name in ("min", "max"):
            return f"{name}({first}, {second})", (min if name == "min" else max)(a, b)
        if name == "log":
            assume(a > 0)
            return f"log({first})", mpmath.log(a)
        if name == "exp":
            assume(abs(a) < 50)
            return f"exp({first})", mpmath.exp(a)
        if name == "sqrt":
            assume(a >= 0)
            return f"sqrt({first})", mpmath.sqrt(a)
        return f"abs({first})", abs(a)

    pairs = st.tuples(children, children)
    return st.one_of(
        st.builds(binary, pairs, st.sampled_from(["+", "-", "*", "/", "**"])),
        st.builds(call, pairs, st.sampled_from(["min", "max", "log", "exp", "sqrt", "abs"])),
        children.map(lambda child: (f"-({child[0]})", -child[1])),
        children.map(lambda child: (f"+({child[0]})", child[1])),
    )


trees = st.recursive(leaves, _combine, max_leaves=12)


@settings(max_examples=400, deadline=None)
@given(trees)
def test_whitelisted_trees_round_trip_to_the_same_value(tree) -> None:
    text, reference = tree
    assume(len(text) <= MAX_LENGTH and mpmath.isfinite(reference) and abs(reference) < 1e200)
    try:
        parsed = parse(text, SYMBOLS)
    except ExpressionError as exc:  # SymPy may see an exact zero the tree divides by
        assume("not a finite real number" not in str(exc) and "digits" not in str(exc))
        raise
    exact = {SYMBOLS[name]: sympy.Rational(str(value)) for name, value in VALUES.items()}
    value = parsed.value.xreplace(exact).evalf(40)
    assert mpmath.almosteq(mpmath.mpf(str(value)), reference, rel_eps=1e-25, abs_eps=1e-25)
    fast = numpy_function([SYMBOLS[n] for n in NAMES], parsed.value)(
        *(float(VALUES[n]) for n in NAMES))
    assume(abs(reference) > 1e-6)  # float rounding of a cancellation is not the parser's
    assert math.isclose(float(fast), float(reference), rel_tol=1e-6)


# ---- Where an error is: the place an editor marks as the reader types ------------------

@pytest.mark.parametrize(("text", "marked"), [
    ("x / rat", "rat"),
    ("  x / rat", "rat"),  # offsets into the text as given, leading spaces and all
    ("x // y", "x // y"),
    ("x * (y +", "("),
    ("x * __import__('os')", "__import__('os')"),
    ("x + 'a'", "'a'"),
    ("£ + x", "£"),
    ("é + x + zz", "é"),
    ("max(x)", "max(x)"),
    ("x ** 5000", "x ** 5000"),
    ("x.real", "x.real"),
    ("(x + y) * (y + q)", "q"),
])
def test_an_error_is_placed_at_the_part_at_fault(text: str, marked: str) -> None:
    with pytest.raises(ExpressionError) as caught:
        parse(text, SYMBOLS)
    error = caught.value
    assert text[error.start:error.end] == marked, (error, error.start, error.end)


def test_a_place_counts_characters_not_bytes() -> None:
    with pytest.raises(ExpressionError) as caught:
        parse("größe * x + rate", {"größe": sympy.Symbol("g"), "x": sympy.Symbol("x")})
    assert (caught.value.start, caught.value.end) == (12, 16)


@pytest.mark.parametrize("text", ["", "   ", "x / 0", "x" * (MAX_LENGTH + 1)])
def test_an_error_of_the_whole_text_has_no_place(text: str) -> None:
    with pytest.raises(ExpressionError) as caught:
        parse(text, SYMBOLS)
    assert caught.value.start is None and caught.value.end is None


@settings(deadline=None)
@given(st.text(max_size=60))
def test_an_errors_place_is_always_inside_the_text(text: str) -> None:
    try:
        parse(text, SYMBOLS)
    except ExpressionError as error:
        if error.start is not None:
            assert 0 <= error.start < error.end <= len(text)
