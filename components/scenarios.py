"""Keeping and sharing what a reader found: saved scenarios, links, files, report, citation.

Saved scenarios live in the session (`st.session_state`, a list of named Views); presets
come from the document's `scenarios.yaml`. Names are readers' text: they are shown only
as plain text (tables, code blocks, option lists) or Markdown-escaped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

import streamlit as st

from claimscope.bundle import Bundle
from claimscope.citation import cite
from claimscope.evidence import bibliography
from claimscope.report import ReportEntry, build_report
from claimscope.scenarios import (
    LINK_PARAM,
    MAX_BYTES,
    Scenario,
    clean_name,
    decode_link,
    encode_link,
    link,
    load_scenarios_json,
    merge,
    scenarios_json,
)
from claimscope.viewstate import View, view_query
from components import state
from components.context import bundle
from components.uncertainty import run_simulation

SAVED = "saved_scenarios"
MESSAGES = "scenario_messages"  # (kind, text) pairs shown once by `messages()`
LINK_SEEN = "scenario_link_seen"
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=])")


def plain(text: str) -> str:
    """Reader's text made inert in Markdown: no links, images, emphasis or maths."""
    return _MARKDOWN.sub(r"\\\1", text)


def presets() -> list[Scenario]:
    return bundle().scenario_presets


def saved() -> list[Scenario]:
    return st.session_state.setdefault(SAVED, [])


def available() -> list[Scenario]:
    """Presets first, then the reader's own, by unique name."""
    return presets() + saved()


def by_name(name: str) -> Scenario | None:
    return next((s for s in available() if s.name == name), None)


def _add(incoming: list[Scenario]) -> list[Scenario]:
    """Append to the saved list (renaming clashes); returns the added scenarios as named."""
    merged, renamed = merge(saved(), incoming, reserved=[p.name for p in presets()])
    st.session_state[SAVED] = merged
    _say("warning", renamed)
    return merged[len(merged) - len(incoming):]


def _say(kind: str, texts: list[str]) -> None:
    st.session_state.setdefault(MESSAGES, []).extend((kind, t) for t in texts)


def messages() -> None:
    """What the last save, import or link did (each message shown once)."""
    for kind, text in st.session_state.pop(MESSAGES, []):
        getattr(st, kind)(plain(text))


# ---- Links -------------------------------------------------------------------------------

def base_url() -> str:
    """scheme://host[/base path] of the app as the browser sees it; '' when unknown."""
    try:
        url = st.context.url
    except (AttributeError, KeyError, RuntimeError):
        url = None
    if not url:
        return ""
    parts = urlsplit(url)
    root = str(st.get_option("server.baseUrlPath") or "").strip("/")
    return f"{parts.scheme}://{parts.netloc}" + (f"/{root}" if root else "")


def view_link(data: Bundle, path: str = "projection", view: View | None = None) -> str:
    """The link reproducing a view (the current one by default) on a page."""
    return link(base_url(), path, view_query(view or state.view(), data.inputs))


def copy_link(data: Bundle, path: str = "projection") -> str:
    """A 'Copy link' block: the full address of the current view, with a copy button."""
    url = view_link(data, path)
    st.markdown("**Copy link** to exactly this view (use the copy button on the right):")
    st.code(url, language=None, wrap_lines=True)
    return url


def compare_link(data: Bundle, chosen: list[Scenario]) -> str:
    return link(base_url(), "compare", {LINK_PARAM: encode_link(chosen, data.inputs)})


def consume_compare_link(data: Bundle) -> list[str] | None:
    """Add the scenarios a `/compare?scenarios=…` link carries; return their names (None
    when there is no link not yet read).

    What the link's scenarios needed changing joins the session's URL notices.
    """
    raw = st.query_params.get(LINK_PARAM)
    if raw is None or st.session_state.get(LINK_SEEN) == raw:
        return None
    st.session_state[LINK_SEEN] = raw
    incoming, problems = decode_link(raw, data.model, data.document.meta["id"])
    added = _add(incoming) if incoming else []
    st.session_state[state.NOTICES] = (st.session_state.get(state.NOTICES, [])
                                       + [plain(f"Compare link: {p}") for p in problems])
    return [s.name for s in added]


# ---- Saving and files ----------------------------------------------------------------------

def _save(name_key: str, then: Callable[[Scenario], None] | None) -> None:
    name = clean_name(st.session_state.get(name_key) or "")
    if not name:
        _say("warning", ["Give the scenario a name first."])
        return
    added = _add([Scenario(name, state.view())])
    st.session_state[name_key] = ""
    _say("success", [f"Saved “{added[0].name}”."])
    if then is not None:
        then(added[0])


def save_control(key: str = "save", then: Callable[[Scenario], None] | None = None) -> None:
    """A name field and a button saving the current assumptions under that name; `then`
    is called with the saved scenario (e.g. to add it to a comparison)."""
    name_key = f"{key}_name"
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    left.text_input("Name for the current assumptions", key=name_key, max_chars=80,
                    placeholder="e.g. Half duplicates, 2030")
    right.button("Save scenario", key=f"{key}_button", on_click=_save,
                 args=(name_key, then))


def _import(data: Bundle, key: str) -> None:
    upload = st.session_state.get(key)
    if upload is None:
        return
    if upload.size > MAX_BYTES:
        _say("error", [f"Nothing imported: the file is {upload.size:,} bytes; the limit is "
                       "1 MB. Your saved scenarios are unchanged."])
        return
    incoming, problems = load_scenarios_json(upload.getvalue(), data.model,
                                             data.document.meta["id"])
    if not incoming:
        _say("error", [f"Nothing imported from {clean_name(upload.name)}: "
                       + " ".join(problems) + " Your saved scenarios are unchanged."])
        return
    added = _add(incoming)
    _say("success", [f"Imported {len(added)} scenario{'s' if len(added) > 1 else ''}: "
                     + ", ".join(s.name for s in added) + "."])
    _say("warning", problems)


def files(data: Bundle, current: Scenario | None, key: str) -> None:
    """Download the current scenario or every saved one as JSON; import such a file."""
    document_id = data.document.meta["id"]
    left, right = st.columns(2)
    if current is not None:
        left.download_button("Download this scenario (JSON)",
                             scenarios_json([current], data.inputs, document_id),
                             file_name="claimscope-scenario.json", mime="application/json",
                             key=f"{key}_export_current")
    right.download_button("Download all saved scenarios (JSON)",
                          scenarios_json(saved(), data.inputs, document_id),
                          file_name="claimscope-scenarios.json", mime="application/json",
                          key=f"{key}_export_saved", disabled=not saved())
    st.file_uploader("Import scenarios (a JSON file downloaded from ClaimScope, up to 1 MB)",
                     type=["json"], key=f"{key}_import", on_change=_import,
                     args=(data, f"{key}_import"))


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


# ---- Report and citation -------------------------------------------------------------------

def report_button(make: Callable[[], str], file_name: str, key: str) -> None:
    """'Download report': the HTML is built only when the button is pressed."""
    st.download_button("Download report", lambda: make().encode("utf-8"),
                       file_name=file_name, mime="text/html", key=key, type="primary",
                       help="One HTML file with the inputs and their sources, "
                                       "the outputs, the charts, caveats and how to cite. "
                                       "It opens offline.")


def make_report(data: Bundle, entries: list[ReportEntry], link_text: str,
                extra_charts: tuple = ()) -> Callable[[], str]:
    """The report's builder, closed over everything it needs (it runs off the script)."""
    citation = cite(data.document, date.today(), link_text)
    generated = datetime.now(UTC).strftime("%d %B %Y, %H:%M UTC")
    return lambda: build_report(data, entries, citation, generated, extra_charts)


def cite_block(data: Bundle, link_text: str = "") -> None:
    """'How to cite': short and long forms, the document's own and ClaimScope's."""
    citation = cite(data.document, date.today(), link_text)
    st.subheader("How to cite")
    st.markdown("**Short form** (a caption or footnote)")
    st.code(citation.short, language=None, wrap_lines=True)
    st.markdown("**Long form** (a bibliography: the document, then this analysis)")
    st.code(citation.long, language=None, wrap_lines=True)
    st.caption("The access date matters: the catalogue and the assumptions' sources are "
               "corrected from time to time.")
    if data.sources:
        with st.expander(f"Sources of the figures ClaimScope supplies ({len(data.sources)})"):
            st.code("\n".join(bibliography(data)), language=None, wrap_lines=True)
            st.caption("Each source, its exact words and what it supports: the Evidence "
                       "page (/evidence).")


# ---- On the projection explorer ------------------------------------------------------------

def _apply(name_key: str) -> None:
    scenario = by_name(st.session_state.get(name_key) or "")
    if scenario is None:
        return
    for name, value in scenario.view.values.items():
        state.set_value(name, value)
        state.set_range(name, scenario.view.ranges.get(name))
    state.set_simulation(scenario.view.samples, scenario.view.seed)
    _say("success", [f"Now showing “{scenario.name}”."])


def projection_tools(data: Bundle) -> None:
    """The /projection section: link, scenarios, files, report and citation."""
    st.header("Keep, compare and share")
    messages()
    url = copy_link(data)
    st.subheader("Scenarios")
    st.caption("Save the current assumptions under a name, then compare saved scenarios "
               "and presets side by side.")
    save_control("projection_save")
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    left.selectbox("Start from a scenario", [s.name for s in available()],
                   key="projection_apply_name",
                   help="Presets shipped with ClaimScope, then your saved scenarios.")
    right.button("Use it", key="projection_apply", on_click=_apply,
                 args=("projection_apply_name",))
    st.page_link("components/pages/compare.py", label="Compare scenarios side by side",
                 icon=":material/compare_arrows:")
    view = state.view()
    current = Scenario("Projection explorer view", view)
    files(data, current, "projection_files")
    st.subheader("Report")
    simulation = run_simulation(view) if view.ranges else None
    report_button(make_report(data, [ReportEntry(current, simulation, url)], url),
                  "claimscope-report.html", "projection_report")
    cite_block(data, url)
