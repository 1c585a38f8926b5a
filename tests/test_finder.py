"""The mention finder: each written form read with its value, unit and kind, what is
probably not a claim set aside with its reason, and any text handled without error."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope.finder import find_mentions


def one(text: str) -> tuple[str, float | None, str | None, str, bool]:
    (mention,) = find_mentions(text)
    return mention.text, mention.value, mention.unit, mention.kind, mention.likely_claim


@pytest.mark.parametrize(("text", "expected"), [
    ("costs rose 12% last", ("12%", 12, "percent", "quantity", True)),
    ("a budget of £1.2bn for", ("£1.2bn", 1.2e9, "GBP", "quantity", True)),
    ("lost $2.7 million in", ("$2.7 million", 2.7e6, "USD", "quantity", True)),
    ("some 30k people", ("some 30k", 3e4, None, "quantity", True)),
    ("grew to 1.3m users", ("1.3m", 1.3e6, None, "quantity", True)),
    ("a ratio of 1:4 here", ("1:4", 0.25, "ratio", "quantity", True)),
    ("it takes 2–3 years", ("2–3", 2, None, "quantity", True)),
    ("between 5 and 10 per cent of", ("between 5 and 10 per cent", 5, "percent",
                                      "quantity", True)),
    ("a 5-10% rise", ("5-10%", 5, "percent", "quantity", True)),
    ("a dozen towns", ("a dozen", 12, None, "quantity", True)),
    ("more than 20 agencies", ("more than 20", 20, None, "quantity", True)),
    ("twenty-one schools", ("twenty-one", 21, None, "quantity", True)),
    ("three hundred and two beds", ("three hundred and two", 302, None, "quantity", True)),
    ("cut by half by", ("half", 0.5, "fraction", "quantity", True)),
    ("a third of homes", ("a third", 1 / 3, "fraction", "quantity", True)),
    ("one in five adults", ("one in five", 0.2, "fraction", "quantity", True)),
    ("prices doubled since", ("doubled", 2, "times", "quantity", True)),
    ("three times as many", ("three times", 3, "times", "quantity", True)),
    ("five per cent of", ("five per cent", 5, "percent", "quantity", True)),
    ("in 2016 the", ("2016", 2016, None, "date", True)),
    ("in March 2010 the", ("March 2010", 2010, None, "date", True)),
    ("over 2016/2017 the", ("2016/2017", 2016, None, "date", True)),
    ("in 2015-16 the", ("2015-16", 2015, None, "date", True)),
    ("in the 1990s the", ("1990s", 1990, None, "date", True)),
    ("fell by -5% then", ("-5%", -5, "percent", "quantity", True)),
    ("in its resolution 2006/46, the", ("2006/46", None, None, "quantity", False)),
    ("see Annex 2 for", ("2", 2, None, "quantity", False)),
    ("in section 3.1 we", ("3.1", 3.1, None, "quantity", False)),
    ("in paragraph 12 we", ("12", 12, None, "quantity", False)),
    ("call 0800 123 4567 now", ("0800 123 4567", None, None, "quantity", False)),
    ("at 10 Downing Street today", ("10", None, None, "quantity", False)),
    ("London SW1A 2AA today", ("SW1A 2AA", None, None, "quantity", False)),
    ("the text.<sup>3</sup> Then", ("<sup>3</sup>", None, None, "quantity", False)),
    ("as shown [3] here", ("[3]", None, None, "quantity", False)),
    ("it rose.3 Then", ("3", None, None, "quantity", False)),
    ("see page 14 for", ("14", 14, None, "quantity", False)),
    ("the 21<sup>st</sup> session", ("21<sup>st</sup>", 21, None, "quantity", False)),
    ("Action Line C5 builds", ("C5", None, None, "quantity", False)),
    ("One of the problems", ("One", 1, None, "quantity", False)),
    ("visits per 1,000 residents", ("1,000", 1000, None, "quantity", False)),
    ("the Equality Act 2010 says", ("2010", 2010, None, "date", False)),
    ("opens at 9am daily", ("9am", None, None, "quantity", False)),
])
def test_each_form_is_read_with_its_value_unit_and_judgement(text: str, expected: tuple
                                                             ) -> None:
    found = one(text)
    assert found[0] == expected[0] and found[2:] == expected[2:]
    assert found[1] == pytest.approx(expected[1]) if expected[1] is not None \
        else found[1] is None


def test_list_numbering_and_a_page_number_on_its_own_line_are_not_claims() -> None:
    found = find_mentions("1. The spread\n2. In general\n\n12\n\nIt grew by 12%.")
    assert [(m.text, m.likely_claim) for m in found] == [
        ("1", False), ("2", False), ("12", False), ("12%", True)]
    assert found[0].reason == "list numbering"


def test_a_number_again_after_the_is_a_repeat_but_a_first_mention_is_a_claim() -> None:
    found = find_mentions("Five schools replied. The five schools hold 2% of pupils.")
    assert [(m.text, m.likely_claim) for m in found] == [
        ("Five", True), ("five", False), ("2%", True)]


def test_a_change_from_one_figure_to_another_is_two_mentions_not_a_range() -> None:
    assert [m.text for m in find_mentions("rose from 5 to 8 in a year")] == ["5", "8"]


def test_every_mention_gives_a_reason() -> None:
    text = "In 2016, 12% (see Annex 2) of one in five schools, call 0800 123 4567."
    assert all(m.reason for m in find_mentions(text))


_PIECES = st.sampled_from([
    " ", "\n", ".", ",", "£", "$", "%", "-", "–", "/", ":", "<sup>", "</sup>", "[", "]",
    "1", "12", "2016", "3.5", "1,000", "one", "five", "twenty", "-one", "half", "third",
    "a", "in", "per cent", "million", "bn", "m", "k", "section", "Annex", "between", "and",
    "to", "more than", "March", "call", "0800", "Road", "the", "doubled", "times", "C",
])


@settings(deadline=None, max_examples=300)
@given(st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=40).map("".join)))
def test_any_text_gives_ordered_disjoint_spans_that_are_the_text(text: str) -> None:
    found = find_mentions(text)
    previous_end = 0
    for mention in found:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start:mention.end] == mention.text
        assert mention.start >= previous_end
        previous_end = mention.end
        assert isinstance(mention.likely_claim, bool) and mention.reason


def test_find_mentions_is_pure() -> None:
    text = "Twelve schools, 12% and £5m in 2016; see section 3."
    assert find_mentions(text) == find_mentions(text)
