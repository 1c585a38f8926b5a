"""Named assumption sets ("scenarios"): presets shipped as data, files people export and
import, and links that carry several scenarios at once.

Whatever a scenario brings in — a record of the presets file, an uploaded file, a link —
becomes query parameters and goes through `viewstate.parse_view`, the one validation path
for shareable state, so a scenario can hold nothing a link could not. Reading people's
files and links never raises: `load_scenarios_json` and `decode_link` return the usable
scenarios and a plain-words message for everything they had to drop or change.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

import pandas as pd
from pydantic import AfterValidator

from claimscope.context.sample_spread import SampleSpread, sample_spread
from claimscope.context.sample_units import SAMPLE_UNITS_FILE, SampleUnits
from claimscope.files.folder import DataFile
from claimscope.files.inputs import InputSpec
from claimscope.files.schema import DataError, Prose, Text, brief, load_records
from claimscope.files.sources import Cited, Sourced
from claimscope.link.urlstate import format_value, shown
from claimscope.link.viewstate import View, parse_view, view_query
from claimscope.model.model import Model
from claimscope.store.ids import is_id
from claimscope.text.numbers import display
from claimscope.uncertainty.distributions import Range
from claimscope.uncertainty.montecarlo import SimulationResult
from claimscope.uncertainty.ranges import SAMPLES_PARAM, SEED_PARAM, RangePreset

FORMAT = "claimscope-scenarios"
VERSION = 1
MAX_BYTES = 1024 * 1024  # 1 MB, as `server.maxUploadSize = 1` in .streamlit/config.toml
MAX_SCENARIOS = 50
MAX_NAME = 80  # characters of a scenario's name
MAX_WHY = 400  # characters of its rationale
MAX_PARAMS = 64  # parameters per scenario (a full view has about 45)
MAX_TEXT_VALUE = 40  # characters of one parameter value given as text
MAX_LINK = 8000  # characters of the `scenarios=` value of a compare link
LINK_PARAM = "scenarios"
SAVED_PARAM = "scenario"  # `?scenario=<id>`: one saved scenario, by its id in the store
PRESETS_FILE = "scenarios.yaml"

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


def unique_name(name: str, taken: Iterable[str]) -> str:
    """`name`, or `name (2)`, `name (3)`… — the first not in `taken`."""
    taken = set(taken)
    if name not in taken:
        return name
    number = 2
    while f"{name} ({number})" in taken:
        number += 1
    return f"{name} ({number})"


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


def unique_names(wanted: Sequence[str], taken: Iterable[str]) -> tuple[list[str], list[str]]:
    """Each wanted name made unique against `taken` and the ones before it (`unique_name`),
    with a message for each that had to change."""
    names, messages, taken = [], [], set(taken)
    for name in wanted:
        unique = unique_name(name, taken)
        if unique != name:
            messages.append(f"“{name}” is already taken; saved as “{unique}”.")
        taken.add(unique)
        names.append(unique)
    return names, messages


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


# ---- Files and links ---------------------------------------------------------------------

def scenarios_json(scenarios: Sequence[Scenario], specs: Mapping[str, InputSpec],
                   document_id: str) -> bytes:
    """The export file: format, version, document, and each scenario's complete view."""
    payload = {
        "format": FORMAT, "version": VERSION, "document": document_id,
        "scenarios": [_record(s, view_params(s.view, specs)) for s in scenarios],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8")


def _record(scenario: Scenario, params: Params) -> dict[str, Any]:
    record: dict[str, Any] = {"name": scenario.name}
    if scenario.why:
        record["why"] = scenario.why
    record["params"] = params
    return record


def _size(count: int) -> str:
    return f"{count / MAX_BYTES:.1f} MB" if count >= MAX_BYTES else f"{count:,} bytes"


def _parse_json(data: bytes) -> tuple[Any, str | None]:
    if not isinstance(data, (bytes, bytearray)):
        return None, "The file could not be read as bytes."
    if len(data) > MAX_BYTES:
        return None, f"The file is {_size(len(data))}; the limit is 1 MB."
    if not data.strip():
        return None, "The file is empty."
    try:
        text = bytes(data).decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, "The file is not UTF-8 text; a scenarios file is JSON."
    try:
        return json.loads(text, parse_constant=_reject_constant), None
    except json.JSONDecodeError as error:
        return None, (f"The file is not valid JSON: {error.msg} (line {error.lineno}, "
                      f"column {error.colno}).")
    except _NotANumber as error:
        return None, f"The file is not valid JSON: {error}."
    except (ValueError, RecursionError):
        return None, "The file is not valid JSON: it nests too deeply or holds a number " \
                     "too long to read."


class _NotANumber(ValueError):
    """NaN or Infinity: Python's JSON reader accepts them, JSON does not."""


def _reject_constant(name: str) -> None:
    raise _NotANumber(f"{name} is not a number")


def load_scenarios_json(data: bytes, model: Model, document_id: str | None = None,
                        resampled: Mapping[str, Range] | None = None
                        ) -> tuple[list[Scenario], list[str]]:
    """Scenarios from an uploaded file's bytes, and messages for everything not usable.

    Never raises. The whole file is refused (no scenarios) when it is not a scenarios file
    of this version and document; otherwise each bad scenario is left out with a message,
    and values the link validation had to change are kept changed, with its notice.
    """
    payload, problem = _parse_json(data)
    if problem:
        return [], [problem]
    if not isinstance(payload, dict):
        return [], ["The file must hold a JSON object with “format”, “version” and "
                    "“scenarios”."]
    if payload.get("format") != FORMAT:
        return [], [f"This is not a ClaimScope scenarios file: “format” must be "
                    f"“{FORMAT}”, not “{shown(str(payload.get('format')))}”."]
    version = payload.get("version")
    if version != VERSION or isinstance(version, bool):
        return [], [f"The file is version “{shown(str(version))}”; this ClaimScope reads "
                    f"version {VERSION} only."]
    document = payload.get("document")
    if document is not None and document_id is not None and document != document_id:
        return [], [f"The scenarios are for the document “{shown(str(document))}”, not "
                    f"“{document_id}”."]
    records = payload.get("scenarios")
    if not isinstance(records, list) or not records:
        return [], ["The file lists no scenarios: “scenarios” must be a non-empty list."]
    if len(records) > MAX_SCENARIOS:
        return [], [f"The file holds {len(records):,} scenarios; at most {MAX_SCENARIOS} "
                    "can be imported at once."]
    scenarios: list[Scenario] = []
    messages: list[str] = []
    for number, record in enumerate(records, start=1):
        scenario, said = _scenario(record, number, model, resampled)
        messages.extend(said)
        if scenario is not None:
            scenarios.append(scenario)
    named, renamed = merge([], scenarios)
    return named, messages + renamed


def _scenario(record: Any, number: int, model: Model,
              resampled: Mapping[str, Range] | None) -> tuple[Scenario | None, list[str]]:
    where = f"Scenario {number}"
    if not isinstance(record, dict):
        return None, [f"{where} is not an object with “name” and “params”; left out."]
    raw_name = record.get("name")
    name = clean_name(raw_name) if isinstance(raw_name, str) else ""
    if not name:
        return None, [f"{where} has no name; left out."]
    where = f"Scenario “{name}”"
    why = record.get("why", "")
    if not isinstance(why, str):
        return None, [f"{where}: “why” must be text; left out."]
    params = record.get("params")
    if not isinstance(params, dict):
        return None, [f"{where}: “params” must be an object of parameter names and values; "
                      "left out."]
    if len(params) > MAX_PARAMS:
        return None, [f"{where} has {len(params):,} parameters; at most {MAX_PARAMS}; "
                      "left out."]
    for key, value in params.items():
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            return None, [f"{where}: {shown(key)} must be a number or text; left out."]
        if isinstance(value, float) and not math.isfinite(value):
            return None, [f"{where}: {shown(key)} must be a finite number; left out."]
        if isinstance(value, int) and abs(value) > 10**18:
            return None, [f"{where}: {shown(key)} is far too large; left out."]
        if isinstance(value, str) and len(value) > MAX_TEXT_VALUE:
            return None, [f"{where}: {shown(key)} is longer than {MAX_TEXT_VALUE} characters; "
                          "left out."]
    view, notices = view_from_params(params, model, resampled)
    return (Scenario(name, view, clean_name(why, MAX_WHY)),
            [f"{where}: {notice}" for notice in notices])


def encode_link(scenarios: Sequence[Scenario], specs: Mapping[str, InputSpec]) -> str:
    """The `scenarios=` value of a compare link: URL-safe base64 of compact JSON, holding
    only what differs from the defaults (as a link does)."""
    payload = {"format": FORMAT, "version": VERSION,
               "scenarios": [_record(s, view_params(s.view, specs, complete=False))
                             for s in scenarios]}
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode("utf-8")).decode("ascii").rstrip("=")


def decode_link(value: str, model: Model, document_id: str | None = None,
                resampled: Mapping[str, Range] | None = None
                ) -> tuple[list[Scenario], list[str]]:
    """The scenarios a compare link carries, and messages for what could not be used."""
    text = "".join(str(value).split())
    if not text:
        return [], [f"The link's {LINK_PARAM}= value is empty."]
    if len(text) > MAX_LINK:
        return [], [f"The link's {LINK_PARAM}= value is {len(text):,} characters long; at "
                     f"most {MAX_LINK:,} are read."]
    try:
        data = base64.b64decode(text + "=" * (-len(text) % 4), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError):
        return [], [f"The link's {LINK_PARAM}= value is damaged: it is not URL-safe "
                    "base64. Ask for the link again."]
    scenarios, messages = load_scenarios_json(data, model, document_id, resampled)
    return scenarios, [m.replace("The file", "The link", 1) for m in messages]


# ---- Presets (data file) -------------------------------------------------------------------

def _numbers(values: dict[str, Any]) -> dict[str, Any]:
    for name, value in values.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"{name[:40]} must be a number, not {brief(value, 40)}")
    return values


class Preset(Sourced):
    """One record of `scenarios.yaml`. A preset that sets figures (`values`, or those of an
    alternative of the sample of units) is factual and cites or judges them; one
    that only starts from the defaults or the suggested ranges needs neither."""

    id: Text
    name: Text
    why: Prose
    values: Annotated[dict[str, Any], AfterValidator(_numbers)] = {}
    from_alternative: Text | None = None
    from_sample: Text | None = None  # an input given the sample of units' resampled spread
    suggested_ranges: bool = False

    @property
    def is_factual(self) -> bool:
        return bool(self.values or self.from_alternative or self.from_sample)


def _alternative_values(path: Path, row: str, alternative_id: str,
                        sample: SampleUnits | None) -> dict[str, float]:
    """The inputs the sample's `model_inputs` names, as the alternative states them."""
    by_id = {a.id: a for a in sample.alternatives} if sample is not None else {}
    if sample is None or alternative_id not in by_id:
        raise DataError(path, f"names no alternative in the sample of units "
                        f"({SAMPLE_UNITS_FILE}): {alternative_id!r}", row, "from_alternative")
    feeds = sample.model_inputs
    if not feeds:
        raise DataError(path, f"needs `model_inputs` in {SAMPLE_UNITS_FILE}: which inputs "
                        "the alternative's figures set", row, "from_alternative")
    stated = by_id[alternative_id].stated
    missing = [sample.figure_word(figure) for figure in feeds if figure not in stated]
    if missing:
        raise DataError(path, f"alternative {alternative_id!r} states no "
                        f"{' or '.join(missing)}", row, "from_alternative")
    return {name: stated[figure].value for figure, name in feeds.items()}


def load_presets(path: DataFile, model: Model, sample_units: SampleUnits | None,
                 range_presets: Mapping[str, RangePreset]) -> list[Scenario]:
    """Read and check `scenarios.yaml`; raises DataError naming file, record and field.

    Each record: `id`, `name`, `why`, optional `values` (input → display value),
    `from_alternative` (set the inputs the sample of units' `model_inputs` names from
    that alternative's stated figures), `from_sample` (give that input the range of the
    sample's exact bootstrap, `claimscope.context.sample_spread`) and
    `suggested_ranges` (every range of ranges.yaml). Values must pass the link validation
    unchanged: a value it would clamp or reject is an error here.
    """
    scenarios, names = [], set()
    for record in load_records(path, "scenarios", Preset):
        row = record.id
        values = dict(record.values)
        if record.from_alternative:
            taken = _alternative_values(path, row, record.from_alternative, sample_units)
            clash = sorted(set(taken) & set(values))
            if clash:
                raise DataError(path, f"sets {', '.join(clash)}, which from_alternative "
                                "already gives", row, "values")
            values.update(taken)
        unknown = sorted(str(k) for k in values if k not in model.inputs)
        if unknown:
            raise DataError(path, f"names unknown input(s): {', '.join(unknown)}", row, "values")
        view, notices = view_from_params(values, model)
        if notices:
            raise DataError(path, notices[0], row, "values")
        if record.suggested_ranges:
            for name, preset in range_presets.items():
                view = view.with_range(name, preset.range)
        sample = _sample(path, row, record.from_sample, model, sample_units)
        if sample is not None:
            view = view.with_range(sample.input, sample.range)
        name = clean_name(record.name)
        if name in names:
            raise DataError(path, f"duplicate name {name!r}", row, "name")
        names.add(name)
        scenarios.append(Scenario(name, view, record.why, tuple(record.cited(path.name, row)),
                                  sample))
    return scenarios


def _sample(path: Path, row: str, name: str | None, model: Model,
            sample_units: SampleUnits | None) -> SampleSpread | None:
    if name is None:
        return None
    if sample_units is None:
        raise DataError(path, f"needs the sample of units ({SAMPLE_UNITS_FILE}) to resample",
                        row, "from_sample")
    try:
        return sample_spread(sample_units, model, name)
    except ValueError as problem:
        raise DataError(path, str(problem), row, "from_sample") from problem


def sample_preset(scenarios: Iterable[Scenario]) -> tuple[str, SampleSpread] | None:
    """The name and spread of the first preset that carries the sample of units' spread."""
    return next(((s.name, s.sample) for s in scenarios if s.sample is not None), None)


def resampled_ranges(scenarios: Iterable[Scenario]) -> dict[str, Range]:
    """The resampled range of each input a preset's sample of units bears on: what
    `x_dist=resampled` means in this document's links and files."""
    return {s.sample.input: s.sample.range for s in scenarios if s.sample is not None}


# ---- Side by side --------------------------------------------------------------------------

def _setting(spec: InputSpec, view: View) -> str:
    text = display(view.values[spec.name], spec.unit)
    ranged = view.ranges.get(spec.name)
    if ranged is None:
        return text
    return (f"{text}, range {display(ranged.low, spec.unit)} – "
            f"{display(ranged.high, spec.unit)} ({ranged.shape})")


def differences_frame(scenarios: Sequence[Scenario],
                      specs: Mapping[str, InputSpec]) -> pd.DataFrame:
    """One row per input set differently in at least two of the scenarios; one column of
    settings (as people write them) per scenario."""
    rows = []
    for name, spec in specs.items():
        settings = [_setting(spec, s.view) for s in scenarios]
        if len(set(settings)) > 1:
            rows.append({"input": name, "assumption": spec.label,
                         **{s.name: text for s, text in zip(scenarios, settings, strict=True)}})
    if any(s.view.ranges for s in scenarios):
        draws = [f"{s.view.samples:,} draws, seed {s.view.seed}" if s.view.ranges else "—"
                 for s in scenarios]
        if len(set(draws)) > 1:
            rows.append({"input": f"{SAMPLES_PARAM}, {SEED_PARAM}",
                         "assumption": "Monte Carlo draws and seed",
                         **{s.name: text for s, text in zip(scenarios, draws, strict=True)}})
    return pd.DataFrame(rows, columns=["input", "assumption", *(s.name for s in scenarios)])


def totals_frame(scenarios: Sequence[Scenario], model: Model,
                 simulations: Mapping[str, SimulationResult | None]) -> pd.DataFrame:
    """Each scenario's compared outputs (the model's `compared`), with the 90 % interval
    (`<output>_low`, `<output>_high`) and the chance the claim holds where the scenario
    has ranges (`simulations` by scenario name)."""
    rows = []
    for scenario in scenarios:
        out = model.evaluate(scenario.view.values)
        result = simulations.get(scenario.name)
        row: dict[str, object] = {"scenario": scenario.name}
        for spec in model.compared_outputs:
            summary = result[spec.name] if result is not None else None
            row[spec.name] = float(out[spec.name])
            row[f"{spec.name}_low"] = summary.low if summary else math.nan
            row[f"{spec.name}_high"] = summary.high if summary else math.nan
        row["claim_holds"] = bool(out.holds)
        row["chance_claim_holds"] = result.p_claim * 100 if result is not None else math.nan
        rows.append(row)
    return pd.DataFrame(rows)
