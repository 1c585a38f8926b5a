"""Which pages a document's navigation lists, decided by its data (no Streamlit here, so
tests can ask it directly)."""

from __future__ import annotations

from typing import NamedTuple

from claimscope.bundle import Bundle


class PageEntry(NamedTuple):
    path: str  # the page's script, relative to the app folder
    title: str
    url: str  # "" for the default page at /
    icon: str


def pages(loaded: Bundle) -> list[PageEntry]:
    """Each page the document's data supports, in navigation order: no context data, no
    sample page (its address and title from pages.yaml); no offender or network block in
    pages.yaml, no /offenders or /network."""
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
        (PageEntry("components/pages/offenders.py", "Offenders", "offenders",
                   ":material/groups:"), loaded.pages.offenders is not None),
        (PageEntry("components/pages/network.py", "Network & commitments", "network",
                   ":material/hub:"), loaded.pages.network is not None),
        (PageEntry("components/pages/source.py", "Source", "source",
                   ":material/description:"), True),
        (PageEntry("components/pages/method.py", "Method & caveats", "method",
                   ":material/functions:"), True),
        (PageEntry("components/pages/evidence.py", "Evidence", "evidence",
                   ":material/fact_check:"), bool(loaded.sources)),
    ]
    return [entry for entry, shown in candidates if shown]
