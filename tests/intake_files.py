"""Files for the intake and drafting tests, generated here (no binary fixtures): PDFs with
fpdf2, Word documents with python-docx, zip archives with zipfile."""

from __future__ import annotations

import io
import zipfile

import docx
from fpdf import FPDF


def pdf_bytes(pages: list[str], password: str | None = None, image: bool = False) -> bytes:
    """A PDF with one page per text (core font: Latin-1 text only)."""
    pdf = FPDF()
    if password:
        pdf.set_encryption(owner_password="owner", user_password=password)
    pdf.set_font("helvetica", size=11)
    for text in pages:
        pdf.add_page()
        if text:
            pdf.multi_cell(0, 6, text)
        if image:
            pdf.rect(20, 200, 40, 30, style="F")  # drawn shapes only, no text layer
    return bytes(pdf.output())


def docx_bytes(paragraphs: list[str], heading: str = "", table: list[list[str]] | None = None
               ) -> bytes:
    document = docx.Document()
    if heading:
        document.add_heading(heading, 1)
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def zip_bytes(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()
