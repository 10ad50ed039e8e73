"""Texts laid out as PDF conversions and web pages give them: headings glued to a
paragraph, items run together, labels followed by a space; decisions and titles with
the body before them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from conftest import FIXTURES

from itukg.parse import parse_file, parse_source
from itukg.read.text import Line, SourceText

LAYOUT = FIXTURES / "layout"


_PP18_HEAD = (
    "{title}\n"
    "Test text\n"
    "The Plenipotentiary Conference of the International Telecommunication Union "
    "(Dubai, 2018),\n"
)


def _source(text: str) -> SourceText:
    lines = [Line(n, t, t, 0) for n, t in enumerate(text.splitlines(), start=1)]
    return SourceText(Path("t.txt"), lines)


def _outline(resolution) -> list[tuple[str, list[str]]]:
    return [(s.heading, [c.label for c in s.clauses]) for s in resolution.sections]


@pytest.fixture(scope="module")
def glued():
    (resolution,) = parse_file(LAYOUT / "pdf_glued.txt").resolutions
    return resolution


def test_glued_headings_are_split_off_their_paragraphs(glued):
    assert _outline(glued) == [
        ("considering", ["a)", "b)"]),
        ("resolves to instruct the Secretary-General", ["1", "2", "3", "4"]),
        ("instructs the Directors of the Bureaux", ["1", "2"]),
        ("invites Member States", ["1", "2"]),
    ]
    considering, resolves, instructs, _ = glued.sections
    # the recital keeps its own text, and ends where the heading began
    assert considering.clauses[1].text == "that the Sectors organize such workshops separately,"
    assert resolves.modality == "instructs"
    # every piece keeps the source line it came from
    assert resolves.line == 6 and resolves.clauses[0].line == 6
    assert instructs.line == 7


def test_items_run_together_are_split_in_sequence(glued):
    resolves = glued.sections[1]
    texts = {c.label: c.text for c in resolves.clauses}
    assert texts["2"] == "to publish a single list of the workshops on the ITU website;"
    assert texts["3"] == "to report annually to the Council on the workshops held;"
    assert texts["4"] == "to keep the costs within the approved budget,"
    assert [c.line for c in resolves.clauses] == [6, 7, 7, 7]


def test_labels_followed_by_a_space_are_read_only_in_sequence():
    text = _PP18_HEAD.format(title="RESOLUTION 77 (DUBAI, 2018)") + (
        "resolves\n"
        "1 to keep the list of workshops;\n"
        "2 the Directors of the Bureaux shall publish it;\n"
        "2018 was the year of the conference.\n"
        "3 to report to the Council.\n"
    )
    (resolution,) = parse_source(_source(text)).resolutions
    (section,) = resolution.sections
    assert [c.label for c in section.clauses] == ["1", "2", None, "3"]
    assert section.clauses[2].text == "2018 was the year of the conference."


def test_a_clean_sentence_with_a_heading_word_is_not_split():
    text = _PP18_HEAD.format(title="RESOLUTION 78 (DUBAI, 2018)") + (
        "considering\n"
        "a) that the Council, noting the report, invites Member States to participate in "
        "the work;\n"
    )
    (resolution,) = parse_source(_source(text)).resolutions
    assert _outline(resolution) == [("considering", ["a)"])]


def test_a_decision_is_a_text_of_its_own_kind():
    (decision,) = parse_file(LAYOUT / "decision.txt").resolutions
    assert decision.kind == "decision"
    assert decision.id == "pp/decision-9/dubai-2018"
    assert decision.work_id == "pp/decision-9"
    assert _outline(decision) == [
        ("considering", ["a)", "b)"]),
        ("decides", ["1", "2"]),
        ("instructs the Secretary-General", [None]),
    ]


def test_a_title_with_the_body_before_it_and_spaces_in_the_parenthesis():
    (resolution,) = parse_file(LAYOUT / "web_prefix.txt").resolutions
    assert resolution.id == "wtdc/88/kigali-2022"
    assert resolution.kind == "resolution"
    assert [s.heading for s in resolution.sections][-1] == (
        "instructs the Director of the Telecommunication Development Bureau"
    )


def test_a_word_before_the_title_that_names_no_conference_is_no_title():
    text = _PP18_HEAD.format(title="RESOLUTION 79 (DUBAI, 2018)") + (
        "resolves\n"
        "1\tto apply the following text:\n"
        "Model RESOLUTION 9\n"
        "2\tto report to the Council.\n"
    )
    (resolution,) = parse_source(_source(text)).resolutions
    (section,) = resolution.sections
    assert [c.label for c in section.clauses] == ["1", None, "2"]


def test_a_glued_heading_with_its_one_unnumbered_clause_is_split():
    text = _PP18_HEAD.format(title="RESOLUTION 80 (DUBAI, 2018)") + (
        "instructs the Secretary-General\n"
        "1\tto publish the list of workshops;\n"
        "2\tto cooperate with regional organizations, in accordance with Resolution 100 "
        "(Minneapolis, 1998), requests the ITU Council to examine the list at its next "
        "session.\n"
    )
    (resolution,) = parse_source(_source(text)).resolutions
    assert _outline(resolution) == [
        ("instructs the Secretary-General", ["1", "2"]),
        ("requests the ITU Council", [None]),
    ]
    instructs, requests = resolution.sections
    assert instructs.clauses[1].text.endswith("(Minneapolis, 1998),")
    assert requests.clauses[0].text == "to examine the list at its next session."
    assert requests.line == 6  # the line it was glued into


def test_section_numbered_items_keep_their_numbers():
    text = _PP18_HEAD.format(title="DECISION 81 (DUBAI, 2018)") + (
        "decides\n"
        "1\tthat the following rules apply:\n"
        "1.1\tthe host country bears the costs;\n"
        "1.2\tthe Council reviews them;\n"
        "2\tthat the rules take effect at once.\n"
    )
    (decision,) = parse_source(_source(text)).resolutions
    (section,) = decision.sections
    assert [(c.label, c.parent) for c in section.clauses] == [
        ("1", None),
        ("1.1", "1"),
        ("1.2", "1"),
        ("2", None),
    ]
    assert section.clauses[1].text == "the host country bears the costs;"


def test_a_heading_run_into_its_first_clause_at_the_start_of_a_line():
    text = _PP18_HEAD.format(title="RESOLUTION 82 (DUBAI, 2018)") + (
        "considering that a heading runs into its clause,\n"
        "resolves 1 to keep headings apart;\n"
        "2\tto report to the Council,\n"
        "instructs the Secretary-General 1 to report to the Council,\n"
        "invites Member States to participate in the work,\n"
    )
    (resolution,) = parse_source(_source(text)).resolutions
    assert _outline(resolution) == [
        ("considering", [None]),
        ("resolves", ["1", "2"]),
        ("instructs the Secretary-General", ["1"]),
        ("invites Member States", [None]),  # its addressees, then their one ask
    ]
    considering, resolves, instructs, invites = resolution.sections
    assert invites.addressee_text == "Member States"
    assert invites.clauses[0].text == "to participate in the work,"
    assert considering.clauses[0].text == "that a heading runs into its clause,"
    assert resolves.clauses[0].text == "to keep headings apart;"
    assert instructs.addressee_text == "the Secretary-General"
    assert instructs.clauses[0].text == "to report to the Council,"
    assert (considering.line, resolves.line, instructs.line) == (4, 5, 7)


def test_a_title_split_over_two_lines():
    text = (
        "RESOLUTION 17\n"
        "(Rev. Hyderabad, 2010)\n"
        "Test text\n"
        "The World Telecommunication Development Conference (Hyderabad, 2010),\n"
        "resolves\n"
        "1\tto report to the Council.\n"
    )
    (resolution,) = parse_source(_source(text)).resolutions
    assert resolution.id == "wtdc/17/hyderabad-2010"
    assert resolution.title == "Test text"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("RESOLUTION 1333 (2016, last amended 2017)", "council/1333/2017"),
        ("DECISION 588 (adopted 2015, modified 2019)", "council/decision-588/2019"),
        ("RESOLUTION 1305 (2009, amended 2011 and 2019)", "council/1305/2019"),
    ],
)
def test_a_council_text_is_the_version_of_its_last_amendment(title, expected):
    text = f"{title}\nTest text\nThe Council,\nconsidering\na)\tthat it works;\nresolves\n"
    (resolution,) = parse_source(_source(text + "to continue.")).resolutions
    assert resolution.id == expected
    assert resolution.status == "in-force"


def test_a_text_without_its_enacting_line_takes_its_body_from_elsewhere():
    """The enacting line cut or mangled: the body comes from the one session held at the
    revision's place and year, or from the other texts of the same volume."""
    first = "RESOLUTION 30 (REV. KIGALI, 2022)\nTest text\nconsidering\na)\tthat it works;\n"
    second = "RESOLUTION 31 (REV. DUBAI, 2012)\nTest text\nconsidering\na)\tthat it works;\n"
    ops = "resolves\nto continue.\n"
    kigali, dubai = parse_source(_source(first + ops + "\n" + second + ops)).resolutions
    assert kigali.id == "wtdc/30/kigali-2022"  # WTDC-22 is the one session there then
    assert "from the one session at Kigali, 2022" in kigali.notes[-1]
    # WTSA-12 and WCIT-12 both met in Dubai in 2012: the volume's one body decides
    assert dubai.id == "wtdc/31/dubai-2012"
    assert "from the other texts of the volume" in dubai.notes[-1]


def test_an_akn_document_without_its_formula_takes_its_author():
    lines = [
        Line(1, t, t, 0)
        for t in ("RESOLUTION 32 (REV. DUBAI, 2012)", "Test text", "considering",
                  "a)\tthat it works;", "resolves", "to continue.")
    ]  # fmt: skip
    meta = {1: {"author": "#itu-pp", "author_name": "ITU Plenipotentiary Conference"}}
    source = SourceText(Path("t.xml"), lines, format="akn", meta=meta)
    (resolution,) = parse_source(source).resolutions
    assert resolution.id == "pp/32/dubai-2012"
    assert "from the document's author" in resolution.notes[-1]


def test_lettered_and_roman_items_run_together_are_split_in_sequence():
    text = _PP18_HEAD.format(title="RESOLUTION 960 (Dubai, 2018)") + (
        "recalling\n"
        "a)\tthat the Council approved Decision 9, inter alia:\n"
        "i)\tto replace the old building; ii) to establish an advisory board; "
        "iii) to set a maximum budget; iv) to sell the tower\n"
        "v)\tto repay the loan;\n"
        "b)\tthat the rules apply, as set out in a), b) and c) of the Annex; "
        "c) that the work goes on,\n"
        "resolves\n"
        "1\tto keep the plan; note i) and ii) above\n"
    )
    (res,) = parse_source(_source(text)).resolutions
    recalling, resolves = res.sections
    assert [c.label for c in recalling.clauses] == [
        "a)", "a) i)", "a) ii)", "a) iii)", "a) iv)", "a) v)", "b)", "c)",
    ]  # fmt: skip
    assert recalling.clauses[2].text == "to establish an advisory board;"
    # 'a), b) and c)' inside a sentence are references, not items; 'i)' there is no item
    assert recalling.clauses[6].text.endswith("as set out in a), b) and c) of the Annex;")
    assert [c.label for c in resolves.clauses] == ["1"]


def test_a_footnote_called_from_a_heading_is_the_sections_note():
    text = _PP18_HEAD.format(title="RESOLUTION 961 (Dubai, 2018)") + (
        "noting\na)\tthat the work goes on,\n"
    )
    source = _source(text)
    note = ("As defined in the Annex to this resolution.",)
    source.lines[3] = replace(source.lines[3], notes=note)  # 'noting', its footnote call
    (res,) = parse_source(source).resolutions
    (noting,) = res.sections
    assert noting.notes == list(note)
    assert noting.clauses[0].notes == []


def test_text_wrapped_at_the_page_width_is_joined_back():
    """pdftotext-like text: paragraphs over several lines, a label alone on its line,
    labels followed by spaces, hyphenated line ends, page counters, date stamps, page
    numbers and document symbols between the lines, the enacting line over two lines."""
    (res,) = parse_file(LAYOUT / "pdf_text_wrapped.txt").resolutions
    assert res.id == "pp/962/dubai-2018"
    assert res.status == "draft"  # MOD, its proposal number left out as a page's furniture
    assert res.title == (
        "Coordination of the regional workshops on numbering resources among the three Sectors"
    )
    considering, resolves, instructs = res.sections
    texts = {c.label: c.text for c in considering.clauses}
    assert list(texts) == ["a)", "b)", "c)"]
    assert texts["a)"].endswith("to manage their numbering resources, in accordance with "
                                "No. 197 of the ITU Convention;")  # fmt: skip
    assert texts["b)"] == (
        "that the Sectors organize their workshops separately, which increases the costs "
        "borne by the Secretary-General and by the developing countries;"
    )
    assert texts["c)"].startswith("that Resolution 71 (Rev. Dubai, 2018) of the Plenipotentiary")
    assert [(c.label, c.line) for c in resolves.clauses] == [("1", 26), ("2", 28)]
    assert resolves.clauses[0].text.endswith(
        "organized by the Telecommunication Development Bureau;"
    )
    assert [c.label for c in instructs.clauses] == ["1.1", "1.2"]


def test_a_text_export_is_not_unwrapped():
    """A Word text export (a paragraph a line) keeps its lines: a title over two lines
    without full stops is not read as wrapped text."""
    text = _PP18_HEAD.format(title="RESOLUTION 963 (Dubai, 2018)") + (
        "considering\n"
        "a)\tthat the work goes on;\n"
        "b)\tthat the workshops of the three Sectors are held in every region of the Union\n"
        "resolves\n"
        "to keep the plan under review\n"
        "in the light of experience, at its next session.\n"
    )
    (res,) = parse_source(_source(text)).resolutions
    assert [len(s.clauses) for s in res.sections] == [2, 2]


def test_a_web_page_with_bulleted_headings_copied_as_text():
    text = (
        "WTDC Resolution 964\n\n"
        "WTDC RESOLUTION 964 (Rev. Hyderabad, 2010)\n\n"
        "Support for the regional workshops\n\n"
        "The World Telecommunication Development Conference (Hyderabad, 2010),\n\n"
        "  \u2022 recalling\n"
        "    \u2022 Resolution 58 (Kyoto, 1994) of the Plenipotentiary Conference,\n"
        "  \u2022 resolves to instruct the Director ofthe Telecommunication Development Bureau\n"
        "    \u2022 to take all necessary steps to support the workshops,\n"
    )
    document = parse_source(_source(text))
    (res,) = document.resolutions  # the page's own heading is no text of its own
    assert res.id == "wtdc/964/hyderabad-2010"
    assert [s.heading for s in res.sections] == [
        "recalling",
        "resolves to instruct the Director ofthe Telecommunication Development Bureau",
    ]
    assert (
        res.sections[1].clauses[0].text == "to take all necessary steps to support the workshops,"
    )


def test_a_wrapped_web_text_of_the_radiocommunication_sector():
    """An ITU-R text as a web page gives it: wrapped lines, a title over two lines, the
    history of its revisions as years ('(2003-…-2019)': the version is the last year's
    assembly), 'ITU' run into the next word, '1.1 to …' with a space after the number,
    a participle that opens a list ('…, highlighting:') inside a recital, and a heading
    glued at the end of an item whose addressee is 'Parties to' a treaty."""
    (res,) = parse_file(LAYOUT / "web_sector_text.txt").resolutions
    assert res.id == "ra/977-4/sharm-el-sheikh-2019"
    assert res.title == (
        "Cooperation of the Radiocommunication Sector with the regional organizations on "
        "the coordination of satellite filings"
    )
    assert res.enacting == "The ITURadiocommunication Assembly,"
    assert _outline(res) == [
        ("considering", ["a)", "b)"]),
        ("noting", [None]),
        ("resolves", ["1", "1.1", "1.2", "2"]),
        ("urges Member States Parties to the Tampere Convention", [None]),
    ]
    considering = res.sections[0]
    assert considering.clauses[0].text.endswith("Radiocommunication Bureau, highlighting:")


def test_a_proposal_with_its_cover_page_between_title_and_enacting_line():
    """A mixed-case title line far above its enacting line (a proposal's cover page in
    between) is the title when the text has no other; the title is the paragraph above
    the history line, not the cover page."""
    (res,) = parse_file(LAYOUT / "proposal_cover.txt").resolutions
    assert res.id == "wtsa/977/hammamet-2016"
    assert res.title == "Test of a proposal laid out with its cover page"
    assert _outline(res) == [("considering", [None]), ("resolves", [None])]


def test_a_whole_text_given_as_one_paragraph():
    """A web rendering that runs a whole resolution into one line, after the page's own
    text: the capital title, the history and the enacting line are cut out of it, and the
    headings and items glued in the rest are split (a 'resolves that …' after a recital,
    a heading with its addressee after an operative clause)."""
    (res,) = parse_file(LAYOUT / "web_one_paragraph.txt").resolutions
    assert res.id == "wrc/905/dubai-2023"
    assert res.title == (
        "Principles for the preparation of the agendas of world radiocommunication conferences"
    )
    assert res.enacting == "The World Radiocommunication Conference (Dubai, 2023),"
    assert _outline(res) == [
        ("considering", ["a)", "b)", "c)"]),
        ("noting", ["a)", "b)"]),
        ("resolves", [None]),
        ("invites the Radiocommunication Advisory Group", [None]),
    ]
    resolves = res.sections[2].clauses[0]
    assert resolves.text.startswith("that the principles in the annex")
    assert resolves.text.endswith("when they propose agenda items,")
    assert all(c.line == 2 for s in res.sections for c in s.clauses)


def test_a_footnote_call_left_on_a_word_of_the_title_is_dropped():
    text = (
        "RESOLUTION 906 (REV. KIGALI, 2022)\n"
        "Participation of developing countries1 in the work of the Sector2\n"
        "The World Telecommunication Development Conference (Kigali, 2022),\n"
        "resolves\n"
        "to continue the work on IMT-2020 and ICT4D.\n"
    )
    (res,) = parse_source(_source(text)).resolutions
    assert res.title == "Participation of developing countries in the work of the Sector"
    assert res.sections[0].clauses[0].text == "to continue the work on IMT-2020 and ICT4D."


def test_a_draft_with_no_number_and_a_pages_own_words():
    """'Draft Resolution' with no number, above its enacting line, is a draft numbered
    after its line; the page's own words after the lettered items ('Twitter', 'Leave a
    Response') are no clauses, and a note says so."""
    text = (
        "A proposal to the Council\n"
        "Draft Resolution\n"
        "Preparations for the next conference\n"
        "The Council,\n"
        "noting\n"
        "a)\tResolution 146 (Antalya, 2006);\n"
        "b)\tthe report of the expert group,\n"
        "Twitter\n"
        "Leave a Response\n"
        "resolves\n"
        "to prepare the conference.\n"
    )
    (res,) = parse_source(_source(text)).resolutions
    assert (res.id, res.status, res.kind) == ("council/draft-line-2/undated", "draft", "resolution")
    assert res.title == "Preparations for the next conference"
    assert _outline(res) == [("noting", ["a)", "b)"]), ("resolves", [None])]
    assert any("'Leave a Response' after the section's items left out" in n for n in res.notes)


def test_a_pages_own_words_after_unlabelled_asks_and_a_short_capitalised_clause():
    """After unlabelled asks that start in small letters, 'Leave a Response' is the page's;
    under a heading whose clauses start in capitals, a short line is kept as a clause."""
    head = "RESOLUTION 36 (Rev. Hyderabad, 2010)\nSupport\n" + (
        "The World Telecommunication Development Conference (Hyderabad, 2010),\n"
    )
    text = head + "resolves\nto take all necessary steps;\nto report to the Council.\n"
    (res,) = parse_source(_source(text + "Leave a Response\n")).resolutions
    assert [c.text for c in res.sections[0].clauses] == [
        "to take all necessary steps;",
        "to report to the Council.",
    ]
    text = head + "considering\nThe need for support.\nGreater Regional Cooperation\n"
    (res,) = parse_source(_source(text)).resolutions
    assert [c.text for c in res.sections[0].clauses][-1] == "Greater Regional Cooperation"


def test_footnotes_run_into_the_text_after_their_rule_are_notes():
    """A conversion that runs the page's footnotes into the text ('…; ____ 3 See resolves
    2 below. 10 that …') loses neither the items after them nor the notes."""
    text = _PP18_HEAD.format(title="RESOLUTION 907 (REV. DUBAI, 2018)") + (
        "resolves\n"
        "9\tthat the Sectors should carry out their activities; ____________________ 3 See "
        "resolves 2 below. 4 These include the least developed countries. 10 that the "
        "Sectors shall report; 11 that the Secretary-General should submit a report,\n"
        "instructs the Secretary-General\n"
        "to report to the Council.\n"
    )
    (res,) = parse_source(_source(text)).resolutions
    resolves = res.sections[0]
    assert [c.label for c in resolves.clauses] == ["9", "10", "11"]
    assert resolves.clauses[0].text == "that the Sectors should carry out their activities;"
    assert resolves.clauses[0].notes == [
        "3 See resolves 2 below.",
        "4 These include the least developed countries.",
    ]
    assert res.sections[1].heading == "instructs the Secretary-General"


def test_a_web_title_with_its_subject_after_a_dash():
    """'Resolution 941 – Regulatory aspects of the work' (a web page's title line): the
    subject is on the title line; a heading in capitals after it ('FOREWORD') is not
    joined to it, and the lines before the enacting line are not the title."""
    text = (
        "Resolution 941 \u2013 Regulatory aspects of the work\n"
        "FOREWORD\n"
        "The Union publishes its texts on its website.\n"
        "The World Telecommunication Standardization Assembly (Montreal, 2000),\n"
        "considering\n"
        "a)\tthat the tasks of the Sector cover technical matters;\n"
        "b)\tthat some matters have policy implications,\n"
        "resolves\n"
        "to continue the work.\n"
    )
    (res,) = parse_source(_source(text)).resolutions
    assert res.id == "wtsa/941/montreal-2000"
    assert res.title == "Regulatory aspects of the work"
    assert _outline(res) == [("considering", ["a)", "b)"]), ("resolves", [None])]


def test_a_council_title_with_its_body_before_it_and_a_session_date():
    # 'Council RESOLUTION 1399 (C24)' in a booklet: the Council's session of 2024; the
    # enacting line 'The Council,' stays a line of its own though the recital after it
    # starts in lower case
    (resolution,) = parse_file(LAYOUT / "booklet_council.txt").resolutions
    assert (resolution.body_id, resolution.number, resolution.revision_year) == (
        "council", "1399", 2024,
    )  # fmt: skip
    assert resolution.title.startswith("Place and dates of the next World Telecommunication")


def test_recitals_whose_heading_was_lost_are_kept():
    # a mirror dropped the italic 'considering': the items after the enacting line are a
    # preamble section with no heading, their labels and citations kept, and a note says so
    from itukg.annotate import annotate_documents

    document = parse_file(LAYOUT / "lost_heading.txt")
    annotate_documents([document])
    (resolution,) = document.resolutions
    assert _outline(resolution) == [("", ["a)", "b)", "c)"]), ("resolves", ["1", "2"])]
    lost = resolution.sections[0]
    assert lost.section_kind == "heading-lost" and lost.kind == "preamble"
    (cited,) = lost.clauses[1].cites_resolutions
    assert (cited.body, cited.number, cited.revision_year) == ("wtdc", "9", 2022)
    assert any("heading was lost" in note for note in resolution.notes)
    # the same in the booklet, whose recitals are unlabelled
    document = parse_file(LAYOUT / "booklet_council.txt")
    annotate_documents([document])
    (booklet,) = document.resolutions
    assert booklet.sections[0].section_kind == "heading-lost"
    assert booklet.sections[0].clauses[0].cites_resolutions[0].number == "122"
    # a lost 'recalling' whose first recital is the text it recalls
    recalled = parse_source(_source(_PP18_HEAD.format(title="RESOLUTION 901 (DUBAI, 2018)") + (
        "Resolution 71 (Rev. Dubai, 2018) of the Plenipotentiary Conference;\n"
        "that the strategic plan sets the goals of the Union,\n"
        "resolves\nto continue the work.\n"
    ))).resolutions[0]  # fmt: skip
    assert _outline(recalled) == [("", [None, None]), ("resolves", [None])]


def test_a_title_and_an_enacting_line_broken_after_their_first_word():
    # 'RESOLUTION' / '712 (WRC-2000)' and 'The' / 'World Radiocommunication Conference …'
    (resolution,) = parse_file(LAYOUT / "wrapped_split_title.txt").resolutions
    assert (resolution.body_id, resolution.number, resolution.revision_year) == (
        "wrc", "712", 2000,
    )  # fmt: skip
    assert resolution.title == "Shared use of spectrum for rural broadband access"
    assert _outline(resolution) == [
        ("considering", ["a)", "b)"]), ("recognizing", [None]), ("resolves", ["1", "2"]),
    ]  # fmt: skip


def test_a_label_merged_by_track_changes_does_not_stop_the_reading():
    from itukg.parse.residue import read_sequence

    readings = read_sequence(["a", "b", "cb", "d"], "alpha")
    assert [r.new for r in readings] == ["a)", "b)", "cb)", "d)"]


def test_a_proposal_cover_naming_the_resolution_it_revises():
    # no 'RESOLUTION 44 (…)' line: the cover's 'DRAFT Revision to WTSA Resolution 44 - …'
    # names the text, a line of its own though the lines around it wrap
    (resolution,) = parse_file(LAYOUT / "proposal_cover_revision.txt").resolutions
    assert (resolution.body_id, resolution.number, resolution.revision_year) == (
        "wtsa", "44", 2028,
    )  # fmt: skip
    assert resolution.status == "draft"
    # the title as the text writes it above the enacting line, which the cover shortens
    assert resolution.title == (
        "Bridging the standardization gap between developing and developed countries"
    )
    assert _outline(resolution) == [("considering", ["a)", "b)"]), ("resolves", [None])]


def test_a_flattened_text_with_running_heads_and_a_resolves_that_comma():
    # a Final Acts page's running head ('RES712-2') inside a text flattened to one line,
    # and 'resolves that, for …' glued to the last recital
    text = (
        "RESOLUTION 712 (WRC-2000) Shared use of spectrum for rural broadband access "
        "The World Radiocommunication Conference (Istanbul, 2000), considering a) that rural "
        "communities need affordable broadband access delivered over terrestrial and "
        "satellite links together; b) that the shared use of the spectrum by several "
        "services is possible when the coordination described in No. 9.21 of the Radio "
        "Regulations RES712-2 takes place between the administrations concerned, resolves "
        "that, for rural access, administrations should consider the shared use of the "
        "bands concerned; further resolves to invite ITU-R to study the technical conditions."
    )
    (res,) = parse_source(_source(text)).resolutions
    assert _outline(res) == [
        ("considering", ["a)", "b)"]), ("resolves", [None]), ("further resolves", [None]),
    ]  # fmt: skip
    assert "RES712" not in res.sections[0].clauses[1].text
    assert res.sections[1].clauses[0].text.startswith("that, for rural access,")


@pytest.mark.parametrize(
    ("title", "enacting", "version", "previous"),
    [
        ("RESOLUTION 64 (REV. HAMMAMETDUBAI, 20122016)",
         "The World Telecommunication Standardization Assembly (Hammamet, 2016),",
         "wtsa/64/hammamet-2016", "wtsa/64/dubai-2012"),
        # the years' digits merged too: Hyderabad, 2010 and Dubai, 2014
        ("RESOLUTION 37 (REV. HyderabadDubai, 20140)",
         "The World Telecommunication Development Conference (Dubai, 2014),",
         "wtdc/37/dubai-2014", "wtdc/37/hyderabad-2010"),
    ],
)  # fmt: skip
def test_two_revisions_run_together_by_tracked_changes(title, enacting, version, previous):
    text = f"{title}\nA test of merged changes\n{enacting}\nconsidering\nthat a text is revised,\n"
    versions = {r.id for r in parse_source(_source(text)).resolutions}
    assert versions == {version, previous}


@pytest.mark.parametrize(
    ("subject", "title"),
    [
        ("Rules of procedure of the Sector (Dubai, 2012)1", "Rules of procedure of the Sector"
         " (Dubai, 2012)"),
        ("Working procedures of the Sector [Russian Federation2]",
         "Working procedures of the Sector"),
    ],
)  # fmt: skip
def test_a_footnote_call_or_a_proposers_tag_ends_no_title(subject, title):
    text = _PP18_HEAD.replace("Test text", subject).format(title="RESOLUTION 901 (DUBAI, 2018)")
    (res,) = parse_source(_source(text + "considering\nthat a title is clean,\n")).resolutions
    assert res.title == title


def test_a_capital_title_line_with_its_subject_and_a_page_title():
    # a web page's own title line, 'RESOLUTION 1398 <subject> Council 2028', above the
    # document's cover lines and the title proper: the title is the subject as the text
    # writes it above the enacting line
    text = (
        "RESOLUTION 1398 Role of the expert group in reviewing Council 2028\n\n"
        "Council 2028\nGeneva, 1-10 June 2028\nDocument C28/99-E\n"
        "Role of the expert group in reviewing\nthe financial regulations\nThe Council,\n"
        "considering\nthat the regulations are reviewed every four years,\n"
    )
    (res,) = parse_source(_source(text)).resolutions
    assert (res.body_id, res.number) == ("council", "1398")
    assert res.title == "Role of the expert group in reviewing the financial regulations"
    assert _outline(res) == [("considering", [None])]
