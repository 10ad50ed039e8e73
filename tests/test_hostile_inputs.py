"""Untrusted texts that once cost the reader minutes or garbled it: long lines of markup left
open, brackets, quotes, labels and spaces (each must be read in time linear in its length;
the times are measured by bench/hostile_inputs.py, not here), lines longer than any
paragraph, and texts whose encoding is not what it seems."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from itukg.errors import InputError
from itukg.pipeline import read_inputs
from itukg.read.text import MAX_LINE, clean_line, read_text

HEAD = (
    "RESOLUTION 12 (REV. DUBAI, 2018)\n\nA subject of the Union\n\n"
    "The Plenipotentiary Conference of the International Telecommunication Union "
    "(Dubai, 2018),\n\nresolves\n\n"
)
SIZE = 1_000_000
# the line of each adversarial piece repeated: long enough that reading it in time
# quadratic in its length would take hours (bench/hostile_inputs.py times the megabyte)
ADVERSARIAL = SIZE // 4
# the pieces of ITU markup and drafting that a pattern could scan past or retry at
FRAGMENTS = [
    "[", "]", "[1: 2 ", "[bookmark:", "[footnoteRef:3]", '"', "\\", "(", ")", "a) ",
    "(iv) ", "1.2. ", " ", "\t", "\u00a0", "Resolution 1 (", "Rev. ", ", a ", " and ",
    " of ", "Nos. 1-1000 ", "RR ", "x", "instructs the Secretary-General ",
]  # fmt: skip
# a line of headings is thousands of sections, each annotated as its own text: linear, but
# at about a millisecond each, so those lines are a quarter of the size
HEADINGS = SIZE // 4


def _write(folder: Path, text: str, name: str = "text.txt", encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def _read_whole(path: Path) -> list[str]:
    """Read, parse and annotate as a build does; the resolutions found (a refusal must be
    one of the reader's, never a fault of ours)."""
    _, (result,) = read_inputs([path], strict=False)
    assert result.error is None or "internal error" not in result.error.message, result.error
    return result.resolutions


@settings(
    max_examples=3,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(unit=st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=4).map("".join))
@example(unit="[1: 2 ")
@example(unit="[bookmark:")
@example(unit='"\\')
@example(unit="(")
@example(unit="a) 1.2. (iv) ")
@example(unit=" ")
@example(unit="Resolution 1 (")
def test_a_long_line_of_adversarial_text_is_read(tmp_path, unit):
    payload = unit * (ADVERSARIAL // len(unit))
    path = _write(tmp_path, f"{HEAD}1\tto report {payload} on the work done\n")
    assert _read_whole(path) == ["pp/12/dubai-2018"]


@pytest.mark.parametrize(
    "line",
    [
        "RESOLUTION 1 (" + " " * SIZE + "x",
        "RESOLUTION 1" + " " * SIZE + "x",
        "(rev" + " " * SIZE + "x",
        "x; resolves to do " * (HEADINGS // 18),
        "x. ANNEX TO RESOLUTION 1 " * (HEADINGS // 25),
    ],
    ids=["title-paren-spaces", "title-spaces", "revision-spaces", "headings", "annexes"],
)
def test_a_megabyte_title_or_heading_line_is_read(tmp_path, line):
    path = _write(tmp_path, f"{HEAD}1\tto report on the work done;\n\n{line}\n")
    assert "pp/12/dubai-2018" in _read_whole(path)


def test_a_line_longer_than_any_paragraph_is_refused_naming_it(tmp_path):
    path = _write(tmp_path, HEAD + "x" * (MAX_LINE + 1) + "\n")
    with pytest.raises(InputError) as caught:
        read_text(path)
    assert caught.value.line == 9
    assert "a paragraph of an ITU text" in caught.value.message


def test_lines_that_never_end_a_sentence_are_not_joined_into_one_paragraph():
    """A wrapped text joins a line to the one before while the sentence goes on; a text
    whose lines never end one is cut into paragraphs of at most MAX_PARAGRAPH characters
    (joining them all cost time quadratic in the file's length)."""
    from itukg.ontology import load_vocabulary
    from itukg.parse.headings import HeadingMatcher
    from itukg.parse.wrapping import MAX_PARAGRAPH, unwrap
    from itukg.read.text import Line

    unit = "some words here, and more words there"
    lines = [Line(number=n, raw=unit, text=unit, indent=0) for n in range(1, 3001)]
    out = unwrap(lines, HeadingMatcher(load_vocabulary()))
    assert 1 < len(out) < 3000
    assert all(len(line.text) < MAX_PARAGRAPH + len(unit) + 1 for line in out)
    assert sum(len(line.text) + 1 for line in out) == 3000 * (len(unit) + 1)  # no word lost


def test_footnote_markup_is_cut_by_position():
    text, _, notes = clean_line(
        "to report[footnoteRef:2]1 to Council[bookmark: _Toc1] [2: 1 \tSee Annex 1.]"
    )
    assert text == "to report to Council"
    assert notes == ("See Annex 1.",)
    # a bracket left open is text, and markup after it is still read
    text, _, _ = clean_line("[bookmark: open [bookmark: _Ref2]to [1: 2 open [footnoteRef:4]x")
    assert text == "[bookmark: open to [1: 2 open x"


def test_a_stray_windows_1252_byte_leaves_the_utf8_text_as_it_is(tmp_path):
    body = (HEAD + "1\tto report to the Council’s session — in “full”;\n").encode()
    path = tmp_path / "stray.txt"
    path.write_bytes(body + b"2\tto inform the Member States\x92 administrations;\n")
    source = read_text(path)
    assert source.encoding == "utf-8"
    assert "Council’s session — in “full”" in source.lines[8].text
    assert source.lines[9].text == "2\tto inform the Member States\ufffd administrations;"
    assert source.notes == [
        "bytes not valid UTF-8 read as \ufffd on line 10 (0x92); the rest of the text is UTF-8"
    ]
    _, (result,) = read_inputs([path], strict=False)
    assert result.encoding == "utf-8" and result.resolutions == ["pp/12/dubai-2018"]
    assert any("line 10 (0x92)" in warning for warning in result.warnings)


def test_many_stray_bytes_in_a_utf8_text_are_refused_naming_the_first_line(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(
        (HEAD + "1\tto report — “in full”;\n").encode()
        + b"".join(b"2\tto act\x93now\x94;\n" for _ in range(20))
    )
    with pytest.raises(InputError) as caught:
        read_text(path)
    assert caught.value.line == 10
    assert "40 bytes that are not UTF-8" in caught.value.message
    assert "save the text as UTF-8" in caught.value.message


def test_a_windows_1252_text_is_read_as_such_and_says_so(tmp_path):
    path = _write(tmp_path, HEAD + "1\tto report to the Council’s session;\n", encoding="cp1252")
    source = read_text(path)
    assert source.encoding == "windows-1252"
    assert source.lines[8].text == "1\tto report to the Council’s session;"
    assert source.notes and "read as Windows-1252" in source.notes[0]
    assert "line 9" in source.notes[0]


def test_no_resolution_in_a_doubtful_encoding_says_so(tmp_path):
    path = _write(tmp_path, "Résolution sans titre reconnu\n", encoding="cp1252")
    _, (result,) = read_inputs([path], strict=False)
    assert result.error is not None
    message = result.error.message
    assert message.startswith("no resolution found")
    assert "may not be in the encoding it was read in" in message
    assert "read as Windows-1252" in message
    plain = _write(tmp_path, "A text with no resolution in it\n", name="plain.txt")
    _, (result,) = read_inputs([plain], strict=False)
    assert result.error is not None and "encoding" not in result.error.message
