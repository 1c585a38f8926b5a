"""Hostile links on every page: no exception, and nothing a visitor typed is rendered as HTML, a
link, an image or markdown (docs/architecture.md, "The URL contract": "Nothing in the URL can
crash the app or run code"). Also every assumption at its extremes at once, with a million
draws."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from google.protobuf.descriptor import FieldDescriptor
from google.protobuf.message import Message

from claimscope.bundle import load_bundle
from claimscope.link.scenario_link import encode_link
from claimscope.link.scenarios import Scenario
from claimscope.link.viewstate import default_view, ranged_inputs
from claimscope.uncertainty.ranges import SAMPLES_MAX, SHAPES, range_params
from tests.apptest_helpers import ROOT, kept, page_text, panel_data, run_page

PAGES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "components" / "pages").glob("*.py")
               if p.name != "__init__.py")
BUNDLE = load_bundle()
SPECS = BUNDLE.inputs
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
MARKDOWN = "![x](http://evil.example/x.png) [y](javascript:alert(1)) www.evil.example"
HOSTILE = (SCRIPT, IMG, MARKDOWN)
# Rendered text must not hold any of these unescaped (a backslash before it is an escape).
DANGER = re.compile(r"(?<!\\)<\s*(script|img)|(?<!\\)\]\((http://evil|javascript)|://evil"
                    r"|www\.evil", re.IGNORECASE)


def hostile_query() -> dict[str, str]:
    """Every parameter a link may carry, each with hostile text; hostile names too; and a
    compare link whose scenario is named with hostile text."""
    names = [*SPECS, *(p for name in SPECS for p in range_params(name)), "samples", "seed"]
    query = {name: HOSTILE[i % len(HOSTILE)] for i, name in enumerate(names)}
    query.update({text: text for text in HOSTILE})
    query["scenarios"] = encode_link([Scenario(SCRIPT + MARKDOWN, default_view(SPECS),
                                               IMG)], SPECS)
    return query


def strings(message: Message) -> Iterator[str]:
    """Every text field of a protobuf message, however deep: what the browser receives."""
    for field, value in message.ListFields():
        values = value if field.is_repeated else [value]
        if field.type == FieldDescriptor.TYPE_MESSAGE:
            for item in values:
                yield from strings(item)
        elif field.type == FieldDescriptor.TYPE_STRING:
            yield from values


def rendered_texts(at) -> Iterator[str]:
    stack = [at._tree]  # noqa: SLF001 - the whole element tree of the run
    while stack:
        node = stack.pop()
        stack.extend(getattr(node, "children", {}).values())
        proto = getattr(node, "proto", None)
        if isinstance(proto, Message):
            yield from strings(proto)


@pytest.mark.parametrize("page", PAGES, ids=[Path(p).stem for p in PAGES])
def test_hostile_link_is_harmless_on_every_page(page: str) -> None:
    at = run_page(page, hostile_query())  # asserts no exception
    texts = list(rendered_texts(at))
    assert texts, "the page rendered nothing"
    dangerous = [t[:200] for t in texts if DANGER.search(t)]
    assert not dangerous
    warning = next(w.value for w in at.warning if "could not be used" in w.value)
    assert "share=" in warning and "\\<script\\>" in warning  # said, and shown escaped


def extreme_query(end: str) -> dict[str, str]:
    """Every input at its `end` ("min" or "max"), with its widest range in turn in every
    shape, and the most draws a link may ask for."""
    query = {"samples": str(SAMPLES_MAX), "seed": "0"}
    for i, (name, spec) in enumerate(SPECS.items()):
        lo, hi, dist = range_params(name)
        query[name] = f"{getattr(spec, end):g}"
        query.update({lo: f"{spec.min:g}", hi: f"{spec.max:g}", dist: SHAPES[i % len(SHAPES)]})
    return query


@pytest.mark.parametrize("end", ["min", "max"])
def test_every_assumption_at_its_extreme_with_a_million_draws(end: str) -> None:
    at = run_page("components/pages/projection.py", extreme_query(end), timeout=240)
    for name, spec in SPECS.items():
        assert kept(at, "view").values[name] == getattr(spec, end)
    assert set(kept(at, "view").ranges) == set(ranged_inputs(BUNDLE.model))
    text = page_text(at)
    assert not re.search(r"\b(nan|inf|infinity)\b", text, re.IGNORECASE), text[:500]
    panel = panel_data(at)["values"]
    assert panel == {name: getattr(SPECS[name], end) for name in panel}
    assert any(m.label == "Chance the claim holds" for m in at.metric)
