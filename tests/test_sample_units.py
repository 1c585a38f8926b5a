"""The sample of units behind the headline figure (ECPAT: the five forces' context data):
its totals, the arithmetic on it, its charts in the document's words, and its loader."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from claimscope.bundle import DATA_DIR, default_document, load_bundle
from claimscope.charts.sample_units import leave_one_out_chart, rate_chart, share_chart
from claimscope.charts.style import PROVENANCE
from claimscope.context.sample_alternatives import (
    CUT_OFF,
    DIFFERS,
    EXACT,
    ROUNDED,
    agreement,
    comparison_frame,
    recompute,
)
from claimscope.context.sample_arithmetic import (
    exact_bootstrap,
    group_frame,
    leave_one_out,
    spread,
    what_the_spread_says,
)
from claimscope.context.sample_units import (
    SAMPLE_UNITS_FILE,
    SampleUnits,
    Stated,
    load_sample_units,
    national_from,
)
from claimscope.files.catalogue import Catalogue
from claimscope.files.schema import DataError
from claimscope.text.numbers import human

SAMPLE_PATH = DATA_DIR / default_document() / SAMPLE_UNITS_FILE
EW_POPULATION = 4_006_600 / 0.0725  # the sampled population ÷ the document's 7.25 %
WORDS = load_bundle(DATA_DIR / default_document()).pages.sample_units  # "forces", "images"


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_bundle(DATA_DIR / default_document()).catalogue


@pytest.fixture(scope="module")
def data(catalogue: Catalogue) -> SampleUnits:
    return load_sample_units(SAMPLE_PATH, catalogue, WORDS)


@pytest.fixture(scope="module")
def groups(data: SampleUnits):
    return group_frame(data).set_index("id")


# --- The data and its totals -------------------------------------------------------------

def test_groups_add_up_to_the_catalogued_seizures_and_the_sampled_population(
        data: SampleUnits, catalogue: Catalogue) -> None:
    assert sum(g.count for g in data.groups) == 26_000_000
    assert sum(g.count for g in data.groups) == catalogue.value("seized-images")
    assert sum(g.population for g in data.groups) == 4_006_600
    assert data.share == catalogue.value("population-share")


def test_every_responding_force_is_in_exactly_one_group(data: SampleUnits) -> None:
    grouped = [force for g in data.groups for force in g.units]
    assert sorted(grouped) == sorted(data.request.replied)
    assert len(grouped) == 5
    assert data.request.not_replied == 38


def test_derived_groups_say_how_and_stated_ones_are_the_sources_figures(data) -> None:
    by_id = {g.id: g for g in data.groups}
    assert (by_id["cambridgeshire"].count, by_id["cambridgeshire"].population) == (
        17_162_489, 789_700)
    assert (by_id["dyfed-powys"].count, by_id["dyfed-powys"].population) == (633_703, 506_100)
    assert {g.id for g in data.groups if g.status == "derived"} == {
        "nottinghamshire", "humberside-lincolnshire"}
    for group in data.groups:
        assert bool(group.derivation) == (group.status == "derived")


def test_england_and_wales_population_reproduces_the_documents_arithmetic(data) -> None:
    assert data.whole_population == pytest.approx(55_263_448.28, abs=0.01)
    assert data.pro_rata == pytest.approx(26_000_000 / 0.0725)
    assert human(data.pro_rata) == "358.6 million"


# --- Per-group arithmetic ----------------------------------------------------------------

def test_cambridgeshire_holds_a_fifth_of_the_people_and_two_thirds_of_the_images(
        groups, data: SampleUnits) -> None:
    cambs = groups.loc["cambridgeshire"]
    assert cambs["share_of_population"] == pytest.approx(789_700 / 4_006_600 * 100)
    assert cambs["share_of_count"] == pytest.approx(17_162_489 / 26_000_000 * 100)
    assert round(cambs["share_of_population"]) == 20
    assert round(cambs["share_of_count"]) == 66
    assert share_chart(data).figure.layout.title.text == (
        "Cambridgeshire: 20% of the people, 66% of the images")


def test_per_resident_rates(groups, data: SampleUnits) -> None:
    assert groups.loc["cambridgeshire", "count_per_resident"] == pytest.approx(21.7329, abs=1e-4)
    assert groups.loc["nottinghamshire", "count_per_resident"] == pytest.approx(0.21798,
                                                                                abs=1e-5)
    assert data.average_rate == pytest.approx(26_000_000 / 4_006_600)


def test_leave_one_out_by_hand(groups) -> None:
    # Without Cambridgeshire: 8,837,511 images from 3,216,900 people, scaled to 55.26 M.
    by_hand = (26_000_000 - 17_162_489) / (4_006_600 - 789_700) * EW_POPULATION
    assert by_hand == pytest.approx(151_820_489.3, abs=0.1)
    assert groups.loc["cambridgeshire", "national_without"] == pytest.approx(by_hand)
    # Without Nottinghamshire: 25,763,144 images from 2,920,000 people.
    assert groups.loc["nottinghamshire", "national_without"] == pytest.approx(
        25_763_144 / 2_920_000 * EW_POPULATION)


def test_single_group_totals(groups) -> None:
    assert human(groups.loc["cambridgeshire", "national_alone"]) == "1.2 billion"
    assert groups.loc["nottinghamshire", "national_alone"] == pytest.approx(
        236_856 / 1_086_600 * EW_POPULATION)


def test_spread_summary(data: SampleUnits) -> None:
    s = spread(data, claimed_total=300_000_000)
    assert (s.dominant.name, round(s.dominant.value), round(s.dominant_population_share)) == (
        "Cambridgeshire", 66, 20)
    assert (s.lowest_rate.name, s.highest_rate.name) == ("Nottinghamshire", "Cambridgeshire")
    assert s.rate_ratio == pytest.approx(21.7329 / 0.21798, rel=1e-4)
    assert (s.without_low.name, s.without_high.name) == ("Cambridgeshire", "Nottinghamshire")
    assert s.without_below_claim == 1
    assert s.resamples == 4 ** 4
    assert s.resample_low < s.without_low.value < s.pro_rata < s.without_high.value
    assert s.without_high.value < s.resample_high
    rates = np.array([17_162_489 / 789_700, 633_703 / 506_100, 7_966_952 / 1_624_200,
                      236_856 / 1_086_600])
    assert s.rate_cv == pytest.approx(rates.std(ddof=1) / rates.mean())
    text = what_the_spread_says(data, s, 300_000_000)
    for phrase in ("151.8 million (without Cambridgeshire)", "487.6 million", "256",
                   "cannot support a confident interval", "38 of 43", "66%", "1 of these 4"):
        assert phrase in text


def test_exact_bootstrap_lists_every_resample_once() -> None:
    images, population = np.array([1.0, 3.0]), np.array([1.0, 1.0])
    totals = exact_bootstrap(images, population, whole_population=10)
    # (a,a) -> 10, (a,b) and (b,a) -> 20, (b,b) -> 30
    assert sorted(totals) == [10, 20, 20, 30]


def test_exact_bootstrap_refuses_too_many_groups() -> None:
    with pytest.raises(ValueError, match="too many"):
        exact_bootstrap(np.ones(8), np.ones(8), 1.0)


# --- The source's own alternatives ---------------------------------------------------------

def _alternative(data: SampleUnits, alternative_id: str):
    return next(a for a in data.alternatives if a.id == alternative_id)


def test_carrs_226_million_divides_by_the_rounded_share(data: SampleUnits) -> None:
    r = recompute(data, _alternative(data, "without-highest-and-lowest"))
    assert (r.count, r.population) == (8_600_655, 2_130_300)
    assert r.national_as_source == pytest.approx(8_600_655 / 0.038)
    assert human(r.national_as_source) == "226.3 million"
    assert r.share == pytest.approx(3.8548, abs=1e-4)
    assert human(r.national) == "223.1 million"


def test_pro_rata_and_without_cambridgeshire(data: SampleUnits) -> None:
    all_five = recompute(data, _alternative(data, "all-five"))
    assert all_five.national == pytest.approx(358_620_689.66, abs=0.01)
    without = recompute(data, _alternative(data, "without-cambridgeshire"))
    assert without.count == 8_837_511
    assert without.share == pytest.approx(5.821, abs=1e-3)


def test_every_stated_figure_agrees_with_the_recomputation(data: SampleUnits) -> None:
    table = comparison_frame(data).set_index(["alternative", "figure"])["verdict"]
    verdicts = {(a.id, data.figure_word(f)): table[(a.label, data.figure_word(f))]
                for a in data.alternatives for f in a.stated}
    assert verdicts == {
        ("all-five", "national"): ROUNDED,
        ("without-cambridgeshire", "images"): EXACT,
        ("without-cambridgeshire", "share"): ROUNDED,
        ("without-highest-and-lowest", "images"): EXACT,
        ("without-highest-and-lowest", "population"): EXACT,
        ("without-highest-and-lowest", "share"): CUT_OFF,  # 3.85 % written as 3.8 %
        ("without-highest-and-lowest", "national"): ROUNDED,
    }


def test_stated_figures_keep_the_precision_they_are_written_to(data: SampleUnits) -> None:
    stated = {(a.id, f): s for a in data.alternatives for f, s in a.stated.items()}
    assert stated[("all-five", "national")].value == 360e6
    assert stated[("all-five", "national")].resolution == pytest.approx(10e6)
    assert stated[("without-highest-and-lowest", "national")].resolution == pytest.approx(1e6)
    assert stated[("without-highest-and-lowest", "share")].resolution == pytest.approx(0.1)
    assert stated[("without-highest-and-lowest", "population")].resolution == pytest.approx(100)
    assert stated[("without-cambridgeshire", "count")].resolution == pytest.approx(1)


@pytest.mark.parametrize(("value", "resolution", "recomputed", "verdict"), [
    (8_837_511, 1, 8_837_511, EXACT),
    (5.8, 0.1, 5.821, ROUNDED),
    (5.8, 0.1, 5.75, ROUNDED),
    (3.8, 0.1, 3.8548, CUT_OFF),
    (3.8, 0.1, 3.74, DIFFERS),
    (3.8, 0.1, 3.95, DIFFERS),
    (360e6, 10e6, 358.6e6, ROUNDED),
    (226e6, 1e6, 223.1e6, DIFFERS),
])
def test_agreement(value: float, resolution: float, recomputed: float, verdict: str) -> None:
    assert agreement(Stated("as written", value, resolution), recomputed) == verdict


# --- Charts -------------------------------------------------------------------------------

def test_charts_plot_exactly_their_data(data: SampleUnits) -> None:
    shares = share_chart(data)
    assert len(shares.data) == 8
    assert sorted(shares.data["percent"].round(6)) == sorted(
        np.round([t for trace in shares.figure.data for t in trace.y], 6))
    rates = rate_chart(data)
    bars = [y for trace in rates.figure.data for y in trace.y]
    assert sorted(rates.data.loc[rates.data["drawn_as"] == "bar", "images_per_resident"]) == (
        sorted(bars))
    assert rates.data.loc[rates.data["drawn_as"] == "line", "images_per_resident"].item() == (
        pytest.approx(data.average_rate))


def test_leave_one_out_chart_marks_claim_pro_rata_and_provenance(data: SampleUnits) -> None:
    chart = leave_one_out_chart(data, claimed_total=300_000_000)
    title = chart.figure.layout.title.text
    assert title == ("Without Cambridgeshire the national total falls to 151.8 million, "
                     "below the 300 million claimed")
    lines = {round(shape.y0) for shape in chart.figure.layout.shapes}
    assert lines == {300_000_000, round(data.pro_rata)}
    patterns = {trace.name: trace.marker.pattern.shape for trace in chart.figure.data}
    assert patterns == {"Leaves out a group stated in the source": PROVENANCE["context"]["pattern"],
                        "Leaves out a group derived from its figures":
                            PROVENANCE["derived"]["pattern"]}
    bars = chart.data[chart.data["drawn_as"] == "bar"]
    assert list(bars["status"]) == ["stated", "stated", "derived", "derived"]
    assert set(chart.data.loc[chart.data["drawn_as"] == "line", "national_total"]) == {
        300_000_000, data.pro_rata}


def test_leave_one_out_title_follows_the_numbers(data: SampleUnits) -> None:
    low = leave_one_out_chart(data, claimed_total=100_000_000).figure.layout.title.text
    assert low.startswith("Leaving out any one group keeps the total above 100 million")
    high = leave_one_out_chart(data, claimed_total=450_000_000).figure.layout.title.text
    assert high == "Leaving out one group gives 151.8 million to 487.6 million; 3 of 4 fall " \
                   "below 450 million"


# --- Properties ----------------------------------------------------------------------------

groups_strategy = st.integers(min_value=2, max_value=5).flatmap(lambda n: st.tuples(
    st.lists(st.integers(0, 10**9), min_size=n, max_size=n),
    st.lists(st.integers(1, 10**7), min_size=n, max_size=n),
))


@given(groups_strategy, st.floats(1e5, 1e9))
def test_leave_one_out_totals_bracket_the_pro_rata_total(sample, ew: float) -> None:
    images, population = (np.array(v, dtype=float) for v in sample)
    pro_rata = national_from(images.sum(), population.sum(), ew)
    without = leave_one_out(images, population, ew)
    # leave_one_out subtracts from a sum: allow for cancellation in floating point
    assert without.min() <= pro_rata * (1 + 1e-7) + 1e-6
    assert without.max() >= pro_rata * (1 - 1e-7) - 1e-6


@given(groups_strategy, st.floats(1e5, 1e9))
def test_pro_rata_is_the_population_weighted_mean_of_single_group_totals(sample, ew) -> None:
    images, population = (np.array(v, dtype=float) for v in sample)
    alone = national_from(images, population, ew)
    assert np.average(alone, weights=population) == pytest.approx(
        national_from(images.sum(), population.sum(), ew), rel=1e-9, abs=1e-6)


@given(groups_strategy, st.floats(0.01, 100), st.floats(1e5, 1e9))
def test_scaling_every_count_by_k_scales_every_total_by_k(sample, k: float, ew: float) -> None:
    images, population = (np.array(v, dtype=float) for v in sample)
    for total in (national_from, leave_one_out, exact_bootstrap):
        # leave_one_out subtracts from a sum, so allow for cancellation in floating point
        np.testing.assert_allclose(total(images * k, population, ew),
                                   total(images, population, ew) * k, rtol=1e-7, atol=1e-6)


# --- Loader: a maintainer's bad edit is named by file, record and field -------------------

@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    copy = tmp_path / SAMPLE_UNITS_FILE
    shutil.copy(SAMPLE_PATH, copy)
    return copy


def group(data: dict, group_id: str) -> dict:
    return next(g for g in data["groups"] if g["id"] == group_id)


@pytest.mark.parametrize(("change", "expected"), [
    (lambda d: group(d, "cambridgeshire").update(count=17_162_490),
     "sample_units.yaml, record totals, field 'count': the groups add up to 26,000,001 "
     "images, not 26,000,000"),
    (lambda d: group(d, "dyfed-powys").update(population=506_000),
     "sample_units.yaml, record totals, field 'population': the groups add up to 4,006,500"),
    (lambda d: group(d, "dyfed-powys").update(population=-506_100),
     "sample_units.yaml, record dyfed-powys, field 'population': must be at least 1"),
    (lambda d: group(d, "cambridgeshire").pop("count"),
     "sample_units.yaml, record cambridgeshire, field 'count': is missing"),
    (lambda d: group(d, "cambridgeshire").update(count="lots"),
     "sample_units.yaml, record cambridgeshire, field 'count': must be a whole number"),
    (lambda d: group(d, "nottinghamshire").pop("derivation"),
     "sample_units.yaml, record nottinghamshire, field 'derivation': is required for a "
     "derived"),
    (lambda d: group(d, "nottinghamshire").update(status="guessed"),
     "sample_units.yaml, record nottinghamshire, field 'status': must be one of stated, "
     "derived"),
    (lambda d: (group(d, "cambridgeshire").update(count=17_162_490),
                d["totals"].update(count=26_000_001)),
     "sample_units.yaml, record totals, field 'count': is 26,000,001 but claim 'seized-images'"),
    (lambda d: d["totals"].update(share=7.3),
     "sample_units.yaml, record totals, field 'share': is 7.3 but claim 'population-share'"),
    (lambda d: d["agrees_with"].update(count="no-such-claim"),
     "sample_units.yaml, record agrees_with, field 'count': names unknown claim "
     "'no-such-claim'"),
    (lambda d: d["request"].update(replied=["Cambridgeshire", "Dyfed-Powys", "Humberside",
                                            "Lincolnshire", "Kent"]),
     "sample_units.yaml, record request, field 'replied': the groups name"),
    (lambda d: d["source"].pop("url"),
     "sample_units.yaml, record source, field 'url': is missing"),
    (lambda d: d.update(kind="claims"), "sample_units.yaml, field 'kind': must be 'context'"),
    (lambda d: d["alternatives"][1].update(excludes=["kent"]),
     "sample_units.yaml, record without-cambridgeshire, field 'excludes': names unknown "
     "group(s): kent"),
    (lambda d: d["alternatives"][1]["stated"].update(share="a small part"),
     "sample_units.yaml, record without-cambridgeshire stated, field 'share': must hold "
     "exactly one number"),
    (lambda d: d["alternatives"][1]["stated"].update(guess="1"),
     "sample_units.yaml, record without-cambridgeshire stated: unknown field(s): guess"),
])
def test_broken_file_gives_a_data_error_naming_the_field(sample_copy: Path, catalogue, change,
                                                         expected: str) -> None:
    data = yaml.safe_load(sample_copy.read_text(encoding="utf-8"))
    change(data)
    sample_copy.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
                           encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_sample_units(sample_copy, catalogue, WORDS)
    assert str(error.value).startswith(expected), str(error.value)


def test_unchanged_round_trip_still_loads(sample_copy: Path, catalogue) -> None:
    """The edit helper itself does not break the file (so the cases above test the edits)."""
    data = yaml.safe_load(sample_copy.read_text(encoding="utf-8"))
    sample_copy.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
                           encoding="utf-8")
    assert load_sample_units(sample_copy, catalogue).count == 26_000_000
