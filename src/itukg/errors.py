"""Errors that name what went wrong and where, for people rather than for tracebacks."""

from __future__ import annotations

from pathlib import Path


class ItukgError(Exception):
    """Base of the errors the command line reports without a traceback."""


class InputError(ItukgError):
    """A text that cannot be read or parsed: names the file and, where it applies, the line."""

    def __init__(self, path: str | Path, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")


class StoreError(ItukgError):
    """The store cannot be opened, locked or replaced."""


class QueryError(ItukgError):
    """A query that cannot be found, bound or run."""
