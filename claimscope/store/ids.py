"""Unguessable ids for what the store keeps, and the owner tokens browsers hold.

Both are URL-safe base64 of 16 random bytes (128 bits, `secrets.token_urlsafe(16)`: 22
characters), short enough for a link. Text from a link or a cookie is checked against
the pattern before it reaches a query.
"""

from __future__ import annotations

import re
import secrets

ID_BYTES = 16  # 128 bits: at least the 96 the design asks for
PATTERN = re.compile(r"[A-Za-z0-9_-]{22,64}")  # what `new_id` makes, with room for longer


def new_id() -> str:
    """A fresh id (or owner token): 22 URL-safe characters, 128 random bits."""
    return secrets.token_urlsafe(ID_BYTES)


def is_id(text: object) -> bool:
    """Whether `text` has the shape of an id or token (it may still name nothing)."""
    return isinstance(text, str) and PATTERN.fullmatch(text) is not None
