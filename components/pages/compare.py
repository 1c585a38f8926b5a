"""Compare scenarios (/compare): whole assumption sets side by side, against the claim."""

from __future__ import annotations

import streamlit as st

from claimscope.charts.compare import compare_chart
from claimscope.charts.report import ReportEntry
from claimscope.link.scenarios import Scenario
from claimscope.text.markdown import escape_markdown
from claimscope.views.compare import differences_frame, totals_frame
from components import scenario_store as store
from components.charts import download_csv, show_chart
from components.citation import cite_block
from components.context import bundle, scoped
from components.copy_block import copy_block
from components.evidence_links import sources_caption
from components.report_download import make_report, report_button
from components.share import (
    address,
    base_url,
    compare_link,
    consume_compare_link,
    files,
    view_link,
)
from components.simulation_cache import run_simulation

MAX_COMPARED = 6
# The reader's choice lives under CHOSEN, not under the multiselect's own key: Streamlit
# drops a widget's state on a page that does not draw it, so the choice would reset after
# a visit to another page. Each document has its own.
CHOSEN = scoped("compare_chosen")
CHOICE = "compare_choice"  # the multiselect


def keep_choice() -> None:
    st.session_state[CHOSEN] = list(st.session_state[CHOICE])


data = bundle()

from_link = consume_compare_link(data)
if from_link is not None:
    if from_link:
        st.session_state[CHOSEN] = from_link[:MAX_COMPARED]
    st.rerun()  # the notices above this page were drawn before the link was read

st.title("Compare scenarios")
compared = escape_markdown(" and ".join(out.label.lower()
                                         for out in data.model.compared_outputs))
st.markdown(
    "A scenario is a whole set of assumptions with a name. Compare presets shipped with "
    "ClaimScope and the scenarios you saved (on this page or the projection explorer): "
    f"the assumptions that differ, and what each does to the {compared} against the "
    "document's claim.")


def compare_too(scenario: Scenario) -> None:
    """A scenario saved on this page joins the comparison (while there is room)."""
    chosen = st.session_state.get(CHOSEN, [])
    if len(chosen) < MAX_COMPARED and scenario.name not in chosen:
        st.session_state[CHOSEN] = [*chosen, scenario.name]


def first_choice(names: list[str], linked: list[str], saved: list[str]) -> list[str]:
    """What a first visit compares: the first scenario listed (the first preset, if the
    document has presets) with those the reader brought or saved, else the first two;
    each once (without presets the first listed is itself a saved one)."""
    mine = linked + saved
    chosen = [names[0], *mine] if mine else names[:2]
    return list(dict.fromkeys(chosen))[:MAX_COMPARED]


@st.fragment
def comparison() -> None:
    """Everything below the introduction, as a fragment: a save, a change of choice, a
    deletion or an import reruns only this part, which holds all that lists saved
    scenarios (a scenario saved here is at once in the choice and, while there is room,
    compared); what the save did is said first, before the comparison is worked out."""
    data = bundle()
    specs = data.inputs
    store.messages()
    store.save_control("compare_save", then=compare_too)

    scenarios = {s.name: s for s in store.available()}  # names are unique
    names = list(scenarios)
    if CHOSEN not in st.session_state:
        st.session_state[CHOSEN] = first_choice(names, [s.name for s in store.linked()],
                                                [s.name for s in store.saved()])
    st.session_state[CHOSEN] = st.session_state[CHOICE] = list(dict.fromkeys(
        n for n in st.session_state[CHOSEN] if n in scenarios))
    chosen_names: list[str] = []
    if len(names) >= 2:  # with fewer, an empty (disabled) picker would only confuse
        chosen_names = st.multiselect(f"Scenarios to compare (up to {MAX_COMPARED})", names,
                                      key=CHOICE, max_selections=MAX_COMPARED,
                                      on_change=keep_choice)
    chosen = [scenarios[n] for n in dict.fromkeys(chosen_names) if n in scenarios]

    if store.presets():
        with st.expander("What each preset asks"):
            for preset in store.presets():
                st.markdown(f"- **{escape_markdown(preset.name)}** — "
                            f"{escape_markdown(preset.why)}")
                sources_caption([], [cited.source for cited in preset.cites])

    cite_link = address("compare", {})
    if len(chosen) < 2:
        st.info("Choose at least two scenarios to compare." if len(names) >= 2 else
                "Save at least two scenarios (below, or on the Projection explorer) to "
                "compare them.")
    else:
        st.header("Assumptions that differ")
        differences = differences_frame(chosen, specs)
        if differences.empty:
            st.markdown("These scenarios set every assumption alike.")
        else:
            st.dataframe(differences.drop(columns="input"), hide_index=True,
                         key="compare_differences")
            download_csv(differences, "compare-differences")
        simulations = {s.name: run_simulation(data, s.view) if s.view.ranges else None
                       for s in chosen}
        totals = totals_frame(chosen, data.model, simulations)
        chart = compare_chart(totals, data.model)
        show_chart(chart, key="compare_totals")

        st.header("Share this comparison")
        compare_url = cite_link = compare_link(data, chosen)
        st.markdown("**Copy link** to this comparison (it carries the scenarios themselves):")
        copy_block(compare_url, "the link to this comparison", "compare_copy_link")
        links = [{"scenario": s.name, "link": view_link(data, view=s.view)}
                 for s in chosen]
        st.markdown("Each scenario on its own, in the projection explorer:")
        st.dataframe(links, hide_index=True, key="compare_links")
        download_csv(links, "compare-links")
        entries = [ReportEntry(s, simulations[s.name], row["link"])
                   for s, row in zip(chosen, links, strict=True)]
        report_button(make_report(data, entries, compare_url, (chart,)),
                      "claimscope-comparison.html", "compare_report")

    st.header("Saved scenarios")
    store.saved_list(base_url(), "compare")
    files(data, None, "compare_files")
    cite_block(data, cite_link)


comparison()
