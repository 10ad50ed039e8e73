"""Read a text export of an ITU document into numbered lines.

Word's text export leaves markup that is not part of the text: bookmarks
(`[bookmark: _Toc…]`) and footnotes (`[footnoteRef:2]1` where the note is called,
`[2: 1 \tThe note.]` where its text is). Bookmarks are dropped; footnotes are cut out
of the text and kept as notes on their line. Non-breaking spaces and hyphens, normal
in ITU texts, become plain ones so that matching sees one spelling.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from itukg.enums import ChangeKind, Part
from itukg.errors import InputError
from itukg.read.asciidoc import is_asciidoc, plain_lines
from itukg.read.encoding import decode_text
from itukg.read.markdown import is_markdown, plain

MAX_BYTES = 32 * 1024 * 1024  # ten times the largest ITU text (the Final Acts of a PP)

MAX_LINE = 2 * 1024 * 1024  # characters of one line: a paragraph is a few thousand at most

# Word's text-export markup, read by position (see _markup): a bracket's content is what
# lies before the next bracket, so no scan runs past a '[' and a long line stays linear.
_BRACKET = re.compile(r"[\[\]]")
_NOTE_BODY = re.compile(
    r"(?P<id>\d{1,6}):[ \t\u00a0]*(?:(?P<mark>\d{1,3})[ \t\u00a0]*)?\t?(?P<text>.*)", re.S
)
_NOTE_CALL = re.compile(r"footnoteRef:(?P<id>\d{1,6})")
_CHARS = str.maketrans(
    {
        "\u00a0": " ",  # no-break space
        "\u202f": " ",  # narrow no-break space
        "\u2007": " ",  # figure space
        "\u2011": "-",  # non-breaking hyphen
        "\u00ad": None,  # soft hyphen
        "\u200b": None,  # zero-width space
        "\ufeff": None,  # stray byte-order mark
    }
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Words a web page or a PDF conversion ran together: a short function word glued to 'the'
# or to a capitalised name ('ofthe Bureau', 'theDirector'). None of these is an English
# word, so splitting them cannot break one.
_GLUED_THE = re.compile(
    r"\b(of|in|to|and|for|on|by|at|from|with|that|under|into|all)(the)\b", re.IGNORECASE
)
_GLUED_NAME = re.compile(r"\b(the|of|in|to|and|for|on|by|at|from|with)(?=[A-Z][a-z])")


@dataclass(frozen=True)
class TrackedChange:
    """A change a word processor tracked (read from a .docx): kind is insertion, deletion
    or substitution; old and new are the texts taken out and put in."""

    kind: ChangeKind
    old: str | None
    new: str | None
    author: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Revision:
    """A line's tracked changes: old is its text with the changes rejected (None when the
    whole paragraph was inserted); the line's own text has them accepted."""

    old: str | None
    changes: tuple[TrackedChange, ...] = ()


@dataclass(frozen=True)
class Line:
    """One line of the source: its number, its raw text and its cleaned text (and, from a
    .docx, its paragraph style and tracked changes)."""

    number: int
    raw: str
    text: str
    indent: int
    notes: tuple[str, ...] = ()
    style: str | None = None
    revision: Revision | None = None

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass
class SourceText:
    """A whole text, as lines."""

    path: Path
    lines: list[Line] = field(default_factory=list)
    encoding: str = "utf-8"
    format: str = "text"  # or "docx": changes are then tracked, not left as residue; or "akn"
    # Metadata the markup carries (Akoma Ntoso's FRBR: kind, number, date, author …), per
    # document, keyed by the number of the document's first line (its title line).
    meta: dict[int, dict[str, str]] = field(default_factory=dict)
    # What the reader had to say (bytes it could not read, an encoding it guessed), by line.
    notes: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.name


def normalise(text: str) -> str:
    """Text from markup or a page: special spaces and hyphens made plain, control
    characters dropped, runs of whitespace made one space."""
    return " ".join(_CONTROL.sub("", text.translate(_CHARS)).split())


def unglue(text: str) -> str:
    """Split the words that web renderings and PDF conversions run together
    ('the Director ofthe Bureau', 'inthe', 'theSecretary-General')."""
    text = _GLUED_THE.sub(r"\1 \2", text)
    return _GLUED_NAME.sub(r"\1 ", text)


@dataclass(frozen=True)
class _Markup:
    """A bracketed piece of export markup: a bookmark, a footnote's call or its body."""

    start: int
    end: int
    kind: str  # "bookmark", "call" or "body"
    note: str = ""  # the footnote's id
    text: str = ""  # a body's text
    mark: str | None = None  # the mark a body is written with ('1' in `[2: 1 \tText]`)


def _markup(text: str, bookmarks: bool) -> list[_Markup]:
    """The bookmarks of a line (bookmarks=True), or its footnote calls and bodies, left to
    right; each bracket is looked at once, up to the next bracket."""
    found: list[_Markup] = []
    position = 0
    while (start := text.find("[", position)) >= 0:
        close = _BRACKET.search(text, start + 1)
        if close is None:
            break
        if close.group() == "[":
            position = close.start()
            continue
        inner, end = text[start + 1 : close.start()], close.end()
        if bookmarks:
            if inner.startswith("bookmark:"):
                found.append(_Markup(start, end, "bookmark"))
        elif call := _NOTE_CALL.fullmatch(inner):
            found.append(_Markup(start, end, "call", call["id"]))
        elif body := _NOTE_BODY.fullmatch(inner):
            found.append(_Markup(start, end, "body", body["id"], body["text"], body["mark"]))
        position = end
    return found


def _without(text: str, markup: list[_Markup], marks: dict[str, str] | None = None) -> str:
    """The text with the markup cut out, and after a footnote call the mark its body is
    written with ('[footnoteRef:2]1' where the body is `[2: 1 \tText]`)."""
    pieces: list[str] = []
    position = 0
    for piece in markup:
        if piece.start < position:
            continue
        pieces.append(text[position : piece.start])
        position = piece.end
        mark = (marks or {}).get(piece.note) if piece.kind == "call" else None
        if mark and text.startswith(mark, position):
            position += len(mark)
    pieces.append(text[position:])
    return "".join(pieces)


def clean_line(raw: str) -> tuple[str, int, tuple[str, ...]]:
    """Cleaned text, number of leading tabs, and footnotes cut out of a raw line."""
    indent = len(raw) - len(raw.lstrip("\t "))
    tabs = raw[:indent].count("\t")
    text = _without(raw, _markup(raw, bookmarks=True)) if "[bookmark:" in raw else raw
    notes: tuple[str, ...] = ()
    if "[" in text:
        markup = _markup(text, bookmarks=False)
        bodies = [piece for piece in markup if piece.kind == "body"]
        notes = tuple(body.text.translate(_CHARS).strip() for body in bodies)
        text = _without(text, markup, {body.note: body.mark for body in bodies if body.mark})
    text = _CONTROL.sub("", text.translate(_CHARS))
    return text.strip(), tabs, notes


def decode(path: Path, data: bytes) -> tuple[str, str]:
    """The text and its encoding (see read/encoding.py), without the reader's notes."""
    decoded = decode_text(path, data)
    return decoded.text, decoded.encoding


def check_file(path: Path) -> int:
    """The size of a file that exists, is not a folder and is within the limit."""
    if not path.exists():
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "is a folder, not a text file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(
            path, f"file is {size // 2**20} MiB, more than the {MAX_BYTES // 2**20} MiB limit"
        )
    return size


def read_bytes(path: Path) -> bytes:
    """The bytes of a file that exists, is within the limit and is not empty."""
    check_file(path)
    data = path.read_bytes()
    if not data.strip():
        raise InputError(path, "file is empty")
    return data


def read_text(path: str | Path) -> SourceText:
    """Read a text file (UTF-8, or UTF-16 or Windows-1252 when that is what it is), or
    raise InputError naming the file and the line at fault."""
    path = Path(path)
    decoded = decode_text(path, read_bytes(path))
    source = SourceText(path=path, encoding=decoded.encoding, notes=list(decoded.notes))
    raws = list(_split(path, decoded.text))
    if is_asciidoc(raws):
        raws = plain_lines(raws, heading_parts())
        source.notes.append(
            "read as AsciiDoc: attributes, block marks and inline markup made plain, list"
            " items labelled as printed"
        )
    elif is_markdown(raws):
        raws = [plain(raw) for raw in raws]
        source.notes.append("read as Markdown: heading marks, emphasis and links made plain")
    for number, raw in enumerate(raws, start=1):
        cleaned, tabs, notes = clean_line(raw)
        source.lines.append(Line(number=number, raw=raw, text=cleaned, indent=tabs, notes=notes))
    if not any(line.text for line in source.lines):
        raise InputError(path, "file has no text")
    return source


def heading_parts() -> dict[str, Part]:
    """Each heading word of the ontology ('considering', 'instructs') and its part."""
    from itukg.ontology import load_vocabulary

    kinds = load_vocabulary().section_kinds.values()
    return {
        label.casefold(): kind.part
        for kind in kinds
        for label in (kind.label, *kind.alt_labels)
        if not label.startswith("(")
    }


def _split(path: Path, text: str) -> Iterator[str]:
    """The lines of a text, each refused when longer than any paragraph of an ITU text is
    (a file with no line breaks is not a text export)."""
    start, number = 0, 1
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start > MAX_LINE:
            raise InputError(
                path,
                f"line of {(end - start) // 2**20} MiB, more than the {MAX_LINE // 2**20} MiB "
                "a paragraph of an ITU text ever needs (a file without line breaks?)",
                number,
            )
        yield text[start:end].rstrip("\r")
        start, number = end + 1, number + 1
