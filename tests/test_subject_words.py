"""Generic code speaks of no document's subject (issue 16): every word about a document's
subject (its units, its organisations, its places, its sentences of care) comes from that
document's folder. A scan of every line of generic code, comments and docstrings included,
against the words of the first document's subject; a hit names the file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GENERIC = sorted([ROOT / "app.py", ROOT / "serve.py",
                  *(p for p in (ROOT / "claimscope").rglob("*") if p.suffix in (".py", ".js",
                                                                               ".css", ".yaml")),
                  *(p for p in (ROOT / "components").rglob("*") if p.suffix in (".py", ".js",
                                                                               ".css"))])

# The first document's subject, its organisations and places, and its sentences of care.
# Not "image": generic code rightly speaks of a chart's PNG image or a Markdown image; the
# subject's images are caught by the words around them (seized, offenders, abuse).
SUBJECT_WORDS = (
    "ecpat", "police", "policing", "force", "forces", "offender", "offenders", "seize",
    "seized", "seizes", "seizure", "seizures", "child", "children", "abuse", "sexual",
    "csam", "exploitation", "sdg", "sdgs", "england", "wales", "arrest", "arrests",
    "network", "luxembourg", "itu", "nspcc", "iwf", "ncmec", "inhope", "carr",
    "cambridgeshire", "nottinghamshire", "harm", "minimise",
)
_SUBJECT = re.compile(r"\b(" + "|".join(SUBJECT_WORDS) + r")\b", re.IGNORECASE)


def subject_words_in(text: str) -> list[tuple[int, str]]:
    """(line, word) of each subject word in a text; words inside identifiers count too
    (`seized_images`, `offenderCount`) as they name the subject as much as prose does."""
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])|_", " ", text)  # camelCase and snake_case apart
    return [(number, match.group(0).lower())
            for number, line in enumerate(spaced.splitlines(), start=1)
            for match in _SUBJECT.finditer(line)]


def test_the_scan_finds_subject_words_in_prose_and_names() -> None:
    code = 'x = 1\nseized_images = n  # five Forces\nconst offenderCount = 2;\nenforce(0)\n'
    assert subject_words_in(code) == [(2, "seized"), (2, "forces"), (3, "offender")]


@pytest.mark.parametrize("path", GENERIC, ids=lambda p: str(p.relative_to(ROOT)))
def test_generic_code_names_no_subject_of_any_document(path: Path) -> None:
    found = subject_words_in(path.read_text(encoding="utf-8"))
    assert not found, (f"{path.relative_to(ROOT)} speaks of a document's subject at "
                       f"(line, word) {found}: take the words from the document folder")
