"""Scenarios as a file people export and import (JSON): format, version, document, and
each scenario's complete view.

Reading a file never raises: `load_scenarios_json` returns the usable scenarios and a
plain-words message for everything it had to drop or change.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from typing import Any

from claimscope.files.inputs import InputSpec
from claimscope.link.scenarios import (
    MAX_WHY,
    Params,
    Scenario,
    clean_name,
    merge,
    view_from_params,
    view_params,
)
from claimscope.model.model import Model
from claimscope.text.markdown import shown
from claimscope.uncertainty.distributions import Range

FORMAT = "claimscope-scenarios"
VERSION = 1
MAX_BYTES = 1024 * 1024  # 1 MB, as `server.maxUploadSize = 1` in .streamlit/config.toml
MAX_SCENARIOS = 50
MAX_PARAMS = 64  # parameters per scenario (a full view has about 45)
MAX_TEXT_VALUE = 40  # characters of one parameter value given as text


def scenarios_json(scenarios: Sequence[Scenario], specs: Mapping[str, InputSpec],
                   document_id: str) -> bytes:
    """The export file: format, version, document, and each scenario's complete view."""
    payload = {
        "format": FORMAT, "version": VERSION, "document": document_id,
        "scenarios": [scenario_record(s, view_params(s.view, specs)) for s in scenarios],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8")


def scenario_record(scenario: Scenario, params: Params) -> dict[str, Any]:
    """One scenario as a file or a link writes it: name, rationale if any, parameters."""
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
