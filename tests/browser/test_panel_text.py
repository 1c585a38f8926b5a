"""The browser writes the same text as the server: claimscope/live/assets/format.js and
template.js, run in Chromium, against claimscope.text.numbers, claimscope.text.template and the
report's markdown_bold, for random values (exact ties, the million/billion boundaries,
negatives, NaN and infinities, huge and tiny doubles) and random assumptions of both
documents. One page holds the scripts for every example."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playwright.sync_api import Browser, Page

from claimscope.bundle import DATA_DIR, Bundle, default_document, load_bundle
from claimscope.charts.report import markdown_bold
from claimscope.files.page_config import page_scope
from claimscope.live.scripts import ASSETS, SHARED
from claimscope.text.numbers import (
    count_word,
    display,
    fixed,
    human,
    percent,
    signed_percent,
)
from claimscope.text.template import (
    CLAIM_PREFIX,
    FILTERS,
    TAKES_DIGITS,
    WORD_FILTERS,
    parse_text,
    render_text,
)
from claimscope.text.units import FORMATS, Unit
from claimscope.views.narrative import changed_inputs, reactive_sentence, sentence_scope
from tests.fixture_documents import CLINIC_DOCUMENT

pytestmark = pytest.mark.browser

SCRIPTS = [ASSETS / name for name in SHARED]
BUNDLES = {"ecpat": load_bundle(DATA_DIR / default_document()),
           "fixture": load_bundle(CLINIC_DOCUMENT)}
EXAMPLES = settings(max_examples=400, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])

# Values where rounding rules part: exact binary ties (Python's format rounds them to even,
# toFixed away from zero), doubles just off a decimal tie, and the scale-word boundaries.
EDGES = [0.125, 0.375, 2.5, 0.5, 1.5, 1234.5, 0.005, 1.005, 2.675, 0.045, 9.995, 99.995,
         999_999.5, 999_999.95, 1e6, 1e6 - 1e-9, 999_950_000.0, 999_949_999.9, 1e9, 1e12,
         9.9995e11, 1e15, 1e21, 9.999999999999999e20, 2.0**53, 2.0**70, 1e300,
         1.7976931348623157e308, 5e-324, 1e-7, 0.0, 100.0, 99.999, 10.0, 9.9999, 20.0, 21.0]
VALUES = st.one_of(
    st.floats(),  # every double, NaN and ±inf included
    st.sampled_from(EDGES).flatmap(lambda v: st.sampled_from([v, -v])),
    st.integers(-10**8, 10**8).map(lambda k: k / 8),  # exact ties at 1, 2 and 3 decimals
    st.integers(-10**7, 10**7).map(lambda k: k / 1000),
    st.floats(-1e16, 1e16),
)

_FORMATTERS_JS = """([v, d, unit]) => ({
  human: human(v, d), humanDefault: human(v), percent: percent(v, d),
  percentDefault: percent(v), signed: signedPercent(v, d), signedDefault: signedPercent(v),
  display: display(v, unit, d), displayDefault: display(v, unit), count: countWord(v),
  fixed: isFinite(v) ? fixed(v, d) : null, fixedPlain: isFinite(v) ? fixed(v, d, false) : null,
})"""


# Every unit of both documents and the built-ins, a unit-less plain number, and currencies
# with their symbol before or after the number.
UNITS = sorted({*(unit for bundle in BUNDLES.values()
                  for unit in bundle.vocabulary.units.values()), Unit(""),
                Unit("sek", "currency", symbol="kr", symbol_before=False),
                Unit("jpy", "currency", symbol="¥"), Unit("weeks", "duration", word="weeks")},
               key=lambda unit: (str(unit), unit.format))


def _python_formatters(value: float, digits: int, unit: Unit) -> dict[str, str | None]:
    finite = math.isfinite(value)
    return {
        "human": human(value, digits), "humanDefault": human(value),
        "percent": percent(value, digits), "percentDefault": percent(value),
        "signed": signed_percent(value, digits), "signedDefault": signed_percent(value),
        "display": display(value, unit, digits), "displayDefault": display(value, unit),
        "count": count_word(value),
        "fixed": fixed(value, digits) if finite else None,
        "fixedPlain": fixed(value, digits, grouped=False) if finite else None,
    }


@pytest.fixture(scope="module")
def scripts_page(browser: Browser) -> Iterator[Page]:
    """One blank page with format.js and template.js loaded, as plain scripts."""
    context = browser.new_context()
    page = context.new_page()
    page.set_content("<!doctype html><html lang='en'><head></head><body></body></html>")
    for script in SCRIPTS:
        page.add_script_tag(content=script.read_text(encoding="utf-8"))
    yield page
    context.close()


def test_the_scripts_are_plain_scripts() -> None:
    for script in SCRIPTS:
        text = script.read_text(encoding="utf-8")
        assert "import " not in text and "export " not in text and "toLocaleString" not in text


@EXAMPLES
@given(value=VALUES, digits=st.integers(0, 6), unit=st.sampled_from(UNITS))
def test_every_formatter_writes_what_python_writes(scripts_page: Page, value: float,
                                                  digits: int, unit: Unit) -> None:
    assert scripts_page.evaluate(_FORMATTERS_JS, [value, digits, unit.writing()]) == \
        _python_formatters(value, digits, unit)


def test_every_format_is_among_the_units_tried() -> None:
    assert {unit.format for unit in UNITS} == set(FORMATS)
    assert {unit.symbol_before for unit in UNITS if unit.format == "currency"} == {True, False}


@pytest.mark.parametrize(("value", "unit", "words"), [
    (12000, "count", "12,000"), (26e6, "count", "26 million"), (-1.2e6, "gbp", "-£1.2 million"),
    (12000, "gbp", "£12,000"), (3.5e9, "eur", "€3.5 billion"), (26, "months", "26 months"),
    (1.5, "ratio", "1.5×"), (2012, "year", "2012"), (7.25, "percent", "7.25%"),
    (-0.001, "usd", "$0"),
])
def test_known_units_in_the_browser(scripts_page: Page, value: float, unit: str,
                                    words: str) -> None:
    chosen = BUNDLES["ecpat"].vocabulary.unit(unit)
    assert scripts_page.evaluate("([v, u]) => display(v, u)", [value, chosen.writing()]) == \
        display(value, chosen) == words


@pytest.mark.parametrize(("value", "words"), [
    (0.125, "0.13"), (-2.5, "-2.5"), (2.5e6, "2.5 million"), (999_999.5, "1,000,000"),
    (-0.001, "0"), (math.nan, "—"), (1e21, "1,000,000,000 trillion"),
])
def test_known_values_in_the_browser(scripts_page: Page, value: float, words: str) -> None:
    assert scripts_page.evaluate("v => human(v)", value) == human(value) == words


def _values(bundle: Bundle) -> st.SearchStrategy[dict[str, float]]:
    """Assumptions within each input's range: its default, a step of its slider, or any
    double between its ends."""
    def value(spec) -> st.SearchStrategy[float]:
        steps = round((spec.max - spec.min) / spec.step)
        on_grid = st.integers(0, steps).map(lambda k: min(spec.max, spec.min + k * spec.step))
        return st.one_of(st.just(spec.default), on_grid, st.floats(spec.min, spec.max))
    return st.fixed_dictionaries({name: value(spec) for name, spec in bundle.model.inputs.items()})


@EXAMPLES
@given(data=st.data(), document=st.sampled_from(sorted(BUNDLES)))
def test_the_sentence_in_the_browser_is_the_servers(scripts_page: Page, data,
                                                    document: str) -> None:
    bundle = BUNDLES[document]
    values = data.draw(_values(bundle))
    out = bundle.model.evaluate(values)
    scope = sentence_scope(bundle.model, bundle.catalogue, values, out)
    sentence = reactive_sentence(bundle.sentence, bundle.model, bundle.catalogue, values, out)
    rendered = scripts_page.evaluate(
        "([spec, scope, changed]) => { const s = renderSentence(spec, scope, changed);"
        " return [s, markdownBold(s)]; }",
        [bundle.sentence, scope.to_json(), changed_inputs(bundle.model, values)])
    assert rendered == [sentence, markdown_bold(sentence)]


_PLACEHOLDER = st.tuples(
    st.sampled_from(["seized", "share", "rate_ratio", "year", "months", "national",
                     "claims.forces-replied", "claims.seized-images",
                     "claims.national-total-claim"]),
    st.sampled_from([None, *FILTERS]), st.one_of(st.none(), st.integers(0, 6)),
).filter(lambda p: p[1] not in WORD_FILTERS or p[0].startswith(CLAIM_PREFIX))


def _placeholder(name: str, chosen: str | None, digits: int | None) -> str:
    if chosen is None:
        return "{" + name + "}"
    if digits is None or chosen not in TAKES_DIGITS:
        return "{" + name + "|" + chosen + "}"
    return "{" + name + "|" + chosen + ":" + str(digits) + "}"


@EXAMPLES
@given(pieces=st.lists(st.one_of(_PLACEHOLDER.map(lambda p: _placeholder(*p)),
                                 st.sampled_from([" ", "**", "{{", "}}", "<b>&'\"", "é ×"])),
                       max_size=8),
       values=_values(BUNDLES["ecpat"]))
def test_any_template_in_the_browser_is_the_servers(scripts_page: Page, pieces: list[str],
                                                    values: dict[str, float]) -> None:
    """Any template over inputs, outputs and claims, a claim's words and its value in its
    own unit included (the page texts' filters), reads the same in the browser."""
    bundle, text = BUNDLES["ecpat"], "".join(pieces)
    words = page_scope(bundle.catalogue)
    scope = replace(sentence_scope(bundle.model, bundle.catalogue, values,
                                   bundle.model.evaluate(values)),
                    claim_units=words.claim_units, claim_words=words.claim_words)
    assert scripts_page.evaluate("([nodes, scope]) => renderText(nodes, scope)",
                                 [parse_text(text), scope.to_json()]) == \
        render_text(text, scope)


@EXAMPLES
@given(st.text(alphabet=st.sampled_from("ab *<>&'\"\n\u2028é"), max_size=30) | st.text())
def test_markdown_bold_in_the_browser_is_the_reports(scripts_page: Page, text: str) -> None:
    assert scripts_page.evaluate("t => markdownBold(t)", text) == markdown_bold(text)


def test_a_name_outside_the_scope_is_a_clear_error(scripts_page: Page) -> None:
    message = scripts_page.evaluate(
        "nodes => { try { renderText(nodes, {values: {}, units: {}, claims: {}}); }"
        " catch (e) { return e.message; } }", parse_text("{missing}"))
    assert message == "{missing} names nothing in this scope"
