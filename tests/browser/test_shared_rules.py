"""Each rule the live panel and the server share, checked in Chromium for random values
(docs/architecture.md, "Rules the browser and the server share", says where each
lives): the template scope, the verdict's margin,
the break-even table's words, the rounding of a typed whole number, and every text the
panel writes. Besides the three shipped documents, two test models: one whose input has
no break-even (its headline is bounded in it, so the claim holds, or fails, at any of its
values) and one that is not a power law (a difference in a denominator).

The panel is mounted in a blank page, without a server or host script: format.js,
template.js, the model's script, stepchart.js and panel.js as plain scripts, and
`createPanel` called as a host would. Each example mounts a fresh panel with its values.
"""

from __future__ import annotations

import math
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playwright.sync_api import Browser, Page

from claimscope.bundle import DATA_DIR, Bundle, default_document, load_bundle
from claimscope.files.inputs import InputSpec
from claimscope.link.urlstate import parse_value
from claimscope.live.scripts import ASSETS, PANEL, SHARED
from claimscope.model.break_even import break_even, elasticity
from claimscope.model.printing.javascript import model_javascript
from claimscope.model.verdict import margin
from claimscope.views.panel_spec import panel_spec
from tests.browser.panel_text import READ, server_text
from tests.fixture_documents import CLINIC_DOCUMENT, FLYTIPPING_DOCUMENT

pytestmark = pytest.mark.browser

EXAMPLES = settings(max_examples=120, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])
RELATIVE = 1e-12

# The fixture document's headline as a bounded multiple of its recorded visits: between
# once and twice them whatever the completeness, so completeness has no break-even where
# the recorded visits alone reach the claim (it holds at any value) or twice them do not
# (it holds at no value).
NO_BREAK_EVEN = "recorded * (1 + 2 * completeness ** 2) / (1 + completeness ** 2)"
NOT_A_POWER_LAW = "recorded / (completeness - 0.4)"

MOUNT = """([spec, values]) => {
  const host = document.createElement("div");
  document.body.replaceChildren(host);
  window.sent = null;
  const panel = createPanel(host, spec, values);
  panel.send = (key, value) => { window.sent = value; };
}"""
TYPE = """([name, text]) => {
  const entry = document.querySelector(`.cs-panel input[type=number][name="${name}"]`);
  entry.value = text;
  entry.dispatchEvent(new Event("input", { bubbles: true }));
  entry.dispatchEvent(new Event("change", { bubbles: true }));
  return [Number(entry.value), window.sent === null ? null : window.sent[name]];
}"""
SCOPE = """(values) => {
  const outputs = CLAIMSCOPE_MODEL.evaluate(values).outputs;
  return templateScope(window.spec.scope, CLAIMSCOPE_MODEL.defaults, values, outputs);
}"""


def _test_document(folder: Path, formula: str) -> Bundle:
    """The fixture document with its headline worked out by `formula` over its recorded
    visits and completeness."""
    shutil.copytree(CLINIC_DOCUMENT, folder)
    path = folder / "model.yaml"
    model = yaml.safe_load(path.read_text(encoding="utf-8"))
    visits = next(out for out in model["outputs"] if out["name"] == "visits")
    visits["formula"] = formula
    path.write_text(yaml.safe_dump(model), encoding="utf-8")
    return load_bundle(folder)


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Bundle]:
    folder = tmp_path_factory.mktemp("documents")
    found = {"ecpat": load_bundle(DATA_DIR / default_document()),
             "fixture": load_bundle(CLINIC_DOCUMENT), "other": load_bundle(FLYTIPPING_DOCUMENT),
             "no_break_even": _test_document(folder / "bounded", NO_BREAK_EVEN),
             "not_a_power_law": _test_document(folder / "difference", NOT_A_POWER_LAW)}
    bounded = found["no_break_even"].model
    assert break_even(bounded, bounded.defaults() | {"rate": 1000}, "completeness") is None
    assert elasticity(found["not_a_power_law"].model, "completeness") is None
    return found


@pytest.fixture(scope="module")
def pages(browser: Browser, bundles: dict[str, Bundle]) -> Iterator[dict[str, Page]]:
    """One blank page per document with the panel's scripts and its spec."""
    context = browser.new_context()
    found = {}
    for name, bundle in bundles.items():
        page = context.new_page()
        page.set_content("<!doctype html><html lang='en'><head></head><body></body></html>")
        for script in SHARED:
            page.add_script_tag(content=ASSETS.joinpath(script).read_text(encoding="utf-8"))
        page.add_script_tag(content=model_javascript(bundle.model))
        for script in PANEL:
            page.add_script_tag(content=ASSETS.joinpath(script).read_text(encoding="utf-8"))
        page.evaluate("spec => { window.spec = spec; }", panel_spec(bundle))
        found[name] = page
    yield found
    context.close()


DOCUMENTS = st.sampled_from(["ecpat", "fixture", "other", "no_break_even", "not_a_power_law"])


def _value(spec: InputSpec) -> st.SearchStrategy[float]:
    if spec.is_integer:
        return st.integers(math.ceil(spec.min), math.floor(spec.max)).map(float)
    return st.one_of(st.just(spec.default), st.floats(spec.min, spec.max))


def _values(bundle: Bundle) -> st.SearchStrategy[dict[str, float]]:
    """Every input of the model, those the panel does not show included."""
    return st.fixed_dictionaries({name: _value(spec)
                                  for name, spec in bundle.model.inputs.items()})


def _close(browser: object, server: object) -> bool:
    if isinstance(server, float) and isinstance(browser, (int, float)):
        return math.isclose(browser, server, rel_tol=RELATIVE, abs_tol=1e-300) or \
            browser == server
    return browser == server


@EXAMPLES
@given(data=st.data(), document=DOCUMENTS)
def test_the_panel_writes_the_servers_text(pages: dict[str, Page], bundles: dict[str, Bundle],
                                           data, document: str) -> None:
    """Sentence, verdict, every card and every break-even row, to the character, for any
    values of every input (also those another page sets)."""
    bundle, page = bundles[document], pages[document]
    values = data.draw(_values(bundle))
    spec = page.evaluate("() => window.spec")
    page.evaluate(MOUNT, [spec, values])
    assert page.evaluate(READ) == server_text(bundle, spec, values)


@EXAMPLES
@given(data=st.data(), document=DOCUMENTS)
def test_the_template_scope_is_the_servers(pages: dict[str, Page],
                                           bundles: dict[str, Bundle], data,
                                           document: str) -> None:
    """templateScope (template.js) from the spec, the model's defaults and the panel's
    values is Model.scope: the same names, units and claims, the same values."""
    bundle, page = bundles[document], pages[document]
    values = data.draw(_values(bundle))
    shown = {name: values[name] for name in data.draw(st.sets(st.sampled_from(sorted(values))))}
    browser = page.evaluate(SCOPE, shown)
    server = bundle.model.scope(shown).to_json()
    assert browser["units"] == server["units"] and browser["claims"] == server["claims"]
    assert list(browser["values"]) == list(server["values"])
    for name, value in server["values"].items():
        assert _close(browser["values"][name], value), name


@EXAMPLES
@given(headline=st.floats(allow_nan=False) | st.floats(-1e9, 1e9),
       threshold=st.floats(allow_nan=False) | st.floats(1, 1e9),
       document=DOCUMENTS)
def test_the_margin_is_the_servers(pages: dict[str, Page], headline: float, threshold: float,
                                   document: str) -> None:
    """CLAIMSCOPE_MODEL.margin, printed from the same expression, gives the very same
    double (inf or nan where the server's is)."""
    browser = pages[document].evaluate(
        "([h, t]) => String(CLAIMSCOPE_MODEL.margin(h, t))", [headline, threshold])
    server = margin(headline, threshold)
    assert float(browser) == server or (math.isnan(server) and browser == "NaN")


def _whole_inputs(bundles: dict[str, Bundle]) -> list[tuple[str, str]]:
    return [(document, spec["name"]) for document, bundle in bundles.items()
            for spec in panel_spec(bundle)["inputs"] if spec["integer"]]


@EXAMPLES
@given(data=st.data())
def test_a_typed_value_becomes_what_a_link_makes_it(pages: dict[str, Page],
                                                    bundles: dict[str, Bundle],
                                                    data) -> None:
    """A number typed into a whole-number input's exact entry is clamped and rounded as
    the same number in a link is (2014.5 -> 2015, a tie away from zero), and the panel
    sends that value."""
    document, name = data.draw(st.sampled_from(_whole_inputs(bundles)))
    bundle, page = bundles[document], pages[document]
    spec = bundle.model.inputs[name]
    typed = data.draw(st.one_of(
        st.integers(int(spec.min) - 3, int(spec.max) + 3).map(lambda k: k + 0.5),
        st.floats(spec.min - 10, spec.max + 10),
        st.sampled_from([spec.min - 0.5, spec.max + 0.5, spec.default + 0.5,
                         spec.default - 0.5, spec.default + 0.49999999999999994])))
    page.evaluate(MOUNT, [page.evaluate("() => window.spec"), bundle.model.defaults()])
    shown, sent = page.evaluate(TYPE, [name, repr(typed)])
    expected, _ = parse_value(spec, repr(typed))
    assert shown == expected
    assert sent == (None if expected == spec.default else expected)


def test_a_year_typed_between_two_is_rounded_up_everywhere(pages: dict[str, Page],
                                                          bundles: dict[str, Bundle]) -> None:
    """The issue's example: 2014.5 is 2015 in the panel and from a link."""
    bundle, page = bundles["ecpat"], pages["ecpat"]
    page.evaluate(MOUNT, [page.evaluate("() => window.spec"), bundle.model.defaults()])
    assert page.evaluate(TYPE, ["year", "2014.5"]) == [2015, 2015]
    assert parse_value(bundle.model.inputs["year"], "2014.5")[0] == 2015


def test_the_test_models_show_every_kind_of_row(pages: dict[str, Page],
                                                bundles: dict[str, Bundle]) -> None:
    """The bounded model's completeness has no break-even, holding at any value or at no
    value by the recorded visits; the other model's break-even is a number."""
    bundle, page = bundles["no_break_even"], pages["no_break_even"]
    spec = page.evaluate("() => window.spec")
    conditions = set()
    for rate in (50.0, 300.0, 2000.0):
        values = bundle.model.defaults() | {"rate": rate}
        page.evaluate(MOUNT, [spec, values])
        row = page.evaluate(READ)["rows"]["completeness"]
        assert row == server_text(bundle, spec, values)["rows"]["completeness"]
        conditions.add(row[1])
    assert {"at any value", "at no value"} <= conditions
    page = pages["not_a_power_law"]
    page.evaluate(MOUNT, [page.evaluate("() => window.spec"),
                          bundles["not_a_power_law"].model.defaults()])
    assert page.evaluate(READ)["rows"]["completeness"][1].startswith("≤ ")
