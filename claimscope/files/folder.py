"""A document folder held as texts (file name -> text), read like a folder on disk.

A reader's saved document lives in the store, not under data/: its files are loaded from
this mapping by the same loaders as a shipped folder's, so the same validation applies.
Only what the loaders ask of a folder is offered (a file's name, text and bytes, and
whether it exists), and nothing held here is ever run: a document's code is loaded only
from a folder on disk (see `claimscope.bundle.load_bundle`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol


class DataFile(Protocol):
    """What the loaders ask of a data file: a `pathlib.Path` is one, a `HeldFile` too."""

    @property
    def name(self) -> str: ...

    @property
    def parent(self) -> Any: ...  # the folder holding it

    def read_text(self, encoding: str | None = None) -> str: ...

    def read_bytes(self) -> bytes: ...

    def is_file(self) -> bool: ...

    def exists(self) -> bool: ...


class HeldFile:
    """One file of a `HeldFolder`; a name the folder does not hold reads as missing."""

    def __init__(self, folder: HeldFolder, name: str) -> None:
        self._folder = folder
        self.name = name

    @property
    def parent(self) -> HeldFolder:
        return self._folder

    def read_bytes(self) -> bytes:
        text = self._folder.texts.get(self.name)
        if text is None:
            raise FileNotFoundError(str(self))
        return text.encode("utf-8")

    def read_text(self, encoding: str | None = None) -> str:
        return self.read_bytes().decode(encoding or "utf-8")

    def is_file(self) -> bool:
        return self.name in self._folder.texts

    exists = is_file

    def __str__(self) -> str:
        return f"{self._folder}/{self.name}"

    def __repr__(self) -> str:
        return f"HeldFile({str(self)!r})"


class HeldFolder:
    """A document folder as file name -> text. `label` names it in messages and in the
    keys of caches (e.g. "saved/<id>"); names are plain file names, never paths."""

    def __init__(self, label: str, texts: Mapping[str, str]) -> None:
        for name in texts:
            if not name or "/" in name or "\\" in name or name in (".", ".."):
                raise ValueError(f"{name!r} is not a plain file name")
            texts[name].encode("utf-8")  # a lone surrogate is no text a file can hold
        self.label = label
        self.texts = dict(texts)

    @property
    def name(self) -> str:
        return self.label.rsplit("/", 1)[-1]

    def __truediv__(self, name: str) -> HeldFile:
        return HeldFile(self, name)

    def version(self) -> str:
        """Every file's name and text, as one short string (as `folder_version` is for a
        folder on disk): two different sets of texts never share a cache entry."""
        digest = hashlib.sha256()
        for name in sorted(self.texts):
            for part in (name, self.texts[name]):
                data = part.encode("utf-8")
                digest.update(len(data).to_bytes(8, "big") + data)
        return digest.hexdigest()[:16]

    def __str__(self) -> str:
        return self.label

    def __repr__(self) -> str:
        return f"HeldFolder({self.label!r}, {len(self.texts)} files)"

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, HeldFolder) and other.label == self.label
                and other.texts == self.texts)

    def __hash__(self) -> int:
        return hash((self.label, self.version()))


# A document folder: on disk (shipped, or named by CLAIMSCOPE_DOCUMENT) or held as texts.
Folder = Path | HeldFolder
