"""Errors that name what went wrong and where, for people rather than for tracebacks."""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path


class ExitCode(IntEnum):
    """What the `itukg` command's exit status means; the one place these numbers live."""

    DONE = 0  # for validate: the draft conforms (warnings allowed)
    VIOLATIONS = 1  # validate found violations
    BAD_INPUT = 2  # bad input, store or query: one line says what and where
    INTERNAL = 3  # an internal error: one line; --debug shows the traceback
    INTERRUPTED = 130


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
    """A query that cannot be bound or run."""


class UnknownQuery(QueryError):
    """No question of the library has that name (an endpoint answers 404)."""
