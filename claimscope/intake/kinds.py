"""What a file is, read from its first bytes (its content), not trusted from its name.

Binary formats are recognised by their magic bytes; a name claiming one of them for other
content is refused as malformed. Among texts, the name chooses between Markdown, HTML and
plain text, and a text that opens like an HTML page is HTML whatever its name.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath
from typing import Literal

from claimscope.intake.errors import IntakeError
from claimscope.intake.text import looks_like_text

Kind = Literal["markdown", "text", "pdf", "docx", "html"]

_PDF = b"%PDF-"
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Word files and password-protected Office files
_OTHER_BINARIES = (
    (b"\x89PNG", "an image"), (b"\xff\xd8\xff", "an image"), (b"GIF8", "an image"),
    (b"RIFF", "a media file"), (b"II*\x00", "an image"), (b"MM\x00*", "an image"),
    (b"\x1f\x8b", "a compressed archive"), (b"7z\xbc\xaf", "a compressed archive"),
    (b"Rar!", "a compressed archive"), (b"BZh", "a compressed archive"),
    (b"\x7fELF", "a program"), (b"MZ", "a program"), (b"{\\rtf", "a Rich Text file"),
)
_HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]",
                         re.IGNORECASE | re.DOTALL)
_SUFFIX_KIND: dict[str, Kind] = {
    ".md": "markdown", ".markdown": "markdown", ".txt": "text", ".text": "text",
    ".htm": "html", ".html": "html", ".xhtml": "html", ".pdf": "pdf", ".docx": "docx",
}
ACCEPTED = "Markdown (.md), plain text (.txt), PDF, Word (.docx) or HTML"


def detect(name: str, data: bytes) -> Kind:
    """The kind of `data`, from its content first and its name second."""
    suffix = PurePath(name).suffix.lower()
    claimed = _SUFFIX_KIND.get(suffix)
    # PDF readers accept the header anywhere in the first kilobyte; so does this.
    if _PDF in data[:1024]:
        return "pdf"
    if data.startswith(_ZIP):
        if not _is_word(data):
            raise IntakeError("This is a zip archive but not a Word (.docx) document; "
                              f"ClaimScope reads {ACCEPTED} files.")
        return "docx"
    if data.startswith(_OLE):
        raise IntakeError("This looks like an old Word (.doc) file or a password-protected "
                          "Office file; save it as .docx without a password and try again.")
    for magic, what in _OTHER_BINARIES:
        # A text may begin with the same letters ("MZ", "RIFF"); a binary does not decode.
        if data.startswith(magic) and (magic == b"{\\rtf" or not looks_like_text(data)):
            raise IntakeError(f"This file is {what}, not a text; ClaimScope reads {ACCEPTED} "
                              "files, and keeps only their text.")
    if claimed in ("pdf", "docx"):
        raise IntakeError(f"The file is named {suffix} but its content is not a "
                          f"{'PDF' if claimed == 'pdf' else 'Word document'}; it may be "
                          "damaged. Export it again and try again.")
    if not looks_like_text(data):
        raise IntakeError(f"ClaimScope cannot tell what this file is; it reads {ACCEPTED} "
                          "files.")
    if claimed == "html" or _HTML_START.match(data[:2048]):
        return "html"
    return claimed or "text"


def _is_word(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise IntakeError("The file begins like a Word document (a zip archive) but cannot "
                          "be opened; it may be damaged or cut short.") from None
