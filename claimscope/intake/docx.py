"""A Word document's text, with python-docx, after the archive itself has been checked.

A .docx is a zip archive of XML files: before python-docx reads any of it, the number of
members, their total uncompressed size and each member's compression ratio are checked
against the limits (a zip bomb is refused unread), and every XML member is parsed once
with defusedxml, which refuses document type declarations and entities. Paragraphs and
tables are read in document order; headings become Markdown headings. Images, embedded
objects and attachments are never read.
"""

from __future__ import annotations

import io
import re
import time
import zipfile

import defusedxml.ElementTree as safe_xml
import docx
from defusedxml import DefusedXmlException
from docx.table import Table
from docx.text.paragraph import Paragraph

from claimscope.intake.errors import IntakeError
from claimscope.intake.limits import Limits
from claimscope.intake.result import Extracted

_HEADING = re.compile(r"Heading (\d)$")
_MALFORMED = ("This Word document cannot be read; it may be damaged or cut short. Save it "
              "again as .docx and try again.")


def check_archive(data: bytes, limits: Limits) -> None:
    """Refuse an archive that would unpack to too much, before unpacking any of it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > limits.archive_members:
                raise IntakeError(f"This Word document holds {len(members):,} files inside; "
                                  f"ClaimScope opens at most {limits.archive_members:,}.")
            total = sum(m.file_size for m in members)
            if total > limits.archive_bytes:
                raise IntakeError(f"This Word document would unpack to {total / 1e6:,.0f} MB; "
                                  f"ClaimScope opens at most {limits.archive_bytes / 1e6:,.0f} "
                                  "MB. It may be built to exhaust memory (a zip bomb).")
            for member in members:
                if member.file_size > limits.archive_ratio * max(member.compress_size, 1024):
                    raise IntakeError("A part of this Word document is compressed far more "
                                      "than ordinary documents are (a zip bomb?); ClaimScope "
                                      "does not open it.")
            for member in members:
                if member.filename.lower().endswith((".xml", ".rels")):
                    safe_xml.fromstring(archive.read(member))
    except IntakeError:
        raise
    except DefusedXmlException:
        raise IntakeError("This Word document declares XML entities or a document type, "
                          "which ordinary documents never do; ClaimScope does not open "
                          "it.") from None
    except (zipfile.BadZipFile, safe_xml.ParseError, ValueError, OSError, EOFError,
            NotImplementedError, RuntimeError):
        raise IntakeError(_MALFORMED) from None


def _paragraph(paragraph: Paragraph) -> str:
    text = paragraph.text.strip()
    style = paragraph.style.name if paragraph.style is not None else ""
    if not text:
        return ""
    if style == "Title":
        return f"# {text}"
    heading = _HEADING.match(style or "")
    return f"{'#' * int(heading[1])} {text}" if heading else text


def _table(table: Table) -> str:
    rows = []
    for row in table.rows:
        cells = [" ".join(cell.text.split()) for cell in row.cells]
        rows.append(" | ".join(cells))
    return "\n".join(rows)


def docx_text(data: bytes, limits: Limits) -> Extracted:
    """The paragraphs and tables, blocks separated by a blank line."""
    deadline = time.monotonic() + limits.seconds
    check_archive(data, limits)
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = []
        for block in document.iter_inner_content():
            if time.monotonic() > deadline:
                raise IntakeError(limits.too_slow)
            blocks.append(_paragraph(block) if isinstance(block, Paragraph) else _table(block))
        title = document.core_properties.title or ""
    except IntakeError:
        raise
    except Exception:  # python-docx raises many kinds on a malformed part
        raise IntakeError(_MALFORMED) from None
    return Extracted("\n\n".join(b for b in blocks if b), None, title, ())
