"""The evidence behind the figures ClaimScope supplies itself (DESIGN §8), for the Evidence
page (/evidence), the range captions, the report and the citation block.

Pure: no Streamlit. Every source has an anchor on /evidence (`anchor`), and `link` is the
page-relative address of that entry, so any record that cites a source can point at it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from claimscope.bundle import Bundle, cited_by
from claimscope.caveats import CAVEATS_FILE
from claimscope.references import REFERENCES_FILE
from claimscope.sources import Cited, Source, Sourced, is_address

EVIDENCE_PAGE = "evidence"  # the page's url_path in app.py
RANGES, SCENARIOS, FORCES = "ranges.yaml", "scenarios.yaml", "forces.yaml"

# What a record of each file is, and the page that shows it.
KINDS: dict[str, tuple[str, str]] = {
    RANGES: ("Suggested range", "projection"),
    SCENARIOS: ("Preset scenario", "compare"),
    FORCES: ("Context data: the five forces", "forces"),
    REFERENCES_FILE: ("Reference figure", "method"),
    CAVEATS_FILE: ("Caveat", "method"),
}


def anchor(source_id: str) -> str:
    """The HTML id of a source's entry on /evidence (and in the report)."""
    return f"source-{source_id}"


def link(source_id: str) -> str:
    """Where a source's entry is, relative to any page of the app."""
    return f"{EVIDENCE_PAGE}#{anchor(source_id)}"


def year(source: Source) -> str:
    return source.date[:4] if source.date[:4].isdigit() else source.date


def short_label(source: Source) -> str:
    """'John Carr, 2012' — how a caption names a source."""
    return f"{source.author}, {year(source)}"


def cited_ids(record: Sourced) -> list[str]:
    """The sources a record cites, each once, in the order given (ids and addresses)."""
    seen: dict[str, None] = {}
    for citation in record.sources:
        seen.setdefault(citation.source, None)
    return list(seen)


def sources_markdown(record: Sourced, sources: Mapping[str, Source]) -> str:
    """'[John Carr, 2012](evidence#source-carr-2012) · …' for a caption."""
    return links_markdown(cited_ids(record), sources)


def links_markdown(refs: Iterable[str], sources: Mapping[str, Source]) -> str:
    """Each cited source once, in order, linked to its entry on the Evidence page; an
    address cited directly links to itself."""
    parts = []
    for ref in dict.fromkeys(refs):
        if is_address(ref) or ref not in sources:
            parts.append(f"[{ref}]({ref})")
        else:
            parts.append(f"[{_md(short_label(sources[ref]))}]({link(ref)})")
    return " · ".join(parts)


def _md(text: str) -> str:
    return text.replace("[", "(").replace("]", ")")


def what(cited: Cited) -> str:
    """'Suggested range: unique' / 'Context data: the five forces: nottinghamshire (images)'."""
    kind = KINDS.get(cited.file, (cited.file, ""))[0]
    field = f" ({cited.field})" if cited.field else ""
    return f"{kind}: {cited.record}{field}"


def page_of(cited: Cited) -> str:
    return KINDS.get(cited.file, ("", ""))[1]


@dataclass(frozen=True)
class Entry:
    """One source as the Evidence page lists it, with what it supports."""

    source: Source
    supports: tuple[Cited, ...]

    @property
    def anchor(self) -> str:
        return anchor(self.source.id)


def entries(bundle: Bundle) -> list[Entry]:
    """Every source of sources.yaml, in file order, with the records that cite it."""
    found = cited_by(bundle)
    return [Entry(source, tuple(found.get(source_id, ())))
            for source_id, source in bundle.sources.items()]


def supports_text(supports: Iterable[Cited]) -> str:
    """The records a source supports, each once, for a table or the report."""
    seen: dict[str, None] = {}
    for cited in supports:
        seen.setdefault(what(cited), None)
    return "; ".join(seen)


def citation_line(source: Source) -> str:
    """A bibliography line: author (date). “Title”. Publisher. Address. What was read."""
    publisher = f" {source.publisher}." if source.publisher else ""
    read = "read in full" if source.read == "full" else "read from an excerpt"
    return (f"{source.author} ({source.date}). “{source.title}”.{publisher} {source.url} "
            f"({read}).")


def bibliography(bundle: Bundle) -> list[str]:
    """One citation line per source, in sources.yaml order."""
    return [citation_line(source) for source in bundle.sources.values()]
