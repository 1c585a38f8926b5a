"""Which pages a document's navigation lists, decided by its data (no Streamlit here, so
tests can ask it directly)."""

from __future__ import annotations

from typing import NamedTuple

from claimscope.bundle import Bundle
from claimscope.files.page_config import EstimatesOverTimePage, MembershipPage


class PageEntry(NamedTuple):
    path: str  # the page's script, relative to the app folder
    title: str
    url: str  # "" for the default page at /
    icon: str
    hidden: bool = False  # reached by its address only, never listed (the embed)


# "Examine your own document": every document's navigation leads to it.
YOURS = PageEntry("components/pages/yours.py", "Your document", "yours",
                  ":material/upload_file:")


def _block_entry(path: str, block: EstimatesOverTimePage | MembershipPage | None
                 ) -> tuple[PageEntry, bool]:
    """A page whose pages.yaml block names it, shown only when the block is there."""
    if block is None:
        return PageEntry(path, "", "", ""), False
    return PageEntry(path, block.title, block.path, block.icon), True


def pages(loaded: Bundle) -> list[PageEntry]:
    """Each page the document's data supports, in navigation order: no context data, no
    sample page; no estimates_over_time or membership block in pages.yaml, no such page
    (each block names its page's title, path and icon)."""
    sample = loaded.pages.sample_units
    candidates = [
        (PageEntry("components/pages/overview.py", "Overview", "", ":material/dashboard:"),
         True),
        (PageEntry("components/pages/projection.py", "Projection explorer", "projection",
                   ":material/tune:"), True),
        (PageEntry("components/pages/compare.py", "Compare", "compare",
                   ":material/compare_arrows:"), True),
        (PageEntry("components/pages/sample_units.py", sample.title, sample.path, sample.icon),
         loaded.sample_units is not None),
        _block_entry("components/pages/estimates_over_time.py",
                     loaded.pages.estimates_over_time),
        _block_entry("components/pages/membership.py", loaded.pages.membership),
        (PageEntry("components/pages/source.py", "Source", "source",
                   ":material/description:"), True),
        (PageEntry("components/pages/method.py", "Method & caveats", "method",
                   ":material/functions:"), True),
        (PageEntry("components/pages/evidence.py", "Evidence", "evidence",
                   ":material/fact_check:"), bool(loaded.sources)),
        (YOURS, True),
    ]
    return [entry for entry, shown in candidates if shown]


# The embed (/embed) for an article's <iframe>: every document has it, no menu lists it.
EMBED = PageEntry("components/pages/embed.py", "Embed", "embed", ":material/code:",
                  hidden=True)
