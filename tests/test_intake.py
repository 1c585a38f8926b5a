"""Bringing a file in: each accepted kind converted to normalised text with its sha256,
and every file that cannot be taken in refused with one plain message."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile

import pytest

from claimscope.intake import Converted, IntakeError, Limits, convert
from claimscope.intake.text import normalise
from tests.intake_files import docx_bytes, pdf_bytes, zip_bytes

TEXT = "Bus fares rose by 12% in 2016, to £2.40."


def test_markdown_is_kept_as_written_with_its_hash() -> None:
    converted = convert("note.md", f"# Fares\r\n\r\n{TEXT}\r\n".encode())
    assert converted == Converted(f"# Fares\n\n{TEXT}\n",
                                  hashlib.sha256(f"# Fares\n\n{TEXT}\n".encode()).hexdigest(),
                                  "markdown")


@pytest.mark.parametrize(("data", "text"), [
    ("\ufeffplain".encode(), "plain\n"),  # UTF-8 with a byte-order mark
    ("plain £".encode("utf-16"), "plain £\n"),  # UTF-16 with its mark
    (b"a\x00b\x07c\r\nd\re\x0cf", "abc\nd\ne\nf\n"),  # NUL and controls out, breaks as \n
    (b"\n\n  x  \n\n\n", "  x\n"),  # trailing spaces and outer blank lines dropped
])
def test_text_is_decoded_and_minimally_normalised(data: bytes, text: str) -> None:
    assert convert("a.txt", data).text == text


def test_a_pdf_gives_its_pages_text_and_page_count() -> None:
    converted = convert("report.pdf", pdf_bytes([TEXT, "Page two: 45,000 trips."]))
    assert converted.kind == "pdf" and converted.pages == 2
    assert TEXT in converted.text and "45,000 trips" in converted.text


def test_a_pdf_page_without_text_is_noted() -> None:
    converted = convert("r.pdf", pdf_bytes([TEXT, ""]))
    assert converted.notes == ("1 page(s) had no text and were left out: 2.",)


def test_a_word_document_gives_headings_paragraphs_and_tables() -> None:
    data = docx_bytes([TEXT], heading="Fares", table=[["Year", "Trips"], ["2016", "45,000"]])
    converted = convert("r.docx", data)
    assert converted.kind == "docx"
    assert converted.text == f"# Fares\n\n{TEXT}\n\nYear | Trips\n2016 | 45,000\n"


def test_html_keeps_only_the_words_a_reader_sees() -> None:
    page = (b"<!doctype html><html><head><title>Fares</title><style>p{}</style>"
            b"<script>alert(1)</script></head><body><h1>Fares</h1><p>Bus fares rose by "
            b"<b>12%</b> <a href='javascript:alert(1)'>in 2016</a>.</p>"
            b"<img src=x onerror=alert(1)><ul><li>one</li><li>two</li></ul>"
            b"<div hidden>secret</div><iframe src=x>frame</iframe><!-- c --></body></html>")
    converted = convert("page.bin", page)
    assert converted.kind == "html" and converted.title == "Fares"
    assert converted.text == "# Fares\n\nBus fares rose by 12% in 2016.\n\n- one\n- two\n"


def test_markdown_images_unsafe_links_and_active_html_are_taken_out() -> None:
    text = ("See ![a chart](http://x/c.png) and [this](javascript:alert(1)) or "
            "[that](https://example.org/a(1)).\n<script>alert(1)</script><img src=x>Done.")
    assert convert("n.md", text.encode()).text == (
        "See [image: a chart] and this or [that](https://example.org/a(1)).\nDone.\n")


@pytest.mark.parametrize(("name", "data", "message"), [
    ("empty.txt", b"", "The file is empty."),
    ("blank.md", b" \n\t\n", "The file is empty."),
    ("x.pdf", pdf_bytes([TEXT], password="secret"), "protected by a password"),
    ("scan.pdf", pdf_bytes(["", ""], image=True), "no text layer"),
    ("x.pdf", b"%PDF-1.7\n garbage", "cannot be opened"),
    ("x.pdf", pdf_bytes([TEXT])[:400], "cannot be opened"),
    ("x.pdf", b"just text", "named .pdf but its content is not a PDF"),
    ("x.docx", b"PK\x03\x04 not really a zip", "cannot be opened"),
    ("x.zip", zip_bytes({"a.txt": b"hello"}), "not a Word (.docx) document"),
    ("x.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "old Word (.doc)"),
    ("x.png", b"\x89PNG\r\n\x1a\n" + bytes(50), "an image"),
    ("x.bin", bytes(range(256)) * 4, "cannot tell what this file is"),
    ("x.txt", "café".encode("latin-1"), "not in UTF-8"),
    ("x.html", b"<html><script>alert(1)</script></html>", "no text to examine"),
], ids=lambda value: value if isinstance(value, str) and len(value) < 40 else "")
def test_what_cannot_be_taken_in_gets_one_plain_message(name: str, data: bytes,
                                                       message: str) -> None:
    with pytest.raises(IntakeError, match=re.escape(message)):
        convert(name, data)


def test_size_and_page_limits() -> None:
    with pytest.raises(IntakeError, match="takes files of up to 1 MB"):
        convert("big.txt", b"a" * 1_000_001, Limits(bytes=1_000_000))
    with pytest.raises(IntakeError, match="has 4 pages; ClaimScope reads at most 3"):
        convert("long.pdf", pdf_bytes(["a"] * 4), Limits(pages=3))


def test_a_zip_bomb_is_refused_before_it_is_unpacked() -> None:
    bomb = docx_bytes([TEXT])
    with zipfile.ZipFile(io.BytesIO(bomb)) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    members["word/media/padding.bin"] = b"\0" * 30_000_000
    with pytest.raises(IntakeError, match="compressed far more"):
        convert("bomb.docx", zip_bytes(members))
    with pytest.raises(IntakeError, match="would unpack to"):
        convert("bomb.docx", zip_bytes(members), Limits(archive_bytes=10_000_000))
    many = {**members, **{f"x/{i}.txt": b"" for i in range(30)}}
    del many["word/media/padding.bin"]
    with pytest.raises(IntakeError, match="holds 4\\d files inside"):
        convert("many.docx", zip_bytes(many), Limits(archive_members=20))


def test_xml_entities_in_a_word_document_are_refused() -> None:
    bomb = docx_bytes([TEXT])
    with zipfile.ZipFile(io.BytesIO(bomb)) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    members["word/document.xml"] = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">'
                                    b'<!ENTITY b "&a;&a;&a;">]><d>&b;</d>')
    with pytest.raises(IntakeError, match="declares XML entities"):
        convert("lol.docx", zip_bytes(members))


def test_a_conversion_that_runs_too_long_is_stopped() -> None:
    with pytest.raises(IntakeError, match="longer than 0.001 seconds"):
        convert("r.pdf", pdf_bytes([TEXT] * 30), Limits(seconds=0.001))


def test_normalise_is_idempotent() -> None:
    text = normalise("a\r\nb \x00\u2028c\n\n")
    assert normalise(text) == text == "a\nb\nc\n"
