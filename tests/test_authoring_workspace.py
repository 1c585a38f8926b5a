"""The pure parts behind "Examine your own document": decisions and the catalogue they
make (coverage by construction), paging, the folder the editor makes (it loads, serves
from a path and comes back from its zip), the fault marked under a formula."""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import replace
from io import BytesIO
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope.authoring.decisions import Kept, SetAside, claim_id, decided, prefilled, who_in
from claimscope.authoring.folder_zip import folder_zip, read_folder_zip
from claimscope.authoring.model_draft import CheckDraft, claim_name, formula_problems, marked
from claimscope.authoring.reader_folder import reader_bundle
from claimscope.authoring.restore import restored
from claimscope.authoring.review import PER_PAGE, matching, page_count, page_of
from claimscope.authoring.shapes import BY_ID, Pick, fill
from claimscope.authoring.workspace import About, NothingKept, folder_files, folder_id
from claimscope.bundle import load_bundle
from claimscope.finder import find_mentions
from tests.your_document import TEXT, long_text

SHA = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
MENTIONS = tuple(find_mentions(TEXT))


def _number(text: str) -> int:
    return next(n for n, m in enumerate(MENTIONS) if m.text == text)


def _claim(text: str) -> str:
    return claim_id(_number(text))


def _model():
    """Pro rata: 48,000 loans at branches serving 12.5% of residents."""
    picks = {"sample_count": Pick(48000, "count", _claim("48,000")),
             "sample_share": Pick(12.5, "percent", _claim("12.5%"))}
    return fill(BY_ID["pro_rata"], picks, _claim("1,900"))


def test_a_kept_number_is_prefilled_from_its_sentence() -> None:
    kept = prefilled(TEXT, MENTIONS, MENTIONS[_number("12.5%")])
    assert kept == Kept(12.5, "percent", "reported", "figures",
                        "the Northby Library Service", "Not stated")
    dated = prefilled(TEXT, MENTIONS, MENTIONS[_number("48,000")])
    assert dated.when == "2024" and dated.who == "The Northby Library Service"
    assert who_in("It rose by 5% in 2020.") is None


def test_every_number_is_a_claim_or_set_aside_and_the_folder_validates() -> None:
    decisions = {_number("48,000"): SetAside("a count of loans, not examined")}
    files = folder_files(TEXT, SHA, About("Loans"), MENTIONS, decisions, None)
    data = reader_bundle("test/loans", files)
    assert data.integrity_problems() == []
    assert _claim("48,000") not in data.catalogue.claims
    assert ("48,000", "a count of loans, not examined") in {
        (n.text, n.reason) for n in data.not_claims}
    assert ("0300", "a phone number") in {(n.text, n.reason) for n in data.not_claims}


def test_claim_ids_stay_whatever_else_is_decided() -> None:
    first = folder_files(TEXT, SHA, About("Loans"), MENTIONS, {}, _model())
    aside = {_number("four"): SetAside("not a figure examined")}
    second = folder_files(TEXT, SHA, About("Loans"), MENTIONS, aside, _model())
    assert reader_bundle("a", first).model.headline == reader_bundle("b", second).model.headline
    assert _claim("12.5%") in reader_bundle("b", second).catalogue.claims


def test_setting_every_number_aside_leaves_nothing_to_examine() -> None:
    everything = {number: SetAside("no") for number in range(len(MENTIONS))}
    with pytest.raises(NothingKept):
        folder_files(TEXT, SHA, About("Loans"), MENTIONS, everything, None)


def test_undecided_numbers_follow_the_finder() -> None:
    found = decided(TEXT, MENTIONS, {})
    phone = next(n for n, m in enumerate(MENTIONS) if not m.likely_claim)
    assert isinstance(found[phone], SetAside) and found[phone].reason == MENTIONS[phone].reason
    assert isinstance(found[_number("48,000")], Kept)


def test_a_filter_and_pages_of_twenty() -> None:
    text = long_text()
    found = find_mentions(text)
    assert len(found) >= 300
    decisions = {0: SetAside("x"), 5: SetAside("y")}
    assert matching(found, decisions, "decided") == [0, 5]
    undecided = matching(found, decisions, "undecided")
    assert len(undecided) == len(found) - 2
    assert page_count(len(undecided)) == -(-len(undecided) // PER_PAGE)
    assert page_of(undecided, 1) == undecided[:PER_PAGE]
    assert page_of(undecided, 999) == undecided[(page_count(len(undecided)) - 1) * PER_PAGE:]
    assert page_of([], 3) == []


def test_the_fault_is_marked_under_the_formula() -> None:
    model = _model()
    broken = model.outputs[0].__class__("total", "Total", "count",
                                        "sample_count / (sample_shar * recorded_share)")
    problems = formula_problems(model.__class__(model.inputs, (broken,), "total", model.claim))
    (problem,) = problems
    shown = marked(broken.formula, problem.start, problem.end)
    line, marks = shown.split("\n")
    assert line[marks.index("^"):len(marks)] == "sample_shar"
    assert marked("a\r\nb", 3, 4) == "a  b\n   ^"


@settings(deadline=None, max_examples=60)
@given(st.text(max_size=40), st.integers(-5, 50), st.integers(-5, 50))
def test_marks_always_sit_under_the_text(text: str, start: int, end: int) -> None:
    line, marks = marked(text, start, end).split("\n")
    assert "\n" not in line and set(marks) <= {" ", "^"} and "^" in marks
    assert len(line) == len(text)


def _checked_model():
    """The pro rata model with a validity condition and a check over a claim."""
    drafted = _model()
    [total] = drafted.outputs
    share = claim_name(_claim("12.5%"))
    return replace(drafted, outputs=(replace(total, valid_when="sample_share > 1",
                                             invalid_words="too small a sample"),),
                   checks=(CheckDraft("The share is at most half", share, "at_most", "50"),))


def test_the_exported_zip_is_a_folder_the_app_serves_and_opens_again(tmp_path: Path) -> None:
    files = folder_files(TEXT, SHA, About("Loans", "A. Reader", "Northby", 2024), MENTIONS,
                         {_number("four"): SetAside("the branches, not a figure")},
                         _checked_model())
    data = folder_zip(folder_id(SHA), files)
    with zipfile.ZipFile(BytesIO(data)) as archive:
        archive.extractall(tmp_path)
    folder = tmp_path / folder_id(SHA)
    served = load_bundle(folder)
    assert served.integrity_problems() == []
    assert served.model.headline == "total" and len(served.checks) == 1
    back = restored(read_folder_zip(data))
    assert back.text == TEXT and back.notices == ()
    made = _checked_model()
    assert (back.model.outputs, back.model.checks, back.model.claim) == \
        (made.outputs, made.checks, made.claim)
    assert back.about == About("Loans", "A. Reader", "Northby", 2024, back.about.where)
    again = folder_files(back.text, SHA, back.about, MENTIONS, back.decisions, back.model)
    assert again == files
