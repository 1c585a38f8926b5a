"""The evidence behind the figures ClaimScope supplies itself (README, "Data and credits"), for the
Evidence
page (/evidence), the range captions, the report and the citation block.

Pure: no Streamlit. Every source has an anchor on /evidence (`anchor`), and `link` is the
page-relative address of that entry, so any record that cites a source can point at it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from claimscope.bundle import Bundle, cited_by
from claimscope.context.sample_units import SAMPLE_UNITS_FILE
from claimscope.files.caveats import CAVEATS_FILE
from claimscope.files.references import REFERENCES_FILE
from claimscope.files.sources import Cited, Source, Sourced, is_address
from claimscope.text.numbers import count_word

EVIDENCE_PAGE = "evidence"  # the page's url_path in app.py
RANGES, SCENARIOS = "ranges.yaml", "scenarios.yaml"

Kinds = Mapping[str, tuple[str, str]]  # file -> (what a record of it is, the page showing it)

KINDS: Kinds = {
    RANGES: ("Suggested range", "projection"),
    SCENARIOS: ("Preset scenario", "compare"),
    REFERENCES_FILE: ("Reference figure", "method"),
    CAVEATS_FILE: ("Caveat", "method"),
}


def sample_units_named(bundle: Bundle) -> str:
    """'the five wards': the sample of units in its document's words ('' without one)."""
    sample = bundle.sample_units
    if sample is None:
        return ""
    return f"the {count_word(sample.units_sampled).lower()} {sample.words.units}"


def sample_title(bundle: Bundle) -> str:
    """'Context data: the five wards': how the sample of units' records are headed."""
    return f"Context data: {sample_units_named(bundle)}"


def kinds(bundle: Bundle) -> Kinds:
    """KINDS, and the sample of units' file where the document has one, named and placed
    (its page's address) as the document says."""
    if bundle.sample_units is None:
        return KINDS
    return {**KINDS, SAMPLE_UNITS_FILE: (sample_title(bundle), bundle.pages.sample_units.path)}


def anchor(source_id: str) -> str:
    """The HTML id of a source's entry on /evidence (and in the report)."""
    return f"source-{source_id}"


def link(source_id: str) -> str:
    """Where a source's entry is, relative to any page of the app."""
    return f"{EVIDENCE_PAGE}#{anchor(source_id)}"


def year(source: Source) -> str:
    return source.date[:4] if source.date[:4].isdigit() else source.date


def short_label(source: Source) -> str:
    """'A. Author, 2012' — how a caption names a source."""
    return f"{source.author}, {year(source)}"


def cited_ids(record: Sourced) -> list[str]:
    """The sources a record cites, each once, in the order given (ids and addresses)."""
    seen: dict[str, None] = {}
    for citation in record.sources:
        seen.setdefault(citation.source, None)
    return list(seen)


def sources_markdown(record: Sourced, sources: Mapping[str, Source]) -> str:
    """'[A. Author, 2012](evidence#source-author-2012) · …' for a caption."""
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


def what(cited: Cited, kinds: Kinds = KINDS) -> str:
    """'Suggested range: unique' / 'Context data: the five wards: north (incidents)'."""
    kind = kinds.get(cited.file, (cited.file, ""))[0]
    field = f" ({cited.field})" if cited.field else ""
    return f"{kind}: {cited.record}{field}"


def page_of(cited: Cited, kinds: Kinds = KINDS) -> str:
    return kinds.get(cited.file, ("", ""))[1]


@dataclass(frozen=True)
class Entry:
    """One source as the Evidence page lists it, with what it supports."""

    source: Source
    supports: tuple[Cited, ...]
    kinds: Kinds = field(compare=False)  # how its document names its files

    @property
    def anchor(self) -> str:
        return anchor(self.source.id)

    @property
    def supported(self) -> list[tuple[str, str]]:
        """(what, page) of each record the source supports, each once, in order."""
        return list(dict.fromkeys((what(c, self.kinds), page_of(c, self.kinds))
                                  for c in self.supports))


def entries(bundle: Bundle) -> list[Entry]:
    """Every source of sources.yaml, in file order, with the records that cite it."""
    found, named = cited_by(bundle), kinds(bundle)
    return [Entry(source, tuple(found.get(source_id, ())), named)
            for source_id, source in bundle.sources.items()]


def supports_text(entry: Entry) -> str:
    """The records a source supports, each once, for a table or the report."""
    return "; ".join(dict.fromkeys(text for text, _ in entry.supported))


def citation_line(source: Source) -> str:
    """A bibliography line: author (date). “Title”. Publisher. Address. What was read."""
    publisher = f" {source.publisher}." if source.publisher else ""
    read = "read in full" if source.read == "full" else "read from an excerpt"
    return (f"{source.author} ({source.date}). “{source.title}”.{publisher} {source.url} "
            f"({read}).")


def bibliography(bundle: Bundle) -> list[str]:
    """One citation line per source, in sources.yaml order."""
    return [citation_line(source) for source in bundle.sources.values()]
