"""A PDF's text layer, page by page, with pypdfium2 (PDFium, the engine of Chromium's
viewer). Images and attachments are never read; a page without text is counted, and a
PDF with no text at all is a scan that needs OCR, which ClaimScope does not do."""

from __future__ import annotations

import time

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from claimscope.intake.errors import IntakeError
from claimscope.intake.limits import Limits
from claimscope.intake.result import Extracted

_LOCKED = (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY)


def pdf_text(data: bytes, limits: Limits) -> Extracted:
    """Every page's text, pages separated by a blank line."""
    deadline = time.monotonic() + limits.seconds
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code in _LOCKED:
            raise IntakeError("This PDF is protected by a password; ClaimScope cannot read "
                              "it. Save a copy without the password and try again.") from None
        raise IntakeError("This PDF cannot be opened; it may be damaged or cut short. "
                          "Export it again and try again.") from None
    try:
        count = len(document)
        if count > limits.pages:
            raise IntakeError(f"This PDF has {count:,} pages; ClaimScope reads at most "
                              f"{limits.pages:,}. Split it and bring one part.")
        texts, blank = [], []
        for index in range(count):
            if time.monotonic() > deadline:
                raise IntakeError(limits.too_slow)
            page = document[index]
            try:
                textpage = page.get_textpage()
                text = textpage.get_text_range().strip()
                textpage.close()
            finally:
                page.close()
            texts.append(text)
            if not text:
                blank.append(index + 1)
        title = str((document.get_metadata_dict() or {}).get("Title") or "")
    except pdfium.PdfiumError:
        raise IntakeError("A page of this PDF cannot be read; it may be damaged. Export it "
                          "again and try again.") from None
    finally:
        document.close()
    if count and len(blank) == count:
        raise IntakeError("This PDF has no text layer (it is probably scanned pages); "
                          "ClaimScope reads text, not images. Run it through text "
                          "recognition (OCR) first, or bring the text another way.")
    notes = []
    if blank:
        listed = ", ".join(map(str, blank[:10])) + ("…" if len(blank) > 10 else "")
        notes.append(f"{len(blank)} page(s) had no text and were left out: {listed}.")
    return Extracted("\n\n".join(t for t in texts if t), count, title, tuple(notes))
