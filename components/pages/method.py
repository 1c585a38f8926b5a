"""Method & caveats (/method): formulas, every assumption's meaning and source, limits."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from claimscope.context.sample_spread import method_words
from claimscope.link.scenario_presets import sample_preset
from claimscope.link.urlstate import percent_example
from claimscope.model.printing.words import break_even_method, constant_line
from claimscope.text.markdown import escape_markdown
from claimscope.text.numbers import display, human
from claimscope.uncertainty.correlations import RANK_LIMIT
from claimscope.uncertainty.montecarlo.sobol import CONF_LEVEL, SOBOL_BASE, SOBOL_RESAMPLES
from claimscope.uncertainty.ranges import SAMPLES_DEFAULT, SAMPLES_MAX
from components.charts import download_csv
from components.citation import cite_block
from components.context import bundle
from components.evidence_links import sources_caption

data = bundle()
model = data.model
headline = model.headline_output
headline_words = escape_markdown(headline.label.lower())  # a reader's label, inert

st.title("Method & caveats")
st.markdown(
    "ClaimScope re-derives the document's projection from its own figures and makes every "
    "hidden step an explicit, adjustable assumption. The formulas below are the whole "
    "model; nothing on the other pages is computed any other way."
)

st.header("Formulas")
st.markdown(
    "Each output is one expression in the document's `model.yaml`, over the assumptions "
    "below, the named constants and the outputs before it. The words, the formulas, every "
    "number, the break-even values and the browser's live figures are generated from that "
    "one expression."
)
for output in model.outputs:
    st.markdown(f"**{escape_markdown(model.title(output.name, model.defaults()))}**: "
                f"{escape_markdown(output.formula)}")
    st.latex(output.latex)
if model.constants:
    st.markdown("**Constants** in the formulas:\n" + "\n".join(
        f"- {constant_line(constant)}" for constant in model.constants.values()))
st.markdown(break_even_method(model))

st.header("Uncertainty")
st.markdown(
    "Any assumption can be given a **range** instead of a single value. Shapes: "
    "**uniform** (low and high are hard bounds, every value between equally likely); "
    "**triangular** and **PERT** (hard bounds, most likely at the slider's value; PERT is "
    "a smooth Beta curve with the standard weight 4); **lognormal** (low and high are its "
    "5th and 95th percentiles, cut to the assumption's allowed span); **resampled**, where "
    "the document ships a sample of units bearing on the assumption (the draws are the "
    "sample's resamples themselves, each equally likely; see below). Exact quantile "
    "functions come from SciPy (`betaincinv` for PERT, `ndtri` for the log-normal).\n\n"
    "- **Monte Carlo**: each ranged assumption is drawn "
    f"({SAMPLES_DEFAULT:,} draws by default, up to {SAMPLES_MAX:,}) from its own random "
    "stream, seeded by the seed shown and the assumption's name, so the same seed and "
    "settings always give the same numbers; the model is evaluated on all draws at once. "
    "Assumptions vary independently unless a correlation is set.\n"
    f"- **Correlated assumptions**: a reader may give two ranged assumptions a rank "
    f"(Spearman) correlation ρ between −{RANK_LIMIT} and {RANK_LIMIT}. They are drawn "
    "through a **Gaussian copula**: standard normals from each assumption's own stream are "
    "correlated with the Cholesky factor of the matrix $r = 2\\sin(\\pi\\rho/6)$ (the "
    "normal correlation whose ranks correlate by ρ exactly), turned into uniforms "
    "$u = \\Phi(z)$, and each $u$ into a value by that assumption's own quantile function, "
    "so every range and shape stays exactly as set. A set of correlations that no "
    "assumptions could have (its matrix not positive definite) is refused pair by pair, "
    "with a notice. Ties in a resampled range lower the rank correlation seen a little.\n"
    "- **Intervals**: the 5th and 95th percentiles of the draws — the central 90%, "
    "written as \"9 times in 10\". Histograms are binned on the server.\n"
    f"- **Chance the claim holds**: the share $p$ of draws with the {headline_words} "
    f"at least {human(model.threshold)}, with its Monte Carlo standard error "
    "$\\sqrt{p(1-p)/n}$. **How it settles**: the same share from the first 1,000, "
    "2,000, 5,000 … draws, with its standard error, so a reader sees when the sample is "
    "large enough (quadrupling the draws halves the error).\n"
    f"- **Tornado**: the {headline_words} with one ranged assumption at each end "
    "of its range (5th and 95th percentiles for lognormal and resampled) and all others "
    "at their single values; no sampling.\n"
    "- **Variance shares**: a first-order (Sobol-type) index $S_i = "
    "\\mathrm{Var}(E[\\log N \\mid X_i]) / \\mathrm{Var}(\\log N)$, estimated from "
    "the same draws: draws are grouped into equal-probability bins of $X_i$ (50, the "
    "outermost split further), the variance of the bin means is corrected for sampling "
    "noise as in a one-way analysis of variance, and the result is clipped to [0, 1]. "
    "$S_i$ is the share of the uncertainty that fixing $X_i$ alone would remove; on "
    "$\\log N$ the model is additive, so the shares sum close to 1. With a correlation "
    "set they overlap (a correlated input carries part of its partner's share).\n"
    "- **Sobol indices with error bars**: first-order $S_i$ and total-order $S_{T,i}$ "
    f"(the share left if every input but $X_i$ were fixed: its interactions included) of "
    f"the {headline_words} and of its log, computed with SALib: a Saltelli design "
    f"of {SOBOL_BASE:,} × (inputs + 2) points of a scrambled Sobol' sequence on the unit "
    "hypercube, each coordinate mapped through its input's quantile function, then "
    "SALib's estimators (Saltelli 2010 for $S_i$, Jansen for $S_{T,i}$) with "
    f"{SOBOL_RESAMPLES} bootstrap resamples for {CONF_LEVEL:.0%} confidence intervals. "
    "The gap $S_{T,i} - S_i$ is the interaction the tornado cannot show. Checked against "
    "known answers: the Ishigami function's analytic indices, and this model's log, "
    "whose indices are exactly each input's share of $\\sum \\mathrm{Var}(\\log X_i)$. "
    "Sobol indices are defined for independent inputs, so they ignore correlations.\n"
    f"- **Claim map**: the {headline_words} on a 60 × 60 grid of two assumptions "
    "(over their ranges, or their whole allowed span), the others at their single values; "
    "the dashed contour is where it equals the claim."
)

sampled = sample_preset(data.scenario_presets)
if sampled is not None:
    st.subheader("Uncertainty from the sample itself")
    st.markdown(method_words(sampled[1], model, sampled[0]))

st.header("Assumptions")
rows = [{
    "Assumption": spec.label,
    "URL name": spec.name,
    "Default": display(spec.default, spec.unit),
    "Range": f"{display(spec.min, spec.unit)} – {display(spec.max, spec.unit)}",
    "Kind": "From the document" if spec.claims else "Assumption",
    "Source": ", ".join(spec.claims) or (spec.reference or "—"),
    "Why this default": spec.basis,
    "Meaning": spec.help,
} for spec in data.inputs.values()]
st.dataframe(pd.DataFrame(rows), hide_index=True, key="assumptions_table",
             column_config={"Why this default": st.column_config.TextColumn(width="large"),
                            "Meaning": st.column_config.TextColumn(width="large")})
download_csv(rows, "assumptions")
if (example := percent_example(data.inputs)) is not None:
    st.caption(f"Percentages are written as percent numbers in links: {example}.")

# A document without reference.yaml or caveats.yaml has no such section (no empty heading).
if data.references:
    st.header("Reference figures (not from the document)")
    for ref in data.references.values():
        st.markdown(f"- **{ref.label}: {display(ref.value, ref.unit)}** — {ref.source} "
                    f"({ref.url})")
    sources_caption(data.references.values())

if data.caveats:
    st.header("What the figures cannot tell")
    for caveat in data.caveats:
        with st.container(border=True):
            st.markdown(f"**{caveat.title}**\n\n{caveat.text}")
            st.caption("Qualifies: " + ", ".join(caveat.claims))
            sources_caption([caveat])

cite_block(data)
