"""A reader's document folder as a zip file: written for download, read back on import.

The zip holds one folder named by the document's id, with the folder's files in it, so
that unzipped it is a folder `CLAIMSCOPE_DOCUMENT` serves. Reading one is reading hostile
input: the archive is bounded (its size, its number of entries, each file's size and
compression ratio, all read with a cap whatever the archive declares), every entry must
be a plain file of a name a reader's document may hold (`READER_FILES`) at the top or in
one folder, never a link, an encrypted entry, a path that climbs out (`..`, `/x`, `C:`)
or a name given twice, and every file must be UTF-8 text. Anything else refuses the
whole zip with one message; nothing is written to disk.
"""

from __future__ import annotations

import io
import re
import stat
import zipfile
import zlib
from collections.abc import Mapping

from claimscope.authoring.files import READER_FILES

MAX_ZIP_BYTES = 10 * 1024 * 1024  # the upload limit
MAX_ENTRIES = 2 * len(READER_FILES)  # the files and, at most, their folder
MAX_FILE_BYTES = 4 * 1024 * 1024  # a file once unpacked (a long document's text)
MAX_TOTAL_BYTES = 4 * 1024 * 1024  # all of them: what a reader's document may hold
MAX_RATIO = 200  # how many times a file may outgrow its compressed size (past 64 kB)
_SMALL = 64 * 1024  # files smaller than this may compress as well as they like
_FOLDER = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,79}")
_FIXED_TIME = (2020, 1, 1, 0, 0, 0)  # the same files make the same zip


class FolderZipError(ValueError):
    """A zip refused; the message says why, in plain words."""


def folder_zip(folder_id: str, files: Mapping[str, str]) -> bytes:
    """The files, by name, in a zip under one folder named `folder_id`."""
    if not _FOLDER.fullmatch(folder_id):
        raise ValueError(f"{folder_id!r} is not a folder name")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            entry = zipfile.ZipInfo(f"{folder_id}/{name}", date_time=_FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = (stat.S_IFREG | 0o644) << 16
            archive.writestr(entry, files[name].encode("utf-8"))
    return buffer.getvalue()


def _is_special(entry: zipfile.ZipInfo) -> bool:
    """A link (or a device, a pipe): a Unix file type other than a file or a folder."""
    return stat.S_IFMT(entry.external_attr >> 16) not in (0, stat.S_IFREG, stat.S_IFDIR)


def _file_name(entry: zipfile.ZipInfo, folders: set[str]) -> str | None:
    """The file name an entry holds (None for the folder's own entry); refuses any path
    other than `name` or `folder/name`."""
    path = entry.filename
    if "\\" in path or path.startswith("/") or ":" in path or "\x00" in path:
        raise FolderZipError(f"The zip holds a path ClaimScope does not open "
                             f"({path[:60]!r}): only the folder's own files, by name.")
    parts = path.rstrip("/").split("/")
    if any(part in ("", ".", "..") for part in parts) or len(parts) > 2:
        raise FolderZipError(f"The zip holds a path ClaimScope does not open "
                             f"({path[:60]!r}): only the folder's own files, by name.")
    if entry.is_dir():
        if len(parts) != 1 or not _FOLDER.fullmatch(parts[0]):
            raise FolderZipError("The zip may hold one folder of a plain name, no more.")
        folders.add(parts[0])
        return None
    if len(parts) == 2:
        folders.add(parts[0])
    return parts[-1]


def read_folder_zip(data: bytes) -> dict[str, str]:
    """The files of an exported document folder, by name, as text; raises
    FolderZipError for anything but a bounded zip of a reader's files."""
    if len(data) > MAX_ZIP_BYTES:
        raise FolderZipError(f"The zip is {len(data) / 1e6:,.1f} MB; ClaimScope opens "
                             f"zips of up to {MAX_ZIP_BYTES / 1e6:,.0f} MB.")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError,
            OSError, EOFError):  # NotImplementedError: a member needs a newer zip version
        raise FolderZipError("This is not a zip file ClaimScope can open: export the "
                             "folder again and try again.") from None
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES:
            raise FolderZipError(f"The zip holds {len(entries):,} entries; a document "
                                 f"folder has at most {len(READER_FILES)} files.")
        return _read_entries(archive, entries)


def _check_entry(entry: zipfile.ZipInfo, name: str, files: dict[str, str]) -> None:
    if entry.flag_bits & 0x1:
        raise FolderZipError("The zip is encrypted; export the folder again without a "
                             "password.")
    if _is_special(entry):
        raise FolderZipError(f"{name[:60]!r} in the zip is a link, not a file; ClaimScope "
                             "opens plain files only.")
    if name not in READER_FILES:
        raise FolderZipError(f"The zip holds {name[:60]!r}: a reader's document holds "
                             f"only {', '.join(READER_FILES)}.")
    if name in files:
        raise FolderZipError(f"The zip holds {name} twice.")
    if entry.file_size > MAX_FILE_BYTES:
        raise FolderZipError(f"{name} is {entry.file_size / 1e6:,.1f} MB unpacked; at most "
                             f"{MAX_FILE_BYTES / 1e6:,.0f} MB.")
    if entry.file_size > _SMALL and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
        raise FolderZipError(f"{name} is compressed far more than text ever is; ClaimScope "
                             "does not open it (a zip bomb?).")


def _read_entries(archive: zipfile.ZipFile, entries: list[zipfile.ZipInfo]) -> dict[str, str]:
    files: dict[str, str] = {}
    folders: set[str] = set()
    total = 0
    for entry in entries:
        name = _file_name(entry, folders)
        if len(folders) > 1 or (folders and any(
                "/" not in e.filename.rstrip("/") and not e.is_dir() for e in entries)):
            raise FolderZipError("The zip must hold one document folder (or its files), "
                                 "not several.")
        if name is None:
            continue
        _check_entry(entry, name, files)
        try:
            with archive.open(entry) as member:
                raw = member.read(MAX_FILE_BYTES + 1)  # whatever the entry declares
        except (zipfile.BadZipFile, zlib.error, NotImplementedError, ValueError, OSError,
                EOFError, RuntimeError):
            raise FolderZipError(f"{name} in the zip cannot be read: export the folder "
                                 "again and try again.") from None
        total += len(raw)
        if len(raw) > MAX_FILE_BYTES or total > MAX_TOTAL_BYTES:
            raise FolderZipError(f"The folder's files hold more than "
                                 f"{MAX_TOTAL_BYTES / 1e6:,.0f} MB of text once unpacked.")
        try:
            files[name] = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise FolderZipError(f"{name} is not UTF-8 text.") from None
    if not files:
        raise FolderZipError("The zip holds no document files.")
    return files
