"""The projection's assumptions: their ranges, defaults and meaning, read from data.

Values live in *display units* everywhere a person sees them (the URL, widgets, tables):
percentages as percent numbers, so `share=7.25` means 7.25 %. Only the model works in
fractions; `to_model` is the one place that converts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from claimscope.schema import DataError, Field, load_records, one_of

UNITS = ("images", "percent", "months", "ratio", "year", "people")
GROUPS = ("document", "count", "projection", "offenders")


@dataclass(frozen=True)
class InputSpec:
    """One adjustable assumption of the projection model."""

    name: str
    label: str
    unit: str
    default: float
    min: float
    max: float
    step: float
    basis: str
    help: str
    group: str
    claims: tuple[str, ...] = ()
    reference: str | None = None

    @property
    def is_percent(self) -> bool:
        return self.unit == "percent"

    @property
    def is_assumption(self) -> bool:
        """True when the default is not taken from the document's own words."""
        return not self.claims

    @property
    def is_integer(self) -> bool:
        return self.unit in ("images", "months", "year", "people")

    def to_model(self, value: float | np.ndarray) -> float | np.ndarray:
        """Display units to model units; works on scalars and numpy arrays alike."""
        return value / 100.0 if self.is_percent else value * 1.0

    def clamp(self, value: float) -> float:
        return min(max(value, self.min), self.max)


_FIELDS = [
    Field("name", str), Field("label", str), Field("unit", str, check=one_of(*UNITS)),
    Field("default", (int, float)), Field("min", (int, float)), Field("max", (int, float)),
    Field("step", (int, float)), Field("basis", str), Field("help", str),
    Field("group", str, check=one_of(*GROUPS)),
    Field("claims", list, required=False), Field("reference", str, required=False),
]


def load_inputs(path: Path) -> dict[str, InputSpec]:
    """Read and check the assumptions file; ranges must hold their defaults."""
    specs: dict[str, InputSpec] = {}
    for record in load_records(path, "inputs", _FIELDS, id_field="name"):
        row = record["name"]
        if not record["min"] < record["max"]:
            raise DataError(path, "must be smaller than max", row, "min")
        if not record["min"] <= record["default"] <= record["max"]:
            raise DataError(path, "must lie between min and max", row, "default")
        if record["step"] <= 0:
            raise DataError(path, "must be positive", row, "step")
        claims = record.get("claims") or []
        if not all(isinstance(c, str) for c in claims):
            raise DataError(path, "must be a list of claim ids", row, "claims")
        specs[row] = InputSpec(
            name=row, label=record["label"], unit=record["unit"],
            default=float(record["default"]), min=float(record["min"]),
            max=float(record["max"]), step=float(record["step"]),
            basis=" ".join(record["basis"].split()), help=" ".join(record["help"].split()),
            group=record["group"],
            claims=tuple(claims), reference=record.get("reference"),
        )
    return specs


def defaults(specs: Mapping[str, InputSpec]) -> dict[str, float]:
    return {name: spec.default for name, spec in specs.items()}


def to_model(specs: Mapping[str, InputSpec], values: Mapping[str, float]) -> dict[str, float]:
    """Convert display-unit values (percent numbers) into model units (fractions)."""
    return {name: specs[name].to_model(values[name]) for name in specs}
