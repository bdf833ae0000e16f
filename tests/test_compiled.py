"""The compiled modules (setup.py, Cython) and the finder that uses them only while they are fresh."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

import conflictlens
from conflictlens._compiled import FreshSourceFinder

SRC = Path(conflictlens.__file__).parent


def _package(tmp_path: Path, ext_age_s: float) -> tuple[Path, Path]:
    """A package ``freshpkg`` with a source module and an 'extension' beside it, ``ext_age_s`` older than it."""
    pkg = tmp_path / "freshpkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    source = pkg / "mod.py"
    source.write_text("VALUE = 1\n", encoding="utf-8")
    ext = pkg / ("mod" + EXTENSION_SUFFIXES[0])
    ext.write_bytes(b"")  # never loaded here: only where the finder would load the module from
    now = source.stat().st_mtime
    os.utime(ext, (now - ext_age_s, now - ext_age_s))
    return source, ext


@pytest.mark.parametrize(("ext_age_s", "pure", "chosen"), [(60, None, "mod.py"), (0, None, "ext"), (0, "1", "mod.py")])
def test_a_stale_extension_gives_way_to_its_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ext_age_s: float, pure: str | None, chosen: str
) -> None:
    source, ext = _package(tmp_path, ext_age_s)
    if pure:
        monkeypatch.setenv("CONFLICTLENS_PURE_PYTHON", pure)
    else:
        monkeypatch.delenv("CONFLICTLENS_PURE_PYTHON", raising=False)
    spec = FreshSourceFinder("freshpkg").find_spec("freshpkg.mod", [str(source.parent)])
    assert spec is not None and spec.origin is not None
    assert Path(spec.origin) == (source if chosen == "mod.py" else ext)
    # other packages and top-level names are left to Python's own finders
    assert FreshSourceFinder("freshpkg").find_spec("otherpkg.mod", [str(source.parent)]) is None
    assert FreshSourceFinder("freshpkg").find_spec("freshpkg", None) is None


TEXTS = [
    "On 14 May 2023, Russian forces shelled Kherson. 2 civilians were killed and 5 injured, the governor said.",
    "Ukraine says it shot down 18 of 20 Shahed drones launched overnight",
    "On 9 October 2023, Ukrainian forces attacked in the direction of Dibrova, Luhansk, and were repelled. Up to 30 "
    "Ukrainian servicemen were killed near Dibrova and Torske.",
    "Police fired tear gas at farmers protesting near Delhi on Tuesday.",
]

_RUN = """
import json, sys
import conflictlens
from conflictlens._compiled import compiled_modules
for i, text in enumerate(json.loads(sys.argv[1])):
    print(conflictlens.extract(text, published="2023-10-10", doc_id=str(i)).model_dump_json())
print(json.dumps(compiled_modules()))
"""


def test_compiled_and_pure_python_give_the_same_results() -> None:
    if not any(SRC.rglob("*" + EXTENSION_SUFFIXES[0])):
        pytest.skip("conflictlens is not compiled here (no C compiler at install, or CONFLICTLENS_PURE_PYTHON)")
    import json

    outputs = {}
    for pure in ("", "1"):
        env = {k: v for k, v in os.environ.items() if k != "CONFLICTLENS_PURE_PYTHON"}
        if pure:
            env["CONFLICTLENS_PURE_PYTHON"] = pure
        done = subprocess.run(
            [sys.executable, "-c", _RUN, json.dumps(TEXTS)], env=env, capture_output=True, text=True, check=True
        )
        *results, modules = done.stdout.splitlines()
        outputs[pure] = (results, json.loads(modules))
    compiled, pure_python = outputs[""], outputs["1"]
    assert compiled[0] == pure_python[0]
    assert compiled[1] and pure_python[1] == []  # (a module edited since the last build runs as Python)
