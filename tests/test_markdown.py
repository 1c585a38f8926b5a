"""One Markdown escaper: reader's text is shown as typed and never becomes markup."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimscope.text.markdown import WORD_JOINER, escape_markdown

ANYWHERE = set("\\`*_{}[]()#!|<>~$&")  # must be backslash-escaped wherever they are
LINE_START = set("-+=")  # must be escaped at the start of a line, before a space or mark
JOINED = set(":@")  # must sit between word joiners (Streamlit acts after escapes)


def shown_as_typed(escaped: str) -> str:
    """What a reader sees: escapes resolved, invisible joiners dropped."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", escaped.replace(WORD_JOINER, ""))


def assert_inert(escaped: str) -> None:
    """No mark in `escaped` can start a Markdown construct or a Streamlit directive."""
    i, line_start = 0, True
    while i < len(escaped):
        char = escaped[i]
        if char == "\\":
            assert i + 1 < len(escaped) and not escaped[i + 1].isalnum(), escaped
            i, line_start = i + 2, False
            continue
        assert char not in ANYWHERE, (char, escaped)
        if line_start and char in LINE_START:
            assert escaped[i + 1:i + 2] not in {*LINE_START, " ", "\t", "\r", "\n", ""}, escaped
        joined = escaped[i - 1:i] == WORD_JOINER and escaped[i + 1:i + 2] == WORD_JOINER
        if char in JOINED:
            assert joined, (char, escaped)
        if char == ".":
            between_digits = escaped[i - 1:i].isdigit() and escaped[i + 1:i + 2].isdigit()
            assert joined or between_digits, escaped
        line_start = char in "\r\n" or (line_start and char in " \t")
        i += 1


CONSTRUCTS = [
    "*emphasis*", "_emphasis_", "**strong**", "__strong__", "`code`", "```\nfenced\n```",
    "~~~\nfenced\n~~~", "~~strike~~", "[link](http://evil.example)", "[ref][1]",
    "[1]: http://evil.example", "![image](http://evil.example/a.png)",
    "<http://evil.example>", "<me@evil.example>", "http://evil.example/a", "www.evil.example",
    "me@evil.example", "# heading", "###### heading", "text\n===", "text\n---", "---", "***",
    "- item", "+ item", "* item", "1. item", "12) item", "  - indented item", "> quote",
    "| a | b |\n|---|---|\n| 1 | 2 |", "<b>bold</b>", "<script>alert(1)</script>",
    "<!-- comment -->", "&amp; &#60; &lt;", "$x^2$", "$$\\int x$$", ":red[text]",
    ":blue-background[text]", ":material/home:", ":smile:", "\\*not emphasis\\*", "a\\",
    "line one\n- line two", "[x]", "{curly}", "(round)", "a | b",
]


@pytest.mark.parametrize("text", CONSTRUCTS)
def test_every_construct_streamlit_renders_is_made_inert(text: str) -> None:
    escaped = escape_markdown(text)
    assert_inert(escaped)
    assert shown_as_typed(escaped) == text


@pytest.mark.parametrize(("text", "escaped"), [
    ("12.4", "12.4"),  # a decimal point reads as typed
    ("from -5 to +5", "from -5 to +5"),  # signs inside a line have no power
    ("-5", "-5"),  # not a list item: that needs a space after the marker
    ("- 5", "\\- 5"),
    ("===", "\\==="),  # a line with a backslash underlines nothing
    ("a_b", "a\\_b"),
    ("1. a", f"1{WORD_JOINER}.{WORD_JOINER} a"),
])
def test_plain_text_stays_readable(text: str, escaped: str) -> None:
    assert escape_markdown(text) == escaped


@given(st.text(alphabet=st.characters(blacklist_characters=WORD_JOINER)))
def test_any_text_is_inert_and_shown_as_typed(text: str) -> None:
    escaped = escape_markdown(text)
    assert_inert(escaped)
    assert shown_as_typed(escaped) == text


@given(st.lists(st.sampled_from(CONSTRUCTS + [" ", "\n", "a", "7", ".", ":"]), max_size=8))
def test_constructs_run_together_are_inert(parts: list[str]) -> None:
    text = "".join(parts)
    escaped = escape_markdown(text)
    assert_inert(escaped)
    assert shown_as_typed(escaped) == text
