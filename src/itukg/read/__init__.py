"""Read stage: bytes on disk → numbered, cleaned lines with their source positions (no
structure yet): text exports (text.py; Markdown and Metanorma AsciiDoc made plain by
markdown.py and asciidoc.py), Word files (docx.py), Akoma Ntoso XML (akn.py),
PDF (pdf.py) and HTML pages (html.py), told apart by content.

May import: the shared modules only (errors).
"""

from pathlib import Path

from itukg.read.text import Line, SourceText, check_file, read_text


def read_source(path: str | Path) -> SourceText:
    """A text export, a Word .docx, an Akoma Ntoso XML file, a PDF or an HTML page, told
    apart by content (a zip archive; `%PDF-`; an XML document whose root is <akomaNtoso>;
    an <html> document), not by name. A file named .xml, or that opens with an XML
    declaration and is not XHTML, is read as XML: refused if not AKN."""
    from itukg.errors import InputError
    from itukg.read.akn import is_xml, read_akn
    from itukg.read.docx import is_zip, read_docx
    from itukg.read.html import is_html, read_html
    from itukg.read.pdf import is_pdf, read_pdf

    path = Path(path)
    if check_file(path):
        if is_pdf(path):
            return read_pdf(path)
        if path.suffix.lower() == ".pdf":
            raise InputError(path, "not a PDF file (it does not start with %PDF-)")
        if is_zip(path):
            return read_docx(path)
        if path.suffix.lower() == ".docx":
            raise InputError(path, "not a .docx file (not a zip archive)")
        if is_html(path):
            return read_html(path)
        if is_xml(path):
            return read_akn(path)
    return read_text(path)


__all__ = ["Line", "SourceText", "read_source", "read_text"]
