"""AppTest of the Method & caveats page."""

from __future__ import annotations

from claimscope.bundle import load_bundle
from claimscope.views.evidence import bibliography
from tests.apptest_helpers import copied_texts, page_text, run_page


def test_method_page_lists_formulas_assumptions_and_caveats() -> None:
    at = run_page("components/pages/method.py")
    assert len(at.get("latex")) >= 3
    table = at.dataframe[0].value
    assert list(table["URL name"]) == ["seized", "share", "months", "unique", "rate_ratio",
                                       "coverage", "growth", "year", "global_share",
                                       "offenders", "offender_second_year"]
    assert table.set_index("URL name").loc["unique", "Kind"] == "Assumption"
    assert table.set_index("URL name").loc["share", "Default"] == "7.25%"
    text = page_text(at)
    assert "Seized images are not distinct images" in text
    assert "55.2 million" in text  # the population reference, with its source
    assert "300 million" in text


def test_method_page_states_the_uncertainty_method() -> None:
    text = page_text(run_page("components/pages/method.py"))
    assert "first-order (Sobol-type) index" in text
    assert "5th and 95th percentiles" in text
    assert "100,000 draws by default" in text


def test_the_sources_of_supplied_figures_are_listed_once_opened() -> None:
    """'Sources of the figures ClaimScope supplies' makes its list only while open."""
    at = run_page("components/pages/method.py")
    listed = "\n".join(bibliography(load_bundle()))
    assert listed not in copied_texts(at)
    at.session_state["cite_sources_open"] = True
    at.run()
    assert not at.exception
    assert listed in copied_texts(at)
