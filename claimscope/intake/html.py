"""An HTML page's readable text, with BeautifulSoup and Python's own HTML parser.

Scripts, styles, forms, embedded frames, objects, images and anything hidden are dropped
with their content; no tag, attribute or link address survives, only the words a reader
sees. Block elements (paragraphs, headings, list items, table rows) become lines;
headings become Markdown headings, list items "- " lines, table cells " | "-separated.
"""

from __future__ import annotations

import re
import time
from typing import NamedTuple

from bs4 import BeautifulSoup, Comment, Doctype, NavigableString, Tag
from bs4.element import CData, Declaration, ProcessingInstruction

from claimscope.intake.errors import IntakeError
from claimscope.intake.limits import Limits
from claimscope.intake.result import Extracted
from claimscope.intake.text import decode

_DROPPED = {"script", "style", "noscript", "template", "iframe", "frame", "frameset",
            "object", "embed", "applet", "svg", "math", "canvas", "img", "picture", "video",
            "audio", "source", "track", "map", "form", "input", "button", "select",
            "textarea", "head", "meta", "link", "base", "dialog"}
_BLOCKS = {"p", "div", "section", "article", "header", "footer", "main", "aside", "nav",
           "blockquote", "pre", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody",
           "tfoot", "tr", "figure", "figcaption", "address", "hr", "body", "html", "caption",
           "details", "summary", "fieldset", "h1", "h2", "h3", "h4", "h5", "h6", "li"}
_HEADINGS = {f"h{n}": "#" * n for n in range(1, 7)}
_SKIPPED_STRINGS = (Comment, Doctype, CData, Declaration, ProcessingInstruction)
_SPACES = re.compile(r"[ \t\n\r\f\v]+")
_BLANK_LINES = re.compile(r"\n{3,}")


class _Close(NamedTuple):
    """A marker on the walk's stack: the block that opened here ends, with `lines` breaks."""

    lines: int


class _Writer:
    """Collects words and line breaks while walking the tree (iteratively: a page can
    nest thousands of elements deep)."""

    def __init__(self, deadline: float, too_slow: str) -> None:
        self.parts: list[str] = []
        self.deadline, self.too_slow, self.steps = deadline, too_slow, 0

    def text(self, words: str) -> None:
        self.parts.append(_SPACES.sub(" ", words))

    def newline(self, count: int = 1) -> None:
        self.parts.append("\n" * count)

    def walk(self, root: Tag) -> None:
        stack: list[object] = [root]
        while stack:
            self.steps += 1
            if self.steps % 2048 == 0 and time.monotonic() > self.deadline:
                raise IntakeError(self.too_slow)
            node = stack.pop()
            if isinstance(node, _Close):
                self.newline(node.lines)
            elif isinstance(node, NavigableString):
                if not isinstance(node, _SKIPPED_STRINGS):
                    self.text(str(node))
            elif isinstance(node, Tag):
                self.open(node, stack)

    def open(self, tag: Tag, stack: list[object]) -> None:
        name = tag.name.lower()
        if name in _DROPPED or tag.has_attr("hidden"):
            return
        if name == "br":
            self.newline()
            return
        if name in ("td", "th"):
            self.text(" | ")
        if name in _BLOCKS:
            item = name in ("li", "tr", "dt", "dd")  # a line of its own, not a paragraph
            self.newline(1 if item else 2)
            if name in _HEADINGS:
                self.text(_HEADINGS[name] + " ")
            elif name == "li":
                self.text("- ")
            stack.append(_Close(0 if item else 2))
        stack.extend(reversed(tag.contents))


def _tidy(text: str) -> str:
    lines = [line.strip(" ").removeprefix("| ").strip(" ") for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines))


def html_text(data: bytes, limits: Limits) -> Extracted:
    """The words of the page, in reading order."""
    deadline = time.monotonic() + limits.seconds
    markup = decode(data)
    try:
        soup = BeautifulSoup(markup, "html.parser")
    except Exception:  # the parser rejects a few malformed constructs outright
        raise IntakeError("This HTML page cannot be read; it may be damaged. Save it again "
                          "and try again.") from None
    title_tag = soup.find("title")
    title = " ".join(title_tag.get_text().split()) if title_tag else ""
    writer = _Writer(deadline, limits.too_slow)
    writer.walk(soup)
    return Extracted(_tidy("".join(writer.parts)), None, title, ())
