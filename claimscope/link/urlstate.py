"""The URL contract (docs/architecture.md, "The URL contract"): query parameters <-> assumption
values, with notices.

Parsing never raises: each bad value is replaced by the default or clamped, and a
plain-words notice says which. Values are in display units (percent numbers).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from claimscope.files.inputs import InputSpec, fit_value, format_value
from claimscope.text.markdown import shown
from claimscope.text.numbers import display, parse_number


@dataclass
class ParsedQuery:
    values: dict[str, float]
    notices: list[str] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)  # known to other parsers


def _first(raw: str | list[str]) -> str:
    if isinstance(raw, (list, tuple)):
        return str(raw[-1]) if raw else ""
    return str(raw)


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


def to_query(values: Mapping[str, float], specs: Mapping[str, InputSpec]) -> dict[str, str]:
    """Only the values that differ from their defaults, in the contract's order."""
    return {name: format_value(spec, values[name]) for name, spec in specs.items()
            if name in values and values[name] != spec.default}


def percent_example(specs: Mapping[str, InputSpec]) -> str | None:
    """How a link writes a percentage, shown with the document's first percent input at
    its default ('`share=7.25` means 7.25%'), or None if it has none."""
    spec = next((spec for spec in specs.values() if spec.is_percent), None)
    if spec is None:
        return None
    return (f"`{spec.name}={format_value(spec, spec.default)}` means "
            f"{display(spec.default, spec.unit)}")
