"""Sources as data (README, "Data and credits"): each figure ClaimScope supplies cites a source or
states a
judgement, citations are checked both ways on load, and each data file has a JSON Schema."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
import yaml

from claimscope.bundle import cited_by, json_schemas, load_bundle
from claimscope.files.schema import DataError, read_yaml
from claimscope.files.sources import SOURCES_FILE, Cited, load_sources
from tests.data_helpers import SOURCE, copy_document, edit

BUNDLE = load_bundle()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return copy_document(tmp_path)


def record(data: dict, key: str, record_id: str, id_field: str = "id") -> dict:
    return next(r for r in data[key] if r[id_field] == record_id)


def only_judgements(folder: Path) -> None:
    """Every citation of the folder replaced by a judgement, so sources.yaml is optional."""
    for name, key in (("reference.yaml", "references"), ("caveats.yaml", "caveats"),
                      ("scenarios.yaml", "scenarios"), ("ranges.yaml", "ranges"),
                      ("sample_units.yaml", "groups"), ("sample_units.yaml", "alternatives"),
                      ("estimates_context.yaml", "document"),
                      ("estimates_context.yaml", "estimates"),
                      ("estimates_context.yaml", "related_counts")):
        edit(folder / name, lambda d, key=key: [
            r.update(sources=None, judgement="Test.") for r in d[key] if "sources" in r])
    edit(folder / "sample_units.yaml", lambda d: [d[section].update(sources=None, judgement="Test.")
                                            for section in ("source", "request", "totals")])


@pytest.mark.parametrize(("file", "change", "expected"), [
    ("ranges.yaml", lambda d: record(d, "ranges", "unique", "input").update(
        sources=["nobody-2020"]),
     "ranges.yaml, record unique, field 'sources': names unknown source 'nobody-2020'"),
    ("caveats.yaml", lambda d: record(d, "caveats", "duplicates").pop("judgement"),
     "caveats.yaml, record duplicates, field 'sources': is missing: cite a source"),
    ("reference.yaml", lambda d: record(d, "references", "ew-population-census-2011").update(
        sources=[]),
     "reference.yaml, record ew-population-census-2011, field 'sources': is missing"),
    ("sample_units.yaml", lambda d: d["totals"].pop("sources"),
     "sample_units.yaml, record totals, field 'sources': is missing"),
    ("sample_units.yaml", lambda d: d["alternatives"][1].update(sources={"stated": ["carr-2012"],
                                                                   "guess": ["carr-2012"]}),
     "sample_units.yaml, record without-cambridgeshire, field 'sources': cites a source for "
     "'guess', which is not a field"),
    ("scenarios.yaml", lambda d: record(d, "scenarios", "sample-seizes-more").pop("judgement"),
     "scenarios.yaml, record sample-seizes-more, field 'sources': is missing"),
    ("scenarios.yaml", lambda d: record(d, "scenarios", "sample-seizes-more").update(
        sources=["Carr 2012"]),
     "scenarios.yaml, record sample-seizes-more, field 'sources': 'Carr 2012' is neither a "
     "source id"),
    ("scenarios.yaml", lambda d: record(d, "scenarios", "sample-seizes-more").update(
        sources={"values": "carr-2012"}),
     "scenarios.yaml, record sample-seizes-more, field 'sources': must map each field name"),
    ("reference.yaml", lambda d: record(d, "references", "ew-population-census-2011").update(
        sources=["carr-2012"]),
     "sources.yaml, record ons-2011-census-landing: cited by no record"),
    (SOURCES_FILE, lambda d: d["sources"][0].update(date="16 October 2012"),
     "sources.yaml, record carr-2012, field 'date': must be YYYY, YYYY-MM or YYYY-MM-DD"),
    (SOURCES_FILE, lambda d: d["sources"][0].update(url="johnc1912.wordpress.com"),
     "sources.yaml, record carr-2012, field 'url': must be a full https address"),
    (SOURCES_FILE, lambda d: d["sources"][0].update(read="skimmed"),
     "sources.yaml, record carr-2012, field 'read': must be one of full, excerpt"),
    (SOURCES_FILE, lambda d: d["sources"][0].update(quotes=["x" * 301]),
     "sources.yaml, record carr-2012, field 'quotes': a quote must be short"),
    (SOURCES_FILE, lambda d: d["sources"][0].pop("title"),
     "sources.yaml, record carr-2012, field 'title': is missing"),
    (SOURCES_FILE, lambda d: d["sources"][0].update(id="Carr 2012"),
     "sources.yaml, record Carr 2012, field 'id': must be lower-case letters"),
    (SOURCES_FILE, lambda d: d["sources"].append(dict(d["sources"][0])),
     "sources.yaml, record carr-2012, field 'id': duplicate id"),
])
def test_each_citation_problem_names_file_record_and_field(folder: Path, file, change,
                                                           expected: str) -> None:
    edit(folder / file, change)
    with pytest.raises(DataError) as error:
        load_bundle(folder)
    assert str(error.value).startswith(expected), str(error.value)


def test_a_date_yaml_reads_as_a_date_asks_for_quotes(tmp_path: Path) -> None:
    data = read_yaml(SOURCE / SOURCES_FILE)
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    path = tmp_path / SOURCES_FILE
    path.write_text(text.replace("date: '2012-10-16'", "date: 2012-10-16", 1), encoding="utf-8")
    with pytest.raises(DataError, match=r"record carr-2012, field 'date': must be text in quotes"):
        load_sources(path)


def test_without_sources_yaml_an_id_citation_is_unknown(folder: Path) -> None:
    (folder / SOURCES_FILE).unlink()
    with pytest.raises(DataError, match=r"^reference.yaml, record ew-population-mid-2010, "
                                        r"field 'sources': names unknown source "
                                        r"'carr-2012' \(not in sources.yaml\)"):
        load_bundle(folder)


def test_without_sources_yaml_judgements_and_addresses_are_enough(folder: Path) -> None:
    (folder / SOURCES_FILE).unlink()
    only_judgements(folder)
    url = "https://www.independent.co.uk/independentpremium/uk-news/population-census-uk-growth-areas-b2112124.html"
    edit(folder / "reference.yaml", lambda d: d["references"][1].update(sources=[url]))
    bundle = load_bundle(folder)
    assert bundle.sources == {}
    assert cited_by(bundle) == {url: [Cited("reference.yaml", "ew-population-census-2011",
                                            None, url)]}


def test_a_per_field_citation_is_listed_with_its_field(folder: Path) -> None:
    edit(folder / "reference.yaml", lambda d: d["references"][0].update(
        sources={"value": ["carr-2012"], "label": ["independent-2022-census"],
                 "source": ["blog-2012-uk-demography", "ons-2012-mid2002-2010-revised",
                            "ons-2013-uk-rebased-2001-2010"]}))
    found = cited_by(load_bundle(folder))
    assert Cited("reference.yaml", "ew-population-mid-2010", "value",
                 "carr-2012") in found["carr-2012"]
    assert Cited("reference.yaml", "ew-population-mid-2010", "label",
                 "independent-2022-census") in found["independent-2022-census"]


def test_every_shipped_source_is_cited_and_listed_with_its_records() -> None:
    found = cited_by(BUNDLE)
    assert list(found) == list(BUNDLE.sources)
    assert all(found.values())
    def records(source_id: str) -> set[tuple[str, str]]:
        return {(c.file, c.record) for c in found[source_id]}

    # each copy of Carr's post is cited where its own words support the figure
    assert {("sample_units.yaml", "source"), ("sample_units.yaml", "totals"),
            ("caveats.yaml", "non-response"), ("ranges.yaml", "rate_ratio")} <= records("carr-2012")
    assert {("sample_units.yaml", "cambridgeshire"), ("sample_units.yaml", "dyfed-powys"),
            ("caveats.yaml", "one-force")} <= records("carr-2012-table")
    assert {("scenarios.yaml", "without-cambridgeshire"),
            ("sample_units.yaml", "without-cambridgeshire")} <= records("carr-2012-jfhc")
    assert ("sample_units.yaml", "without-highest-and-lowest") in records(
        "carr-2012-actionagainstabuse")


def test_every_shipped_factual_record_cites_or_judges() -> None:
    records = [*BUNDLE.references.values(), *BUNDLE.caveats, *BUNDLE.range_presets.values(),
               BUNDLE.sample_units.source, BUNDLE.sample_units.request, BUNDLE.sample_units.totals,
               *BUNDLE.sample_units.groups, *BUNDLE.sample_units.alternatives]
    assert all(r.sources or r.judgement for r in records)


def test_every_shipped_source_has_been_read_and_quoted() -> None:
    """Each source records words read in it; a figure quoted from Carr's table is in it."""
    assert all(source.quotes for source in BUNDLE.sources.values())
    table = " ".join(BUNDLE.sources["carr-2012-table"].quotes)
    for group in BUNDLE.sample_units.groups:
        if group.status == "stated":
            assert f"{group.count:,}" in table and f"{group.population:,}" in table


def test_every_data_file_has_a_json_schema_its_shipped_file_meets() -> None:
    schemas = json_schemas()
    assert set(schemas) == {p.name for p in SOURCE.glob("*.yaml")}
    for name, schema in schemas.items():
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.validate(read_yaml(SOURCE / name), schema)

