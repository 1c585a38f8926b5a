"""A maintainer's bad edit to a data file gives one message naming file, record and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimscope.bundle import load_bundle
from claimscope.files.schema import DataError
from claimscope.text.markdown import WORD_JOINER
from tests.data_helpers import copy_document, edit


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return copy_document(tmp_path)


def first_input(data: dict, field: str, value) -> None:
    data["inputs"][0][field] = value


def claim(data: dict, claim_id: str) -> dict:
    return next(c for c in data["claims"] if c["id"] == claim_id)


@pytest.mark.parametrize(("file", "change", "expected"), [
    ("inputs.yaml", lambda d: first_input(d, "default", "lots"),
     "inputs.yaml, record seized, field 'default': must be a number"),
    ("inputs.yaml", lambda d: first_input(d, "default", 5),
     "inputs.yaml, record seized, field 'default': must lie between min and max"),
    ("inputs.yaml", lambda d: first_input(d, "unit", "bananas"),
     "inputs.yaml, record seized, field 'unit': must be one of"),
    ("inputs.yaml", lambda d: d["inputs"][1].pop("label"),
     "inputs.yaml, record share, field 'label': is missing"),
    ("inputs.yaml", lambda d: first_input(d, "claims", ["no-such-claim"]),
     "inputs.yaml, record seized, field 'claims': names unknown claim 'no-such-claim'"),
    ("claims.yaml", lambda d: claim(d, "seized-images").update(kind="rumour"),
     "claims.yaml, record seized-images, field 'kind': must be one of"),
    ("claims.yaml", lambda d: claim(d, "seized-images").update(value=float("nan")),
     "claims.yaml, record seized-images, field 'value': must be a finite number"),
    ("claims.yaml", lambda d: d["claims"].append(dict(claim(d, "forces-replied"))),
     "claims.yaml, record forces-replied, field 'id': duplicate id"),
    ("reference.yaml", lambda d: d["references"][0].update(value=True),
     "reference.yaml, record ew-population-mid-2010, field 'value': must be a number"),
    ("caveats.yaml", lambda d: d["caveats"][0].update(surprise=1),
     "caveats.yaml, record duplicates: unknown field(s): surprise"),
    ("scenarios.yaml", lambda d: d["scenarios"][-1].update(values={"share": "lots"}),
     "scenarios.yaml, record suggested-ranges, field 'values': share must be a number"),
    ("pages.yaml", lambda d: d["estimates_over_time"].update(first="nothing"),
     "pages.yaml, record estimates_over_time: names unknown claim 'nothing'"),
    ("pages.yaml", lambda d: d["estimates_over_time"].update(projected="nothing"),
     "pages.yaml, record estimates_over_time, field 'projected': names unknown output 'nothing'"),
    ("pages.yaml", lambda d: d["membership"].update(path="Net work"),
     "pages.yaml, field 'path': must be lower-case letters, digits, - or _"),
    ("pages.yaml", lambda d: d["estimates_over_time"].pop("counted"),
     "pages.yaml, field 'counted': is missing"),
    ("pages.yaml", lambda d: d["overview"]["cards"][0].update(value="{claims.nothing|text}"),
     "pages.yaml: has a template that does not render"),
    ("pages.yaml", lambda d: d["overview"]["cards"][0].pop("claims"),
     "pages.yaml, field 'claims': a card needs a title and claims, or headline: true"),
    ("inputs.yaml", lambda d: first_input(d, "group", "elsewhere"),
     "inputs.yaml, record seized, field 'group': must be one of the file's groups"),
])
def test_bad_edits_name_file_record_and_field(folder: Path, file, change, expected) -> None:
    edit(folder / file, change)
    with pytest.raises(DataError) as error:
        load_bundle(folder)
    assert str(error.value).startswith(expected)


def test_invalid_yaml_names_the_line(folder: Path) -> None:
    (folder / "claims.yaml").write_text("claims:\n  - id: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"claims.yaml: is not valid YAML near line \d"):
        load_bundle(folder)


def test_missing_file_is_named(folder: Path) -> None:
    (folder / "inputs.yaml").unlink()
    with pytest.raises(DataError, match="inputs.yaml: cannot be read"):
        load_bundle(folder)


def test_an_edited_document_is_reported_not_swallowed(folder: Path) -> None:
    text = folder / "document.md"
    text.write_text(text.read_text(encoding="utf-8").replace("26 million", "36 million"),
                    encoding="utf-8")
    problems = load_bundle(folder).integrity_problems()
    assert any("differs from the published text" in p for p in problems)
    assert any(p.startswith("seized-images: the quote does not occur verbatim") for p in problems)


def test_shipped_data_has_no_integrity_problems() -> None:
    assert load_bundle().integrity_problems() == []


def test_app_stops_with_a_message_on_a_bad_data_file(folder: Path, monkeypatch) -> None:
    """The app shows which file/record/field is wrong instead of a traceback."""
    from streamlit.testing.v1 import AppTest

    from components import context

    edit(folder / "inputs.yaml", lambda d: first_input(d, "max", "huge"))
    monkeypatch.setenv("CLAIMSCOPE_DOCUMENT", str(folder))
    context.clear()
    try:
        at = AppTest.from_file(str(Path(__file__).parent.parent / "app.py"),
                               default_timeout=60).run()
        assert not at.exception
        said = at.error[0].value.replace(WORD_JOINER, "")  # the file's words shown inert
        assert "inputs.yaml, record seized, field 'max': must be a number" in said
    finally:
        context.clear()


def test_the_headline_claim_must_exist(folder: Path) -> None:
    model = folder / "model.yaml"
    model.write_text(model.read_text(encoding="utf-8").replace(
        "claim: national-total-claim", "claim: no-such-claim"), encoding="utf-8")
    with pytest.raises(DataError, match="^model.yaml, field 'claim': judges the headline "
                                        "against unknown claim 'no-such-claim'"):
        load_bundle(folder)


def test_a_bad_check_stops_the_load_naming_the_file(folder: Path) -> None:
    checks = folder / "checks.yaml"
    checks.write_text(checks.read_text(encoding="utf-8").replace(
        "value: members - countries", "value: members - __import__('os')"), encoding="utf-8")
    with pytest.raises(DataError, match="^checks.yaml, record network, field 'value': calls"):
        load_bundle(folder)


def test_reference_caveat_and_not_claim_files_are_optional(tmp_path: Path) -> None:
    """A document with no outside figure, no caveat and no number that is not a claim
    needs none of those files; a model naming a reference then finds none."""
    import shutil

    from tests.test_clinic_document import FIXTURE

    folder = tmp_path / "doc"
    shutil.copytree(FIXTURE, folder)
    for name in ("reference.yaml", "caveats.yaml"):
        (folder / name).unlink()
    bundle = load_bundle(folder)
    assert bundle.references == {} and bundle.caveats == []
    assert bundle.integrity_problems() == []
    (folder / "not_claims.yaml").unlink()
    problems = load_bundle(folder).integrity_problems()
    assert problems and all("is neither a claim nor listed as not a claim" in p
                            for p in problems)


@pytest.mark.parametrize(("sections", "expected"), [
    ([{"name": "Intro", "starts": "ECPAT"}], "the first section opens the document"),
    ([{"name": "Header"}, {"name": "Part One"}], "every section after the first needs"),
    ([{"name": "Header"}, {"name": "Header", "starts": "**Part One:"}],
     "names a section twice"),
    ([{"name": "Header"}, {"name": "Part Nine", "starts": "**Part Nine:"}],
     "the section 'Part Nine' starts with '**Part Nine:', which the text does not hold"),
])
def test_bad_sections_are_named(folder: Path, sections: list, expected: str) -> None:
    edit(folder / "document.yaml", lambda d: d.update(sections=sections))
    with pytest.raises(DataError, match=r"document.yaml, record document, field 'sections'"):
        load_bundle(folder)
    with pytest.raises(DataError) as error:
        load_bundle(folder)
    assert expected in str(error.value)


def test_a_claim_in_the_wrong_section_is_a_provenance_problem(folder: Path) -> None:
    edit(folder / "claims.yaml", lambda d: claim(d, "seized-images").update(section="Header"))
    problems = load_bundle(folder).integrity_problems()
    assert "seized-images: the quote is in Part Two, not Header" in problems


def test_a_document_that_declares_no_sections_is_one_part(folder: Path) -> None:
    edit(folder / "document.yaml", lambda d: d.pop("sections"))
    bundle = load_bundle(folder)
    assert {bundle.document.section_at(0), bundle.document.section_at(10_000)} == {"Text"}
    assert any(p.endswith("the quote is in Text, not Part Two") for p in
               bundle.integrity_problems())


@pytest.mark.parametrize("text", ["document: ''\n", "document: a/b\n", "[1]\n", "x: 1\n"])
def test_a_bad_default_document_file_is_named(monkeypatch, tmp_path: Path, text: str) -> None:
    from claimscope import bundle

    default = tmp_path / "default.yaml"
    default.write_text(text, encoding="utf-8")
    monkeypatch.setattr(bundle, "DEFAULT_FILE", default)
    monkeypatch.delenv("CLAIMSCOPE_DOCUMENT", raising=False)
    with pytest.raises(DataError, match="default.yaml: must give `document:`, a folder name"):
        bundle.document_folder()
