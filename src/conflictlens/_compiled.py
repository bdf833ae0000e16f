"""Use a Cython-compiled module only while it is as new as its source.

``setup.py`` may compile the hot modules into C extensions beside their ``.py`` files, and Python's own finder
prefers an extension to a source of the same name -- even a stale one, left from before the source was edited or
checked out.  This finder, put first on ``sys.meta_path`` when the package is imported, loads the source instead
whenever it is newer than the extension (or ``CONFLICTLENS_PURE_PYTHON`` is set, for profiling or comparing), so
the code that runs is always the code in the tree; ``make setup`` compiles it again for speed.  Never compiled.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec, PathFinder
from importlib.util import spec_from_file_location
from types import ModuleType

#: How much newer than its extension a source must be to count as edited since the build: an install writes both
#: within moments of each other, in any order.
TOLERANCE_S = 2.0


class FreshSourceFinder:
    """A meta path finder for the submodules of one package (see the module docstring)."""

    def __init__(self, package: str) -> None:
        self.prefix = package + "."

    def find_spec(
        self, name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if path is None or not name.startswith(self.prefix):
            return None
        spec = PathFinder.find_spec(name, path, target)
        origin = spec.origin if spec is not None else None
        if origin is None or not origin.endswith(tuple(EXTENSION_SUFFIXES)):
            return spec
        source = os.path.join(os.path.dirname(origin), name.rpartition(".")[2] + ".py")
        try:
            stale = os.stat(source).st_mtime > os.stat(origin).st_mtime + TOLERANCE_S
        except OSError:
            return spec  # no source beside it: the extension is all there is
        if stale or os.environ.get("CONFLICTLENS_PURE_PYTHON"):
            return spec_from_file_location(name, source)
        return spec


def install(package: str) -> None:
    """Put a :class:`FreshSourceFinder` for ``package`` first on ``sys.meta_path`` (once)."""
    if not any(isinstance(f, FreshSourceFinder) and f.prefix == package + "." for f in sys.meta_path):
        sys.meta_path.insert(0, FreshSourceFinder(package))


def compiled_modules(package: str = "conflictlens") -> list[str]:
    """The loaded submodules of ``package`` that run compiled (for reports such as the benchmark's)."""
    suffixes = tuple(EXTENSION_SUFFIXES)
    return sorted(
        name
        for name, mod in list(sys.modules.items())
        if name.startswith(package + ".") and str(getattr(mod, "__file__", "") or "").endswith(suffixes)
    )
