"""The documents one server serves, each under the id a link names (`doc=<id>`).

Shipped documents are folders on disk: every document folder under data/, the one
`CLAIMSCOPE_DOCUMENT` names (the default, opened by a link with no `doc`, so every link
made before several documents were served still works) and any `CLAIMSCOPE_DOCUMENTS`
lists. A shipped document's id is its folder's name. A reader's saved document is found
by its id in the store instead (see README, "Several documents").
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from claimscope.bundle import DATA_DIR, document_folder, folder_named
from claimscope.files.folder import Folder, HeldFolder
from claimscope.files.schema import DataError, read_yaml
from claimscope.store.ids import is_id
from claimscope.text.markdown import shown

DOC_PARAM = "doc"
MORE_DOCUMENTS = "CLAIMSCOPE_DOCUMENTS"  # further document folders, os.pathsep-separated
# What a shipped document's id may be: letters, digits, hyphens and underscores, a letter
# or digit first (a folder name under data/). A saved document's id is the store's
# (`claimscope.store.ids`), which may begin with - or _.
DOCUMENT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,79}")
MAX_TITLE = 120  # characters of a title the switcher lists


@dataclass(frozen=True)
class Shelf:
    default: str  # the id of the document a link with no `doc` opens
    folders: Mapping[str, Path]  # every shipped document's folder by id, the default first

    def folder(self, document_id: str) -> Path | None:
        return self.folders.get(document_id)


def _more_documents() -> list[str]:
    raw = os.environ.get(MORE_DOCUMENTS, "")
    return [name.strip() for name in raw.split(os.pathsep) if name.strip()]


def served() -> Shelf:
    """The shipped documents this server serves. A folder named by a setting hides one of
    the same name under data/ (e.g. an edited copy of it); raises a DataError naming the
    setting or folder at fault: a folder that is not a document, a folder name that is no
    id, or two folders named by the settings under one name (an id names one document)."""
    default = document_folder()
    named = [default, *(folder_named(name, MORE_DOCUMENTS) for name in _more_documents())]
    folders: dict[str, Path] = {}
    for folder in named:
        if not DOCUMENT_ID.fullmatch(folder.name):
            raise DataError(folder, "a document folder's name is its id in links (doc=): "
                                    "use letters, digits, hyphens and underscores only")
        known = folders.setdefault(folder.name, folder)
        if known != folder:
            raise DataError(folder, f"has the same name as {known}: two documents served "
                                    "at once need different folder names (their ids)")
    for entry in sorted(DATA_DIR.iterdir()):
        if DOCUMENT_ID.fullmatch(entry.name) and (entry / "document.yaml").is_file():
            folders.setdefault(entry.name, entry.resolve())
    return Shelf(default.name, folders)


def saved_folder(document_id: str, read: Callable[[str], Mapping[str, str] | None]
                 ) -> HeldFolder | None:
    """A reader's saved document as a folder held as texts (`saved/<id>`), found by `read`
    (the store's files of that id, None if there is none); an id without the shape of
    the store's ids is never looked up."""
    if not is_id(document_id):
        return None
    files = read(document_id)
    return None if files is None else HeldFolder(f"saved/{document_id}", files)


def read_doc_param(raw: str | Sequence[str] | None, known: Callable[[str], bool],
                   default: str) -> tuple[str, str | None]:
    """The document a link names and, if it names none served here, the plain-words
    notice saying the default is shown instead. Whitelist-parsed: an id is checked for
    its shape before `known` (which may ask the store) sees it."""
    if isinstance(raw, (list, tuple)):
        raw = raw[-1] if raw else None
    text = (raw or "").strip()
    if not text:
        return default, None
    if (DOCUMENT_ID.fullmatch(text) or is_id(text)) and known(text):
        return text, None
    return default, (f"{DOC_PARAM}={shown(text)} names no document served here; showing "
                     "the default document instead.")


def doc_query(document_id: str, default: str) -> dict[str, str]:
    """The `doc` part of a link: none for the default document, so its links stay as
    they were before several documents were served."""
    return {} if document_id == default else {DOC_PARAM: document_id}


def short_title(folder: Folder) -> str:
    """The document's short title (document.yaml's `short_title`) as the switcher lists
    it; its folder's name when document.yaml gives none (opening it shows the error)."""
    try:
        meta = read_yaml(folder / "document.yaml")
    except DataError:
        return folder.name
    title = meta.get("short_title") if isinstance(meta, dict) else None
    if not isinstance(title, str) or not title.strip():
        return folder.name
    return " ".join(title.split())[:MAX_TITLE]
