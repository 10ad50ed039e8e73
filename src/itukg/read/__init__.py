"""Read stage: bytes on disk → numbered, cleaned lines with their source positions (no
structure yet): text exports (text.py) and Word files (docx.py), told apart by content.

May import: the shared modules only (errors).
"""

from pathlib import Path

from itukg.read.text import Line, SourceText, check_file, read_text


def read_source(path: str | Path) -> SourceText:
    """A text export or a Word .docx, told apart by content (a zip archive), not by name."""
    from itukg.errors import InputError
    from itukg.read.docx import is_zip, read_docx

    path = Path(path)
    if check_file(path):
        if is_zip(path):
            return read_docx(path)
        if path.suffix.lower() == ".docx":
            raise InputError(path, "not a .docx file (not a zip archive)")
    return read_text(path)


__all__ = ["Line", "SourceText", "read_source", "read_text"]
