"""Markdown and plain text are kept as written, except what would fetch or run something
if the text were ever rendered: a Markdown image becomes its alt text in brackets, a
link to anything but http(s) or mail keeps only its words, embedded HTML elements that
load or run content (script, style, iframe, object, svg…) are removed with their content,
and every other HTML tag is removed too, except plain <sup>, <sub>, <b>, <i>, <em>,
<strong>, <u> and <br> with no attributes (a footnote's <sup>1</sup> stays). The
reader's page shows the text as text in any case; this keeps the stored text clean."""

from __future__ import annotations

import re

# A link's target may hold one level of parentheses: (javascript:alert(1)).
_TARGET = r"(?:[^()\n]|\([^()\n]{0,200}\)){0,2000}\)"
_IMAGE = re.compile(r"!\[([^\]\n]{0,500})\]\(" + _TARGET)
_REFERENCE_IMAGE = re.compile(r"!\[([^\]\n]{0,500})\]\[[^\]\n]{0,200}\]")
_UNSAFE_LINK = re.compile(r"\[([^\]\n]{0,500})\]\(\s*(?!https?:|mailto:|#)[a-z][a-z0-9+.-]*:"
                          + _TARGET, re.IGNORECASE)
_ACTIVE_ELEMENT = re.compile(
    r"<(script|style|iframe|object|embed|svg|math|template|noscript|video|audio|canvas)\b"
    r".*?(?:</\1\s*>|\Z)", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]{0,30})\b([^<>]{0,2000})>")
_PLAIN_TAGS = {"sup", "sub", "b", "i", "em", "strong", "u", "br"}  # kept without attributes


def _plain_tag(match: re.Match[str]) -> str:
    name = match[2].lower()
    return f"<{match[1]}{name}>" if name in _PLAIN_TAGS and not match[3].strip(" /") else ""


def clean_markdown(text: str) -> str:
    """The text with images, unsafe links and active HTML elements taken out."""
    text = _ACTIVE_ELEMENT.sub("", text)
    text = _TAG.sub(_plain_tag, text)
    text = _IMAGE.sub(lambda m: f"[image: {m[1]}]" if m[1].strip() else "", text)
    text = _REFERENCE_IMAGE.sub(lambda m: f"[image: {m[1]}]" if m[1].strip() else "", text)
    return _UNSAFE_LINK.sub(r"\1", text)
