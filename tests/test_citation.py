"""How to cite: both forms name the document, ClaimScope, the link and the access date."""

from __future__ import annotations

from datetime import date

import pytest

from claimscope.bundle import load_bundle
from claimscope.views.citation import TOOL, cite, written_date

DOCUMENT = load_bundle().document


@pytest.mark.parametrize(("day", "text"), [(date(2026, 5, 5), "5 May 2026"),
                                           (date(2018, 12, 31), "31 December 2018")])
def test_dates_are_written_without_ambiguity(day: date, text: str) -> None:
    assert written_date(day) == text


def test_long_form_is_the_documents_citation_then_claimscopes() -> None:
    link = "http://localhost:8501/projection?share=10"
    citation = cite(DOCUMENT, date(2026, 5, 5), link)
    assert citation.document == DOCUMENT.citation()
    assert citation.long.startswith(DOCUMENT.citation())
    assert citation.long.endswith(citation.tool)
    assert link in citation.tool and "(accessed 5 May 2026)" in citation.tool
    assert DOCUMENT.meta["short_title"] in citation.tool and TOOL in citation.tool


def test_short_form_names_author_year_tool_and_access_date() -> None:
    citation = cite(DOCUMENT, date(2026, 5, 5))
    assert citation.short == (f"{DOCUMENT.meta['author']} ({DOCUMENT.meta['date']}), figures "
                              f"examined with {TOOL} (accessed 5 May 2026).")


def test_without_a_link_no_empty_gap_is_left() -> None:
    citation = cite(DOCUMENT, date(2026, 5, 5), "")
    assert "  " not in citation.tool and "]. (accessed" in citation.tool
