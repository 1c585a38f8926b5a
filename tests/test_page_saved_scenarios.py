"""AppTest of saved scenarios in the store: saved, listed again in a new session of the
same browser (its owner token), deleted, opened by their short link, and every page
working when the database cannot be reached."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from claimscope.bundle import load_bundle
from claimscope.store.database import open_store
from claimscope.store.ids import new_id
from claimscope.store.scenarios import owner_scenarios
from components.navigation import pages
from tests.apptest_helpers import APP, page_text, panel_data, release_panel
from tests.test_store import closed_port

PROJECTION = "components/pages/projection.py"
COMPARE = "components/pages/compare.py"
NO_PRESETS = Path(__file__).resolve().parent / "fixtures" / "fixture-flytipping-2025"
BUNDLE = load_bundle()


def session(owner: str | None = None, query: dict[str, str] | None = None,
            page: str | None = PROJECTION) -> AppTest:
    """A new session (a reload, or another browser) of `owner`'s browser on `page`."""
    at = AppTest.from_file(APP, default_timeout=60)
    if owner is not None:
        at.session_state["owner_token"] = owner
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if page is not None:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def save(at: AppTest, name: str, prefix: str = "projection_save") -> AppTest:
    at.text_input(key=f"{prefix}_name").input(name)
    at.button(key=f"{prefix}_button").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def saved_table(at: AppTest):  # noqa: ANN201 - a DataFrame
    """/projection's table of the reader's saved scenarios and their links."""
    return next(d.value for d in at.dataframe
                if list(d.value.columns) == ["scenario", "link"])


def listed(at: AppTest) -> list[str]:
    return list(saved_table(at)["scenario"])


def links(at: AppTest) -> list[str]:
    return list(saved_table(at)["link"])


def test_a_new_browser_gets_an_unguessable_token_of_its_own() -> None:
    first, second = session(), session()
    tokens = {first.session_state["owner_token"], second.session_state["owner_token"]}
    assert len(tokens) == 2 and all(len(t) == 22 for t in tokens)


def test_saved_scenarios_are_listed_again_in_a_new_session_of_the_same_browser() -> None:
    owner = new_id()
    at = release_panel(session(owner), share=10.0)
    save(at, "Ten percent <b>share</b>")
    assert any(s.value.startswith("Saved “Ten percent") for s in at.success)
    reloaded = session(owner)
    assert listed(reloaded) == ["Ten percent <b>share</b>"]
    assert links(reloaded)[0].startswith("/projection?scenario=")
    assert "Ten percent <b>share</b>" in reloaded.selectbox(
        key="projection_apply_name").options
    assert "Ten percent" not in page_text(session(new_id()))  # another browser's are not


def test_a_reader_deletes_their_saved_scenarios() -> None:
    owner = new_id()
    at = session(owner)
    for name in ("Keep me", "Delete me", "Me too"):
        save(at, name)
    at.multiselect(key="projection_remove_names").set_value(["Delete me", "Me too"])
    at.button(key="projection_remove").click().run()
    assert not at.exception
    assert any("Deleted 2 saved scenarios" in s.value for s in at.success)
    assert listed(session(owner)) == ["Keep me"]


def test_the_short_link_opens_the_scenario_for_anyone_on_any_page() -> None:
    owner = new_id()
    at = release_panel(session(owner), share=12.5, unique=40.0)
    save(at, "Shared view")
    scenario_id = links(at)[0].rsplit("=", 1)[1]
    assert len(scenario_id) == 22
    stranger = session(new_id(), {"scenario": scenario_id})
    assert panel_data(stranger)["values"]["share"] == 12.5
    assert panel_data(stranger)["values"]["unique"] == 40
    assert "Showing the saved scenario “Shared view” from its link" in page_text(stranger)
    assert "unknown parameter" not in page_text(stranger)
    assert stranger.query_params["share"] == "12.5"  # the address bar holds the view
    assert "No saved scenarios yet" in page_text(stranger)  # opened, not made theirs
    overview = session(new_id(), {"scenario": scenario_id}, page=None)
    assert "Showing the saved scenario “Shared view”" in page_text(overview)
    assert overview.query_params["unique"] == "40"


@pytest.mark.parametrize(("value", "says"), [
    ("not-an-id!", "is not the id of a saved scenario"),
    ("<script>x</script>", "is not the id of a saved scenario"),
    ("A" * 22, "No saved scenario has the id"),
])
def test_a_bad_scenario_link_is_explained_and_the_page_works(value: str, says: str) -> None:
    at = session(new_id(), {"scenario": value})
    text = page_text(at)
    assert says in text
    assert "<script>" not in text
    assert panel_data(at)["values"]["share"] == BUNDLE.inputs["share"].default


def test_compare_without_presets_lists_each_saved_scenario_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The issue: in a document with no presets, the first saved scenario was listed twice,
    then a duplicate column; with the twin removed, 'Choose at least two'."""
    monkeypatch.setenv("CLAIMSCOPE_DOCUMENT", str(NO_PRESETS))
    at = session(new_id())
    save(at, "First")
    release_panel(at, share=5.0)
    save(at, "Second")
    at.switch_page(COMPARE).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.multiselect(key="compare_choice").value == ["First", "Second"]
    text = page_text(at)
    assert "Choose at least two" not in text
    assert "Assumptions that differ" in text
    table = next(d.value for d in at.dataframe if "assumption" in d.value.columns)
    assert list(table.columns) == ["assumption", "First", "Second"]


def test_saving_on_compare_without_presets_compares_once_there_are_two(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMSCOPE_DOCUMENT", str(NO_PRESETS))
    at = session(new_id(), page=COMPARE)
    save(at, "Only one", "compare_save")
    assert "Save at least two scenarios" in page_text(at)
    save(at, "Only one", "compare_save")  # the same name again: numbered
    assert at.multiselect(key="compare_choice").value == ["Only one", "Only one (2)"]
    assert "Assumptions that differ" in page_text(at)


@pytest.fixture
def database_down(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("CLAIMSCOPE_DATABASE_URL",
                       f"postgresql+psycopg://nobody:x@127.0.0.1:{closed_port()}/claimscope")
    yield


@pytest.mark.parametrize("page", [entry.path for entry in pages(BUNDLE)])
def test_every_page_works_with_the_database_unreachable(database_down: None,
                                                        page: str) -> None:
    at = session(new_id(), page=page)
    assert not at.exception


def test_saving_says_plainly_that_it_is_unavailable(database_down: None) -> None:
    at = session(new_id())
    assert "Saved scenarios are unavailable right now" in page_text(at)
    save(at, "Not kept")
    errors = [e.value for e in at.error]
    assert any(e.startswith("Not saved: Saved scenarios are unavailable") for e in errors)
    assert at.text_input(key="projection_save_name").value == "Not kept"  # not lost
    opened = session(new_id(), {"scenario": "A" * 22})
    assert "cannot be opened right now" in page_text(opened)


def test_the_store_keeps_what_the_page_saved() -> None:
    owner = new_id()
    at = release_panel(session(owner), share=10.0)
    save(at, "Kept")
    [record] = owner_scenarios(open_store(), owner, BUNDLE.document.meta["id"])
    assert record.params["share"] == 10
    assert record.params["samples"] and "seed" in record.params  # the complete view
