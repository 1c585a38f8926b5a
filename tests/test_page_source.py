"""The Source page under AppTest: the marked document, coverage status, claims, checks."""

from __future__ import annotations

import re

from claimscope.text.markdown import WORD_JOINER
from tests.apptest_helpers import page_text, run_page

PAGE = "components/pages/source.py"


def document_html(at) -> str:
    (marked,) = [m.value for m in at.markdown if 'class="cs-document"' in m.value]
    return marked


def test_the_document_is_shown_with_every_mention_marked() -> None:
    at = run_page(PAGE)
    marked = document_html(at)
    assert len(re.findall(r"<mark ", marked)) >= 40
    assert re.search(r'data-claim="seized-images"[^>]*>26 million<sup', marked)
    assert re.search(r'data-claim="population-share"[^>]*>7\.25%<sup', marked)
    assert re.search(r'data-status="not-a-claim"[^>]*title="Not a claim: Resolution 2006/46',
                     marked)
    assert 'data-status="unaccounted"' not in marked
    assert "<script" not in marked


def test_provenance_and_coverage_are_stated() -> None:
    at = run_page(PAGE)
    text = page_text(at)
    (success,) = [s.value for s in at.success]
    assert "Provenance and coverage verified" in success
    assert re.search(r"35 claims; 60 numeric mentions in the document: 35 inside catalogued "
                     r"claims, 25 listed as not claims", success)
    assert "8987530329e3eddf9d28e8bdb0a20f45c69f23bdd47b0ccb970aa1a119099193" in success
    assert "matches the published copy" in text
    assert "ECPAT International" in text and "UNCTAD" in text  # author and publisher
    assert not at.error


def test_checks_show_numbers_and_verdicts() -> None:
    # A check's words are shown inert (Markdown-escaped): read them without the escapes.
    text = page_text(run_page(PAGE)).replace("\\", "").replace(WORD_JOINER, "")
    assert "images seized ÷ (population share ÷ 100) ≥ claimed → **358.6 million images**" in text
    assert '"something like 360 million"' in text
    assert "✗ Inconsistent · The SDG targets named in Part Two and in Part Three" in text
    assert "✓ Consistent · Years to the SDG deadline" in text
    assert "ℹ Note · Growth implied by the two offender estimates" in text
    assert "7 checks: 4 consistent, 1 inconsistent, 2 notes" in text
    assert "between 1 and 10 countries have more than one member" in text


def test_jump_to_claim_shows_its_details_and_outlines_it() -> None:
    at = run_page(PAGE)
    assert "outline:" not in document_html(at)
    at.selectbox(key="source_claim").select("deadline-years").run()
    assert not at.exception
    text = page_text(at)
    assert "**deadline-years** · Derived by the document · **14** years" in text
    assert "> a hard deadline of 14 years in which to put itself out of business" in text
    outlined = re.findall(r"<mark [^>]*outline:[^>]*>", document_html(at))
    assert len(outlined) == 1 and 'data-claim="deadline-years"' in outlined[0]


def test_mentions_and_checks_tables_hold_every_row() -> None:
    at = run_page(PAGE)
    (mentions,) = [d.value for d in at.dataframe if "claim_id" in d.value.columns]
    assert len(mentions) == 60 and set(mentions["status"]) == {
        "reported", "derived", "target", "date", "not-a-claim"}
    assert mentions.loc[mentions["number"] == "26 million", "claim_id"].item() == "seized-images"
    (checks,) = [d.value for d in at.dataframe if "verdict" in d.value.columns]
    assert checks.loc[checks["id"] == "sdg-targets", "verdict"].item() == "inconsistent"
