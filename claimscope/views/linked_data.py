"""The claims catalogue as schema.org `Claim` records in JSON-LD (README, "Data and credits"),
the format fact-checkers' tools read. Pure: no Streamlit.

One `@graph` item per claim: its verbatim quote as `text`, who the document attributes it
to as `author`, the document's date as `datePublished`, and as `appearance` the document
itself (a CreativeWork with the sha256 of the shipped text, so a reader can check that the
quote is in the copy examined).
"""

from __future__ import annotations

import json
import re
from typing import Any

from claimscope.files.catalogue import Catalogue, Claim
from claimscope.files.document import Document

CONTEXT = "https://schema.org"
MEDIA_TYPE = "application/ld+json"
_UNATTRIBUTED = re.compile(r"not attributed|unnamed", re.I)
_PERSON = re.compile(r"(?:Chief Constable |Sir |Dr )?[A-Z][a-z]+ [A-Z][a-z]+")


def claim_id(document: Document, claim: Claim) -> str:
    """A stable identifier: `<document id>#<claim id>`."""
    return f"{document.meta['id']}#{claim.id}"


def author(who: str) -> dict[str, Any] | None:
    """Who the document attributes the claim to: a Person where `who` opens with a name
    ("Keith Bristow, Director General, …"), else an Organization; None where the
    document attributes it to no one (said in the description instead)."""
    if _UNATTRIBUTED.search(who):
        return None
    name, _, role = (part.strip() for part in who.partition(","))
    if _PERSON.fullmatch(name):
        person: dict[str, Any] = {"@type": "Person", "name": name}
        if role:
            person["jobTitle"] = role
        return person
    return {"@type": "Organization", "name": who}


def appearance(document: Document) -> dict[str, Any]:
    """The document as a CreativeWork, identified by the sha256 of the shipped text."""
    meta = document.meta
    work: dict[str, Any] = {
        "@type": "CreativeWork",
        "@id": meta["id"],
        "name": meta["title"],
        "author": {"@type": "Organization", "name": meta["author"]},
        "publisher": {"@type": "Organization", "name": meta["publisher"]},
        "datePublished": str(meta["date"]),
        "encodingFormat": "text/markdown",
        "identifier": {"@type": "PropertyValue", "propertyID": "sha256",
                       "value": document.sha256},
        "description": meta["where"],
    }
    url = getattr(meta, "url", None)
    if url:
        work["url"] = url
    return work


def claim_record(document: Document, claim: Claim) -> dict[str, Any]:
    value = f"{claim.value:g}"
    record: dict[str, Any] = {
        "@type": "Claim",
        "@id": claim_id(document, claim),
        "identifier": claim.id,
        "text": claim.quote,
        "datePublished": str(document.meta["date"]),
        "appearance": appearance(document),
        "about": {"@type": "QuantitativeValue", "value": claim.value, "unitText": claim.unit,
                  "description": f"{claim.mention} (as written)"},
        "description": (f"{claim.mention}: {value} {claim.unit}. Attributed to: {claim.who}. "
                        f"When: {claim.when}." + (f" {claim.note}" if claim.note else "")),
    }
    who = author(claim.who)
    if who is not None:
        record["author"] = who
    return record


def catalogue_jsonld(catalogue: Catalogue, document: Document) -> dict[str, Any]:
    """The whole catalogue, one `Claim` per claim in catalogue order."""
    return {"@context": CONTEXT,
            "@graph": [claim_record(document, c) for c in catalogue.claims.values()]}


def catalogue_jsonld_bytes(catalogue: Catalogue, document: Document) -> bytes:
    return json.dumps(catalogue_jsonld(catalogue, document), ensure_ascii=False,
                      indent=2).encode("utf-8")
