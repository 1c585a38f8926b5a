"""AppTest of scenarios: saving, comparing, links, import, report and citation on pages."""

from __future__ import annotations

import json
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from claimscope.bundle import load_bundle
from claimscope.charts.report import ReportEntry, build_report
from claimscope.link.scenario_file import FORMAT, VERSION
from claimscope.link.scenario_link import LINK_PARAM, encode_link
from claimscope.link.scenarios import Scenario
from claimscope.link.viewstate import parse_view
from claimscope.store.database import open_store
from claimscope.store.scenarios import owner_scenarios
from claimscope.text.numbers import display
from claimscope.views.citation import cite
from claimscope.views.projection import output_rows
from tests.apptest_helpers import (
    figure_specs,
    kept,
    open_link,
    page_text,
    panel_data,
    release_panel,
    run_page,
)

PROJECTION = "components/pages/projection.py"
COMPARE = "components/pages/compare.py"
BUNDLE = load_bundle()
SPECS = BUNDLE.inputs


def save(at: AppTest, name: str, prefix: str = "projection_save") -> AppTest:
    at.text_input(key=f"{prefix}_name").input(name)
    at.button(key=f"{prefix}_button").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def saved_names(at: AppTest) -> list[str]:
    """The names the session's browser has saved, as the store keeps them."""
    return [s.name for s in owner_scenarios(open_store(), at.session_state["owner_token"],
                                            BUNDLE.document.meta["id"])]


def downloads(at: AppTest) -> list[str]:
    return [d.proto.label for d in at.get("download_button")]


def scenario_file(*scenarios: dict) -> bytes:
    return json.dumps({"format": FORMAT, "version": VERSION,
                       "document": BUNDLE.document.meta["id"],
                       "scenarios": list(scenarios)}).encode()


@pytest.fixture
def two_saved() -> AppTest:
    """Two scenarios saved on the projection explorer: share 10 %, and unique 50 %."""
    at = release_panel(run_page(PROJECTION), share=10.0)
    save(at, "Ten percent share")
    release_panel(at, share=7.25, unique=50.0)
    save(at, "Half <b>duplicates</b>")
    assert saved_names(at) == ["Ten percent share", "Half <b>duplicates</b>"]
    at.switch_page(COMPARE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_saved_scenarios_are_compared_in_a_table_and_a_chart(two_saved: AppTest) -> None:
    at = two_saved
    assert at.multiselect(key="compare_choice").value == [
        "As the document assumes", "Ten percent share", "Half <b>duplicates</b>"]
    table = next(d.value for d in at.dataframe if "assumption" in d.value.columns)
    assert list(table["assumption"]) == ["Responding forces' share of the population",
                                         "Distinct images among those seized"]
    assert list(table["Ten percent share"]) == ["10%", "100%"]
    assert list(table["Half <b>duplicates</b>"]) == ["7.25%", "50%"]
    spec = next(s for s in figure_specs(at) if s["data"][0]["type"] == "bar")
    assert spec["data"][0]["x"] == ["As the document assumes", "Ten percent share",
                                    "Half &lt;b&gt;duplicates&lt;/b&gt;"]  # shown as text
    assert "In 1 of 3 scenarios the national total over the window reaches 300 million" in \
        spec["layout"]["title"]["text"]
    assert "Download report" in downloads(at)
    link = next(c.value for c in at.code if c.value.startswith("/compare?scenarios="))
    assert len(link) > len("/compare?scenarios=") + 20


def open_compare(query: dict[str, str]) -> AppTest:
    """A session that starts on /compare with `query` (as a shared link opens)."""
    return open_link(COMPARE, query)


def test_a_compare_link_brings_its_scenarios_and_no_false_notice() -> None:
    view, _ = parse_view({"coverage": "40"}, BUNDLE.model)
    value = encode_link([Scenario("From a link", view),
                         Scenario("Also linked", view.with_value("unique", 80))], SPECS)
    at = open_compare({LINK_PARAM: value, "share": "abc"})
    assert [s.name for s in kept(at, "linked_scenarios")] == ["From a link", "Also linked"]
    assert saved_names(at) == []  # kept for the session; the reader may save them
    assert at.multiselect(key="compare_choice").value == ["From a link", "Also linked"]
    text = page_text(at)
    assert "unknown parameter" not in text  # scenarios= belongs to this page
    assert "share=abc is not a number" in text  # the view's own notices are kept


def test_a_damaged_compare_link_is_explained_and_the_page_works() -> None:
    at = open_compare({LINK_PARAM: "@@not-a-link@@"})
    assert "damaged" in page_text(at)
    assert saved_names(at) == []
    assert at.multiselect(key="compare_choice").value  # the presets are still there


def test_importing_a_file_adds_its_scenarios(two_saved: AppTest) -> None:
    at = two_saved
    at.file_uploader(key="compare_files_import").upload(
        "mine.json", scenario_file({"name": "Imported", "params": {"coverage": 50}}),
        "application/json").run()
    assert not at.exception
    assert saved_names(at) == ["Ten percent share", "Half <b>duplicates</b>", "Imported"]
    assert any("Imported 1 scenario" in s.value for s in at.success)


def test_import_messages_escape_a_readers_text_once(two_saved: AppTest) -> None:
    """A hostile name and a value the link rules change: the name is escaped once where it
    enters the message, the core's notice as it came (never a doubled backslash)."""
    at = two_saved
    at.file_uploader(key="compare_files_import").upload(
        "mine.json", scenario_file({"name": "a*b_c", "params": {"share": 500}}),
        "application/json").run()
    assert not at.exception
    shown = [m.value for m in (*at.success, *at.warning)]
    assert any("a\\*b\\_c" in m for m in shown), shown
    assert any("share=500 is out of range" in m for m in shown), shown
    assert not any("\\\\" in m for m in shown), shown


@pytest.mark.parametrize(("data", "says"), [
    (b"{broken", "not valid JSON"),
    (json.dumps({"format": FORMAT, "version": 7, "scenarios": []}).encode(), "version"),
    (b"x" * (1024 * 1024 + 1), "1 MB"),
], ids=["broken", "version", "oversized"])
def test_a_bad_file_is_named_and_nothing_saved_is_lost(two_saved: AppTest, data: bytes,
                                                       says: str) -> None:
    at = two_saved
    at.file_uploader(key="compare_files_import").upload("bad.json", data,
                                                        "application/json").run()
    assert not at.exception
    assert saved_names(at) == ["Ten percent share", "Half <b>duplicates</b>"]
    errors = [e.value for e in at.error]
    assert any("Nothing imported" in e and says in e and "unchanged" in e for e in errors), \
        errors


def test_projection_offers_link_report_files_and_citation() -> None:
    at = run_page(PROJECTION, {"share": "10"})
    assert any(c.value == "/projection?share=10" for c in at.code)
    assert {"Download report", "Download this scenario (JSON)"} <= set(downloads(at))
    assert any("figures examined with ClaimScope" in c.value for c in at.code)


def test_the_report_holds_every_figure_the_page_shows() -> None:
    at = run_page(PROJECTION, {"share": "10", "unique": "90", "year": "2020",
                               "growth": "5"})
    # The panel's cards, as the server writes them (the browser writes the same text:
    # tests/browser/test_panel_live.py).
    values = BUNDLE.model.point_values(panel_data(at)["values"])
    shown = {label: value for label, value, _ in
             output_rows(BUNDLE.model, values, BUNDLE.model.evaluate(values))}
    assert shown["National total over the window"] == "234 million"
    view, _ = parse_view({"share": "10", "unique": "90", "year": "2020", "growth": "5"},
                         BUNDLE.model)
    report = build_report(BUNDLE, [ReportEntry(Scenario("Shown", view))],
                          cite(BUNDLE.document, date.today()), "now")
    for label, value in shown.items():
        assert f"<td>{label}</td><td>{value}</td>" in report, (label, value)


def test_starting_from_a_preset_sets_every_assumption() -> None:
    at = run_page(PROJECTION)
    at.selectbox(key="projection_apply_name").set_value(
        "Distinct images at the national database's scale").run()
    at.button(key="projection_apply").click().run()
    assert not at.exception
    assert panel_data(at)["values"]["unique"] == 17
    assert at.query_params["unique"] == "17"
    national = BUNDLE.model.evaluate(panel_data(at)["values"])["national"]
    assert display(float(national), "images") == "61 million"


def test_method_page_says_how_to_cite() -> None:
    at = run_page("components/pages/method.py")
    assert "How to cite" in page_text(at)
    assert any(c.value.startswith(BUNDLE.document.citation()) for c in at.code)


@pytest.mark.parametrize("page", [
    "components/pages/overview.py", PROJECTION, COMPARE, "components/pages/sample_units.py",
    "components/pages/estimates_over_time.py", "components/pages/membership.py",
    "components/pages/source.py", "components/pages/method.py",
])
def test_every_table_has_a_csv_download(page: str) -> None:
    at = run_page(page)
    csv = [label for label in downloads(at) if "CSV" in label]
    assert len(csv) >= len(at.dataframe), (len(csv), len(at.dataframe))


def test_the_chosen_scenarios_survive_a_visit_to_another_page(two_saved: AppTest) -> None:
    at = two_saved
    at.multiselect(key="compare_choice").set_value(["Ten percent share",
                                                    "Half <b>duplicates</b>"]).run()
    at.switch_page("components/pages/projection.py").run()
    at.switch_page(COMPARE).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.multiselect(key="compare_choice").value == ["Ten percent share",
                                                          "Half <b>duplicates</b>"]
