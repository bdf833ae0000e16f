"""Where conflictlens keeps user state: one directory, ``CONFLICTLENS_HOME``.

Defaults to the platform's user data directory (``~/.local/share/conflictlens`` on Linux).  The user's imported
gazetteer, the compiled gazetteer index, caches and (later) the default database all live below it, so one variable
moves or isolates everything -- tests point it at a temporary directory.
"""

from __future__ import annotations

import os
from pathlib import Path


def home() -> Path:
    """The conflictlens home directory (not created)."""
    env = os.environ.get("CONFLICTLENS_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir  # imported only when needed: a millisecond of every start-up

    return Path(user_data_dir("conflictlens", appauthor=False))


def home_path(*parts: str, create: bool = False) -> Path:
    """A path below the home directory; with ``create`` its parent directories are made."""
    path = home().joinpath(*parts)
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    return path
