"""AppTest of the uncertainty section of the projection explorer."""

from __future__ import annotations

import pytest

from tests.apptest_helpers import figure_specs, open_range_editor, page_text, panel_data, run_page

PAGE = "components/pages/projection.py"


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def titles(at) -> list[str]:
    return [spec["layout"]["title"]["text"] for spec in figure_specs(at)]


def test_without_ranges_the_page_offers_the_suggested_ranges() -> None:
    at = run_page(PAGE)
    assert "Every assumption is a single value" in page_text(at)
    assert not [m for m in at.metric if m.label == "Chance the claim holds"]
    assert not any(t.startswith("The claim holds on") for t in titles(at))  # asked for:
    at.toggle(key="claim_map_shown").set_value(True).run()
    assert any(t.startswith("The claim holds on") for t in titles(at))  # claim map


def test_switching_an_input_to_a_range_shows_the_distribution() -> None:
    at = run_page(PAGE)
    open_range_editor(at).toggle(key="unique_ranged").set_value(True).run()
    assert not at.exception
    assert at.query_params["unique_lo"] == "2" and at.query_params["unique_hi"] == "100"
    assert at.query_params["unique_dist"] == "lognormal"
    # unique log-normal, 5th-95th percentiles 2-100 %, cut to 1-100 % and renormalised:
    # P(unique >= 83.654 %) = 1.87 %
    probability = float(metric(at, "Chance the claim holds").rstrip("%"))
    assert probability == pytest.approx(1.87, abs=0.3)
    names = titles(at)
    assert any(t.startswith("National total over the window: between") for t in names)
    assert any("moves the national total over the window most" in t for t in names)
    assert any("of the uncertainty" in t for t in names)


def test_a_shared_link_with_ranges_reproduces_the_numbers() -> None:
    query = {"unique_lo": "60", "unique_hi": "100", "coverage_lo": "50", "coverage_hi": "100",
             "coverage_dist": "triangular", "seed": "11", "samples": "10000"}
    first, second = run_page(PAGE, query), run_page(PAGE, query)
    for label in ("Chance the claim holds", "National total over the window, 90% interval"):
        assert metric(first, label) == metric(second, label)
    assert first.slider(key="unique_range").value == (60.0, 100.0)
    assert first.selectbox(key="coverage_dist").value == "triangular"
    assert first.number_input(key="mc_seed").value == 11
    assert "10,000 draws" in page_text(first)


def test_suggested_ranges_cover_the_five_implicit_assumptions() -> None:
    at = run_page(PAGE)
    at.button(key="apply_presets").click().run()
    for name in ("unique", "rate_ratio", "coverage", "growth", "global_share"):
        assert at.toggle(key=f"{name}_ranged").value
    tornado = next(s for s in figure_specs(at) if "moves the national total over the window" in
                   s["layout"]["title"]["text"])
    assert len(tornado["data"][0]["y"]) == 5


def test_changing_the_seed_changes_the_draws_but_not_the_point() -> None:
    query = {"unique_lo": "60", "unique_hi": "100"}
    at = run_page(PAGE, query)
    before = metric(at, "National total over the window, 90% interval")
    at.number_input(key="mc_seed").set_value(99).run()
    assert at.query_params["seed"] == "99"
    assert panel_data(at)["values"]["unique"] == 100  # the point value is untouched
    assert metric(at, "National total over the window, 90% interval") != before


def test_bad_range_parameters_are_explained() -> None:
    at = run_page(PAGE, {"unique_lo": "90", "unique_hi": "60", "unique_dist": "wobbly"})
    warning = at.warning[0].value
    assert "unique_lo (90%) was above unique_hi (60%); swapped them." in warning
    assert "unique_dist=wobbly is not a known shape" in warning
    assert at.slider(key="unique_range").value == (60.0, 90.0)


CORRELATED = {"unique_lo": "60", "unique_hi": "100", "coverage_lo": "50",
              "coverage_hi": "100", "samples": "10000", "corr": "unique:coverage:0.5"}


def test_a_link_with_corr_reproduces_the_result_and_says_so() -> None:
    first, second = run_page(PAGE, CORRELATED), run_page(PAGE, CORRELATED)
    independent = run_page(PAGE, {k: v for k, v in CORRELATED.items() if k != "corr"})
    label = "Chance the claim holds"
    assert metric(first, label) == metric(second, label) != metric(independent, label)
    text = page_text(first)
    assert ("Correlated: Distinct images among those seized and Share of circulating images "
            "that police seized (rank correlation +0.50).") in text
    # the histogram's note, its labels inert as Markdown (invisible word joiners)
    assert "Drawn with correlated assumptions: Distinct images" in text.replace("\u2060", "")
    assert "These shares assume the assumptions vary independently" in text
    first.toggle(key="sobol_shown").set_value(True).run()
    assert "these ignore the correlations set above" in page_text(first)
    assert first.query_params["corr"] == "unique:coverage:0.5"


def test_a_reader_sets_and_removes_a_correlation() -> None:
    query = {k: v for k, v in CORRELATED.items() if k != "corr"}
    at = run_page(PAGE, query)
    at.selectbox(key="corr_first").set_value("coverage").run()
    assert at.selectbox(key="corr_second").value == "unique"
    at.slider(key="corr_rank").set_value(-0.4).run()
    at.button(key="corr_set").click().run()
    assert not at.exception
    assert at.query_params["corr"] == "unique:coverage:-0.4"
    assert "rank correlation -0.40" in page_text(at)
    at.button(key="corr_remove_unique_coverage").click().run()
    assert "corr" not in at.query_params
    assert "vary independently (no correlation set)" in page_text(at)


def test_bad_corr_values_are_explained() -> None:
    at = run_page(PAGE, {**CORRELATED, "corr": "unique:coverage:2,unique:growth:0.3"})
    assert not at.exception
    text = page_text(at)
    assert "coverage⁠:⁠2 is out of range (−0.9 to 0.9); clamped to 0.9." in text
    assert "growth has no range" in text
    assert at.query_params["corr"] == "unique:coverage:0.9"


def test_sobol_indices_and_convergence_are_shown_with_their_data() -> None:
    at = run_page(PAGE, {k: v for k, v in CORRELATED.items() if k != "corr"})
    names = titles(at)
    assert any(t.startswith("The chance the claim (300 million) holds settles at") for t in names)
    assert not any("with its interactions" in t for t in names)  # on request
    at.toggle(key="sobol_shown").set_value(True).run()
    names = titles(at)
    assert any("drives" in t and "with its interactions (95% interval" in t for t in names)
    at.radio(key="sobol_scale").set_value("linear").run()
    assert any("of the variance of national total over the window with its interactions"
               in t for t in titles(at))
    assert not at.exception
