"""Reader's text made inert in Markdown as Streamlit renders it: one escaper for the app.

Streamlit renders CommonMark with GitHub's tables, strikethrough and bare-link detection,
plus LaTeX (`$..$`), raw HTML, colour and icon directives (`:red[..]`, `:material/..:`)
and emoji shortcodes (`:smile:`). Text a visitor typed (a scenario name, a URL parameter,
a file name) is shown as typed but must never become any of these.
"""

from __future__ import annotations

import re

# Every ASCII punctuation mark that starts or closes a Markdown construct anywhere in a
# line: emphasis and strong (* _), code (`), links and images ([ ] ( ) !), HTML and
# autolinks (< >), entities (&), headings (#), blockquotes (>), tables (|), strikethrough
# and fences (~), LaTeX ($), directives' brackets ({ } [ ]) and escapes themselves (\).
# A backslash before any of them shows the mark as typed (CommonMark: any ASCII
# punctuation may be escaped).
_ESCAPED = re.compile(r"[\\`*_{}\[\]()#!|<>~$&]")
# Marks with power only at the start of a line and before a space or another such mark:
# list markers ("- ", "+ "), setext underlines and thematic breaks ("===", "---").
# Elsewhere they stay as typed, so "-5" reads "-5".
_LINE_START = re.compile(r"(^|[\r\n])([ \t]*)([-+=])(?=[-+= \t\r\n]|$)")
# Marks Streamlit still acts on after escapes are resolved: the colon of a directive, an
# emoji shortcode or a bare "http:" link, the at sign of an e-mail address and the dot of
# "www." or of an ordered-list marker "1.". Invisible word joiners on both sides break
# them. A decimal point between digits is left alone, so numbers read as typed.
_JOINED = re.compile(r"[:@]|(?<!\d)\.|\.(?!\d)")
WORD_JOINER = "\u2060"
MAX_SHOWN = 40  # characters of a visitor's text repeated back in a notice


def escape_markdown(text: str) -> str:
    """`text` shown as typed inside Markdown, unable to become a link, an image, emphasis,
    code, a heading, a list, a quote, a table, HTML, maths, a directive or an emoji."""
    escaped = _ESCAPED.sub(lambda m: "\\" + m.group(), text)
    escaped = _LINE_START.sub(r"\1\2\\\3", escaped)
    return _JOINED.sub(lambda m: WORD_JOINER + m.group() + WORD_JOINER, escaped)


def shown(text: str) -> str:
    """A visitor's text made safe to repeat inside markdown: shortened, single line, shown
    as typed but unable to become a link, an image, emphasis or HTML. Notices are
    markdown, and this is the one place visitor text enters them."""
    flat = " ".join(str(text).split())
    short = flat if len(flat) <= MAX_SHOWN else flat[: MAX_SHOWN - 1] + "…"
    return escape_markdown(short)
