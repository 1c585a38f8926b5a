"""AppTest of the Evidence page (/evidence), and the evidence links beside each range."""

from __future__ import annotations

import pytest

from claimscope.bundle import cited_by, load_bundle
from claimscope.views.evidence import anchor, cited_ids, entries, link, sources_markdown
from tests.apptest_helpers import open_range_editor, page_text, run_page

PAGE = "components/pages/evidence.py"
BUNDLE = load_bundle()


@pytest.fixture(scope="module")
def at():
    return run_page(PAGE)


def test_every_source_is_listed_with_anchor_address_read_and_quotes(at) -> None:
    subheaders = {h.proto.anchor: h.value for h in at.subheader}
    text = page_text(at)
    for source in BUNDLE.sources.values():
        assert anchor(source.id) in subheaders, source.id
        assert f"[{source.url}]({source.url})" in text
        assert source.title in text
        first = source.quotes[0].replace("\n", " ")
        assert first.replace("$", "\\$") in text, source.id
    assert "read from an excerpt" in text
    assert "read in full" in text


def test_each_source_says_what_it_supports(at) -> None:
    text = page_text(at)
    found = cited_by(BUNDLE)
    for entry in entries(BUNDLE):
        assert entry.supports == tuple(found[entry.source.id]) and entry.supports
    assert "Suggested range: unique" in text
    assert "Context data: the five forces: nottinghamshire (images)" in text
    assert "Preset scenario: caid-distinct-share" in text


def test_ranges_presets_and_context_figures_link_to_their_entries(at) -> None:
    text = page_text(at)
    for preset in BUNDLE.range_presets.values():
        assert preset.why in text
        for source_id in cited_ids(preset):
            assert f"({link(source_id)})" in text
    assert f"({link('hansard-2014-12-caid-launch-4-4m')})" in text  # the CAID preset
    assert f"({link('hucknall-dispatch-2012-notts')})" in text  # a context figure


def test_range_control_shows_why_and_sources_beside_the_range() -> None:
    at = run_page("components/pages/projection.py")
    open_range_editor(at).toggle(key="unique_ranged").set_value(True).run()
    assert not at.exception
    text = page_text(at)
    preset = BUNDLE.range_presets["unique"]
    assert preset.why in text
    assert sources_markdown(preset, BUNDLE.sources) in text
    assert "evidence#source-hansard-2014-12-caid-launch-4-4m" in text


def test_method_page_says_the_window_is_likelier_24_months() -> None:
    text = page_text(run_page("components/pages/method.py"))
    assert "The window is probably 24 months, not 26" in text
    assert "only the yearly rate rises" in text


@pytest.mark.parametrize("page", ["components/pages/sample_units.py",
                                  "components/pages/estimates_over_time.py",
                                  "components/pages/method.py", "components/pages/compare.py"])
def test_every_context_figure_and_preset_links_to_its_sources(page: str) -> None:
    """Each source a page's context figures, presets, reference figures or caveats cite is
    linked from that page to its entry on /evidence."""
    text = page_text(run_page(page))
    by_file = {"sample_units.py": ("sample_units.yaml",),
               "estimates_over_time.py": ("estimates_context.yaml",),
               "method.py": ("reference.yaml", "caveats.yaml"),
               "compare.py": ("scenarios.yaml",)}[page.rsplit("/", 1)[1]]
    cited = {c.source for c in BUNDLE.citations if c.file in by_file}
    assert cited
    for source_id in cited:
        assert f"]({link(source_id)})" in text, (page, source_id)
