"""The reader's saved scenarios in the session, and the messages about them.

Saved scenarios live in `st.session_state` (a list of named Views); presets come from the
document's `scenarios.yaml`. Names are readers' text: they are shown only as plain text
(tables, code blocks, option lists) or Markdown-escaped.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from claimscope.link.scenarios import Scenario, clean_name, merge
from claimscope.text.markdown import escape_markdown
from components import state
from components.context import bundle

SAVED = "saved_scenarios"
MESSAGES = "scenario_messages"  # (kind, text) pairs shown once by `messages()`


def presets() -> list[Scenario]:
    return bundle().scenario_presets


def saved() -> list[Scenario]:
    return st.session_state.setdefault(SAVED, [])


def available() -> list[Scenario]:
    """Presets first, then the reader's own, by unique name."""
    return presets() + saved()


def by_name(name: str) -> Scenario | None:
    return next((s for s in available() if s.name == name), None)


def add(incoming: list[Scenario]) -> list[Scenario]:
    """Append to the saved list (renaming clashes); returns the added scenarios as named."""
    merged, renamed = merge(saved(), incoming, reserved=[p.name for p in presets()])
    st.session_state[SAVED] = merged
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
    st.session_state[name_key] = ""
    say("success", [f"Saved “{escape_markdown(added[0].name)}”."])
    if then is not None:
        then(added[0])


def save_control(key: str = "save", then: Callable[[Scenario], None] | None = None) -> None:
    """A name field and a button saving the current assumptions under that name; `then`
    is called with the saved scenario (e.g. to add it to a comparison)."""
    name_key = f"{key}_name"
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    left.text_input("Name for the current assumptions", key=name_key, max_chars=80,
                    placeholder="e.g. My cautious case")
    right.button("Save scenario", key=f"{key}_button", on_click=_save,
                 args=(name_key, then))


def remove_control(key: str) -> None:
    """Forget saved scenarios the reader no longer wants (presets stay)."""
    names = [s.name for s in saved()]
    if not names:
        return

    def remove() -> None:
        gone = set(st.session_state.get(f"{key}_remove_names") or [])
        st.session_state[SAVED] = [s for s in saved() if s.name not in gone]

    left, right = st.columns([3, 1], vertical_alignment="bottom")
    left.multiselect("Remove saved scenarios", names, key=f"{key}_remove_names")
    right.button("Remove", key=f"{key}_remove", on_click=remove)


def apply(name_key: str) -> None:
    """Callback: show the scenario named in `st.session_state[name_key]`."""
    scenario = by_name(st.session_state.get(name_key) or "")
    if scenario is None:
        return
    for name, value in scenario.view.values.items():
        state.set_value(name, value)
        state.set_range(name, scenario.view.ranges.get(name))
    state.set_simulation(scenario.view.samples, scenario.view.seed)
    say("success", [f"Now showing “{escape_markdown(scenario.name)}”."])
