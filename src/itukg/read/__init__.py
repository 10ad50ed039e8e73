"""Read stage: bytes on disk → numbered, cleaned lines (no structure yet)."""

from pathlib import Path

from itukg.read.text import Line, SourceText, read_text


def read_source(path: str | Path) -> SourceText:
    """A text export or a Word .docx, told apart by content (a zip archive), not by name."""
    from itukg.errors import InputError
    from itukg.read.docx import is_zip, read_docx

    path = Path(path)
    if path.is_file() and path.stat().st_size and is_zip(path):
        return read_docx(path)
    if path.suffix.lower() == ".docx" and path.is_file() and path.stat().st_size:
        raise InputError(path, "not a .docx file (not a zip archive)")
    return read_text(path)


__all__ = ["Line", "SourceText", "read_source", "read_text"]
