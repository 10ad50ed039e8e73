"""Damaged and hostile Word archives, and DTDs or entities in any encoding: each refused
with an InputError that names the file and says what, never an internal error."""

from __future__ import annotations

import os
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FIXTURES, run_cli
from test_docx import W_NS, _zip

from itukg.errors import InputError
from itukg.read import docx, read_source
from itukg.read.docx import read_docx

DOCUMENT = "word/document.xml"
PARAGRAPHS = ["RESOLUTION 1 (REV. BUCHAREST, 2022)", "The Plenipotentiary Conference,"]
XXE_DECLARATION = '<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
XML_REFUSED = (
    "word/document.xml declares a DTD or entities, which Word never writes: refused "
    "(an XML external entity attack?)"
)
BUDGET = "more than the 32 MiB a resolution's text needs: refused"


def _document(paragraphs: list[str], head: str = "") -> str:
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    return f'{head}<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'


def _word(path: Path, method: int = zipfile.ZIP_DEFLATED, document: bytes | None = None) -> Path:
    """A minimal .docx (document.xml and styles.xml), document.xml written last."""
    styles = f'<w:styles xmlns:w="{W_NS}"/>'.encode()
    document = document if document is not None else _document(PARAGRAPHS).encode()
    return _zip(path, {"word/styles.xml": styles, DOCUMENT: document}, method)


def _patch(path: Path, local: dict[int, bytes], central: dict[int, bytes], data: bytes = b""):
    """Overwrite fields of document.xml's local and central headers (offsets in the header),
    and, if given, the first bytes of its data."""
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        offset, start = archive.getinfo(DOCUMENT).header_offset, archive.start_dir
    name_length, extra_length = struct.unpack_from("<HH", raw, offset + 26)
    begins = offset + 30 + name_length + extra_length
    at = start
    while raw[at : at + 4] == b"PK\x01\x02":
        n, e, c = struct.unpack_from("<HHH", raw, at + 28)
        if raw[at + 46 : at + 46 + n] == DOCUMENT.encode():
            break
        at += 46 + n + e + c
    else:
        raise AssertionError("no central directory entry for document.xml")
    for field, value in local.items():
        raw[offset + field : offset + field + len(value)] = value
    for field, value in central.items():
        raw[at + field : at + field + len(value)] = value
    raw[begins : begins + len(data)] = data
    path.write_bytes(bytes(raw))


def _bad_crc(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        crc = archive.getinfo(DOCUMENT).CRC ^ 0xFFFFFFFF
    _patch(path, {14: struct.pack("<I", crc)}, {16: struct.pack("<I", crc)})


def _bad_deflate(path: Path) -> None:
    _patch(path, {}, {}, data=b"\xff\xff\xff\xff")  # BTYPE 11: a reserved block type


def _method_99(path: Path) -> None:  # WinZip's AES method, which zipfile does not know
    _patch(path, {8: struct.pack("<H", 99)}, {10: struct.pack("<H", 99)})


def _encrypted(path: Path) -> None:
    _patch(path, {6: struct.pack("<H", 0x1)}, {8: struct.pack("<H", 0x1)})


def _truncated(path: Path) -> None:
    """A stored document.xml said to be 64 KiB longer than the file: reading runs off its end."""
    with zipfile.ZipFile(path) as archive:
        size = struct.pack("<I", archive.getinfo(DOCUMENT).file_size + 65536)
    _patch(path, {18: size, 22: size}, {20: size, 24: size})


@pytest.mark.parametrize(
    "damage, method, what",
    [
        (_bad_crc, zipfile.ZIP_DEFLATED, "bad CRC-32"),
        (_bad_deflate, zipfile.ZIP_DEFLATED, "corrupt compressed data: Error -3 "),
        (_method_99, zipfile.ZIP_DEFLATED, "compression method 99 is not supported"),
        (_encrypted, zipfile.ZIP_DEFLATED, "encrypted: a password is required"),
        (_truncated, zipfile.ZIP_STORED, "truncated: the archive ends inside it"),
    ],
    ids=["crc", "deflate", "method-99", "encrypted", "truncated"],
)
def test_a_damaged_archive_is_refused_saying_how(
    tmp_path: Path, damage: Callable[[Path], None], method: int, what: str
) -> None:
    path = _word(tmp_path / "report.docx", method)
    assert [line.text for line in read_docx(path).lines] == PARAGRAPHS  # whole, it reads
    damage(path)
    with pytest.raises(InputError) as err:
        read_source(path)
    assert err.value.path == str(path) and err.value.line is None
    assert err.value.message.startswith(f"damaged Word file (word/document.xml: {what}")
    assert err.value.message.endswith(")")


def test_the_command_line_refuses_a_damaged_archive_with_exit_2(tmp_path: Path) -> None:
    """build names the refused file as it goes and again as its error (exit 2, as for any
    bad input); parse says it once. Neither says 'internal error' nor shows a traceback."""
    path = _word(tmp_path / "report.docx")
    _bad_crc(path)
    said = f"{path}: damaged Word file (word/document.xml: bad CRC-32)"
    done = run_cli("build", str(path), "--store", str(tmp_path / "store"))
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines() == [f"itukg: refused: {said}", f"itukg: error: {said}"]
    done = run_cli("parse", str(path))
    assert (done.returncode, done.stderr.splitlines()) == (2, [f"itukg: error: {said}"])


XXE_ENCODINGS = [  # (codec, what the XML declaration says, byte-order mark)
    ("utf-16-le", "UTF-16", b""),
    ("utf-16-le", "UTF-16", b"\xff\xfe"),
    ("utf-16-be", "UTF-16", b""),
    ("utf-16-be", "UTF-16", b"\xfe\xff"),
    ("utf-32-le", "UTF-32", b"\xff\xfe\x00\x00"),
    ("utf-32-be", "UTF-32", b"\x00\x00\xfe\xff"),
]
XXE_IDS = ["utf16le", "utf16le-bom", "utf16be", "utf16be-bom", "utf32le-bom", "utf32be-bom"]


@pytest.mark.parametrize("codec, declared, bom", XXE_ENCODINGS, ids=XXE_IDS)
def test_an_entity_in_a_wide_encoding_is_refused_in_a_docx(
    tmp_path: Path, codec: str, declared: str, bom: bytes
) -> None:
    head = f'<?xml version="1.0" encoding="{declared}"?>\n{XXE_DECLARATION}\n'
    xml = bom + _document(["RESOLUTION 1 &xxe;", "The Conference,"], head).encode(codec)
    path = _word(tmp_path / "xxe.docx", document=xml)
    with pytest.raises(InputError) as err:
        read_source(path)
    assert err.value.path == str(path) and err.value.message == XML_REFUSED


# UTF-7 under a name that libxml2 reads and Python does not know: a DOCTYPE no byte
# search sees, found in the parsed tree.
_HIDDEN = (
    b'<?xml version="1.0" encoding="CSUNICODE11UTF7"?>\n'
    b"+ADw-!DOCTYPE d +AFsAPA-!ENTITY xxe SYSTEM +ACI-file:///etc/passwd+ACIAPgBd-+AD4-\n"
)


def test_a_dtd_no_byte_search_sees_is_found_in_the_parsed_tree(tmp_path: Path) -> None:
    xml = _HIDDEN + _document(["RESOLUTION 1 &xxe;"]).encode()
    path = _word(tmp_path / "utf7.docx", document=xml)
    with pytest.raises(InputError) as err:
        read_source(path)
    assert err.value.path == str(path) and err.value.message == XML_REFUSED


AKN_XXE = FIXTURES / "akn" / "xxe.akn.xml"  # its <!ENTITY …> is on line 3
AKN_REFUSED = (
    "the XML declares entities (<!ENTITY …>), which Akoma Ntoso never needs: "
    "refused (an XML external entity or entity expansion attack?)"
)


@pytest.mark.parametrize("codec, declared, bom", XXE_ENCODINGS, ids=XXE_IDS)
def test_an_entity_in_a_wide_encoding_is_refused_in_akn(
    tmp_path: Path, codec: str, declared: str, bom: bytes
) -> None:
    text = AKN_XXE.read_text(encoding="utf-8").replace('encoding="UTF-8"', f'encoding="{declared}"')
    path = tmp_path / "xxe.xml"
    path.write_bytes(bom + text.encode(codec))
    with pytest.raises(InputError) as err:
        read_source(path)
    assert (err.value.path, err.value.line) == (str(path), 3)
    assert err.value.message == AKN_REFUSED


def test_akn_entities_no_byte_search_sees_are_found_in_the_parsed_tree(tmp_path: Path) -> None:
    path = tmp_path / "utf7.xml"
    root = '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"/>'
    path.write_bytes(_HIDDEN + root.encode())
    with pytest.raises(InputError) as err:
        read_source(path)
    assert (err.value.path, err.value.line) == (str(path), 1)
    assert err.value.message == "the XML declares entities: refused"


def _xml_of(size: int) -> bytes:
    """A document.xml of exactly size bytes that packs ~100:1 (under the zip-bomb ratio)."""
    noise = os.urandom(size // 100).hex().encode()
    xml = _document(["RESOLUTION 1", "x"]).encode()
    at = xml.index(b">x<") + 1
    return xml[:at] + noise + b" " * (size - len(xml) - len(noise)) + xml[at:]


def test_text_parts_over_the_budget_are_refused_before_reading(tmp_path: Path) -> None:
    xml = _xml_of(33 * 2**20)
    path = _word(tmp_path / "large.docx", document=xml)
    assert path.stat().st_size < 2**20 and len(xml) / path.stat().st_size < docx.MAX_RATIO
    with pytest.raises(InputError) as err:
        read_source(path)
    assert err.value.path == str(path)
    assert err.value.message == f"the Word file's text parts expand to 33.1 MiB, {BUDGET}"


def test_the_budget_is_of_the_text_parts_together(tmp_path: Path) -> None:
    part = _xml_of(17 * 2**20)
    members = {DOCUMENT: part, "word/footnotes.xml": part, "word/media/x.bin": b"\0" * 2**20}
    path = _zip(tmp_path / "two.docx", members)
    with pytest.raises(InputError) as err:
        read_source(path)
    assert err.value.message == f"the Word file's text parts expand to 34.0 MiB, {BUDGET}"


def test_a_part_that_unpacks_past_the_budget_is_refused_while_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """zipfile stops at the size the archive declares; were that check fooled, reading stops
    one byte past the budget all the same."""
    monkeypatch.setattr(docx, "_check_archive", lambda path, archive: None)
    path = _word(tmp_path / "large.docx", document=_xml_of(33 * 2**20))
    with pytest.raises(InputError) as err:
        read_source(path)
    assert err.value.message.startswith("word/document.xml is larger than the archive says")
    assert err.value.message.endswith(BUDGET)


def test_an_akn_entity_utf7_hides_from_a_byte_search_is_refused_on_its_line(
    tmp_path: Path,
) -> None:
    path = tmp_path / "utf7.xml"
    head = _HIDDEN.replace(b"CSUNICODE11UTF7", b"UTF-7").replace(b"\n+ADw-!DOC", b"\n\n+ADw-!DOC")
    path.write_bytes(
        head + b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"/>'
    )
    with pytest.raises(InputError) as err:
        read_source(path)
    assert (err.value.path, err.value.line, err.value.message) == (str(path), 3, AKN_REFUSED)
