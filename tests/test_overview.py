"""The Overview's core: card values, timeline data and the claims-table filters."""

from __future__ import annotations

import dataclasses
import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope.bundle import load_bundle
from claimscope.charts.overview import KIND_MARKERS, timeline_chart
from claimscope.files.catalogue import Catalogue
from claimscope.files.inputs import defaults
from claimscope.text.markdown import escape_markdown
from claimscope.views.overview import (
    claim_date,
    claims_table,
    dates_left_out,
    densest_span,
    filter_claims,
    headline_cards,
    intro_text,
    options,
    timeline_finding,
    timeline_frame,
    timeline_span,
)
from tests.fixture_documents import WATERMAINS_DOCUMENT

BUNDLE = load_bundle()
CATALOGUE = BUNDLE.catalogue
TABLE = claims_table(CATALOGUE)
TEMPLATE = CATALOGUE["seized-images"]
VOCABULARY = CATALOGUE.vocabulary
CATEGORIES, KINDS = list(VOCABULARY.categories), list(VOCABULARY.kinds)


def with_values(**changes: float) -> dict[str, float]:
    return {**defaults(BUNDLE.inputs), **changes}


def cards_by_title(values: dict[str, float], bundle=BUNDLE) -> dict[str, object]:
    return {card.label.split(" · ")[0]: card for card in headline_cards(bundle, values)}


def synthetic(dates: list[str | None], categories: list[str] | None = None,
              kinds: list[str] | None = None) -> Catalogue:
    """A catalogue of made-up claims with the given dates (and categories, kinds)."""
    claims = {}
    for i, date in enumerate(dates):
        claims[f"c{i}"] = TEMPLATE.model_copy(update={
            "id": f"c{i}", "date": date,
            "category": (categories or ["seizures"] * len(dates))[i],
            "kind": (kinds or ["reported"] * len(dates))[i]})
    return Catalogue(claims, VOCABULARY)


# Headline cards --------------------------------------------------------------------------


def test_cards_show_the_documents_figures_at_defaults() -> None:
    cards = cards_by_title(with_values())
    assert {title: card.value for title, card in cards.items()} == {
        "Seized images": "26 million",
        "Population share": "7.25%",
        "National total over the window": "358.6 million images",
        "Offenders": "50,000 → 100,000",
        "ECPAT members": "103",
    }
    assert cards["ECPAT members"].detail == "in 93 countries"
    assert cards["Offenders"].detail == "October 2014 → 2016 and 2017"
    assert cards["National total over the window"].detail == "Document: in excess of 300 million"


@pytest.mark.parametrize(("title", "claim_ids"), [
    ("Seized images", ["seized-images"]),
    ("Population share", ["population-share"]),
    ("National total over the window", ["national-total-claim"]),
    ("Offenders", ["offenders-2014", "offenders-2016-2017"]),
    ("ECPAT members", ["ecpat-members", "ecpat-countries"]),
])
def test_card_help_quotes_the_document_with_who_and_when(title: str,
                                                         claim_ids: list[str]) -> None:
    card = cards_by_title(with_values())[title]
    for claim_id in claim_ids:
        claim = CATALOGUE[claim_id]
        # As typed: the document's words are inert in the Markdown tooltip.
        assert f"“{escape_markdown(claim.quote)}”" in card.help
        assert f"{escape_markdown(claim.who)}, {escape_markdown(claim.when)}" in card.help


def test_cards_say_whether_reported_or_derived() -> None:
    cards = cards_by_title(with_values())
    for title in ("Seized images", "Population share", "Offenders", "ECPAT members"):
        assert cards[title].kind == "reported"
        assert cards[title].label.endswith("· reported")
        assert "Reported in the document" in cards[title].help
    extrapolated = cards["National total over the window"]
    assert extrapolated.kind == "derived"
    assert extrapolated.label.endswith("· derived")
    assert "claim holds" in extrapolated.help


def test_extrapolated_card_follows_the_assumptions() -> None:
    card = cards_by_title(with_values(share=10))["National total over the window"]
    assert card.value == "260 million images"
    assert card.kind == "assumed"
    assert "does not hold" in card.help
    assert escape_markdown("10% (default 7.25%)") in card.help


def test_cards_read_values_from_the_catalogue() -> None:
    claims = dict(CATALOGUE.claims)
    claims["seized-images"] = claims["seized-images"].model_copy(update={"value": 13e6})
    claims["ecpat-members"] = claims["ecpat-members"].model_copy(update={"value": 120})
    bundle = dataclasses.replace(BUNDLE, catalogue=Catalogue(claims, VOCABULARY))
    cards = cards_by_title(with_values(), bundle)
    assert cards["Seized images"].value == "13 million"
    assert cards["ECPAT members"].value == "120"


def test_intro_states_the_key_claim_from_the_catalogue() -> None:
    text = intro_text(BUNDLE)
    assert "**26 million**" in text and "**7.25%**" in text
    assert CATALOGUE["national-total-claim"].quote in text
    assert BUNDLE.document.meta["title"] in text


# Timeline --------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("2014-10", (pd.Timestamp(2014, 10, 1), "month")),
    ("2016", (pd.Timestamp(2016, 7, 1), "year")),
    (" 2030 ", (pd.Timestamp(2030, 7, 1), "year")),
    ("2016-13", None), ("2016-00", None), ("2016-1", None), ("20160", None),
    ("October 2014", None), ("", None), (None, None),
])
def test_claim_date_reads_year_and_year_month(text: str | None, expected) -> None:
    assert claim_date(text) == expected


def test_timeline_holds_every_dated_claim_of_the_catalogue_sorted() -> None:
    frame = timeline_frame(CATALOGUE)
    dated = {c.id for c in CATALOGUE.claims.values() if claim_date(c.date)}
    assert set(frame["id"]) == dated
    assert len(frame) == len(dated) > 0
    assert frame["date"].is_monotonic_increasing
    assert frame.loc[frame["id"] == "offenders-2014", "date"].item() == pd.Timestamp(2014, 10, 1)
    assert "seized-images" not in set(frame["id"])  # undated: not on the timeline


dates = st.one_of(
    st.none(),
    st.integers(0, 9999).map(lambda year: f"{year:04d}"),
    st.tuples(st.integers(0, 9999), st.integers(0, 13)).map(lambda p: f"{p[0]:04d}-{p[1]:02d}"),
    st.text(max_size=8),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(dates, st.sampled_from(CATEGORIES)), max_size=25))
def test_timeline_places_or_reports_every_dated_claim(items) -> None:
    catalogue = synthetic([d for d, _ in items], [c for _, c in items])
    frame = timeline_frame(catalogue)
    left_out = dates_left_out(catalogue)
    dated = [c for c in catalogue.claims.values() if c.date is not None]
    assert len(frame) + len(left_out) == len(dated)
    assert frame["date"].is_monotonic_increasing
    span = timeline_span(frame)
    assert (span is None) == frame.empty
    if span is not None:  # the axis holds every marker
        assert (span[0] <= frame["date"]).all() and (frame["date"] <= span[1]).all()
    timeline_chart(catalogue)  # any year a date can name draws, none crashes
    assert frame["date"].notna().all()
    lanes = [c for c in CATEGORIES if c in set(frame["category"])]
    lane = frame["category"].map(lanes.index)
    assert ((frame["lane_position"] - lane).abs() <= 0.4 + 1e-9).all()
    spots = frame.assign(year=frame["date"].dt.year)[["year", "lane_position"]]
    assert not spots.duplicated().any()  # no marker hides another in one lane and year


@pytest.mark.parametrize(("years", "expected"), [
    ([2016], (2016, 2016, 1)),
    ([2010, 2012, 2012, 2014, 2016, 2018, 2030], (2010, 2014, 4)),
    ([2010, 2014, 2015, 2016, 2017, 2018, 2030], (2014, 2017, 4)),
    ([2030, 2012, 2012, 2012], (2012, 2012, 3)),
    ([2010, 2020], (2010, 2020, 2)),
])
def test_densest_span(years: list[int], expected: tuple[int, int, int]) -> None:
    assert densest_span(years) == expected


@settings(deadline=None)
@given(st.lists(st.integers(2010, 2030), min_size=1, max_size=40))
def test_densest_span_is_a_shortest_majority(years: list[int]) -> None:
    first, last, inside = densest_span(years)
    assert inside == sum(first <= y <= last for y in years) > len(years) / 2
    for start in set(years):
        shorter = [y for y in years if start <= y < start + (last - first)]
        assert len(shorter) <= len(years) / 2


def test_densest_span_refuses_nothing() -> None:
    with pytest.raises(ValueError):
        densest_span([])


def test_timeline_finding_counts_span_and_cluster() -> None:
    frame = timeline_frame(synthetic(["2010-03", "2012-04", "2012-10", "2014-10", "2016",
                                      "2018", "2030"]))
    assert timeline_finding(frame) == (
        "7 dated claims from 2010 to 2030: 4 of them fall in 2010–2014")
    assert timeline_finding(timeline_frame(synthetic(["2016"]))) == (
        "1 dated claim from 2016 to 2016")
    assert timeline_finding(timeline_frame(synthetic([None]))) == (
        "The catalogue holds no dated claims yet")


def test_timeline_chart_plots_exactly_its_data() -> None:
    chart = timeline_chart(CATALOGUE)
    assert chart.figure.layout.title.text == timeline_finding(chart.data)
    assert re.match(r"\d+ dated claims from 2010 to 2030", chart.figure.layout.title.text)
    plotted = sum(len(trace.x) for trace in chart.figure.data)
    assert plotted == len(chart.data)
    for trace in chart.figure.data:
        kind = next(k for k, style in KIND_MARKERS.items() if style["label"] == trace.name)
        rows = chart.data[chart.data["kind"] == kind]
        assert list(trace.y) == list(rows["lane_position"])
        assert trace.marker.symbol == KIND_MARKERS[kind]["symbol"]
        assert all(row[2].startswith("“") for row in trace.customdata)  # the quote
    x_range = chart.figure.layout.xaxis.range
    assert pd.Timestamp(x_range[0]).year == 2009 and pd.Timestamp(x_range[1]).year == 2031


def test_timeline_spans_the_documents_own_dates_so_a_2035_target_shows() -> None:
    catalogue = load_bundle(WATERMAINS_DOCUMENT).catalogue
    target = catalogue["survey-year"].model_copy(update={
        "id": "target-2035", "value": 2035, "date": "2035", "mention": "2035"})
    catalogue = Catalogue({**catalogue.claims, "target-2035": target}, catalogue.vocabulary)
    chart = timeline_chart(catalogue)
    assert set(chart.data["id"]) == {"survey-year", "target-2035"}
    assert not dates_left_out(catalogue) and not any("outside" in n for n in chart.notes)
    start, end = (pd.Timestamp(x) for x in chart.figure.layout.xaxis.range)
    assert (start.year, end.year) == (2025, 2036)
    assert chart.figure.layout.title.text == "2 dated claims from 2026 to 2035"


def test_kinds_differ_by_shape_and_by_colour() -> None:
    assert set(KIND_MARKERS) == set(KINDS)
    assert len({s["symbol"] for s in KIND_MARKERS.values()}) == len(KINDS)
    assert len({s["color"] for s in KIND_MARKERS.values()}) == len(KINDS)


def test_timeline_hover_cannot_carry_markup() -> None:
    claim = TEMPLATE.model_copy(update={"id": "x", "date": "2015",
                                       "quote": "<b>bold</b> & more"})
    chart = timeline_chart(Catalogue({"x": claim}, VOCABULARY))
    quote = chart.figure.data[0].customdata[0][2]
    assert "<b>" not in quote and "&lt;b&gt;bold&lt;/b&gt; &amp; more" in quote


def test_timeline_notes_name_dates_it_cannot_place() -> None:
    catalogue = synthetic(["2016", "2045", "soon", "0000"])
    notes = " ".join(timeline_chart(catalogue).notes)
    assert "c1" not in notes  # a far year is placed, not refused
    assert "c2: date 'soon' is not YYYY or YYYY-MM" in notes
    assert "c3: date '0000' is not YYYY or YYYY-MM" in notes


# Claims table ----------------------------------------------------------------------------


def test_table_has_one_row_per_claim_with_values_for_people() -> None:
    assert list(TABLE["id"]) == list(CATALOGUE.claims)
    shown = TABLE.set_index("id")["value_text"]
    assert shown["seized-images"] == "26 million"
    assert shown["population-share"] == "7.25%"
    assert shown["offenders-2014"] == "50,000"
    for column in ("value", "unit", "kind", "who", "when", "quote", "section", "note"):
        assert column in TABLE.columns


def test_options_follow_the_canonical_order() -> None:
    table = claims_table(synthetic(["2016"] * 3, ["network", "seizures", "network"],
                                   ["target", "reported", "date"]))
    assert options(table, "category", VOCABULARY) == ["seizures", "network"]
    assert options(table, "kind", VOCABULARY) == ["reported", "target", "date"]


def test_no_filter_keeps_every_row() -> None:
    assert filter_claims(TABLE).equals(TABLE)
    assert filter_claims(TABLE, [], [], "   ").equals(TABLE)


@pytest.mark.parametrize(("search", "expected_id"), [
    ("Bristow", "offenders-2014"),
    ("bRiStOw", "offenders-2014"),
    ("first disclosed in", "offenders-2014"),  # in the note
    ("ECPAT-COUNTRIES", "ecpat-countries"),  # the id
    ("Simon Bailey", "offenders-2016-2017"),  # who
])
def test_search_matches_quote_who_id_and_note(search: str, expected_id: str) -> None:
    found = filter_claims(TABLE, search=search)
    assert expected_id in set(found["id"])
    assert len(found) < len(TABLE)


@pytest.mark.parametrize("text", [".*", "[a-z]+", "a|e", "(", "\\d", "^"])
def test_search_is_plain_text_not_a_pattern(text: str) -> None:
    literal = [row["id"] for _, row in TABLE.iterrows()
               if any(text in str(row[c]).casefold() for c in ("quote", "who", "id", "note"))]
    assert list(filter_claims(TABLE, search=text)["id"]) == literal
    assert len(literal) < len(TABLE)


def test_search_finds_text_with_symbols() -> None:
    assert "population-share" in set(filter_claims(TABLE, search="7.25%")["id"])


@settings(deadline=None)
@given(st.lists(st.sampled_from(CATEGORIES), min_size=1, unique=True),
       st.lists(st.sampled_from(KINDS), unique=True))
def test_filtering_never_returns_rows_outside_the_choice(categories, kinds) -> None:
    found = filter_claims(TABLE, categories, kinds)
    assert set(found["category"]) <= set(categories)
    if kinds:
        assert set(found["kind"]) <= set(kinds)
    expected = TABLE["category"].isin(categories) & (TABLE["kind"].isin(kinds) if kinds
                                                     else True)
    assert list(found["id"]) == list(TABLE.loc[expected, "id"])


@settings(deadline=None)
@given(st.text(max_size=30))
def test_any_search_text_is_safe_and_returns_a_subset(text: str) -> None:
    found = filter_claims(TABLE, search=text)
    assert set(found.index) <= set(TABLE.index)
    needle = text.strip().casefold()
    for _, row in found.iterrows():
        assert any(needle in str(row[c]).casefold() for c in ("quote", "who", "id", "note"))


@settings(deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=12))
def test_search_ignores_case(text: str) -> None:
    assert filter_claims(TABLE, search=text).equals(filter_claims(TABLE, search=text.swapcase()))


@settings(deadline=None)
@given(st.sampled_from(list(CATALOGUE.claims)))
def test_searching_a_claims_own_quote_finds_it(claim_id: str) -> None:
    found = filter_claims(TABLE, search=CATALOGUE[claim_id].quote.upper())
    assert claim_id in set(found["id"])

