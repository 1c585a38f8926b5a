"""Ranges for the projection's inputs: URL names, validation in plain words, preset ranges.

Everything here is in display units (percent numbers), like the URL and the widgets. The
URL contract (docs/architecture.md, "The URL contract") gains, for every input `x`:

- `x_lo`, `x_hi`: the two ends of its range, in the same units as `x`;
- `x_dist`: the shape, one of `uniform` (default), `triangular`, `pert`, `lognormal`
  (see `claimscope.uncertainty.distributions` for what each means), or `resampled`
  where the document ships a sample of units bearing on `x` (the draws are its
  resamples; `x_lo`/`x_hi` are not needed, and if given a notice says they are ignored:
  the ends are the data's);

plus `samples` (1,000 to 1,000,000; default 100,000) and `seed` (0 to 2³²−1; default 12345).
Parsers turn raw values into a `Range` (or none) with `validate_range`, `validate_samples`
and `validate_seed`; none of them raises on bad input, each returns notices saying what it
did instead.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

from pydantic import ValidationInfo, model_validator

from claimscope.files.folder import DataFile
from claimscope.files.inputs import InputSpec, fit_value, format_value
from claimscope.files.schema import FieldProblem, Prose, Text, brief, load_records
from claimscope.files.sources import Sourced
from claimscope.text.markdown import shown
from claimscope.text.numbers import display, parse_number
from claimscope.uncertainty.distributions import (
    DEFAULT_SHAPE,
    RESAMPLED,
    SHAPES,
    Range,
    Shape,
    shape_problem,
)

__all__ = ["DEFAULT_SHAPE", "SHAPES", "Range", "RangePreset", "SAMPLES_DEFAULT", "SAMPLES_MAX",
           "SAMPLES_MIN", "SEED_DEFAULT", "SEED_MAX", "load_range_presets", "range_params",
           "range_query", "uncertainty_params", "validate_range", "validate_samples",
           "validate_seed"]

SAMPLES_DEFAULT = 100_000
SAMPLES_MIN = 1_000
SAMPLES_MAX = 1_000_000
SEED_DEFAULT = 12345  # an arbitrary fixed number: no document's date
SEED_MAX = 2**32 - 1
SAMPLES_PARAM = "samples"
SEED_PARAM = "seed"
_SHAPE_WORDS = {"triangular": "triangular", "pert": "PERT"}

Formatter = Callable[[float, str], str]  # (value, unit) -> text, like numbers.display


def range_params(name: str) -> tuple[str, str, str]:
    """The URL parameter names of one input's range: (`x_lo`, `x_hi`, `x_dist`)."""
    return f"{name}_lo", f"{name}_hi", f"{name}_dist"


def uncertainty_params(specs: Mapping[str, InputSpec]) -> tuple[str, ...]:
    """Every URL parameter this module owns (for `urlstate.parse_query(also_known=...)`)."""
    names = [param for name in specs for param in range_params(name)]
    return (*names, SAMPLES_PARAM, SEED_PARAM)


def range_query(spec: InputSpec, rng_range: Range | None) -> dict[str, str]:
    """URL parameters for one input's range; none for no range, no `_dist` for uniform,
    only `_dist` for a resampled range (its values are the document's)."""
    if rng_range is None or rng_range.is_point:
        return {}
    lo, hi, dist = range_params(spec.name)
    if rng_range.shape == RESAMPLED:
        return {dist: RESAMPLED}
    query = {lo: format_value(spec, rng_range.low), hi: format_value(spec, rng_range.high)}
    if rng_range.shape != DEFAULT_SHAPE:
        query[dist] = rng_range.shape
    return query


def _number(raw: object) -> float | None:
    if raw is None or isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        return float(raw) if math.isfinite(raw) else None
    return parse_number(str(raw))


def _given(raw: object) -> bool:
    return raw is not None and not (isinstance(raw, str) and not raw.strip())


def validate_range(spec: InputSpec, point: float, lo: object, hi: object,
                   dist: object = None, *, fmt: Formatter = display,
                   resampled: Range | None = None) -> tuple[Range | None, list[str]]:
    """A usable range for one input from raw ends and shape, and notices for what changed.

    `point` is the input's value (display units); `lo`, `hi` may be numbers, URL text or
    None (not given); `dist` a shape name or None (uniform). Never raises. Rules, each
    with a plain-words notice:

    - an end that is not a number is ignored; with one end given, the point value stands
      in for the other; with neither, there is no range (returns None);
    - an end outside the input's allowed [min, max] is clamped to it;
    - an end of a whole-number input (a count, months, a year) is rounded, as its link
      writes it, so that the link reproduces the range;
    - ends in the wrong order are swapped;
    - equal ends are no range: the input keeps its point value (returns None);
    - an unknown shape, or log-normal with a low end not above zero, becomes uniform;
    - for triangular and PERT, a point value outside the range puts the peak at the
      nearest end (the range itself is kept).

    `resampled` is the input's resampled range where the document has a sample bearing
    on it: `dist` = `resampled` then gives that range whatever the ends say (given ends
    are ignored, with a notice); without one, `resampled` is treated as an unknown shape.
    `fmt(value, unit)` writes numbers in notices (default `numbers.display`).
    """
    name = spec.name
    lo_name, hi_name, dist_name = range_params(name)
    notices: list[str] = []
    if _given(dist) and str(dist).strip().lower() == RESAMPLED:
        if resampled is not None:
            given = [p for p, raw in ((lo_name, lo), (hi_name, hi)) if _given(raw)]
            if given:
                notices.append(f"{' and '.join(given)} ignored: {dist_name}={RESAMPLED} "
                               "draws the sample's own resamples, whose ends are the data's.")
            return resampled, notices
        notices.append(f"{dist_name}={RESAMPLED} needs a sample of units bearing on {name}, "
                       "and this document ships none for it; "
                       + ("using uniform." if _given(lo) or _given(hi)
                          else f"{name} stays a single value."))
        dist = None

    def say(value: float) -> str:
        return fmt(value, spec.unit)

    ends: dict[str, float | None] = {}
    for param, raw in ((lo_name, lo), (hi_name, hi)):
        value = _number(raw) if _given(raw) else None
        if _given(raw) and value is None:
            notices.append(f"{param}={shown(str(raw))} is not a number; ignored.")
        elif value is not None:
            value, notice = fit_value(spec, param, str(raw), value, fmt)
            if notice:
                notices.append(notice)
        ends[param] = value
    low, high = ends[lo_name], ends[hi_name]
    if low is None and high is None:
        if _given(dist):
            notices.append(f"{dist_name}={shown(str(dist))} needs {lo_name} and {hi_name}; "
                           f"{name} stays a single value.")
        return None, notices
    if low is None or high is None:
        missing = lo_name if low is None else hi_name
        notices.append(f"{missing} is missing; using the point value {say(point)} as that "
                       "end of the range.")
        stand_in = spec.clamp(point)
        stand_in = float(round(stand_in)) if spec.is_integer else stand_in
        low = stand_in if low is None else low
        high = stand_in if high is None else high
    if low > high:
        notices.append(f"{lo_name} ({say(low)}) was above {hi_name} ({say(high)}); "
                       "swapped them.")
        low, high = high, low
    if low == high:
        notices.append(f"{lo_name} and {hi_name} are both {say(low)}; a range needs two "
                       f"different ends, so {name} keeps its single value {say(point)}.")
        return None, notices

    shape = str(dist).strip().lower() if _given(dist) else DEFAULT_SHAPE
    if shape not in SHAPES:
        notices.append(f"{dist_name}={shown(str(dist))} is not a known shape "
                       f"({', '.join(SHAPES)}); using uniform.")
        shape = DEFAULT_SHAPE
    problem = shape_problem(shape, low)
    if problem:
        notices.append(f"{dist_name}={shape} cannot be used: {problem}, not {say(low)}; "
                       "using uniform.")
        shape = DEFAULT_SHAPE
    if shape in _SHAPE_WORDS and not low <= point <= high:
        peak = low if point < low else high
        notices.append(f"The {_SHAPE_WORDS[shape]} range of {name} peaks at its point value "
                       f"{say(point)}, which lies outside {say(low)} to {say(high)}; the peak "
                       f"is placed at the nearest end, {say(peak)}.")
    return Range(low, high, shape), notices


def _whole_number(raw: object) -> int | None:
    value = _number(raw)
    if value is None or not value.is_integer():
        return None
    return int(value)


def validate_samples(raw: object) -> tuple[int, list[str]]:
    """The Monte Carlo sample count from a raw value: a whole number, clamped to range."""
    if not _given(raw):
        return SAMPLES_DEFAULT, []
    value = _whole_number(raw)
    if value is None:
        return SAMPLES_DEFAULT, [f"{SAMPLES_PARAM}={shown(str(raw))} is not a whole number; "
                                 f"using the default {SAMPLES_DEFAULT:,}."]
    clamped = min(max(value, SAMPLES_MIN), SAMPLES_MAX)
    if clamped != value:
        return clamped, [f"{SAMPLES_PARAM}={shown(str(raw))} is out of range ({SAMPLES_MIN:,} "
                         f"to {SAMPLES_MAX:,}); clamped to {clamped:,}."]
    return value, []


def validate_seed(raw: object) -> tuple[int, list[str]]:
    """The random seed from a raw value: a whole number from 0 to 2³²−1."""
    if not _given(raw):
        return SEED_DEFAULT, []
    value = _whole_number(raw)
    if value is None or not 0 <= value <= SEED_MAX:
        return SEED_DEFAULT, [f"{SEED_PARAM}={shown(str(raw))} is not a whole number from 0 "
                              f"to {SEED_MAX}; using the default {SEED_DEFAULT}."]
    return value, []


# ---- Preset ranges (data file) ---------------------------------------------------------

class RangePreset(Sourced):
    """A suggested range for one input (display units), with the sentence that says why.

    Validated against the inputs passed as `context={"specs": ...}`: a known input, ends
    inside its [min, max] around its default, and a shape its low end allows."""

    input: Text
    low: float
    high: float
    shape: Shape = DEFAULT_SHAPE
    why: Prose

    @model_validator(mode="after")
    def _fits_the_input(self, info: ValidationInfo) -> RangePreset:
        specs: Mapping[str, InputSpec] = (info.context or {})["specs"]
        if self.input not in specs:
            raise FieldProblem("input", f"must be one of {', '.join(specs)}; "
                               f"got {brief(self.input, 40)}")
        spec = specs[self.input]
        if not self.low < self.high:
            raise FieldProblem("low", "must be smaller than high")
        for end, value in (("low", self.low), ("high", self.high)):
            if not spec.min <= value <= spec.max:
                raise FieldProblem(end, f"must lie within the input's range {spec.min:g} to "
                                   f"{spec.max:g}")
        if not self.low <= spec.default <= self.high:
            raise FieldProblem("low", f"the range must contain the default {spec.default:g}")
        problem = shape_problem(self.shape, self.low)
        if problem:
            raise FieldProblem("low", problem)
        return self

    @property
    def range(self) -> Range:
        return Range(self.low, self.high, self.shape)


def load_range_presets(path: DataFile, specs: Mapping[str, InputSpec]) -> dict[str, RangePreset]:
    """Read and check `ranges.yaml`; raises DataError naming the file, record and field."""
    return {p.input: p for p in load_records(path, "ranges", RangePreset, id_field="input",
                                             context={"specs": specs})}
