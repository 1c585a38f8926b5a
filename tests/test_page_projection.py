"""AppTest of the projection explorer: the panel's data from the URL, the server's charts.

The panel itself (its numbers, sentence and table, computed in the browser) is tested in
Chromium: tests/browser/test_projection.py and test_panel_live.py.
"""

from __future__ import annotations

from tests.apptest_helpers import figure_specs, panel_data, release_panel, run_page

PAGE = "components/pages/projection.py"


def test_the_panel_gets_the_documents_values_and_spec() -> None:
    at = run_page(PAGE)
    data = panel_data(at)
    assert data["values"]["share"] == 7.25 and data["values"]["seized"] == 26_000_000
    spec = data["spec"]
    assert [group["title"] for group in spec["groups"]][0] == "The document's figures"
    shown = {item["name"] for item in spec["inputs"]}
    assert "offender_second_year" not in shown  # drawn on the Offenders page only
    assert {"seized", "share", "unique", "global_share"} <= shown
    assert spec["headline"] == "national" and spec["threshold"] == 300_000_000
    assert spec["sentence"]["parts"], "the document's sentence travels to the browser"
    assert not at.sidebar.slider and not at.sidebar.number_input  # the panel replaced them


def test_url_parameters_reach_the_panel() -> None:
    at = run_page(PAGE, {"share": "10", "unique": "90"})
    values = panel_data(at)["values"]
    assert values["share"] == 10 and values["unique"] == 90


def test_charts_wait_to_be_asked() -> None:
    """The step chart is the panel's (no plotly figure): a first visit sends none; the
    sweep and the claim map come when asked."""
    at = run_page(PAGE)
    assert figure_specs(at) == []
    assert [stage["name"] for stage in panel_data(at)["spec"]["steps"]["stages"]] == [
        "seized", "distinct", "national", "projected", "global_total"]
    at.selectbox(key="sweep_input").set_value("share")
    at.toggle(key="claim_map_shown").set_value(True).run()
    assert len(figure_specs(at)) == 2  # sweep, claim map


def test_break_even_table_download_is_offered() -> None:
    at = run_page(PAGE)
    labels = [button.label for button in at.get("download_button")]
    assert any(label.startswith("Download the break-even table") for label in labels)
    assert "Download the step chart's numbers (CSV)" in labels


def test_bad_parameters_get_a_plain_notice() -> None:
    at = run_page(PAGE, {"share": "abc", "year": "3000"})
    warning = at.warning[0].value
    assert "share=abc is not a number; using the default 7.25%" in warning
    assert "year=3000 is out of range (2012 to 2030); clamped to 2030" in warning
    assert panel_data(at)["values"]["year"] == 2030


def test_sweep_chart_marks_the_break_even() -> None:
    at = run_page(PAGE)
    at.selectbox(key="sweep_input").set_value("unique").run()
    [spec] = figure_specs(at)
    assert "at least 83.65%" in spec["layout"]["title"]["text"]
    shapes = spec["layout"]["shapes"]
    assert any(s.get("x0") == s.get("x1") and abs(s["x0"] - 83.654) < 0.01 for s in shapes)


def test_values_released_in_the_panel_become_the_view_and_the_link() -> None:
    at = release_panel(run_page(PAGE), share=10.0)
    assert panel_data(at)["values"]["share"] == 10
    assert at.query_params["share"] == ["10"] or at.query_params["share"] == "10"


def test_values_the_panel_cannot_use_are_clamped_and_said() -> None:
    at = release_panel(run_page(PAGE), share=500.0)
    assert panel_data(at)["values"]["share"] == 100
    assert any("share=500" in w.value and "clamped to 100%" in w.value for w in at.warning)
