"""Hostile files: random bytes behind each format's magic, cut-short files, and texts
full of markup. Every one is converted or refused with an IntakeError, never a crash, and
no markup survives into the text."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimscope.intake import IntakeError, convert
from tests.intake_files import docx_bytes, pdf_bytes

MAGICS = [b"%PDF-1.7\n", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\x89PNG",
          b"<!doctype html><html>", b"\xef\xbb\xbf", b"\xff\xfe", b""]
NAMES = ["a.pdf", "a.docx", "a.html", "a.md", "a.txt", "a", "a.PDF"]
SLOW = settings(deadline=None, max_examples=25,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
_MARKUP = re.compile(r"<\s*/?\s*(?:script|iframe|img|style|object|embed|svg)\b|"
                     r"\]\(\s*javascript:|href|onerror\s*=|!\[", re.IGNORECASE)


def _converts_or_refuses(name: str, data: bytes) -> str | None:
    try:
        converted = convert(name, data)
    except IntakeError as error:
        assert str(error) and "\n" not in str(error)
        return None
    assert converted.text.endswith("\n") and "\x00" not in converted.text
    return converted.text


@SLOW
@given(st.sampled_from(MAGICS), st.binary(max_size=3000), st.sampled_from(NAMES))
def test_random_bytes_behind_any_magic_are_converted_or_refused(
        magic: bytes, rest: bytes, name: str) -> None:
    _converts_or_refuses(name, magic + rest)


_PDF = pdf_bytes(["Fares rose by 12% in 2016.", "Page two."])
_DOCX = docx_bytes(["Fares rose by 12% in 2016."], heading="Fares")


@SLOW
@given(st.sampled_from([("a.pdf", _PDF), ("a.docx", _DOCX)]), st.floats(0, 1),
       st.binary(max_size=64))
def test_cut_short_or_corrupted_files_are_converted_or_refused(
        file: tuple[str, bytes], cut: float, noise: bytes) -> None:
    name, data = file
    at = int(len(data) * cut)
    _converts_or_refuses(name, data[:at] + noise)
    _converts_or_refuses(name, data[:at] + noise + data[at + len(noise):])


_HOSTILE = st.sampled_from([
    "<script>alert(1)</script>", "<SCRIPT src=x>", "<img src=x onerror=alert(1)>",
    "<a href='javascript:alert(1)'>link</a>", "![img](http://x/y.png)",
    "[a](javascript:alert(1))", "<iframe src=x></iframe>", "<style>*{}</style>",
    "<object data=x>", "<svg onload=alert(1)>", "<!-- c -->", "<p>", "</p>", "12%",
    " words ", "\n", "<b>", "<div hidden>x</div>", "<",
])


@settings(deadline=None, max_examples=40)
@given(st.lists(_HOSTILE, min_size=1, max_size=30).map("".join),
       st.sampled_from(["page.html", "note.md"]))
def test_no_markup_survives_from_html_or_markdown(body: str, name: str) -> None:
    data = (f"<html><body>{body} words</body></html>" if name.endswith("html")
            else f"{body} words").encode()
    text = _converts_or_refuses(name, data)  # refused when nothing is left but markup
    if text is not None:
        assert not _MARKUP.findall(text), text
        assert name.endswith(".md") or not re.search(r"<\s*/?\s*(?:p|b|div|a)\b", text)


def test_escaped_markup_in_html_is_the_words_a_reader_sees() -> None:
    """`&lt;b&gt;` is a page's way of showing the characters "<b>": they are its words, and
    the reader's page shows them as text."""
    assert convert("p.html", b"<p>Write &lt;b&gt; for bold.</p>").text == \
        "Write <b> for bold.\n"


def test_an_html_page_nested_very_deep_is_read_without_recursion() -> None:
    page = b"<div>" * 50_000 + b"Deep 12%" + b"</div>" * 50_000
    assert convert("deep.html", page).text == "Deep 12%\n"
