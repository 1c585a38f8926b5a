"""The verdict's margin: how far the headline lies from the claim's figure, as a percent
number (10.0 where the headline is 10 % above or below it).

One SymPy expression: numpy evaluates it for the server's verdict
(`claimscope.views.narrative.verdict`) and the JavaScript printer writes it into the
browser's model script (`CLAIMSCOPE_MODEL.margin`, claimscope.model.printing.javascript),
so the panel and the server say the same margin for the same headline.
"""

from __future__ import annotations

import numpy as np
import sympy

from claimscope.model.printing.numpy import numpy_function

HEADLINE = sympy.Symbol("headline", real=True)
THRESHOLD = sympy.Symbol("threshold", real=True)
MARGIN = sympy.Abs(HEADLINE / THRESHOLD - 1) * 100

_margin = numpy_function([HEADLINE, THRESHOLD], MARGIN)


def margin(headline: float, threshold: float) -> float:
    """`MARGIN` for one headline and threshold (inf or nan where they make no margin)."""
    with np.errstate(all="ignore"):
        return float(_margin(np.float64(headline), np.float64(threshold)))
