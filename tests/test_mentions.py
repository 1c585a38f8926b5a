"""Coverage (README, "Adding a document"): the number detector, and every number in the document
accounted."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimscope.bundle import load_bundle
from claimscope.files.coverage import (
    NOT_CLAIMS_FILE,
    account,
    context_places,
    coverage_problems,
    coverage_summary,
    find_mentions,
    load_not_claims,
    mentions_frame,
)
from claimscope.files.schema import DataError
from claimscope.text.numbers import numbers_in

BUNDLE = load_bundle()
DOCUMENT = BUNDLE.document
CATALOGUE = BUNDLE.catalogue
NOT_CLAIMS = load_not_claims(DOCUMENT.folder / NOT_CLAIMS_FILE)


def texts(text: str) -> list[str]:
    return [m.text for m in find_mentions(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("contained 7.25% of the entire population", ["7.25%"]),
    ("seized 26 million images", ["26 million"]),
    ("five forces replied", ["five"]),
    ("in its resolution 2006/46, to the", ["2006/46"]),
    ("to the 21<sup>st</sup> session", ["21<sup>st</sup>"]),
    ("Guidelines”.<sup>1</sup> 2017 has seen", ["<sup>1</sup>", "2017"]),
    ("**Twenty-first session", ["Twenty-first"]),
    ("A brief (1–2 pages)", ["1–2"]),
    ('Action Line C5 "Building', ["C5"]),
    ("as many as 100,000 men", ["100,000"]),
    ("linked to SDGs 16.2, 5.3 and 8.7", ["16.2", "5.3", "8.7"]),
    ("during the period March, 2010 to April, 2012.", ["2010", "2012"]),
    ("summary (half a page)", ["half"]),
    ("more than 20 international agencies", ["20"]),
    ("two million people and Three", ["two million", "Three"]),
    ("a five-year plan", ["five"]),
    ("a one-to-one talk", ["one", "one"]),
    ("the 3rd and 4th", ["3rd", "4th"]),
    ("1. The spread\n2. In general", ["1", "2"]),
    ("often someone alone has done a multi-year tone", []),
    ("ICTs, COP, WSIS and SAIEVAC", []),
])
def test_detector_reads_numbers_as_written(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@given(st.integers(min_value=0, max_value=10**12))
def test_any_grouped_integer_is_one_mention_with_its_value(n: int) -> None:
    (mention,) = find_mentions(f"about {n:,} images.")
    assert mention.text == f"{n:,}"
    assert numbers_in(mention.text) == [n]


@given(st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyz .,;"), max_size=60),
       st.sampled_from(["5", "7.25%", "five", "Twenty-first", "2006/46", "26 million"]))
def test_a_number_among_words_is_found_at_its_place(words: str, number: str) -> None:
    text = f"{words} {number} {words}"
    start, end = len(words) + 1, len(words) + 1 + len(number)
    assert any(m.start <= start and end <= m.end for m in find_mentions(text))


def test_detector_finds_the_documents_numbers() -> None:
    mentions = find_mentions(DOCUMENT.text)
    found = [m.text for m in mentions]
    assert len(mentions) >= 40
    for number in ("7.25%", "26 million", "300 million", "five", "four", "2006/46",
                   "Twenty-first", "21<sup>st</sup>", "<sup>1</sup>", "half", "50,000",
                   "100,000", "103", "93", "16.2", "5.3", "5.2", "14", "2030", "three"):
        assert number in found, number
    assert found.count("five") == 2 and found.count("50,000") == 2
    assert all(DOCUMENT.text[m.start:m.end] == m.text for m in mentions)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


def test_every_number_in_the_document_is_accounted_for() -> None:
    assert coverage_problems(DOCUMENT, CATALOGUE, NOT_CLAIMS) == []


def test_each_number_goes_to_the_claim_that_quotes_it() -> None:
    by_place = {(a.mention.text, a.mention.start): a for a in
                account(DOCUMENT, CATALOGUE, NOT_CLAIMS)}
    fives = sorted((start, a) for (text, start), a in by_place.items() if text == "five")
    assert fives[0][1].claim.id == "forces-replied"
    assert fives[1][1].status == "not-a-claim"
    claim_of = {a.mention.text: a.claim.id for a in by_place.values() if a.claim}
    assert claim_of["26 million"] == "seized-images"
    assert claim_of["7.25%"] == "population-share"
    assert claim_of["5.3"] == "sdg-5-3" and claim_of["5.2"] == "sdg-target-5-2"
    statuses = {a.status for a in by_place.values()}
    assert statuses == {"reported", "derived", "target", "date", "not-a-claim"}


def test_a_number_added_to_the_text_is_reported_with_its_context() -> None:
    text = DOCUMENT.text.replace("is very uneven.", "is very uneven in 12 regions.")
    problems = coverage_problems(dataclasses.replace(DOCUMENT, text=text), CATALOGUE,
                                 NOT_CLAIMS)
    assert problems == ["the number '12' is neither a claim nor listed as not a claim: "
                        "… activities is very uneven in [12] regions. 2. In general in mos…"]


def test_dropping_a_not_claim_entry_leaves_its_number_unaccounted() -> None:
    kept = tuple(n for n in NOT_CLAIMS if n.text != "2006/46")
    (problem,) = coverage_problems(DOCUMENT, CATALOGUE, kept)
    assert "'2006/46'" in problem and "resolution [2006/46]" in problem


@pytest.mark.parametrize(("entry", "expected"), [
    ({"context": "resolution 2006/47"}, "does not occur in the document"),
    ({"context": "five"}, "occurs more than once"),
    ({"text": "2007"}, "no number '2007' is found"),
])
def test_stale_not_claim_entries_are_reported(entry: dict, expected: str) -> None:
    resolution = next(n for n in NOT_CLAIMS if n.text == "2006/46")
    bad = resolution.model_copy(update=entry)
    problems = coverage_problems(DOCUMENT, CATALOGUE, (*NOT_CLAIMS, bad))
    assert any(expected in p for p in problems), problems


@pytest.mark.parametrize(("text", "context", "places"), [
    ("in resolution 2006/46 of", "resolution 2006/46", [(3, 21)]),
    ("in resolution\n2006/46 of", "resolution 2006/46", [(3, 21)]),  # the text wraps
    ("in resolution 2006/46 of", "resolution\n   2006/46", [(3, 21)]),  # the context does
    ("a 5, b 5", "5", [(2, 3), (7, 8)]),
    ("aaa", "aa", [(0, 2), (1, 3)]),  # overlapping places count: the context is not unique
    ("resolution2006/46", "resolution 2006/46", []),  # a space is not nothing
    ("anything", "   ", []),
])
def test_a_context_is_found_whatever_its_spaces_and_line_breaks(
        text: str, context: str, places: list[tuple[int, int]]) -> None:
    assert context_places(text, context) == places


@given(st.lists(st.text("abc5 ", min_size=1, max_size=4), min_size=1, max_size=6),
       st.lists(st.sampled_from([" ", "\n", "  ", "\n  "]), min_size=5, max_size=5))
def test_a_context_rewrapped_finds_the_same_place(words: list[str], gaps: list[str]) -> None:
    words = [w for word in words for w in word.split()] or ["5"]
    text = "x " + " ".join(words) + " y"
    rewrapped = "".join(w + gaps[i % len(gaps)] for i, w in enumerate(words)).strip()
    assert context_places(text, rewrapped) == context_places(text, " ".join(words))


def test_a_not_claim_context_copied_with_other_line_breaks_still_covers_its_number() -> None:
    resolution = next(n for n in NOT_CLAIMS if n.text == "2006/46")
    rewrapped = resolution.model_copy(update={"context": resolution.context.replace(" ", "\n")})
    others = tuple(n for n in NOT_CLAIMS if n is not resolution)
    assert coverage_problems(DOCUMENT, CATALOGUE, (*others, rewrapped)) == []


def test_not_claims_carry_a_reason_and_load_through_the_schema(tmp_path: Path) -> None:
    assert len(NOT_CLAIMS) >= 20
    assert all(n.reason and n.text in n.context for n in NOT_CLAIMS)
    path = tmp_path / NOT_CLAIMS_FILE
    path.write_text("not_claims:\n  - text: '1'\n    context: '1. The spread'\n",
                    encoding="utf-8")
    with pytest.raises(DataError, match=r"not_claims.yaml, record 1, field 'reason'"):
        load_not_claims(path)


def test_mentions_frame_has_one_row_per_mention_with_its_claim_or_reason() -> None:
    accounted = account(DOCUMENT, CATALOGUE, NOT_CLAIMS)
    frame = mentions_frame(DOCUMENT, accounted)
    assert len(frame) == len(accounted)
    row = frame.loc[frame["number"] == "7.25%"].iloc[0]
    assert (row["claim_id"], row["value"], row["section"], row["reason"]) == (
        "population-share", "7.25%", "Part Two", "")
    footnotes = frame.loc[frame["number"] == "<sup>1</sup>"]
    assert list(footnotes["status"]) == ["not-a-claim"] * 2
    assert all(footnotes["reason"].str.startswith("Footnote"))


def test_coverage_summary_counts_and_names_the_hash() -> None:
    accounted = account(DOCUMENT, CATALOGUE, NOT_CLAIMS)
    summary = coverage_summary(DOCUMENT, CATALOGUE, accounted, [])
    assert summary.startswith(f"{len(CATALOGUE.claims)} claims; {len(accounted)} numeric "
                              "mentions in the document: ")
    assert "all accounted for" in summary and DOCUMENT.sha256 in summary
    failing = coverage_summary(DOCUMENT, CATALOGUE, accounted, ["a problem"])
    assert "1 problem(s) found" in failing and "all accounted for" not in failing
