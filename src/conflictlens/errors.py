"""Errors a user can cause.  The CLI (and later the API) turns them into one-line messages, never tracebacks."""

from __future__ import annotations


class ConflictlensError(Exception):
    """Base class for errors that are reported to the user as one line."""


class InputError(ConflictlensError):
    """A document or input path that cannot be read or processed (empty, binary, too large, malformed...)."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class ConfigError(ConflictlensError):
    """A setting, option or user-state file (gazetteer, home directory) that is wrong."""
