"""Proof that a document is a folder (docs/architecture.md): a second, invented document
with its own formula (tests/fixtures/fixture-clinic-2024) loads, lists only the pages its
data supports, and every one of them renders; generic code names no claim of any document."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimscope.bundle import DATA_DIR, default_document, document_folder, load_bundle
from claimscope.files.schema import DataError
from claimscope.model.break_even import break_even
from claimscope.model.checks_file import evaluate_checks
from components import context
from components.navigation import pages
from tests.apptest_helpers import decode, figure_specs, page_text, panel_data, run_page
from tests.fixture_documents import CLINIC_DOCUMENT as FIXTURE
from tests.fixture_documents import ROOT

DOCUMENTS = [DATA_DIR / default_document(), FIXTURE]
GENERIC = [ROOT / "app.py", *sorted((ROOT / "claimscope").rglob("*.py")),
           *sorted((ROOT / "components").rglob("*.py"))]


@pytest.fixture
def fixture_document(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("CLAIMSCOPE_DOCUMENT", str(FIXTURE))
    yield


def _strings(path: Path) -> Iterator[tuple[int, str]]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


def claim_ids_named(path: Path, ids: set[str]) -> list[tuple[int, str]]:
    """(line, id) of every claim id in a string literal: the whole string, or a hyphenated
    word inside it (f-strings and messages included)."""
    word = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")
    return [(line, claim_id) for line, text in _strings(path)
            for claim_id in {text, *word.findall(text)} if claim_id in ids]


def test_the_claim_id_scan_finds_an_id(tmp_path: Path) -> None:
    code = tmp_path / "code.py"
    code.write_text('A = "seized-images"\nB = f"see {A} and visits-claim"\nC = "x"\n')
    assert sorted(claim_ids_named(code, {"seized-images", "visits-claim", "x"})) == \
        [(1, "seized-images"), (2, "visits-claim"), (3, "x")]


@pytest.mark.parametrize("path", GENERIC, ids=lambda p: str(p.relative_to(ROOT)))
def test_generic_code_names_no_claim_of_any_document(path: Path) -> None:
    ids = {claim_id for folder in DOCUMENTS for claim_id in load_bundle(folder).catalogue.claims}
    found = claim_ids_named(path, ids)
    assert not found, f"{path.name} names claim ids {found}: move them to the document folder"


def test_the_fixture_is_a_whole_document_with_its_own_formula() -> None:
    fixture, ecpat = load_bundle(FIXTURE), load_bundle(DATA_DIR / default_document())
    assert fixture.integrity_problems() == []
    assert "test fixture" in fixture.document.text.splitlines()[2].lower()
    assert fixture.model.claim in fixture.catalogue.claims
    assert set(fixture.model.inputs).isdisjoint(ecpat.model.inputs)
    out = fixture.model.evaluate(fixture.model.defaults())
    assert float(out["visits"]) == pytest.approx(412 * 18_500 / 1000 / 0.9)
    assert break_even(fixture.model, fixture.model.defaults(), "completeness") == \
        pytest.approx(100 * 412 * 18.5 / 8000)
    assert fixture.sample_units is None
    [check] = evaluate_checks(fixture.checks, fixture.model, fixture.catalogue,
                              fixture.model.defaults())
    assert (check.id, check.result, check.verdict) == ("visits", "8,469 visits", "consistent")


def test_pages_the_data_cannot_fill_are_not_in_the_navigation() -> None:
    urls = [entry.url for entry in pages(load_bundle(FIXTURE))]
    assert urls == ["", "projection", "compare", "source", "method", "yours"]
    ecpat = pages(load_bundle(DATA_DIR / default_document()))
    assert [e.url for e in ecpat] == ["", "projection", "compare", "forces", "offenders",
                                      "network", "source", "method", "evidence", "yours"]
    assert ecpat[3].title == "Behind the 26 million"


@pytest.mark.parametrize("page", [entry.path for entry in pages(load_bundle(FIXTURE))])
def test_every_page_of_the_fixture_renders(fixture_document: None, page: str) -> None:
    at = run_page(page)
    assert not at.error, [e.value for e in at.error]
    assert "ClaimScope lists every number" not in page_text(at) or page.endswith("overview.py")


def test_the_fixture_overview_shows_its_own_figures(fixture_document: None) -> None:
    text = page_text(run_page())
    assert "Riverby" in text and "8,469" in text and "Visit rate · reported" in text
    assert "26 million" not in text


def test_the_subject_note_and_help_services_are_the_documents_own(fixture_document) -> None:
    """The ECPAT document's content note and abuse-reporting footer are its data: a
    document on another subject shows neither."""
    text = page_text(run_page())
    assert "Content note" not in text and "Internet Watch Foundation" not in text
    assert "minimise the harm" not in text and "Context data and reference figures" in text
    ecpat = load_bundle(DATA_DIR / default_document()).document.meta
    assert "child sexual abuse material" in ecpat.content_note
    assert "Internet Watch Foundation" in ecpat.help_services
    assert ecpat.care_note == ("ClaimScope examines the numbers; it does not minimise the "
                               "harm they describe.")


def test_the_care_note_closes_each_footer_of_the_document_that_gives_one(monkeypatch) -> None:
    monkeypatch.delenv("CLAIMSCOPE_DOCUMENT", raising=False)
    assert "sources. ClaimScope examines the numbers; it does not minimise the harm they " \
           "describe." in page_text(run_page())


def test_two_documents_in_one_process_do_not_share_a_bundle(monkeypatch) -> None:
    monkeypatch.setenv("CLAIMSCOPE_DOCUMENT", str(FIXTURE))
    assert context.bundle().document.meta["id"] == "fixture-clinic-2024"
    monkeypatch.delenv("CLAIMSCOPE_DOCUMENT")
    assert context.bundle().document.meta["id"] == default_document()
    assert "26 million" in page_text(run_page())


def test_a_link_reproduces_a_view_of_the_fixture(fixture_document: None) -> None:
    at = run_page("components/pages/projection.py", {"completeness": "80", "residents": "abc"})
    assert panel_data(at)["values"]["completeness"] == 80
    text = page_text(at)
    assert "residents=abc is not a number" in text
    # the server's numbers for the view: the sweep's marker at the current setting
    at.selectbox(key="sweep_input").set_value("completeness").run()
    [sweep] = figure_specs(at)
    [current] = [trace for trace in sweep["data"] if trace["name"] == "Current setting"]
    assert decode(current["y"])[0] == pytest.approx(412 * 18_500 / 1000 / 0.8)  # ÷ 80 %


def test_a_link_with_a_range_gives_the_chance_the_claim_holds(fixture_document: None) -> None:
    at = run_page("components/pages/projection.py",
                  {"completeness_lo": "80", "completeness_hi": "100", "seed": "3"})
    chance = next(m.value for m in at.metric if m.label == "Chance the claim holds")
    # completeness uniform on 80–100 %: the claim holds while completeness ≤ 95.275 %
    assert float(chance.rstrip("%")) == pytest.approx(100 * 15.275 / 20, abs=1.5)


@pytest.mark.parametrize(("chosen", "expected"), [
    (default_document(), DATA_DIR / default_document()),
    (str(FIXTURE), FIXTURE),
    ("tests/fixtures/fixture-clinic-2024", FIXTURE),
    ("", DATA_DIR / default_document()),
])
def test_claimscope_document_takes_a_name_or_a_path(monkeypatch, chosen: str,
                                                     expected: Path) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("CLAIMSCOPE_DOCUMENT", chosen)
    assert document_folder() == expected.resolve()


@pytest.mark.parametrize("chosen", ["no-such-document", "/no/such/folder", "tests"])
def test_a_missing_document_folder_is_a_clear_error(monkeypatch, chosen: str) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("CLAIMSCOPE_DOCUMENT", chosen)
    with pytest.raises(DataError, match=f"CLAIMSCOPE_DOCUMENT='{chosen}' is not a document "
                                        "folder: .* (does not exist|has no document.yaml)"):
        document_folder()
