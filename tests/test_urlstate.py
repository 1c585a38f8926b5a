"""The URL contract (docs/architecture.md, "The URL contract"): defaults, notices, clamping, round
trips."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope.bundle import load_bundle
from claimscope.link.urlstate import parse_query, to_query
from claimscope.text.markdown import shown
from claimscope.text.numbers import parse_number

SPECS = load_bundle().inputs


def test_missing_parameters_take_defaults() -> None:
    parsed = parse_query({}, SPECS)
    assert parsed.values == {name: spec.default for name, spec in SPECS.items()}
    assert parsed.notices == []


def test_the_designs_example_link_is_the_default_view() -> None:
    link = {"seized": "26000000", "share": "7.25", "months": "26", "unique": "100",
            "rate_ratio": "1", "coverage": "100", "growth": "0", "year": "2012",
            "global_share": "2", "offenders": "50000"}
    parsed = parse_query(link, SPECS)
    assert parsed.notices == []
    assert to_query(parsed.values, SPECS) == {}


@pytest.mark.parametrize(("params", "name", "value", "notice"), [
    ({"share": "abc"}, "share", 7.25, "share=abc is not a number; using the default 7.25%."),
    ({"year": "3000"}, "year", 2030,
     "year=3000 is out of range (2012 to 2030); clamped to 2030."),
    ({"unique": "-5"}, "unique", 1, "unique=-5 is out of range (1% to 100%); clamped to 1%."),
    ({"share": "nan"}, "share", 7.25, "share=nan is not a number; using the default 7.25%."),
    ({"seized": "inf"}, "seized", 26e6, "seized=inf is not a number"),
    ({"months": "12.4"}, "months", 12, "months=12.4 must be a whole number; rounded to 12."),
    ({"share": "10%"}, "share", 10, None),
    ({"seized": "30,000,000"}, "seized", 30e6, None),
])
def test_bad_values_are_replaced_or_clamped_with_a_notice(params, name, value, notice) -> None:
    parsed = parse_query(params, SPECS)
    assert parsed.values[name] == pytest.approx(value)
    if notice is None:
        assert parsed.notices == []
    else:
        assert len(parsed.notices) == 1 and parsed.notices[0].startswith(notice)


def test_unknown_parameters_are_ignored_with_a_notice() -> None:
    parsed = parse_query({"share": "8", "colour": "red"}, SPECS)
    assert parsed.values["share"] == 8
    assert parsed.notices == ["Ignored unknown parameter(s): colour."]


def test_parameters_owned_by_other_parsers_pass_through() -> None:
    parsed = parse_query({"unique_lo": "60"}, SPECS, also_known={"unique_lo"})
    assert parsed.extra == {"unique_lo": "60"} and parsed.notices == []


def test_repeated_keys_use_the_last_value() -> None:
    assert parse_query({"share": ["5", "9"]}, SPECS).values["share"] == 9


def test_hostile_text_is_shortened_and_flattened() -> None:
    text = shown("<script>alert(1)</script>\n" * 20)
    visible = text.replace("\\", "").replace("\u2060", "")  # escapes are not shown
    assert len(visible) <= 40 and "\n" not in text


@pytest.mark.parametrize(("typed", "escaped"), [
    ("![x](http://evil/a.png)", "\\!\\[x\\]\\(http\u2060:\u2060//evil/a\u2060.\u2060png\\)"),
    ("<b>*x*</b>", "\\<b\\>\\*x\\*\\</b\\>"),
    ("www.evil.com", "www\u2060.\u2060evil\u2060.\u2060com"),
    ("a@b.co", "a\u2060@\u2060b\u2060.\u2060co"),
    ("$x$ :red[a]", "\\$x\\$ \u2060:\u2060red\\[a\\]"),
    ("12.4", "12.4"),  # a decimal point is left alone, so numbers read as typed
])
def test_shown_text_has_no_markdown_power(typed: str, escaped: str) -> None:
    assert shown(typed) == escaped


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(sorted(SPECS) + ["x", "<b>"]), st.text(max_size=60),
                       max_size=12))
def test_any_query_parses_to_in_range_values(params) -> None:
    parsed = parse_query(params, SPECS)
    for name, spec in SPECS.items():
        assert spec.min <= parsed.values[name] <= spec.max


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({
    name: st.floats(spec.min, spec.max, allow_nan=False).map(
        lambda v, spec=spec: round(v) if spec.is_integer else v)
    for name, spec in SPECS.items()}))
def test_values_round_trip_through_the_url(values) -> None:
    parsed = parse_query(to_query(values, SPECS), SPECS)
    assert parsed.notices == []
    assert parsed.values == pytest.approx(values)


def test_parse_number_rejects_non_numbers() -> None:
    assert parse_number("1e3") == 1000
    for text in ("", "abc", "1e999", "-inf", "1" * 50):
        assert parse_number(text) is None
