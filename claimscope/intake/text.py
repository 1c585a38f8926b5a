"""Reading bytes as text, and the one minimal normalisation every converter's text gets.

Normalisation, and nothing more: line endings become "\\n" (also the Unicode line and
paragraph separators, vertical tab and form feed); NUL and the other control characters
are removed, except the tab; trailing spaces on each line and blank lines at the two ends
are dropped, and the text ends with one line break. Letters, punctuation, spacing inside
lines and Markdown are kept as they are.
"""

from __future__ import annotations

import codecs
import re

from claimscope.intake.errors import IntakeError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
         (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)


def decode(data: bytes) -> str:
    """The bytes as text: UTF-8, or UTF-8/UTF-16/UTF-32 with a byte-order mark."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise IntakeError(f"The file begins like {encoding.upper()} text but is "
                                  "not valid; save it again as UTF-8 and try again.") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise IntakeError("The text is not in UTF-8 (the usual encoding) or UTF-16; save it "
                          "as UTF-8 text and try again.") from exc


def looks_like_text(data: bytes) -> bool:
    """Whether the start of the bytes reads as text (by the rules of `decode`)."""
    head = data[:4096]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return True
    if head.count(b"\x00") * 100 > len(head) + 100:  # a stray NUL is removed; many mean binary
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(head) - 3  # a character cut at the end of the sample
    return True


def normalise(text: str) -> str:
    """The minimal normalisation described above."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _CONTROLS.sub("", text)
    text = _TRAILING_SPACE.sub("", text).strip("\n")
    return text + "\n" if text else ""
