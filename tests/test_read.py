"""The reader: Word export markup removed, footnotes kept, bad files refused with file and line."""

from __future__ import annotations

import pytest

from itukg.errors import InputError
from itukg.read import read_text
from itukg.read.text import clean_line


def test_bookmarks_and_footnotes_are_cut_and_notes_kept():
    raw = (
        "\t[bookmark: _Toc1][bookmark: x]RESOLUTION\u00a018 (Rev.\u00a0New\u00a0Delhi, 2024)"
        "[footnoteRef:2]1 [2: 1 \tThis resolution should also be brought to the attention "
        "of ITU\u2011D.] "
    )
    text, tabs, notes = clean_line(raw)
    assert text == "RESOLUTION 18 (Rev. New Delhi, 2024)"
    assert tabs == 1
    assert notes == ("This resolution should also be brought to the attention of ITU-D.",)


def test_footnote_called_mid_sentence():
    raw = (
        "d)\tResolution 5 (Rev. Baku, 2025) of WTDC, on enhanced participation by developing "
        "countries[footnoteRef:1] in the activities of the Union; [1:  \tThese include the least "
        "developed countries.] "
    )
    text, _, notes = clean_line(raw)
    assert text.endswith("developing countries in the activities of the Union;")
    assert notes == ("These include the least developed countries.",)


def test_lines_keep_their_numbers(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("first\r\n\r\n\tthird\u2011line\n", encoding="utf-8")
    source = read_text(path)
    assert [(line.number, line.text, line.indent) for line in source.lines[:3]] == [
        (1, "first", 0),
        (2, "", 0),
        (3, "third-line", 1),
    ]


@pytest.mark.parametrize(
    ("content", "message", "line"),
    [
        (b"", "empty", None),
        (b"  \n\t\n", "empty", None),
        (b"RESOLUTION 1\nabc\x00\x01\x02", "binary", 2),
        (b"RESOLUTION 1\nthe \x81\x8dquoted\x9d text\n", "not valid UTF-8", 2),  # nor cp1252
    ],
)
def test_bad_files_are_refused_with_file_and_line(tmp_path, content, message, line):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        read_text(path)
    assert message in str(err.value)
    assert "bad.txt" in str(err.value)
    assert err.value.line == line


def test_windows_1252_is_read_when_it_is_that(tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes("RESOLUTION 1\nthe \u201cquoted\u201d text \u2013 here\n".encode("cp1252"))
    source = read_text(path)
    assert source.encoding == "windows-1252"
    assert source.lines[1].text == "the \u201cquoted\u201d text \u2013 here"


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "nope.txt")
