"""The Monte Carlo, the Sobol indices and the tornado sweep of a view, cached for every
page that shows them (the Projection's uncertainty section, Compare, the report).

Each is cached on exactly what it reads: the document's loaded files (a `Bundle`, hashed
by its `key`, so an edited model.yaml is never answered from the cache) and the view's
point values and ranges, plus, for the Monte Carlo, its correlations, sample count and
seed. cache_resource, not cache_data: every rerun reads the result (the page and the
report both do), and cache_data would unpickle a fresh copy each time. The results are
never changed after they are made, so sessions can share one object.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from claimscope.bundle import Bundle
from claimscope.link.viewstate import View
from claimscope.uncertainty.correlations import Correlation
from claimscope.uncertainty.distributions import Range
from claimscope.uncertainty.montecarlo import SimulationResult, simulate, tornado
from claimscope.uncertainty.montecarlo.sobol import SobolResult, sobol_indices
from components.context import BY_VERSION

ValueKeys = tuple[tuple[str, float], ...]
RangeKeys = tuple[tuple[str, float, float, str, tuple[float, ...]], ...]
CorrelationKeys = tuple[tuple[str, str, float], ...]


def _ranges(keys: RangeKeys) -> dict[str, Range]:
    return {name: Range(low, high, shape, sample) for name, low, high, shape, sample in keys}


@st.cache_resource(max_entries=24, show_spinner="Drawing the Monte Carlo samples…",
                   hash_funcs=BY_VERSION)
def _simulation(data: Bundle, values: ValueKeys, ranges: RangeKeys,
                correlations: CorrelationKeys, samples: int, seed: int) -> SimulationResult:
    return simulate(data.model, dict(values), _ranges(ranges), samples, seed,
                    correlations=[Correlation(*c) for c in correlations])


@st.cache_resource(max_entries=24, show_spinner="Working out the Sobol indices…",
                   hash_funcs=BY_VERSION)
def _sobol(data: Bundle, values: ValueKeys, ranges: RangeKeys) -> SobolResult:
    """Sobol indices: their own design (independent inputs), so neither the draws, the
    seed nor the correlations of the Monte Carlo change them."""
    return sobol_indices(data.model, dict(values), _ranges(ranges))


@st.cache_resource(max_entries=24, show_spinner=False, hash_funcs=BY_VERSION)
def _tornado(data: Bundle, values: ValueKeys, ranges: RangeKeys) -> pd.DataFrame:
    """The tornado sweep: no sampling, so it is cached apart from the Monte Carlo and
    survives a change of draws or seed."""
    return tornado(data.model, dict(values), _ranges(ranges))


def _view_keys(view: View) -> tuple[ValueKeys, RangeKeys]:
    """A view's point values and ranges as plain values: cheap to hash."""
    ranges = tuple((name, r.low, r.high, r.shape, r.sample) for name, r in view.ranges.items())
    return tuple(view.values.items()), ranges


def run_simulation(data: Bundle, view: View) -> SimulationResult:
    """The cached Monte Carlo for a view."""
    correlations = tuple((c.first, c.second, c.rank) for c in view.correlations)
    return _simulation(data, *_view_keys(view), correlations, view.samples, view.seed)


def run_sobol(data: Bundle, view: View) -> SobolResult:
    """The cached Sobol indices for a view's point values and ranges."""
    return _sobol(data, *_view_keys(view))


def run_tornado(data: Bundle, view: View) -> pd.DataFrame:
    """The cached tornado sweep for a view's point values and ranges."""
    return _tornado(data, *_view_keys(view))
