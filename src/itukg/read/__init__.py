"""Read stage: bytes on disk → numbered, cleaned lines with their source positions (no
structure yet): text exports (text.py), Word files (docx.py) and Akoma Ntoso XML (akn.py),
told apart by content.

May import: the shared modules only (errors).
"""

from pathlib import Path

from itukg.read.text import Line, SourceText, check_file, read_text


def read_source(path: str | Path) -> SourceText:
    """A text export, a Word .docx or an Akoma Ntoso XML file, told apart by content (a
    zip archive; an XML document whose root is <akomaNtoso>), not by name. A file named
    .xml, or that opens with an XML declaration, is read as XML: refused if not AKN."""
    from itukg.errors import InputError
    from itukg.read.akn import is_xml, read_akn
    from itukg.read.docx import is_zip, read_docx

    path = Path(path)
    if check_file(path):
        if is_zip(path):
            return read_docx(path)
        if path.suffix.lower() == ".docx":
            raise InputError(path, "not a .docx file (not a zip archive)")
        if is_xml(path):
            return read_akn(path)
    return read_text(path)


__all__ = ["Line", "SourceText", "read_source", "read_text"]
