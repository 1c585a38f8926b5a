"""The projection's assumptions: their ranges, defaults and meaning, read from data.

Values live in *display units* everywhere a person sees them (the URL, widgets, tables):
percentages as percent numbers, so `share=7.25` means 7.25 %. Only the model works in
fractions; `to_model` is the one place that converts.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from pydantic import ValidationInfo, model_validator

from claimscope.files.folder import DataFile
from claimscope.files.schema import FieldProblem, Prose, Record, Text, Texts, read_yaml, records_of
from claimscope.files.vocabulary import DeclaredUnit, Vocabulary, load_vocabulary


class InputGroup(Record):
    """A heading the document gives a set of its inputs. `on_projection: false` keeps the
    group's controls off the Projection explorer (they live on the page that uses them)."""

    id: Text
    title: Text
    on_projection: bool = True


class InputSpec(Record):
    """One adjustable assumption of the projection model; its range holds its default. Its
    unit is one the document's vocabulary declares: its format says whether the value is
    whole and whether it is a percent."""

    name: Text
    label: Text
    unit: DeclaredUnit
    default: float
    min: float
    max: float
    step: float
    basis: Prose
    help: Prose
    group: Text  # the id of one of the file's `groups`
    claims: Texts = ()
    reference: Text | None = None

    @model_validator(mode="after")
    def _range_holds_default(self) -> InputSpec:
        if not self.min < self.max:
            raise FieldProblem("min", "must be smaller than max")
        if not self.min <= self.default <= self.max:
            raise FieldProblem("default", "must lie between min and max")
        if self.step <= 0:
            raise FieldProblem("step", "must be positive")
        return self

    @model_validator(mode="after")
    def _group_declared(self, info: ValidationInfo) -> InputSpec:
        groups = (info.context or {}).get("groups")
        if groups is not None and self.group not in groups:
            raise FieldProblem("group", f"must be one of the file's groups: "
                                        f"{', '.join(groups)}; got {self.group!r}")
        return self

    @property
    def is_percent(self) -> bool:
        return self.unit.is_percent

    @property
    def is_assumption(self) -> bool:
        """True when the default is not taken from the document's own words."""
        return not self.claims

    @property
    def is_integer(self) -> bool:
        return self.unit.is_integer

    def to_model(self, value: float | np.ndarray) -> float | np.ndarray:
        """Display units to model units; works on scalars and numpy arrays alike."""
        return value / 100.0 if self.is_percent else value * 1.0

    def clamp(self, value: float) -> float:
        return min(max(value, self.min), self.max)


def load_input_file(path: DataFile, vocabulary: Vocabulary | None = None
                    ) -> tuple[dict[str, InputSpec], tuple[InputGroup, ...]]:
    """Read and check the assumptions file: its groups (in display order), then inputs
    whose ranges hold their defaults, whose group is declared and whose unit is one of
    `vocabulary` (by default, that of the folder holding the file)."""
    data = read_yaml(path)
    groups = tuple(records_of(path, data, "groups", InputGroup))
    specs = records_of(path, data, "inputs", InputSpec, id_field="name",
                       context={"groups": [g.id for g in groups],
                                "vocabulary": vocabulary or load_vocabulary(path.parent)})
    return {spec.name: spec for spec in specs}, groups


def load_inputs(path: DataFile) -> dict[str, InputSpec]:
    """The inputs of an assumptions file, by name."""
    return load_input_file(path)[0]


def defaults(specs: Mapping[str, InputSpec]) -> dict[str, float]:
    return {name: spec.default for name, spec in specs.items()}


def to_model(specs: Mapping[str, InputSpec], values: Mapping[str, float]) -> dict[str, float]:
    """Convert display-unit values (percent numbers) into model units (fractions)."""
    return {name: specs[name].to_model(values[name]) for name in specs}
