"""A chart's PNG download: named after the chart, wide enough for its one-line title."""

from __future__ import annotations

from components.charts import EXPORT_MIN_WIDTH, plotly_config


def test_the_png_is_named_after_the_chart_and_fits_a_long_title() -> None:
    short = plotly_config("steps", "A short title")["toImageButtonOptions"]
    long = plotly_config("steps", "x" * 200)["toImageButtonOptions"]
    assert short["filename"] == "claimscope-steps" and short["format"] == "png"
    assert short["width"] == EXPORT_MIN_WIDTH
    assert long["width"] > 2000  # 200 characters of 16 px bold text
