"""Akoma Ntoso (AKN 3.0 / AKN4UN) XML: read into the lines a text export gives (title,
subject, enacting line, headings, `NUM<TAB>text` items), each numbered by its XML source
line, with the FRBR metadata kept beside the lines; hostile, malformed and non-AKN XML
refused with the file and the line. The fixtures in fixtures/akn/ are written for the
tests; the PP-18 Final Acts conversion is read from ../shared/corpus/pp18/ when present."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, run_cli

from itukg.errors import InputError
from itukg.pipeline import collect_inputs
from itukg.read import read_source
from itukg.read.akn import is_akn, read_akn

AKN = FIXTURES / "akn"
PP18 = ROOT.parent / "shared" / "corpus" / "pp18" / "pp18-final-acts-dev.akn.xml"
NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"


def xml_line(path: Path, needle: str, after: int = 0) -> int:
    """The 1-based line of the file where `needle` first appears (after line `after`)."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if number > after and needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def by_text(source) -> dict[str, object]:
    return {line.text: line for line in source.lines if line.text}


# --- the fixtures ---------------------------------------------------------------------
def test_a_resolution_reads_as_its_text_export():
    path = AKN / "resolution.akn.xml"
    source = read_source(path)
    assert source.format == "akn"
    assert [line.text for line in source.lines] == [
        "RESOLUTION 999 (REV. DUBAI, 2018)",
        "Keeping the test corpus small",  # whitespace inside the element normalised
        "The Plenipotentiary Conference of the International Telecommunication Union "
        "(Dubai, 2018),",
        "considering",
        "a)\tthat small fixtures are read quickly;",
        "b)\tthat a test should name what it checks,",
        "recalling",
        "the practice of writing fixtures by hand,",
        "resolves",
        "1\tto keep every fixture below one page;",
        "2\tthat each fixture shall show:",
        "i)\ta title;",
        "ii)\tits headings,",
        "instructs the Secretary-General",
        "to report to the Council on the fixtures,",
    ]
    lines = by_text(source)
    # each line is numbered by the XML line of the element its text comes from
    title = lines["RESOLUTION 999 (REV. DUBAI, 2018)"]
    assert title.number == xml_line(path, "<docType>RESOLUTION</docType>")
    assert title.style == "akn:docType"
    heading = lines["instructs the Secretary-General"]
    assert heading.number == xml_line(path, "<heading><i>instructs the Secretary-General")
    assert heading.style == "akn:heading akn:i"  # an italic heading
    assert lines["considering"].style == "akn:intro akn:i"
    assert lines["considering"].number == xml_line(path, "<p><i>considering</i></p>")
    item = lines["1\tto keep every fixture below one page;"]
    assert item.number == xml_line(path, "<p>to keep every fixture below one page;</p>")
    assert (item.indent, item.style) == (0, "akn:paragraph akn:num")
    point = lines["ii)\tits headings,"]
    assert (point.indent, point.raw) == (1, "\tii)\tits headings,")  # nested one level in
    assert point.style == "akn:point akn:num"
    assert lines["the practice of writing fixtures by hand,"].style == "akn:recital"
    assert lines["The Plenipotentiary Conference of the International Telecommunication "
                 "Union (Dubai, 2018),"].style == "akn:formula"  # fmt: skip
    # an authorialNote is cut out of the text and kept as the line's note
    assert lines["b)\tthat a test should name what it checks,"].notes == (
        "A note written for the test.",
    )
    numbers = [line.number for line in source.lines]
    assert numbers == sorted(numbers)


def test_frbr_metadata_is_kept_beside_the_lines():
    source = read_source(AKN / "resolution.akn.xml")
    title_line = source.lines[0].number
    assert list(source.meta) == [title_line]
    meta = source.meta[title_line]
    assert meta["kind"] == "resolution" and meta["element"] == "statement"
    assert meta["number"] == "res-999"
    assert meta["number_show_as"] == "RESOLUTION 999 (REV. DUBAI, 2018)"
    assert (meta["date"], meta["date_name"]) == ("2018-11-15", "adoption")
    assert meta["author"] == "#itu-pp"
    assert meta["author_name"] == "ITU Plenipotentiary Conference (Dubai, 2018)"
    assert meta["uri"] == "/akn/un/statement/deliberation/itu-pp/2018-11-15/res-999"
    assert meta["language"] == "eng"
    assert meta["xml_line"] == str(xml_line(AKN / "resolution.akn.xml", "<statement"))


def test_a_decision_reads_with_its_kind():
    path = AKN / "decision.akn.xml"
    source = read_source(path)
    texts = [line.text for line in source.lines]
    # docType and docNumber written with no space between them still give two words
    assert texts[:2] == ["DECISION 77 (DUBAI, 2018)", "Budget of the test suite"]
    assert "decides" in texts
    assert "2\tthat it shall finish within the time of one session." in texts
    assert source.meta[source.lines[0].number]["kind"] == "decision"
    assert by_text(source)["decides"].number == xml_line(path, "<heading><i>decides")


def test_an_annex_follows_its_resolution():
    path = AKN / "annex.akn.xml"
    source = read_source(path)
    texts = [line.text for line in source.lines]
    assert texts[-4:] == [
        "ANNEX 1",
        "Principles for fixtures",
        "a)\tEach fixture tests one thing.",
        "b)\tEach fixture is written by hand.",
    ]
    lines = by_text(source)
    annex = lines["ANNEX 1"]
    assert annex.number == xml_line(path, "<docType>ANNEX</docType>")
    assert annex.style == "akn:docType akn:attachment"
    item = lines["b)\tEach fixture is written by hand."]
    assert item.number == xml_line(path, "<p>Each fixture is written by hand.</p>")
    assert item.style == "akn:paragraph akn:num akn:attachment"
    resolution_line = source.lines[0].number
    assert source.meta[annex.number]["kind"] == "annex"
    assert source.meta[annex.number]["annex_of"] == str(resolution_line)


def test_the_fixtures_parse_as_resolutions_with_xml_line_numbers():
    """The parser reads the lines as it reads a text: title, body, headings, labels."""
    from itukg.parse import parse_file

    path = AKN / "resolution.akn.xml"
    document = parse_file(path)
    assert document.format == "akn"
    (resolution,) = document.resolutions
    assert (resolution.number, resolution.revision_place) == ("999", "Dubai")
    assert resolution.line == xml_line(path, "<docType>RESOLUTION</docType>")
    headings = [section.heading for section in resolution.sections]
    assert headings == ["considering", "recalling", "resolves", "instructs the Secretary-General"]
    resolves = resolution.sections[2]
    assert resolves.line == xml_line(path, "<heading><i>resolves</i>")
    assert [clause.label for clause in resolves.clauses] == ["1", "2", "2 i)", "2 ii)"]
    assert resolves.clauses[3].line == xml_line(path, "<p>its headings,</p>")

    (annexed,) = parse_file(AKN / "annex.akn.xml").resolutions
    (annex,) = annexed.annexes
    assert annex.label == "1"
    assert [item.label for item in annex.items] == ["a)", "b)"]


def test_content_not_the_name_decides(tmp_path):
    copy = tmp_path / "resolution.txt"
    copy.write_bytes((AKN / "resolution.akn.xml").read_bytes())
    assert is_akn(copy)
    assert read_source(copy).lines[0].text == "RESOLUTION 999 (REV. DUBAI, 2018)"
    bare = tmp_path / "bare"  # no namespace, no XML declaration, no suffix, one line
    bare.write_text(
        "<!-- a comment --><akomaNtoso><statement name='resolution'><meta><identification>"
        "<FRBRWork><FRBRnumber value='res-5' showAs='RESOLUTION 5 (KYOTO, 1994)'/>"
        "</FRBRWork></identification></meta><mainBody><paragraph><num>1</num><content>"
        "<p>one\u00a0thing</p></content></paragraph></mainBody></statement></akomaNtoso>",
        encoding="utf-8",
    )
    source = read_source(bare)
    # no docType: the title is the FRBRnumber's showAs
    assert [(line.number, line.text, line.style) for line in source.lines] == [
        (1, "RESOLUTION 5 (KYOTO, 1994)", "akn:FRBRnumber"),
        (1, "1\tone thing", "akn:paragraph akn:num"),
    ]
    text = tmp_path / "plain.txt"
    text.write_text("RESOLUTION 1 (REV. DUBAI, 2018)\n", encoding="utf-8")
    assert read_source(text).format == "text"


def test_a_folder_build_reads_xml(tmp_path):
    (tmp_path / "a.xml").write_bytes((AKN / "decision.akn.xml").read_bytes())
    (tmp_path / "b.txt").write_text("x", encoding="utf-8")
    (tmp_path / "c.json").write_text("{}", encoding="utf-8")
    (tmp_path / "d.md").write_text("x", encoding="utf-8")
    (tmp_path / "e.adoc").write_text("x", encoding="utf-8")
    (tmp_path / "README.md").write_text("# What this folder holds", encoding="utf-8")
    left_out: list = []
    found = collect_inputs([tmp_path], left_out)
    assert [p.name for p in found] == ["a.xml", "b.txt", "d.md", "e.adoc"]
    assert [p.name for p in left_out] == ["README.md", "c.json"]


# --- refused --------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["xxe.akn.xml", "laughs.akn.xml"])
def test_entities_are_refused_before_parsing(name):
    path = AKN / name
    with pytest.raises(InputError) as err:
        read_source(path)
    assert err.value.path == str(path)
    assert err.value.line == xml_line(path, "<!ENTITY")
    assert "declares entities" in err.value.message


def test_malformed_xml_names_the_file_and_line():
    path = AKN / "malformed.akn.xml"
    with pytest.raises(InputError) as err:
        read_source(path)
    assert err.value.path == str(path)
    assert err.value.line == xml_line(path, "</mainBody>")
    assert str(err.value).startswith(f"{path}:{err.value.line}: not well-formed XML: ")
    assert "paragraph" in err.value.message  # lxml says which element is not closed


def test_xml_that_is_not_akn_is_refused_clearly(tmp_path):
    path = AKN / "not-akn.xml"
    with pytest.raises(InputError) as err:
        read_source(path)
    assert err.value.line == 2
    assert "not an Akoma Ntoso document" in err.value.message
    assert "catalogue" in err.value.message
    other = tmp_path / "akn2.xml"
    other.write_text('<akomaNtoso xmlns="http://www.akomantoso.org/2.0"><doc/></akomaNtoso>')
    with pytest.raises(InputError, match="only Akoma Ntoso 3.0"):
        read_akn(other)
    empty = tmp_path / "empty.xml"
    empty.write_text(f'<akomaNtoso xmlns="{NS}"><doc name="x"/></akomaNtoso>')
    with pytest.raises(InputError, match="has no text"):
        read_akn(empty)


def test_refusals_through_the_command_line():
    for name, message in [
        ("xxe.akn.xml", "declares entities"),
        ("malformed.akn.xml", "not well-formed XML"),
        ("not-akn.xml", "not an Akoma Ntoso document"),
    ]:
        done = run_cli("parse", str(AKN / name))
        assert done.returncode == 2, done.stderr
        assert f"{AKN / name}:" in done.stderr and message in done.stderr
        assert "Traceback" not in done.stderr


# --- the PP-18 Final Acts conversion ----------------------------------------------------
needs_pp18 = pytest.mark.skipif(not PP18.exists(), reason="shared/corpus/pp18 not present")


@pytest.fixture(scope="module")
def pp18():
    from lxml import etree

    source = read_source(PP18)
    root = etree.parse(str(PP18), etree.XMLParser(resolve_entities=False, no_network=True))
    return source, root


def _statements(root):
    return list(root.iter(f"{{{NS}}}statement"))


def _words(element) -> str:
    return " ".join("".join(element.itertext()).split())


@needs_pp18
def test_pp18_gives_fifty_title_lines(pp18):
    source, root = pp18
    titles = [line for line in source.lines if line.style == "akn:docType"]
    assert len(titles) == 50
    expected = []
    for statement in _statements(root):
        doc_type = statement.find(f".//{{{NS}}}docType")
        number = statement.find(f".//{{{NS}}}docNumber")
        expected.append((doc_type.sourceline, f"{_words(doc_type)} {_words(number)}"))
    assert [(line.number, line.text) for line in titles] == expected
    assert titles[0].text == "DECISION 5 (REV. DUBAI, 2018)"
    assert titles[-1].text == "RECOMMENDATION 7 (DUBAI, 2018)"
    resolution = re.compile(r"RESOLUTION \d+ \((REV\. )?DUBAI, 2018\)$")
    assert sum(1 for t in titles if resolution.match(t.text)) == 48
    kinds = [source.meta[t.number]["kind"] for t in titles]
    assert kinds.count("resolution") == 48 and kinds[0] == "decision"
    assert kinds[-1] == "recommendation"
    assert all(source.meta[t.number]["collection"] == "Final Acts PP-18" for t in titles)
    # a blank line between documents, and none inside one
    blanks = [i for i, line in enumerate(source.lines) if not line.text]
    assert [source.lines[i + 1].style for i in blanks] == ["akn:docType"] * 50


@needs_pp18
@pytest.mark.parametrize("number", ["dec-5", "res-2", "res-139", "rec-7"])
def test_pp18_headings_and_items_come_out_as_lines(pp18, number):
    """For a document, read the XML here (with lxml, apart from the reader) and check that
    every heading and every numbered item is a line with the XML's line number."""
    source, root = pp18
    (statement,) = [
        s for s in _statements(root)
        if s.find(f".//{{{NS}}}FRBRnumber").get("value") == number
    ]  # fmt: skip
    start = statement.sourceline
    following = [s.sourceline for s in _statements(root) if s.sourceline > start]
    end = following[0] if following else 10**9
    mine = [line for line in source.lines if start <= line.number < end and line.text]
    at = {(line.number, line.text) for line in mine}

    headings = [
        (p.sourceline, _words(p))
        for intro in statement.iter(f"{{{NS}}}intro")
        for p in intro.iter(f"{{{NS}}}p")
    ] + [(h.sourceline, _words(h)) for h in statement.iter(f"{{{NS}}}heading")]
    assert headings and all(heading in at for heading in headings), headings
    assert sum(1 for line in mine if line.style.startswith(("akn:intro", "akn:heading"))) == len(
        headings
    )

    items = []
    for tag in ("recital", "paragraph", "point"):
        for element in statement.iter(f"{{{NS}}}{tag}"):
            num = element.find(f"{{{NS}}}num")
            p = next(element.iter(f"{{{NS}}}p"))
            text = _words(p)
            items.append((p.sourceline, f"{_words(num)}\t{text}" if num is not None else text))
    assert all(item in at for item in items)
    item_lines = [line for line in mine if line.style.split()[0] in ("akn:recital",
                  "akn:paragraph", "akn:point")]  # fmt: skip
    assert len(item_lines) == len(items)
    points = [line for line in item_lines if line.style.startswith("akn:point")]
    assert all(line.indent == 1 for line in points)
    assert len(points) == len(list(statement.iter(f"{{{NS}}}point")))
