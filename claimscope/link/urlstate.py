"""The URL contract of DESIGN §5: query parameters <-> assumption values, with notices.

Parsing never raises: each bad value is replaced by the default or clamped, and a
plain-words notice says which. Values are in display units (percent numbers).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from claimscope.files.inputs import InputSpec
from claimscope.text.markdown import escape_markdown
from claimscope.text.numbers import display, whole

MAX_SHOWN = 40  # characters of a visitor's text repeated back in a notice


@dataclass
class ParsedQuery:
    values: dict[str, float]
    notices: list[str] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)  # known to other parsers


def shown(text: str) -> str:
    """A visitor's text made safe to repeat inside markdown: shortened, single line, shown
    as typed but unable to become a link, an image, emphasis or HTML. Notices are
    markdown, and this is the one place visitor text enters them."""
    flat = " ".join(str(text).split())
    short = flat if len(flat) <= MAX_SHOWN else flat[: MAX_SHOWN - 1] + "…"
    return escape_markdown(short)


def _first(raw: str | list[str]) -> str:
    if isinstance(raw, (list, tuple)):
        return str(raw[-1]) if raw else ""
    return str(raw)


def parse_number(text: str) -> float | None:
    """A finite number from URL text, or None. Accepts '7.25', '7.25%', '26,000,000'."""
    cleaned = text.strip().rstrip("%").replace(",", "").replace("_", "")
    if not cleaned or len(cleaned) > 40:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def fit_value(spec: InputSpec, param: str, raw: str, value: float,
              fmt: Callable[[float, str], str] = display) -> tuple[float, str | None]:
    """A number clamped to the input's allowed [min, max] and, for a whole-number input,
    rounded (`numbers.whole`: a tie away from zero, as the panel's `fitted` rounds); with
    the notice saying which, or None if unchanged.

    Values and range ends from a link or a widget go through this one rule, so they are
    changed, and told about, alike. `param`/`raw` name what was typed; `fmt(value, unit)`
    writes numbers (default `numbers.display`).
    """
    fitted = spec.clamp(value)
    if spec.is_integer and not float(fitted).is_integer():
        fitted = whole(fitted)
    if fitted == value:
        return value, None
    if not spec.min <= value <= spec.max:
        return fitted, (f"{param}={shown(raw)} is out of range ({fmt(spec.min, spec.unit)} "
                        f"to {fmt(spec.max, spec.unit)}); clamped to "
                        f"{fmt(fitted, spec.unit)}.")
    return fitted, f"{param}={shown(raw)} must be a whole number; rounded to {fitted:.0f}."


def parse_value(spec: InputSpec, raw: str) -> tuple[float, str | None]:
    """One parameter's value and, if it was not usable as given, the notice saying why."""
    value = parse_number(raw)
    if value is None:
        default = display(spec.default, spec.unit)
        return spec.default, (f"{spec.name}={shown(raw)} is not a number; using the default "
                              f"{default}.")
    return fit_value(spec, spec.name, raw, value)


def parse_query(params: Mapping[str, str | list[str]], specs: Mapping[str, InputSpec],
                also_known: Iterable[str] = ()) -> ParsedQuery:
    """Values for every input (defaults where absent) and notices for what was changed.

    `also_known` names parameters owned by another parser (e.g. ranges): they are passed
    through in `extra` rather than reported as unknown.
    """
    result = ParsedQuery(values={name: spec.default for name, spec in specs.items()})
    known = set(also_known)
    unknown = []
    for key, raw in params.items():
        text = _first(raw)
        if key in specs:
            value, notice = parse_value(specs[key], text)
            result.values[key] = value
            if notice:
                result.notices.append(notice)
        elif key in known:
            result.extra[key] = text
        else:
            unknown.append(shown(key))
    if unknown:
        names = ", ".join(sorted(unknown)[:10])
        result.notices.append(f"Ignored unknown parameter(s): {names}.")
    return result


def format_value(spec: InputSpec, value: float) -> str:
    """How a value is written in the URL: short where that is exact, else every digit, so
    a link always reproduces the value it was made from."""
    if spec.is_integer or float(value).is_integer():
        return str(int(whole(value)))
    short = f"{value:.12g}"
    return short if float(short) == value else repr(float(value))


def to_query(values: Mapping[str, float], specs: Mapping[str, InputSpec]) -> dict[str, str]:
    """Only the values that differ from their defaults, in the contract's order."""
    return {name: format_value(spec, values[name]) for name, spec in specs.items()
            if name in values and values[name] != spec.default}
