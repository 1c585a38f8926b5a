"""Named assumption sets ("scenarios"): a named View, how names are kept apart, and a
View as the query parameters every scenario is carried in.

Whatever a scenario brings in — a record of the presets file (`scenario_presets`), an
uploaded file (`scenario_file`), a link (`scenario_link`) — becomes query parameters and
goes through `viewstate.parse_view`, the one validation path for shareable state, so a
scenario can hold nothing a link could not.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from claimscope.context.sample_spread import SampleSpread
from claimscope.files.inputs import InputSpec, format_value
from claimscope.files.sources import Cited
from claimscope.link.viewstate import View, parse_view, view_query
from claimscope.model.model import Model
from claimscope.store.ids import is_id
from claimscope.text.markdown import shown
from claimscope.text.names import unique_names
from claimscope.uncertainty.distributions import Range
from claimscope.uncertainty.ranges import SAMPLES_PARAM, SEED_PARAM

MAX_NAME = 80  # characters of a scenario's name
MAX_WHY = 400  # characters of its rationale
SAVED_PARAM = "scenario"  # `?scenario=<id>`: one saved scenario, by its id in the store

Params = dict[str, str | int | float]


@dataclass(frozen=True)
class Scenario:
    """A named View, with an optional one-line rationale."""

    name: str
    view: View
    why: str = ""
    # The sources a shipped preset's figures rest on: provenance, not part of what the
    # scenario sets, so a preset still equals itself after a trip through a file or link.
    cites: tuple[Cited, ...] = field(default=(), compare=False)
    # A preset whose range comes from resampling the sample of units (`from_sample`).
    sample: SampleSpread | None = field(default=None, compare=False)
    # The store's id of a saved scenario (its short link, `?scenario=<id>`); None for
    # presets and for scenarios from files and links not saved.
    saved_id: str | None = field(default=None, compare=False)


# ---- Names -----------------------------------------------------------------------------

def clean_name(raw: str, limit: int = MAX_NAME) -> str:
    """A person's text made fit to be a name: no control characters, one line, capped.

    It is still arbitrary text: whoever shows it must escape it for HTML or Markdown.
    """
    kept = "".join(" " if unicodedata.category(c)[0] == "C" else c for c in str(raw))
    flat = " ".join(kept.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def merge(saved: Sequence[Scenario], incoming: Sequence[Scenario],
          reserved: Iterable[str] = ()) -> tuple[list[Scenario], list[str]]:
    """The saved list with `incoming` appended; nothing saved is replaced or lost.

    A new scenario whose name is taken (by a saved one or a `reserved` preset name) gets a
    number after its name, and a message says so.
    """
    names, messages = unique_names([s.name for s in incoming],
                                   {s.name for s in saved} | set(reserved))
    return ([*saved, *(replace(s, name=n) for s, n in zip(incoming, names, strict=True))],
            messages)


def saved_id_from_link(raw: str) -> tuple[str | None, str | None]:
    """The store id a `scenario=` value gives, or None and a notice saying it is none (a
    well-formed id may still name nothing: the store says so)."""
    text = str(raw).strip()
    if is_id(text):
        return text, None
    return None, (f"{SAVED_PARAM}={shown(text)} is not the id of a saved scenario; ask "
                  "whoever sent the link for it again.")


# ---- Views as parameters -----------------------------------------------------------------

def view_params(view: View, specs: Mapping[str, InputSpec], complete: bool = True) -> Params:
    """A View as query parameters with JSON numbers, exact to the last digit.

    `complete` writes every value, the sample count and the seed (files: they keep their
    meaning if a default changes); otherwise only what a link carries (`view_query`).
    """
    query = view_query(view, specs)
    if complete:
        every_value = {name: format_value(spec, view.values[name])
                       for name, spec in specs.items()}
        query = {**every_value, **query, SAMPLES_PARAM: str(view.samples),
                 SEED_PARAM: str(view.seed)}
    return {key: _as_json_number(text) for key, text in query.items()}


def _as_json_number(text: str) -> str | int | float:
    try:
        number = float(text)
    except ValueError:
        return text  # a range's shape
    return int(number) if number.is_integer() and "e" not in text.lower() else number


def _as_query_text(value: str | int | float) -> str:
    return value if isinstance(value, str) else repr(value)


def view_from_params(params: Mapping[str, str | int | float], model: Model,
                     resampled: Mapping[str, Range] | None = None) -> tuple[View, list[str]]:
    """The View parameters describe, through the same validation as a link (`resampled`:
    see `viewstate.parse_view`)."""
    return parse_view({k: _as_query_text(v) for k, v in params.items()}, model,
                      resampled=resampled)


def link(base: str, path: str, query: Mapping[str, str]) -> str:
    """`base` + `path` + `?query` (no `?` when the query is empty)."""
    target = base.rstrip("/") + "/" + path.lstrip("/")
    return f"{target}?{urlencode(query)}" if query else target
