"""The projection model as one object (DESIGN §9), in the spirit of SALib's `ProblemSpec`.

A document's own code (`model.py` in its folder) supplies the formula; everything that
shows or samples the model — cards, charts, the reactive sentence, break-even, the Monte
Carlo, tornado, claim map, compare and the Method page — takes a `Model` and reads the
outputs, their formulas and the claim's threshold from it, so no formula, output list or
base year is written anywhere else.

`compute` is vectorised: it takes model-unit inputs (fractions for percentages) that may
be floats or numpy arrays of one broadcastable shape, so one scenario and a million Monte
Carlo draws run through the same code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

import numpy as np

from claimscope.inputs import InputSpec

ArrayLike = float | np.ndarray
Compute = Callable[[Mapping[str, ArrayLike]], dict[str, ArrayLike]]


@dataclass(frozen=True)
class OutputSpec:
    """One output of the model: how it is named, measured and worked out."""

    name: str
    label: str  # a str.format template over display values, e.g. "Projected to {year:.0f}"
    unit: str  # a `numbers.display` unit
    formula: str  # in words, shown beside the figure
    latex: str  # the same formula for the Method page
    kind: str = "derived"  # provenance: derived (formula of the document's figures) | assumed

    def title(self, values: Mapping[str, float]) -> str:
        return self.label.format(**values)


@dataclass(frozen=True)
class Step:
    """One stage of the model's step chart: from the document's figure to the last output."""

    label: str
    value: float
    kind: str  # reported | derived | assumed
    operation: str


class Outputs(Mapping[str, ArrayLike]):
    """The model's outputs for one scenario or one array of scenarios, by output name."""

    def __init__(self, values: dict[str, ArrayLike], holds: ArrayLike) -> None:
        self._values = values
        self.holds = holds  # whether the claim holds: headline ≥ threshold

    def __getitem__(self, name: str) -> ArrayLike:
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


@dataclass(frozen=True)
class Model:
    """Inputs, outputs, the claim's threshold and a vectorised evaluation of one document.

    - `elasticities`: for each input the headline output is a power of, its exponent
      (headline ∝ input^e); break-even values follow in closed form, and the sign says
      which way the claim breaks.
    - `steps`: the document's step chart, from display values and outputs (optional).
    """

    inputs: Mapping[str, InputSpec]
    outputs: tuple[OutputSpec, ...]
    compute: Compute
    headline: str
    threshold: float
    threshold_text: str  # the claim in the document's words, e.g. "in excess of 300 million"
    claim: str  # the catalogue id of the claim the headline is judged against
    elasticities: Mapping[str, float]
    steps: Callable[[Mapping[str, float], Outputs], list[Step]] | None = None
    compared: tuple[str, ...] = ()  # outputs set side by side on /compare (headline if none)
    _used: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        names = [out.name for out in self.outputs]
        if self.headline not in names:
            raise ValueError(f"headline {self.headline!r} is not an output")
        unknown_outputs = set(self.compared) - set(names)
        if unknown_outputs:
            raise ValueError(f"compared names unknown outputs: {sorted(unknown_outputs)}")
        unknown = set(self.elasticities) - set(self.inputs)
        if unknown:
            raise ValueError(f"elasticities name unknown inputs: {sorted(unknown)}")

    @property
    def output_names(self) -> tuple[str, ...]:
        return tuple(out.name for out in self.outputs)

    def output(self, name: str) -> OutputSpec:
        for out in self.outputs:
            if out.name == name:
                return out
        raise KeyError(f"unknown output {name!r}; expected one of {self.output_names}")

    @property
    def headline_output(self) -> OutputSpec:
        return self.output(self.headline)

    @property
    def compared_outputs(self) -> tuple[OutputSpec, ...]:
        return tuple(self.output(name) for name in self.compared or (self.headline,))

    def defaults(self) -> dict[str, float]:
        return {name: spec.default for name, spec in self.inputs.items()}

    def point_values(self, values: Mapping[str, float]) -> dict[str, float]:
        """Every input's display value as a float, defaults filling the gaps: what a sweep
        or a run starts from when a link names only some inputs."""
        return {name: float(values.get(name, spec.default)) for name, spec in self.inputs.items()}

    def to_model(self, values: Mapping[str, ArrayLike]) -> dict[str, ArrayLike]:
        """Display units (percent numbers) to model units; missing inputs take defaults."""
        return {name: spec.to_model(values.get(name, spec.default))
                for name, spec in self.inputs.items()}

    def evaluate_model(self, model_values: Mapping[str, ArrayLike]) -> Outputs:
        """All outputs from model-unit inputs (floats or broadcastable arrays)."""
        values = self.compute(model_values)
        return Outputs({name: values[name] for name in self.output_names},
                       values[self.headline] >= self.threshold)

    def evaluate(self, values: Mapping[str, float]) -> Outputs:
        """All outputs from display-unit values (missing inputs take their defaults)."""
        return self.evaluate_model(self.to_model(values))

    def used_by(self, output: str) -> frozenset[str]:
        """The inputs an output's formula involves: each probed as a two-element array; an
        output that does not use an input stays a scalar."""
        if output not in self._used:
            base = self.to_model(self.defaults())
            self._used[output] = frozenset(
                name for name in self.inputs
                if np.ndim(self.compute({**base, name: np.full(2, base[name])})[output]) > 0)
        return self._used[output]

    @property
    def used_inputs(self) -> frozenset[str]:
        """The inputs any output uses: those a Monte Carlo draws and a link may range."""
        return frozenset().union(*(self.used_by(name) for name in self.output_names))

    def depends(self, name: str, output: str | None = None) -> bool:
        return name in self.used_by(output or self.headline)

    def direction(self, name: str) -> int:
        """+1 if raising the input raises the headline, −1 if it lowers it, 0 if neither."""
        return int(np.sign(self.elasticities.get(name, 0.0)))

    def break_even(self, values: Mapping[str, float], name: str) -> float | None:
        """The value (display units) of input `name` at which the headline equals the
        threshold, all others as set; None when the headline is not a power of that input.
        Closed form: headline ∝ x^e, so x' = x · (threshold / headline)^(1/e)."""
        exponent = self.elasticities.get(name)
        if not exponent:
            return None
        headline = float(self.evaluate(values)[self.headline])
        current = float(values.get(name, self.inputs[name].default))
        return current * (self.threshold / headline) ** (1.0 / exponent)
