"""Monte Carlo uncertainty for the projection (README, "Pages"): pure, vectorised, reproducible.

- `engine`: `run` → `Simulation` (draws in memory) and `simulate` → `SimulationResult`;
- `summary`: the small, picklable result types, quantiles and histograms;
- `sensitivity`: variance shares from the draws, and the deterministic sweeps `tornado` and
  `claim_map`.

All values a person sees are in display units (percent numbers).
"""

from claimscope.uncertainty.montecarlo.engine import Simulation, input_generator, run, simulate
from claimscope.uncertainty.montecarlo.sensitivity import (
    ClaimMap,
    claim_map,
    tornado,
    variance_shares,
)
from claimscope.uncertainty.montecarlo.summary import Histogram, OutputSummary, SimulationResult

__all__ = [
    "ClaimMap", "Histogram", "OutputSummary", "Simulation", "SimulationResult", "claim_map",
    "input_generator", "run", "simulate", "tornado", "variance_shares",
]
