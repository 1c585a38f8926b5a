"""The shared chart helpers draw exactly what plotly's own helpers would."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from claimscope.charts.style import reference_line


@pytest.mark.parametrize("axis", ["x", "y"])
@pytest.mark.parametrize("position", ["top right", "top left", "bottom right", "bottom left"])
def test_reference_line_matches_plotlys_add_line(axis: str, position: str) -> None:
    ours, theirs = go.Figure(go.Bar(x=[1, 2], y=[3, 4])), go.Figure(go.Bar(x=[1, 2], y=[3, 4]))
    reference_line(ours, axis, 1.5, "#D55E00", "label", position, dash="dot", width=2,
                   font_color="#000000", background="white")
    add = theirs.add_vline if axis == "x" else theirs.add_hline
    add(1.5, line_color="#D55E00", line_dash="dot", line_width=2, annotation_text="label",
        annotation_position=position, annotation_font_color="#000000",
        annotation_bgcolor="white")
    assert ours.to_plotly_json()["layout"] == theirs.to_plotly_json()["layout"]
