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
        "label: Residents\n", f"label: {_quoted('Residents ' + HOSTILE)}\n").replace(
        "title: How complete the records are (assumption)\n",
        f"title: {_quoted('How complete ' + HOSTILE)}\n")
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


def hostile_reader_files() -> dict[str, str]:
    """A reader's document as the editor makes it, the hostile words in its text, its
    title, author and publisher, a claim's who and when and unit, and the model's labels
    and units: what the store keeps for a reader who means harm."""
    from claimscope.authoring.decisions import Kept
    from claimscope.authoring.model_draft import InputDraft, ModelDraft, OutputDraft
    from claimscope.authoring.workspace import About, folder_files
    from claimscope.finder import find_mentions

    text = f"# Loans {HOSTILE}\n\nThe library lent 48,000 books. {HOSTILE}\n"
    mentions = tuple(find_mentions(text))
    (number,) = [n for n, m in enumerate(mentions) if m.text == "48,000"]
    kept = Kept(48000, "books " + HOSTILE, "reported", "figures", HOSTILE, HOSTILE)
    claim = f"claim-{number + 1:03d}"
    model = ModelDraft(
        (InputDraft("loans", "Loans " + HOSTILE, "count", 48000, 4800, 480000, 100,
                    (claim,), "Help " + HOSTILE),),
        (OutputDraft("total", "Total " + HOSTILE, "books " + HOSTILE, "loans * 2"),),
        "total", claim)
    about = About("Loans " + HOSTILE, HOSTILE, HOSTILE, 2024, HOSTILE)
    return folder_files(text, hashlib.sha256(text.encode()).hexdigest(), about, mentions,
                        {number: kept}, model)
