"""AppTest of the embed (/embed) and of /projection's Embed block: `show=` and `doc=` read
from the link (bad values named in a notice, never a crash), kept in the address bar,
the compact panel with its step chart, a release kept as the view, and the snippet.

The embed in a browser (an <iframe>, 320 px, the keyboard) is
tests/browser/test_live_anywhere.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from claimscope.bundle import load_bundle
from claimscope.live.embed import default_shown
from claimscope.text.markdown import escape_markdown
from tests.apptest_helpers import (
    ROOT,
    copied_texts,
    figure_specs,
    open_link,
    panel_data,
    release_panel,
    run_page,
)

PAGE = "components/pages/embed.py"
FIXTURES = [ROOT / "tests/fixtures/fixture-clinic-2024",
            ROOT / "tests/fixtures/fixture-flytipping-2025"]


def open_embed(**query: str) -> AppTest:
    """The app opened at /embed with `query` (its first run is the embed's, as in a
    browser that follows the link)."""
    return open_link(PAGE, query)


def notices(at: AppTest) -> list[str]:
    return [warning.value for warning in at.warning]


def test_the_embed_shows_the_default_assumptions_compactly() -> None:
    at = open_embed()
    spec = panel_data(at)["spec"]
    assert spec["compact"] and spec["outputs"] == [] and spec["break_even_inputs"] == []
    assert [item["name"] for item in spec["inputs"]] == ["unique", "rate_ratio", "coverage"]
    assert notices(at) == []
    # the step chart is the panel's own drawing: no plotly figure (nor plotly.js) to load
    assert figure_specs(at) == []
    assert [stage["name"] for stage in spec["steps"]["stages"]] == [
        "seized", "distinct", "national", "projected", "global_total"]
    assert not any(c.value.startswith("**Content note") for c in at.markdown)
    assert at.query_params["doc"] == "ecpat-cstd21-2018"


def test_show_chooses_the_assumptions_and_stays_in_the_link() -> None:
    at = open_embed(show="unique,share", share="10")
    spec = panel_data(at)["spec"]
    assert [item["name"] for item in spec["inputs"]] == ["share", "unique"]
    assert panel_data(at)["values"]["share"] == 10
    at.run()
    assert at.query_params["show"] == "share,unique"
    assert at.query_params["share"] == "10"
    assert not at.session_state["url_notices"]  # show= and doc= are known parameters


def test_bad_show_and_doc_values_get_a_notice() -> None:
    at = open_embed(show="unique,nothing,<img src=x>", doc="somewhere-else")
    said = notices(at)
    assert "show=nothing: not an assumption of this document; left out." in said
    assert any(n.startswith("show=\\<img src=x\\>") for n in said)  # shown, not rendered
    assert any("doc=somewhere-else names no document served here; showing the default "
               "document instead." in n for n in said)
    assert [item["name"] for item in panel_data(at)["spec"]["inputs"]] == ["unique"]


def test_show_naming_nothing_falls_back_to_the_default_set() -> None:
    at = open_embed(show=",,," + "x" * 1000)
    said = notices(at)
    assert any("longer than 400 characters" in n for n in said)
    assert any(n.startswith("show= names no assumption of this document; showing")
               for n in said)
    assert len(panel_data(at)["spec"]["inputs"]) == 3


def test_a_release_becomes_the_view_the_panel_and_its_chart_start_from() -> None:
    at = open_embed(show="share")
    release_panel(at, share=10.0)
    assert panel_data(at)["values"]["share"] == 10.0
    assert at.query_params["share"] == "10"


def test_projection_offers_the_snippet_and_the_panel_alone() -> None:
    at = run_page("components/pages/projection.py", {"share": "10"})
    snippet = next(text for text in copied_texts(at) if text.startswith("<iframe"))
    assert "/embed?share=10&amp;doc=ecpat-cstd21-2018&amp;embed=true" in snippet
    assert 'title="ClaimScope: ' in snippet
    at.multiselect(key="embed_show").set_value(["share"]).run()
    snippet = next(text for text in copied_texts(at) if text.startswith("<iframe"))
    assert "show=share&amp;" in snippet
    labels = [button.label for button in at.get("download_button")]
    assert {"Live panel alone (HTML)", "Still picture of this view (SVG)",
            "Still picture of this view (PNG)"} <= set(labels)


@pytest.mark.parametrize("folder", FIXTURES, ids=["fixture", "other-subject"])
def test_the_embed_works_for_every_document(monkeypatch: pytest.MonkeyPatch,
                                            folder: Path) -> None:
    monkeypatch.setenv("CLAIMSCOPE_DOCUMENT", str(folder))
    bundle = load_bundle(folder)
    at = open_embed(doc=bundle.document.meta["id"])
    assert notices(at) == []
    assert [item["name"] for item in panel_data(at)["spec"]["inputs"]] == list(
        default_shown(bundle))
    steps = panel_data(at)["spec"]["steps"]["stages"]
    assert [stage["name"] for stage in steps] == [step.input or step.output
                                                  for step in bundle.model.steps]
    assert escape_markdown(bundle.document.meta["title"]) in at.title[0].value  # inert
