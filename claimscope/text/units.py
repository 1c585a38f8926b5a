"""Units: how a number in each is written ('7.25%', '2012', '£5', '26 months').

A `Unit` is its name plus its way of writing; the built-in units every document starts from
are here, so the formatters of `claimscope.text.numbers` can write a unit given by its bare
name. A document's vocabulary.yaml declares more (`claimscope.files.vocabulary`).
"""

from __future__ import annotations

from typing import Any, Literal, get_args

NumberFormat = Literal["count", "number", "percent", "ratio", "year", "duration", "currency"]
FORMATS: tuple[str, ...] = get_args(NumberFormat)
_WHOLE = frozenset({"count", "year", "duration"})
_SUFFIXES = {"percent": "%", "ratio": "×"}


class Unit(str):
    """A unit: its name, as data files write it (so it reads, compares and serialises as
    that name in tables, links and downloads), and how a number in it is written."""

    format: str
    word: str
    symbol: str
    symbol_before: bool
    suffix: str

    def __new__(cls, name: str, format: str = "number", word: str = "", symbol: str = "",
                symbol_before: bool = True, suffix: str | None = None) -> Unit:
        unit = super().__new__(cls, name)
        unit.format, unit.word, unit.symbol, unit.symbol_before = (
            format, word, symbol, symbol_before)
        unit.suffix = suffix if suffix is not None else _SUFFIXES.get(format, word or symbol)
        return unit

    def __reduce__(self) -> tuple[Any, ...]:
        return Unit, (str(self), self.format, self.word, self.symbol, self.symbol_before,
                      self.suffix)

    @property
    def is_integer(self) -> bool:
        """Whole numbers only: counts, years and durations step (and round) by whole units."""
        return self.format in _WHOLE

    @property
    def is_percent(self) -> bool:
        """Written as a percent number (7.25), worked with as a fraction (0.0725)."""
        return self.format == "percent"

    @property
    def writes_itself(self) -> bool:
        """A number in it reads as the unit without its name: '7.25%', '2012', '£5'."""
        return self.format not in ("count", "number")

    def writing(self) -> dict[str, Any]:
        """How its numbers are written, as the browser's `display` takes it."""
        return {"format": self.format, "word": self.word, "symbol": self.symbol,
                "symbol_before": self.symbol_before}


# The units every document may use without declaring them, in this order; a document's
# vocabulary.yaml may add others or redefine one by its name.
BUILT_IN_UNITS: dict[str, Unit] = {unit: unit for unit in (
    Unit("count", "count"),
    Unit("number", "number"),
    Unit("percent", "percent"),
    Unit("ratio", "ratio"),
    Unit("year", "year"),
    Unit("months", "duration", word="months"),
    Unit("gbp", "currency", symbol="£"),
    Unit("usd", "currency", symbol="$"),
    Unit("eur", "currency", symbol="€"),
)}


def as_unit(unit: str) -> Unit:
    """`unit` itself if it is a Unit, else the built-in unit of that name (or a plain
    number): how a unit given by its bare name, in code or a test, is written."""
    return unit if isinstance(unit, Unit) else BUILT_IN_UNITS.get(unit) or Unit(unit)
