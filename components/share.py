"""Sharing what a reader found: links to a view or a comparison, scenario files in and out."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

import streamlit as st

from claimscope.bundle import Bundle
from claimscope.link.scenario_file import MAX_BYTES, load_scenarios_json, scenarios_json
from claimscope.link.scenario_link import LINK_PARAM, decode_link, encode_link
from claimscope.link.scenario_presets import resampled_ranges
from claimscope.link.scenarios import Scenario, clean_name, link
from claimscope.link.viewstate import View, view_query
from claimscope.text.markdown import escape_markdown
from components import state
from components.context import document_query
from components.scenario_store import add, add_linked, saved, say

LINK_SEEN = "scenario_link_seen"


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


def address(path: str, query: Mapping[str, str]) -> str:
    """The full link to a page of the document this session shows, with `query`."""
    return link(base_url(), path, {**document_query(), **query})


def view_link(data: Bundle, path: str = "projection", view: View | None = None) -> str:
    """The link reproducing a view (the current one by default) on a page."""
    return address(path, view_query(view or state.view(), data.inputs))


def copy_link(data: Bundle, path: str = "projection") -> str:
    """A 'Copy link' block: the full address of the current view, with a copy button."""
    url = view_link(data, path)
    st.markdown("**Copy link** to exactly this view (use the copy button on the right):")
    st.code(url, language=None, wrap_lines=True)
    return url


def compare_link(data: Bundle, chosen: list[Scenario]) -> str:
    """The /compare link carrying the chosen scenarios themselves."""
    return address("compare", {LINK_PARAM: encode_link(chosen, data.inputs)})


def consume_compare_link(data: Bundle) -> list[str] | None:
    """Keep the scenarios a `/compare?scenarios=…` link carries for the session (the reader
    may save them); return their names (None when there is no link not yet read).

    What the link's scenarios needed changing joins the session's URL notices.
    """
    raw = st.query_params.get(LINK_PARAM)
    if raw is None or st.session_state.get(LINK_SEEN) == raw:
        return None
    st.session_state[LINK_SEEN] = raw
    incoming, problems = decode_link(raw, data.model, data.document.meta["id"],
                                     resampled_ranges(data.scenario_presets))
    added = add_linked(incoming) if incoming else []
    state.add_notices([f"Compare link: {p}" for p in problems])
    return [s.name for s in added]


# ---- Files -------------------------------------------------------------------------------

def _import(data: Bundle, key: str) -> None:
    upload = st.session_state.get(key)
    if upload is None:
        return
    if upload.size > MAX_BYTES:
        say("error", [f"Nothing imported: the file is {upload.size:,} bytes; the limit is "
                      "1 MB. Your saved scenarios are unchanged."])
        return
    incoming, problems = load_scenarios_json(upload.getvalue(), data.model,
                                             data.document.meta["id"],
                                             resampled_ranges(data.scenario_presets))
    if not incoming:
        say("error", [f"Nothing imported from {escape_markdown(clean_name(upload.name))}: "
                      + " ".join(problems) + " Your saved scenarios are unchanged."])
        return
    added = add(incoming)
    if not added:
        return  # `add` said why
    say("success", [f"Imported {len(added)} scenario{'s' if len(added) > 1 else ''}: "
                    + ", ".join(escape_markdown(s.name) for s in added) + "."])
    say("warning", problems)


def files(data: Bundle, current: Scenario | None, key: str) -> None:
    """Download the current scenario or every saved one as JSON; import such a file.

    Each JSON is written only when its button is pressed (a deferred download), not on
    every rerun."""
    document_id = data.document.meta["id"]
    kept = saved()
    left, right = st.columns(2)
    if current is not None:
        left.download_button("Download this scenario (JSON)",
                             lambda: scenarios_json([current], data.inputs, document_id),
                             file_name="claimscope-scenario.json", mime="application/json",
                             key=f"{key}_export_current", on_click="ignore")
    right.download_button("Download all saved scenarios (JSON)",
                          lambda: scenarios_json(kept, data.inputs, document_id),
                          file_name="claimscope-scenarios.json", mime="application/json",
                          key=f"{key}_export_saved", disabled=not kept, on_click="ignore")
    st.file_uploader("Import scenarios (a JSON file downloaded from ClaimScope, up to 1 MB)",
                     type=["json"], key=f"{key}_import", on_change=_import,
                     args=(data, f"{key}_import"))
