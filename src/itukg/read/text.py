"""Read a text export of an ITU document into numbered lines.

Word's text export leaves markup that is not part of the text: bookmarks
(`[bookmark: _Toc…]`) and footnotes (`[footnoteRef:2]1` where the note is called,
`[2: 1 \tThe note.]` where its text is). Bookmarks are dropped; footnotes are cut out
of the text and kept as notes on their line. Non-breaking spaces and hyphens, normal
in ITU texts, become plain ones so that matching sees one spelling.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from itukg.enums import ChangeKind
from itukg.errors import InputError

MAX_BYTES = 32 * 1024 * 1024  # ten times the largest ITU text (the Final Acts of a PP)

_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_NOTE_BODY = re.compile(
    r"\[(?P<id>\d+):[ \t\u00a0]*(?:(?P<mark>\d+)[ \t\u00a0]*)?\t?(?P<text>[^\]]*)\]"
)
_NOTE_CALL = re.compile(r"\[footnoteRef:(?P<id>\d+)\]")
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


def clean_line(raw: str) -> tuple[str, int, tuple[str, ...]]:
    """Cleaned text, number of leading tabs, and footnotes cut out of a raw line."""
    indent = len(raw) - len(raw.lstrip("\t "))
    tabs = raw[:indent].count("\t")
    text = _BOOKMARK.sub("", raw)
    notes: list[str] = []
    marks: dict[str, str] = {}
    for match in _NOTE_BODY.finditer(text):
        notes.append(match.group("text").translate(_CHARS).strip())
        if match.group("mark"):
            marks[match.group("id")] = match.group("mark")
    text = _NOTE_BODY.sub("", text)

    for note_id, mark in marks.items():
        text = re.sub(rf"\[footnoteRef:{note_id}\]{re.escape(mark)}", "", text)
    text = _NOTE_CALL.sub("", text)
    text = _CONTROL.sub("", text.translate(_CHARS))
    return text.strip(), tabs, tuple(notes)


def decode(path: Path, data: bytes) -> tuple[str, str]:
    """The text and its encoding: UTF-8 (with or without BOM), UTF-16 with a BOM, or
    Windows-1252 when the bytes are not UTF-8 but read as plausible Windows-1252 text
    (Word's "plain text" export on Western Windows: smart quotes, dashes)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as err:
            reason = f"not valid UTF-16 despite its byte-order mark: {err.reason}"
            raise InputError(path, reason) from None
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise InputError(path, "binary file (NUL byte): expected a UTF-8 text", line)
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        bad = data[err.start : err.start + 1].hex()
        failure = InputError(
            path,
            f"not valid UTF-8 (byte 0x{bad}), nor plausible Windows-1252; save the text as UTF-8",
            line,
        )
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise failure from None
    control = sum(1 for ch in text if ch < " " and ch not in "\t\r\n\f")
    high = sum(1 for ch in text if ch >= "\x80")
    if control > 0.01 * len(text) or high > 0.3 * len(text):  # bytes, not a text
        raise failure
    return text, "windows-1252"


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
    data = read_bytes(path)
    text, encoding = decode(path, data)
    source = SourceText(path=path, encoding=encoding)
    for number, raw in enumerate(text.split("\n"), start=1):
        raw = raw.rstrip("\r")
        cleaned, tabs, notes = clean_line(raw)
        source.lines.append(Line(number=number, raw=raw, text=cleaned, indent=tabs, notes=notes))
    if not any(line.text for line in source.lines):
        raise InputError(path, "file has no text")
    return source
