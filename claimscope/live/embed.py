"""The embed view's own link parameters and the `<iframe>` snippet (README: "The embed").

/embed takes the same parameters as every page (the view), plus `show=` (which
assumptions the embed offers, comma-separated input names) and `doc=` (which document).
Both are whitelist-parsed: a name that is not one of the document's shown assumptions is
left out with a notice, and nothing a visitor wrote reaches a page except through
`urlstate.shown`.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from urllib.parse import urlencode

from claimscope.bundle import Bundle
from claimscope.link.urlstate import to_query
from claimscope.link.viewstate import View
from claimscope.shelf import DOC_PARAM
from claimscope.text.markdown import shown
from claimscope.views.panel_spec import panel_inputs

SHOW_PARAM = "show"
MAX_SHOWN = 4  # assumptions an embed offers when the link names none
MAX_SHOW_TEXT = 400  # characters of a `show=` value read at all
# Streamlit's own parameter: no toolbar, header or page padding in an <iframe>.
FRAME_PARAMS = {"embed": "true"}


def default_shown(bundle: Bundle) -> tuple[str, ...]:
    """The headline's inputs that are ClaimScope's assumptions (no document figure behind
    them), at most MAX_SHOWN: the ones a reader of an article most wants to move. A
    headline resting only on the document's figures offers those."""
    offered = [spec.name for spec in panel_inputs(bundle)]
    headline = [name for name in bundle.model.break_even_inputs if name in offered]
    assumed = [name for name in headline if not bundle.inputs[name].claims]
    return tuple((assumed or headline or offered)[:MAX_SHOWN])


def parse_show(raw: str | list[str] | None, bundle: Bundle) -> tuple[tuple[str, ...],
                                                                    list[str]]:
    """The assumptions a `show=` value names, in the panel's order, and a notice for each
    name that could not be used; the default set when it names none that can."""
    if raw is None:
        return default_shown(bundle), []
    text = raw[-1] if isinstance(raw, list) else raw
    if isinstance(text, list) or not isinstance(text, str):
        text = ""
    offered = [spec.name for spec in panel_inputs(bundle)]
    asked = [name.strip() for name in text[:MAX_SHOW_TEXT].split(",") if name.strip()]
    notices = [f"show={shown(name)}: not an assumption of this document; left out."
               for name in dict.fromkeys(asked) if name not in offered]
    if len(text) > MAX_SHOW_TEXT:
        notices.append(f"show= is longer than {MAX_SHOW_TEXT} characters; the rest was "
                       "ignored.")
    chosen = tuple(name for name in offered if name in asked)
    if not chosen:
        chosen = default_shown(bundle)
        labels = ", ".join(bundle.inputs[name].label.lower() for name in chosen)
        notices.append(f"show= names no assumption of this document; showing {labels}.")
    return chosen, notices



def embed_query(view: View, bundle: Bundle, chosen: tuple[str, ...]) -> dict[str, str]:
    """The embed's link parameters: the view's values, `show=` unless it is the default
    set, and `doc=`."""
    query = to_query(view.values, bundle.inputs)
    if chosen != default_shown(bundle):
        query[SHOW_PARAM] = ",".join(chosen)
    query[DOC_PARAM] = bundle.document.served_id
    return query


FRAME_BASE, FRAME_PER_ASSUMPTION = 1150, 170  # px


def iframe_snippet(address: str, title: str, shown_count: int) -> str:
    """The `<iframe>` an article pastes: the embed at `address`, titled for screen
    readers, tall enough at 760 px wide for all of it (sentence, verdict, step chart,
    `shown_count` assumptions, link back, still-picture buttons and credit) with no
    scrolling inside the frame (measured in Chromium: test_live_anywhere.py)."""
    height = FRAME_BASE + FRAME_PER_ASSUMPTION * shown_count
    return (f'<iframe src="{html.escape(address, quote=True)}" '
            f'title="{html.escape(title, quote=True)}" width="100%" height="{height}" '
            'style="border: 0; max-width: 760px;" loading="lazy"></iframe>')


def image_key(bundle: Bundle, values: Mapping[str, float], kind: str) -> str:
    """What a static image of the embed depends on, as one string: the version of the
    document's files, the image's kind and the values that differ from the defaults, in
    the link's canonical writing. Two links to the same view share one image."""
    query = urlencode(sorted(to_query(values, bundle.inputs).items()))
    return f"{bundle.key}|{kind}|{query}"
