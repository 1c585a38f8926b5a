"""A reader's document folder, held as texts, checked before anything loads it.

A reader's files are hostile input wherever they come from (the editor, an imported zip,
the store): only the file names of `READER_FILES`, bounded in size, UTF-8 text, YAML with
no tags, anchors or aliases (a tag could ask for a type, an alias could make a small file
expand without end when it is checked), and no field ClaimScope would draw as Markdown
(a document's content note, care note and help services). Then the same loaders and
validation as for a shipped folder (`claimscope.bundle.load_bundle`), which never run a
held folder's code.
"""

from __future__ import annotations

from collections.abc import Mapping

import yaml

from claimscope.authoring.files import READER_FILES, TEXT_FILE
from claimscope.bundle import Bundle, load_bundle
from claimscope.files.folder import HeldFolder

REQUIRED = (TEXT_FILE, "document.yaml", "claims.yaml", "inputs.yaml", "model.yaml")
MAX_BYTES = 4 * 1024 * 1024  # all the files' text as UTF-8: what the store keeps at most
# document.yaml's fields that pages draw as Markdown (links to help services): a shipped
# document's own words, never a reader's.
MARKDOWN_FIELDS = ("content_note", "care_note", "help_services")



class ReaderFolderError(ValueError):
    """A reader's folder refused before loading; the message says why, in plain words."""


def _yaml_problem(name: str, text: str) -> str | None:
    try:
        for event in yaml.parse(text):
            kind = ("an alias (*…)" if isinstance(event, yaml.AliasEvent) else
                    "an anchor (&…)" if getattr(event, "anchor", None) else
                    "a tag (!…)" if getattr(event, "tag", None) else None)
            if kind is not None:
                line = event.start_mark.line + 1
                return (f"{name} uses {kind} near line {line}; a reader's document may "
                        "hold plain YAML only.")
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        near = f" near line {mark.line + 1}" if mark is not None else ""
        return f"{name} is not valid YAML{near}."
    return None


def _document_problems(text: str) -> list[str]:
    try:
        meta = yaml.safe_load(text)
    except yaml.YAMLError:
        return ["document.yaml is not valid YAML."]
    if not isinstance(meta, dict):
        return []  # the loader says what document.yaml must hold
    problems = [f"document.yaml's {field} is shown as formatted text, which a reader's "
                "document may not give; remove it." for field in MARKDOWN_FIELDS
                if meta.get(field) is not None]
    if meta.get("text_file", TEXT_FILE) != TEXT_FILE:
        problems.append(f"document.yaml's text_file must be {TEXT_FILE}.")
    return problems


def reader_problems(files: Mapping[str, str]) -> list[str]:
    """Everything that stops these texts being a reader's document folder, in words."""
    unknown = sorted(name for name in files if name not in READER_FILES)
    if unknown:
        shown = ", ".join(repr(name[:60]) for name in unknown[:5])
        return [f"A reader's document holds only {', '.join(READER_FILES)}; not {shown}"
                + (f" and {len(unknown) - 5} more" if len(unknown) > 5 else "") + "."]
    problems = [f"The folder has no {name}." for name in REQUIRED if name not in files]
    size = sum(len(text.encode("utf-8", "surrogatepass")) for text in files.values())
    if size > MAX_BYTES:
        return [f"The folder's files hold {size / 1e6:,.1f} MB of text; a reader's "
                f"document may hold {MAX_BYTES / 1e6:,.1f} MB."]
    for name, text in files.items():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            problems.append(f"{name} holds characters that are not text.")
            continue
        if name.endswith(".yaml"):
            problem = _yaml_problem(name, text)
            if problem:
                problems.append(problem)
            elif name == "document.yaml":
                problems.extend(_document_problems(text))
    return problems


def reader_bundle(label: str, files: Mapping[str, str]) -> Bundle:
    """The loaded document, checked first as a reader's: raises ReaderFolderError with
    every problem, or DataError (naming file and field) from the loaders."""
    problems = reader_problems(files)
    if problems:
        raise ReaderFolderError(" ".join(problems))
    return load_bundle(HeldFolder(label, files))
