"""The highlighted document: every mention marked, everything escaped, only fixed tags."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope.bundle import load_bundle
from claimscope.files.catalogue import Claim
from claimscope.files.coverage import (
    NOT_CLAIMS_FILE,
    Accounted,
    Mention,
    NotClaim,
    account,
    find_mentions,
    load_not_claims,
)
from claimscope.views.highlight import MARKS, highlight_html, legend_html

BUNDLE = load_bundle()
TEXT = BUNDLE.document.text
ACCOUNTED = account(BUNDLE.document, BUNDLE.catalogue,
                    load_not_claims(BUNDLE.document.folder / NOT_CLAIMS_FILE))
HTML = highlight_html(TEXT, ACCOUNTED)
ALLOWED_TAGS = {"div", "p", "br", "hr", "strong", "em", "u", "a", "sup", "mark"}


def tags(markup: str) -> set[str]:
    return {name.lower() for name in re.findall(r"<\s*/?\s*([A-Za-z][\w-]*)", markup)}


def marks(markup: str) -> list[str]:
    return re.findall(r"<mark [^>]*>.*?</mark>", markup)


def test_every_mention_of_the_document_is_marked_once() -> None:
    assert len(marks(HTML)) == len(ACCOUNTED) == len(find_mentions(TEXT))
    assert "\n" not in HTML  # one HTML block: Markdown must not re-read any of it
    assert tags(HTML) <= ALLOWED_TAGS


def test_marks_link_each_number_to_its_claim_and_kind() -> None:
    (seized,) = [m for m in marks(HTML) if 'data-claim="seized-images"' in m]
    assert 'data-status="reported"' in seized and ">26 million<sup" in seized
    assert "26 million (images) · Reported claim" in seized  # the tooltip: value and kind
    assert ">rep</sup>" in seized  # a text marker, not colour alone
    (years,) = [m for m in marks(HTML) if 'data-claim="deadline-years"' in m]
    assert 'data-status="derived"' in years and ">der</sup>" in years
    resolution = next(m for m in marks(HTML) if ">2006/46<" in m)
    assert 'data-status="not-a-claim"' in resolution and "resolution number" in resolution
    for claim_id in BUNDLE.catalogue.claims:
        assert f'data-claim="{claim_id}"' in HTML, claim_id
    assert {re.search(r'data-status="([^"]+)"', m).group(1) for m in marks(HTML)} == {
        "reported", "derived", "target", "date", "not-a-claim"}


def test_document_markup_becomes_fixed_tags() -> None:
    assert "<strong>Part <mark" in HTML  # the bold headings, with "One" marked inside
    assert "<em>We cannot arrest our way out of this problem.</em>" in HTML
    assert "<u>indicated</u>" in HTML  # links to "#" keep their words, lose the link
    assert '<a href="http://luxembourguidelines.org/english-version/"' in HTML
    assert ">21<sup>st</sup><sup" in HTML
    assert "<hr>" in HTML and "**" not in HTML


def test_selected_claim_is_outlined_and_no_other() -> None:
    chosen = highlight_html(TEXT, ACCOUNTED, selected="ecpat-members")
    outlined = [m for m in marks(chosen) if "outline:" in m]
    assert len(outlined) == 1 and 'data-claim="ecpat-members"' in outlined[0]
    assert "outline:" not in HTML


def _claim(**fields: str) -> Claim:
    base = dict(id="x", value=5.0, unit="forces", kind="reported", category="figures",
                who="W", when="2012", mention="5", quote="5 forces", section="Part Two")
    return Claim(**{**base, **fields})


def test_text_and_catalogue_fields_are_escaped() -> None:
    text = 'Say <script>alert(1)</script> & "5" forces <img src=x onerror=alert(1)>'
    five = text.index("5")
    item = Accounted(Mention(five, five + 1, "5"),
                     claim=_claim(who='"><script>alert(2)</script>'))
    out = highlight_html(text, [item])
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert 'title="x · 5 (forces) · Reported claim · &quot;&gt;&lt;script&gt;' in out
    assert tags(out) <= ALLOWED_TAGS


def test_a_not_claim_reason_is_escaped_too() -> None:
    item = Accounted(Mention(0, 1, "1"), not_claim=NotClaim(text="1", context="1.",
                                                               reason='<b onclick="x">'))
    out = highlight_html("1. a", [item])
    assert "<b " not in out and "&lt;b onclick=&quot;x&quot;&gt;" in out


@pytest.mark.parametrize("text", [
    "[x](javascript:alert(1))", "<javascript:alert(1)>", "[x](data:text/html,hi)",
    '<a href="javascript:alert(1)">x</a>', "<https://e.org/\"onmouseover=alert(1)>",
])
def test_only_plain_web_links_become_links(text: str) -> None:
    out = highlight_html(text, [])
    assert "javascript:" not in re.sub(r"&[^;]+;", "", "".join(re.findall(r'href="[^"]*"', out)))
    assert "onmouseover=" not in "".join(re.findall(r"<a [^>]*>", out))
    assert tags(out) <= ALLOWED_TAGS


@settings(deadline=None)  # timing varies on a shared machine; the property is what matters
@given(st.lists(st.sampled_from([*"ab 5<>&\"'*[]()#/:\n-", "sup", "http", "<sup>", "</sup>",
                                  "https://", "javascript:", "**"]), max_size=40).map("".join))
def test_any_text_yields_only_the_fixed_tags(text: str) -> None:
    mentions = find_mentions(text)
    out = highlight_html(text, [Accounted(m) for m in mentions])
    assert tags(out) <= ALLOWED_TAGS
    assert len(marks(out)) == len(mentions)
    assert "\n" not in out


def test_placeholder_characters_in_the_text_show_as_replacement_characters() -> None:
    text = "a \ue000 b \ue001 12 c"
    [mention] = [m for m in find_mentions(text) if m.text == "12"]
    out = highlight_html(text, [Accounted(mention)])
    assert "\ue000" not in out and "\ue001" not in out and out.count("\ufffd") == 2
    assert len(marks(out)) == 1 and ">12<sup" in out


def test_legend_names_every_kind_with_its_marker() -> None:
    legend = legend_html()
    for mark in MARKS.values():
        assert mark.label in legend and f">{mark.tag}</sup>" in legend
