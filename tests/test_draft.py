"""Drafting a document folder from a file: the folder loads as it is, every quote is
verbatim and unique, and every number is a claim or a not-claim with its reason."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimscope.__main__ import main
from claimscope.authoring import DraftError, draft_files, quote_for, write_draft
from claimscope.bundle import load_bundle
from claimscope.finder import find_mentions
from claimscope.intake import convert
from tests.intake_files import docx_bytes, pdf_bytes

# An invented note on a subject no fixture has (library opening hours), in several forms.
PARAGRAPHS = [
    "The county's 38 libraries opened for 1,420 hours a week in 2024, down 12% on 2019.",
    "About a third of branches now open on Saturdays, and one in five closes at 1pm.",
    "Book loans fell to 2.1 million, while e-book loans doubled to 640,000 (see section "
    "3.2 and Annex B).",
    "The budget for 2025/26 is £9.8m, between 5 and 10 per cent below the 2020 level.",
    "Questions: call 0300 555 0199 or write to 12 Mill Lane, Leeds LS1 4AB.",
]
HTML = ("<html><head><title>Library hours</title><script>alert(1)</script></head><body>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "<p><a href='javascript:alert(1)'>more</a><img src=x></p></body></html>")
FILES = {
    "note.txt": "\n\n".join(PARAGRAPHS).encode(),
    "note.html": HTML.encode(),
    "note.pdf": pdf_bytes([p.replace("£", "GBP ") for p in PARAGRAPHS[:3]]
                          + ["\n".join(p.replace("£", "GBP ") for p in PARAGRAPHS[3:])]),
    "note.docx": docx_bytes(PARAGRAPHS, heading="Library hours"),
}


def _draft(tmp_path: Path, name: str, data: bytes) -> Path:
    converted = convert(name, data)
    files = draft_files(converted, name, "library-note", 2026)
    return write_draft(files, tmp_path / "draft")


@pytest.mark.parametrize("name", sorted(FILES))
def test_a_draft_from_each_kind_of_file_loads_and_passes_validation(tmp_path: Path,
                                                                    name: str) -> None:
    folder = _draft(tmp_path, name, FILES[name])
    bundle = load_bundle(folder)
    assert bundle.integrity_problems() == []
    claims = bundle.catalogue.claims.values()
    mentions = {claim.mention for claim in claims}
    assert {"38", "12%", "About a third", "one in five", "doubled", "2025/26"} <= mentions
    assert any(c.value == pytest.approx(1 / 3) for c in claims)
    reasons = {n.text: n.reason for n in bundle.not_claims}
    assert reasons["3.2"] == "a section, annex, article or paragraph number"
    assert ("1", "a time of day") in {(n.text, n.reason) for n in bundle.not_claims}  # 1pm
    assert reasons["0300"] == "a phone number" and reasons["4"] == "a postcode"
    assert all(n.reason for n in bundle.not_claims)
    assert bundle.document.sha256_ok
    assert [step.output for step in bundle.model.steps] == [bundle.model.headline]


def test_the_draft_keeps_the_text_and_its_hash(tmp_path: Path) -> None:
    converted = convert("note.html", FILES["note.html"])
    folder = _draft(tmp_path, "note.html", FILES["note.html"])
    assert (folder / "document.md").read_text(encoding="utf-8") == converted.text
    meta = yaml.safe_load((folder / "document.yaml").read_text(encoding="utf-8"))
    assert meta["sha256"] == converted.sha256 and meta["title"] == "Library hours"
    assert meta["date"] == 2025  # the latest year the text names, up to this year
    assert "<" not in converted.text and "javascript" not in converted.text


def test_a_quote_is_the_sentence_and_shows_its_own_mention_first() -> None:
    text = "Costs rose 5% in 2020. Staff rose 5% too, to 40. Costs rose 5% in 2020."
    mentions = find_mentions(text)
    second_five = [m for m in mentions if m.text == "5%"][1]
    quote = quote_for(text, second_five)
    assert quote == "Staff rose 5% too, to 40."
    repeated = [m for m in mentions if m.text == "5%"][2]  # its sentence occurs twice
    quote = quote_for(text, repeated)
    assert text.count(quote) == 1
    assert text.find(quote) + quote.find("5%") == repeated.start


def test_a_text_without_a_claim_cannot_be_drafted() -> None:
    with pytest.raises(DraftError, match="nothing to draft"):
        draft_files(convert("a.md", b"See section 3 and call 0800 123 4567."), "a.md", "a",
                    2026)


_SENTENCES = st.sampled_from([
    "Costs rose 5% in 2020.", "Staff rose 5% too, to 40.", "See section 3.1.",
    "A third of sites closed.", "Call 0800 123 4567.", "One of them is old.",
    "It cost £1.2bn over 2016/17.", "Five sites, then the five sites again.",
    "Between 5 and 10 per cent.", "1. A list item", "Dozens of people came.",
    "It doubled.<sup>2</sup>", "The 21st session, 14 to 18 May 2018.", "Page 4",
])


@settings(deadline=None, max_examples=30, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(st.lists(_SENTENCES, min_size=1, max_size=12),
       st.lists(st.sampled_from([" ", "\n", "\n\n"]), min_size=12, max_size=12))
def test_any_mix_of_sentences_drafts_a_folder_that_passes_validation(
        tmp_path_factory: pytest.TempPathFactory, sentences: list[str], gaps: list[str]
        ) -> None:
    text = "".join(s + gaps[i] for i, s in enumerate(sentences)) + "In 2024 it was 7%."
    folder = _draft(tmp_path_factory.mktemp("d"), "n.md", text.encode())
    assert load_bundle(folder).integrity_problems() == []


def test_the_command_line_prints_json_lines_and_drafts_a_folder(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "note.txt"
    source.write_bytes(FILES["note.txt"])
    assert main(["mentions", str(source)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    first = next(line for line in lines if line["text"] == "38")
    assert first == {"start": 13, "end": 15, "text": "38", "value": 38.0,
                     "likely_claim": True, "reason": "a number"}
    text = convert("note.txt", FILES["note.txt"]).text
    assert all(text[line["start"]:line["end"]] == line["text"] for line in lines)
    assert main(["draft", str(source), "--out", str(tmp_path / "out")]) == 0
    assert load_bundle(tmp_path / "out").integrity_problems() == []
    assert main(["draft", str(source), "--out", str(tmp_path / "out")]) == 2
    assert "not empty" in capsys.readouterr().err


def test_the_command_line_refuses_a_bad_file_in_plain_words(tmp_path: Path) -> None:
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"not a pdf")
    done = subprocess.run([sys.executable, "-m", "claimscope", "mentions", str(bad)],
                          capture_output=True, text=True, check=False,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().startswith("The file is named .pdf but its content is not")
