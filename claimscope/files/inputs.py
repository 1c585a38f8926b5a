"""The projection's assumptions: their ranges, defaults and meaning, read from data.

Values live in *display units* everywhere a person sees them (the URL, widgets, tables):
percentages as percent numbers. Only the model works in fractions: `InputSpec.to_model`
and its inverse `to_display` are the one place that converts (the browser's copy is
printed from them by claimscope/model/printing/javascript.py). `fit_value` and
`format_value` are how a typed or linked value is fitted to its input and written back.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
from pydantic import ValidationInfo, model_validator

from claimscope.files.folder import DataFile
from claimscope.files.schema import FieldProblem, Prose, Record, Text, Texts, read_yaml, records_of
from claimscope.files.vocabulary import DeclaredUnit, Vocabulary, load_vocabulary
from claimscope.text.markdown import shown
from claimscope.text.numbers import display


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

    def to_display(self, value: float | np.ndarray) -> float | np.ndarray:
        """Model units back to display units: `to_model`'s inverse."""
        return value * 100.0 if self.is_percent else value * 1.0

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


def fit_value(spec: InputSpec, param: str, raw: str, value: float,
              fmt: Callable[[float, str], str] = display) -> tuple[float, str | None]:
    """A number clamped to the input's allowed [min, max] and, for a whole-number input,
    rounded as its link writes it; with the notice saying which, or None if unchanged.

    Values and range ends from a link or a widget go through this one rule, so they are
    changed, and told about, alike. `param`/`raw` name what was typed; `fmt(value, unit)`
    writes numbers (default `numbers.display`).
    """
    fitted = spec.clamp(value)
    if spec.is_integer and not float(fitted).is_integer():
        fitted = float(round(fitted))
    if fitted == value:
        return value, None
    if not spec.min <= value <= spec.max:
        return fitted, (f"{param}={shown(raw)} is out of range ({fmt(spec.min, spec.unit)} "
                        f"to {fmt(spec.max, spec.unit)}); clamped to "
                        f"{fmt(fitted, spec.unit)}.")
    return fitted, f"{param}={shown(raw)} must be a whole number; rounded to {fitted:.0f}."


def format_value(spec: InputSpec, value: float) -> str:
    """How a value is written in the URL: short where that is exact, else every digit, so
    a link always reproduces the value it was made from."""
    if spec.is_integer or float(value).is_integer():
        return str(int(round(value)))
    short = f"{value:.12g}"
    return short if float(short) == value else repr(float(value))
