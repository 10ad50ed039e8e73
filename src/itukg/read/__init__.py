"""Read stage: bytes on disk → numbered, cleaned lines (no structure yet)."""

from itukg.read.text import Line, SourceText, read_text

__all__ = ["Line", "SourceText", "read_text"]
