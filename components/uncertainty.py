"""The uncertainty UI: per-input range controls and the "How sure is it?" section (Monte
Carlo results, how P(claim holds) settles, correlations, tornado, variance shares, Sobol
indices, claim map).

The runs behind them are cached in `components.simulation_cache`, so moving a control
that only changes the view — the histogram's output, the claim map's axes — never draws
again.
"""

from __future__ import annotations

import streamlit as st

from claimscope.bundle import Bundle
from claimscope.charts.uncertainty import (
    claim_map_chart,
    convergence_chart,
    histogram_chart,
    shares_chart,
    sobol_chart,
    tornado_chart,
)
from claimscope.files.inputs import InputSpec
from claimscope.link.scenario_presets import resampled_ranges, sample_preset
from claimscope.link.viewstate import View, ranged_inputs, suggested_range
from claimscope.text.markdown import escape_markdown
from claimscope.text.numbers import count_word, display, human, percent
from claimscope.uncertainty.correlations import (
    RANK_LIMIT,
    Correlation,
    correlation_query,
    correlation_sentence,
    describe,
    parse_correlations,
)
from claimscope.uncertainty.distributions import RESAMPLED, SHAPES, Range
from claimscope.uncertainty.montecarlo import claim_map
from claimscope.uncertainty.ranges import (
    SAMPLES_DEFAULT,
    SAMPLES_MAX,
    SAMPLES_MIN,
    SEED_MAX,
    validate_range,
)
from claimscope.views.projection import interval_rows, ranges_off_the_headline
from components import state
from components.charts import download_csv, show_chart
from components.context import bundle
from components.controls import slider_bounds, widget_number
from components.evidence_links import sources_caption
from components.simulation_cache import run_simulation, run_sobol, run_tornado

SAMPLE_CHOICES = (SAMPLES_MIN, 10_000, SAMPLES_DEFAULT, 250_000, SAMPLES_MAX)
RANGE_EDITOR = "range_editor_open"  # the expander's state: open while a reader edits ranges
SHAPE_HELP = ("uniform: low and high are hard bounds, every value equally likely · "
              "triangular / PERT: hard bounds, most likely at the slider's value · "
              "lognormal: low and high are the 5th and 95th percentiles · "
              "resampled (where the document ships a sample): the sample's own resamples, "
              "each equally likely")


def _toggle(spec: InputSpec) -> None:
    if st.session_state[f"{spec.name}_ranged"]:
        point = state.values()[spec.name]
        state.set_range(spec.name, suggested_range(spec, point,
                                                   bundle().range_presets.get(spec.name)))
    else:
        state.set_range(spec.name, None)


def _resampled(spec: InputSpec) -> Range | None:
    """The document's resampled range for this input, if it ships a sample bearing on it."""
    return resampled_ranges(bundle().scenario_presets).get(spec.name)


def _edit(spec: InputSpec) -> None:
    """The edited range, through the same checks as a link; what they change is said."""
    low, high = st.session_state[f"{spec.name}_range"]
    dist = st.session_state[f"{spec.name}_dist"]
    current = state.view().ranges.get(spec.name)
    if current is not None and current.shape == RESAMPLED and dist == RESAMPLED:
        return  # the slider is only shown: a resampled range's ends are the data's
    rng_range, notices = validate_range(spec, state.values()[spec.name], low, high, dist,
                                        resampled=_resampled(spec))
    state.set_range(spec.name, rng_range)
    st.session_state[f"{spec.name}_range_notices"] = notices


def range_control(spec: InputSpec) -> None:
    """A switch that turns one input into a range, and the range's ends and shape."""
    current = state.view().ranges.get(spec.name)
    on_key, range_key, dist_key = (f"{spec.name}_ranged", f"{spec.name}_range",
                                   f"{spec.name}_dist")
    st.session_state[on_key] = current is not None
    st.toggle(f"{spec.label}: give a range", key=on_key, on_change=_toggle, args=(spec,))
    if current is None:
        return
    resampled = current.shape == RESAMPLED
    st.session_state[range_key] = (widget_number(spec, current.low),
                                   widget_number(spec, current.high))
    st.session_state[dist_key] = current.shape
    st.slider(f"Range of {spec.label.lower()}", **slider_bounds(spec), key=range_key,
              on_change=_edit, args=(spec,), disabled=resampled,
              help=("The 5th and 95th percentiles of the sample's resamples: set by the data."
                    if resampled else None))
    shapes = SHAPES + ((RESAMPLED,) if _resampled(spec) is not None else ())
    st.selectbox(f"Shape of the range of {spec.label.lower()}", shapes, key=dist_key,
                 on_change=_edit, args=(spec,), help=SHAPE_HELP)
    if resampled:
        st.caption(f"Drawn as the sample's {len(current.sample):,} resamples, each equally "
                   f"likely: 5th to 95th percentile {_range_ends(spec, current)}.")
    for notice in st.session_state.pop(f"{spec.name}_range_notices", []):
        st.caption(notice)
    preset = bundle().range_presets.get(spec.name)
    if preset is not None:
        with st.expander("Why this suggested range", expanded=False):
            st.caption(preset.why)
            if preset.judgement:
                st.caption(f"Judgement: {preset.judgement}")
            sources_caption([preset])


def range_editor(data: Bundle) -> None:
    """Every assumption the model can draw, each with its switch and range, in one
    expander that makes its widgets only while open (it opens by itself while a range is
    set): the page's rerun stays small for a reader who never uses it."""
    view = state.view()
    rangeable = ranged_inputs(data.model)
    count = len(view.ranges)
    title = (f"Ranges: {count} assumption{'s' if count != 1 else ''} given a range"
             if count else "Give assumptions a range")
    with st.expander(title, key=RANGE_EDITOR, expanded=bool(count),
                     on_change="rerun") as editor:
        if not editor.open:
            return
        st.caption(SHAPE_HELP)
        for group in data.input_groups:
            specs = [spec for spec in data.inputs.values()
                     if spec.group == group.id and spec.name in rangeable]
            if not group.on_projection or not specs:
                continue
            st.markdown(f"**{escape_markdown(group.title)}**")
            for spec in specs:
                with st.container(border=True, key=f"{spec.name}_range_box"):
                    range_control(spec)


def _range_ends(spec: InputSpec, rng_range: Range) -> str:
    return f"{display(rng_range.low, spec.unit)} – {display(rng_range.high, spec.unit)}"


def _range_text(spec: InputSpec, rng_range: Range) -> str:
    if rng_range.shape == RESAMPLED:
        return (f"{_range_ends(spec, rng_range)} (resampled: {len(rng_range.sample):,} "
                "resamples of the sample, 5th to 95th percentile)")
    return f"{_range_ends(spec, rng_range)} ({rng_range.shape})"


def sample_spread_button(data: Bundle) -> None:
    """Offer the sample of units' own resampled spread as the range of the input it bears
    on, keeping every other setting; nothing where the document has no such sample."""
    preset = sample_preset(data.scenario_presets)
    if preset is None:
        return
    _, sample = preset
    st.button(sample.button_label, key="apply_sample_spread", on_click=state.set_range,
              args=(sample.input, sample.range))
    st.caption(sample.button_words(data.model.inputs[sample.input].label)
               + " Method & caveats says what this can and cannot tell.")


def apply_presets(data: Bundle) -> None:
    for name, preset in data.range_presets.items():
        state.set_range(name, preset.range)


def _simulation_settings(view: View) -> None:
    def changed() -> None:
        state.set_simulation(int(st.session_state["mc_samples"]),
                             int(st.session_state["mc_seed"]))

    st.session_state["mc_samples"] = view.samples if view.samples in SAMPLE_CHOICES \
        else SAMPLES_DEFAULT
    st.session_state["mc_seed"] = view.seed
    left, right = st.columns(2)
    left.select_slider("Monte Carlo draws", SAMPLE_CHOICES, key="mc_samples",
                       format_func=lambda n: f"{n:,}", on_change=changed,
                       help="More draws give steadier figures; 1,000,000 takes a second.")
    right.number_input("Random seed", min_value=0, max_value=SEED_MAX, step=1, key="mc_seed",
                       on_change=changed,
                       help="The same seed and settings always give the same numbers.")


def uncertainty_section(data: Bundle) -> None:
    """Distributions, P(claim holds) and how it settles, correlations, tornado, variance
    shares, Sobol indices — and the claim map."""
    view = state.view()
    model = data.model
    specs, headline = model.inputs, model.headline_output
    st.header("How sure is it?")
    range_editor(data)
    sample_spread_button(data)
    if not view.ranges:
        suggested = len(data.range_presets)
        st.info("Every assumption is a single value, so every number above is a single "
                "value too. Give any assumption a range (**Give assumptions a range**, "
                "above)" + (f", or start from the suggested ranges for the "
                                     f"{count_word(suggested).lower()} assumptions the "
                                     "document leaves implicit." if suggested else "."))
        if suggested:
            st.button("Use the suggested ranges", key="apply_presets",
                      on_click=apply_presets, args=(data,), type="primary")
    else:
        _simulation_settings(view)
        result = run_simulation(data, view)
        count = len(result.ranged)
        ranged = f"{count} assumption{'s' if count > 1 else ''} given a range"
        summary = result[headline.name]
        for column, (label, value, note) in zip(
                st.columns(2), interval_rows(model, result), strict=True):
            column.metric(label, value, help=f"{note[0].upper()}{note[1:]}.", border=True)
        st.markdown(
            f"With {ranged}, the {headline.label.lower()} lies "
            f"**{summary.in_words(human)}** (median **{human(summary.median)}**). The "
            f"document's claim holds in **{percent(result.p_claim * 100, 1)}** of "
            f"{result.n:,} draws (± {percent(result.p_claim_se * 100, 2)}, seed "
            f"{result.seed}).")
        st.caption("Ranged: " + "; ".join(
            f"{specs[name].label} {_range_text(specs[name], result.ranges[name])}"
            for name in result.ranged))
        off_the_headline = ranges_off_the_headline(model, result.ranged, view.values)
        if off_the_headline:
            st.caption(off_the_headline)
        labels_of = {name: spec.label for name, spec in specs.items()}
        correlated = describe(result.correlations, labels_of)
        st.caption(correlation_sentence(result.correlations, labels_of))
        show_chart(convergence_chart(model, result.convergence), key="mc_convergence")
        _correlation_controls(view)
        labels = {out.name: model.title(out.name, view.values) for out in model.card_outputs}
        output = st.selectbox("Distribution of", list(labels), key="mc_output",
                              format_func=labels.get)
        show_chart(histogram_chart(model, result[output],
                                   result.p_claim if output == model.headline else None,
                                   correlated),
                   key="mc_histogram")
        quantiles = result.quantiles().assign(output=lambda f: f["output"].map(labels))
        st.dataframe(quantiles, hide_index=True, key="mc_quantiles")
        download_csv(quantiles, "mc-quantiles")
        show_chart(tornado_chart(model, run_tornado(data, view)), key="tornado")
        show_chart(shares_chart(model, result.variance_shares, bool(result.correlations)),
                   key="variance_shares")
        _sobol(data, view, bool(result.correlations))
    st.subheader("Where the claim holds: any two assumptions")
    # Drawn at once when ranges are set; otherwise when the reader asks for it.
    if view.ranges or st.toggle("Show the claim map", key="claim_map_shown"):
        _claim_map(data)


SOBOL_SCALES = {"log": "the log of the total (a product is a sum of logs)",
                "linear": "the total as it is"}


def _sobol(data: Bundle, view: View, correlated: bool) -> None:
    """First- and total-order Sobol indices with their intervals, on either scale: on
    request, as their own design takes a few tenths of a second whenever the assumptions
    change (then cached, like the Monte Carlo)."""
    st.subheader("Which assumptions matter, with error bars")
    if not st.toggle("Work out Sobol indices (first- and total-order, with confidence "
                     "intervals)", key="sobol_shown",
                     help="Their own design of several thousand model runs: a few tenths "
                          "of a second each time the assumptions change. The report "
                          "includes them either way."):
        return
    scale = st.radio("Sobol indices of", list(SOBOL_SCALES), key="sobol_scale",
                     format_func=SOBOL_SCALES.get, horizontal=True)
    sobol = run_sobol(data, view)
    if correlated:
        st.caption("Sobol indices are defined for independent inputs: these ignore the "
                   "correlations set above.")
    show_chart(sobol_chart(data.model, sobol, scale), key="sobol")


CORRELATION_NOTICES = "correlation_notices"


def _set_correlation(ranged: list[str]) -> None:
    """Add or replace one pair's correlation, through the same checks as a link."""
    first, second = st.session_state["corr_first"], st.session_state["corr_second"]
    rank = float(st.session_state["corr_rank"])
    others = [c for c in state.view().correlations if c.pair != {first, second}]
    wanted = [*others, Correlation(first, second, rank)] if first != second else others
    raw = correlation_query(wanted).get("corr")
    found, notices = parse_correlations(raw, ranged)
    state.set_correlations(found)
    st.session_state[CORRELATION_NOTICES] = notices


def _remove_correlation(correlation: Correlation) -> None:
    state.set_correlations(tuple(c for c in state.view().correlations if c != correlation))


def _correlation_controls(view: View) -> None:
    """Say that two ranged assumptions move together: a rank correlation per pair."""
    ranged = list(view.ranges)
    if len(ranged) < 2:
        return
    specs = bundle().model.inputs
    with st.expander("Assumptions that move together (correlations)",
                     expanded=bool(view.correlations)):
        st.caption("A rank correlation between two ranged assumptions, from "
                   f"−{RANK_LIMIT} (one low when the other is high) to {RANK_LIMIT} (low "
                   "together, high together). Drawn through a Gaussian copula: each "
                   "assumption keeps exactly the range and shape set for it.")
        left, right = st.columns(2)
        left.selectbox("First assumption", ranged, key="corr_first",
                       format_func=lambda n: specs[n].label)
        others = [n for n in ranged if n != st.session_state.get("corr_first", ranged[0])]
        right.selectbox("Second assumption", others, key="corr_second",
                        format_func=lambda n: specs[n].label)
        st.slider("Rank correlation", -RANK_LIMIT, RANK_LIMIT, 0.5, 0.05, key="corr_rank")
        st.button("Set this correlation", key="corr_set", on_click=_set_correlation,
                  args=(ranged,))
        for notice in st.session_state.pop(CORRELATION_NOTICES, []):
            st.caption(notice)
        for c in view.correlations:
            text, remove = st.columns([4, 1], vertical_alignment="center")
            text.markdown(describe([c], {n: s.label for n, s in specs.items()}))
            remove.button("Remove", key=f"corr_remove_{c.first}_{c.second}",
                          on_click=_remove_correlation, args=(c,))


@st.fragment
def _claim_map(data: Bundle) -> None:
    """The map's axes rerun only this part of the page (a fragment)."""
    view = state.view()
    model = data.model
    specs = model.inputs
    choices = [name for name in specs if model.depends(name)]
    ranged = [name for name in view.ranges if name in choices]
    # Ranged inputs first, then the assumptions the document leaves implicit.
    order = ranged + sorted((n for n in choices if n not in ranged),
                            key=lambda n: not specs[n].is_assumption)
    default_x, default_y = order[:2]
    left, right = st.columns(2)
    x_name = left.selectbox("Across", choices, index=choices.index(default_x), key="map_x",
                            format_func=lambda n: specs[n].label)
    y_options = [n for n in choices if n != x_name]
    y_default = default_y if default_y in y_options else y_options[0]
    y_name = right.selectbox("Up", y_options, index=y_options.index(y_default), key="map_y",
                             format_func=lambda n: specs[n].label)
    grid = claim_map(model, view.values, view.ranges, x_name, y_name)
    show_chart(claim_map_chart(model, grid), key="claim_map")
