"""AppTest of the membership page (ECPAT's Network & commitments): cards, quotes, target
lists, deadline, timeline."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from claimscope.bundle import load_bundle
from components.navigation import pages
from tests.apptest_helpers import decode, figure_specs, page_text, run_page
from tests.data_helpers import copy_document, edit

PAGE = "components/pages/membership.py"


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_network_cards_and_what_they_imply() -> None:
    at = run_page(PAGE)
    cards = metrics(at)
    assert cards["Members · reported"] == "103"
    assert cards["Countries · reported"] == "93"
    assert cards["Average per country · derived"] == "1.11"
    assert cards["Countries with 2+ members · derived"] == "1 to 10"
    text = page_text(at)
    assert "at least 1 and at most 10 countries have more than one member" in text
    assert "no country has more than 11" in text


def test_every_reported_card_carries_its_quote_and_id() -> None:
    at = run_page(PAGE)
    helps = {m.label: m.help for m in at.metric}
    assert "“Today, 103 ECPAT members across 93 countries”" in helps["Members · reported"]
    assert "`ecpat-members`" in helps["Members · reported"]
    for label, help_text in helps.items():
        assert help_text.startswith("Derived: ") or "`" in help_text, label
    captions = [c.value for c in at.caption]
    assert any("`luxembourg-agencies`" in c and "more than 20 international" in c
               for c in captions)
    assert any("`sdg-16-2` `sdg-5-3` `sdg-8-7`" in c for c in captions)


def test_standards_and_guides() -> None:
    cards = metrics(run_page(PAGE))
    assert cards["Luxembourg Guidelines agencies · reported"] == "More than 20"
    assert cards["Luxembourg Guidelines completed · date"] == "2016"
    assert cards["ITU guides to online child safety · reported"] == "4"


def test_the_two_target_lists_are_compared_neutrally() -> None:
    at = run_page(PAGE)
    cards = metrics(at)
    assert cards["Targets named in Part Two · target"] == "16.2, 5.3, 8.7"
    assert cards["SDG targets in Part Three · reported"] == "3: 5.2, 8.7, 16.2"
    note = at.info[0].value
    assert "5.3 appears only in Part Two and 5.2 only in Part Three" in note
    assert "violence against all women and girls" in note
    assert "8.7 and 16.2 appear in both" in note
    table = next(d.value for d in at.dataframe if "named_in_part_two" in d.value.columns)
    assert list(table["target"]) == ["5.2", "5.3", "8.7", "16.2"]


def test_deadline_arithmetic() -> None:
    at = run_page(PAGE)
    cards = metrics(at)
    assert cards["Deadline · target"] == "2030"
    assert cards["Years to the deadline · derived"] == "14 years"
    assert cards["The years count from · derived"] == "2016"
    assert cards["Left at the document's date · derived"] == "12 years"
    assert "**2016 + 14 years = 2030.**" in page_text(at)


def test_timeline_marks_commitments_and_today() -> None:
    at = run_page(PAGE)
    (spec,) = figure_specs(at)
    assert spec["layout"]["title"]["text"] == (
        "When the document was written, 12 of the 14 years to the 2030 deadline remained")
    points = [(y, pd.Timestamp(x).year) for trace in spec["data"]
              for x, y in zip(decode(trace["x"]), decode(trace["y"]), strict=True)]
    assert ("Sustainable Development Goals adopted", 2015) in points
    assert ("Global Campaign fully operational", 2018) in points
    assert ("SDG deadline for eliminating child exploitation", 2030) in points
    assert len(points) == 6
    (today,) = spec["layout"]["shapes"]
    assert pd.Timestamp(today["x0"]).year == 2018
    assert spec["layout"]["annotations"][0]["text"] == "Document dated 2018"


def test_the_navigation_entry_is_the_blocks(tmp_path: Path) -> None:
    """Title, address and icon are the document's words: ECPAT's as they always were, and
    a block without them gets the generic ones."""
    entry = next(e for e in pages(load_bundle()) if e.path == PAGE)
    assert (entry.title, entry.url, entry.icon) == ("Network & commitments", "network",
                                                    ":material/hub:")
    folder = copy_document(tmp_path)
    edit(folder / "pages.yaml", lambda d: [d["membership"].pop(f) for f in ("title", "path")])
    entry = next(e for e in pages(load_bundle(folder)) if e.path == PAGE)
    assert (entry.title, entry.url) == ("Membership and commitments", "membership")
