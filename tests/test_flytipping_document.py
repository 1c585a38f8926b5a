"""A document on another subject (tests/fixtures/fixture-flytipping-2025, README's worked
example of adding a document): its own units (a count, pounds) and categories, no sample
of units, no estimates over time, no membership, and none of the optional files
reference.yaml, caveats.yaml, sources.yaml. Every page of its navigation renders, with
its own words and none of the first document's."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from claimscope.bundle import load_bundle
from claimscope.model.break_even import break_even
from claimscope.model.checks_file import evaluate_checks
from claimscope.text.numbers import display
from components.navigation import pages
from tests.apptest_helpers import page_text, panel_data, release_panel, run_page
from tests.fixture_documents import FLYTIPPING_DOCUMENT

FOLDER = FLYTIPPING_DOCUMENT
BUNDLE = load_bundle(FOLDER)
FIRST_SUBJECT = re.compile(r"\b(images?|forces?|offenders?|seized|abuse|harm|ECPAT)\b", re.I)


@pytest.fixture(autouse=True)
def other_subject(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("CLAIMSCOPE_DOCUMENT", str(FOLDER))
    yield


def test_the_worked_example_traces_every_number_to_its_text() -> None:
    assert BUNDLE.integrity_problems() == []
    assert not any((FOLDER / name).exists() for name in
                   ("reference.yaml", "caveats.yaml", "sources.yaml"))
    assert (BUNDLE.references, BUNDLE.caveats) == ({}, [])
    [check] = evaluate_checks(BUNDLE.checks, BUNDLE.model, BUNDLE.catalogue,
                              BUNDLE.model.defaults())
    assert (check.result, check.verdict) == ("£63 million", "consistent")


def test_its_model_is_the_briefings_arithmetic() -> None:
    out = BUNDLE.model.evaluate(BUNDLE.model.defaults())
    assert float(out["national"]) == pytest.approx(12_600 / 0.042)
    assert float(out["national_cost"]) == pytest.approx(12_600 / 0.042 * 210)
    assert float(out["target_level"]) == pytest.approx(12_600 / 0.042 / 2)
    # "well over 250,000" holds until the share reaches 12,600 / 250,000 = 5.04 %
    assert break_even(BUNDLE.model, BUNDLE.model.defaults(), "share") == pytest.approx(5.04)


def test_its_units_write_counts_and_money_as_people_do() -> None:
    units = BUNDLE.vocabulary
    assert display(12_600, units.unit("incidents")) == "12,600"
    assert display(63_000_000, units.unit("gbp")) == "£63 million"
    assert display(210, units.unit("gbp")) == "£210"
    assert BUNDLE.inputs["incidents"].is_integer and not BUNDLE.inputs["cost"].is_integer


def test_only_the_pages_its_data_fills_are_listed() -> None:
    assert [entry.url for entry in pages(BUNDLE)] == ["", "projection", "compare", "source",
                                                      "method", "yours"]


@pytest.mark.parametrize("page", [entry.path for entry in pages(BUNDLE)])
def test_every_page_renders_in_its_own_words(page: str) -> None:
    at = run_page(page)
    assert not at.error, [e.value for e in at.error]
    text = page_text(at)
    assert not FIRST_SUBJECT.search(text), FIRST_SUBJECT.search(text)
    assert "ClaimScope examines the briefing's arithmetic" in text  # its care note


def test_the_overview_shows_its_figures_and_categories() -> None:
    at = run_page()
    text = page_text(at)
    assert "12,600" in text and "£210" in text and "300,000" in text
    labels = {option for select in at.multiselect for option in select.options}
    assert {"the councils", "national estimate", "cost"} <= labels


def test_a_link_and_a_release_of_the_panel_recompute_in_pounds() -> None:
    at = run_page("components/pages/projection.py", {"cost": "250", "share": "abc"})
    assert panel_data(at)["values"]["cost"] == 250
    assert "share=abc is not a number" in page_text(at)
    at = release_panel(at, cost=300, incidents=15000)
    assert panel_data(at)["values"]["cost"] == 300  # what the panel and its chart start from
    assert (at.query_params["incidents"], at.query_params["cost"]) == ("15000", "300")
