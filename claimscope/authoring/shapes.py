"""Shapes to start a model from: the common ways a document goes from the figures it
states to the figure it claims, so that nobody has to write a formula to begin.

Each shape is a few slots the reader fills by picking claims (or typing a value where the
text gives none), and it produces ordinary inputs and expressions (`ModelDraft`) that the
reader can then edit like any other. A slot with a default may be left: it becomes an
assumption at that value (e.g. "records hold 100 % of cases"), which the panel then moves.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from claimscope.authoring.model_draft import InputDraft, ModelDraft, OutputDraft, suggested_range

# The kind of number a slot takes, as the vocabulary's unit formats name them.
COUNT, PERCENT, NUMBER, YEAR, DURATION = "count", "percent", "number", "year", "duration"


@dataclass(frozen=True)
class Slot:
    """One figure a shape needs: `name` becomes the input's name in the expressions."""

    name: str
    label: str  # the question the reader answers by picking a claim
    format: str  # the kind of number that fits (COUNT, PERCENT, ...)
    unit: str  # the unit when the reader types a value rather than picking a claim
    default: float | None = None  # None: needed; else assumed at this value if left
    help: str = ""


@dataclass(frozen=True)
class ShapeOutput:
    name: str
    label: str
    formula: str
    unit_of: str | None = None  # the slot whose unit the output counts in
    unit: str = "number"  # the unit when no slot gives one
    assumed: bool = False
    # a condition the result needs to mean anything (e.g. repairs outpace arrivals), in
    # the expressions' terms, and what is said where it fails
    valid_when: str = ""
    invalid_words: str = ""


@dataclass(frozen=True)
class Shape:
    id: str
    title: str
    summary: str  # the shape in one sentence, for the reader choosing one
    slots: tuple[Slot, ...]
    outputs: tuple[ShapeOutput, ...]
    headline: str


@dataclass(frozen=True)
class Pick:
    """What fills a slot: a claim's value (with the claim's id) or a value the reader
    typed (no claim: then it is the reader's assumption)."""

    value: float
    unit: str
    claim: str | None = None
    label: str | None = None  # the input's label; the slot's question if None


class ShapeError(ValueError):
    """A shape cannot be filled as asked (a needed slot left empty, an unknown slot)."""


RECORDED = Slot("recorded_share", "Share of cases the counts record", PERCENT, "percent", 100,
                "Leave at 100 % if the counts are taken as complete.")
SHAPES: tuple[Shape, ...] = (
    Shape("pro_rata", "Scale a sample up to the whole",
          "A count in part of a population, divided by that part's share of it "
          "(and by how much of its cases the count records).",
          (Slot("sample_count", "The count in the sample", COUNT, "count"),
           Slot("sample_share", "The sample's share of the whole population", PERCENT,
                "percent"),
           RECORDED),
          (ShapeOutput("total", "Estimated total", "sample_count / (sample_share * "
                       "recorded_share)", unit_of="sample_count"),),
          "total"),
    Shape("rate_per_head", "A rate per head times a population",
          "A rate per so many people, times the population it applies to (and divided "
          "by how much of its cases the rate records).",
          (Slot("rate", "The rate", NUMBER, "number"),
           Slot("per", "Per how many people the rate counts (1, 1,000, 100,000)", NUMBER,
                "number", 1),
           Slot("population", "The population", COUNT, "count"),
           RECORDED),
          (ShapeOutput("total", "Estimated total",
                       "rate * population / per / recorded_share", unit="count"),),
          "total"),
    Shape("growth", "Growth compounded to a year",
          "A figure in one year, grown by a yearly rate to a later year.",
          (Slot("start_value", "The figure at the start", COUNT, "count"),
           Slot("growth", "Growth per year", PERCENT, "percent", 0),
           Slot("start_year", "The year of that figure", YEAR, "year"),
           Slot("target_year", "The year to project to", YEAR, "year")),
          (ShapeOutput("projected", "Projected figure",
                       "start_value * (1 + growth) ** (target_year - start_year)",
                       unit_of="start_value"),),
          "projected"),
    Shape("share_of_total", "A share of a larger total",
          "A part worked out as a share of a larger total.",
          (Slot("whole", "The larger total", COUNT, "count"),
           Slot("share", "The share of it", PERCENT, "percent")),
          (ShapeOutput("part", "The share's part", "whole * share", unit_of="whole"),),
          "part"),
    Shape("per_year", "A count over a window, per year",
          "A count over a window of months, as a yearly figure.",
          (Slot("count", "The count over the window", COUNT, "count"),
           Slot("months", "The window, in months", DURATION, "months")),
          (ShapeOutput("per_year", "Per year", "count * 12 / months", unit_of="count"),),
          "per_year"),
    Shape("backlog", "Time to clear a backlog",
          "A backlog divided by how much faster it is cleared than it grows; it never "
          "clears unless more are cleared than arrive.",
          (Slot("backlog", "The backlog", COUNT, "count"),
           Slot("repairs", "Cleared each month or year", COUNT, "count"),
           Slot("arrivals", "New cases each month or year", COUNT, "count", 0),
           Slot("periods", "Those periods in a year (12 for monthly figures)", NUMBER,
                "number", 1, "Leave at 1 if the figures are per year.")),
          (ShapeOutput("years", "Years to clear the backlog",
                       "backlog / (periods * (repairs - arrivals))", unit="years",
                       valid_when="repairs > arrivals",
                       invalid_words="never clears at this pace"),),
          "years"),
)
BY_ID: dict[str, Shape] = {shape.id: shape for shape in SHAPES}


def fill(shape: Shape, picks: Mapping[str, Pick], claim: str,
         threshold_words: str = "more than") -> ModelDraft:
    """The model the shape makes from the reader's picks, its headline judged against
    `claim` (the document's claimed figure). A slot left empty takes its default as an
    assumption; a needed slot left empty is a ShapeError naming it."""
    unknown = sorted(set(picks) - {slot.name for slot in shape.slots})
    if unknown:
        raise ShapeError(f"the shape {shape.title!r} has no slot {', '.join(unknown)}")
    inputs, units = [], {}
    for slot in shape.slots:
        pick = picks.get(slot.name)
        if pick is None:
            if slot.default is None:
                raise ShapeError(f"pick a claim or type a value for {slot.label.lower()}")
            pick = Pick(slot.default, slot.unit)
        low, high, step = suggested_range(pick.value, slot.format)
        inputs.append(InputDraft(slot.name, pick.label or slot.label, pick.unit, pick.value,
                                 low, high, step,
                                 (pick.claim,) if pick.claim else (), slot.help))
        units[slot.name] = pick.unit
    outputs = tuple(OutputDraft(out.name, out.label,
                                units[out.unit_of] if out.unit_of else out.unit,
                                out.formula, out.assumed, out.valid_when,
                                out.invalid_words)
                    for out in shape.outputs)
    return ModelDraft(tuple(inputs), outputs, shape.headline, claim,
                      threshold_words=threshold_words)
