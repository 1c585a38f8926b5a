"""Names people give things (a saved scenario, a document), kept apart: a name already
taken gets a number after it, and a message says so."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def unique_name(name: str, taken: Iterable[str]) -> str:
    """`name`, or `name (2)`, `name (3)`… — the first not in `taken`."""
    taken = set(taken)
    if name not in taken:
        return name
    number = 2
    while f"{name} ({number})" in taken:
        number += 1
    return f"{name} ({number})"


def unique_names(wanted: Sequence[str], taken: Iterable[str]) -> tuple[list[str], list[str]]:
    """Each wanted name made unique against `taken` and the ones before it (`unique_name`),
    with a message for each that had to change."""
    names, messages, taken = [], [], set(taken)
    for name in wanted:
        unique = unique_name(name, taken)
        if unique != name:
            messages.append(f"“{name}” is already taken; saved as “{unique}”.")
        taken.add(unique)
        names.append(unique)
    return names, messages
