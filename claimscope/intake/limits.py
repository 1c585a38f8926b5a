"""How much a conversion may take: bytes in, pages, seconds, and a Word file's archive."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """The bounds of one conversion. `seconds` is enforced twice: a page-by-page deadline
    inside the converter, and a hard kill of the process it runs in."""

    bytes: int = 10 * 1024 * 1024
    pages: int = 300
    seconds: float = 30.0
    archive_members: int = 2_000  # files inside a .docx (a zip archive)
    archive_bytes: int = 100 * 1024 * 1024  # their total size once uncompressed
    archive_ratio: int = 200  # how many times a member may outgrow its compressed size
    memory_bytes: int = 1536 * 1024 * 1024  # the converting process's address space

    @property
    def too_slow(self) -> str:
        return (f"Converting this file took longer than {self.seconds:g} seconds, the limit; "
                "it may be very large or built to be slow. Try a smaller part of it.")


LIMITS = Limits()
