"""The claims catalogue: every claim traces to the document's words (README, "Adding a
document")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from claimscope.bundle import load_bundle
from claimscope.files.catalogue import Catalogue, load_catalogue, provenance_problems
from claimscope.files.schema import DataError
from claimscope.text.numbers import numbers_in

BUNDLE = load_bundle()
CATALOGUE = BUNDLE.catalogue
DOCUMENT = BUNDLE.document
TEXT = DOCUMENT.text

# Ids other parts of the app rely on, with the value each must keep.
STABLE_IDS = {
    "forces-replied": 5, "seized-images": 26e6, "population-share": 7.25,
    "national-total-claim": 300e6, "window-start": 2010, "window-end": 2012,
    "offenders-2014": 50_000, "offenders-2016-2017": 100_000, "ecpat-members": 103,
    "ecpat-countries": 93, "sdg-deadline": 2030,
}

# (id, value, kind, section, date or None) for the claims the brief asks for by name.
EXPECTED = [
    ("itu-guides", 4, "reported", "Part One", None),
    ("luxembourg-completed", 2016, "date", "Part One", "2016"),
    ("luxembourg-agencies", 20, "reported", "Part One", "2016"),
    ("luxembourg-references", 2017, "date", "Part One", "2017"),
    ("agenda-2030", 2030, "target", "Part Two", "2030"),
    ("sdg-16-2", 16.2, "target", "Part Two", None),
    ("sdg-5-3", 5.3, "target", "Part Two", None),
    ("sdg-8-7", 8.7, "target", "Part Two", None),
    ("nspcc-publication", 2012, "date", "Part Two", "2012-10"),
    ("window-start", 2010, "date", "Part Two", "2010-03"),
    ("window-end", 2012, "date", "Part Two", "2012-04"),
    ("nca-statement", 2014, "date", "Part Two", "2014-10"),
    ("bailey-statement-2016", 2016, "date", "Part Two", "2016"),
    ("bailey-statement-2017", 2017, "date", "Part Two", "2017"),
    ("sdgs-adopted", 2015, "date", "Part Three", "2015-09"),
    ("sdg-targets-count", 3, "reported", "Part Three", None),
    ("sdg-target-5-2", 5.2, "target", "Part Three", None),
    ("sdg-target-8-7", 8.7, "target", "Part Three", None),
    ("sdg-target-16-2", 16.2, "target", "Part Three", None),
    ("deadline-years", 14, "derived", "Part Three", None),
    ("sdg-deadline", 2030, "target", "Part Three", "2030"),
    ("campaign-launch", 2016, "date", "Part Three", "2016"),
    ("campaign-operational", 2018, "target", "Part Three", "2018"),
    ("saievac-roundtable", 2016, "date", "Part Three", "2016-03"),
    ("online-programme", 2014, "date", "Part Three", "2014"),
    ("programme-action-lines", 3, "reported", "Part Three", None),
    ("rome-conference", 2017, "date", "Part Three", "2017"),
]


def test_the_shipped_catalogue_has_no_provenance_problem() -> None:
    assert provenance_problems(CATALOGUE, DOCUMENT) == []
    assert BUNDLE.integrity_problems() == []


@pytest.mark.parametrize(("claim_id", "value"), STABLE_IDS.items())
def test_ids_other_pages_rely_on_keep_their_values(claim_id: str, value: float) -> None:
    assert CATALOGUE.value(claim_id) == value


@pytest.mark.parametrize(("claim_id", "value", "kind", "section", "date"), EXPECTED,
                         ids=[row[0] for row in EXPECTED])
def test_named_claims_are_catalogued(claim_id: str, value: float, kind: str, section: str,
                                     date: str | None) -> None:
    claim = CATALOGUE[claim_id]
    assert (claim.value, claim.kind, claim.section, claim.date) == (value, kind, section, date)


@pytest.mark.parametrize("claim", CATALOGUE.claims.values(), ids=lambda c: c.id)
def test_each_claim_quotes_the_document_once_and_shows_its_value(claim) -> None:
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", claim.id), "ids are kebab-case"
    assert TEXT.count(claim.quote) == 1
    assert claim.mention in claim.quote
    assert claim.value in numbers_in(claim.mention)
    assert DOCUMENT.section_at(TEXT.find(claim.quote)) == claim.section
    assert claim.who.strip() and claim.when.strip()


@pytest.mark.parametrize("claim", CATALOGUE.claims.values(), ids=lambda c: c.id)
def test_dates_are_plottable_between_2010_and_2030(claim) -> None:
    if claim.kind == "date":
        assert claim.date is not None, "every date claim needs a date for the timeline"
    if claim.date is None:
        return
    match = re.fullmatch(r"(\d{4})(?:-(0[1-9]|1[0-2]))?", claim.date)
    assert match, claim.date
    assert 2010 <= int(match.group(1)) <= 2030
    if claim.kind == "date" or claim.unit == "year":
        assert int(match.group(1)) == claim.value


def test_bounds_are_said_in_the_notes() -> None:
    assert "lower bound" in CATALOGUE["luxembourg-agencies"].note
    assert "lower bound" in CATALOGUE["offenders-2014"].note
    assert "upper" in CATALOGUE["offenders-2016-2017"].note
    assert "2030 − 2016" in CATALOGUE["deadline-years"].note


def test_frame_has_one_row_per_claim_in_document_order() -> None:
    frame = CATALOGUE.frame()
    assert list(frame["id"]) == list(CATALOGUE.claims)
    offsets = [TEXT.find(c.quote) + c.quote.find(c.mention) for c in CATALOGUE.claims.values()]
    assert offsets == sorted(offsets)


def _with(claim_id: str, **changes) -> Catalogue:
    claims = dict(CATALOGUE.claims)
    claims[claim_id] = claims[claim_id].model_copy(update=changes)
    return Catalogue(claims)


@pytest.mark.parametrize(("changes", "expected"), [
    ({"quote": "seized 27 million images"}, "does not occur verbatim"),
    ({"mention": "26 billion"}, "is not inside the quote"),
    ({"value": 25e6}, "cannot be read"),
    ({"section": "Part Three"}, "is in Part Two, not Part Three"),
])
def test_provenance_check_catches_each_kind_of_drift(changes: dict, expected: str) -> None:
    problems = provenance_problems(_with("seized-images", **changes), DOCUMENT)
    assert len(problems) == 1 and expected in problems[0] and "seized-images" in problems[0]


def test_provenance_check_asks_for_a_longer_quote_when_it_repeats() -> None:
    catalogue = _with("forces-replied", quote="five forces")
    assert provenance_problems(catalogue, DOCUMENT) == [
        "forces-replied: the quote occurs more than once; lengthen it"]


def test_a_bad_record_is_named_by_file_record_and_field(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text("claims:\n  - id: x\n    value: 1\n    unit: u\n    kind: guessed\n"
                    "    category: network\n    who: w\n    when: 2018\n    mention: '1'\n"
                    "    quote: q\n    section: Part One\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"claims.yaml, record x, field 'kind'"):
        load_catalogue(path)
