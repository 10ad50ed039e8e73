"""Word files as ITU writes them, built here with python-docx and lxml: automatic numbering
(word/numbering.xml: lists by w:numPr or by paragraph style, letters, numbers, roman items
under a letter, section numbers 1.1, bullets, restarts), the ITU template's paragraph
styles (Call, ResNo, Restitle, enumlev1 …), a heading paragraph with a clause glued to it,
footnote calls after a title, 'bis' labels. The texts are our own."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from test_docx import W_NS
from test_docx import Word as TrackedWord

from itukg.parse import document_to_dict, parse_file
from itukg.read.docx import read_docx

BDT_DIRECTOR = "instructs the Director of the Telecommunication Development Bureau"


def _lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}<w:lvlJc w:val="left"/></w:lvl>'
    )


def _abstract(abstract_id: int, *levels: str) -> str:
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{"".join(levels)}</w:abstractNum>'


def _num(num_id: int, abstract_id: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def _restart(ilvl: int, start: int) -> str:
    return f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'


class Word(TrackedWord):
    """A .docx being written: styled paragraphs with runs, w:numPr, tracked changes,
    footnotes, and a numbering.xml of our own."""

    def __init__(self) -> None:
        super().__init__()
        self.numbering: str | None = None

    def style(self, style_id: str, based_on: str | None = "Normal", num: int | None = None,
              ilvl: int | None = None, kind: str = "paragraph",
              name: str | None = None) -> None:  # fmt: skip
        from docx.oxml import parse_xml

        numbering = ""
        if num is not None or ilvl is not None:
            numbering = "<w:pPr><w:numPr>"
            numbering += f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
            numbering += f'<w:numId w:val="{num}"/>' if num is not None else ""
            numbering += "</w:numPr></w:pPr>"
        base = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
        self.doc.styles.element.append(
            parse_xml(
                f'<w:style xmlns:w="{W_NS}" w:type="{kind}" w:customStyle="1" '
                f'w:styleId="{style_id}"><w:name w:val="{name or style_id}"/>{base}'
                f"{numbering}</w:style>"
            )
        )

    def _run(self, text: str, deleted: bool = False, style: str | None = None):
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        run = OxmlElement("w:r")
        if style:
            properties = OxmlElement("w:rPr")
            run_style = OxmlElement("w:rStyle")
            run_style.set(qn("w:val"), style)
            properties.append(run_style)
            run.append(properties)
        for piece in re.split(r"(\t|\n)", text):
            if piece == "\t":
                run.append(OxmlElement("w:tab"))
            elif piece == "\n":
                run.append(OxmlElement("w:br"))
            elif piece:
                t = OxmlElement("w:delText" if deleted else "w:t")
                t.set(qn("xml:space"), "preserve")
                t.text = piece
                run.append(t)
        return run

    def paragraph(self, *segments, style: str | None = None, num: int | None = None,
                  ilvl: int | None = None, inserted: bool = False,
                  container=None) -> None:  # fmt: skip
        """Segments are text (a run; '\\n' a line break), ("ins", text), ("del", text),
        ("note", id), ("note*", id, mark): a call with a custom mark, or ("typed", mark):
        a mark typed in the footnote reference style."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        paragraph = (container or self.doc).add_paragraph(style=None)
        p = paragraph._p
        if style or num is not None or ilvl is not None or inserted:
            properties = p.get_or_add_pPr()
            if style:
                style_node = OxmlElement("w:pStyle")
                style_node.set(qn("w:val"), style)
                properties.append(style_node)
            if num is not None or ilvl is not None:
                numbering = OxmlElement("w:numPr")
                for tag, value in (("w:ilvl", ilvl), ("w:numId", num)):
                    if value is not None:
                        node = OxmlElement(tag)
                        node.set(qn("w:val"), str(value))
                        numbering.append(node)
                properties.append(numbering)
            if inserted:
                marks = OxmlElement("w:rPr")
                marks.append(self._mark("w:ins"))
                properties.append(marks)
        for segment in segments:
            kind, text, *more = ("", segment) if isinstance(segment, str) else segment
            kind = "ins" if inserted and not kind else kind
            if kind in ("note", "note*"):
                run = OxmlElement("w:r")
                reference = OxmlElement("w:footnoteReference")
                reference.set(qn("w:id"), text)
                run.append(reference)
                if kind == "note*":
                    reference.set(qn("w:customMarkFollows"), "1")
                    mark = OxmlElement("w:t")
                    mark.text = more[0]
                    run.append(mark)
                p.append(run)
            elif kind == "typed":
                p.append(self._run(text, style="FootnoteReference"))
            elif kind:
                mark = self._mark("w:ins" if kind == "ins" else "w:del")
                mark.append(self._run(text, deleted=kind == "del"))
                p.append(mark)
            else:
                p.append(self._run(text))

    def save(self, path: Path) -> Path:
        from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
        from docx.opc.packuri import PackURI
        from docx.opc.part import Part
        from docx.oxml import parse_xml

        if self.numbering is not None:  # python-docx's template has a numbering part
            part = self.doc.part.numbering_part
            part._element = parse_xml(
                f'<w:numbering xmlns:w="{W_NS}">{self.numbering}</w:numbering>'
            )
        if self.notes:
            notes = "".join(
                f'<w:footnote w:id="{n}"><w:p>{body}</w:p></w:footnote>'
                for n, body in self.notes.items()
            )
            part = Part(
                PackURI("/word/footnotes.xml"),
                CONTENT_TYPE.WML_FOOTNOTES,
                (
                    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                    f'<w:footnotes xmlns:w="{W_NS}"><w:footnote w:type="separator" w:id="-1">'
                    f"<w:p><w:r><w:separator/></w:r></w:p></w:footnote>{notes}</w:footnotes>"
                ).encode(),
                self.doc.part.package,
            )
            self.doc.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
        self.doc.save(str(path))
        return path

    def note(self, note_id: str, text: str, mark: str | None = None) -> None:
        """A footnote: Word's automatic mark, or a custom one typed at its start."""
        call = f"<w:r><w:t>{mark}</w:t></w:r>" if mark else "<w:r><w:footnoteRef/></w:r>"
        self.notes[note_id] = (
            f'{call}<w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">{text}</w:t></w:r>'
        )


def _with_numbering(path: Path, target: Path, data: bytes | None) -> Path:
    """A copy of the .docx with word/numbering.xml replaced by data (None: taken out)."""
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w") as copy:
        for member in source.infolist():
            if member.filename == "word/numbering.xml":
                if data is not None:
                    copy.writestr(member, data)
            else:
                copy.writestr(member, source.read(member))
    return target


def _itu_styles(word: Word) -> None:
    for name in ("Call", "ResNo", "Restitle", "Normalaftertitle", "AnnexNo", "Annextitle",
                 "Headingb", "enumlev1", "enumlev2"):  # fmt: skip
        word.style(name)


NUMBERING = "".join(
    [
        _abstract(0, _lvl(0, "decimal", "%1")),  # resolves 1, 2, 3
        _abstract(1, _lvl(0, "lowerLetter", "%1)")),  # considering, recognizing a), b)
        # instructs a), b) with i), ii) under b)
        _abstract(2, _lvl(0, "lowerLetter", "%1)"), _lvl(1, "lowerRoman", "%2)")),
        _abstract(3, _lvl(0, "bullet", "\u2022")),
        # the annex's rules: 1, 1.1, 1.2, 2, 2.1
        _abstract(4, _lvl(0, "decimal", "%1"), _lvl(1, "decimal", "%1.%2")),
        _num(1, 0),
        _num(2, 1),
        _num(3, 1, _restart(0, 1)),  # the same letters, started again at a)
        _num(4, 2),
        _num(5, 3),
        _num(6, 4),
    ]
)


def _resolution(tmp_path: Path) -> Path:
    """A PP resolution of our own, numbered by Word."""
    word = Word()
    _itu_styles(word)
    word.style("RulesBase", num=6)  # the annex's rules: numbered through their style …
    word.style("Rules", based_on="RulesBase")  # … and the style they are based on
    word.numbering = NUMBERING
    word.note("1", "This resolution should also be brought to the attention of ITU-D.")
    word.paragraph("RESOLUTION 907 (REV. BUSAN, 2014)", ("note", "1"), style="ResNo")
    word.paragraph("Coordination of regional workshops on numbering resources", style="Restitle")
    word.paragraph("The Plenipotentiary Conference of the International Telecommunication "
                   "Union (Busan, 2014),", style="Normalaftertitle")  # fmt: skip
    word.paragraph("considering", style="Call")
    word.paragraph("that regional workshops help Member States manage numbering resources;", num=2)
    word.paragraph("that the three Sectors organize their workshops separately,", num=2)
    word.paragraph("recognizing", style="Call")
    word.paragraph("that the budget of the Union is limited;", num=3)
    word.paragraph("that joint workshops cost less than separate ones,", num=3)
    word.paragraph("resolves", style="Call")
    word.paragraph("to hold one joint workshop per region each year;", num=1)
    word.paragraph("to publish the programme of the workshops on the ITU website;", num=1)
    word.paragraph("to review these arrangements at the next conference,", num=1)
    word.paragraph(BDT_DIRECTOR, style="Call")
    word.paragraph("to coordinate the workshops with the other two Bureaux;", num=4)
    word.paragraph("to report each year to the Council on:", num=4)
    word.paragraph("the workshops held;", num=4, ilvl=1, style="enumlev1")
    word.paragraph("their costs;", num=4, ilvl=1, style="enumlev1")
    word.paragraph("to consult Member States on the rules in the annex,", num=4)
    word.paragraph("invites Member States", style="Call")
    word.paragraph("to take part in the workshops;", num=5)
    word.paragraph("to share their experience of managing numbering resources.", num=5)
    word.paragraph("ANNEX", style="AnnexNo")
    word.paragraph("Rules for the regional workshops", style="Annextitle")
    word.paragraph("General", style="Rules")
    word.paragraph("The workshops are open to all Member States and Sector Members.",
                   style="Rules", ilvl=1)  # fmt: skip
    word.paragraph("Each workshop lasts no more than three days.", style="Rules", ilvl=1)
    word.paragraph("Organization", style="Rules")
    word.paragraph("The regional office hosts the workshop of its region.", style="Rules", ilvl=1)
    return word.save(tmp_path / "res907.docx")


LABELLED = [
    ("considering", [
        ("a)", "that regional workshops help Member States manage numbering resources;"),
        ("b)", "that the three Sectors organize their workshops separately,"),
    ]),
    ("recognizing", [
        ("a)", "that the budget of the Union is limited;"),
        ("b)", "that joint workshops cost less than separate ones,"),
    ]),
    ("resolves", [
        ("1", "to hold one joint workshop per region each year;"),
        ("2", "to publish the programme of the workshops on the ITU website;"),
        ("3", "to review these arrangements at the next conference,"),
    ]),
    (BDT_DIRECTOR, [
        ("a)", "to coordinate the workshops with the other two Bureaux;"),
        ("b)", "to report each year to the Council on:"),
        ("b) i)", "the workshops held;"),
        ("b) ii)", "their costs;"),
        ("c)", "to consult Member States on the rules in the annex,"),
    ]),
    ("invites Member States", [
        ("\u20221", "to take part in the workshops;"),  # bullets: dash items
        ("\u20222", "to share their experience of managing numbering resources."),
    ]),
]  # fmt: skip
RULES = [
    ("1", "General"),
    ("1.1", "The workshops are open to all Member States and Sector Members."),
    ("1.2", "Each workshop lasts no more than three days."),
    ("2", "Organization"),
    ("2.1", "The regional office hosts the workshop of its region."),
]


def _outline(resolution) -> list:
    return [(s.heading, [(c.label, c.text) for c in s.clauses]) for s in resolution.sections]


@pytest.fixture
def numbered(tmp_path):
    return _resolution(tmp_path)


def test_word_numbering_gives_the_labels_of_the_items(numbered):
    (resolution,) = parse_file(numbered).resolutions
    assert resolution.id == "pp/907/busan-2014"
    assert resolution.title == "Coordination of regional workshops on numbering resources"
    assert resolution.notes == ["This resolution should also be brought to the attention of ITU-D."]
    assert _outline(resolution) == LABELLED
    instructs = resolution.sections[3]
    assert instructs.modality == "instructs"
    assert instructs.addressee_text == "the Director of the Telecommunication Development Bureau"
    items = {c.label: c for c in instructs.clauses}
    assert (items["b) ii)"].parent, items["b) ii)"].local_label) == ("b)", "ii)")
    assert (items["b) i)"].parent, items["c)"].parent) == ("b)", None)
    (annex,) = resolution.annexes
    assert annex.title == "Rules for the regional workshops"
    assert [(i.label, i.text) for i in annex.items] == RULES


def test_numbered_lines_read_as_a_text_export_writes_them(numbered):
    lines = [line for line in read_docx(numbered).lines if line.text]
    by_text = {line.text: line for line in lines}
    assert by_text["a)\tthat the budget of the Union is limited;"].style is None
    assert "1\tto hold one joint workshop per region each year;" in by_text
    assert "2.1\tThe regional office hosts the workshop of its region." in by_text
    assert "\u2022\tto take part in the workshops;" in by_text  # a bullet: a dash item
    item = by_text["ii)\ttheir costs;"]
    assert (item.indent, item.style, item.raw) == (1, "enumlev1", "\tii)\ttheir costs;")
    rule = by_text["1.2\tEach workshop lasts no more than three days."]
    assert (rule.indent, rule.style) == (1, "Rules")
    assert by_text["1\tGeneral"].indent == 0
    styles = [(line.style, line.text) for line in lines[:4]]
    assert styles == [
        ("ResNo", "RESOLUTION 907 (REV. BUSAN, 2014)"),
        ("Restitle", "Coordination of regional workshops on numbering resources"),
        ("Normalaftertitle", "The Plenipotentiary Conference of the International "
                             "Telecommunication Union (Busan, 2014),"),
        ("Call", "considering"),
    ]  # fmt: skip


def test_a_start_override_restarts_the_letters(numbered, tmp_path):
    without = tmp_path / "no-override.docx"
    data = NUMBERING.replace(_restart(0, 1), "").encode("utf-8")
    data = f'<w:numbering xmlns:w="{W_NS}">'.encode() + data + b"</w:numbering>"
    (resolution,) = parse_file(_with_numbering(numbered, without, data)).resolutions
    recognizing = resolution.sections[1]
    # Word counts the lists of one definition together: without the override, c) and d)
    assert [c.label for c in recognizing.clauses] == ["c)", "d)"]


@pytest.mark.parametrize("numbering", [None, b"<w:numbering xmlns:w='x'><w:num", b"\x00\xff"])
def test_without_its_numbering_a_file_is_read_without_labels(numbered, tmp_path, numbering):
    bare = _with_numbering(numbered, tmp_path / "bare.docx", numbering)
    (resolution,) = parse_file(bare).resolutions
    assert resolution.id == "pp/907/busan-2014"
    assert [s.heading for s in resolution.sections] == [h for h, _ in LABELLED]
    for section, (_, clauses) in zip(resolution.sections, LABELLED, strict=True):
        assert [(c.label, c.text) for c in section.clauses] == [(None, t) for _, t in clauses]
    assert [(i.label, i.text) for i in resolution.annexes[0].items] == [(None, t) for _, t in RULES]
    assert all(line.indent == 0 for line in read_docx(bare).lines if line.style != "enumlev1")


def test_a_broken_list_definition_gives_no_label_and_no_crash(tmp_path):
    word = Word()
    word.numbering = (
        _abstract(0, _lvl(0, "decimal", "%1"))
        + '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="x"/><w:lvl w:ilvl="0">'
        '<w:start w:val="one"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1)"/></w:lvl>'
        '</w:abstractNum><w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="Loop"/>'
        "</w:abstractNum>"
        + _num(1, 0) + _num(2, 1) + _num(3, 2) + _num(4, 9) + '<w:num w:numId="5"/>'
    )  # fmt: skip
    word.style("Loop", based_on="Loop", num=3, kind="numbering")
    word.paragraph("first", num=1)
    word.paragraph("a start that is not a number", num=2)
    for num in (3, 4, 5, 77, 0):
        word.paragraph(f"list {num}", num=num)
    word.paragraph("level nine", num=1, ilvl=9)
    word.paragraph("second", num=1)
    lines = [line.text for line in read_docx(word.save(tmp_path / "broken.docx")).lines]
    # a start that cannot be read is Word's default, 0
    assert lines == ["1\tfirst", "0)\ta start that is not a number"] + [
        f"list {n}" for n in (3, 4, 5, 77, 0)
    ] + ["level nine", "2\tsecond"]  # fmt: skip


def test_level_formats_suffixes_legal_numbering_and_restarts(tmp_path):
    word = Word()
    word.numbering = (
        _abstract(
            0,
            _lvl(0, "upperRoman", "%1.", extra='<w:suff w:val="space"/>'),
            _lvl(1, "decimal", "%1.%2", extra="<w:isLgl/>"),
            _lvl(2, "lowerLetter", "(%3)", start=3, extra='<w:lvlRestart w:val="0"/>'),
            _lvl(3, "none", "", extra='<w:suff w:val="nothing"/>'),
        )
        + _abstract(1, _lvl(0, "upperLetter", "%1", start=26, extra='<w:suff w:val="nothing"/>'))
        + _num(1, 0) + _num(2, 1)
    )  # fmt: skip
    for text, ilvl in [("Scope", 0), ("first", 1), ("sub", 2), ("plain", 3), ("Terms", 0),
                       ("second", 1), ("sub again", 2)]:  # fmt: skip
        word.paragraph(text, num=1, ilvl=ilvl)
    word.paragraph("", num=2)  # an empty item counts, but shows no label
    word.paragraph(" after the empty one", num=2)
    lines = [(line.text, line.indent) for line in read_docx(word.save(tmp_path / "f.docx")).lines]
    assert lines == [
        ("I. Scope", 0),
        ("1.1\tfirst", 1),
        ("(c)\tsub", 2),
        ("plain", 3),
        ("II. Terms", 0),
        ("2.1\tsecond", 1),
        ("(d)\tsub again", 2),  # lvlRestart 0: never restarted
        ("", 0),
        ("AA after the empty one", 0),
    ]


def test_an_inserted_item_renumbers_those_after_it(tmp_path):
    word = Word()
    _itu_styles(word)
    word.numbering = _abstract(0, _lvl(0, "decimal", "%1")) + _num(1, 0)
    word.paragraph("RESOLUTION 907 (REV. ", ("del", "BUSAN, 2014"), ("ins", "DOHA, 2026"), ")",
                   style="ResNo")  # fmt: skip
    word.paragraph("Coordination of regional workshops", style="Restitle")
    word.paragraph("The Plenipotentiary Conference of the International Telecommunication Union (",
                   ("del", "Busan, 2014"), ("ins", "Doha, 2026"), "),")  # fmt: skip
    word.paragraph("resolves", style="Call")
    word.paragraph("to hold one joint workshop per region each year;", num=1)
    word.paragraph("to publish the programme of the workshops;", num=1, inserted=True)
    word.paragraph("to review these arrangements ", ("del", "in 2018"), ("ins", "at the next "
                   "conference"), ",", num=1)  # fmt: skip
    document = parse_file(word.save(tmp_path / "draft.docx"))
    draft = next(r for r in document.resolutions if r.status == "draft")
    (resolves,) = draft.sections
    clauses = {c.label: c for c in resolves.clauses}
    assert list(clauses) == ["1", "2", "3"]
    assert clauses["2"].inserted and clauses["1"].old_label == "1"
    assert (clauses["3"].old_label, clauses["3"].old_text) == ("2", "to review these "
                                                               "arrangements in 2018,")  # fmt: skip
    changes = {(c.kind, c.where, c.old, c.new) for c in draft.changes}
    assert ("renumbering", "resolves 3", "2", "3") in changes
    assert (
        "insertion",
        "resolves 2",
        None,
        "to publish the programme of the workshops;",
    ) in changes
    assert ("substitution", "resolves 3", "in 2018", "at the next conference") in changes
    previous = next(r for r in document.resolutions if r.id == "pp/907/busan-2014")
    assert [(c.label, c.text) for c in previous.sections[0].clauses] == [
        ("1", "to hold one joint workshop per region each year;"),
        ("2", "to review these arrangements in 2018,"),
    ]


def test_a_call_paragraph_holds_its_heading_alone(tmp_path):
    word = Word()
    _itu_styles(word)
    word.paragraph("RESOLUTION 908 (BUSAN, 2014)", style="ResNo")
    word.paragraph("Workshops", style="Restitle")
    word.paragraph("The Plenipotentiary Conference of the International Telecommunication Union "
                   "(Busan, 2014),", style="Normalaftertitle")  # fmt: skip
    # a tracked insertion glued to the heading, no space between
    word.paragraph("recognizing", ("ins", "that the budget of the Union is limited,"),
                   style="Call")  # fmt: skip
    word.paragraph("considering a)\tthat the Sectors organize workshops,", style="Call")
    word.paragraph("resolves", " to instruct the Secretary-General", style="Call")
    word.paragraph("1\tto hold one workshop per region;")
    word.paragraph("instructs the Secretary-General\nto report to the Council,", style="Call")
    word.paragraph("instructs the Director of the Telecommunication Development Bureau,\n"
                   "in consultation with the other Directors", style="Call")  # fmt: skip
    word.paragraph("to help the regional offices.")
    path = word.save(tmp_path / "glued.docx")
    lines = read_docx(path).lines
    assert [(line.number, line.text, line.style) for line in lines[3:]] == [
        (4, "recognizing", "Call"),
        (5, "that the budget of the Union is limited,", None),
        (6, "considering", "Call"),
        (7, "a)\tthat the Sectors organize workshops,", None),
        (8, "resolves to instruct the Secretary-General", "Call"),
        (9, "1\tto hold one workshop per region;", None),
        (10, "instructs the Secretary-General", "Call"),
        (11, "to report to the Council,", None),
        (12, "instructs the Director of the Telecommunication Development Bureau, in "
             "consultation with the other Directors", "Call"),
        (13, "to help the regional offices.", None),
    ]  # fmt: skip
    assert lines[4].revision is not None and lines[4].revision.old is None  # inserted whole
    assert lines[3].revision is None
    (resolution,) = parse_file(path).resolutions
    outline = [(s.heading, s.addressee_text, [(c.label, c.text) for c in s.clauses])
               for s in resolution.sections]  # fmt: skip
    assert outline == [
        ("recognizing", "", [(None, "that the budget of the Union is limited,")]),
        ("considering", "", [("a)", "that the Sectors organize workshops,")]),
        ("resolves to instruct the Secretary-General", "the Secretary-General",
         [("1", "to hold one workshop per region;")]),
        ("instructs the Secretary-General", "the Secretary-General",
         [(None, "to report to the Council,")]),
        ("instructs the Director of the Telecommunication Development Bureau, in consultation "
         "with the other Directors", "the Director of the Telecommunication Development Bureau,"
         " in consultation with the other Directors", [(None, "to help the regional offices.")]),
    ]  # fmt: skip
    assert resolution.sections[1].clauses[0].inserted is False
    assert resolution.sections[0].clauses[0].inserted is True


def test_footnote_calls_after_a_title_and_bis_labels(tmp_path):
    word = Word()
    _itu_styles(word)
    word.style("FootnoteReference", based_on=None, kind="character", name="footnote reference")
    word.numbering = _abstract(0, _lvl(0, "lowerLetter", "%1)")) + _num(1, 0)
    word.note("1", "Revised also by the Council.", mark="1")
    word.note("2", "See the report of the Secretary-General.", mark="*")
    word.paragraph("RESOLUTION 191 (REV. BUSAN, 2014)", ("note*", "1", "1"), style="ResNo")
    word.paragraph("Strategy for coordination", ("typed", "2"), style="Restitle")
    word.paragraph("The Plenipotentiary Conference of the International Telecommunication Union "
                   "(Busan, 2014),", style="Normalaftertitle")  # fmt: skip
    word.paragraph("considering", style="Call")
    word.paragraph("that one;", num=1)
    word.paragraph("that two", ("note*", "2", "*"), ";", num=1)
    word.paragraph("b)", "bis", "\tthat two and a half;", num=0)  # typed, out of the list
    word.paragraph("b bis)\tthat two and three quarters;")
    word.paragraph("that three,", num=1)
    word.paragraph("resolves", style="Call")
    word.paragraph("1\tto coordinate.")
    path = word.save(tmp_path / "bis.docx")
    lines = read_docx(path).lines
    assert [(line.text, line.notes) for line in lines] == [
        ("RESOLUTION 191 (REV. BUSAN, 2014)", ("Revised also by the Council.",)),
        ("Strategy for coordination", ()),
        (lines[2].text, ()),
        ("considering", ()),
        ("a)\tthat one;", ()),
        ("b)\tthat two;", ("See the report of the Secretary-General.",)),
        ("b)bis\tthat two and a half;", ()),
        ("b bis)\tthat two and three quarters;", ()),
        ("c)\tthat three,", ()),
        ("resolves", ()),
        ("1\tto coordinate.", ()),
    ]
    (resolution,) = parse_file(path).resolutions
    assert (resolution.id, resolution.title) == ("pp/191/busan-2014", "Strategy for coordination")
    assert resolution.notes == ["Revised also by the Council."]
    data = document_to_dict(parse_file(path))
    clauses = data["documents"][0]["resolutions"][0]["sections"][0]["clauses"]
    assert clauses[1]["notes"] == ["See the report of the Secretary-General."]
    assert clauses[1]["text"] == "that two;"
    assert [c["label"] for c in clauses][-1] == "c)"


def test_enumlev_styles_indent_and_table_cells_keep_their_tabs(tmp_path):
    word = Word()
    _itu_styles(word)
    word.paragraph("\u2013\tfirst dash", style="enumlev1")
    word.paragraph("\u2013\tsecond dash", style="enumlev2")
    word.paragraph("\tits own tab", style="enumlev2")
    table = word.doc.add_table(rows=1, cols=2)
    for cell, text in zip(table.rows[0].cells, ["PP-14", "WTSA"], strict=True):
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
        word.paragraph(text, container=cell)
        word.paragraph("i)\tan item in a cell", style="enumlev1", container=cell)
    lines = read_docx(word.save(tmp_path / "enum.docx")).lines
    assert [(line.text, line.indent) for line in lines] == [
        ("\u2013\tfirst dash", 1),
        ("\u2013\tsecond dash", 2),
        ("its own tab", 1),
        ("PP-14", 1),
        ("i)\tan item in a cell", 0),  # in a cell, a leading tab would open a new cell
        ("WTSA", 1),
        ("i)\tan item in a cell", 0),
    ]


def test_a_level_restarts_only_after_the_level_it_names(tmp_path):
    word = Word()
    word.numbering = _abstract(
        0,
        _lvl(0, "decimal", "%1"),
        _lvl(1, "decimal", "%2"),
        _lvl(2, "lowerLetter", "%3)", extra='<w:lvlRestart w:val="1"/>'),  # after level 1 only
    ) + _num(1, 0)
    for text, ilvl in [("one", 0), ("one.one", 1), ("item", 2), ("one.two", 1), ("item", 2),
                       ("two", 0), ("item", 2)]:  # fmt: skip
        word.paragraph(text, num=1, ilvl=ilvl)
    lines = [line.text for line in read_docx(word.save(tmp_path / "restart.docx")).lines]
    assert lines == ["1\tone", "1\tone.one", "a)\titem", "2\tone.two", "b)\titem", "2\ttwo",
                     "a)\titem"]  # fmt: skip
