"""The mention finder's figures (run with `make bench`): recall and precision on the
labelled sentences, on held-out sentences written after its rules were frozen, and on
the three documents' catalogues, the time to find every
mention of a 300-page text, and the time to convert a 300-page PDF.

The 300-page text repeats varied text (the labelled sentences and the three documents,
in turn) to 300 pages of 3,000 characters, about a printed page each.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimscope.authoring.measure import (  # noqa: E402
    load_labelled,
    score_catalogue,
    score_labelled,
)
from claimscope.bundle import DATA_DIR, load_bundle  # noqa: E402
from claimscope.finder import find_mentions  # noqa: E402
from claimscope.intake import convert  # noqa: E402
from tests.intake_files import pdf_bytes  # noqa: E402

LABELLED = ROOT / "tests" / "finder" / "labelled.yaml"
HELD_OUT = ROOT / "tests" / "finder" / "held_out.yaml"  # written after the rules were frozen
DOCUMENTS = [DATA_DIR / "ecpat-cstd21-2018",
             *sorted((ROOT / "tests" / "fixtures").glob("fixture-*"))]
PAGE = 3_000
PAGES = 300


def _line(name: str, value: float, unit: str) -> None:
    print(f"{name}: {value:.3f} {unit}")


def main() -> None:
    sets = load_labelled(LABELLED)
    labelled = score_labelled(sets)
    mentions = [e for s in sets for e in s.expected]
    _line("finder labelled sentences", len(sets), "sentences")
    _line("finder labelled mentions", len(mentions), "mentions")
    _line("finder labelled share not claims",
          sum(not e.likely_claim for e in mentions) / len(mentions), "")
    _line("finder labelled recall", labelled.recall, "")
    _line("finder labelled precision", labelled.precision, "")
    _line("finder labelled exact spans", labelled.exact_spans / labelled.matched, "")
    held_out = load_labelled(HELD_OUT)
    held = score_labelled(held_out)
    _line("finder held-out sentences", len(held_out), "sentences")
    _line("finder held-out mentions", held.expected, "mentions")
    _line("finder held-out recall", held.recall, "")
    _line("finder held-out precision", held.precision, "")
    bundles = [load_bundle(folder) for folder in DOCUMENTS]
    catalogues = sum((score_catalogue(b) for b in bundles[1:]), score_catalogue(bundles[0]))
    _line("finder catalogues mentions", catalogues.expected, "mentions")
    _line("finder catalogues recall", catalogues.recall, "")
    _line("finder catalogues precision", catalogues.precision, "")

    pieces = [s.text for s in sets] + [b.document.text for b in bundles]
    text, index = [], 0
    while sum(map(len, text)) < PAGE * PAGES:
        text.append(pieces[index % len(pieces)])
        index += 1
    book = "\n\n".join(text)[:PAGE * PAGES]
    wall, cpu = [], []
    for _ in range(3):
        started, started_cpu = time.perf_counter(), time.process_time()
        found = find_mentions(book)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    _line("finder 300-page text mentions", len(found), "mentions")
    # CPU time is the finder's own cost; wall time also counts other work on the machine.
    _line("finder 300-page text median CPU time", statistics.median(cpu), "s")
    _line("finder 300-page text median wall time", statistics.median(wall), "s")

    per_page = 1_200  # what fits on an A4 page in the generated PDF's font
    pdf = pdf_bytes([book[i:i + per_page].encode("latin-1", "replace").decode("latin-1")
                     for i in range(0, PAGES * per_page, per_page)])
    started = time.perf_counter()
    converted = convert("book.pdf", pdf)
    _line("intake 300-page PDF conversion", time.perf_counter() - started, "s")
    _line("intake 300-page PDF pages", converted.pages or 0, "pages")


if __name__ == "__main__":
    main()
