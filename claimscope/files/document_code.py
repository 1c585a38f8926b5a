"""A document folder's own small code (its optional checks.py), loaded by path.

Document folders are data, not packages (their names hold hyphens), so each module is
loaded from its file under a private name. A module that fails to load or lacks what it
must define stops the app with a `DataError` naming the file, like any bad data file.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from claimscope.files.schema import DataError, brief


def load_module(folder: Path, name: str) -> ModuleType | None:
    """`<folder>/<name>.py` as a module, or None if the document has no such file."""
    path = folder / f"{name}.py"
    if not path.is_file():
        return None
    module_name = f"_claimscope_document_{abs(hash(str(folder.resolve())))}_{name}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise DataError(path, "cannot be loaded as Python code")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module  # dataclasses and pickling look modules up here
    try:
        spec.loader.exec_module(module)
    except Exception as exc:  # any fault in a document's code is that document's error
        sys.modules.pop(module_name, None)
        raise DataError(path, f"failed to load: {exc.__class__.__name__}: "
                              f"{brief(str(exc), 160)}") from exc
    return module


def call(module: ModuleType, function: str, *args: Any) -> Any:
    """Call a document module's function, turning its faults into a `DataError`."""
    path = Path(module.__file__ or module.__name__)
    target = getattr(module, function, None)
    if not callable(target):
        raise DataError(path, f"must define a function {function}()")
    try:
        return target(*args)
    except DataError:
        raise
    except Exception as exc:
        raise DataError(path, f"{function}() failed: {exc.__class__.__name__}: "
                              f"{brief(str(exc), 160)}") from exc
