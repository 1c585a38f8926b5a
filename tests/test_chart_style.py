"""The shared chart helpers draw exactly what plotly's own helpers would."""

from __future__ import annotations

import math

import plotly.graph_objects as go
import pytest

from claimscope.charts.style import base_layout, claim_line, reference_line


@pytest.mark.parametrize("axis", ["x", "y"])
@pytest.mark.parametrize("position", ["top right", "top left", "bottom right", "bottom left"])
def test_reference_line_matches_plotlys_add_line(axis: str, position: str) -> None:
    line = reference_line(axis, 1.5, "#D55E00", "label", position, dash="dot", width=2,
                          font_color="#000000", background="white")
    ours = go.Figure(go.Bar(x=[1, 2], y=[3, 4]),
                     layout={"shapes": [line.shape], "annotations": [line.note]})
    theirs = go.Figure(go.Bar(x=[1, 2], y=[3, 4]))
    add = theirs.add_vline if axis == "x" else theirs.add_hline
    add(1.5, line_color="#D55E00", line_dash="dot", line_width=2, annotation_text="label",
        annotation_position=position, annotation_font_color="#000000",
        annotation_bgcolor="white")
    assert ours.to_plotly_json()["layout"] == theirs.to_plotly_json()["layout"]


@pytest.mark.parametrize("axis", ["x", "y"])
def test_a_line_label_on_a_log_axis_is_placed_by_the_logarithm(axis: str) -> None:
    """Plotly places annotations on a log axis by log10 of the value, shapes by the value:
    a label at the value itself is drawn nowhere and leaves the line unnamed."""
    line = claim_line(3e8, "Claim", axis=axis)
    logged = base_layout("t", lines=[line], **{f"{axis}axis": {"type": "log"}})
    assert logged["shapes"][0][f"{axis}0"] == 3e8
    assert logged["annotations"][0][axis] == pytest.approx(math.log10(3e8))
    assert base_layout("t", lines=[line])["annotations"][0][axis] == 3e8
    assert line.note[axis] == 3e8  # the line itself is left as it was


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str = "#FFFFFF") -> float:
    light, dark = sorted([_luminance(a), _luminance(b)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_every_palette_colour_reads_as_text_on_white() -> None:
    """WCAG 2.1 AA: 4.5:1 for text (annotations use the palette), so 3:1 for marks too."""
    from claimscope.charts.style import CLAIM_LINE, OKABE_ITO, PROVENANCE

    colours = {**OKABE_ITO, "claim": CLAIM_LINE,
               **{name: style["color"] for name, style in PROVENANCE.items()}}
    low = {name: round(contrast(c), 2) for name, c in colours.items() if contrast(c) < 4.5}
    assert low == {}


def test_provenance_differs_without_colour() -> None:
    """Reported, derived, assumed and context each have their own pattern and dash."""
    from claimscope.charts.style import PROVENANCE

    assert len({s["pattern"] for s in PROVENANCE.values()}) == len(PROVENANCE)
    assert len({s["dash"] for s in PROVENANCE.values()}) == len(PROVENANCE)
