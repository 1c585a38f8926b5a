"""Data files edited while the server runs are read again on the next reload (issue 16):
every file of a document folder, valid edits and invalid ones alike, with no restart."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from claimscope.bundle import DATA_DIR, default_document, folder_version
from claimscope.text.markdown import WORD_JOINER
from components import context
from tests.data_helpers import copy_document

APP = str(Path(__file__).resolve().parent.parent / "app.py")
FILES = sorted(p.name for p in (DATA_DIR / default_document()).iterdir() if p.is_file())


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = copy_document(tmp_path)
    monkeypatch.setenv("CLAIMSCOPE_DOCUMENT", str(copy))
    return copy


def _touch_up(path: Path) -> None:
    """A harmless edit: a comment line more (a blank line in the Markdown text)."""
    path.write_text(path.read_text(encoding="utf-8")
                    + ("\n" if path.suffix == ".md" else "\n# edited\n"), encoding="utf-8")


@pytest.mark.parametrize("name", FILES)
def test_an_edit_to_any_file_of_the_folder_is_read_again(folder: Path, name: str) -> None:
    before_version, before = folder_version(folder), context.bundle()
    assert context.bundle() is before  # unchanged files: the cached bundle
    _touch_up(folder / name)
    assert folder_version(folder) != before_version
    after = context.bundle()
    assert after is not before and after.version == folder_version(folder)


def test_a_fixed_not_claims_file_clears_the_provenance_notice_on_reload(folder: Path) -> None:
    """The issue's case: a broken not_claims.yaml shows a provenance problem; once fixed,
    the next run of the same server shows none."""
    not_claims = folder / "not_claims.yaml"
    good = not_claims.read_text(encoding="utf-8")
    first = good.index("\n  - text:")
    second = good.index("\n  - text:", first + 1)
    not_claims.write_text(good[:first] + good[second:], encoding="utf-8")  # drop one entry
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert any("Provenance check failed" in e.value and "is neither a claim nor listed"
               in e.value for e in at.error)
    not_claims.write_text(good, encoding="utf-8")
    at.run()
    assert not at.error, [e.value for e in at.error]


def test_an_invalid_edit_then_its_fix_are_both_seen_on_reload(folder: Path) -> None:
    inputs = folder / "inputs.yaml"
    good = inputs.read_text(encoding="utf-8")
    inputs.write_text(good.replace("default: 26000000", "default: lots", 1), encoding="utf-8")
    at = AppTest.from_file(APP, default_timeout=60).run()
    said = at.error[0].value.replace(WORD_JOINER, "")  # the file's words shown inert
    assert "inputs.yaml, record seized, field 'default': must be a number" in said
    inputs.write_text(good, encoding="utf-8")
    at.run()
    assert not at.error and "26 million" in " ".join(m.value for m in at.markdown)


def test_an_edited_formula_is_not_answered_from_the_cache(folder: Path) -> None:
    """model.yaml edited while the server runs: the numbers follow the new formula, the
    panel's generated JavaScript and the Monte Carlo's cache included."""
    from tests.apptest_helpers import _panel, run_page

    page = "components/pages/projection.py"
    ranged = {"unique_lo": "80", "unique_hi": "100", "seed": "1"}
    first = run_page(page, ranged)
    chance = next(m.value for m in first.metric if m.label == "Chance the claim holds")
    model = folder / "model.yaml"
    model.write_text(model.read_text(encoding="utf-8").replace(
        "distinct / (share", "1.1 * distinct / (share", 1), encoding="utf-8")
    second = run_page(page, ranged)
    assert "11*out_distinct" in _panel(second).proto.js_content
    assert "11*out_distinct" not in _panel(first).proto.js_content
    assert next(m.value for m in second.metric
                if m.label == "Chance the claim holds") != chance
