"""Shared fixtures for geo tests: an isolated CONFLICTLENS_HOME and one gazetteer compiled per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflictlens.geo.gazetteer import Gazetteer


@pytest.fixture(scope="session")
def gaz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    """The bundled gazetteer, compiled into a session temp home (no user imports)."""
    return Gazetteer.load(home=tmp_path_factory.mktemp("clhome"))


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty CONFLICTLENS_HOME for tests that import files."""
    monkeypatch.setenv("CONFLICTLENS_HOME", str(tmp_path))
    return tmp_path
