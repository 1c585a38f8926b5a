"""Several documents in one server (README, "Several documents"), under AppTest: a link
with no `doc` opens the default document as before, `doc=<id>` opens another, an unknown
one is said and the default shown, and switching documents keeps each one's assumptions,
saved scenarios and links apart."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from claimscope.bundle import default_document
from claimscope.shelf import MORE_DOCUMENTS
from components import context
from tests.apptest_helpers import kept, page_text, panel_data, release_panel, run_page

ROOT = Path(__file__).resolve().parent.parent
CLINIC = "fixture-clinic-2024"
FLYTIPPING = "fixture-flytipping-2025"
DEFAULT = default_document()
SWITCH = "document_switch"


@pytest.fixture(autouse=True)
def three_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLAIMSCOPE_DOCUMENT", raising=False)
    monkeypatch.setenv(MORE_DOCUMENTS, os.pathsep.join(
        str(ROOT / "tests" / "fixtures" / name) for name in (CLINIC, FLYTIPPING)))
    context.clear()


def switch(at: AppTest, document: str) -> AppTest:
    at.selectbox(key=SWITCH).select(document).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def titles(at: AppTest) -> list[str]:
    return [t.value for t in at.title]


def test_a_link_without_doc_opens_the_default_document_as_before() -> None:
    at = run_page("components/pages/projection.py", {"share": "10"})
    assert panel_data(at)["values"]["share"] == 10
    assert at.query_params.get("doc") is None and at.query_params["share"] == "10"
    assert at.selectbox(key=SWITCH).value == DEFAULT


@pytest.mark.parametrize("page", ["overview", "projection", "compare", "source", "method"])
def test_a_link_with_doc_opens_that_documents_page(page: str) -> None:
    at = run_page(f"components/pages/{page}.py", {"doc": CLINIC, "completeness": "80"})
    assert at.query_params["doc"] == CLINIC
    assert at.query_params["completeness"] == "80"
    assert "Riverby" in page_text(at) and "26 million" not in page_text(at)
    assert not at.warning, [w.value for w in at.warning]


def test_a_link_naming_no_document_says_so_and_shows_the_default() -> None:
    at = run_page(query={"doc": "no-such-document", "share": "9"})
    notices = " ".join(w.value for w in at.warning)
    assert "doc=no-such-document names no document served here" in notices
    assert "26 million" in page_text(at)
    assert kept(at, "view").values["share"] == 9  # the rest of the link still counts
    assert at.query_params.get("doc") is None


def test_switching_keeps_each_documents_assumptions_apart() -> None:
    at = run_page("components/pages/projection.py")
    release_panel(at, share=10.0)
    switch(at, CLINIC)
    assert titles(at) == ["Projection explorer"]
    clinic = panel_data(at)["values"]
    assert "share" not in clinic and clinic["completeness"] == 90
    assert at.query_params["doc"] == CLINIC and "share" not in at.query_params
    release_panel(at, completeness=80.0)
    switch(at, DEFAULT)
    assert panel_data(at)["values"]["share"] == 10
    assert at.query_params.get("doc") is None and at.query_params["share"] == "10"
    switch(at, CLINIC)
    assert panel_data(at)["values"]["completeness"] == 80
    assert kept(at, "view", DEFAULT).values["share"] == 10
    assert kept(at, "view", CLINIC).values["completeness"] == 80


def test_the_document_is_kept_across_pages() -> None:
    at = run_page(query={"doc": FLYTIPPING})
    at.switch_page("components/pages/source.py")
    at.run()
    assert titles(at) == ["Source"] and at.query_params["doc"] == FLYTIPPING
    assert "26 million" not in page_text(at)


def test_a_page_the_other_document_lacks_gives_way_to_its_overview() -> None:
    at = run_page("components/pages/sample_units.py")
    assert titles(at) == ["Behind the 26 million"]
    switch(at, CLINIC)
    assert titles(at) == ["ClaimScope"] and "Riverby" in page_text(at)


def test_saved_scenarios_are_each_documents_own() -> None:
    at = run_page("components/pages/projection.py")
    at.text_input(key="projection_save_name").input("Mine")
    at.button(key="projection_save_button").click().run()
    assert "Mine" in at.selectbox(key="projection_apply_name").options
    switch(at, CLINIC)
    assert "Mine" not in at.selectbox(key="projection_apply_name").options
    switch(at, DEFAULT)
    assert "Mine" in at.selectbox(key="projection_apply_name").options


def test_a_copied_link_names_the_document() -> None:
    at = run_page("components/pages/projection.py", {"doc": CLINIC, "completeness": "75"})
    links = [c.value for c in at.code if "projection" in c.value]
    assert links and all(f"doc={CLINIC}" in link and "completeness=75" in link
                         for link in links)


def test_no_switcher_when_one_document_is_served(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    monkeypatch.delenv(MORE_DOCUMENTS)
    monkeypatch.setenv("CLAIMSCOPE_DOCUMENT", str(ROOT / "tests" / "fixtures" / CLINIC))
    monkeypatch.setattr("claimscope.shelf.DATA_DIR", tmp_path)  # nothing shipped beside it
    context.clear()
    at = run_page()
    assert list(context.shelf().folders) == [CLINIC]
    assert not [box for box in at.selectbox if box.key == SWITCH]
    assert "Riverby" in page_text(at)
