"""Several documents served at once (README, "Several documents"): which documents a
server serves and under which ids, how a link's `doc=` is read, and a document folder
loaded from its files' texts (a reader's saved document) exactly as from disk, its code
never run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope.bundle import DATA_DIR, default_document, load_bundle
from claimscope.files.folder import HeldFolder
from claimscope.files.schema import DataError
from claimscope.shelf import (
    DOC_PARAM,
    MORE_DOCUMENTS,
    doc_query,
    read_doc_param,
    served,
    short_title,
)

ROOT = Path(__file__).resolve().parent.parent
CLINIC = ROOT / "tests" / "fixtures" / "fixture-clinic-2024"
FLYTIPPING = ROOT / "tests" / "fixtures" / "fixture-flytipping-2025"
DEFAULT = default_document()


def held(folder: Path, label: str = "saved/abc") -> HeldFolder:
    """A document folder's files as texts, as the store keeps a reader's document."""
    return HeldFolder(label, {p.name: p.read_text(encoding="utf-8")
                              for p in folder.iterdir() if p.is_file()})


@pytest.fixture
def settings_cleared(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.delenv("CLAIMSCOPE_DOCUMENT", raising=False)
    monkeypatch.delenv(MORE_DOCUMENTS, raising=False)
    monkeypatch.chdir(ROOT)
    return monkeypatch


def test_the_shipped_documents_are_served_under_their_folder_names(settings_cleared) -> None:
    shelf = served()
    assert shelf.default == DEFAULT and list(shelf.folders)[0] == DEFAULT
    assert set(shelf.folders) == {p.name for p in DATA_DIR.iterdir()
                                  if (p / "document.yaml").is_file()}


def test_more_documents_are_served_beside_the_default(settings_cleared) -> None:
    settings_cleared.setenv(MORE_DOCUMENTS, os.pathsep.join(
        ["tests/fixtures/fixture-clinic-2024", str(FLYTIPPING)]))
    shelf = served()
    assert shelf.default == DEFAULT
    assert list(shelf.folders)[:3] == [DEFAULT, CLINIC.name, FLYTIPPING.name]
    assert shelf.folder(CLINIC.name) == CLINIC.resolve()
    assert shelf.folder("no-such") is None


def test_the_default_may_be_a_folder_outside_data(settings_cleared) -> None:
    settings_cleared.setenv("CLAIMSCOPE_DOCUMENT", str(CLINIC))
    shelf = served()
    assert shelf.default == CLINIC.name and DEFAULT in shelf.folders


def test_a_named_copy_hides_the_shipped_folder_of_its_name(settings_cleared, tmp_path) -> None:
    copy = tmp_path / DEFAULT
    copy.mkdir()
    (copy / "document.yaml").write_text("id: x\n", encoding="utf-8")
    settings_cleared.setenv("CLAIMSCOPE_DOCUMENT", str(copy))
    assert served().folders[DEFAULT] == copy.resolve()


def test_two_named_folders_under_one_name_are_an_error(settings_cleared, tmp_path) -> None:
    twin = tmp_path / CLINIC.name
    twin.mkdir()
    (twin / "document.yaml").write_text("id: x\n", encoding="utf-8")
    settings_cleared.setenv(MORE_DOCUMENTS, os.pathsep.join([str(CLINIC), str(twin)]))
    with pytest.raises(DataError, match="has the same name as"):
        served()


@pytest.mark.parametrize("name", ["no-such-document", "/no/such/folder"])
def test_a_more_documents_entry_that_is_no_document_is_named(settings_cleared,
                                                             name: str) -> None:
    settings_cleared.setenv(MORE_DOCUMENTS, name)
    with pytest.raises(DataError, match=f"{MORE_DOCUMENTS}='{name}' is not a document folder"):
        served()


def test_a_folder_whose_name_is_no_id_is_an_error(settings_cleared, tmp_path) -> None:
    odd = tmp_path / "my document"
    odd.mkdir()
    (odd / "document.yaml").write_text("id: x\n", encoding="utf-8")
    settings_cleared.setenv(MORE_DOCUMENTS, str(odd))
    with pytest.raises(DataError, match="letters, digits, hyphens and underscores"):
        served()


KNOWN = {DEFAULT, CLINIC.name}


@pytest.mark.parametrize(("raw", "expected", "noticed"), [
    (None, DEFAULT, False),
    ("", DEFAULT, False),
    ([], DEFAULT, False),
    (CLINIC.name, CLINIC.name, False),
    ([DEFAULT, CLINIC.name], CLINIC.name, False),  # the last of a repeated parameter
    (f"  {CLINIC.name} ", CLINIC.name, False),
    ("no-such-document", DEFAULT, True),
    ("../data", DEFAULT, True),
    ("<script>alert(1)</script>", DEFAULT, True),
    ("x" * 500, DEFAULT, True),
])
def test_a_links_doc_is_read_against_the_documents_served(raw, expected: str,
                                                           noticed: bool) -> None:
    chosen, notice = read_doc_param(raw, KNOWN.__contains__, DEFAULT)
    assert chosen == expected
    assert (notice is not None) == noticed
    if notice:
        assert notice.startswith(f"{DOC_PARAM}=") and "<script>" not in notice
        assert len(notice) < 200


def test_an_id_of_the_wrong_shape_never_reaches_the_lookup() -> None:
    asked: list[str] = []
    read_doc_param("a/../b", lambda found: asked.append(found) or True, DEFAULT)
    read_doc_param("-leading-hyphen", lambda found: asked.append(found) or True, DEFAULT)
    assert asked == []


@settings(deadline=None)
@given(st.one_of(st.none(), st.text(max_size=120), st.lists(st.text(max_size=30), max_size=3)))
def test_reading_doc_never_raises_and_always_names_a_served_document(raw) -> None:
    chosen, notice = read_doc_param(raw, KNOWN.__contains__, DEFAULT)
    assert chosen in KNOWN
    assert notice is None or "\n" not in notice


def test_the_default_document_needs_no_doc_in_its_links() -> None:
    assert doc_query(DEFAULT, DEFAULT) == {}
    assert doc_query(CLINIC.name, DEFAULT) == {DOC_PARAM: CLINIC.name}


def test_the_switcher_lists_short_titles() -> None:
    assert short_title(CLINIC) == "Riverby clinic visits (test fixture)"
    assert short_title(held(CLINIC)) == "Riverby clinic visits (test fixture)"
    assert short_title(HeldFolder("saved/x", {"document.yaml": ": not: yaml: ["})) == "x"
    assert short_title(HeldFolder("saved/y", {"document.yaml": "short_title: 5"})) == "y"


# ---- A document folder held as texts --------------------------------------------------

@pytest.mark.parametrize("folder", [DATA_DIR / DEFAULT, CLINIC, FLYTIPPING],
                         ids=lambda p: p.name)
def test_a_folder_held_as_texts_loads_as_from_disk(folder: Path) -> None:
    on_disk, in_memory = load_bundle(folder), load_bundle(held(folder))
    assert in_memory.document.text == on_disk.document.text
    assert in_memory.document.sha256_ok and in_memory.integrity_problems() == []
    assert in_memory.catalogue.claims == on_disk.catalogue.claims
    assert in_memory.inputs == on_disk.inputs
    defaults = on_disk.model.defaults()
    assert in_memory.model.evaluate(defaults) == pytest.approx(on_disk.model.evaluate(defaults))
    assert in_memory.key.startswith("saved/abc@") and in_memory.key != on_disk.key


def test_an_error_in_a_held_folder_is_named_like_one_on_disk() -> None:
    """inputs.yaml's names are checked when the model reads them: the message names the
    file beside model.yaml, wherever the folder is."""
    texts = held(CLINIC).texts
    texts["inputs.yaml"] = texts["inputs.yaml"].replace("name: rate", "name: max")
    texts["model.yaml"] = texts["model.yaml"].replace("rate *", "max *")
    with pytest.raises(DataError, match=r"^inputs.yaml, record max, field .name.: cannot be"):
        load_bundle(HeldFolder("saved/x", texts))


def test_a_held_folders_code_is_never_run(tmp_path: Path) -> None:
    """A folder's checks are data (checks.yaml), loaded alike from a reader's document; a
    Python file in it is only text: nothing of it runs."""
    marker = tmp_path / "ran"
    texts = held(DATA_DIR / DEFAULT).texts
    assert "checks.yaml" in texts and "checks.py" not in texts
    texts["checks.py"] = f"open({str(marker)!r}, 'w').write('ran')\nraise SystemExit\n"
    loaded = load_bundle(HeldFolder("saved/evil", texts))
    assert len(loaded.checks) == len(load_bundle(DATA_DIR / DEFAULT).checks) == 7
    assert not marker.exists()


def test_the_version_of_a_held_folder_follows_its_texts() -> None:
    one = held(CLINIC)
    two = HeldFolder("saved/abc", {**one.texts, "claims.yaml": one.texts["claims.yaml"] + "\n"})
    assert one.version() == held(CLINIC).version() != two.version()
    # name and text are kept apart: moving characters between them changes the version
    assert HeldFolder("x", {"ab": "c"}).version() != HeldFolder("x", {"a": "bc"}).version()


@pytest.mark.parametrize("name", ["", ".", "..", "a/b", "../claims.yaml", "a\\b"])
def test_a_held_folder_holds_plain_file_names_only(name: str) -> None:
    with pytest.raises(ValueError, match="plain file name"):
        HeldFolder("x", {name: "text"})


def test_a_held_folder_refuses_text_no_file_can_hold() -> None:
    with pytest.raises(UnicodeEncodeError):
        HeldFolder("x", {"document.md": "\ud800"})


def test_a_missing_or_broken_held_file_is_named_like_a_file_on_disk() -> None:
    texts = held(CLINIC).texts
    with pytest.raises(DataError, match=r"^claims.yaml: cannot be read"):
        load_bundle(HeldFolder("saved/x", {k: v for k, v in texts.items()
                                           if k != "claims.yaml"}))
    with pytest.raises(DataError, match=r"^inputs.yaml: is not valid YAML"):
        load_bundle(HeldFolder("saved/x", {**texts, "inputs.yaml": "inputs: [\n"}))
    tagged = "a: !!python/object/apply:os.system [echo]"  # safe-loaded: a tag is refused
    with pytest.raises(DataError, match=r"^claims.yaml: is not valid YAML"):
        load_bundle(HeldFolder("saved/x", {**texts, "claims.yaml": tagged}))


def test_a_saved_document_is_looked_up_only_by_an_id_of_the_stores_shape() -> None:
    from claimscope.shelf import saved_folder
    asked: list[str] = []

    def read(document_id: str) -> dict[str, str] | None:
        asked.append(document_id)
        return {"document.md": "x"} if document_id == "A" * 22 else None

    assert saved_folder("../../etc/passwd", read) is None
    assert saved_folder("short", read) is None
    assert asked == []
    held = saved_folder("A" * 22, read)
    assert held is not None and held.label == "saved/" + "A" * 22
    assert saved_folder("B" * 22, read) is None


@pytest.mark.parametrize("saved_id", ["-NZGYf5UZjBjanjf6uxxcw", "_" * 22, "A" * 22])
def test_a_saved_documents_id_may_begin_with_any_of_the_stores_characters(saved_id: str
                                                                           ) -> None:
    from claimscope.shelf import read_doc_param
    assert read_doc_param(saved_id, lambda found: found == saved_id, "default") == (
        saved_id, None)
