"""The text template language: parsing to nodes, rendering, load-time checks."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimscope.text.template import (
    FILTERS,
    Scope,
    TemplateError,
    check_text,
    parse_text,
    render_sentence,
    render_text,
)

SCOPE = Scope(values={"seized": 26e6, "share": 7.25, "ratio": 1.5, "x": 3.14159},
              units={"seized": "images", "share": "percent", "ratio": "ratio"},
              claims={"forces-replied": 5, "window-end": 2012})


@pytest.mark.parametrize(("text", "words"), [
    ("{claims.forces-replied|count_word} forces", "Five forces"),
    ("**{seized}** images", "**26 million** images"),
    ("{share}", "7.25%"), ("{share|percent:1}", "7.3%"), ("{ratio}", "1.5×"),
    ("{x}", "3.14"), ("{x|human:3}", "3.142"), ("{share|display:0}", "7.25%"),
    ("{claims.window-end}", "2,012"), ("{ ratio | percent : 0 }", "2%"),
    ("{{literal}} and }}", "{literal} and }"), ("{{{x}}}", "{3.14}"),
    ("no placeholders", "no placeholders"), ("", ""),
])
def test_render_text(text: str, words: str) -> None:
    assert render_text(text, SCOPE) == words


def test_parse_text_gives_json_nodes_with_the_default_filter_written_out() -> None:
    nodes = parse_text("{claims.forces-replied} forces seized **{seized|human:2}**{share}")
    assert nodes == [
        {"name": "claims.forces-replied", "filter": "human", "arg": None},
        {"text": " forces seized **"},
        {"name": "seized", "filter": "human", "arg": 2},
        {"text": "**"},
        {"name": "share", "filter": "display", "arg": None},
    ]
    assert json.loads(json.dumps(nodes)) == nodes


@pytest.mark.parametrize(("text", "problem"), [
    ("a } b", "closes nothing"), ("{seized", "is not {name}"), ("{1x}", "is not {name}"),
    ("{seized|bold}", "unknown filter 'bold'"), ("{seized|count_word:2}", "takes no digits"),
    ("{seized|human:99}", "at most 12 digits"), ("{}", "is not {name}"),
])
def test_bad_templates_are_named(text: str, problem: str) -> None:
    with pytest.raises(TemplateError, match=problem):
        parse_text(text)
    [message] = check_text(text, SCOPE.values, SCOPE.claims)
    assert problem in message


def test_check_text_names_unknown_names_and_claims() -> None:
    assert check_text("{seized} {claims.forces-replied}", SCOPE.values, SCOPE.claims) == []
    assert check_text("{seizd} and {claims.nope}", SCOPE.values, SCOPE.claims) == [
        "{seizd} names no input or output", "{claims.nope} names an unknown claim 'nope'"]


def test_a_scope_as_json_for_the_browser() -> None:
    assert json.loads(json.dumps(SCOPE.to_json())) == {
        "values": {"seized": 26e6, "share": 7.25, "ratio": 1.5, "x": 3.14159},
        # each unit as how its numbers are written; a name no built-in unit has is a number
        "units": {name: {"format": format, "word": "", "symbol": "", "symbol_before": True}
                  for name, format in (("seized", "number"), ("share", "percent"),
                                       ("ratio", "ratio"))},
        "claims": {"forces-replied": 5.0, "window-end": 2012.0}}


def test_rendering_a_name_outside_the_scope_is_a_template_error() -> None:
    with pytest.raises(TemplateError, match="names nothing"):
        render_text("{missing}", SCOPE)


@given(st.text(alphabet=st.characters(blacklist_characters="{}"), max_size=40))
def test_text_without_braces_is_itself(text: str) -> None:
    assert render_text(text, SCOPE) == text
    assert check_text(text, (), ()) == []


@given(st.text(max_size=40))
def test_any_text_parses_or_raises_a_template_error(text: str) -> None:
    try:
        nodes = parse_text(text)
    except TemplateError:
        return
    assert all(("text" in node) != ("name" in node) for node in nodes)


SPEC = {"parts": [
    {"when_changed": None, "text": parse_text("Seized **{seized}**.")},
    {"any": [{"when_changed": "share", "text": parse_text("share {share}")},
             {"when_changed": "ratio", "text": parse_text("ratio {ratio}")}],
     "before": "Given ", "joined": " and ", "after": ":", "otherwise": None},
    {"when_changed": "x", "text": parse_text("x is {x}.")},
]}


@pytest.mark.parametrize(("changed", "sentence"), [
    ([], "Seized **26 million**."),
    (["ratio"], "Seized **26 million**. Given ratio 1.5×:"),
    (["x", "ratio", "share"],
     "Seized **26 million**. Given share 7.25% and ratio 1.5×: x is 3.14."),
])
def test_render_sentence_shows_the_parts_of_the_moved_inputs(changed, sentence) -> None:
    assert render_sentence(SPEC, SCOPE, changed) == sentence


WORDS = Scope(claims={"count": 26e6, "share": 7.25},
              claim_units={"count": "images", "share": "percent"},
              claim_words={"count": {"mention": "nearly 26 million", "when": "2012–2014",
                                     "quote": "seized nearly 26 million", "unit": "images"},
                           "share": {"mention": "7.25%", "when": "2016", "quote": "q",
                                     "unit": "percent"}})


@pytest.mark.parametrize(("text", "words"), [
    ("{claims.count|text} {claims.count|unit}", "26 million images"),
    ("{claims.share|text}", "7.25%"), ("{claims.share|text:0}", "7.25%"),
    ("{claims.share}", "7.25"), ("“{claims.count|quote}” ({claims.count|when})",
                                 "“seized nearly 26 million” (2012–2014)"),
    ("**{claims.count|mention}**", "**nearly 26 million**"),
])
def test_a_claims_value_in_its_unit_and_its_words(text: str, words: str) -> None:
    assert render_text(text, WORDS) == words


@pytest.mark.parametrize("text", ["{seized|quote}", "{share|text}", "{claims.count|when:2}"])
def test_words_belong_to_claims_and_take_no_digits(text: str) -> None:
    with pytest.raises(TemplateError):
        parse_text(text)


def test_a_text_checked_for_the_panel_may_not_use_a_claims_words() -> None:
    assert check_text("{claims.count|quote}", (), ["count"]) == [
        "{claims.count|quote}: this text may use only the filters human, percent, display, "
        "count_word"]
    assert check_text("{claims.count|quote}", (), ["count"], FILTERS) == []


def test_words_outside_the_scope_are_a_clear_error() -> None:
    with pytest.raises(TemplateError, match="names nothing"):
        render_text("{claims.count|quote}", SCOPE)
    with pytest.raises(TemplateError, match="names nothing"):
        render_text("{claims.forces-replied|text}", SCOPE)


def test_a_scope_with_words_carries_them_to_the_browser() -> None:
    scope = WORDS.to_json()
    assert scope["claim_units"]["share"]["format"] == "percent"
    assert scope["claim_words"]["count"]["when"] == "2012–2014"
    assert "claim_words" not in SCOPE.to_json()
