"""AppTest of the projection explorer: values, controls, URL in and out."""

from __future__ import annotations

from tests.apptest_helpers import figure_specs, page_text, run_page

PAGE = "components/pages/projection.py"


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_defaults_show_the_documents_numbers() -> None:
    at = run_page(PAGE)
    assert metric(at, "National total over the window") == "358.6 million"
    assert metric(at, "Global total") == "17.9 billion"
    assert metric(at, "Images per offender") == "7,172"
    text = page_text(at)
    assert "Five forces seized **26 million** images" in text
    assert "**7.25%**" in text and "**358.6 million** images nationally" in text
    assert at.success and "claim holds" in at.success[0].value
    assert len(figure_specs(at)) == 1  # steps; the sweep and the claim map wait to be asked
    at.selectbox(key="sweep_input").set_value("share")
    at.toggle(key="claim_map_shown").set_value(True).run()
    assert len(figure_specs(at)) == 3  # steps, sweep, claim map


def test_break_even_table_shows_unique_at_83_65_percent() -> None:
    at = run_page(PAGE)
    table = next(d.value for d in at.dataframe if "holds_while" in d.value.columns)
    table = table.set_index("assumption")
    assert table.loc["Distinct images among those seized", "holds_while"] == "≥ 83.65%"


def test_url_parameters_are_honoured() -> None:
    at = run_page(PAGE, {"share": "10", "unique": "90"})
    assert metric(at, "National total over the window") == "234 million"
    assert at.slider(key="share").value == 10
    assert at.number_input(key="unique_exact").value == 90


def test_claim_failing_is_said_plainly() -> None:
    at = run_page(PAGE, {"unique": "80"})
    assert at.error and "does not hold" in at.error[0].value


def test_moving_a_slider_changes_the_total_and_the_url() -> None:
    at = run_page(PAGE)
    at.slider(key="share").set_value(10.0).run()
    assert metric(at, "National total over the window") == "260 million"
    assert at.query_params["share"] == "10"
    assert at.number_input(key="share_exact").value == 10


def test_exact_entry_moves_the_slider_too() -> None:
    at = run_page(PAGE)
    at.number_input(key="seized_exact").set_value(30_000_000).run()
    assert at.slider(key="seized").value == 30_000_000
    assert metric(at, "National total over the window") == "413.8 million"


def test_reset_returns_to_the_documents_values() -> None:
    at = run_page(PAGE, {"share": "10"})
    at.button(key="reset_assumptions").click().run()
    assert metric(at, "National total over the window") == "358.6 million"
    assert "share" not in at.query_params


def test_bad_parameters_get_a_plain_notice() -> None:
    at = run_page(PAGE, {"share": "abc", "year": "3000"})
    warning = at.warning[0].value
    assert "share=abc is not a number; using the default 7.25%" in warning
    assert "year=3000 is out of range (2012 to 2030); clamped to 2030" in warning
    assert metric(at, "Projected to 2030") == "358.6 million"


def test_sweep_chart_marks_the_break_even() -> None:
    at = run_page(PAGE)
    at.selectbox(key="sweep_input").set_value("unique").run()
    spec = figure_specs(at)[1]
    assert "at least 83.65%" in spec["layout"]["title"]["text"]
    shapes = spec["layout"]["shapes"]
    assert any(s.get("x0") == s.get("x1") and abs(s["x0"] - 83.654) < 0.01 for s in shapes)
