"""Scenarios shipped with a document: its `scenarios.yaml`, each record a named set of
figures (its own values, or those of an alternative of the sample of units), the
suggested ranges, or a range resampled from the sample, with the sources it rests on.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator

from claimscope.context.sample_spread import SampleSpread, sample_spread
from claimscope.context.sample_units import SAMPLE_UNITS_FILE, SampleUnits
from claimscope.files.folder import DataFile
from claimscope.files.schema import DataError, Prose, Text, brief, load_records
from claimscope.files.sources import Sourced
from claimscope.link.scenarios import Scenario, clean_name, view_from_params
from claimscope.model.model import Model
from claimscope.uncertainty.distributions import Range
from claimscope.uncertainty.ranges import RangePreset

PRESETS_FILE = "scenarios.yaml"


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
