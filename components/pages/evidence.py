"""Evidence (/evidence): every external source behind the figures ClaimScope supplies itself
(ranges, presets, context data, reference figures, caveats), what was read of it, its exact
words, and what it supports (README, "Data and credits")."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from claimscope.text.numbers import display
from claimscope.views.evidence import (
    entries,
    link,
    sample_title,
    sample_units_named,
    sources_markdown,
    supports_text,
)
from components.charts import download_csv
from components.context import bundle

data = bundle()
sample_named = sample_units_named(data)
st.title("Evidence")
st.markdown(
    "The document's own numbers are traced to its words on the Overview and Source pages. "
    "Everything else ClaimScope shows — the suggested ranges, the preset scenarios, "
    + (f"the context data on {sample_named}, " if sample_named else "")
    + "the reference figures and the caveats — is ClaimScope's own claim. Each rests on the "
    "published sources listed here, or says that it is a **judgement** and why. Quotes are "
    "copied from the stored copies found with a search tool; most were read from an "
    "**excerpt** (the stored copy is cut off or partial), as each entry says."
)
if not data.sources:
    st.info("This document's folder lists no external sources.")
    st.stop()


def judgement_note(record) -> None:
    if getattr(record, "judgement", None):
        st.caption(f"Judgement: {record.judgement}")


st.header("What rests on which source")
st.subheader("Suggested ranges")
for name, preset in data.range_presets.items():
    spec = data.inputs[name]
    with st.container(border=True):
        st.markdown(f"**{spec.label}: {display(preset.low, spec.unit)} – "
                    f"{display(preset.high, spec.unit)}** ({preset.shape})\n\n{preset.why}")
        st.markdown(f"Sources: {sources_markdown(preset, data.sources)}")
        judgement_note(preset)

st.subheader("Preset scenarios")
for scenario in data.scenario_presets:
    cited = list(dict.fromkeys(c.source for c in scenario.cites))
    if cited:
        links = " · ".join(f"[{data.sources[c].author}, {data.sources[c].date[:4]}]"
                           f"({link(c)})" if c in data.sources else f"[{c}]({c})"
                           for c in cited)
        st.markdown(f"- **{scenario.name}** — {scenario.why} Sources: {links}")
    else:
        st.markdown(f"- **{scenario.name}** — {scenario.why} (sets no figure of its own, "
                    "or is labelled hypothetical)")

if data.sample_units is not None:
    st.subheader(sample_title(data))
    sample = data.sample_units
    for name, record in [("Totals", sample.totals), ("The request", sample.request),
                         *[(g.name, g) for g in sample.groups],
                         *[(a.label, a) for a in sample.alternatives]]:
        st.markdown(f"- **{name}** — {sources_markdown(record, data.sources)}")

st.subheader("Reference figures")
for ref in data.references.values():
    st.markdown(f"- **{ref.label}: {display(ref.value, ref.unit)}** — "
                f"{sources_markdown(ref, data.sources) or 'no source'}")
    judgement_note(ref)

st.header("The sources")
rows = []
for entry in entries(data):
    source = entry.source
    rows.append({"id": source.id, "author": source.author, "title": source.title,
                 "date": source.date, "url": source.url, "read": source.read,
                 "supports": supports_text(entry)})
    st.subheader(f"{source.author} ({source.date})", anchor=entry.anchor, divider="gray")
    publisher = f" {source.publisher}." if source.publisher else ""
    read = ("read in full" if source.read == "full"
            else "read from an excerpt (the stored copy is partial)")
    st.markdown(f"“{source.title}”.{publisher} [{source.url}]({source.url}) — {read}.")
    for quote in source.quotes:
        st.markdown("> " + quote.replace("\n", " ").replace("$", "\\$"))
    if source.note:
        st.caption(source.note)
    st.markdown("**Supports:** " + "; ".join(
        f"{text} ([/{page}]({page}))" if page else text for text, page in entry.supported))

download_csv(pd.DataFrame(rows), "sources")
