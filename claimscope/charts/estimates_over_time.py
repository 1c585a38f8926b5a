"""Charts of the estimates-over-time page: the reported estimates, where their growth leads,
and the projected total per estimate.

Lower bounds ("upwards of") point up and upper estimates ("as many as") point down, so the
hedge is visible without reading the label. The target path is drawn in the target look of
the Overview's timeline, with its own dash, because it is an aim, not a forecast. Every
noun comes from the document's page block; the data columns are named in its words.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from claimscope.charts.style import KIND_MARKERS, PROVENANCE, Chart, base_layout
from claimscope.context.estimates_over_time import Growth
from claimscope.files.page_config import EstimatesOverTimePage, slug
from claimscope.text.numbers import human

BOUND_MARKERS = {
    "lower bound": {"symbol": "triangle-up", "label": "Lower bound (“upwards of”)"},
    "upper estimate": {"symbol": "triangle-down", "label": "Upper estimate (“as many as”)"},
    "stated figure": {"symbol": "circle", "label": "Stated figure"},
}
TARGET_LOOK = {"color": KIND_MARKERS["target"]["color"], "dash": "longdash"}
_CHANGE_WORDS = {2: "doubled", 3: "tripled", 4: "quadrupled"}


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


def in_words(data: pd.DataFrame, page: EstimatesOverTimePage, per_label: str = ""
             ) -> pd.DataFrame:
    """A frame's generic columns named as the document speaks ('count' -> 'cases'), for
    the data view and the CSV download."""
    names = {"count": page.counted.many, "label": f"{slug(page.counted.one)}_count"}
    if per_label:
        names["per_estimate"] = slug(per_label)
    return data.rename(columns=names)


def _axis_title(growth: Growth, page: EstimatesOverTimePage) -> str:
    """'People (cases)': the counts' unit and what they count."""
    return f"{growth.first.claim.unit.capitalize()} ({page.counted.many})"


def _reported_traces(points: pd.DataFrame, labelled: bool = True) -> list[go.Scatter]:
    """One marker trace per kind of hedge, so the legend explains the marker shapes."""
    traces = []
    for bound, group in points.groupby("bound", sort=False):
        marker = BOUND_MARKERS[bound]
        traces.append(go.Scatter(
            x=group["year"], y=group["count"], mode="markers+text" if labelled else "markers",
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


def estimates_chart(statements: pd.DataFrame, growth: Growth, path: pd.DataFrame,
                    page: EstimatesOverTimePage) -> Chart:
    """The reported counts at the years they were stated, and the implied constant growth."""
    reported = _marked(statements, growth)
    implied = path.assign(series="Implied constant growth", kind="derived")
    data = pd.concat([reported, implied], ignore_index=True)
    style = PROVENANCE["derived"]
    traces = _reported_traces(reported) + [go.Scatter(
        x=implied["year"], y=implied["count"], mode="lines",
        name=f"Implied: {rate_text(growth.rate)} a year ({style['label'].lower()})",
        line={"color": style["color"], "dash": style["dash"], "width": 2},
        hovertemplate="%{x}: %{y:,.0f}<extra>implied</extra>",
    )]
    title = (f"Reported {page.counted.one} estimates {change_words(growth.ratio)} in "
             f"{growth.years} years ({rate_text(growth.rate)} a year)")
    fig = go.Figure(data=traces, layout=base_layout(
        title, "Year of the statement", _axis_title(growth, page),
        xaxis={"dtick": 1, "range": [growth.first.year - 0.5, statements["year"].max() + 1.5]},
        yaxis={"rangemode": "tozero"}))
    return Chart(fig, in_words(data, page),
                 source=f"{page.counts_source} Implied path: derived, constant yearly growth "
                        f"from {growth.first.year} to {growth.second.year}.",
                 notes=[f"Faded marker: the same {human(growth.second.count)} statement in the "
                        "year not used for the growth rate."])


def projection_chart(statements: pd.DataFrame, growth: Growth, projection: pd.DataFrame,
                     elimination: pd.DataFrame, page: EstimatesOverTimePage) -> Chart:
    """The implied rate carried to the deadline beside a straight path to zero."""
    target = page.target_name
    reported = _marked(statements, growth).query("used_for_growth")
    data = pd.concat([
        reported,
        projection.assign(series=f"Implied growth continued ({rate_text(growth.rate)} a year)",
                          kind="derived"),
        elimination.assign(series=f"{target} target path (illustration)", kind="target"),
    ], ignore_index=True)
    derived = PROVENANCE["derived"]
    traces = _reported_traces(reported, labelled=False) + [go.Scatter(
        x=projection["year"], y=projection["count"], mode="lines",
        name=f"Implied {rate_text(growth.rate)} a year, continued (derived)",
        line={"color": derived["color"], "dash": derived["dash"], "width": 3},
        hovertemplate="%{x}: %{y:,.0f}<extra>implied growth</extra>",
    ), go.Scatter(
        x=elimination["year"], y=elimination["count"], mode="lines",
        name=f"{target} target path to {page.target_aim} (illustration, not a forecast)",
        line={"color": TARGET_LOOK["color"], "dash": TARGET_LOOK["dash"], "width": 3},
        hovertemplate=f"%{{x}}: %{{y:,.0f}}<extra>{target} target path</extra>",
    )]
    notes = [{"x": growth.deadline, "y": growth.at_deadline, "text": human(growth.at_deadline),
              "showarrow": False, "xanchor": "right", "yanchor": "bottom"},
             {"x": growth.deadline, "y": 0, "text": f"0: {target} target", "showarrow": False,
              "xanchor": "right", "yanchor": "bottom", "font": {"color": TARGET_LOOK["color"]}}]
    title = (f"Continuing {rate_text(growth.rate)} a year would mean "
             f"{human(growth.at_deadline)} by {growth.deadline}, against the {target} aim of "
             f"{page.target_aim}")
    fig = go.Figure(data=traces, layout=base_layout(
        title, "Year", _axis_title(growth, page), height=480, annotations=notes,
        margin={"t": 110},  # room for a legend that wraps on narrow screens
        xaxis={"dtick": 2}, yaxis={"rangemode": "tozero"}))
    return Chart(fig, in_words(data, page),
                 source=f"{page.counts_source} Deadline: the document ({growth.deadline}). "
                 "Both lines are arithmetic, not forecasts: one extends two differently "
                 f"defined estimates, the other draws the {target} end point as a straight "
                 "line.")


def per_estimate_chart(table: pd.DataFrame, year: int, projected: float,
                       page: EstimatesOverTimePage, label: str, unit: str) -> Chart:
    """The projected total divided among each count (`label` and `unit`: the model's words
    for the quotient and the total, e.g. 'Tonnes per case' and 'tonnes')."""
    per = label.lower()
    traces = []
    for kind, group in table.groupby("kind", sort=False):
        style = PROVENANCE[kind]
        traces.append(go.Bar(
            x=group["per_estimate"], y=group["label"], orientation="h",
            name=style["label"],
            marker={"color": style["color"], "pattern": {"shape": style["pattern"]}},
            text=[human(v) for v in group["per_estimate"]], textposition="outside",
            cliponaxis=False,
            hovertemplate=f"%{{y}}<br>%{{text}} {per}<extra></extra>",
        ))
    low, high = table["per_estimate"].min(), table["per_estimate"].max()
    spread = human(low) if low == high else f"{human(low)} to {human(high)}"
    title = f"{human(projected)} projected {unit} in {year} mean {spread} {per}"
    fig = go.Figure(data=traces, layout=base_layout(
        title, label, "", height=320,
        yaxis={"categoryorder": "array", "categoryarray": list(table["label"])[::-1],
               "automargin": True}))
    return Chart(fig, in_words(table, page, label),
                 source=f"{unit.capitalize()}: the projection on the shared assumptions "
                        f"({human(projected)} for {year}). {page.counted.one.capitalize()} "
                        "counts: the document and the assumption set on the Projection "
                        "explorer.")
