"""Uncertainty from the sample itself (README, "Data and credits"): the sample of units' exact
bootstrap as a
range on one input of the model, so the Monte Carlo, the chance the claim holds, /compare
and the report can use the sample's own spread.

The input must divide the headline total (headline ∝ input⁻¹, default 1), as a "sample
rate ÷ national rate" does: then a resampled national total T corresponds to the input
value r = (headline at the defaults) ÷ T. The range is `resampled`
(`distributions.Range.resampled`): its draws are those values themselves, all equally
likely, computed at load from the context data, never typed; so P(claim holds), with the
other assumptions at their defaults, is the share of resamples that reach the claim (up to
Monte Carlo noise). A resample whose value lies outside the input's allowed span is drawn
at the nearest end of it (`clipped` counts them).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from claimscope.context.sample_arithmetic import spread
from claimscope.context.sample_units import SampleUnits
from claimscope.files.page_config import UnitWords
from claimscope.model.model import Model
from claimscope.text.numbers import count_word, display, human, percent
from claimscope.uncertainty.distributions import Range

SHAPE = "resampled"


@dataclass(frozen=True)
class SampleSpread:
    """The resampled national totals and the input range they amount to."""

    input: str
    range: Range  # display units of the input: the resamples' values, equally likely
    units: int  # units in the sample
    not_in_sample: int  # units asked whose figures are not in it
    groups: int  # groups resampled (units the source does not separate count as one)
    resamples: int  # every resample of the groups, listed
    total_low: float  # 5th percentile of the resampled totals
    total_high: float  # 95th percentile
    total_median: float
    dominant: str  # the group with the largest share of the count
    dominant_share: float  # its share, percent
    central: float  # the headline at the model's defaults (the pro-rata total)
    share_holding: float  # percent of resamples at or above the claim
    clipped: int  # resamples whose value lies outside the input's allowed span
    span: tuple[float, float]  # that span (display units)
    words: UnitWords  # the document's nouns for its units and what they count

    @property
    def button_label(self) -> str:
        return f"Use the {count_word(self.units).lower()}-{self.words.unit} sample's spread"

    def button_words(self, label: str) -> str:
        """The button's caption: what it sets, from what, and the share it will show."""
        return (f"Resampling the sample's {self.groups} {self.words.unit} groups (all "
                f"{self.resamples:,} resamples) puts 90% of national totals between "
                f"{human(self.total_low)} and {human(self.total_high)}. The button makes "
                f"{label.lower()} one of those {self.resamples:,} resamples at random, each "
                f"as likely ({display(self.range.low, 'ratio', 2)} – "
                f"{display(self.range.high, 'ratio', 2)}, 5th to 95th percentile): with "
                f"everything else at its default the claim holds as often as in the "
                f"resamples, {percent(self.share_holding, 0)}.")


def sample_spread(sample: SampleUnits, model: Model, name: str) -> SampleSpread:
    """The exact bootstrap of the sample of units as a resampled range on input `name`.

    Raises ValueError, in a maintainer's words, when the input cannot carry it: unknown,
    not dividing the headline, a default other than 1, or a range outside its span.
    """
    spec = model.inputs.get(name)
    if spec is None:
        raise ValueError(f"names no input of the model: {name!r}")
    if model.elasticity(name) != -1 or spec.default != 1:
        raise ValueError(f"{name!r} must divide the headline total (power −1) with default "
                         "1, so that a resampled total is its default total ÷ the input")
    s = spread(sample, model.threshold)
    central = float(model.evaluate(model.defaults())[model.headline])
    low, high = central / s.resample_high, central / s.resample_low
    if not spec.min <= low < high <= spec.max:
        raise ValueError(f"the sample's range of {name}, {low:.3g} to {high:.3g}, lies outside "
                         f"its allowed span {spec.min:g} to {spec.max:g}")
    span = (spec.min, spec.max)
    resampled = s.resampled
    values = central / resampled
    sampled = sample.units_sampled
    return SampleSpread(
        input=name, range=Range.resampled(np.clip(values, *span)),
        units=sampled, not_in_sample=sample.request.asked - sampled,
        groups=s.groups, resamples=s.resamples,
        total_low=s.resample_low, total_high=s.resample_high,
        total_median=float(np.median(resampled)), dominant=s.dominant.name,
        dominant_share=s.dominant.value, central=central,
        share_holding=100.0 - s.resamples_below_claim,
        clipped=int(np.sum((values < span[0]) | (values > span[1]))), span=span,
        words=sample.words)


def method_words(s: SampleSpread, model: Model, preset: str) -> str:
    """The method and its limits, for the Method page."""
    spec = model.inputs[s.input]
    label = spec.label.lower()
    claim = human(model.threshold)
    words = s.words
    return (
        f"The sample's {words.unit} groups are resampled with replacement, pooling each "
        f"resample's {words.counted} and people, and every one of the {s.resamples:,} "
        f"equally likely resamples of the {s.groups} groups is listed (an exact bootstrap: "
        f"no random numbers). 90% of the resampled national totals lie between "
        f"{human(s.total_low)} and {human(s.total_high)}. The preset **{preset}** and the button "
        f"**{s.button_label}** express this as a range on the "
        f"{label} ({s.input}): the total at the defaults ({human(s.central)}) ÷ a resampled "
        f"total, so the range runs from {human(s.central)} ÷ {human(s.total_high)} = "
        f"{display(s.range.low, 'ratio', 3)} to {human(s.central)} ÷ {human(s.total_low)} = "
        f"{display(s.range.high, 'ratio', 3)} between the 5th and 95th percentiles. The "
        f"range is drawn as the resamples themselves: every draw of the Monte Carlo takes "
        f"one of the {s.resamples:,} values, each equally likely, so the distribution keeps "
        f"the bootstrap's shape, lumps and all (its median is the pro-rata "
        f"{human(s.total_median)}), and with the other assumptions at their defaults the "
        f"claim holds in as many draws as resamples reach {claim}: "
        f"{percent(s.share_holding, 0)}, up to Monte Carlo noise. "
        + (f"{count_word(s.clipped)} of the resamples imply a {label} outside the input's "
           f"allowed span ({display(s.span[0], spec.unit)} to "
           f"{display(s.span[1], spec.unit)}) and are drawn at its nearest end; their totals "
           f"are on the same side of the claim either way. " if s.clipped else "")
        + f"The tornado sweeps it between its 5th and 95th percentiles. This share is not "
        f"the probability that the claim is true: it says how much the total depends on "
        f"which {words.units} happen to be in the sample.\n\n"
        f"**Limits.** {count_word(s.units)} {words.units}, in {count_word(s.groups).lower()} "
        f"groups the source lets us separate, of unequal size and self-selected (the "
        f"{words.units} that answered in time), not a random sample; {s.resamples:,} "
        f"resamples of {count_word(s.groups).lower()} groups are all the variation the sample "
        f"holds, and resampling cannot reveal what the {s.not_in_sample} other {words.units} "
        f"would show. "
        f"{s.dominant} holds {percent(s.dominant_share, 0)} of the {words.counted}, so the "
        f"resampled totals bunch by how often it is drawn. The range stands in for the "
        f"{label} alone, with every other assumption at its single value unless given a "
        f"range of its own.")
