"""Links that give one input a range, for every input of every document, in every shape,
alone or correlated with another input; and every figure a ranged view is shown as.

A range on an input the headline does not use (its window, a year, an offender count, a
cost) left the headline a single value, and /projection crashed drawing how P(claim holds)
settles. These cases reach each such input, so the tests built on them would have found it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from claimscope.bundle import DATA_DIR, Bundle, default_document, load_bundle
from claimscope.charts.compare import compare_chart
from claimscope.charts.report import ReportEntry, build_report
from claimscope.charts.style import Chart
from claimscope.charts.uncertainty import (
    claim_map_chart,
    convergence_chart,
    histogram_chart,
    shares_chart,
    sobol_chart,
    tornado_chart,
)
from claimscope.link.scenario_presets import resampled_ranges
from claimscope.link.scenarios import Scenario
from claimscope.link.viewstate import View, default_view, parse_view, ranged_inputs
from claimscope.uncertainty.correlations import CORR_PARAM
from claimscope.uncertainty.distributions import RESAMPLED, SHAPES
from claimscope.uncertainty.montecarlo import SimulationResult, claim_map, simulate, tornado
from claimscope.uncertainty.montecarlo.sobol import sobol_indices
from claimscope.uncertainty.ranges import SAMPLES_MIN, SAMPLES_PARAM, range_params
from claimscope.views.citation import cite
from claimscope.views.compare import totals_frame

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = (DATA_DIR / default_document(), ROOT / "tests" / "fixtures" / "fixture-clinic-2024",
             ROOT / "tests" / "fixtures" / "fixture-flytipping-2025")
BUNDLES = {folder.name: load_bundle(folder) for folder in DOCUMENTS}
FOLDERS = {folder.name: folder for folder in DOCUMENTS}
RANK = 0.5


@dataclass(frozen=True)
class RangeLink:
    """One document's link giving `name` a range of `shape` (over its whole allowed span,
    as far as the shape allows), with a correlation to `partner` when there is one."""

    document: str
    name: str
    shape: str
    partner: str | None = None

    @property
    def bundle(self) -> Bundle:
        return BUNDLES[self.document]

    @property
    def id(self) -> str:
        partner = f"+corr-{self.partner}" if self.partner else ""
        return f"{self.document}:{self.name}:{self.shape}{partner}"

    def query(self) -> dict[str, str]:
        """The link's parameters, with the fewest draws a link may ask for (the crash
        did not depend on how many)."""
        query = {SAMPLES_PARAM: str(SAMPLES_MIN), **_range_query(self.bundle, self.name,
                                                                  self.shape)}
        if self.partner is not None:
            query.update(_range_query(self.bundle, self.partner, "uniform"))
            query[CORR_PARAM] = f"{self.name}:{self.partner}:{RANK}"
        return query

    def view(self) -> View:
        """The view the link gives, read as the app reads it (no notice may drop the
        range: each case tests the range it names)."""
        bundle = self.bundle
        view, _ = parse_view(self.query(), bundle.model,
                             resampled=resampled_ranges(bundle.scenario_presets))
        assert self.name in view.ranges, self.id
        assert (self.partner is None) == (not view.correlations), self.id
        return view


def _range_query(bundle: Bundle, name: str, shape: str) -> dict[str, str]:
    lo, hi, dist = range_params(name)
    if shape == RESAMPLED:
        return {dist: RESAMPLED}
    spec = bundle.inputs[name]
    low = spec.min if spec.min > 0 or shape != "lognormal" else spec.max / 100
    return {lo: f"{low:g}", hi: f"{spec.max:g}", dist: shape}


def shapes_of(bundle: Bundle, name: str) -> tuple[str, ...]:
    """The shapes a link may give this input: the four two ends define, and resampled
    where the document ships a sample bearing on it."""
    return SHAPES + ((RESAMPLED,) if name in resampled_ranges(bundle.scenario_presets)
                     else ())


def partner_of(bundle: Bundle, name: str) -> str:
    """Another rangeable input to correlate with: one the headline uses if `name` is not,
    one it does not use if `name` is (where there is one), else the next."""
    model = bundle.model
    others = [other for other in ranged_inputs(model) if other != name]
    across = [other for other in others
              if model.depends(other) != model.depends(name)]
    return (across or others)[0]


def every_range_link(correlated: bool) -> list[RangeLink]:
    """Every document × every rangeable input × every shape, alone or (`correlated`)
    with its partner."""
    return [RangeLink(document, name, shape,
                      partner_of(bundle, name) if correlated else None)
            for document, bundle in BUNDLES.items()
            for name in ranged_inputs(bundle.model)
            for shape in shapes_of(bundle, name)]


def every_figure(bundle: Bundle, view: View, samples: int = SAMPLES_MIN) -> list[Chart]:
    """Every summary and chart a ranged view is shown as, on /projection, /compare and in
    the report, built from the core as the pages build them; the report's HTML is checked
    to be built too. Sobol indices use a small design (the crash is not in their
    precision)."""
    model = bundle.model
    result: SimulationResult = simulate(model, view.values, view.ranges, samples, view.seed,
                                        correlations=view.correlations)
    sobol = sobol_indices(model, view.values, view.ranges, base=256, resamples=20)
    ranged = Scenario("Ranged", view)
    plain = Scenario("As the document assumes", default_view(model.inputs))
    totals = totals_frame([plain, ranged], model, {ranged.name: result})
    charts = [histogram_chart(model, result[out.name],
                              result.p_claim if out.name == model.headline else None)
              for out in model.card_outputs]
    charts += [convergence_chart(model, result.convergence),
               tornado_chart(model, tornado(model, view.values, view.ranges)),
               shares_chart(model, result.variance_shares, bool(view.correlations)),
               *(sobol_chart(model, sobol, scale) for scale in ("log", "linear")),
               claim_map_chart(model, claim_map(model, view.values, view.ranges,
                                                *_map_axes(bundle, view), resolution=12)),
               compare_chart(totals, model)]
    citation = cite(bundle.document, date(2026, 1, 1), "http://localhost/projection")
    report = build_report(bundle, [ReportEntry(ranged, result, "/projection", sobol)],
                          citation, "1 January 2026")
    assert "How sure is it?" in report
    return charts


def _map_axes(bundle: Bundle, view: View) -> tuple[str, str]:
    """The claim map's default axes: ranged inputs the headline uses first, as the page
    chooses them."""
    model = bundle.model
    choices = [name for name in model.inputs if model.depends(name)]
    order = [name for name in view.ranges if name in choices] + choices
    first = order[0]
    return first, next(name for name in order if name != first)
