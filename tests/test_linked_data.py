"""The catalogue as schema.org Claim records (JSON-LD)."""

from __future__ import annotations

import hashlib
import json

from claimscope.bundle import load_bundle
from claimscope.views.linked_data import author, catalogue_jsonld, catalogue_jsonld_bytes

BUNDLE = load_bundle()
DOC = BUNDLE.document


def test_every_claim_once_with_unique_ids_and_verbatim_text() -> None:
    data = catalogue_jsonld(BUNDLE.catalogue, DOC)
    assert data["@context"] == "https://schema.org"
    graph = data["@graph"]
    assert [item["identifier"] for item in graph] == list(BUNDLE.catalogue.claims)
    ids = [item["@id"] for item in graph]
    assert len(set(ids)) == len(ids) == len(BUNDLE.catalogue.claims)
    assert all(i == f"{DOC.meta['id']}#{c}" for i, c in zip(ids, BUNDLE.catalogue.claims,
                                                            strict=True))
    for item, claim in zip(graph, BUNDLE.catalogue.claims.values(), strict=True):
        assert item["@type"] == "Claim"
        assert item["text"] == claim.quote and item["text"] in DOC.text
        assert item["datePublished"] == str(DOC.meta["date"])
        assert item["about"] == {"@type": "QuantitativeValue", "value": claim.value,
                                 "unitText": claim.unit,
                                 "description": f"{claim.mention} (as written)"}
        assert claim.who in item["description"]


def test_appearance_is_the_document_identified_by_the_shipped_texts_hash() -> None:
    work = catalogue_jsonld(BUNDLE.catalogue, DOC)["@graph"][0]["appearance"]
    raw = (DOC.folder / DOC.meta["text_file"]).read_bytes()
    assert work["@type"] == "CreativeWork" and work["name"] == DOC.meta["title"]
    assert work["author"] == {"@type": "Organization", "name": "ECPAT International"}
    assert work["datePublished"] == "2018"
    assert work["identifier"] == {"@type": "PropertyValue", "propertyID": "sha256",
                                  "value": hashlib.sha256(raw).hexdigest()}
    assert "url" not in work  # UNCTAD's address is not known: none is made up


def test_authors_are_people_organisations_or_left_out_when_unattributed() -> None:
    by_id = {item["identifier"]: item for item in
             catalogue_jsonld(BUNDLE.catalogue, DOC)["@graph"]}
    assert by_id["offenders-2014"]["author"] == {
        "@type": "Person", "name": "Keith Bristow",
        "jobTitle": "Director General, National Crime Agency"}
    assert by_id["offenders-2016-2017"]["author"]["name"] == "Chief Constable Simon Bailey"
    assert by_id["itu-guides"]["author"] == {"@type": "Organization",
                                             "name": "ECPAT International"}
    assert "author" not in by_id["population-share"]
    assert "author" not in by_id["national-total-claim"]
    assert author("Not attributed in the document") is None


def test_json_round_trips() -> None:
    data = catalogue_jsonld(BUNDLE.catalogue, DOC)
    raw = catalogue_jsonld_bytes(BUNDLE.catalogue, DOC)
    assert json.loads(raw.decode("utf-8")) == data
