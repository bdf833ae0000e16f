"""Shared fixtures: an isolated CONFLICTLENS_HOME per session, one pipeline, and the ../shared folder."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(scope="session", autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never touch the user's real conflictlens home; the bundled gazetteer index is built once per session."""
    if "CONFLICTLENS_TEST_HOME" in os.environ:
        os.environ["CONFLICTLENS_HOME"] = os.environ["CONFLICTLENS_TEST_HOME"]
    else:
        os.environ["CONFLICTLENS_HOME"] = str(tmp_path_factory.mktemp("conflictlens-home"))


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    from conflictlens.pipeline import Pipeline

    return Pipeline.default()
