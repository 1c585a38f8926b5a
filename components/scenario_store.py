"""The reader's scenarios: presets from the document's `scenarios.yaml`, those a compare
link brought (this session only), and the reader's saved ones, kept in the store
(claimscope/store) under their browser's owner token (`owner_token.py`), each with a
short link, `?scenario=<id>`.

Names are readers' text: they are shown only as plain text (tables, code blocks, option
lists) or Markdown-escaped. When the database cannot be used, every page still works:
the saved list is empty with a plain notice, and saving says it is unavailable.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from claimscope.link.scenario_presets import resampled_ranges
from claimscope.link.scenarios import (
    SAVED_PARAM,
    Scenario,
    clean_name,
    link,
    merge,
    saved_id_from_link,
    view_from_params,
    view_params,
)
from claimscope.store.database import StoreLimit, StoreUnavailable, open_store
from claimscope.store.scenarios import (
    Draft,
    SavedScenario,
    delete_scenarios,
    owner_scenarios,
    save_scenarios,
)
from claimscope.store.scenarios import scenario as stored_scenario
from claimscope.text.markdown import escape_markdown
from components import state
from components.charts import download_csv
from components.context import bundle, scoped
from components.owner_token import owner

LINKED = "linked_scenarios"  # a compare link's scenarios, kept for the session (`scoped`)
MESSAGES = "scenario_messages"  # (kind, text) pairs shown once by `messages()`
LINK_SEEN = "saved_scenario_link_seen"  # the `scenario=` value already opened
OPENED = "saved_scenario_opened"  # the name of the saved scenario a link opened
UNAVAILABLE = ("Saved scenarios are unavailable right now: the database cannot be "
               "reached. Presets, links and scenario files still work.")


def presets() -> list[Scenario]:
    return bundle().scenario_presets


def linked() -> list[Scenario]:
    return st.session_state.setdefault(scoped(LINKED), [])


def _document_id() -> str:
    return bundle().document.served_id


def _scenario(record: SavedScenario) -> Scenario:
    """A stored scenario as the pages use it: its parameters through the link validation
    (what changed since it was saved is kept changed; the store keeps what was saved)."""
    data = bundle()
    view, _ = view_from_params(record.params, data.model,
                               resampled_ranges(data.scenario_presets))
    return Scenario(record.name, view, record.why, saved_id=record.id)


def _read_saved() -> list[Scenario]:
    """The reader's saved scenarios of this document, oldest first; raises
    StoreUnavailable when the database cannot be reached."""
    return [_scenario(record)
            for record in owner_scenarios(open_store(), owner(), _document_id())]


def saved() -> list[Scenario]:
    """The reader's saved scenarios of this document ([] if the store is unavailable:
    `saved_list` says so)."""
    try:
        return _read_saved()
    except StoreUnavailable:
        return []


def available() -> list[Scenario]:
    """Presets first, then those a link brought, then the reader's own; names unique."""
    return presets() + linked() + saved()


def by_name(name: str) -> Scenario | None:
    return next((s for s in available() if s.name == name), None)


def add(incoming: list[Scenario]) -> list[Scenario]:
    """Save scenarios to the store (renaming clashes); returns them as saved, or [] with a
    message if they could not be saved."""
    if not incoming:
        return []
    data = bundle()
    drafts = [Draft(s.name, view_params(s.view, data.inputs), s.why) for s in incoming]
    reserved = [s.name for s in presets() + linked()]
    try:
        records, renamed = save_scenarios(open_store(), owner(), _document_id(), drafts,
                                          reserved)
    except StoreUnavailable:
        say("error", ["Not saved: " + UNAVAILABLE])
        return []
    except StoreLimit as limit:
        say("error", [f"Not saved: {limit}"])
        return []
    say("warning", [escape_markdown(message) for message in renamed])
    return [_scenario(record) for record in records]


def add_linked(incoming: list[Scenario]) -> list[Scenario]:
    """Keep a link's scenarios for this session (renaming clashes); returns them as named."""
    reserved = [s.name for s in presets() + saved()]
    merged, renamed = merge(linked(), incoming, reserved=reserved)
    st.session_state[scoped(LINKED)] = merged
    say("warning", [escape_markdown(message) for message in renamed])
    return merged[len(merged) - len(incoming):]


def say(kind: str, texts: list[str]) -> None:
    """Queue Markdown messages (`kind`: success, warning, error) for the next `messages()`:
    they are set in callbacks, before the page that shows them is drawn. A reader's text is
    escaped where it is put into a message (the core's notices come escaped already), so
    nothing is escaped twice."""
    st.session_state.setdefault(MESSAGES, []).extend((kind, t) for t in texts)


def messages() -> None:
    """What the last save, import or link did (each message shown once)."""
    for kind, text in st.session_state.pop(MESSAGES, []):
        getattr(st, kind)(text)


def _save(name_key: str, then: Callable[[Scenario], None] | None) -> None:
    name = clean_name(st.session_state.get(name_key) or "")
    if not name:
        say("warning", ["Give the scenario a name first."])
        return
    added = add([Scenario(name, state.view())])
    if not added:
        return
    st.session_state[name_key] = ""
    say("success", [f"Saved “{escape_markdown(added[0].name)}”."])
    if then is not None:
        then(added[0])


def save_control(key: str = "save", then: Callable[[Scenario], None] | None = None) -> None:
    """A name field and a button saving the current assumptions under that name; `then`
    is called with the saved scenario (e.g. to add it to a comparison).

    Pages draw it inside an `st.fragment` with `messages()` and everything that lists
    saved scenarios, so a save reruns only that part and the new scenario can be chosen
    at once (README, "Saved scenarios")."""
    name_key = f"{key}_name"
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    left.text_input("Name for the current assumptions", key=name_key, max_chars=80,
                    placeholder="e.g. My cautious case")
    right.button("Save scenario", key=f"{key}_button", on_click=_save,
                 args=(name_key, then))


def saved_list(base: str, key: str) -> None:
    """The reader's saved scenarios with their links, and a control to delete them."""
    try:  # one read tells both what is kept and whether the database answers
        kept = _read_saved()
    except StoreUnavailable:
        st.info(UNAVAILABLE)
        return
    if not kept:
        st.caption("No saved scenarios yet. Saved scenarios are kept for this browser.")
        return
    st.caption("Kept for this browser (no account needed). Anyone with a scenario's link "
               "can open it.")
    rows = [{"scenario": s.name,
             "link": link(base, "projection", {SAVED_PARAM: s.saved_id})} for s in kept]
    st.dataframe(rows, hide_index=True, key=f"{key}_saved_links",
                 column_config={"link": st.column_config.LinkColumn("link")})
    download_csv(rows, f"{key}-saved-scenarios")

    def remove() -> None:
        gone = set(st.session_state.get(f"{key}_remove_names") or [])
        ids = [s.saved_id for s in saved() if s.name in gone and s.saved_id]
        try:
            count = delete_scenarios(open_store(), owner(), ids)
        except StoreUnavailable:
            say("error", ["Not deleted: " + UNAVAILABLE])
            return
        say("success", [f"Deleted {count} saved scenario{'s' if count != 1 else ''}."])

    left, right = st.columns([3, 1], vertical_alignment="bottom")
    left.multiselect("Delete saved scenarios", [s.name for s in kept],
                     key=f"{key}_remove_names")
    right.button("Delete", key=f"{key}_remove", on_click=remove)


def apply(name_key: str) -> None:
    """Callback: show the scenario named in `st.session_state[name_key]`. The whole page
    reruns (the control sits in a fragment, and the view is the whole page's)."""
    scenario = by_name(st.session_state.get(name_key) or "")
    if scenario is None:
        return
    show(scenario)
    say("success", [f"Now showing “{escape_markdown(scenario.name)}”."])
    st.rerun()


def show(scenario: Scenario) -> None:
    """Make the scenario's view the session's."""
    for name, value in scenario.view.values.items():
        state.set_value(name, value)
        state.set_range(name, scenario.view.ranges.get(name))
    state.set_simulation(scenario.view.samples, scenario.view.seed)
    state.set_correlations(scenario.view.correlations)


def open_link() -> None:
    """Open the saved scenario a `?scenario=<id>` link names (once per link and session);
    what could not be opened joins the session's URL notices."""
    raw = st.query_params.get(SAVED_PARAM)
    if raw is None or st.session_state.get(LINK_SEEN) == raw:
        return
    st.session_state[LINK_SEEN] = raw
    scenario_id, notice = saved_id_from_link(raw)
    record = None
    if scenario_id is not None:
        try:
            record = stored_scenario(open_store(), scenario_id)
        except StoreUnavailable:
            notice = ("The saved scenario in the link cannot be opened right now: "
                      + UNAVAILABLE)
        else:
            if record is None:
                notice = (f"No saved scenario has the id {scenario_id}: it may have been "
                          "deleted by whoever saved it.")
            elif record.document != _document_id():
                notice = (f"The saved scenario in the link is about another document "
                          f"(“{escape_markdown(clean_name(record.document))}”), not this one.")
                record = None
    if record is None:
        state.add_notices([notice])
        return
    data = bundle()
    view, changed = view_from_params(record.params, data.model,
                                     resampled_ranges(data.scenario_presets))
    show(Scenario(record.name, view))
    st.session_state[OPENED] = record.name
    state.add_notices([f"Saved scenario “{escape_markdown(record.name)}”: {n}"
                       for n in changed])


def opened_notice() -> None:
    """Which saved scenario a link opened, until the reader dismisses it."""
    name = st.session_state.get(OPENED)
    if not name:
        return
    with st.container(key="opened_scenario"):
        st.info(f"Showing the saved scenario “{escape_markdown(name)}” from its link.")
        if st.button("Dismiss", key="dismiss_opened_scenario"):
            st.session_state[OPENED] = None
            st.rerun()
