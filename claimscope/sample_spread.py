"""Uncertainty from the sample itself (DESIGN §8): the forces context's exact bootstrap as a
range on one input of the model, so the Monte Carlo, the chance the claim holds, /compare
and the report can use the sample's own spread.

The input must divide the headline total (headline ∝ input⁻¹, default 1), as a "sample
rate ÷ national rate" does: then a resampled national total T corresponds to the input
value r = (headline at the defaults) ÷ T, and the 5th and 95th percentiles of T give the
95th and 5th of r. They are given as a log-normal range (its 5th and 95th percentiles),
computed at load from the context data, never typed. The log-normal keeps the bootstrap's
90 % interval, not its shape; `fit_holds` says how far that moves the chance the claim
holds from the resampled share.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from claimscope.distributions import Range, lognormal_parameters, quantile
from claimscope.forces import ForcesData, exact_bootstrap, spread
from claimscope.model import Model
from claimscope.numbers import count_word, display, human, percent

SHAPE = "lognormal"


@dataclass(frozen=True)
class SampleSpread:
    """The resampled national totals and the input range they amount to."""

    input: str
    range: Range  # display units of the input
    forces: int  # forces in the sample
    not_in_sample: int  # forces asked whose figures are not in it
    groups: int  # groups resampled (forces the source does not separate count as one)
    resamples: int  # every resample of the groups, listed
    total_low: float  # 5th percentile of the resampled totals
    total_high: float  # 95th percentile
    total_median: float
    dominant: str  # the group with the largest share of the images
    dominant_share: float  # its share, percent
    central: float  # the headline at the model's defaults (the pro-rata total)
    share_holding: float  # percent of resamples at or above the claim
    fit_holds: float  # percent: chance the claim holds under the log-normal range
    fit_low: float  # 5th and 95th percentile totals under it, as the Monte Carlo cuts it
    fit_high: float

    @property
    def button_label(self) -> str:
        return f"Use the {count_word(self.forces).lower()}-force sample's spread"

    def button_words(self, label: str) -> str:
        """The button's caption: what it sets, from what, and what the fitted shape keeps
        and loses (so the chance shown under it is not read as the resampled share)."""
        return (f"Resampling the sample's {self.groups} force groups (all "
                f"{self.resamples:,} resamples) puts 90% of national totals between "
                f"{human(self.total_low)} and {human(self.total_high)}: {label.lower()} "
                f"{display(self.range.low, 'ratio', 2)} – {display(self.range.high, 'ratio', 2)} "
                f"({self.range.shape}). The log-normal keeps that interval, not the "
                f"resamples' shape: the claim holds in {percent(self.share_holding, 0)} of the "
                f"resamples but in about {percent(self.fit_holds, 0)} of the range's draws.")


def _lognormal_cdf(x: float, low: float, high: float, lo_bound: float, hi_bound: float
                   ) -> float:
    """P(X ≤ x) for the log-normal with 5th/95th percentiles low/high, cut to the bounds
    as the Monte Carlo cuts it (draws outside are drawn again)."""
    mu, sigma = lognormal_parameters(low, high)

    def cdf(value: float) -> float:
        return 0.5 * (1.0 + math.erf((math.log(value) - mu) / (sigma * math.sqrt(2.0))))

    floor, ceiling = cdf(lo_bound), cdf(hi_bound)
    return (cdf(min(max(x, lo_bound), hi_bound)) - floor) / (ceiling - floor)


def sample_spread(forces: ForcesData, model: Model, name: str) -> SampleSpread:
    """The exact bootstrap of the forces context as a log-normal range on input `name`.

    Raises ValueError, in a maintainer's words, when the input cannot carry it: unknown,
    not dividing the headline, a default other than 1, or a range outside its span.
    """
    spec = model.inputs.get(name)
    if spec is None:
        raise ValueError(f"names no input of the model: {name!r}")
    if model.elasticity(name) != -1 or spec.default != 1:
        raise ValueError(f"{name!r} must divide the headline total (power −1) with default "
                         "1, so that a resampled total is its default total ÷ the input")
    s = spread(forces, model.threshold)
    central = float(model.evaluate(model.defaults())[model.headline])
    low, high = central / s.resample_high, central / s.resample_low
    if not spec.min <= low < high <= spec.max:
        raise ValueError(f"the sample's range of {name}, {low:.3g} to {high:.3g}, lies outside "
                         f"its allowed span {spec.min:g} to {spec.max:g}")
    holds_below = model.break_even(model.defaults(), name)
    fitted = Range(low, high, SHAPE)
    sampled = sum(len(g.forces) for g in forces.groups)
    resampled = exact_bootstrap(*forces.arrays(), forces.england_wales_population)
    return SampleSpread(
        input=name, range=fitted,
        forces=sampled, not_in_sample=forces.request.asked - sampled,
        groups=s.groups, resamples=s.resamples,
        total_low=s.resample_low, total_high=s.resample_high,
        total_median=float(np.median(resampled)), dominant=s.dominant.name,
        dominant_share=s.dominant.value, central=central,
        share_holding=100.0 - s.resamples_below_claim,
        fit_holds=100.0 * _lognormal_cdf(holds_below, low, high, spec.min, spec.max),
        fit_low=central / quantile(spec, spec.default, fitted, 0.95),
        fit_high=central / quantile(spec, spec.default, fitted, 0.05))


def method_words(s: SampleSpread, model: Model, preset: str) -> str:
    """The method and its limits, for the Method page."""
    spec = model.inputs[s.input]
    label = spec.label.lower()
    claim = human(model.threshold)
    return (
        f"The sample's force groups are resampled with replacement, pooling each resample's "
        f"images and people, and every one of the {s.resamples:,} equally likely resamples "
        f"of the {s.groups} groups is listed (an exact bootstrap: no random numbers). 90% of "
        f"the resampled national totals lie between {human(s.total_low)} and "
        f"{human(s.total_high)}. The preset **{preset}** and the button "
        f"**{s.button_label}** express this as a range on the "
        f"{label} ({s.input}): the total at the defaults ({human(s.central)}) ÷ a resampled "
        f"total, so the range runs from {human(s.central)} ÷ {human(s.total_high)} = "
        f"{display(s.range.low, 'ratio', 3)} to {human(s.central)} ÷ {human(s.total_low)} = "
        f"{display(s.range.high, 'ratio', 3)}, given as a log-normal whose 5th and 95th "
        f"percentiles are those ends.\n\n"
        f"**What the log-normal changes.** It keeps the bootstrap's 90% interval but not "
        f"its shape. The resampled totals have their median at {human(s.total_median)}, and "
        f"{percent(s.share_holding, 0)} of them are at or above {claim}; the log-normal "
        f"through the same ends has its median at their geometric middle "
        f"({human(math.sqrt(s.total_low * s.total_high))}), so the claim holds in only "
        f"about {percent(s.fit_holds, 0)} of its draws. The Monte Carlo also cuts it to the "
        f"input's allowed span ({display(spec.min, spec.unit)} to "
        f"{display(spec.max, spec.unit)}), which trims its upper tail: 90% of its totals lie "
        f"between {human(s.fit_low)} and {human(s.fit_high)}. Neither share is the probability "
        f"that the claim is true: both say how much the total depends on which forces "
        f"happen to be in the sample.\n\n"
        f"**Limits.** {count_word(s.forces)} forces, in {count_word(s.groups).lower()} "
        f"groups the source lets us separate, of unequal size and self-selected (the forces "
        f"that answered in time), not a random sample; {s.resamples:,} resamples of "
        f"{count_word(s.groups).lower()} groups are all the variation the sample holds, and "
        f"resampling cannot reveal what the {s.not_in_sample} other forces would show. "
        f"{s.dominant} holds {percent(s.dominant_share, 0)} of the images, so the resampled "
        f"totals bunch by how often it is drawn. The range stands in for the {label} alone, "
        f"with every other assumption at its single value unless given a range of its own.")
