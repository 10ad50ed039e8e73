"""Which encoding a text file is in, and what could not be read in it.

ITU texts reach an analyst as UTF-8 (most), UTF-16 (Word's "Unicode" text export) or
Windows-1252 (Word's "plain text" export on Western Windows). A UTF-8 text with a stray
Windows-1252 byte (a quote pasted from an old file) is still UTF-8: read whole as
Windows-1252 its every accented letter and dash would be garbled, so it is read as UTF-8,
the stray bytes become U+FFFD and each is reported with its line. Only a text whose
non-ASCII bytes are none of them UTF-8 is read as Windows-1252, and that is said too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from itukg.errors import InputError

MAX_REPLACED = 16  # stray bytes a UTF-8 text may have before it is refused as mixed
_CONTROLS = [chr(c) for c in range(32) if chr(c) not in "\t\r\n\f"]
MAX_LISTED = 5  # lines named in a note, the rest counted
_ESCAPED = re.compile(r"[\udc80-\udcff]+")  # bytes not UTF-8, as surrogateescape keeps them


@dataclass(frozen=True)
class Decoded:
    """A file's text, the encoding it was read in, and what the reader had to say about it
    (bytes replaced, an encoding guessed), each note naming its lines."""

    text: str
    encoding: str
    notes: tuple[str, ...] = field(default=())

    @property
    def doubtful(self) -> bool:
        """The text was not plain UTF-8: if it holds nothing readable, say why that may be."""
        return self.encoding != "utf-8" or bool(self.notes)


def decode_text(path: Path, data: bytes) -> Decoded:
    """The text of a file's bytes, or InputError naming the line where it cannot be text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as err:
            reason = f"not valid UTF-16 despite its byte-order mark: {err.reason}"
            raise InputError(path, reason) from None
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise InputError(path, "binary file (NUL byte): expected a UTF-8 text", line)
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")
    runs = list(_ESCAPED.finditer(text))
    stray = sum(len(run.group()) for run in runs)
    utf8 = _non_ascii(text) - stray  # characters that were valid UTF-8
    first = text.count("\n", 0, runs[0].start()) + 1
    if utf8 > 0:
        if stray > max(MAX_REPLACED, utf8):
            raise InputError(
                path,
                f"mixes UTF-8 with {stray} bytes that are not UTF-8 (the first on this line): "
                "save the text as UTF-8",
                first,
            )
        return _replaced(text, runs)
    try:
        cp1252 = data.decode("cp1252")
    except UnicodeDecodeError:
        cp1252 = None
    if cp1252 is None or not _plausible(cp1252):
        bad = ord(runs[0].group()[0]) - 0xDC00
        raise InputError(
            path,
            f"not valid UTF-8 (byte 0x{bad:02x}), nor plausible Windows-1252: save the text "
            "as UTF-8",
            first,
        )
    note = (
        f"read as Windows-1252: not valid UTF-8 from line {first} on, and no UTF-8 character "
        "anywhere; if letters look wrong, save the text as UTF-8"
    )
    return Decoded(cp1252, "windows-1252", (note,))


def _replaced(text: str, runs: list[re.Match[str]]) -> Decoded:
    """A UTF-8 text with its stray bytes made U+FFFD, and a note naming their lines."""
    lines: list[str] = []
    line, position = 1, 0
    for run in runs:
        line += text.count("\n", position, run.start())
        position = run.start()
        shown = run.group().encode("utf-8", "surrogateescape").hex(" ")
        lines.append(f"{line} (0x{shown})")
    listed = ", ".join(lines[:MAX_LISTED])
    more = f" and {len(lines) - MAX_LISTED} more" if len(lines) > MAX_LISTED else ""
    plural = "s" if len(lines) > 1 else ""
    note = (
        f"bytes not valid UTF-8 read as \ufffd on line{plural} {listed}{more}; "
        "the rest of the text is UTF-8"
    )
    return Decoded(_ESCAPED.sub("\ufffd", text), "utf-8", (note,))


def _plausible(text: str) -> bool:
    """Text, not bytes: few control characters and a minority of non-ASCII letters."""
    control = sum(text.count(ch) for ch in _CONTROLS)
    high = _non_ascii(text)
    return control <= 0.01 * len(text) and high <= 0.3 * len(text)


def _non_ascii(text: str) -> int:
    return len(text) - len(text.encode("ascii", "ignore"))
