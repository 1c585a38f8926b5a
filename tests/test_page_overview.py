"""The Overview page under AppTest: cards, URL-driven extrapolation, timeline, table filters."""

from __future__ import annotations

import pandas as pd
from streamlit.testing.v1 import AppTest

from claimscope.bundle import load_bundle
from claimscope.views.overview import timeline_frame
from tests.apptest_helpers import decode, figure_specs, open_chart_data, page_text, run_page

PAGE = "components/pages/overview.py"
CATALOGUE = load_bundle().catalogue


def cards(at: AppTest) -> dict[str, str]:
    """Card title (before ' · ') -> the value shown."""
    return {m.label.split(" · ")[0]: m.value for m in at.metric}


def claims_rows(at: AppTest) -> pd.DataFrame:
    """The claims table currently shown (the one with a document location per row)."""
    tables = [t.value for t in at.dataframe if "section" in t.value.columns]
    assert len(tables) == 1
    return tables[0]


def test_five_cards_show_the_documents_figures() -> None:
    at = run_page(PAGE)
    assert cards(at) == {
        "Seized images": "26 million",
        "Population share": "7.25%",
        "National total over the window": "358.6 million",
        "Offenders": "50,000 → 100,000",
        "ECPAT members": "103",
    }
    labels = [m.label for m in at.metric]
    assert labels[2].endswith("· derived")
    assert all(label.endswith("· reported") for i, label in enumerate(labels) if i != 2)
    assert "in 93 countries" in [m.proto.delta for m in at.metric]
    assert CATALOGUE["offenders-2014"].quote in at.metric[3].proto.help


def test_share_in_the_url_moves_the_extrapolated_card() -> None:
    at = run_page(PAGE, query={"share": "10"})
    assert cards(at)["National total over the window"] == "260 million"
    assert at.metric[2].label.endswith("· your assumptions")
    assert "does not hold" in at.metric[2].proto.help
    assert cards(at)["Seized images"] == "26 million"  # reported figures do not move


def test_intro_and_link_to_the_projection_explorer() -> None:
    at = run_page(PAGE)
    text = page_text(at)
    assert "**26 million**" in text and "**7.25%**" in text
    assert CATALOGUE["national-total-claim"].quote in text
    links = at.get("page_link")
    assert [link.proto.page for link in links] == ["projection"]


def test_timeline_plots_every_dated_claim_with_a_finding_title() -> None:
    at = run_page(PAGE)
    (spec,) = figure_specs(at)
    expected = timeline_frame(CATALOGUE)
    title = spec["layout"]["title"]["text"]
    assert title.startswith(f"{len(expected)} dated claims from 2010 to 2030")
    plotted = sum(len(decode(trace["y"])) for trace in spec["data"])
    assert plotted == len(expected)
    symbols = {trace["marker"]["symbol"] for trace in spec["data"]}
    assert len(symbols) == len(spec["data"])  # one shape per kind
    open_chart_data(at, "timeline")
    assert any(d.proto.label == "Download CSV" for d in at.get("download_button"))


def test_filter_by_category_reduces_rows() -> None:
    at = run_page(PAGE)
    everything = claims_rows(at)
    assert len(everything) == len(CATALOGUE.claims)
    at.multiselect(key="filter_category").select("offenders").run()
    assert not at.exception
    rows = claims_rows(at)
    assert 0 < len(rows) < len(everything)
    assert set(rows["category"]) == {"offenders"}
    assert f"Showing {len(rows)} of {len(everything)} claims" in page_text(at)


def test_filter_by_kind() -> None:
    at = run_page(PAGE)
    at.multiselect(key="filter_kind").select("derived").run()
    rows = claims_rows(at)
    assert set(rows["kind"]) == {"derived"}
    assert "national-total-claim" in set(rows["id"])


def test_search_for_bristow_finds_the_2014_offender_claim() -> None:
    at = run_page(PAGE)
    at.text_input(key="claim_search").input("bristow").run()
    rows = claims_rows(at)
    assert "offenders-2014" in set(rows["id"])
    assert rows.loc[rows["id"] == "offenders-2014", "value_text"].item() == "50,000"
    assert len(rows) < len(CATALOGUE.claims)


def test_search_with_no_match_says_so_without_error() -> None:
    at = run_page(PAGE)
    at.text_input(key="claim_search").input("[(.*no such claim").run()
    assert not at.exception
    assert not [t for t in at.dataframe if "section" in t.value.columns]
    assert "No claim matches these filters." in [i.value for i in at.info]
