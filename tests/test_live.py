"""The live model anywhere, in Python: the panel's scripts per host, the panel's page and
report block (escaped, inline, small, a policy that forbids the network), the embed's
`show=`/`doc=` parsing, snippet and still-image key, and the still image itself."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from claimscope.bundle import load_bundle
from claimscope.charts.embed_image import embed_figure, static_image
from claimscope.charts.report import ReportEntry, build_report
from claimscope.link.scenarios import Scenario
from claimscope.link.viewstate import default_view
from claimscope.live.embed import (
    default_shown,
    iframe_snippet,
    image_key,
    parse_show,
)
from claimscope.live.page import (
    CONTENT_SECURITY_POLICY,
    json_script,
    panel_block,
    standalone_panel,
)
from claimscope.live.scripts import panel_script
from claimscope.views.citation import cite
from claimscope.views.panel_spec import compact_spec, panel_spec

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = load_bundle()
FIXTURES = {"clinic": ROOT / "tests/fixtures/fixture-clinic-2024",
            "flytipping": ROOT / "tests/fixtures/fixture-flytipping-2025"}
HOSTILE = "</script><script>alert('x')</script><!--"
DATA = re.compile(r'<script type="application/json">(.*?)</script>', re.S)


def test_each_host_gets_the_same_panel_code() -> None:
    app, standalone = (panel_script(BUNDLE.model, host) for host in ("streamlit",
                                                                      "standalone"))
    assert "export default function (component)" in app
    assert "export" not in standalone and standalone.startswith("(function () {")
    shared = app[:app.index("/* The panel's host in the app")]
    assert shared in standalone  # format.js, template.js, the model and panel.js, unforked


def test_the_data_block_cannot_end_early() -> None:
    block = json_script({"label": HOSTILE})
    assert block.count("</script>") == 1 and "<!--" not in block
    assert json.loads(DATA.search(block).group(1)) == {"label": HOSTILE}


def test_a_panel_block_starts_at_its_view_with_ways_back() -> None:
    values = {**BUNDLE.model.defaults(), "share": 10.0}
    block = panel_block(BUNDLE, values, [(HOSTILE, values)])
    data = json.loads(DATA.search(block).group(1))
    assert data["values"]["share"] == 10.0 and data["starts"][0]["label"] == HOSTILE
    assert data["spec"] == json.loads(json.dumps(panel_spec(BUNDLE)))


@pytest.mark.parametrize("folder", [None, *FIXTURES.values()], ids=["ecpat", *FIXTURES])
def test_the_panel_alone_is_small_inline_and_asks_for_nothing(folder: Path | None) -> None:
    bundle = load_bundle(folder)
    page = standalone_panel(bundle, bundle.model.defaults(), "https://example.org/projection")
    assert len(page.encode("utf-8")) < 300_000
    assert "default-src 'none'" in CONTENT_SECURITY_POLICY
    assert 'http-equiv="Content-Security-Policy"' in page
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", page)
    assert page.count('<div class="cs-host" data-claimscope-panel>') == 1


def test_the_report_carries_one_live_panel_and_its_policy() -> None:
    view = default_view(BUNDLE.inputs).with_value("share", 10.0)
    citation = cite(BUNDLE.document, date(2026, 12, 6), "http://localhost:8501/projection")
    single = build_report(BUNDLE, [ReportEntry(Scenario("One", view))], citation, "now")
    assert single.count('<div class="cs-host" data-claimscope-panel>') == 1
    assert single.index("Content-Security-Policy") < single.index("<script")
    assert "do not follow the sliders" in single
    data = json.loads(DATA.search(single).group(1))
    assert data["values"]["share"] == 10.0
    assert [s["label"] for s in data["starts"]] == ["Back to the view downloaded"]
    two = build_report(BUNDLE, [ReportEntry(Scenario("One", view)),
                                ReportEntry(Scenario(HOSTILE, default_view(BUNDLE.inputs)))],
                       citation, "now")
    labels = [s["label"] for s in json.loads(DATA.search(two).group(1))["starts"]]
    assert labels == ["Start from: One", f"Start from: {HOSTILE}"]
    assert "<script>alert" not in two


def test_a_compact_spec_keeps_only_the_shown_assumptions() -> None:
    spec = compact_spec(panel_spec(BUNDLE), ("unique", "share"))
    assert [item["name"] for item in spec["inputs"]] == ["share", "unique"]
    assert spec["compact"] and not spec["outputs"] and not spec["break_even_inputs"]
    assert {group["id"] for group in spec["groups"]} == {item["group"]
                                                         for item in spec["inputs"]}
    assert set(spec["defaults"]) == set(BUNDLE.model.inputs)  # the sentence needs them all


@pytest.mark.parametrize(("folder", "expected"), [
    (None, ("unique", "rate_ratio", "coverage")),
    (FIXTURES["clinic"], None), (FIXTURES["flytipping"], None)], ids=["ecpat", *FIXTURES])
def test_the_default_set_is_a_few_of_the_headlines_inputs(folder: Path | None,
                                                          expected: tuple | None) -> None:
    bundle = load_bundle(folder)
    chosen = default_shown(bundle)
    assert 1 <= len(chosen) <= 4 and set(chosen) <= set(bundle.model.break_even_inputs)
    if expected is not None:
        assert chosen == expected


@pytest.mark.parametrize(("raw", "chosen", "said"), [
    (None, ("unique", "rate_ratio", "coverage"), 0),
    ("share", ("share",), 0),
    (["unique,share"], ("share", "unique"), 0),  # in the panel's order
    ("share,share,,unique ", ("share", "unique"), 0),
    ("share,bogus", ("share",), 1),
    ("bogus", ("unique", "rate_ratio", "coverage"), 2),
    ("", ("unique", "rate_ratio", "coverage"), 1),
    ("offender_second_year", ("unique", "rate_ratio", "coverage"), 2),  # not on the panel
])
def test_show_is_whitelist_parsed(raw: str | list[str] | None, chosen: tuple,
                                  said: int) -> None:
    names, notices = parse_show(raw, BUNDLE)
    assert names == chosen and len(notices) == said



def test_the_snippet_is_escaped_and_sized_for_its_assumptions() -> None:
    snippet = iframe_snippet('http://h/embed?a=1&b="2"', "A <title>", 2)
    assert 'src="http://h/embed?a=1&amp;b=&quot;2&quot;"' in snippet
    assert 'title="A &lt;title&gt;"' in snippet and 'height="1490"' in snippet


def test_the_still_images_key_is_the_views_canonical_link() -> None:
    defaults = BUNDLE.model.defaults()
    ten = {**defaults, "share": 10.0}
    assert image_key(BUNDLE, ten, "svg") == image_key(BUNDLE, dict(reversed(ten.items())),
                                                      "svg")
    assert image_key(BUNDLE, ten, "svg").endswith("|svg|share=10")
    assert image_key(BUNDLE, ten, "svg") != image_key(BUNDLE, ten, "png")
    assert image_key(BUNDLE, ten, "svg") != image_key(BUNDLE, defaults, "svg")
    other = load_bundle(FIXTURES["clinic"])
    assert image_key(other, other.model.defaults(), "svg").startswith(other.key)


def test_the_still_image_is_the_chart_with_the_sentence_and_verdict_as_text() -> None:
    values = {**BUNDLE.model.defaults(), "share": 10.0}
    figure = embed_figure(BUNDLE, values)
    svg = static_image(figure, "svg").decode("utf-8")
    assert svg.startswith("<svg") and "does not hold on these assumptions" in svg
    assert "260 million" in svg and "ECPAT International" in svg
    assert "http://" not in svg.replace("http://www.w3.org/", "")
