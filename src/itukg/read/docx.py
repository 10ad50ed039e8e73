"""Read a Word .docx contribution into the same numbered lines as the text reader.

Each paragraph is one line (numbered in document order, table paragraphs included), so
the parser, annotation and build are unchanged. What the text export flattens is read
from the markup instead: tracked changes (w:ins, w:del, w:moveTo, w:moveFrom, with
author and date) give each changed line its text with the changes accepted (the
draft), the text they revise (changes rejected) and the list of changes; footnotes
(word/footnotes.xml) become the line's notes, their call (a reference run, or the custom
mark that follows it) cut out of the text; bookmarks are dropped. A table is written
as the text export writes it (a line starting with a tab opens a cell, a lone tab is an
empty cell, the cell's other paragraphs follow), so compilation tables are read by
parse/table.py as from a text, with the cell boundaries exact. Paragraph style names
(Call, ResNo, Restitle, enumlev1 …, from styles.xml) are kept on the line as hints.

Word's automatic numbering (word/numbering.xml) is computed as Word displays it: a
paragraph numbered directly (w:numPr) or through its paragraph style (and the styles it
is based on) gets its label from its list's level (start, format, level text, suffix,
legal numbering, restarts and start overrides), written before its text as the text
export writes it: `a)<TAB>that …`, `1<TAB>to continue …`, `2.1<TAB>The …`. A bullet
or dash is written as a dash item (`–<TAB>…`; a symbol font's glyph as `•`). The draft
and the text it revises are numbered apart, so an inserted item renumbers those after
it as Word shows it. A level deeper than the first, or an
`enumlev1`/`enumlev2` paragraph, is one or two tabs in (Line.indent) when its text has
no tabs of its own (not in a table cell, where a leading tab opens the cell). A missing
or malformed numbering.xml leaves the paragraphs without their labels.

A heading paragraph (style Call) holds its heading only: a clause a line break, a run
or a tracked change glued to it ('instructs the Secretary-General' + 'to report …') is
cut off as the next line, and the lines after it are numbered one further on.

The archive is opened with limits (size, members, expansion ratio, and a budget for the
XML parts read, checked as they unpack) and its XML parsed with no DTD, no entities and no
network: a zip bomb, a damaged member (bad CRC, corrupt or unknown compression, encrypted,
truncated) or a DTD or entity in any encoding is refused, naming the file.
"""

from __future__ import annotations

import math
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from itukg.enums import ChangeKind
from itukg.errors import InputError
from itukg.read.text import Line, Revision, SourceText, TrackedChange, check_file, clean_line
from itukg.read.xmlsafe import declaration_in, declaration_parsed, safe_parser

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ZIP_MAGIC = b"PK\x03\x04"
MAX_EXPANDED = 256 * 1024 * 1024  # bytes of all members once unpacked, as the archive says
# Bytes of the XML parts read, together: a PP's Final Acts are ~3 MB of text, ~10x that as
# Word's XML. The reader's peak memory is ~13x them (32 MiB: ~400 MiB); images are not read.
MAX_XML_BYTES = 32 * 1024 * 1024
TEXT_PARTS = ("word/document.xml", "word/styles.xml", "word/footnotes.xml", "word/numbering.xml")
MAX_MEMBERS = 5000
MAX_RATIO = 200  # unpacked size over packed size of one member (text XML packs ~10:1)
DELETED = {W + "del", W + "moveFrom"}
INSERTED = {W + "ins", W + "moveTo"}
HEADING_STYLES = {"call"}  # ITU's style for 'considering', 'instructs the Secretary-General'
ENUM_STYLES = {"enumlev1": 1, "enumlev2": 2, "enumlev3": 3}  # items one, two, three levels in
NOTE_CALL_STYLES = {"footnote reference", "endnote reference"}
MAX_LEVEL = 8  # Word's list levels are 0 to 8
MAX_HEADING = 400  # characters of a heading with its addressees, at most
MAX_HOPS = 16  # basedOn and numStyleLink links followed, so that a loop cannot hang the reader
_SUFFIXES = {"tab": "\t", "space": " ", "nothing": ""}
_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]  # fmt: skip
_MARK = re.compile(r"\d{1,3}|[*\u2020\u2021\u00a7]{1,3}")  # a footnote's mark written out
_NOTE_MARK = re.compile(
    r"^\s*(?:(?:\d{1,3}|[*\u2020\u2021\u00a7]{1,3})[ \u00a0]*\t|[*\u2020\u2021]{1,3}\s)"
)
# Where a heading ends and a clause glued to it begins: a label, or a recital's 'that', or an
# operative clause's 'to …' (not 'resolves to instruct …', which is the heading itself).
_CLAUSE_START = re.compile(
    r"(?:\(?[a-z]{1,4}\)|\(\d{1,3}\))(?=\s|$)|\d{1,3}(?:\.\d{1,3})*\.?(?=\s)|[\u2013\u2014\u2022-]\s"
    r"|that\b|to\s+(?!(?:instruct|request|invite|encourage|urge|call\s+upon)\b)[a-z]"
)
# … and a label inside one run ('considering a)<TAB>that …'): only where it cannot be a word
_LABEL_IN_RUN = re.compile(
    r"(?<=\s)(?:\(?[a-z]{1,4}\)|\(\d{1,3}\))(?=\s|$)|(?<=\s)\d{1,3}(?:\.\d{1,3})*\.?(?=\t)"
)


def is_zip(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(4) == ZIP_MAGIC


@dataclass
class _Segment:
    text: str
    state: str  # "", "ins" or "del"
    author: str | None = None
    date: str | None = None
    kind: str = "text"  # "text", "tab", "break", or "note": a footnote call (text: its id)
    run: int = 0  # the run it comes from: where a run ends, a heading may end
    soft: bool = False  # starts a label inside its run (cut there only in a heading)


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
        budget = _Budget(MAX_XML_BYTES)
        document = _xml(path, archive, "word/document.xml", budget)
        if document is None:
            raise InputError(path, "not a Word document (the archive has no word/document.xml)")
        styles = _Styles(_xml(path, archive, "word/styles.xml", budget))
        footnotes = _footnotes(path, archive, styles, budget)
        numbering_xml = _xml(path, archive, "word/numbering.xml", budget, tolerant=True)
        numbering = _Numbering(numbering_xml, styles)
    body = document.find(W + "body")
    if body is None:
        raise InputError(path, "the Word document has no body")
    source = SourceText(path=path, encoding="utf-8", format="docx")
    reader = _Reader(footnotes, styles, numbering)
    for paragraph, cell_start in _paragraphs(body):
        source.lines.extend(reader.lines(len(source.lines) + 1, paragraph, cell_start))
    if not any(line.text for line in source.lines):
        raise InputError(path, "file has no text")
    return source


@dataclass
class _Budget:
    """Bytes of text parts still to be unpacked: what the archive says is not trusted."""

    left: int


def _check_archive(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse, from what the archive says before anything is unpacked, too many members,
    a member that expands too far, and text parts larger than the budget."""
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
    names = set(archive.namelist())
    text = sum(archive.getinfo(name).file_size for name in TEXT_PARTS if name in names)
    if text > MAX_XML_BYTES:
        raise InputError(
            path,
            f"the Word file's text parts expand to {math.ceil(text * 10 / 2**20) / 10} MiB, "
            f"more than the {MAX_XML_BYTES // 2**20} MiB a resolution's text needs: refused",
        )


def _unpack(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """At most limit bytes of a member, or InputError saying how the archive is damaged."""
    name = info.filename
    try:
        with archive.open(info) as handle:
            return handle.read(limit)
    except zipfile.BadZipFile as err:
        what = "bad CRC-32" if "CRC" in str(err) else str(err)
    except zlib.error as err:
        what = f"corrupt compressed data: {err}"
    except NotImplementedError:
        what = f"compression method {info.compress_type} is not supported"
    except RuntimeError as err:  # zipfile's word for an encrypted member
        if info.flag_bits & 0x1 or "password" in str(err):
            what = "encrypted: a password is required"
        else:
            raise
    except EOFError:
        what = "truncated: the archive ends inside it"
    except OSError as err:
        what = str(err) or type(err).__name__
    raise InputError(path, f"damaged Word file ({name}: {what})")


def _xml(
    path: Path, archive: zipfile.ZipFile, name: str, budget: _Budget, tolerant: bool = False
) -> Any:
    """A member parsed as XML, safely, its bytes taken from the budget; None when the archive
    has no such member (or, if tolerant, when it is not well-formed: the reader then does
    without it). A member that unpacks to more than the archive says, or past the budget,
    is refused while it is read, so no size it lies about is ever held in memory."""
    from lxml import etree

    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    data = _unpack(path, archive, info, budget.left + 1)
    if len(data) > budget.left:
        raise InputError(
            path,
            f"{name} is larger than the archive says, and the Word file's text parts expand "
            f"to more than the {MAX_XML_BYTES // 2**20} MiB a resolution's text needs: refused",
        )
    if len(data) > info.file_size:
        raise InputError(path, f"{name} is larger than the archive says: refused")
    budget.left -= len(data)
    if declaration_in(data) is None:  # cheap, in UTF-8, UTF-16 and UTF-32 alike
        try:
            root = etree.fromstring(data, safe_parser())
        except etree.XMLSyntaxError as err:
            if tolerant:
                return None
            raise InputError(path, f"{name} is not well-formed XML: {err}") from None
        if declaration_parsed(root) is None:  # what no encoding hides from the tree
            return root
    raise InputError(
        path, f"{name} declares a DTD or entities, which Word never writes: refused "
        "(an XML external entity attack?)"
    )  # fmt: skip


def _val(element: Any, tag: str) -> str | None:
    """The w:val of a child of element (None if element or child is missing)."""
    child = element.find(W + tag) if element is not None else None
    return child.get(W + "val") if child is not None else None


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def _on(element: Any, tag: str) -> bool:
    """A toggle property (w:isLgl, w:customMarkFollows …): present and not switched off."""
    child = element.find(W + tag) if element is not None else None
    return child is not None and child.get(W + "val", "1").lower() not in ("0", "false", "off")


def _footnotes(
    path: Path, archive: zipfile.ZipFile, styles: _Styles, budget: _Budget
) -> dict[str, str]:
    root = _xml(path, archive, "word/footnotes.xml", budget)
    if root is None:
        return {}
    notes = {}
    for note in root.iter(W + "footnote"):
        if note.get(W + "type") in ("separator", "continuationSeparator"):
            continue
        parts = []
        for paragraph in note.iter(W + "p"):
            parts.append(_joined(_segments(paragraph, styles.note_calls), "del"))
        text = " ".join(p.strip() for p in parts if p.strip())
        if next(note.iter(W + "footnoteRef"), None) is None:
            text = _NOTE_MARK.sub("", text)  # a custom mark ('*', or '1' typed), then the note
        notes[note.get(W + "id", "")] = clean_line(text)[0]
    return notes


@dataclass
class _Style:
    style_id: str
    name: str
    kind: str  # paragraph, character, numbering, table
    based_on: str | None
    num_id: str | None
    ilvl: int | None


class _Styles:
    """styles.xml: each style's name, what it is based on, and the list it numbers with."""

    def __init__(self, root: Any) -> None:
        self.by_id: dict[str, _Style] = {}
        self.default: str | None = None
        for element in root.iter(W + "style") if root is not None else ():
            style_id = element.get(W + "styleId", "")
            numbering = element.find(f"{W}pPr/{W}numPr")
            style = _Style(
                style_id,
                _val(element, "name") or style_id,
                element.get(W + "type", "paragraph"),
                _val(element, "basedOn"),
                _val(numbering, "numId"),
                _int(_val(numbering, "ilvl")),
            )
            self.by_id[style_id] = style
            if style.kind == "paragraph" and element.get(W + "default") in ("1", "true", "on"):
                self.default = style_id
        self.note_calls = frozenset(
            s.style_id
            for s in self.by_id.values()
            if s.name.lower() in NOTE_CALL_STYLES
            or s.style_id.lower() in {n.replace(" ", "") for n in NOTE_CALL_STYLES}
        )

    def name(self, style_id: str) -> str:
        style = self.by_id.get(style_id)
        return style.name if style is not None else style_id

    def chain(self, style_id: str | None) -> Iterator[_Style]:
        """The style, then the styles it is based on, in turn."""
        seen: set[str] = set()
        while style_id and style_id not in seen and len(seen) < MAX_HOPS:
            seen.add(style_id)
            style = self.by_id.get(style_id)
            if style is None:
                return
            yield style
            style_id = style.based_on

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """(numId, level) the style numbers its paragraphs with, itself or by inheritance."""
        num_id = ilvl = None
        for style in self.chain(style_id):
            num_id = num_id if num_id is not None else style.num_id
            ilvl = ilvl if ilvl is not None else style.ilvl
        return num_id, ilvl

    def is_heading(self, style_id: str | None) -> bool:
        if not style_id:
            return False
        return style_id.lower() in HEADING_STYLES or self.name(style_id).lower() in HEADING_STYLES

    def enum_level(self, style_id: str | None) -> int:
        """1 for enumlev1, 2 for enumlev2 …; 0 for any other style."""
        if not style_id:
            return 0
        return ENUM_STYLES.get(self.name(style_id).lower(), ENUM_STYLES.get(style_id.lower(), 0))


@dataclass(frozen=True)
class _Level:
    """One level of a list: its first number, format, text ('%1)', '%1.%2'), suffix."""

    start: int = 0  # Word's default when w:start is missing
    fmt: str = "decimal"
    text: str = ""
    suffix: str = "\t"
    legal: bool = False  # w:isLgl: every number in the text in decimal
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level only; 0 never
    style: str | None = None  # the paragraph style linked to the level


def _level(element: Any) -> _Level:
    start = _int(_val(element, "start"))
    return _Level(
        start=start if start is not None else 0,
        fmt=_val(element, "numFmt") or "decimal",
        text=_val(element, "lvlText") or "",
        suffix=_SUFFIXES.get(_val(element, "suff") or "tab", "\t"),
        legal=_on(element, "isLgl"),
        restart=_int(_val(element, "lvlRestart")),
        style=_val(element, "pStyle"),
    )


def _levels(element: Any) -> dict[int, _Level]:
    levels = {}
    for lvl in element.findall(W + "lvl"):
        ilvl = _int(lvl.get(W + "ilvl"))
        if ilvl is not None and 0 <= ilvl <= MAX_LEVEL:
            levels[ilvl] = _level(lvl)
    return levels


@dataclass
class _List:
    """A list instance (w:num): its abstract definition, whose counters every instance of it
    shares (as in Word), its levels and the start overrides it restarts them with."""

    key: str
    levels: dict[int, _Level]
    starts: dict[int, int] = field(default_factory=dict)

    def start(self, ilvl: int) -> int:
        level = self.levels.get(ilvl)
        return self.starts.get(ilvl, level.start if level is not None else 0)


class _Numbering:
    """numbering.xml: the lists (w:num) and their definitions (w:abstractNum)."""

    def __init__(self, root: Any, styles: _Styles) -> None:
        self.styles = styles
        self.abstracts: dict[str, tuple[dict[int, _Level], str | None]] = {}
        self.nums: dict[str, tuple[str, dict[int, _Level], dict[int, int]]] = {}
        self._lists: dict[str, _List | None] = {}
        if root is None:
            return
        for element in root.findall(W + "abstractNum"):
            link = _val(element, "numStyleLink")  # the levels are those of a numbering style
            self.abstracts[element.get(W + "abstractNumId", "")] = (_levels(element), link)
        for element in root.findall(W + "num"):
            num_id = element.get(W + "numId")
            abstract = _val(element, "abstractNumId")
            if num_id is None or abstract is None:
                continue
            levels: dict[int, _Level] = {}
            starts: dict[int, int] = {}
            for override in element.findall(W + "lvlOverride"):
                ilvl = _int(override.get(W + "ilvl"))
                if ilvl is None or not 0 <= ilvl <= MAX_LEVEL:
                    continue
                start = _int(_val(override, "startOverride"))
                if start is not None:
                    starts[ilvl] = start
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
            self.nums[num_id] = (abstract, levels, starts)

    def get(self, num_id: str) -> _List | None:
        """The list numId names, None for none (numId 0, a dangling or looping reference)."""
        if num_id not in self._lists:
            self._lists[num_id] = self._resolve(num_id)
        return self._lists[num_id]

    def _resolve(self, num_id: str) -> _List | None:
        if num_id not in self.nums:
            return None
        abstract, overrides, starts = self.nums[num_id]
        for _ in range(MAX_HOPS):
            if abstract not in self.abstracts:
                return None
            levels, link = self.abstracts[abstract]
            if link is None:
                return _List(abstract, {**levels, **overrides}, starts)
            linked = self.styles.numbering(link)[0]  # the numbering style's own list
            if linked is None or linked not in self.nums:
                return None
            abstract = self.nums[linked][0]
        return None

    def reference(self, properties: Any, old: bool = False) -> tuple[str, int] | None:
        """(numId, level) of a paragraph, from its w:pPr or its style; None if not numbered.
        old: as the paragraph was before its tracked property changes (w:pPrChange)."""
        if old and properties is not None:
            before = properties.find(f"{W}pPrChange/{W}pPr")
            if before is not None:
                properties = before
        style_id = _val(properties, "pStyle") or self.styles.default
        direct = properties.find(W + "numPr") if properties is not None else None
        if old and direct is not None and direct.find(W + "ins") is not None:
            direct = None  # the numbering was applied as a tracked change
        num_id = _val(direct, "numId")
        ilvl = _int(_val(direct, "ilvl"))
        if num_id is None or ilvl is None:
            style_num, style_ilvl = self.styles.numbering(style_id)
            num_id = num_id if num_id is not None else style_num
            ilvl = ilvl if ilvl is not None else style_ilvl
        if num_id is None or num_id == "0":
            return None
        if ilvl is None:  # a style linked to one of the list's levels numbers at that level
            numbered = self.get(num_id)
            levels = numbered.levels.items() if numbered is not None else ()
            ilvl = next((n for n, level in levels if style_id and level.style == style_id), 0)
        return (num_id, ilvl) if 0 <= ilvl <= MAX_LEVEL else None


class _Counter:
    """The running numbers of one reading of the document: the draft (changes accepted) or
    the text it revises (rejected), which an inserted or deleted item numbers apart."""

    def __init__(self, numbering: _Numbering) -> None:
        self.numbering = numbering
        self.values: dict[str, dict[int, int]] = {}
        self.seen: set[tuple[str, int]] = set()

    def next(self, reference: tuple[str, int] | None) -> tuple[str, int] | None:
        """(label and its suffix; level) of the next paragraph of a list."""
        if reference is None:
            return None
        num_id, ilvl = reference
        numbered = self.numbering.get(num_id)
        level = numbered.levels.get(ilvl) if numbered is not None else None
        if numbered is None or level is None:
            return None
        values = self.values.setdefault(numbered.key, {})
        if (num_id, ilvl) not in self.seen:
            self.seen.add((num_id, ilvl))
            if ilvl in numbered.starts:  # a start override restarts the list where it is first used
                values.pop(ilvl, None)
        values[ilvl] = values[ilvl] + 1 if ilvl in values else numbered.start(ilvl)
        for deeper in [d for d in values if d > ilvl]:
            restart = numbered.levels.get(deeper, _Level()).restart
            if restart != 0 and (restart is None or restart > deeper or ilvl < restart):
                del values[deeper]
        label = _label(numbered, level, values)
        return (label + level.suffix if label else ""), ilvl


_ITEM_MARKS = ("\u2013", "\u2014", "-", "\u2022")  # a symbol font's bullet reads as the last


def _label(numbered: _List, level: _Level, values: dict[int, int]) -> str:
    if level.fmt == "bullet":  # a dash or bullet as the text export writes it, so an item
        glyph = level.text.strip()
        return glyph if glyph in _ITEM_MARKS else _ITEM_MARKS[-1]

    def number(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        shown = numbered.levels.get(index)
        if shown is None or shown.fmt in ("none", "bullet"):
            return ""
        value = values.get(index, numbered.start(index))
        return _format(value, "decimal" if level.legal else shown.fmt)

    return re.sub(r"%([1-9])", number, level.text).strip()


def _format(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter") and value > 0:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)  # z, aa, bb …
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        roman = ""
        for amount, digits in _ROMAN:
            count, value = divmod(value, amount)
            roman += digits * count
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero" and 0 <= value < 10:
        return f"0{value}"
    return str(value)  # decimal, and the formats ITU texts do not use


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


def _segments(paragraph: Any, note_calls: frozenset[str] = frozenset()) -> list[_Segment]:
    """The paragraph's text as segments, each unchanged, inserted or deleted; a footnote
    call is a segment of its own, and its mark (a custom mark after w:footnoteReference, or
    a mark typed in the footnote reference style) is no text."""
    segments: list[_Segment] = []
    runs = 0

    def walk(element: Any, state: str, author: str | None, date: str | None, run: int) -> None:
        nonlocal runs
        custom_mark = False
        for child in element:
            tag = child.tag
            if not isinstance(tag, str):  # a comment or processing instruction
                continue
            if tag in DELETED or tag in INSERTED:
                walk(child, "del" if tag in DELETED else "ins",
                     child.get(W + "author"), child.get(W + "date"), run)  # fmt: skip
            elif tag == W + "r":
                runs += 1
                if not _typed_mark(child, note_calls):
                    walk(child, state, author, date, runs)
            elif tag == W + "footnoteReference":
                segments.append(_Segment(child.get(W + "id", ""), state, author, date, "note", run))
                custom_mark = child.get(W + "customMarkFollows", "0").lower() in ("1", "true", "on")
            elif tag in (W + "t", W + "delText"):
                text = child.text or ""
                if custom_mark and _MARK.fullmatch(text.strip()):
                    custom_mark = False
                    continue
                custom_mark = False
                segments.append(_Segment(text, state, author, date, "text", run))
            elif tag == W + "tab":
                segments.append(_Segment("\t", state, author, date, "tab", run))
            elif tag in (W + "br", W + "cr"):
                segments.append(_Segment(" ", state, author, date, "break", run))
            elif tag == W + "noBreakHyphen":
                segments.append(_Segment("-", state, author, date, "text", run))
            elif tag in (W + "pPr", W + "rPr", W + "instrText", W + "delInstrText"):
                continue
            else:
                walk(child, state, author, date, run)

    if paragraph is not None:
        walk(paragraph, "", None, None, 0)
    return segments


def _typed_mark(run: Any, note_calls: frozenset[str]) -> bool:
    """A run in the footnote reference style holding a mark as text, with no call in it."""
    if not note_calls or _val(run.find(W + "rPr"), "rStyle") not in note_calls:
        return False
    if run.find(W + "footnoteReference") is not None:
        return False
    text = "".join(t.text or "" for t in run.iter(W + "t", W + "delText")).strip()
    return bool(_MARK.fullmatch(text))


def _joined(segments: list[_Segment], left_out: str) -> str:
    """The text of the segments, those of one state (del: the draft; ins: the old) left out."""
    return "".join(s.text for s in segments if s.kind != "note" and s.state != left_out)


def _heading_split(segments: list[_Segment]) -> tuple[list[_Segment], list[_Segment]] | None:
    """A heading paragraph's segments cut where a clause glued to the heading starts: (the
    heading's, the clause's); None when the paragraph is the heading alone."""
    pieces: list[_Segment] = []
    for segment in segments:  # a label may start inside a run: its own segment
        if segment.kind != "text":
            pieces.append(segment)
            continue
        starts = [m.start() for m in _LABEL_IN_RUN.finditer(segment.text)]
        for begin, end in zip([0, *starts], [*starts, len(segment.text)], strict=True):
            if end > begin:
                piece = _Segment(segment.text[begin:end], segment.state, segment.author,
                                 segment.date, "text", segment.run, soft=begin > 0)  # fmt: skip
                pieces.append(piece)
    draft = _joined(pieces, "del")
    offset = 0  # where, in the draft, each piece starts
    for index in range(1, len(pieces)):
        segment, before = pieces[index], pieces[index - 1]
        offset += len(before.text) if before.kind != "note" and before.state != "del" else 0
        if offset > MAX_HEADING:
            break
        markup = (
            segment.kind in ("tab", "break")
            or segment.run != before.run
            or (segment.state, segment.author) != (before.state, before.author)
        )
        if not (markup or segment.soft) or segment.kind == "note":
            continue
        head, rest = draft[:offset].strip(), draft[offset:].strip()
        if head and rest and head[0].islower() and _CLAUSE_START.match(rest):
            clause = pieces[index + 1 :] if segment.kind in ("tab", "break") else pieces[index:]
            return pieces[:index], clause
    return None


class _Reader:
    """Paragraphs to lines, with the numbering of the draft and of the text it revises."""

    def __init__(self, footnotes: dict[str, str], styles: _Styles, numbering: _Numbering):
        self.footnotes = footnotes
        self.styles = styles
        self.numbering = numbering
        self.draft = _Counter(numbering)
        self.old = _Counter(numbering)

    def lines(self, number: int, paragraph: Any, cell_start: bool | None) -> list[Line]:
        segments = _segments(paragraph, self.styles.note_calls)
        properties = paragraph.find(W + "pPr") if paragraph is not None else None
        style_id = _val(properties, "pStyle")
        style = self.styles.name(style_id) if style_id else None
        mark_inserted, mark_deleted = _mark_states(paragraph)
        draft, old = _joined(segments, "del"), _joined(segments, "ins")
        # a paragraph inserted whole is not in the old text, nor one deleted whole in the draft
        numbered = None
        if paragraph is not None and not (mark_deleted and not draft.strip()):
            numbered = self.draft.next(self.numbering.reference(properties))
        old_numbered = None
        if paragraph is not None and not (mark_inserted and not old.strip()):
            old_numbered = self.old.next(self.numbering.reference(properties, old=True))
        label = numbered[0] if numbered and draft.strip() else ""
        old_label = old_numbered[0] if old_numbered and old.strip() else ""
        if cell_start is not None:
            prefix = "\t" if cell_start else ""
        elif draft.startswith("\t"):
            prefix = ""  # the text's own tabs say how far in it is
        else:
            depth = max(numbered[1] if numbered else 0, self.styles.enum_level(style_id))
            prefix = "\t" * depth
        split = _heading_split(segments) if self.styles.is_heading(style_id) else None
        if split is None:
            return [self._line(number, segments, prefix, label, old_label, style, paragraph)]
        heading, clause = split
        return [
            self._line(number, heading, prefix, label, old_label, style, paragraph),
            self._line(number + 1, clause, "", "", "", None, paragraph),
        ]

    def _line(
        self,
        number: int,
        segments: list[_Segment],
        prefix: str,
        label: str,
        old_label: str,
        style: str | None,
        paragraph: Any,
    ) -> Line:
        draft = prefix + label + _joined(segments, "del")
        old = prefix + old_label + _joined(segments, "ins")
        text, tabs, _ = clean_line(draft)
        old_text = clean_line(old)[0]
        notes = tuple(
            self.footnotes[s.text]
            for s in segments
            if s.kind == "note" and self.footnotes.get(s.text)
        )
        revision = None
        tracked = any(s.state for s in segments if s.kind != "note")
        if tracked or _mark_changed(paragraph) or label != old_label:
            inserted = bool(text) and not old_text and _all_inserted(paragraph, segments)
            revision = Revision(
                old=None if inserted else old_text,
                changes=tuple(_changes([s for s in segments if s.kind != "note"])),
            )
        return Line(number, draft, text, tabs, notes, style=style, revision=revision)


def _mark_states(paragraph: Any) -> tuple[bool, bool]:
    """(inserted, deleted): the paragraph mark's tracked change."""
    mark = paragraph.find(f"{W}pPr/{W}rPr") if paragraph is not None else None
    if mark is None:
        return False, False
    tags = {child.tag for child in mark}
    return bool(tags & INSERTED), bool(tags & DELETED)


def _mark_changed(paragraph: Any) -> bool:
    return any(_mark_states(paragraph))


def _all_inserted(paragraph: Any, segments: list[_Segment]) -> bool:
    mark = paragraph.find(f"{W}pPr/{W}rPr") if paragraph is not None else None
    mark_inserted = mark is not None and mark.find(W + "ins") is not None
    return mark_inserted or all(
        s.state == "ins" for s in segments if s.kind != "note" and s.text.strip()
    )


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
