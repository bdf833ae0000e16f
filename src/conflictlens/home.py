"""Where conflictlens keeps user state: one directory, ``CONFLICTLENS_HOME``.

Defaults to the platform's user data directory (``~/.local/share/conflictlens`` on Linux).  The user's imported
gazetteer, the compiled gazetteer index, caches and (later) the default database all live below it, so one variable
moves or isolates everything -- tests point it at a temporary directory.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
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


def write_atomically(path: Path, data: bytes | str) -> None:
    """Write ``data`` to ``path`` through a temporary file of its own renamed into place: processes sharing a home
    (workers that compile the gazetteer index at once, say) never read half a file nor trip over each other's."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
