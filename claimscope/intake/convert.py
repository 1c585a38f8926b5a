"""`convert(name, data)`: any accepted file to the normalised text ClaimScope examines.

Texts (Markdown, plain text) are converted here. PDF, Word and HTML go through their
libraries in a separate Python process (`claimscope.intake.worker`) with a memory cap and
a hard time limit, so a file built to hang or exhaust a parser is stopped and only that
process dies; the converter also checks a deadline page by page on its own. Every text
then goes through `clean_markdown` (it is kept as document.md) and `normalise`.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from claimscope.intake.errors import IntakeError
from claimscope.intake.kinds import Kind, detect
from claimscope.intake.limits import LIMITS, Limits
from claimscope.intake.markdown import clean_markdown
from claimscope.intake.result import Extracted
from claimscope.intake.text import decode, normalise

__all__ = ["LIMITS", "Converted", "Limits", "convert"]


@dataclass(frozen=True)
class Converted:
    """A file as ClaimScope keeps it: `text` exactly as converted and normalised (the
    document's text from now on), its `sha256` (of the text as UTF-8, which is the hash a
    document folder's `document.yaml` gives), the `kind` it was read as, its page count
    (PDF only), the title it declares ("" if none) and notes on what was left out."""

    text: str
    sha256: str
    kind: Kind
    pages: int | None = None
    title: str = ""
    notes: tuple[str, ...] = ()


def convert(name: str, data: bytes, limits: Limits = LIMITS) -> Converted:
    """Convert one file; raises IntakeError, with a message for the reader, on anything
    that cannot be taken in."""
    if len(data) > limits.bytes:
        raise IntakeError(f"The file is {len(data) / 1e6:,.1f} MB; ClaimScope takes files "
                          f"of up to {limits.bytes / 1e6:,.0f} MB.")
    if not data.strip():
        raise IntakeError("The file is empty.")
    kind = detect(name, data)
    if kind in ("markdown", "text"):
        extracted = Extracted(decode(data), None, "", ())
    else:
        extracted = _in_worker(kind, data, limits)
    # Every text is kept as a Markdown file (document.md): whatever the source, nothing in
    # it may load or run anything if it is ever rendered.
    text = normalise(clean_markdown(extracted.text))
    if not text.strip():
        raise IntakeError("The file holds no text to examine.")
    return Converted(text, hashlib.sha256(text.encode("utf-8")).hexdigest(), kind,
                     extracted.pages, " ".join(normalise(extracted.title).split()),
                     extracted.notes)


def _in_worker(kind: Kind, data: bytes, limits: Limits) -> Extracted:
    """Run the library converter in a separate process, bounded in time and memory."""
    command = [sys.executable, "-m", "claimscope.intake.worker", kind,
               json.dumps(limits.__dict__)]
    try:
        done = subprocess.run(command, input=data, capture_output=True,  # noqa: S603
                              timeout=limits.seconds + 5, check=False,
                              cwd=_package_root(), env=_worker_environment())
    except subprocess.TimeoutExpired:
        raise IntakeError(limits.too_slow) from None
    try:
        answer = json.loads(done.stdout)
    except ValueError:
        answer = None
    if not isinstance(answer, dict):
        raise IntakeError("This file could not be converted: reading it failed (it may be "
                          "damaged, or too large to open). Export it again and try "
                          "again.")
    if "error" in answer:
        raise IntakeError(str(answer["error"]))
    return Extracted(answer["text"], answer["pages"], answer["title"], tuple(answer["notes"]))


def _package_root() -> str:
    return str(Path(__file__).resolve().parents[2])


def _worker_environment() -> dict[str, str]:
    """Only what Python needs: nothing of the server's own settings reaches the worker."""
    keep = ("PATH", "LANG", "LC_ALL", "HOME", "TMPDIR", "SYSTEMROOT")
    env = {key: os.environ[key] for key in keep if key in os.environ}
    env["PYTHONPATH"] = _package_root()
    return env
