"""The document as HTML with every numeric mention marked by what accounts for it.

The page renders this with `unsafe_allow_html`, so everything here is built from shipped
text only and every piece of it goes through `html.escape` first; the few markup
conversions (bold, italics, superscripts, links) run on the escaped text and can only
produce the fixed tags written below. Nothing from the URL or the user reaches it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from claimscope.files.coverage import Accounted
from claimscope.text.numbers import display
from claimscope.views.palette import CLAIM_LINE, OKABE_ITO, PROVENANCE


@dataclass(frozen=True)
class Mark:
    """How one kind of mention looks: a colour, a border style and a text tag (not colour only)."""

    label: str
    tag: str
    color: str
    border: str


MARKS = {
    "reported": Mark("Reported claim", "rep", PROVENANCE["reported"]["color"], "solid"),
    "derived": Mark("Derived by the document", "der", PROVENANCE["derived"]["color"], "dashed"),
    "target": Mark("Target", "tgt", PROVENANCE["reported"]["color"], "double"),
    "date": Mark("Date", "date", PROVENANCE["reported"]["color"], "dotted"),
    "not-a-claim": Mark("Not a claim", "n/c", OKABE_ITO["grey"], "dotted"),
    "unaccounted": Mark("Unaccounted for", "??", CLAIM_LINE, "solid"),
}

_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use characters around a mention's index
_TOKEN = re.compile(f"{_OPEN}(\\d+){_CLOSE}")
_INLINE = [
    (re.compile(r"&lt;sup&gt;(.*?)&lt;/sup&gt;"), r"<sup>\1</sup>"),
    (re.compile(r"\*\*(.+?)\*\*"), r"<strong>\1</strong>"),
    (re.compile(r"\*(\S(?:.*?\S)?)\*"), r"<em>\1</em>"),
    (re.compile(r"\[([^\]]+)\]\((?:https?://[^)\s]*|#[^)\s]*)\)"), r"<u>\1</u>"),
    (re.compile(r"&lt;(https?://[^\s&]+)&gt;"), r'<a href="\1" rel="noopener noreferrer">\1</a>'),
]


def _inline(escaped: str) -> str:
    """Markdown emphasis, superscripts and links of already-escaped text, as fixed tags."""
    for pattern, replacement in _INLINE:
        escaped = pattern.sub(replacement, escaped)
    return escaped


def _describe(item: Accounted) -> str:
    """The tooltip: which claim (id, value, kind) or why it is not a claim."""
    if item.claim is not None:
        c = item.claim
        return (f"{c.id} · {display(c.value, c.unit)} ({c.unit}) · {MARKS[c.kind].label} · "
                f"{c.who}")
    if item.not_claim is not None:
        return f"Not a claim: {item.not_claim.reason}"
    return "Not accounted for: neither a catalogued claim nor listed as not a claim"


def _style(mark: Mark, selected: bool) -> str:
    outline = f"outline:2px solid {mark.color};outline-offset:1px;" if selected else ""
    return (f"color:inherit;background:{mark.color}22;border-bottom:3px {mark.border} {mark.color};"
            f"padding:0 2px;border-radius:2px;{outline}")


def _tag(mark: Mark) -> str:
    """The text marker: boxed, so it is not mistaken for the document's own superscripts."""
    return (f'<sup style="font-size:0.62em;font-weight:600;margin-left:2px;padding:0 2px;'
            f'border:1px solid {mark.color};border-radius:3px">{html.escape(mark.tag)}</sup>')


def _mention_html(item: Accounted, selected: str | None) -> str:
    mark = MARKS[item.status]
    claim_id = item.claim.id if item.claim is not None else ""
    attributes = {
        "class": f"cs-mention cs-{item.status}", "data-status": item.status,
        "data-claim": claim_id, "title": _describe(item),
        "style": _style(mark, bool(claim_id) and claim_id == selected),
    }
    rendered = " ".join(f'{name}="{html.escape(value, quote=True)}"'
                        for name, value in attributes.items())
    return f"<mark {rendered}>{_inline(html.escape(item.mention.text))}{_tag(mark)}</mark>"


def _block_html(block: str) -> str:
    if block.strip() == "---":
        return "<hr>"
    lines = [line.strip() for line in block.strip().splitlines()]
    return f"<p>{_inline('<br>'.join(html.escape(line) for line in lines))}</p>"


def highlight_html(text: str, accounted: Sequence[Accounted], selected: str | None = None
                   ) -> str:
    """The document as one HTML block (no blank lines), each mention marked and titled.

    `selected` outlines the mentions of one claim. The private-use characters used as
    placeholders are shown as U+FFFD where the text holds them (a reader's text may), one
    character for one, so every mention keeps its place.
    """
    text = text.replace(_OPEN, "\ufffd").replace(_CLOSE, "\ufffd")
    ordered = sorted(accounted, key=lambda a: a.mention.start)
    pieces, at = [], 0
    for index, item in enumerate(ordered):
        pieces += [text[at:item.mention.start], f"{_OPEN}{index}{_CLOSE}"]
        at = item.mention.end
    pieces.append(text[at:])
    blocks = re.split(r"\n[ \t]*\n", "".join(pieces))
    body = "".join(_block_html(b) for b in blocks if b.strip())
    body = _TOKEN.sub(lambda m: _mention_html(ordered[int(m.group(1))], selected), body)
    return f'<div class="cs-document" style="line-height:1.75">{body}</div>'


def legend_html(statuses: Sequence[str] = tuple(MARKS)) -> str:
    """A key to the marks, drawn the same way as in the text."""
    items = "".join(
        f'<mark style="{_style(MARKS[s], False)}">{html.escape(MARKS[s].label)}'
        f"{_tag(MARKS[s])}</mark> " for s in statuses)
    return f'<div class="cs-legend" style="line-height:2">{items}</div>'
