"""Read a Word .docx contribution into the same numbered lines as the text reader.

Each paragraph is one line (numbered in document order, table paragraphs included), so
the parser, annotation and build are unchanged. What the text export flattens is read
from the markup instead: tracked changes (w:ins, w:del, w:moveTo, w:moveFrom, with
author and date) give each changed line its text with the changes accepted (the
draft), the text they revise (changes rejected) and the list of changes; footnotes
(word/footnotes.xml) become the line's notes; bookmarks are dropped. A table is written
as the text export writes it (a line starting with a tab opens a cell, a lone tab is an
empty cell, the cell's other paragraphs follow), so compilation tables are read by
parse/table.py as from a text, with the cell boundaries exact. Paragraph style names
(Call, ResNo, Restitle, Annex_NoTitle …) are kept on the line as hints.

The archive is opened with limits (size, members, expansion ratio) and its XML parsed
with no DTD, no entities and no network: a zip bomb or an XML external entity is refused.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from itukg.enums import ChangeKind
from itukg.errors import InputError
from itukg.read.text import Line, Revision, SourceText, TrackedChange, check_file, clean_line

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ZIP_MAGIC = b"PK\x03\x04"
MAX_EXPANDED = 256 * 1024 * 1024  # bytes of all members once unpacked
MAX_MEMBERS = 5000
MAX_RATIO = 200  # unpacked size over packed size of one member (text XML packs ~10:1)
DELETED = {W + "del", W + "moveFrom"}
INSERTED = {W + "ins", W + "moveTo"}


def is_zip(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(4) == ZIP_MAGIC


@dataclass
class _Segment:
    text: str
    state: str  # "", "ins" or "del"
    author: str | None = None
    date: str | None = None


def read_docx(path: str | Path) -> SourceText:
    """Read a .docx file, or raise InputError naming it (and the paragraph, as a line)."""
    path = Path(path)
    check_file(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as err:
        raise InputError(path, f"not a .docx file (not a readable zip archive: {err})") from None
    with archive:
        _check_archive(path, archive)
        document = _xml(path, archive, "word/document.xml")
        if document is None:
            raise InputError(path, "not a Word document (the archive has no word/document.xml)")
        footnotes = _footnotes(path, archive)
        styles = _styles(path, archive)
    body = document.find(W + "body")
    if body is None:
        raise InputError(path, "the Word document has no body")
    source = SourceText(path=path, encoding="utf-8", format="docx")
    for paragraph, cell_start in _paragraphs(body):
        source.lines.append(_line(len(source.lines) + 1, paragraph, cell_start, footnotes, styles))
    if not any(line.text for line in source.lines):
        raise InputError(path, "file has no text")
    return source


def _check_archive(path: Path, archive: zipfile.ZipFile) -> None:
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise InputError(path, f"the archive has {len(members)} members: not a Word document")
    expanded = sum(m.file_size for m in members)
    if expanded > MAX_EXPANDED:
        raise InputError(
            path,
            f"the archive would expand to {expanded // 2**20} MiB, more than the "
            f"{MAX_EXPANDED // 2**20} MiB limit (a zip bomb?)",
        )
    for member in members:
        if member.file_size > 1024 * 1024 and member.file_size > MAX_RATIO * max(
            member.compress_size, 1
        ):
            raise InputError(
                path,
                f"{member.filename} expands {member.file_size // max(member.compress_size, 1)} "
                "times over: refused as a zip bomb",
            )


def _xml(path: Path, archive: zipfile.ZipFile, name: str) -> Any:
    """A member parsed as XML, safely; None when the archive has no such member."""
    from lxml import etree

    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    with archive.open(info) as handle:
        data = handle.read(MAX_EXPANDED + 1)
    if len(data) > info.file_size or len(data) > MAX_EXPANDED:
        raise InputError(path, f"{name} is larger than the archive says: refused")
    head = data[:4096].lower()
    if b"<!doctype" in head or b"<!entity" in data.lower():
        raise InputError(
            path, f"{name} declares a DTD or entities, which Word never writes: refused "
            "(an XML external entity attack?)"
        )  # fmt: skip
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        raise InputError(path, f"{name} is not well-formed XML: {err}") from None


def _footnotes(path: Path, archive: zipfile.ZipFile) -> dict[str, str]:
    root = _xml(path, archive, "word/footnotes.xml")
    if root is None:
        return {}
    notes = {}
    for note in root.iter(W + "footnote"):
        if note.get(W + "type") in ("separator", "continuationSeparator"):
            continue
        parts = []
        for paragraph in note.iter(W + "p"):
            segments = _segments(paragraph)
            parts.append("".join(s.text for s in segments if s.state != "del"))
        text = " ".join(p.strip() for p in parts if p.strip())
        notes[note.get(W + "id", "")] = clean_line(text)[0]
    return notes


def _styles(path: Path, archive: zipfile.ZipFile) -> dict[str, str]:
    root = _xml(path, archive, "word/styles.xml")
    if root is None:
        return {}
    names = {}
    for style in root.iter(W + "style"):
        name = style.find(W + "name")
        names[style.get(W + "styleId", "")] = (
            name.get(W + "val") if name is not None else style.get(W + "styleId", "")
        )
    return names


def _paragraphs(container: Any):
    """(paragraph, opens a table cell?) in document order, tables walked row by row."""
    for child in container:
        if child.tag == W + "p":
            yield child, None
        elif child.tag == W + "tbl":
            for row in child.findall(W + "tr"):  # a nested table is walked from its cell
                for cell in row.findall(W + "tc"):
                    paragraphs = [p for p, _ in _paragraphs(cell)]
                    if not paragraphs:
                        yield None, True
                    for n, paragraph in enumerate(paragraphs):
                        yield paragraph, n == 0
        elif child.tag in (W + "sdt", W + "customXml"):
            content = child.find(W + "sdtContent")
            yield from _paragraphs(content if content is not None else child)


def _segments(paragraph: Any) -> list[_Segment]:
    """The paragraph's text as segments, each unchanged, inserted or deleted."""
    segments: list[_Segment] = []

    def walk(element: Any, state: str, author: str | None, date: str | None) -> None:
        for child in element:
            tag = child.tag
            if tag in DELETED or tag in INSERTED:
                walk(child, "del" if tag in DELETED else "ins",
                     child.get(W + "author"), child.get(W + "date"))  # fmt: skip
            elif tag in (W + "t", W + "delText"):
                segments.append(_Segment(child.text or "", state, author, date))
            elif tag == W + "tab":
                segments.append(_Segment("\t", state, author, date))
            elif tag in (W + "br", W + "cr"):
                segments.append(_Segment(" ", state, author, date))
            elif tag == W + "noBreakHyphen":
                segments.append(_Segment("-", state, author, date))
            elif tag in (W + "pPr", W + "rPr", W + "instrText", W + "delInstrText"):
                continue
            else:
                walk(child, state, author, date)

    if paragraph is not None:
        walk(paragraph, "", None, None)
    return segments


def _line(
    number: int,
    paragraph: Any,
    cell_start: bool | None,
    footnotes: dict[str, str],
    styles: dict[str, str],
) -> Line:
    segments = _segments(paragraph)
    prefix = "\t" if cell_start else ""
    draft = prefix + "".join(s.text for s in segments if s.state != "del")
    old = prefix + "".join(s.text for s in segments if s.state != "ins")
    text, tabs, _ = clean_line(draft)
    old_text = clean_line(old)[0]
    notes = tuple(
        footnotes[ref.get(W + "id", "")]
        for ref in (paragraph.iter(W + "footnoteReference") if paragraph is not None else ())
        if footnotes.get(ref.get(W + "id", ""))
    )
    style = None
    if paragraph is not None:
        style_node = paragraph.find(f"{W}pPr/{W}pStyle")
        if style_node is not None:
            style_id = style_node.get(W + "val", "")
            style = styles.get(style_id, style_id)
    revision = None
    if any(s.state for s in segments) or _mark_changed(paragraph):
        inserted = bool(text) and not old_text and _all_inserted(paragraph, segments)
        revision = Revision(
            old=None if inserted else old_text,
            changes=tuple(_changes(segments)),
        )
    return Line(number, draft, text, tabs, notes, style=style, revision=revision)


def _mark_changed(paragraph: Any) -> bool:
    if paragraph is None:
        return False
    mark = paragraph.find(f"{W}pPr/{W}rPr")
    return mark is not None and any(child.tag in DELETED | INSERTED for child in mark)


def _all_inserted(paragraph: Any, segments: list[_Segment]) -> bool:
    mark = paragraph.find(f"{W}pPr/{W}rPr") if paragraph is not None else None
    mark_inserted = mark is not None and mark.find(W + "ins") is not None
    return mark_inserted or all(s.state == "ins" for s in segments if s.text.strip())


def _changes(segments: list[_Segment]) -> list[TrackedChange]:
    """Runs of inserted or deleted text; a deletion followed by an insertion is one
    substitution."""
    runs: list[_Segment] = []
    for segment in segments:
        if not segment.state:
            runs.append(segment)
            continue
        if runs and runs[-1].state == segment.state and runs[-1].author == segment.author:
            runs[-1] = _Segment(runs[-1].text + segment.text, segment.state,
                                runs[-1].author, runs[-1].date)  # fmt: skip
        else:
            runs.append(_Segment(segment.text, segment.state, segment.author, segment.date))
    changes: list[TrackedChange] = []
    index = 0
    while index < len(runs):
        run = runs[index]
        following = runs[index + 1] if index + 1 < len(runs) else None
        if run.state == "del" and following is not None and following.state == "ins":
            changes.append(
                TrackedChange(ChangeKind.SUBSTITUTION, run.text.strip(), following.text.strip(),
                              following.author or run.author, following.date or run.date)
            )  # fmt: skip
            index += 2
            continue
        if run.state == "del" and run.text.strip():
            changes.append(
                TrackedChange(ChangeKind.DELETION, run.text.strip(), None, run.author, run.date)
            )
        elif run.state == "ins" and run.text.strip():
            changes.append(
                TrackedChange(ChangeKind.INSERTION, None, run.text.strip(), run.author, run.date)
            )
        index += 1
    return changes
