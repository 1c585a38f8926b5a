"""Charts of the Offenders page: the reported estimates, where their growth leads, and
images per offender.

Lower bounds ("upwards of") point up and upper estimates ("as many as") point down, so the
hedge is visible without reading the label. The SDG path is drawn in the target look of the
Overview's timeline, with its own dash, because it is an aim, not a forecast.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from claimscope.charts.style import KIND_MARKERS, PROVENANCE, Chart, base_layout
from claimscope.estimates_over_time import Growth
from claimscope.numbers import human

BOUND_MARKERS = {
    "lower bound": {"symbol": "triangle-up", "label": "Lower bound (“upwards of”)"},
    "upper estimate": {"symbol": "triangle-down", "label": "Upper estimate (“as many as”)"},
    "stated figure": {"symbol": "circle", "label": "Stated figure"},
}
TARGET_LINE = {"color": KIND_MARKERS["target"]["color"], "dash": "longdash",
               "label": "SDG target path to elimination (illustration, not a forecast)"}
_CHANGE_WORDS = {2: "doubled", 3: "tripled", 4: "quadrupled"}
_SOURCE = ("Reported counts: the document (National Crime Agency, October 2014; Chief "
           "Constable Simon Bailey, 2016 and 2017).")


def change_words(ratio: float) -> str:
    """'doubled' for 2, 'halved' for 0.5, otherwise 'changed 1.5-fold'."""
    if ratio in _CHANGE_WORDS:
        return _CHANGE_WORDS[ratio]
    if ratio == 0.5:
        return "halved"
    return f"changed {ratio:.3g}-fold"


def rate_text(rate: float) -> str:
    """A yearly growth fraction to one decimal, zeros kept: 0.41421 -> '41.4%', '26.0%'."""
    return f"{rate * 100:.1f}%"


def _reported_traces(points: pd.DataFrame, labelled: bool = True) -> list[go.Scatter]:
    """One marker trace per kind of hedge, so the legend explains the marker shapes."""
    traces = []
    for bound, group in points.groupby("bound", sort=False):
        marker = BOUND_MARKERS[bound]
        traces.append(go.Scatter(
            x=group["year"], y=group["offenders"], mode="markers+text" if labelled else "markers",
            name=marker["label"],
            marker={"symbol": marker["symbol"], "size": 16,
                    "color": PROVENANCE["reported"]["color"],
                    "opacity": [1.0 if used else 0.4 for used in group["used_for_growth"]]},
            text=group["as_written"], textposition="middle right",
            customdata=group[["who"]],
            hovertemplate="%{x}: %{text}<br>%{customdata[0]}<extra></extra>",
        ))
    return traces


def _marked(statements: pd.DataFrame, growth: Growth) -> pd.DataFrame:
    """The statements, each flagged by whether the growth rate uses it."""
    return statements.assign(
        series="Reported", kind="reported",
        used_for_growth=statements["year"].isin([growth.first.year, growth.second.year]))


def estimates_chart(statements: pd.DataFrame, growth: Growth, path: pd.DataFrame) -> Chart:
    """The reported counts at the years they were stated, and the implied constant growth."""
    reported = _marked(statements, growth)
    implied = path.assign(series="Implied constant growth", kind="derived")
    data = pd.concat([reported, implied], ignore_index=True)
    style = PROVENANCE["derived"]
    traces = _reported_traces(reported) + [go.Scatter(
        x=implied["year"], y=implied["offenders"], mode="lines",
        name=f"Implied: {rate_text(growth.rate)} a year ({style['label'].lower()})",
        line={"color": style["color"], "dash": style["dash"], "width": 2},
        hovertemplate="%{x}: %{y:,.0f}<extra>implied</extra>",
    )]
    title = (f"Reported offender estimates {change_words(growth.ratio)} in {growth.years} "
             f"years ({rate_text(growth.rate)} a year)")
    fig = go.Figure(data=traces, layout=base_layout(
        title, "Year of the statement", "People (offenders)",
        xaxis={"dtick": 1, "range": [growth.first.year - 0.5, statements["year"].max() + 1.5]},
        yaxis={"rangemode": "tozero"}))
    return Chart(fig, data, source=_SOURCE + " Implied path: derived, constant yearly growth "
                 f"from {growth.first.year} to {growth.second.year}.",
                 notes=["Faded marker: the same 100,000 statement in the year not used for "
                        "the growth rate."])


def projection_chart(statements: pd.DataFrame, growth: Growth, projection: pd.DataFrame,
                     elimination: pd.DataFrame) -> Chart:
    """The implied rate carried to the deadline beside a straight path to zero."""
    reported = _marked(statements, growth).query("used_for_growth")
    data = pd.concat([
        reported,
        projection.assign(series=f"Implied growth continued ({rate_text(growth.rate)} a year)",
                          kind="derived"),
        elimination.assign(series="SDG target path (illustration)", kind="target"),
    ], ignore_index=True)
    derived = PROVENANCE["derived"]
    traces = _reported_traces(reported, labelled=False) + [go.Scatter(
        x=projection["year"], y=projection["offenders"], mode="lines",
        name=f"Implied {rate_text(growth.rate)} a year, continued (derived)",
        line={"color": derived["color"], "dash": derived["dash"], "width": 3},
        hovertemplate="%{x}: %{y:,.0f}<extra>implied growth</extra>",
    ), go.Scatter(
        x=elimination["year"], y=elimination["offenders"], mode="lines", name=TARGET_LINE["label"],
        line={"color": TARGET_LINE["color"], "dash": TARGET_LINE["dash"], "width": 3},
        hovertemplate="%{x}: %{y:,.0f}<extra>SDG target path</extra>",
    )]
    notes = [{"x": growth.deadline, "y": growth.at_deadline, "text": human(growth.at_deadline),
              "showarrow": False, "xanchor": "right", "yanchor": "bottom"},
             {"x": growth.deadline, "y": 0, "text": "0: SDG target", "showarrow": False,
              "xanchor": "right", "yanchor": "bottom", "font": {"color": TARGET_LINE["color"]}}]
    title = (f"Continuing {rate_text(growth.rate)} a year would mean "
             f"{human(growth.at_deadline)} by {growth.deadline}, against the SDG aim of "
             "elimination")
    fig = go.Figure(data=traces, layout=base_layout(
        title, "Year", "People (offenders)", height=480, annotations=notes,
        margin={"t": 110},  # room for a legend that wraps on narrow screens
        xaxis={"dtick": 2}, yaxis={"rangemode": "tozero"}))
    return Chart(fig, data, source=_SOURCE + f" Deadline: the document ({growth.deadline}). "
                 "Both lines are arithmetic, not forecasts: one extends two differently "
                 "defined estimates, the other draws the SDG end point as a straight line.")


def per_estimate_chart(table: pd.DataFrame, year: int, projected: float) -> Chart:
    """Projected images divided among each offender count."""
    traces = []
    for kind, group in table.groupby("kind", sort=False):
        style = PROVENANCE[kind]
        traces.append(go.Bar(
            x=group["images_per_offender"], y=group["offender_count"], orientation="h",
            name=style["label"],
            marker={"color": style["color"], "pattern": {"shape": style["pattern"]}},
            text=[human(v) for v in group["images_per_offender"]], textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}<br>%{text} images per offender<extra></extra>",
        ))
    low, high = table["images_per_offender"].min(), table["images_per_offender"].max()
    spread = human(low) if low == high else f"{human(low)} to {human(high)}"
    title = (f"{human(projected)} projected images in {year} mean {spread} images "
             "per offender")
    fig = go.Figure(data=traces, layout=base_layout(
        title, "Images per offender", "", height=320,
        yaxis={"categoryorder": "array", "categoryarray": list(table["offender_count"])[::-1],
               "automargin": True}))
    return Chart(fig, table, source="Images: the projection on the shared assumptions "
                 f"({human(projected)} for {year}). Offender counts: the document and the "
                 "assumption set on the Projection explorer.")
