"""The live panel in an HTML page with no server: a block for a downloaded report, and a
small page of the panel alone that a reader can keep or drop into a page of their own.

Everything is inline (style, scripts, data) and the page's Content-Security-Policy
forbids every request, so it works from a disk with no connection and asks for nothing. The
data block is JSON inside a `script type="application/json"` element, with every `<`
written `\\u003c`: no text in it can close the element, whatever a reader typed.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from typing import Any

from claimscope.bundle import Bundle
from claimscope.live.scripts import panel_css, panel_script
from claimscope.views.panel_spec import panel_spec

# No connection of any kind: inline scripts and styles only, images only as data: URIs
# (plotly's own download button makes one), no connections, frames, forms or base URL.
CONTENT_SECURITY_POLICY = ("default-src 'none'; script-src 'unsafe-inline'; "
                           "style-src 'unsafe-inline'; img-src data: blob:; font-src data:; "
                           "base-uri 'none'; form-action 'none'")
CSP_META = (f'<meta http-equiv="Content-Security-Policy" '
            f'content="{html.escape(CONTENT_SECURITY_POLICY)}">')
# The panel's page has no app header above it: its sticky parts stick to the top.
STANDALONE_CSS = ":root { --cs-sticky-top: 0px; }"
LIVE_NOTE = ("The sentence, the verdict, the output cards, the step chart and the "
             "break-even table here follow the sliders: your browser recomputes them with "
             "the same code as ClaimScope's own page, and sends nothing anywhere.")


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def json_script(data: Any) -> str:
    """`data` as a JSON script element that no string inside it can end early."""
    text = json.dumps(data, ensure_ascii=False, allow_nan=False).replace("<", "\\u003c")
    return f'<script type="application/json">{text}</script>'


def panel_block(bundle: Bundle, values: Mapping[str, float],
                starts: Sequence[tuple[str, Mapping[str, float]]] = (),
                spec: Mapping[str, Any] | None = None) -> str:
    """The element the panel is drawn into, holding its data: it starts at `values` (every
    input's), with a button back to each of `starts` ((label, values) pairs). `spec` is
    the document's full panel unless given."""
    data = {"spec": dict(spec or panel_spec(bundle)), "values": dict(values),
            "starts": [{"label": label, "values": dict(view)} for label, view in starts]}
    no_script = ("<noscript><p>The live panel needs JavaScript; the figures elsewhere on "
                 "this page are those of the view it was made from.</p></noscript>")
    return f'<div class="cs-host" data-claimscope-panel>{json_script(data)}{no_script}</div>'


def panel_assets(bundle: Bundle) -> str:
    """The panel's style and script, to be placed after every `panel_block` of the page."""
    script = panel_script(bundle.model, "standalone")
    lowered = script.lower()
    if "</script" in lowered or "<!--" in lowered:  # the repository's files: never
        raise ValueError("the panel's script would end its script element early")
    return f"<style>{panel_css()}\n{STANDALONE_CSS}</style><script>{script}</script>"


def standalone_panel(bundle: Bundle, values: Mapping[str, float], link: str) -> str:
    """A page of the live panel alone, starting at `values`, with its document's credit
    and a link to the full view (`link`, shown as text when it is not a web address)."""
    meta = bundle.document.meta
    title = f"ClaimScope: the live model of {meta['title']}"
    address = (f'<a href="{_e(link)}">{_e(link)}</a>' if link.startswith(("http://",
                                                                          "https://"))
               else f"<code>{_e(link)}</code>")
    care = f" {_e(meta.care_note)}" if meta.care_note else ""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'{CSP_META}<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{PAGE_CSS}</style></head><body><main>\n"
        f"<h1>{_e(title)}</h1>\n"
        f'<p class="cs-page-note">{_e(LIVE_NOTE)} The full view: {address}</p>\n'
        f"{panel_block(bundle, values, [('Back to the view downloaded', values)])}\n"
        f'<p class="cs-page-note">Source document: {_e(bundle.document.citation())}.{care}'
        f"</p>\n</main>{panel_assets(bundle)}</body></html>\n")


PAGE_CSS = """
body { font-family: system-ui, sans-serif; max-width: 980px; margin: 1rem auto;
       padding: 0 1rem; color: #1a1a1a; line-height: 1.5; }
h1 { font-size: 1.4rem; }
.cs-page-note { color: #4a4c57; font-size: 0.9rem; }
"""
