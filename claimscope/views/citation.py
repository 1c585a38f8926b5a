"""How to cite what a reader found: the document's own citation and ClaimScope's.

Two forms, as OWID's "how to cite" offers: a short one for a caption or a footnote, and a
long one for a bibliography, each with the date the reader looked (figures can change as
the data files are corrected).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from claimscope.files.document import Document

TOOL = "ClaimScope"


@dataclass(frozen=True)
class Citation:
    short: str  # for a caption or footnote
    long: str  # for a bibliography: the document, then ClaimScope's view of it
    document: str  # the document's own citation
    tool: str  # ClaimScope's citation


def written_date(day: date) -> str:
    """'5 May 2026': unambiguous in every English-speaking country."""
    return f"{day.day} {day:%B %Y}"


def cite(document: Document, accessed: date, link: str = "") -> Citation:
    """The citations for a document, a view's link and the access date. `link` may be
    empty when the address of the app is not known."""
    meta = document.meta
    where = f" {link}" if link else ""
    when = written_date(accessed)
    tool = (f"{TOOL}: the quantitative claims of “{meta['short_title']}” "
            f"[interactive dashboard].{where} (accessed {when}).")
    short = f"{meta['author']} ({meta['date']}), figures examined with {TOOL} (accessed {when})."
    own = document.citation()
    return Citation(short=short, long=f"{own} Figures examined with {tool}", document=own,
                    tool=tool)
