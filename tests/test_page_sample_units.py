"""AppTest of the sample page, ECPAT's "Behind the 26 million" (/forces)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import streamlit as st
import yaml

from claimscope.bundle import DATA_DIR, default_document, load_bundle
from claimscope.context.sample_arithmetic import group_frame
from claimscope.context.sample_units import SAMPLE_UNITS_FILE
from claimscope.text.markdown import escape_markdown
from tests.apptest_helpers import decode, figure_specs, page_text, run_page

PAGE = "components/pages/sample_units.py"


@pytest.fixture(scope="module")
def at():
    return run_page(PAGE)


def test_page_says_its_data_is_context_with_sources(at) -> None:
    notice = at.warning[0].value
    assert notice.startswith("**Context data — not from the document.**")
    assert "johnc1912.wordpress.com/2012/10/16/i-thought-i-was-unshockable-2/" in notice
    assert "jfhc.co.uk/i-thought-i-was-unshockable" in notice
    assert "actionagainstabuse.wordpress.com" in notice
    text = page_text(at)
    assert "understates the number of people who live in major conurbations" in text
    assert "4,006,600 ÷ 7.25% = 55.26 million" in text  # the population basis, said once
    assert "Population of England and Wales, mid-2010 (original estimate), 55.24 million" in text


def test_key_numbers_on_screen(at) -> None:
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Cambridgeshire: share of the sampled people"] == "19.7%"
    assert metrics["Cambridgeshire: share of the images"] == "66%"
    assert metrics["National total without Cambridgeshire"] == "151.8 million"
    assert metrics["Pro rata on all groups"] == "358.6 million"
    text = page_text(at)
    for phrase in ("226.3 million", "223.1 million", "the unrounded 3.85%",
                   "cannot support a confident interval", "38 of 43 forces are not in it"):
        assert phrase in text


def test_three_charts_with_findings_in_their_titles(at) -> None:
    specs = figure_specs(at)
    titles = [spec["layout"]["title"]["text"] for spec in specs]
    assert titles == [
        "Cambridgeshire: 20% of the people, 66% of the images",
        "Images seized per resident range from 0.22 (Nottinghamshire) to 21.73 (Cambridgeshire)",
        "Without Cambridgeshire the national total falls to 151.8 million, below the 300 "
        "million claimed",
    ]
    leave_one_out = specs[2]
    bars = sorted(round(v / 1e6, 1) for trace in leave_one_out["data"]
                  for v in decode(trace["y"]))
    assert bars == [151.8, 400.5, 418.3, 487.6]
    lines = sorted(round(shape["y0"] / 1e6, 1) for shape in leave_one_out["layout"]["shapes"])
    assert lines == [300.0, 358.6]


def test_groups_table_marks_stated_and_derived(at) -> None:
    tables = {frozenset(t.value.columns): t.value for t in at.dataframe}
    groups = next(t for cols, t in tables.items() if "share_of_population" in cols)
    status = dict(zip(groups["group"], groups["status"], strict=True))
    assert status == {"Cambridgeshire": "stated", "Dyfed-Powys": "stated",
                      "Humberside + Lincolnshire": "derived", "Nottinghamshire": "derived"}
    # shown at the precision each has; the exact arithmetic (the download) still adds up
    assert groups["count_as_known"].tolist() == [
        "17,162,489", "633,703", "about 8.0 million", "about 240,000"]
    assert group_frame(load_bundle().sample_units)["count"].sum() == 26_000_000
    comparison = next(t for cols, t in tables.items() if "verdict" in cols)
    assert "agrees only if cut off, not rounded" in set(comparison["verdict"])


def test_broken_context_file_is_named_not_a_crash(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / default_document()
    shutil.copytree(DATA_DIR / default_document(), folder)
    path = folder / SAMPLE_UNITS_FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["groups"][0]["population"] = -1
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("CLAIMSCOPE_DOCUMENT", str(folder))
    st.cache_resource.clear()  # the bundle and context data are cached per process
    try:
        at = run_page(PAGE)
        errors = " ".join(e.value for e in at.error)
        assert escape_markdown("sample_units.yaml, record cambridgeshire, field "
                               "'population': must be at least 1") in errors
        assert not at.get("plotly_chart")
    finally:
        st.cache_resource.clear()


def test_derived_counts_at_the_precision_they_have_and_non_response_as_reported(at) -> None:
    text = page_text(at)
    assert "gave image counts in time" in text and "the other 38 gave none" in text
    assert "cut off after the Dyfed-Powys row" in text
    assert "more than 200,000" in text  # the local paper, in the derivation
    assert "do not separate" not in text
