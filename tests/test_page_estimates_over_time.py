"""AppTest of the estimates-over-time page (ECPAT's Offenders): reported counts, implied
growth, projection, the projected total per estimate, all in the document's words."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from claimscope.bundle import load_bundle
from claimscope.files.schema import DataError
from components.navigation import pages
from tests.apptest_helpers import decode, figure_specs, open_chart_data, page_text, run_page
from tests.data_helpers import copy_document, edit

PAGE = "components/pages/estimates_over_time.py"


def metric(at, label_start: str) -> str:
    return next(m.value for m in at.metric if m.label.startswith(label_start))


def titles(at) -> list[str]:
    return [spec["layout"]["title"]["text"] for spec in figure_specs(at)]


def test_reported_counts_and_their_hedges() -> None:
    at = run_page(PAGE)
    assert metric(at, "Reported, October 2014 · lower bound") == "50,000"
    assert metric(at, "Reported, 2016 and 2017 · upper estimate") == "100,000"
    text = page_text(at)
    assert "`offenders-2014`" in text and "`offenders-2016-2017`" in text
    assert "“involving themselves with”" in text and "downloading or exchanging" in text
    assert "lower bound (“upwards of”)" in text and "upper estimate (“as many as”)" in text


def test_defaults_date_the_second_estimate_2016() -> None:
    at = run_page(PAGE)
    assert at.segmented_control(key="offender_second_year").value == 2016
    assert metric(at, "Implied growth a year") == "41.4%"
    assert metric(at, "Years between statements") == "2 years"
    assert metric(at, "At that rate by 2030") == "12.8 million"
    assert titles(at)[:2] == [
        "Reported offender estimates doubled in 2 years (41.4% a year)",
        "Continuing 41.4% a year would mean 12.8 million by 2030, against the SDG aim of "
        "elimination",
    ]


def test_dating_it_2017_gives_26_percent() -> None:
    at = run_page(PAGE)
    at.segmented_control(key="offender_second_year").set_value(2017).run()
    assert not at.exception
    assert metric(at, "Implied growth a year") == "26.0%"
    assert metric(at, "Years between statements") == "3 years"
    assert metric(at, "At that rate by 2030") == "2 million"
    assert titles(at)[0] == "Reported offender estimates doubled in 3 years (26.0% a year)"


def test_projection_chart_plots_growth_and_the_target_path() -> None:
    at = run_page(PAGE)
    traces = {t["name"]: t for t in figure_specs(at)[1]["data"]}
    growth = traces["Implied 41.4% a year, continued (derived)"]
    target = traces["SDG target path to elimination (illustration, not a forecast)"]
    assert decode(growth["y"])[-1] == pytest.approx(100_000 * 2 ** 7)
    assert decode(target["y"])[0] == 100_000 and decode(target["y"])[-1] == 0
    assert list(decode(target["x"])) == list(range(2016, 2031))
    assert target["line"]["dash"] != growth["line"]["dash"]


def test_chart_data_is_what_is_plotted() -> None:
    at = open_chart_data(run_page(PAGE), "offender_estimates")
    plotted = np.concatenate([decode(t["y"]) for t in figure_specs(at)[0]["data"]])
    table = next(d.value for d in at.dataframe if "used_for_growth" in d.value.columns)
    assert sorted(table["offenders"]) == pytest.approx(sorted(plotted))


def test_images_per_offender_follow_the_shared_assumptions() -> None:
    at = run_page(PAGE)
    assert metric(at, "Images per offender (50,000 offenders)") == "7,172"
    assert "3,586" in titles(at)[2] and "7,172" in titles(at)[2]


def test_the_url_offender_count_changes_images_per_offender() -> None:
    at = run_page(PAGE, {"offenders": "100000"})
    assert metric(at, "Images per offender (100,000 offenders)") == "3,586"
    assert "Offender count for images per offender: 100,000 (default 50,000)" in page_text(at)
    bars = {label: value for trace in figure_specs(at)[2]["data"]
            for label, value in zip(trace["y"], decode(trace["x"]), strict=True)}
    assert bars["Set in the assumptions: 100,000"] == pytest.approx(3586.2, abs=0.1)
    assert bars["Reported: upwards of 50,000 (October 2014)"] == pytest.approx(7172.4, abs=0.1)


def test_projection_year_and_growth_reach_this_page() -> None:
    at = run_page(PAGE, {"year": "2020", "growth": "10"})
    assert metric(at, "Projected images in 2020") == "768.7 million"
    assert metric(at, "Images per offender (50,000 offenders)") == "15,375"


def test_second_year_travels_in_the_link() -> None:
    """The chosen year is an assumption like the others: it lives in the URL."""
    at = run_page(PAGE, {"offender_second_year": "2017"})
    assert at.segmented_control(key="offender_second_year").value == 2017
    at.segmented_control(key="offender_second_year").set_value(2016).run()
    assert "offender_second_year" not in at.query_params
    at.segmented_control(key="offender_second_year").set_value(2017).run()
    assert at.query_params["offender_second_year"] == "2017"


def test_the_navigation_entry_is_the_blocks(tmp_path: Path) -> None:
    """Title, address and icon are the document's words: ECPAT's as they always were, and
    whatever another document's block says."""
    entry = next(e for e in pages(load_bundle()) if e.path == PAGE)
    assert (entry.title, entry.url, entry.icon) == ("Offenders", "offenders", ":material/groups:")
    folder = copy_document(tmp_path)
    edit(folder / "pages.yaml", lambda d: d["estimates_over_time"].update(
        title="Cases over time", path="cases", icon=":material/timeline:"))
    entry = next(e for e in pages(load_bundle(folder)) if e.path == PAGE)
    assert (entry.title, entry.url, entry.icon) == ("Cases over time", "cases",
                                                    ":material/timeline:")


def test_an_address_that_is_not_a_page_address_is_refused_by_name(tmp_path: Path) -> None:
    folder = copy_document(tmp_path)
    edit(folder / "pages.yaml", lambda d: d["estimates_over_time"].update(path="Cases/../x"))
    with pytest.raises(DataError, match=r"field 'path': must be lower-case letters, digits, "
                                        r"- or _ \(a page's address, e.g. estimates\); got "
                                        r"'Cases/../x'"):
        load_bundle(folder)
