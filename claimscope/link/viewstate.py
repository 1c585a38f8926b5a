"""Everything a link carries (docs/architecture.md, "The URL contract"), parsed in one place.

A `View` is the shareable state of the dashboard: the assumption values, any ranges, the
correlations between ranged assumptions, the Monte Carlo sample count and seed.
`parse_view` turns a query string into a View and plain-words notices, never raising;
`view_query` writes a View back, leaving out what equals its default so links stay short.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from claimscope.files.inputs import InputSpec
from claimscope.link.urlstate import parse_query, to_query
from claimscope.model.model import Model
from claimscope.uncertainty.correlations import (
    CORR_PARAM,
    Correlation,
    correlation_query,
    kept_for,
    parse_correlations,
)
from claimscope.uncertainty.distributions import Range
from claimscope.uncertainty.ranges import (
    SAMPLES_DEFAULT,
    SAMPLES_PARAM,
    SEED_DEFAULT,
    SEED_PARAM,
    RangePreset,
    range_params,
    range_query,
    uncertainty_params,
    validate_range,
    validate_samples,
    validate_seed,
)


@dataclass(frozen=True)
class View:
    values: dict[str, float]
    ranges: dict[str, Range] = field(default_factory=dict)
    samples: int = SAMPLES_DEFAULT
    seed: int = SEED_DEFAULT
    correlations: tuple[Correlation, ...] = ()

    def with_value(self, name: str, value: float) -> View:
        return replace(self, values={**self.values, name: value})

    def with_range(self, name: str, rng_range: Range | None) -> View:
        """The view with one input's range set (None: removed, and with it any correlation
        of that input)."""
        ranges = {k: v for k, v in self.ranges.items() if k != name}
        if rng_range is not None and not rng_range.is_point:
            ranges[name] = rng_range
        return replace(self, ranges=ranges,
                       correlations=kept_for(self.correlations, ranges))

    def with_correlations(self, correlations: tuple[Correlation, ...]) -> View:
        """The view with these correlations (those between ranged inputs are kept)."""
        return replace(self, correlations=kept_for(correlations, self.ranges))

    def with_simulation(self, samples: int, seed: int) -> View:
        return replace(self, samples=samples, seed=seed)


def default_view(specs: Mapping[str, InputSpec]) -> View:
    return View(values={name: spec.default for name, spec in specs.items()})


def suggested_range(spec: InputSpec, point: float, preset: RangePreset | None) -> Range:
    """The range offered when a reader marks an input uncertain: the preset if there is
    one, else a factor of 1.25 either side of the point value, kept inside the input's
    allowed span."""
    if preset is not None:
        return preset.range
    low, high = spec.clamp(point / 1.25), spec.clamp(point * 1.25)
    if spec.is_integer:
        low, high = float(math.floor(low)), float(math.ceil(high))
    if low == high:
        low, high = spec.min, spec.max
    return Range(low, high)


def ranged_inputs(model: Model) -> dict[str, InputSpec]:
    """The inputs a link may give a range: those the model's outputs use, which the Monte
    Carlo draws. Others (e.g. the estimates page's choice of year) take single values."""
    return {name: spec for name, spec in model.inputs.items() if name in model.used_inputs}


def parse_view(params: Mapping[str, str | list[str]], model: Model,
               also_known: tuple[str, ...] = (),
               resampled: Mapping[str, Range] | None = None) -> tuple[View, list[str]]:
    """The View a link describes, and a notice for each value that could not be used.

    `also_known` names parameters another part of the app reads (e.g. a compare link's
    scenarios): they are not reported as unknown. `resampled` maps inputs to the resampled
    range of the document's sample of units (`x_dist=resampled`), where it has one.
    """
    rangeable = ranged_inputs(model)
    resampled = resampled or {}
    parsed = parse_query(params, model.inputs,
                         also_known=(*uncertainty_params(rangeable), CORR_PARAM,
                                     *also_known))
    notices = list(parsed.notices)
    ranges: dict[str, Range] = {}
    for name, spec in rangeable.items():
        lo, hi, dist = (parsed.extra.get(p) for p in range_params(name))
        if lo is None and hi is None and dist is None:
            continue
        rng_range, said = validate_range(spec, parsed.values[name], lo, hi, dist,
                                         resampled=resampled.get(name))
        notices.extend(said)
        if rng_range is not None:
            ranges[name] = rng_range
    samples, said = validate_samples(parsed.extra.get(SAMPLES_PARAM))
    notices.extend(said)
    seed, said = validate_seed(parsed.extra.get(SEED_PARAM))
    notices.extend(said)
    raw_corr = params.get(CORR_PARAM)
    correlations, said = parse_correlations(raw_corr, list(ranges))
    notices.extend(said)
    return View(parsed.values, ranges, samples, seed, correlations), notices


def view_query(view: View, specs: Mapping[str, InputSpec]) -> dict[str, str]:
    """The query string of a View: non-default values, ranges, correlations, then sample
    count and seed."""
    query = to_query(view.values, specs)
    for name, spec in specs.items():
        query.update(range_query(spec, view.ranges.get(name)))
    query.update(correlation_query(view.correlations))
    if view.ranges and view.samples != SAMPLES_DEFAULT:
        query[SAMPLES_PARAM] = str(view.samples)
    if view.ranges and view.seed != SEED_DEFAULT:
        query[SEED_PARAM] = str(view.seed)
    return query
