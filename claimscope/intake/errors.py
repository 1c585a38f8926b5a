"""The one error a conversion raises: its message is meant for the reader, as it is."""

from __future__ import annotations


class IntakeError(ValueError):
    """A file that cannot be taken in (too big, encrypted, scanned, empty, unknown,
    malformed, too slow); `str(error)` is one plain sentence saying what to do."""
