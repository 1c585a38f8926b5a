"""Numbers written for people, and numbers read back out of the document's words."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimscope.text.numbers import (
    count_word,
    describe_interval,
    display,
    fixed,
    human,
    numbers_in,
    percent,
    plain_number,
    signed_percent,
    whole,
)


@pytest.mark.parametrize(("value", "text"), [
    (358_620_689.66, "358.6 million"), (26_000_000, "26 million"), (17.93e9, "17.9 billion"),
    (7172.41, "7,172"), (6.492, "6.49"), (50_000, "50,000"), (0.5, "0.5"), (1.2e12, "1.2 trillion"),
    (math.nan, "—"), (math.inf, "—"),
])
def test_human(value, text) -> None:
    assert human(value) == text


@pytest.mark.parametrize(("value", "unit", "text"), [
    (7.25, "percent", "7.25%"), (100.0, "percent", "100%"), (2012.0, "year", "2012"),
    (1.0, "ratio", "1×"), (26.0, "months", "26 months"), (26e6, "images", "26 million"),
])
def test_display(value, unit, text) -> None:
    assert display(value, unit) == text


def test_percent_trims_trailing_zeros() -> None:
    assert percent(83.6538, 2) == "83.65%" and percent(20.0) == "20%"


@pytest.mark.parametrize(("phrase", "values"), [
    ("26 million images", [26e6]), ("five forces replied", [5.0]), ("7.25%", [7.25]),
    ("upwards of 50,000 individuals", [50_000.0]), ("more than 20 agencies", [20.0]),
    ("Twenty-first session", [21.0]), ("the 21st session", [21.0]),
    ("March, 2010 to April, 2012", [2010.0, 2012.0]), ("half a page", [0.5]),
    ("no numbers here", []),
])
def test_numbers_in_reads_digits_and_words(phrase, values) -> None:
    assert numbers_in(phrase) == values


@given(st.floats(min_value=1e6, max_value=1e15))
def test_human_keeps_one_decimal_of_the_scale(value: float) -> None:
    number, word = human(value).split(" ")
    scale = {"million": 1e6, "billion": 1e9, "trillion": 1e12}[word]
    assert abs(float(number.replace(",", "")) * scale - value) <= 0.05 * scale + 1e-9 * value


@pytest.mark.parametrize(("low", "high", "words"), [
    (1.9e8, 4.1e8, "between 190 and 410 million, 9 times in 10"),
    (1.3e8, 1.6e9, "between 130 million and 1.6 billion, 9 times in 10"),
    (3.581e8, 3.592e8, "between 358 and 359 million, 9 times in 10"),
    (3.5861e8, 3.5864e8, "between 358.61 and 358.64 million, 9 times in 10"),
    (6.49, 12.3, "between 6.5 and 12, 9 times in 10"),
    (7000, 7200, "between 7,000 and 7,200, 9 times in 10"),
    (3.586e8, 3.586e8, "at 358.6 million, 9 times in 10"),
])
def test_interval_in_words(low, high, words):
    assert describe_interval(low, high) == words


def test_interval_in_words_with_a_formatter_and_coverage():
    assert describe_interval(2e8, 4e8, fmt=lambda v: f"{v / 1e6:.0f} million",
                             coverage=0.95) == "between 200 and 400 million, 19 times in 20"
    assert describe_interval(5, 9, fmt=lambda v: f"{v:g}%") == "between 5% and 9%, 9 times in 10"


def test_plain_number():
    assert plain_number(358_620_689.66, 4) == "358.6 million"
    assert plain_number(2.5e12) == "2.5 trillion"
    assert plain_number(0) == "0"
    assert plain_number(math.inf) == "—"


@pytest.mark.parametrize(("value", "digits", "text"), [
    (0.125, 2, "0.13"), (2.5, 0, "3"), (-2.5, 0, "-3"), (0.5, 0, "1"), (1.5, 0, "2"),
    (1234.5, 0, "1,235"), (-1234567.125, 2, "-1,234,567.13"),
    (1.005, 2, "1.00"),  # the double nearest 1.005 is just below it: no tie, rounded down
    (0.145, 2, "0.14"), (2.675, 2, "2.67"),  # likewise below their decimal
    (-0.001, 2, "0.00"), (-0.0, 0, "0"), (-0.4, 0, "0"),  # no sign on a zero
    (999.9999, 3, "1,000.000"), (1e21, 0, "1,000,000,000,000,000,000,000"),
    (2.0**70, 1, "1,180,591,620,717,411,303,424.0"),
])
def test_fixed_rounds_the_exact_value_ties_away_from_zero(value, digits, text) -> None:
    assert fixed(value, digits) == text


@pytest.mark.parametrize(("value", "rounded"), [
    (2014.5, 2015.0), (2016.5, 2017.0), (-2.5, -3.0), (0.5, 1.0), (-0.4, 0.0),
    (0.49999999999999994, 0.0), (12.4, 12.0), (1e300, 1e300),
])
def test_whole_rounds_ties_away_from_zero_as_fixed_writes(value, rounded) -> None:
    """Not Python's round (to even: 2014.5 -> 2014): the panel's and a link's one rule."""
    assert whole(value) == rounded
    assert str(whole(-0.2)) == "0.0"  # never a negative zero


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_whole_is_the_number_fixed_writes_with_no_decimals(value: float) -> None:
    assert whole(value) == float(fixed(value, 0, grouped=False))
    assert abs(whole(value) - value) <= 0.5


def test_fixed_without_grouping() -> None:
    assert fixed(123456.5, 0, grouped=False) == "123457"


@pytest.mark.parametrize(("value", "text"), [
    (0.0125, "+1.25%"), (-0.5, "-50.00%"), (0.0, "+0.00%"), (-1e-9, "+0.00%"),
    (0.000125, "+0.01%"), (12.345, "+1234.50%"), (math.nan, "—"), (-math.inf, "—"), (1e307, "—"),
])
def test_signed_percent(value, text) -> None:
    assert signed_percent(value) == text


@pytest.mark.parametrize(("value", "text"), [
    (5, "Five"), (0, "Zero"), (20, "Twenty"), (21, "21"), (5.5, "6"), (1234, "1,234"),
    (-3, "-3"), (math.nan, "—"), (math.inf, "—"),
])
def test_count_word(value, text) -> None:
    assert count_word(value) == text


@pytest.mark.parametrize("unit", ["percent", "year", "ratio", "months", "images"])
def test_display_of_a_non_finite_value_is_a_dash(unit) -> None:
    assert display(math.nan, unit) == display(math.inf, unit) == "—"


@given(st.floats(allow_nan=False, allow_infinity=False), st.integers(0, 6))
def test_fixed_is_within_half_a_unit_of_the_last_digit(value: float, digits: int) -> None:
    text = fixed(value, digits)
    assert abs(Decimal(text.replace(",", "")) - Decimal(value)) <= Decimal(5) / 10 ** (digits + 1)
