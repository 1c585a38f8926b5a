"""An invented document on a subject no fixture has (library book loans in a fictional
county), as a reader would bring it: its text, a PDF of it and a Word file of it, and a
long text with some 300 numbers for timing the page."""

from __future__ import annotations

from tests.intake_files import docx_bytes, pdf_bytes

TITLE = "Book loans in Northby County libraries"
PARAGRAPHS = [
    "The Northby Library Service counted 48,000 loans at its four branch libraries in "
    "2024.",
    "According to the Northby Library Service, the four branches serve 12.5% of the "
    "county's residents.",
    "The service reported that 1,900 books were returned late each month.",
    "For opening hours, call 0300 555 0199.",
]
TEXT = f"# {TITLE}\n\n" + "\n\n".join(PARAGRAPHS) + "\n"


def loans_pdf() -> bytes:
    """The first two paragraphs, on two PDF pages (the core font takes Latin-1 only)."""
    return pdf_bytes([TITLE + "\n\n" + PARAGRAPHS[0], PARAGRAPHS[1]])


def loans_docx() -> bytes:
    return docx_bytes(PARAGRAPHS, heading=TITLE)


def long_text(mentions: int = 300) -> str:
    """A report of about 40 pages' worth of sentences, each with a few numbers."""
    sentences = []
    for number in range(mentions // 3):
        branch = number % 17 + 1
        sentences.append(f"Branch {chr(65 + number % 26)} lent {1000 + 37 * number:,} "
                         f"books in {2000 + number % 25}, {branch + 3.5}% more than the "
                         "year before.")
        if number % 6 == 5:
            sentences.append("\n")
    return f"# {TITLE}: the long report\n\n" + " ".join(sentences) + "\n"
