"""A self-contained HTML report of one scenario or of several side by side.

One file that opens offline, years later: the live assumption panel (the app's own
browser code, starting at the view downloaded, `claimscope.live.page`), the inputs with
their sources, the reactive sentence, the outputs, the break-even table, interactive
charts (plotly.js embedded once, inline — no CDN, no remote script, link or image), the
caveats and how to cite. Its Content-Security-Policy forbids every request. Every
piece of text goes through `html.escape`: scenario names are whatever a reader typed.
Numbers are written by the same functions as on screen (`numbers.human`, `percent`,
`display`) so the report and the page agree to the character.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from claimscope.bundle import Bundle
from claimscope.charts.projection import step_chart
from claimscope.charts.style import FONT, Chart
from claimscope.charts.uncertainty import convergence_chart, sobol_chart
from claimscope.files.inputs import InputSpec
from claimscope.link.scenarios import Scenario
from claimscope.live.page import CSP_META, LIVE_NOTE, panel_assets, panel_block
from claimscope.text.numbers import display
from claimscope.uncertainty.correlations import correlation_sentence
from claimscope.uncertainty.montecarlo import SimulationResult
from claimscope.uncertainty.montecarlo.sobol import SobolResult
from claimscope.views.citation import Citation
from claimscope.views.compare import differences_frame
from claimscope.views.evidence import citation_line, supports_text
from claimscope.views.evidence import entries as evidence_entries
from claimscope.views.narrative import reactive_sentence, verdict
from claimscope.views.projection import (
    break_even_table,
    interval_rows,
    output_rows,
    ranges_off_the_headline,
)

PLOTLY_CONFIG = {"displaylogo": False, "responsive": True}
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_STYLE = f"""
body {{ font-family: {FONT}; max-width: 980px; margin: 2rem auto; padding: 0 1rem;
       color: #1a1a1a; line-height: 1.5; }}
h1 {{ font-size: 1.6rem; }} h2 {{ margin-top: 2.5rem; border-bottom: 1px solid #ccc; }}
table {{ border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; }}
th, td {{ border: 1px solid #ccc; padding: 0.3rem 0.5rem; text-align: left;
         vertical-align: top; }}
th {{ background: #f3f3f3; }}
.note {{ color: #555; font-size: 0.9rem; }}
.holds {{ color: #006d4f; font-weight: bold; }} .fails {{ color: #a33a00; font-weight: bold; }}
blockquote {{ margin: 0.5rem 0; padding: 0.5rem 1rem; background: #f6f6f6;
             border-left: 4px solid #0072B2; }}
.chart .gtitle {{ display: none; }}
"""


@dataclass(frozen=True)
class ReportEntry:
    """One scenario in a report, with its Monte Carlo result and Sobol indices (if it has
    ranges) and link."""

    scenario: Scenario
    simulation: SimulationResult | None = None
    link: str = ""
    sobol: SobolResult | None = None


# ---- HTML pieces --------------------------------------------------------------------------

def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def markdown_bold(text: str) -> str:
    """Escaped text with `**bold**` spans (the reactive sentence's moving numbers) kept."""
    return _BOLD.sub(r"<strong>\1</strong>", _e(text))


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>"
                   for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _frame_table(frame: pd.DataFrame) -> str:
    return _table([str(c) for c in frame.columns], frame.astype(object).values.tolist())


class _Charts:
    """Chart HTML with plotly.js inlined into the first chart only."""

    def __init__(self) -> None:
        self.count = 0

    def html(self, chart: Chart) -> str:
        self.count += 1
        figure = chart.figure.to_html(
            full_html=False, include_plotlyjs=self.count == 1, include_mathjax=False,
            config=PLOTLY_CONFIG, div_id=f"claimscope-chart-{self.count}")
        notes = "".join(f'<p class="note">{_e(n)}</p>' for n in [chart.source, *chart.notes]
                        if n)
        data = (f"<details><summary>Data behind this chart</summary>"
                f"{_frame_table(chart.data)}</details>")
        # The title as a caption, which wraps; plotly's own (kept for its PNG) is hidden.
        caption = f"<figcaption><strong>{_e(chart.name)}</strong></figcaption>"
        return f'<figure class="chart">{caption}{figure}{notes}{data}</figure>'


def _source(bundle: Bundle, spec: InputSpec) -> str:
    if spec.claims:
        quotes = "; ".join(f"“{bundle.catalogue[c].quote}” ({c})" for c in spec.claims)
        return f"From the document: {spec.basis} Quoted: {quotes}"
    if spec.reference and spec.reference in bundle.references:
        ref = bundle.references[spec.reference]
        return f"Assumption: {spec.basis} Reference: {ref.source} ({ref.url})"
    return f"Assumption: {spec.basis}"


def _inputs_table(bundle: Bundle, scenario: Scenario) -> str:
    rows = []
    for name, spec in bundle.inputs.items():
        value = scenario.view.values[name]
        ranged = scenario.view.ranges.get(name)
        range_text = (f"{display(ranged.low, spec.unit)} – {display(ranged.high, spec.unit)} "
                      f"({ranged.shape})" if ranged else "—")
        rows.append((spec.label, display(value, spec.unit), display(spec.default, spec.unit),
                     range_text, _source(bundle, spec)))
    return _table(["Assumption", "Value", "Document's value", "Range (90%)", "Source"], rows)


def _break_even(bundle: Bundle, values: Mapping[str, float]) -> str:
    table = break_even_table(bundle.model, values)
    rows = [(r.assumption, r.current_text, r.holds_while, r.change_to_break_text,
             "yes" if r.reachable else "no", "yes" if r.holds_now else "no")
            for r in table.itertuples()]
    return _table(["Assumption", "Current value", "Claim holds while", "Move to break-even",
                   "Break-even within range", "Holds now"], rows)


def _scenario_section(bundle: Bundle, entry: ReportEntry, charts: _Charts) -> str:
    scenario = entry.scenario
    values = scenario.view.values
    out = bundle.model.evaluate(values)
    holds, verdict_text = verdict(bundle.model, out)
    parts = [f"<h2>{_e(scenario.name)}</h2>"]
    if scenario.why:
        parts.append(f'<p class="note">{_e(scenario.why)}</p>')
    if entry.link:
        parts.append(f'<p class="note">Link to this view: <code>{_e(entry.link)}</code></p>')
    if bundle.sentence:
        sentence = reactive_sentence(bundle.sentence, bundle.model, bundle.catalogue, values,
                                     out)
        parts.append(f"<p>{markdown_bold(sentence)}</p>")
    parts.append(f'<p class="{"holds" if holds else "fails"}">{_e(verdict_text)}</p>')
    parts.append("<h3>Outputs</h3>")
    parts.append(_table(["Output", "Value", "How it is derived"],
                        output_rows(bundle.model, values, out)))
    if entry.simulation is not None:
        parts.append("<h3>How sure is it?</h3>")
        parts.append(_table(["Figure", "Value", "Meaning"],
                            interval_rows(bundle.model, entry.simulation)))
        off_the_headline = ranges_off_the_headline(bundle.model, entry.simulation.ranged,
                                                   values)
        if off_the_headline:
            parts.append(f'<p class="note">{_e(off_the_headline)}</p>')
        sentence = correlation_sentence(entry.simulation.correlations,
                                        {name: spec.label for name, spec in bundle.inputs.items()})
        parts.append(f'<p class="note">{_e(sentence)}</p>')
        parts.append(charts.html(convergence_chart(bundle.model,
                                                   entry.simulation.convergence)))
    if entry.sobol is not None and not entry.sobol.indices.empty:
        parts.append("<h3>Which assumptions matter, with error bars</h3>")
        if entry.simulation is not None and entry.simulation.correlations:
            parts.append('<p class="note">Sobol indices are defined for independent inputs: '
                         "these ignore the correlations set.</p>")
        parts.extend(charts.html(sobol_chart(bundle.model, entry.sobol, scale))
                     for scale in ("log", "linear")
                     if (entry.sobol.indices["scale"] == scale).any())
    parts.append("<h3>Inputs</h3>")
    parts.append(_inputs_table(bundle, scenario))
    parts.append("<h3>Where the claim stops holding</h3>")
    parts.append(_break_even(bundle, values))
    if bundle.model.steps:  # a hand-written model may declare no step chart
        parts.append(charts.html(step_chart(bundle.model, values, out)))
    return "\n".join(parts)


def _citation(citation: Citation) -> str:
    return ("<h2>How to cite</h2><p><strong>Short form</strong></p>"
            f"<blockquote>{_e(citation.short)}</blockquote>"
            f"<p><strong>Long form</strong></p><blockquote>{_e(citation.long)}</blockquote>"
            f'<p class="note">The document: {_e(citation.document)}<br>'
            f"This analysis: {_e(citation.tool)}</p>")


def _sources(bundle: Bundle) -> str:
    """Every external source behind ClaimScope's own figures, with what it supports; each
    entry has the same anchor as on /evidence. Addresses are text, not links: the report
    asks for nothing remote."""
    if not bundle.sources:
        return ""
    items = "".join(
        f'<li id="{_e(entry.anchor)}">{_e(citation_line(entry.source))}'
        f'<br><span class="note">Supports: {_e(supports_text(entry))}</span></li>'
        for entry in evidence_entries(bundle))
    return ("<h2>Sources of the figures ClaimScope supplies</h2>"
            '<p class="note">Suggested ranges, presets, context data, reference figures and '
            "caveats are ClaimScope's own; they rest on these sources (or on judgements "
            "stated beside them in the app).</p>"
            f"<ol>{items}</ol>")


def _live_panel(bundle: Bundle, entries: Sequence[ReportEntry]) -> str:
    """The live panel, starting at the first scenario's view, with a way back to each."""
    starts = ([("Back to the view downloaded", entries[0].scenario.view.values)]
              if len(entries) == 1 else
              [(f"Start from: {e.scenario.name}", e.scenario.view.values) for e in entries])
    return ("<h2>Try other assumptions</h2>"
            f'<p class="note">{_e(LIVE_NOTE)} The sections after this one (charts, '
            "tables, uncertainty) are those of the view downloaded and do not follow "
            "the sliders.</p>"
            + panel_block(bundle, entries[0].scenario.view.values, starts))


def _caveats(bundle: Bundle) -> str:
    items = "".join(f"<li><strong>{_e(c.title)}.</strong> {_e(c.text)}</li>"
                    for c in bundle.caveats)
    return f"<h2>What the figures cannot tell</h2><ul>{items}</ul>"


def build_report(bundle: Bundle, entries: Sequence[ReportEntry], citation: Citation,
                 generated: str, extra_charts: Sequence[Chart] = ()) -> str:
    """The whole report as one HTML document (a str; encode as UTF-8 to save it).

    With several entries it opens with the inputs that differ and `extra_charts` (the
    comparison chart); then one section per scenario, the caveats and how to cite.
    """
    if not entries:
        raise ValueError("a report needs at least one scenario")
    meta = bundle.document.meta
    names = [e.scenario.name for e in entries]
    subject = names[0] if len(entries) == 1 else f"{len(entries)} scenarios compared"
    charts = _Charts()
    parts = [
        f"<h1>ClaimScope report: {_e(subject)}</h1>",
        f'<p class="note">Generated {_e(generated)}. Document examined: '
        f"{_e(bundle.document.citation())}</p>",
    ]
    if meta.content_note:
        parts.append(f'<p class="note"><strong>Content note.</strong> '
                     f"{_e(meta.content_note)}</p>")
    if len(entries) > 1:
        differences = differences_frame([e.scenario for e in entries], bundle.inputs)
        parts.append("<h2>Scenarios compared</h2>")
        parts.append(f"<p>{_e(', '.join(names))}.</p>")
        if differences.empty:
            parts.append("<p>The scenarios set every assumption alike.</p>")
        else:
            parts.append("<h3>Inputs that differ</h3>")
            parts.append(_frame_table(differences.drop(columns="input").rename(
                columns={"assumption": "Assumption"})))
        parts.extend(charts.html(chart) for chart in extra_charts)
    parts.append(_live_panel(bundle, entries))
    parts.extend(_scenario_section(bundle, entry, charts) for entry in entries)
    parts.append(_caveats(bundle))
    parts.append(_sources(bundle))
    parts.append(_citation(citation))
    parts.append(f'<p class="note">Source document: {_e(meta["author"])}, '
                 f"{_e(meta['title'])} ({_e(meta['date'])}). {_e(meta['publisher'])}."
                 + (f" {_e(meta.care_note)}" if meta.care_note else "") + "</p>")
    body = "\n".join(parts)
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">{CSP_META}'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_e(f'ClaimScope report: {subject}')}</title><style>{_STYLE}</style>"
            f"</head><body>\n{body}\n{panel_assets(bundle)}</body></html>\n")
