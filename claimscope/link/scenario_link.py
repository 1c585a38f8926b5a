"""Scenarios in a link: a compare link's `scenarios=` value carries several at once, as
URL-safe base64 of the scenarios file's JSON (`scenario_file`), holding only what
differs from the defaults. Reading a link never raises: `decode_link` returns the usable
scenarios and a plain-words message for everything it had to drop or change.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping, Sequence

from claimscope.files.inputs import InputSpec
from claimscope.link.scenario_file import (
    FORMAT,
    VERSION,
    load_scenarios_json,
    scenario_record,
)
from claimscope.link.scenarios import Scenario, view_params
from claimscope.model.model import Model
from claimscope.uncertainty.distributions import Range

MAX_LINK = 8000  # characters of the `scenarios=` value of a compare link
LINK_PARAM = "scenarios"


def encode_link(scenarios: Sequence[Scenario], specs: Mapping[str, InputSpec]) -> str:
    """The `scenarios=` value of a compare link: URL-safe base64 of compact JSON, holding
    only what differs from the defaults (as a link does)."""
    payload = {"format": FORMAT, "version": VERSION,
               "scenarios": [scenario_record(s, view_params(s.view, specs, complete=False))
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
