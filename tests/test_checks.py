"""Consistency checks as data (checks.yaml, README "Adding a document"): numbers,
verdicts, that they follow the catalogue and the reader's assumptions, and that a bad file
is refused in words."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope.bundle import DATA_DIR, load_bundle
from claimscope.files.catalogue import Catalogue
from claimscope.files.checks import VERDICTS, Check, checks_frame
from claimscope.files.schema import DataError
from claimscope.model.checks_file import CHECKS_FILE, evaluate_checks, load_checks

BUNDLE = load_bundle()
CATALOGUE = BUNDLE.catalogue
MODEL = BUNDLE.model
YEAR = BUNDLE.document.meta["date"]
FOLDER = BUNDLE.document.folder


def changed(**values: float) -> Catalogue:
    """The catalogue with some claims' values replaced (ids spelled with underscores)."""
    claims = dict(CATALOGUE.claims)
    for name, value in values.items():
        claim_id = name.replace("_", "-")
        claims[claim_id] = claims[claim_id].model_copy(update={"value": value})
    return Catalogue(claims, CATALOGUE.vocabulary)


def checks(catalogue: Catalogue = CATALOGUE) -> dict[str, Check]:
    specs = load_checks(FOLDER / CHECKS_FILE, catalogue, MODEL, YEAR)
    return {c.id: c for c in evaluate_checks(specs, MODEL, catalogue, MODEL.defaults())}


CHECKS = checks()


def test_no_document_folder_contains_python() -> None:
    folders = [DATA_DIR, DATA_DIR.parent / "tests" / "fixtures"]
    code = [path for folder in folders for path in folder.rglob("*")
            if path.suffix in (".py", ".pyc", ".pyw") or path.name == "__pycache__"]
    assert code == []


def test_every_check_has_a_known_verdict_and_names_real_claims() -> None:
    assert list(CHECKS) == ["extrapolation", "window", "offender-growth", "sdg-targets",
                            "network", "targets-count", "deadline"]
    for check in CHECKS.values():
        assert check.verdict in VERDICTS
        assert check.title and check.formula and check.result and check.explanation
        assert all(claim_id in CATALOGUE.claims for claim_id in check.claims), check.id
        for quote in check.statement.split(" … "):
            assert " ".join(quote.strip("“”").split()) in " ".join(
                BUNDLE.document.text.split()), check.id
        assert not check.follows_reader  # ECPAT's checks read the document's numbers only


def test_extrapolation_is_358_6_million_and_consistent_with_over_300_million() -> None:
    check = CHECKS["extrapolation"]
    assert check.value == pytest.approx(26e6 / 0.0725)
    assert check.formula == "images seized ÷ (population share ÷ 100) ≥ claimed"
    assert check.result == "358.6 million images"
    assert check.verdict == "consistent"
    assert "359 million" in check.explanation
    assert '"something like 360 million"' in check.explanation
    assert "johnc1912.wordpress.com" in check.explanation  # the context figure's source
    assert "in excess of 300 million" in check.statement


def test_extrapolation_follows_the_catalogue() -> None:
    assert checks(changed(seized_images=52e6))["extrapolation"].result == "717.2 million images"
    moved = checks(changed(national_total_claim=400e6))["extrapolation"]
    assert moved.verdict == "inconsistent" and "below the document's lower bound" in \
        moved.explanation


def test_window_is_26_months_and_matches_the_projection_default() -> None:
    check = CHECKS["window"]
    assert (check.value, check.result, check.verdict) == (26, "26 months", "note")
    assert check.value == BUNDLE.inputs["months"].default
    assert "it is 25" in check.explanation


def test_offender_estimates_double_in_two_to_three_years() -> None:
    check = CHECKS["offender-growth"]
    assert check.value == 2.0
    assert check.result == "×2 in 2–3 years: 26% to 41.4% a year"
    assert "2 (2014–2016) or 3 (2014–2017)" in check.explanation
    assert check.verdict == "note"
    assert "lower bound" in check.explanation and "upper" in check.explanation
    assert "count different things" in check.explanation
    grown = checks(changed(offenders_2016_2017=200_000))["offender-growth"]
    assert grown.value == 4.0 and "58.7% to 100% a year" in grown.result


def test_part_two_names_5_3_where_part_three_quotes_5_2() -> None:
    check = CHECKS["sdg-targets"]
    assert check.verdict == "inconsistent"
    assert check.result == "Part Two names 5.3, Part Three quotes 5.2"
    assert "elimination of all forms of violence against all women and girls" in check.statement
    assert "female genital mutilation" in check.explanation  # what 5.3 is actually about
    fixed = checks(changed(sdg_5_3=5.2))["sdg-targets"]
    assert fixed.verdict == "consistent" and "same targets" in fixed.explanation


def test_103_members_in_93_countries_share_between_1_and_10_countries() -> None:
    check = CHECKS["network"]
    assert check.result == "between 1 and 10 countries have more than one member"
    assert (check.value, check.verdict) == (10, "consistent")
    assert "which then has 11" in check.explanation
    assert checks(changed(ecpat_countries=100))["network"].value == 3
    assert checks(changed(ecpat_countries=110))["network"].verdict == "inconsistent"


def test_three_sdg_targets_are_the_three_quoted() -> None:
    check = CHECKS["targets-count"]
    assert (check.value, check.verdict) == (3, "consistent")
    assert check.explanation.endswith("targets 5.2, 8.7, 16.2.")
    assert checks(changed(sdg_targets_count=4))["targets-count"].verdict == "inconsistent"


def test_2016_plus_14_years_is_2030() -> None:
    check = CHECKS["deadline"]
    assert (check.value, check.result, check.verdict) == (2030, "2030", "consistent")
    assert check.formula == "start + years = deadline"
    assert "12 years were left" in check.explanation
    assert checks(changed(deadline_years=12))["deadline"].verdict == "inconsistent"


def test_frame_has_one_row_per_check_and_rejects_unknown_verdicts() -> None:
    frame = checks_frame(list(CHECKS.values()))
    assert list(frame["id"]) == list(CHECKS)
    assert frame.loc[frame["id"] == "sdg-targets", "verdict"].item() == "inconsistent"
    assert frame.loc[frame["id"] == "network", "claims"].item() == "ecpat-members, ecpat-countries"
    with pytest.raises(ValueError, match="unknown verdict"):
        dataclasses.replace(CHECKS["window"], verdict="fine")


GOOD = {"id": "c", "title": "T", "claims": {"members": "ecpat-members"}, "value": "members",
        "relation": "at_least", "against": "1", "result": "{value|human}",
        "explanation": "Words."}


@pytest.mark.parametrize(("changes", "problem"), [
    ({"value": "__import__('os').system('x')"}, "calls something other than a function"),
    ({"value": "open('x')"}, "calls 'open'"),
    ({"value": "members.real"}, "attributes"),
    ({"value": "members > 1"}, "a condition"),
    ({"value": "nobody + 1"}, "names unknown 'nobody'"),
    ({"value": "1 / 0"}, "not a finite real number"),
    ({"value": "x" * 600}, "too long"),
    ({"claims": {"members": "no-such-claim"}}, "unknown claim 'no-such-claim'"),
    ({"claims": {"seized": "ecpat-members"}}, "cannot name a number here"),
    ({"claims": {"a-b": "ecpat-members"}}, "cannot name a number here"),
    ({"also": {"low": "members"}}, "is already a figure of every check"),
    ({"relation": "maybe"}, "relation"),
    ({"relation": "within", "against": None}, "low"),
    ({"against": None}, "against"),
    ({"tolerance": -1}, "tolerance"),
    ({"result": "{nothing}"}, "nothing"),
    ({"result": "{value|eval}"}, "eval"),
    ({"explanation": "{value"}, "is not {name}"),
    ({"months": {"m": "ecpat-members"}}, "has no month"),
    ({"counts": {"n": ["no-such-claim"]}}, "unknown claim"),
    ({"run": "python"}, "run"),
])
def test_a_bad_check_is_refused_naming_file_record_and_field(tmp_path: Path, changes: dict,
                                                             problem: str) -> None:
    record = {**GOOD, **changes}
    path = tmp_path / CHECKS_FILE
    path.write_text(yaml.safe_dump({"checks": [{k: v for k, v in record.items()
                                                if v is not None}]}), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_checks(path, CATALOGUE, MODEL, YEAR)
    assert problem in str(caught.value) and CHECKS_FILE in str(caught.value)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_text_as_a_check_formula_loads_or_is_a_data_error(tmp_path_factory, text: str
                                                               ) -> None:
    path = tmp_path_factory.mktemp("checks") / CHECKS_FILE
    path.write_text(yaml.safe_dump({"checks": [{**GOOD, "value": text}]}), encoding="utf-8")
    try:
        specs = load_checks(path, CATALOGUE, MODEL, YEAR)
    except DataError as exc:
        assert CHECKS_FILE in str(exc)
        return
    [check] = evaluate_checks(specs, MODEL, CATALOGUE, MODEL.defaults())
    assert check.verdict in VERDICTS


def test_a_check_over_the_model_follows_the_readers_assumptions(tmp_path: Path) -> None:
    path = tmp_path / CHECKS_FILE
    record = {**GOOD, "id": "m", "claims": {"claimed": "national-total-claim"},
              "value": "national", "against": "claimed", "result": "{value|human}"}
    path.write_text(yaml.safe_dump({"checks": [record]}), encoding="utf-8")
    specs = load_checks(path, CATALOGUE, MODEL, YEAR)
    [at_defaults] = evaluate_checks(specs, MODEL, CATALOGUE, MODEL.defaults())
    [moved] = evaluate_checks(specs, MODEL, CATALOGUE, {**MODEL.defaults(), "unique": 50})
    assert at_defaults.follows_reader and at_defaults.verdict == "consistent"
    assert moved.verdict == "inconsistent" and moved.value < at_defaults.value
