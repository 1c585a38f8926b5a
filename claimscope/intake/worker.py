"""The separate process `convert` runs PDF, Word and HTML converters in: the file's bytes on
standard input, one JSON answer on standard output (`text`, `pages`, `title`, `notes`,
or `error`, a message for the reader). Its address space is capped before any library
reads the file, so a file that would exhaust memory ends this process only."""

from __future__ import annotations

import json
import resource
import sys

from claimscope.intake.docx import docx_text
from claimscope.intake.errors import IntakeError
from claimscope.intake.html import html_text
from claimscope.intake.limits import Limits
from claimscope.intake.pdf import pdf_text

_CONVERTERS = {"pdf": pdf_text, "docx": docx_text, "html": html_text}


def main(kind: str, limits: Limits) -> dict:
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = limits.memory_bytes if hard == resource.RLIM_INFINITY else min(hard,
                                                                         limits.memory_bytes)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    data = sys.stdin.buffer.read(limits.bytes + 1)
    try:
        text, pages, title, notes = _CONVERTERS[kind](data, limits)
    except IntakeError as error:
        return {"error": str(error)}
    except (MemoryError, RecursionError):
        return {"error": "This file needs more memory than ClaimScope allows a conversion; "
                         "it may be built to exhaust memory. Try a smaller part of it."}
    return {"text": text, "pages": pages, "title": title, "notes": list(notes)}


if __name__ == "__main__":
    answer = main(sys.argv[1], Limits(**json.loads(sys.argv[2])))
    sys.stdout.write(json.dumps(answer))
