"""Fuzzing every input a visitor or a maintainer controls: links, uploaded scenario files
and the data files. Whatever comes in, parsing never raises (links, uploads) and loading
raises only `DataError` naming the file (data files): never a traceback.

Each fuzz test counts its examples in the `fuzz_count` fixture (tests/conftest.py); the
run ends with "fuzz examples: N". The first tests below pin bugs the fuzzing found.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from claimscope.catalogue import load_catalogue
from claimscope.schema import DataError

# --- Found by fuzzing -----------------------------------------------------------------------

_NESTED_ALIASES = "".join(  # nine levels of nine aliases: 9**9 leaves if expanded
    f"l{level}: &l{level} [{', '.join([f'*l{level - 1}'] * 9) if level else 'x'}]\n"
    for level in range(9))


@pytest.mark.parametrize(("text", "message"), [
    ("claims:\n  - id: a\n    value: 2018-13-45\n", "holds a value YAML cannot read"),
    ("claims:\n  - id: !!int 0x_\n", "holds a value YAML cannot read"),
    ("claims: " + "[" * 3000, "nests too deeply"),
    ("claims:\n  - id: a\n    id: b\n", "near line 3: found the key 'id' twice"),
    (_NESTED_ALIASES + "claims:\n  - id: *l8\n", "record 1, field 'id': must be text"),
    (_NESTED_ALIASES + "claims:\n  - {id: a, value: *l8}\n", "field 'value': must be a number"),
])
def test_yaml_traps_are_data_errors_in_bounded_time(tmp_path: Path, text: str,
                                                    message: str) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(DataError, match=message) as error:
        load_catalogue(path)
    assert time.perf_counter() - started < 5
    assert len(str(error.value)) < 300
