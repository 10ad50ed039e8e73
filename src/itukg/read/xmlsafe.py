"""DTDs and entities in XML, found whatever the encoding: the one check the readers share.

A byte search for `<!ENTITY` misses a part written in UTF-16 or UTF-32, so the cheap check
before parsing decodes such bytes first (by their byte-order mark, else by where the NUL
bytes fall, as the XML parser tells them), and the parsed tree is checked too (its DTD,
its entity declarations and any entity left unexpanded), which no encoding can hide from.
The parser itself loads no DTD, expands no entity and reaches no network.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import Any

_BOMS = (  # UTF-32 first: its little-endian mark starts like UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SNIFF = 64  # bytes looked at for the NUL pattern of a text without a byte-order mark
_DECLARATION = re.compile(r"<!(DOCTYPE|ENTITY)", re.I)
_DECLARATION_BYTES = re.compile(rb"<!(DOCTYPE|ENTITY)", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z][\w.:-]*)""")


@dataclass(frozen=True)
class Declaration:
    """What a document declares or refers to that no reader allows, and on which line."""

    kind: str  # "DOCTYPE", "ENTITY" (a declaration) or "reference" (an entity left unexpanded)
    line: int | None
    name: str = ""  # the entity referred to, as written (&xxe;)


def safe_parser() -> Any:
    """An XML parser that loads no DTD, expands no entity and reaches no network."""
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def wide_encoding(data: bytes) -> str | None:
    """The encoding of bytes that are not ASCII-compatible (UTF-16, UTF-32), by their
    byte-order mark or else by where the NUL bytes of their first characters fall."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return None if encoding == "utf-8" else encoding
    head = data[:_SNIFF]
    size = len(head) - len(head) % 4
    if b"\x00" not in head[:size]:
        return None
    zeros = [sum(1 for i in range(k, size, 4) if head[i] == 0) for k in range(4)]
    quads = size // 4
    if zeros[1] == zeros[2] == zeros[3] == quads > zeros[0]:
        return "utf-32-le"
    if zeros[0] == zeros[1] == zeros[2] == quads > zeros[3]:
        return "utf-32-be"
    if zeros[1] + zeros[3] > 3 * (zeros[0] + zeros[2]):
        return "utf-16-le"
    if zeros[0] + zeros[2] > 3 * (zeros[1] + zeros[3]):
        return "utf-16-be"
    return None


def declaration_in(data: bytes, doctype: bool = True) -> Declaration | None:
    """The first `<!ENTITY` (and, if doctype, `<!DOCTYPE`) in a document's bytes, in any
    case: read in UTF-16 or UTF-32 by their byte-order mark or NUL bytes, else as bytes and
    then in the encoding the XML declaration names, if any (UTF-7 hides `<` from a byte
    search). A cheap check before parsing, which declaration_parsed backs."""
    wide = wide_encoding(data)
    if wide is not None:
        return declaration_in_text(data.decode(wide, errors="replace"), doctype)
    found = _first(_DECLARATION_BYTES.finditer(data), doctype)
    if found is not None:
        return Declaration(found[0].decode("ascii").upper(), data.count(b"\n", 0, found[1]) + 1)
    declared = _declared(data)
    if declared is None:
        return None
    try:
        text = data.decode(declared, errors="replace")
    except LookupError:  # a codec that is not a text encoding (base64, rot13 …)
        return None
    return declaration_in_text(text, doctype)


def _declared(data: bytes) -> str | None:
    """The codec the XML declaration names, when Python knows it and it is not UTF-8."""
    match = _XML_ENCODING.match(data[: _SNIFF * 4])
    if match is None:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    return None if name == "utf-8" else name


def declaration_in_text(text: str, doctype: bool = True) -> Declaration | None:
    """The first `<!ENTITY` (and, if doctype, `<!DOCTYPE`) in a decoded text, and its line."""
    found = _first(_DECLARATION.finditer(text), doctype)
    if found is None:
        return None
    return Declaration(found[0].upper(), text.count("\n", 0, found[1]) + 1)


def _first(matches: Any, doctype: bool) -> tuple[Any, int] | None:
    for match in matches:
        if doctype or match.group(1).upper() in ("ENTITY", b"ENTITY"):
            return match.group(1), match.start()
    return None


def declaration_parsed(root: Any, doctype: bool = True) -> Declaration | None:
    """What a parsed document declares (a DOCTYPE if doctype, an entity in any case) or an
    entity it refers to and that was left unexpanded: found in the tree, whatever the
    encoding the bytes were in."""
    from lxml import etree

    docinfo = root.getroottree().docinfo
    dtd = docinfo.internalDTD
    if doctype and (dtd is not None or docinfo.doctype):
        return Declaration("DOCTYPE", 1)
    if dtd is not None and any(True for _ in dtd.iterentities()):
        return Declaration("ENTITY", 1)
    for node in root.iter(etree.Entity):
        return Declaration("reference", node.sourceline, node.text or "")
    return None
