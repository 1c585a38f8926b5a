"""One text template language for every document text with live numbers (docs/architecture.md,
"Rules the browser and the server share").

A template is plain text (Markdown; only `**bold**` matters in the browser) with
placeholders: `{name}`, `{name|filter}` or `{name|filter:digits}`, where `name` is an
input, an output or `claims.<claim-id>`. Filters are the formatters of
`claimscope.text.numbers`: `human[:digits]`, `percent[:digits]`, `display[:digits]` (in the
name's unit) and `count_word`; with no filter a value is written with `display` and a
claim with `human`. A claim also has `text[:digits]` (its value in its own unit, as the
catalogue writes it) and its words `mention`, `when`, `quote` and `unit`, for the texts
whose scope carries them (`WORD_FILTERS`: a document's page texts). `{{` and `}}` stand
for literal braces.

A template is data, never code: `parse_text` turns it into a JSON-able list of nodes,
which `render_text` here and `renderText` in `claimscope/live/assets/template.js` both render,
so the browser never parses and both write the same words. `render_sentence` (and
`renderSentence` in the browser) render a document's sentence spec: parts shown always,
or when an input is moved off its default.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from claimscope.text.numbers import count_word, display, human, percent
from claimscope.text.units import as_unit

CLAIM_PREFIX = "claims."

# Each filter as the numbers.py formatter it calls with (value, unit[, digits=...]); with
# no digits written, the formatter's own default applies (as in format.js).
_WRITERS: Mapping[str, Callable[..., str]] = {
    "human": lambda value, unit, **digits: human(value, **digits),
    "percent": lambda value, unit, **digits: percent(value, **digits),
    "display": display,
    "count_word": lambda value, unit: count_word(value),
}
# What a claim has besides its number: its value in its own unit, and its words.
CLAIM_WORDS = ("mention", "when", "quote", "unit")
NUMBER_FILTERS = tuple(_WRITERS)
WORD_FILTERS = ("text", *CLAIM_WORDS)
FILTERS = (*NUMBER_FILTERS, *WORD_FILTERS)
TAKES_DIGITS = frozenset({"human", "percent", "display", "text"})
MAX_DIGITS = 12

_NAME = r"[A-Za-z_][A-Za-z0-9_]*|claims\.[A-Za-z0-9][A-Za-z0-9_.-]*"
_PLACEHOLDER = re.compile(rf"\{{\s*(?P<name>{_NAME})\s*"
                          r"(?:\|\s*(?P<filter>[A-Za-z_]+)\s*(?::\s*(?P<arg>\d+)\s*)?)?\}")
_BRACE = re.compile(r"[{}]")

Node = dict[str, Any]  # {"text": str} or {"name": str, "filter": str, "arg": int | None}


class TemplateError(ValueError):
    """A template that cannot be read: a bad placeholder, filter or brace."""


@dataclass(frozen=True)
class Scope:
    """What a template may name: display-unit input values and output values by name, the
    unit of each (a vocabulary Unit, or a bare name: `numbers.display`), and the
    catalogue's claim values by id; for the word filters also each claim's unit and its
    words (`CLAIM_WORDS`)."""

    values: Mapping[str, float] = field(default_factory=dict)
    units: Mapping[str, str] = field(default_factory=dict)
    claims: Mapping[str, float] = field(default_factory=dict)
    claim_units: Mapping[str, str] = field(default_factory=dict)
    claim_words: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def to_json(self) -> dict[str, dict[str, Any]]:
        """The scope as the browser's renderers take it: {values, units, claims}, and
        {claim_units, claim_words} where it has them."""
        scope: dict[str, dict[str, Any]] = {
            "values": {name: float(value) for name, value in self.values.items()},
            "units": {name: as_unit(unit).writing() for name, unit in self.units.items()},
            "claims": {cid: float(value) for cid, value in self.claims.items()}}
        if self.claim_units or self.claim_words:
            scope["claim_units"] = {cid: as_unit(unit).writing()
                                   for cid, unit in self.claim_units.items()}
            scope["claim_words"] = {cid: {word: str(words[word]) for word in CLAIM_WORDS}
                                   for cid, words in self.claim_words.items()}
        return scope


def parse_text(text: str) -> list[Node]:
    """A template as nodes: literal text and placeholders with their filter resolved (the
    default written out) and `arg` the digits, or None for the filter's own default."""
    return [dict(node) for node in _parsed(text)]


@lru_cache(maxsize=256)
def _parsed(text: str) -> tuple[Node, ...]:
    nodes: list[Node] = []
    literal: list[str] = []
    position = 0
    while (brace := _BRACE.search(text, position)) is not None:
        start = brace.start()
        literal.append(text[position:start])
        if text.startswith(("{{", "}}"), start):
            literal.append(text[start])
            position = start + 2
            continue
        if text[start] == "}":
            raise TemplateError(f"a '}}' at character {start + 1} closes nothing "
                                "(write '}}' for a literal brace)")
        match = _PLACEHOLDER.match(text, start)
        if match is None:
            raise TemplateError(f"the placeholder at character {start + 1} "
                                f"({_excerpt(text, start)}) is not "
                                "{name}, {name|filter} or {name|filter:digits}")
        if "".join(literal):
            nodes.append({"text": "".join(literal)})
        literal = []
        nodes.append(_placeholder(match))
        position = match.end()
    literal.append(text[position:])
    if "".join(literal):
        nodes.append({"text": "".join(literal)})
    return tuple(nodes)


def _excerpt(text: str, start: int) -> str:
    end = text.find("}", start)
    return text[start:end + 1] if 0 <= end - start < 40 else text[start:start + 20] + "…"


def _placeholder(match: re.Match[str]) -> Node:
    name, chosen, arg = match.group("name", "filter", "arg")
    if chosen is None:
        chosen = "human" if name.startswith(CLAIM_PREFIX) else "display"
    if chosen not in FILTERS:
        raise TemplateError(f"{{{name}|{chosen}}} uses an unknown filter {chosen!r}; "
                            f"expected one of {', '.join(FILTERS)}")
    if chosen in WORD_FILTERS and not name.startswith(CLAIM_PREFIX):
        raise TemplateError(f"{{{name}|{chosen}}}: {chosen} writes a claim's "
                            f"{'value' if chosen == 'text' else 'words'}: "
                            f"name one as claims.<id>")
    digits = None if arg is None else int(arg)
    if digits is not None and chosen not in TAKES_DIGITS:
        raise TemplateError(f"{{{name}|{chosen}:{arg}}}: {chosen} takes no digits")
    if digits is not None and digits > MAX_DIGITS:
        raise TemplateError(f"{{{name}|{chosen}:{arg}}}: at most {MAX_DIGITS} digits")
    return {"name": name, "filter": chosen, "arg": digits}


def check_text(text: str, names: Iterable[str], claim_ids: Iterable[str] = (),
               filters: Iterable[str] = NUMBER_FILTERS) -> list[str]:
    """What is wrong with a template, for load-time validation: a bad brace, placeholder
    or filter, a filter not among `filters` (a text rendered in the browser's panel has
    claims' numbers, not their words), or a name that is not among `names` (inputs,
    outputs) or `claim_ids`."""
    try:
        nodes = _parsed(text)
    except TemplateError as exc:
        return [str(exc)]
    known, claims, allowed = set(names), set(claim_ids), set(filters)
    problems = []
    for node in nodes:
        name = node.get("name")
        if name is None:
            continue
        if node["filter"] not in allowed:
            problems.append(f"{{{name}|{node['filter']}}}: this text may use only the "
                            f"filters {', '.join(f for f in FILTERS if f in allowed)}")
        if name.startswith(CLAIM_PREFIX):
            if name[len(CLAIM_PREFIX):] not in claims:
                problems.append(f"{{{name}}} names an unknown claim "
                                f"{name[len(CLAIM_PREFIX):]!r}")
        elif name not in known:
            problems.append(f"{{{name}}} names no input or output")
    return problems


def render_nodes(nodes: Sequence[Node], scope: Scope) -> str:
    """Parsed nodes as text, each placeholder written by its filter."""
    pieces = []
    for node in nodes:
        if "text" in node:
            pieces.append(node["text"])
            continue
        name, chosen = node["name"], node["filter"]
        if name.startswith(CLAIM_PREFIX):
            key, source, unit = name[len(CLAIM_PREFIX):], scope.claims, ""
        else:
            key, source, unit = name, scope.values, scope.units.get(name, "")
        if chosen in CLAIM_WORDS:
            source = scope.claim_words
        elif chosen == "text":
            unit = scope.claim_units.get(key, "")
        if key not in source or (chosen == "text" and key not in scope.claim_units):
            raise TemplateError(f"{{{name}}} names nothing in this scope")
        if chosen in CLAIM_WORDS:
            pieces.append(str(source[key][chosen]))
            continue
        digits = {} if node["arg"] is None else {"digits": node["arg"]}
        writer = _WRITERS["display" if chosen == "text" else chosen]
        pieces.append(writer(float(source[key]), unit, **digits))
    return "".join(pieces)


def render_text(text: str, scope: Scope) -> str:
    """A template with its placeholders filled from `scope`."""
    return render_nodes(_parsed(text), scope)


def render_sentence(spec: Mapping[str, Any], scope: Scope, changed: Iterable[str]) -> str:
    """A sentence spec (see `claimscope.views.narrative.sentence_spec`) as one line of Markdown:
    its shown parts joined by single spaces. `changed` names the inputs off their default.
    The same steps as `renderSentence` in claimscope/live/assets/template.js."""
    moved = set(changed)
    shown = []
    for part in spec["parts"]:
        if "any" in part:
            clauses = [render_nodes(clause["text"], scope) for clause in part["any"]
                       if clause["when_changed"] in moved]
            if clauses:
                shown.append(part["before"] + part["joined"].join(clauses) + part["after"])
            elif part["otherwise"] is not None:
                shown.append(render_nodes(part["otherwise"], scope))
        elif part["when_changed"] is None or part["when_changed"] in moved:
            shown.append(render_nodes(part["text"], scope))
    return " ".join(shown)
