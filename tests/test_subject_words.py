"""Generic code speaks of no document's subject (issue 16): every word about a document's
subject (its units, its organisations, its places, its sentences of care) comes from that
document's folder. A scan of every line of generic code, comments and docstrings included,
against the words of the first document's subject; a hit names the file and line."""

from __future__ import annotations

import ast
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


# ---- Literals of the first document ---------------------------------------------------
# Beyond subject words: a reader-visible literal in generic code (a placeholder, a help
# text's example, a default) must not be one of the first document's own figures, names or
# dates. Docstrings and comments may quote them as examples of a format; string and number
# constants may not.

def _first_document_literals() -> tuple[set[str], set[int]]:
    from claimscope.bundle import load_bundle
    from claimscope.files.inputs import format_value

    bundle = load_bundle()
    texts = {claim.mention for claim in bundle.catalogue.claims.values()
             if re.search(r"\d", claim.mention) and len(claim.mention) >= 5}
    for claim in bundle.catalogue.claims.values():  # "Keith Bristow, Director General"
        person = re.match(r"([A-Z][a-z]+) ([A-Z][a-z]+),", claim.who or "")
        if person:
            texts.add(person.group(2))
    texts.update(f"{spec.name}={format_value(spec, spec.default)}"
                 for spec in bundle.inputs.values() if not float(spec.default).is_integer())
    return texts, {int(str(bundle.document.meta.date)[:4])}


FIRST_TEXTS, FIRST_YEARS = _first_document_literals()
GENERIC_CODE = [path for path in GENERIC if path.suffix == ".py"]


def constants_in(source: str) -> list[tuple[int, str | int]]:
    """(line, value) of every string and number constant outside docstrings."""
    tree = ast.parse(source)
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef,
                                       ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and id(node) not in docstrings
            and isinstance(node.value, (str, int)) and not isinstance(node.value, bool)]


def test_the_literal_scan_finds_figures_names_and_years() -> None:
    code = '"""Docstring: 300 million."""\nx = "e.g. Bristow"\nSEED = 2018\n'
    hits = [value for _, value in constants_in(code)
            if value in FIRST_YEARS or (isinstance(value, str)
                                        and any(t in value for t in FIRST_TEXTS))]
    assert hits == ["e.g. Bristow", 2018]


@pytest.mark.parametrize("path", GENERIC_CODE, ids=lambda p: str(p.relative_to(ROOT)))
def test_generic_code_holds_no_literal_of_the_first_document(path: Path) -> None:
    found = [(line, value) for line, value in constants_in(path.read_text(encoding="utf-8"))
             if (isinstance(value, int) and value in FIRST_YEARS)
             or (isinstance(value, str) and any(text in value for text in FIRST_TEXTS))]
    assert not found, (f"{path.relative_to(ROOT)} writes the first document's figures, names "
                       f"or dates at (line, value) {found}: take them from the document "
                       "folder, or say nothing document-specific")
