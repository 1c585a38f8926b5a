"""The files a reader's document folder may hold, and how the editor writes a data file.

A reader's document holds only the files that describe its text, its catalogue and its
model (`READER_FILES`): nothing that ClaimScope draws as Markdown (pages.yaml's intros,
caveats, sources, context data), and never code (README, "Your own document").
"""

from __future__ import annotations

import yaml

TEXT_FILE = "document.md"
READER_FILES = ("document.md", "document.yaml", "claims.yaml", "not_claims.yaml",
                "inputs.yaml", "model.yaml", "sentence.yaml", "vocabulary.yaml",
                "checks.yaml")


def dump_yaml(data: object, comment: str) -> str:
    """A data file's text: `comment` as `#` lines, then the data as YAML."""
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return "".join(f"# {line}\n" for line in comment.splitlines()) + body
