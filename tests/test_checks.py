"""Consistency checks (README, "Adding a document"): numbers, verdicts, and that they follow the
catalogue."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimscope.bundle import load_bundle
from claimscope.context.sample_units import SAMPLE_UNITS_FILE, load_sample_units
from claimscope.files import document_code
from claimscope.files.catalogue import Catalogue
from claimscope.files.checks import VERDICTS, Check, checks_frame, months_inclusive

BUNDLE = load_bundle()
CATALOGUE = BUNDLE.catalogue
MODEL = BUNDLE.model
YEAR = BUNDLE.document.meta["date"]
CONTEXT = load_sample_units(BUNDLE.document.folder / SAMPLE_UNITS_FILE, CATALOGUE)
# The ECPAT document's own checks (its checks.py), run here on edited catalogues.
DOCUMENT_CHECKS = document_code.load_module(BUNDLE.document.folder, "checks")


def consistency_checks(catalogue: Catalogue, context: object = CONTEXT) -> list[Check]:
    return DOCUMENT_CHECKS.consistency_checks(catalogue, MODEL, YEAR, context, BUNDLE.pages)


def checks(catalogue: Catalogue = CATALOGUE) -> dict[str, Check]:
    return {c.id: c for c in consistency_checks(catalogue)}


def changed(**values: float) -> Catalogue:
    """The catalogue with some claims' values replaced (ids spelled with underscores)."""
    claims = dict(CATALOGUE.claims)
    for name, value in values.items():
        claim_id = name.replace("_", "-")
        claims[claim_id] = claims[claim_id].model_copy(update={"value": value})
    return Catalogue(claims)


CHECKS = checks()


def test_every_check_has_a_known_verdict_and_names_real_claims() -> None:
    assert list(CHECKS) == ["extrapolation", "window", "offender-growth", "sdg-targets",
                            "network", "targets-count", "deadline"]
    for check in CHECKS.values():
        assert check.verdict in VERDICTS
        assert check.title and check.formula and check.result and check.explanation
        assert all(claim_id in CATALOGUE.claims for claim_id in check.claims), check.id
        for quote in check.statement.split(" … "):
            assert quote.strip("“”") in BUNDLE.document.text, check.id


def test_extrapolation_is_358_6_million_and_consistent_with_over_300_million() -> None:
    check = CHECKS["extrapolation"]
    assert check.value == pytest.approx(26e6 / 0.0725)
    assert check.formula.endswith("26 million ÷ 7.25%")
    assert check.result == "358.6 million images"
    assert check.verdict == "consistent"
    assert "359 million" in check.explanation
    assert '"something like 360 million"' in check.explanation
    assert "johnc1912.wordpress.com" in check.explanation  # the context figure's source
    assert "in excess of 300 million" in check.statement


def test_extrapolation_follows_the_catalogue() -> None:
    check = checks(changed(seized_images=52e6))["extrapolation"]
    assert check.result == "717.2 million images"
    assert checks(changed(national_total_claim=400e6))["extrapolation"].verdict == "inconsistent"
    no_context = consistency_checks(CATALOGUE, None)[0]
    assert "360" not in no_context.explanation


@pytest.mark.parametrize(("start", "end", "months"), [
    ("2010-03", "2012-04", 26), ("2010-03", "2010-03", 1), ("2011-12", "2012-01", 2),
    ("2010-01", "2010-12", 12),
])
def test_months_inclusive(start: str, end: str, months: int) -> None:
    assert months_inclusive(start, end) == months


@given(st.integers(2000, 2030), st.integers(1, 12), st.integers(0, 240))
def test_months_inclusive_counts_both_ends(year: int, month: int, later: int) -> None:
    end_year, end_month = divmod((month - 1) + later, 12)
    end = f"{year + end_year}-{end_month + 1:02d}"
    assert months_inclusive(f"{year}-{month:02d}", end) == later + 1


def test_window_is_26_months_and_matches_the_projection_default() -> None:
    check = CHECKS["window"]
    assert (check.value, check.result, check.verdict) == (26, "26 months", "note")
    assert check.value == BUNDLE.inputs["months"].default
    assert "it is 25" in check.explanation


def test_offender_estimates_double_in_two_to_three_years() -> None:
    check = CHECKS["offender-growth"]
    assert check.value == 2.0
    assert check.result == "×2 in 2–3 years: 26% to 41.4% a year"
    assert "2 (2014–2016) or 3 (2014–2017)" in check.formula
    assert check.verdict == "note"
    assert "lower bound" in check.explanation and "upper" in check.explanation
    assert "count different things" in check.explanation


def test_offender_growth_follows_the_catalogue() -> None:
    check = checks(changed(offenders_2016_2017=200_000))["offender-growth"]
    assert check.value == 4.0
    assert "58.7% to 100% a year" in check.result


def test_part_two_names_5_3_where_part_three_quotes_5_2() -> None:
    check = CHECKS["sdg-targets"]
    assert check.verdict == "inconsistent"
    assert check.result == "only in Part Two: 5.3; only in Part Three: 5.2"
    assert check.value == 2
    assert "elimination of all forms of violence against all women and girls" in check.statement
    assert "female genital mutilation" in check.explanation  # what 5.3 is actually about
    fixed = checks(changed(sdg_5_3=5.2))["sdg-targets"]
    assert (fixed.verdict, fixed.value) == ("consistent", 0)


def test_103_members_in_93_countries_share_between_1_and_10_countries() -> None:
    check = CHECKS["network"]
    assert check.result == "between 1 and 10 countries have more than one member"
    assert (check.value, check.verdict) == (10, "consistent")
    assert "which then has 11" in check.explanation
    assert checks(changed(ecpat_countries=100))["network"].value == 3


def test_three_sdg_targets_are_the_three_quoted() -> None:
    check = CHECKS["targets-count"]
    assert (check.value, check.verdict) == (3, "consistent")
    assert check.explanation.endswith("targets 5.2, 8.7, 16.2.")
    assert checks(changed(sdg_targets_count=4))["targets-count"].verdict == "inconsistent"


def test_2016_plus_14_years_is_2030() -> None:
    check = CHECKS["deadline"]
    assert (check.value, check.result, check.verdict) == (2030, "2030", "consistent")
    assert check.formula.endswith("2016 + 14")
    assert "12 years were left" in check.explanation
    assert checks(changed(deadline_years=12))["deadline"].verdict == "inconsistent"


def test_frame_has_one_row_per_check_and_rejects_unknown_verdicts() -> None:
    frame = checks_frame(list(CHECKS.values()))
    assert list(frame["id"]) == list(CHECKS)
    assert frame.loc[frame["id"] == "sdg-targets", "verdict"].item() == "inconsistent"
    assert frame.loc[frame["id"] == "network", "claims"].item() == "ecpat-members, ecpat-countries"
    with pytest.raises(ValueError, match="unknown verdict"):
        dataclasses.replace(CHECKS["window"], verdict="fine")
