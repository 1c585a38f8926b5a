"""ECPAT's projection (DESIGN §4.2): seized images, scaled from five forces to the nation.

Document code: the one place this document's formula, outputs and base year are written.
Loaded by `claimscope.document_code`; it may import the core, never the UI.
"""

from __future__ import annotations

from collections.abc import Mapping

from claimscope.catalogue import Catalogue
from claimscope.inputs import InputSpec
from claimscope.model import ArrayLike, Model, Outputs, OutputSpec, Step
from claimscope.numbers import display, human
from claimscope.references import Reference

CLAIMED_TOTAL = "national-total-claim"
WINDOW_END = "window-end"  # growth is applied from the year the reporting window ends
POPULATION = "ew-population-mid-2010"
NATIONAL = "seized × distinct share ÷ (population share × rate ratio × coverage)"


def build_model(catalogue: Catalogue, inputs: Mapping[str, InputSpec],
                references: Mapping[str, Reference]) -> Model:
    base_year = catalogue.value(WINDOW_END)
    population = references[POPULATION].value

    def compute(v: Mapping[str, ArrayLike]) -> dict[str, ArrayLike]:
        national = v["seized"] * v["unique"] / (v["share"] * v["rate_ratio"] * v["coverage"])
        projected = national * (1.0 + v["growth"]) ** (v["year"] - base_year)
        return {"national": national, "per_year": national * 12.0 / v["months"],
                "per_resident": national / population, "projected": projected,
                "global_total": projected / v["global_share"],
                "per_offender": projected / v["offenders"]}

    def steps(values: Mapping[str, float], out: Outputs) -> list[Step]:
        return [
            Step("Seized by the responding forces", values["seized"], "reported",
                 "as reported"),
            Step("Distinct images", values["seized"] * values["unique"] / 100, "assumed",
                 f"× {display(values['unique'], 'percent')} distinct"),
            Step("National total over the window", float(out["national"]), "derived",
                 f"÷ ({display(values['share'], 'percent')} population share × "
                 f"{display(values['rate_ratio'], 'ratio')} rate ratio × "
                 f"{display(values['coverage'], 'percent')} coverage)"),
            Step(f"Projected to {values['year']:.0f}", float(out["projected"]), "assumed",
                 f"× (1 + {display(values['growth'], 'percent')})^"
                 f"{values['year'] - base_year:.0f}"),
            Step("Global total", float(out["global_total"]), "assumed",
                 f"÷ {display(values['global_share'], 'percent')} share of the world"),
        ]

    claim = catalogue[CLAIMED_TOTAL]
    return Model(
        inputs=inputs,
        outputs=(
            OutputSpec("national", "National total over the window", "images", NATIONAL,
                       r"N = \frac{\text{seized} \times \text{unique}}"
                       r"{\text{share} \times \text{rate\_ratio} \times \text{coverage}}"),
            OutputSpec("per_year", "Per year", "images",
                       "national total × 12 ÷ months in the window",
                       r"N_{\text{year}} = N \times 12 / \text{months}"),
            OutputSpec("per_resident", "Per resident", "images",
                       f"national total ÷ {human(population)} residents (mid-2010)",
                       rf"N / {population:,.0f}".replace(",", "{,}")),
            OutputSpec("projected", "Projected to {year:.0f}", "images",
                       f"national total × (1 + growth)^(year − {base_year:.0f})",
                       rf"N_{{\text{{year}}}} = N \times (1 + \text{{growth}})^"
                       rf"{{\text{{year}} - {base_year:.0f}}}", kind="assumed"),
            OutputSpec("global_total", "Global total", "images",
                       "projected total ÷ England and Wales's share",
                       r"G = N_{\text{year}} / \text{global\_share}", kind="assumed"),
            OutputSpec("per_offender", "Images per offender", "images",
                       "projected total ÷ offender count",
                       r"N_{\text{year}} / \text{offenders}", kind="assumed"),
        ),
        compute=compute,
        headline="national",
        threshold=claim.value,
        threshold_text=f"in excess of {human(claim.value)}",
        claim=CLAIMED_TOTAL,
        elasticities={"seized": 1, "unique": 1, "share": -1, "rate_ratio": -1, "coverage": -1},
        steps=steps,
        compared=("national", "global_total"),
    )
