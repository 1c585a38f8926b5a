"""A document folder written by someone hostile: the clinic fixture with script tags, raw
HTML, Markdown images that would fetch from another host and `javascript:` links in its
text, its quotes, its titles, its claims' fields and its model's labels. Served, every page
must show all of it as text: nothing runs, nothing is fetched, no link goes anywhere."""

from __future__ import annotations

import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLINIC = ROOT / "tests" / "fixtures" / "fixture-clinic-2024"
# No digits in it: it adds no number the catalogue would have to account for.
HOSTILE = ("<script>window.__pwned='script'</script> ![seen](http://evil.example/i.png) "
           "[click me](javascript:window.__pwned='link') "
           "<img src=\"http://evil.example/y.png\" onerror=\"window.__pwned='img'\"> "
           "<a href=\"javascript:window.__pwned='a'\">here</a> "
           ":red[coloured] $x^y$ <b>bold</b>")


def hostile_texts() -> dict[str, str]:
    """The clinic fixture's files, the hostile words put in every field a page draws."""
    texts = {p.name: p.read_text(encoding="utf-8") for p in CLINIC.iterdir() if p.is_file()}
    text = texts["document.md"].replace(
        "Riverby had 18,500\nresidents", f"Riverby had 18,500 {HOSTILE}\nresidents")
    text += f"\n{HOSTILE}\n"
    texts["document.md"] = text
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    meta = texts["document.yaml"]
    old = next(line for line in meta.splitlines() if line.startswith("sha256:"))
    meta = meta.replace(old, f"sha256: {digest}")
    for field in ("title", "short_title"):
        line = next(line for line in meta.splitlines() if line.startswith(f"{field}:"))
        meta = meta.replace(line, f"{field}: {_quoted('Riverby ' + HOSTILE)}")
    texts["document.yaml"] = meta
    claims = texts["claims.yaml"].replace(
        "quote: Riverby had 18,500\n", f"quote: {_quoted('Riverby had 18,500 ' + HOSTILE)}\n")
    claims = claims.replace("who: Riverby Community Clinic (fictional)",
                            f"who: {_quoted('Riverby ' + HOSTILE)}")
    texts["claims.yaml"] = claims
    texts["inputs.yaml"] = texts["inputs.yaml"].replace(
        "label: Residents\n", f"label: {_quoted('Residents ' + HOSTILE)}\n")
    texts["model.yaml"] = texts["model.yaml"].replace(
        "label: Recorded visits\n", f"label: {_quoted('Recorded visits ' + HOSTILE)}\n")
    return texts


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_hostile_document(folder: Path) -> Path:
    """The hostile document as a folder on disk, e.g. for a server to serve."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in hostile_texts().items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
