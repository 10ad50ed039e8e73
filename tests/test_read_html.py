"""HTML pages: read into the lines a text export gives (title, subject, enacting line,
headings, `LABEL<TAB>text` items), each numbered by its HTML source line, with furniture,
bullets and footnote calls taken out; told apart from text exports by content; empty,
binary, hostile and broken pages refused with the file and the line. The pages in
fixtures/html/ are written for the tests, in the layouts found on the web: nested `•`
bullets with words run together, a page cut off mid-sentence, an ITU-style page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, run_cli

from itukg.errors import InputError
from itukg.parse import document_to_dict, parse_file
from itukg.pipeline import parse_inputs
from itukg.read import read_source
from itukg.read.akn import is_xml
from itukg.read.html import is_html, read_html

HTML = FIXTURES / "html"
BULLETS = HTML / "pp_bullets.html"
CUT = HTML / "wtdc_cut.html"
ITU = HTML / "itu_page.html"
BULLET_CHARS = "•◦▪"
FURNITURE = ("Home", "Privacy", "Terms of use", "cookies", "Accept", "About ITU", "Contact us")


def html_line(path: Path, needle: str) -> int:
    """The 1-based line of the file where `needle` first appears."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def outline(resolution) -> list[tuple[str, list[str | None]]]:
    return [(s.heading, [c.label for c in s.clauses]) for s in resolution.sections]


def section(resolution, heading: str):
    return next(s for s in resolution.sections if s.heading == heading)


def all_text(document) -> str:
    return json.dumps(document_to_dict(document), ensure_ascii=False)


@pytest.fixture(scope="module")
def annotated():
    """The three pages parsed and annotated, by their file names."""
    documents = parse_inputs([BULLETS, CUT, ITU])
    return {Path(d.source).name: d.resolutions[0] for d in documents}


# --- a re-rendering with nested bullets and words run together -------------------------
def test_nested_bullets_read_as_a_text_export():
    source = read_source(BULLETS)
    assert source.format == "html"
    assert source.encoding == "utf-8"
    texts = [line.text for line in source.lines]
    assert texts[:6] == [
        "PP RESOLUTION 191 ( Busan, 2014)",
        "Strategy for the coordination of efforts among the three Sectors of the Union",
        "The Plenipotentiary Conference of the International Telecommunication Union "
        "( Busan, 2014),",
        "recalling",
        "a)\tResolution 71 (Rev. Guadalajara, 2010) of the Plenipotentiary Conference, "
        "on the strategic plan for the Union;",  # 'forthe' split
        "b)\tResolution 123 (Rev. Guadalajara, 2010) of the Plenipotentiary Conference, "
        "on bridging the standardization gap,",
    ]
    assert texts[-3:] == [
        "2\tto publish the results on the website of the Union,",
        "instructs the Director of the Telecommunication Development Bureau",
        "to give effect to this resolution in the work of the Bureau.",
    ]
    assert (
        "b)\tthat coordination avoids duplication of effort and makes the best use of the "
        "resources of the Union,"  # 'ofthe', 'theUnion'
    ) in texts
    assert not any(ch in text for text in texts for ch in BULLET_CHARS)
    assert not any(word in text for text in texts for word in FURNITURE)
    lines = {line.text: line for line in source.lines}
    # a line is numbered by the source line of its element, styled by its tag
    title = lines["PP RESOLUTION 191 ( Busan, 2014)"]
    assert (title.number, title.style) == (html_line(BULLETS, "PP RESOLUTION 191"), "html:div")
    heading = lines["considering"]
    assert (heading.number, heading.style, heading.indent) == (
        html_line(BULLETS, "<li>• considering"), "html:li", 0
    )  # fmt: skip
    # items under a heading's bullet are not nested; sub-items of an item are
    assert lines["a)\tthat the three Sectors work on topics of mutual interest;"].indent == 0
    sub_item = lines["ii)\tthrough joint meetings of the advisory groups;"]
    assert (sub_item.indent, sub_item.raw) == (
        1,
        "\tii)\tthrough joint meetings of the advisory groups;",
    )
    # an unlabelled bullet under a labelled item is one of its dashes
    assert lines["–\teach Sector keeps its own mandate;"].indent == 1


def test_nested_bullets_parse_into_the_resolution():
    document = parse_file(BULLETS)
    assert document.format == "html"
    (resolution,) = document.resolutions
    assert resolution.id == "pp/191/busan-2014"
    assert (resolution.body, resolution.number) == ("PP", "191")
    assert (resolution.revision_place, resolution.revision_year) == ("Busan", 2014)
    assert resolution.title == (
        "Strategy for the coordination of efforts among the three Sectors of the Union"
    )
    assert outline(resolution) == [
        ("recalling", ["a)", "b)"]),
        ("considering", ["a)", "b)"]),
        ("resolves", ["1", "1 i)", "1 ii)", "2", "2 –1", "2 –2"]),
        ("instructs the Secretary-General", ["1", "2"]),
        ("instructs the Director of the Telecommunication Development Bureau", [None]),
    ]
    last = resolution.sections[-1]
    assert last.modality == "instructs"
    assert last.addressee_text == "the Director of the Telecommunication Development Bureau"
    resolves = section(resolution, "resolves")
    assert resolves.clauses[2].text == "through joint meetings of the advisory groups;"
    assert resolves.clauses[2].line == html_line(BULLETS, "ii) through joint meetings")
    assert section(resolution, "instructs the Secretary-General").clauses[0].text == (
        "to report annually to the Council on the coordination;"
    )
    text = all_text(document)
    assert not any(ch in text for ch in BULLET_CHARS)
    assert not any(word in text for word in FURNITURE)


def test_nested_bullets_annotated(annotated):
    resolution = annotated["pp_bullets.html"]
    director = section(
        resolution, "instructs the Director of the Telecommunication Development Bureau"
    )
    assert [a.id for a in director.addressees] == ["director-bdt"]
    assert [a.id for a in section(resolution, "instructs the Secretary-General").addressees] == [
        "secretary-general"
    ]
    recalling = section(resolution, "recalling")
    assert [[(c.work_id, c.version_id) for c in clause.cites_resolutions]
            for clause in recalling.clauses] == [
        [("pp/71", "pp/71/guadalajara-2010")],
        [("pp/123", "pp/123/guadalajara-2010")],
    ]  # fmt: skip


# --- a page cut off mid-sentence -------------------------------------------------------
def test_a_page_cut_off_mid_sentence_keeps_what_it_holds():
    source = read_source(CUT)
    assert source.format == "html"
    texts = [line.text for line in source.lines]
    assert texts[:5] == [
        "WTDC RESOLUTION 17 (Rev. Hyderabad, 2010)",  # the <h1> of the #header div is gone
        "Implementation of regional initiatives",  # a <br> ends a line
        "at the national, regional and interregional levels",
        "The World Telecommunication Development Conference (Hyderabad, 2010),",
        "recognizing",  # the '-' bullet dropped
    ]
    assert texts[-1] == "2 to report on the results to the next world telecommunication develop"
    (meta,) = source.meta.values()
    assert meta["truncated"] and meta["page_title"] == "WTDC Resolution 17"

    (resolution,) = parse_file(CUT).resolutions
    assert resolution.id == "wtdc/17/hyderabad-2010"
    assert resolution.body == "WTDC"
    assert resolution.title == (
        "Implementation of regional initiatives at the national, regional and interregional levels"
    )
    assert outline(resolution) == [
        ("recognizing", ["a)", "b)"]),
        ("noting", [None]),
        ("resolves", ["1", "2"]),  # '1 to …' in a <p>: the parser reads the loose labels
        ("instructs the Director of the Telecommunication Development Bureau", ["1", "2"]),
    ]
    last = resolution.sections[-1]
    assert last.addressee_text == "the Director of the Telecommunication Development Bureau"
    assert (
        last.clauses[-1].text
        == "to report on the results to the next world telecommunication develop"
    )
    assert resolution.end_line == html_line(CUT, "to report on the results")
    assert section(resolution, "noting").clauses[0].text == (
        "that the initiatives depend on partnerships with the private sector,"
    )
    assert "Home" not in all_text(parse_file(CUT))


def test_a_page_cut_off_annotated(annotated):
    resolution = annotated["wtdc_cut.html"]
    assert [a.id for a in resolution.sections[-1].addressees] == ["director-bdt"]


# --- an ITU-style page: <h2> title, italic headings, a table, a footnote, furniture -------
def test_an_itu_page_reads_as_a_text_export():
    assert is_html(ITU) and is_xml(ITU)  # XHTML with an XML declaration: HTML comes first
    source = read_source(ITU)
    assert source.format == "html"
    lines = {line.text: line for line in source.lines if line.text}
    title = lines["RESOLUTION 999 (DUBAI, 2018)"]
    assert (title.number, title.style) == (html_line(ITU, "<h2>"), "html:h2")
    assert lines["Keeping the test pages of the Union small"].style == "html:h3"
    assert lines["considering"].style == "html:p html:i"  # a heading set in italics
    # a tab stop after the label (Word's mso-tab-count, no-break spaces) is a tab
    item = lines["a)\tthat small pages are read quickly by the developing countries;"]
    assert item.number == html_line(ITU, "a)<span")
    # the footnote call is cut out of the text, the note is the line's
    assert item.notes == (
        "These include the least developed countries and small island developing states.",
    )
    assert "b)\tthat a test should name what it checks," in lines
    # a number at the start of a <p> keeps its space: the parser decides
    assert "1 to keep every test page below one screen;" in lines
    # the table as a text export writes it: each cell opens with a tab, empty ones too
    cells = [line for line in source.lines if line.style in ("html:th", "html:td")]
    assert [(c.raw, c.indent) for c in cells] == [
        ("\tPage", 1),
        ("\tPattern", 1),
        ("\titu_page.html", 1),
        ("\theadings in italics", 1),
        ("\twtdc_cut.html", 1),
        ("\t", 1),
    ]
    assert cells[2].number == html_line(ITU, "<tr><td>itu_page.html")
    texts = " ".join(line.text for line in source.lines)
    assert "These include" not in texts  # the note is no line of the text
    assert not any(word in texts for word in FURNITURE)


def test_an_itu_page_parses_into_the_resolution():
    document = parse_file(ITU)
    (resolution,) = document.resolutions
    assert resolution.id == "pp/999/dubai-2018"
    assert resolution.title == "Keeping the test pages of the Union small"
    assert resolution.enacting == (
        "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),"
    )
    assert outline(resolution) == [
        ("considering", ["a)", "b)"]),
        ("noting", [None]),
        ("resolves", ["1", "2"]),
        ("instructs the Secretary-General", [None]),
    ]
    considering = resolution.sections[0]
    assert considering.clauses[0].text == (
        "that small pages are read quickly by the developing countries;"
    )
    assert considering.clauses[0].notes == [
        "These include the least developed countries and small island developing states."
    ]
    (annex,) = resolution.annexes
    assert annex.title == "Test pages and their patterns"
    assert [item.text for item in annex.items] == [
        "Page", "Pattern", "itu_page.html", "headings in italics", "wtdc_cut.html",
    ]  # fmt: skip
    text = all_text(document)
    assert not any(word in text for word in FURNITURE)
    assert ">1<" not in text and "countries1" not in text


def test_an_itu_page_annotated(annotated):
    resolution = annotated["itu_page.html"]
    instructs = section(resolution, "instructs the Secretary-General")
    assert [a.id for a in instructs.addressees] == ["secretary-general"]
    (citation,) = instructs.clauses[0].cites_resolutions
    assert (citation.work_id, citation.version_id) == ("pp/71", "pp/71/dubai-2018")


# --- Word's HTML: tab stops, footnotes, italic headings run into an item ----------------
WORD_PAGE = """<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>Someone</o:Author></o:DocumentProperties></xml><![endif]-->
<style>p.MsoNormal {margin:0cm}</style>
</head>
<body lang=EN-GB>
<div class=WordSection1>
<p class=ResNo>RESOLUTION 64 (REV. DUBAI, 2018)<a style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1" title=""><span class=MsoFootnoteReference>[1]</span></a></p>
<p class=Restitle>Keeping the \u201cWord\u201d pages readable</p>
<p class=Call>The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),</p>
<p class=Call><i>considering</i><br>a)<span style='mso-tab-count:1'>&nbsp;&nbsp; </span>that Word saves pages as HTML;<br>b) that such pages use tab stops,</p>
<p class=Normal><i>resolves</i> 1 to read them as text exports;</p>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>to keep their notes,<o:p></o:p></p>
<p class=Call><i>invites Member States</i></p>
<ol type="a"><li>to publish their texts as HTML;</li><li>to keep the texts short,</li></ol>
<p style='display:none'>Hidden text</p>
<p><del>deleted words</del>caf\xe9 read as Windows-1252.</p>
</div>
<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all><hr align=left size=1 width="33%"><![endif]>
<div style='mso-element:footnote' id=ftn1>
<p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' href="#_ftnref1" name="_ftn1" title=""><span class=MsoFootnoteReference>[1]</span></a> This resolution is a test.</p>
</div></div>
</body></html>
"""  # noqa: E501 (Word writes long lines)


def test_a_word_html_page(tmp_path):
    path = tmp_path / "word.htm"
    path.write_bytes(WORD_PAGE.encode("cp1252"))
    source = read_source(path)
    assert (source.format, source.encoding) == ("html", "windows-1252")
    texts = [line.text for line in source.lines]
    assert texts == [
        "RESOLUTION 64 (REV. DUBAI, 2018)",
        "Keeping the \u201cWord\u201d pages readable",
        "The Plenipotentiary Conference of the International Telecommunication Union "
        "(Dubai, 2018),",
        "considering",
        "a)\tthat Word saves pages as HTML;",
        "b)\tthat such pages use tab stops,",
        "resolves",  # the italic heading split off the item it runs into
        "1 to read them as text exports;",
        "2.\tto keep their notes,",
        "invites Member States",
        "a)\tto publish their texts as HTML;",  # the label that <ol type=a> shows
        "b)\tto keep the texts short,",
        "caf\u00e9 read as Windows-1252.",
    ]
    assert source.lines[0].notes == ("This resolution is a test.",)
    (resolution,) = parse_file(path).resolutions
    assert resolution.id == "pp/64/dubai-2018"
    assert resolution.notes == ["This resolution is a test."]
    assert outline(resolution) == [
        ("considering", ["a)", "b)"]),
        ("resolves", ["1", "2"]),
        ("invites Member States", ["a)", "b)", None]),
    ]


def test_utf8_wins_over_a_stale_charset_and_pre_keeps_its_lines(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        '<html><head><meta charset="iso-8859-1"></head><body>\n'
        "<pre>RESOLUTION 12 (DUBAI, 2018)\nTest \u2013 text\n"
        "The Plenipotentiary Conference of the International Telecommunication Union "
        "(Dubai, 2018),\nresolves\n1\tto keep the tabs of a pre;</pre>\n"
        "<dl><dt>2</dt><dd>to read a definition list.</dd></dl></body></html>",
        encoding="utf-8",
    )
    source = read_html(path)
    assert source.encoding == "utf-8"
    assert [(line.number, line.text) for line in source.lines] == [
        (2, "RESOLUTION 12 (DUBAI, 2018)"),
        (3, "Test \u2013 text"),
        (4, "The Plenipotentiary Conference of the International Telecommunication Union "
            "(Dubai, 2018),"),
        (5, "resolves"),
        (6, "1\tto keep the tabs of a pre;"),
        (7, "2\tto read a definition list."),
    ]  # fmt: skip
    (resolution,) = parse_file(path).resolutions
    assert outline(resolution) == [("resolves", ["1", "2"])]


def test_lists_beside_items_and_a_title_broken_by_a_line_break(tmp_path):
    path = tmp_path / "lazy.html"
    path.write_text(
        "<html><body>\n<h2>RESOLUTION 40<br>(Rev. Dubai, 2018)</h2>\n"
        "<p>Lists written beside their items</p>\n"
        "<p>The Plenipotentiary Conference of the International Telecommunication Union "
        "(Dubai, 2018),</p>\n<ul>\n<li>resolves</li>\n<ul>\n"
        "<li>1 that a list may follow its item:</li>\n"
        "<ul><li>i) first;</li><li>ii) second;</li></ul>\n"
        "<li>2 that bullets under an item are its dashes:</li>\n"
        "<ul><li>one;</li><li>two,</li></ul>\n</ul>\n</ul>\n</body></html>",
        encoding="utf-8",
    )
    source = read_html(path)
    assert [(line.number, line.indent, line.text) for line in source.lines] == [
        (2, 0, "RESOLUTION 40 (Rev. Dubai, 2018)"),
        (3, 0, "Lists written beside their items"),
        (4, 0, "The Plenipotentiary Conference of the International Telecommunication "
               "Union (Dubai, 2018),"),
        (6, 0, "resolves"),
        (8, 0, "1\tthat a list may follow its item:"),
        (9, 1, "i)\tfirst;"),
        (9, 1, "ii)\tsecond;"),
        (10, 0, "2\tthat bullets under an item are its dashes:"),
        (11, 1, "\u2013\tone;"),
        (11, 1, "\u2013\ttwo,"),
    ]  # fmt: skip
    (resolution,) = parse_file(path).resolutions
    assert resolution.id == "pp/40/dubai-2018"
    assert (resolution.revision_place, resolution.revision_year) == ("Dubai", 2018)
    assert resolution.title == "Lists written beside their items"
    assert outline(resolution) == [("resolves", ["1", "1 i)", "1 ii)", "2", "2 –1", "2 –2"])]


# --- told apart by content -------------------------------------------------------------
def test_an_html_page_named_txt_is_read_as_html(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_bytes(b"\xef\xbb\xbf  <!-- saved from a browser -->\n" + BULLETS.read_bytes())
    assert is_html(path)
    source = read_source(path)
    assert source.format == "html"
    assert "PP RESOLUTION 191 ( Busan, 2014)" in [line.text for line in source.lines]
    assert parse_file(path).resolutions[0].id == "pp/191/busan-2014"


def test_a_text_export_that_mentions_html_is_text(tmp_path):
    path = tmp_path / "export.txt"
    path.write_text(
        "RESOLUTION 13 (DUBAI, 2018)\nWeb pages\n"
        "The Plenipotentiary Conference of the International Telecommunication Union "
        "(Dubai, 2018),\nresolves\n1\tthat a page opens with <html> and <body>;\n",
        encoding="utf-8",
    )
    assert not is_html(path)
    assert read_source(path).format == "text"
    (resolution,) = parse_file(path).resolutions
    assert resolution.sections[0].clauses[0].text == "that a page opens with <html> and <body>;"


@pytest.mark.parametrize(
    "start",
    ["<!DOCTYPE html>\n<p>x</p>", "<HTML><BODY>x", "<!-- a -->\n<head><title>t</title></head>",
     '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', "\n\n<body>x</body>"],
)  # fmt: skip
def test_what_opens_as_html(tmp_path, start):
    path = tmp_path / "page"
    path.write_text(start, encoding="utf-8")
    assert is_html(path)


def test_akn_is_not_html():
    assert not is_html(FIXTURES / "akn" / "resolution.akn.xml")
    assert read_source(FIXTURES / "akn" / "resolution.akn.xml").format == "akn"


# --- refused ---------------------------------------------------------------------------
def refused(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        parse_file(path)
    assert caught.value.path == str(path)
    assert path.name in str(caught.value)
    return caught.value


def test_an_empty_page_is_refused(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<!DOCTYPE html>\n<html>\n<body>\n</body>\n</html>\n", encoding="utf-8")
    err = refused(path)
    assert "no text" in err.message and err.line == 3
    blank = tmp_path / "blank.html"
    blank.write_bytes(b"")
    assert "empty" in refused(blank).message


def test_a_page_of_furniture_only_is_refused(tmp_path):
    path = tmp_path / "menu.html"
    path.write_text(
        "<html><head><title>Resolutions</title><script>go()</script></head>\n<body>"
        "<nav><a href='/'>Home</a></nav><footer>Privacy</footer></body></html>",
        encoding="utf-8",
    )
    assert "no text" in refused(path).message


def test_a_binary_file_is_refused(tmp_path):
    path = tmp_path / "image.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert "binary" in refused(path).message
    disguised = tmp_path / "disguised.html"
    disguised.write_bytes(b"<html><body>\n<p>text</p>\n\x00\x01\x02</body></html>")
    err = refused(disguised)
    assert "binary" in err.message and err.line == 3


def test_a_page_declaring_entities_is_refused(tmp_path):
    path = tmp_path / "laughs.html"
    path.write_text(
        '<!DOCTYPE html [\n<!ENTITY a "BOOM">\n<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">\n'
        '<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n'
        "<html><body><p>RESOLUTION 1 &b; &xxe;</p></body></html>",
        encoding="utf-8",
    )
    assert is_html(path)
    err = refused(path)
    assert "entities" in err.message and err.line == 2


def test_a_page_broken_beyond_repair_is_refused(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text(
        "<html><body>\n" + "<div>" * 300 + "RESOLUTION 1" + "</div>" * 300 + "</body></html>",
        encoding="utf-8",
    )
    err = refused(path)
    assert "beyond repair" in err.message and err.line == 2


def test_the_command_line_names_the_file_and_line(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html>\n<body>\n<script>x()</script>\n</body></html>", encoding="utf-8")
    result = run_cli("parse", str(path))
    assert result.returncode == 2
    assert f"{path}:2: the HTML page has no text" in result.stderr
