""".docx contributions, built here with python-docx and lxml: a Word file and the
equivalent text export parse to the same model; tracked changes (w:ins, w:del) give the
draft, the text it revises and the change list with author and date; compilation tables
are read cell by cell; hostile archives are refused."""

from __future__ import annotations

import json
import os
import re
import zipfile
from pathlib import Path

import pytest
from conftest import CLEAN, run_cli

from itukg.errors import InputError
from itukg.parse import document_to_dict, parse_file

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
AUTHOR, DATE = "ITU Secretariat", "2026-09-14T10:00:00Z"
FOOTNOTES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<w:footnotes xmlns:w="{W_NS}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    "{notes}</w:footnotes>"
)
_NOTE_CALL = re.compile(r"\[footnoteRef:(?P<id>\d+)\](?P<mark>\d+)?")
_NOTE_BODY = re.compile(r"\[(?P<id>\d+):[ \t\u00a0]*(?:\d+[ \t\u00a0]*)?\t?(?P<text>[^\]]*)\]")


class Word:
    """A .docx being written: paragraphs (tabs kept), tracked changes, tables, footnotes."""

    def __init__(self) -> None:
        import docx

        self.doc = docx.Document()
        self.notes: dict[str, str] = {}
        self.change_id = 100

    def _run(self, text: str, deleted: bool = False):
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        run = OxmlElement("w:r")
        for piece in re.split(r"(\t)", text):
            if piece == "\t":
                run.append(OxmlElement("w:tab"))
            elif piece:
                t = OxmlElement("w:delText" if deleted else "w:t")
                t.set(qn("xml:space"), "preserve")
                t.text = piece
                run.append(t)
        return run

    def _mark(self, tag: str):
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        self.change_id += 1
        mark = OxmlElement(tag)
        mark.set(qn("w:id"), str(self.change_id))
        mark.set(qn("w:author"), AUTHOR)
        mark.set(qn("w:date"), DATE)
        return mark

    def paragraph(self, *segments, inserted: bool = False, container=None) -> None:
        """Segments are text, ("ins", text), ("del", text) or ("note", id)."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        paragraph = (container or self.doc).add_paragraph()
        if inserted:
            properties = paragraph._p.get_or_add_pPr()
            marks = OxmlElement("w:rPr")
            marks.append(self._mark("w:ins"))
            properties.append(marks)
        for segment in segments:
            kind, text = ("", segment) if isinstance(segment, str) else segment
            kind = "ins" if inserted and not kind else kind  # Word marks its runs too
            if kind == "note":
                run = OxmlElement("w:r")
                reference = OxmlElement("w:footnoteReference")
                reference.set(qn("w:id"), text)
                run.append(reference)
                paragraph._p.append(run)
            elif kind:
                mark = self._mark("w:ins" if kind == "ins" else "w:del")
                mark.append(self._run(text, deleted=kind == "del"))
                paragraph._p.append(mark)
            else:
                paragraph._p.append(self._run(text))

    def text_line(self, line: str) -> None:
        """A line of a text export, footnote markup turned into a real footnote."""
        line = re.sub(r"\[bookmark:[^\]]*\]", "", line)
        for body in _NOTE_BODY.finditer(line):
            self.notes[body.group("id")] = body.group("text")
        line = _NOTE_BODY.sub("", line)
        segments: list = []
        position = 0
        for call in _NOTE_CALL.finditer(line):
            segments += [line[position : call.start()], ("note", call.group("id"))]
            position = call.end()
        segments.append(line[position:])
        self.paragraph(*[s for s in segments if s])

    def table(self, rows: list[list[str]]) -> None:
        """Cells hold paragraphs separated by newlines; '' is an empty cell."""
        table = self.doc.add_table(rows=len(rows), cols=len(rows[0]))
        for row, cells in zip(table.rows, rows, strict=True):
            for cell, text in zip(row.cells, cells, strict=True):
                cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
                for paragraph in text.split("\n") if text else [""]:
                    self.paragraph(paragraph, container=cell)

    def save(self, path: Path) -> Path:
        from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
        from docx.opc.packuri import PackURI
        from docx.opc.part import Part

        if self.notes:
            notes = "".join(
                f'<w:footnote w:id="{n}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:tab/></w:r>'
                f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:footnote>'
                for n, text in self.notes.items()
            )
            part = Part(
                PackURI("/word/footnotes.xml"),
                CONTENT_TYPE.WML_FOOTNOTES,
                FOOTNOTES_XML.format(notes=notes).encode("utf-8"),
                self.doc.part.package,
            )
            self.doc.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
        self.doc.save(str(path))
        return path


def _model(path: Path) -> dict:
    data = document_to_dict(parse_file(path))
    data.pop("source")
    data.pop("format")
    return data


@pytest.mark.parametrize("name", sorted(p.name for p in CLEAN.glob("*.txt")))
def test_a_docx_parses_like_its_text_export(tmp_path, name):
    text = CLEAN / name
    word = Word()
    for line in text.read_text(encoding="utf-8").split("\n"):
        word.text_line(line)
    docx_path = word.save(tmp_path / (Path(name).stem + ".docx"))
    assert _model(docx_path) == _model(text)
    assert parse_file(docx_path).format == "docx"


def test_footnotes_are_the_notes_of_their_line(tmp_path):
    word = Word()
    for line in (CLEAN / "wtsa_resolution.txt").read_text(encoding="utf-8").split("\n"):
        word.text_line(line)
    document = parse_file(word.save(tmp_path / "wtsa.docx"))
    (resolution,) = document.resolutions
    assert resolution.notes == ["This resolution should also be brought to the attention of ITU-D."]


def _draft(tmp_path: Path) -> Path:
    """A PP draft revising Resolution 212 (Bucharest, 2022) at Doha, 2026, tracked."""
    word = Word()
    word.paragraph("RESOLUTION 212 (REV. ", ("del", "BUCHAREST, 2022"), ("ins", "DOHA, 2026"), ")")
    word.paragraph("Coordination of capacity-building activities among the Sectors of the Union")
    word.paragraph("The Plenipotentiary Conference of the International Telecommunication Union (",
                   ("del", "Bucharest, 2022"), ("ins", "Doha, 2026"), "),")  # fmt: skip
    word.paragraph("considering", ("ins", " further"))
    word.paragraph("a)\tthat capacity building is a cross-cutting activity of the three Sectors;")
    word.paragraph("resolves")
    word.paragraph("1\tthat the three Sectors shall coordinate their capacity-building activities;")
    word.paragraph("2\tto publish a joint calendar of courses;", inserted=True)
    word.paragraph(("del", "2"), ("ins", "3"), "\tto keep the costs ",
                   ("del", "of capacity building "), "within the ",
                   ("del", "approved"), ("ins", "agreed"), " budget;")  # fmt: skip
    word.paragraph("instructs the Secretary-General")
    word.paragraph("to report to the next plenipotentiary conference on this resolution")
    return word.save(tmp_path / "draft.docx")


def test_tracked_changes_give_draft_old_text_and_changes(tmp_path):
    document = parse_file(_draft(tmp_path))
    draft = next(r for r in document.resolutions if r.status == "draft")
    assert (draft.revision_place, draft.revision_year) == ("Doha", 2026)
    assert draft.previous_revision == ("Bucharest", 2022)
    resolves = next(s for s in draft.sections if s.heading == "resolves")
    clauses = {c.label: c for c in resolves.clauses}
    assert list(clauses) == ["1", "2", "3"]
    assert clauses["2"].inserted and clauses["2"].text == "to publish a joint calendar of courses;"
    third = clauses["3"]
    assert third.old_label == "2"
    assert third.text == "to keep the costs within the agreed budget;"
    assert third.old_text == "to keep the costs of capacity building within the approved budget;"
    changes = [(c.kind, c.where, c.old, c.new, c.author, c.date) for c in draft.changes]
    assert ("insertion", "resolves 2", None, "to publish a joint calendar of courses;",
            AUTHOR, DATE) in changes  # fmt: skip
    assert ("renumbering", "resolves 3", "2", "3", AUTHOR, DATE) in changes
    assert ("deletion", "resolves 3", "of capacity building", None, AUTHOR, DATE) in changes
    assert ("substitution", "resolves 3", "approved", "agreed", AUTHOR, DATE) in changes
    assert ("substitution", "heading considering further", "considering",
            "considering further", AUTHOR, DATE) in changes  # fmt: skip
    previous = next(r for r in document.resolutions if r.id == "pp/212/bucharest-2022")
    assert previous.enacting.endswith("Telecommunication Union (Bucharest, 2022),")
    assert draft.enacting.endswith("Telecommunication Union (Doha, 2026),")
    assert [s.heading for s in previous.sections] == [
        "considering",
        "resolves",
        "instructs the Secretary-General",
    ]
    old = next(s for s in previous.sections if s.heading == "resolves")
    assert [(c.label, c.text) for c in old.clauses] == [
        ("1", "that the three Sectors shall coordinate their capacity-building activities;"),
        ("2", "to keep the costs of capacity building within the approved budget;"),
    ]


def test_tracked_changes_reach_json_and_rdf(tmp_path):
    from rdflib import Literal, Namespace
    from rdflib.namespace import DCTERMS

    from itukg.rdf import documents_graph

    path = _draft(tmp_path)
    done = run_cli("parse", str(path), "--no-annotate")
    assert done.returncode == 0, done.stderr
    model = json.loads(done.stdout)
    assert model["format"] == "docx"
    draft = next(r for r in model["documents"][0]["resolutions"] if r["status"] == "draft")
    assert {"kind": "substitution", "where": "resolves 3", "line": 9, "old": "approved",
            "new": "agreed", "uncertain": False, "author": AUTHOR,
            "date": DATE} in draft["changes"]  # fmt: skip
    graph = documents_graph([parse_file(path)])
    itu = Namespace("https://w3id.org/itukg/ontology#")
    substitutions = [
        n for n in graph.subjects(itu.newText, Literal("agreed"))
        if (n, itu.changeKind, Literal("substitution")) in graph
    ]  # fmt: skip
    assert len(substitutions) == 1
    assert (substitutions[0], DCTERMS.creator, Literal(AUTHOR)) in graph


def test_the_accepted_docx_reads_like_the_clean_text(tmp_path):
    """Accepting every change gives the text a person would type for the draft."""
    document = parse_file(_draft(tmp_path))
    draft = next(r for r in document.resolutions if r.status == "draft")
    text = tmp_path / "accepted.txt"
    text.write_text(
        "RESOLUTION 212 (REV. DOHA, 2026)\n"
        "Coordination of capacity-building activities among the Sectors of the Union\n"
        "The Plenipotentiary Conference of the International Telecommunication Union "
        "(Doha, 2026),\nconsidering further\n"
        "a)\tthat capacity building is a cross-cutting activity of the three Sectors;\n"
        "resolves\n1\tthat the three Sectors shall coordinate their capacity-building activities;"
        "\n2\tto publish a joint calendar of courses;\n"
        "3\tto keep the costs within the agreed budget;\ninstructs the Secretary-General\n"
        "to report to the next plenipotentiary conference on this resolution\n",
        encoding="utf-8",
    )
    (clean,) = parse_file(text).resolutions
    assert [(s.heading, [(c.label, c.text) for c in s.clauses]) for s in draft.sections] == [
        (s.heading, [(c.label, c.text) for c in s.clauses]) for s in clean.sections
    ]


COMPILATION = [
    ["PP-26", "RA", "WTSA", "WTDC"],
    ["RESOLUTION 191 (REV. BUCHAREST, 2022)\nStrategy for coordination\n"
     "The Plenipotentiary Conference of the International Telecommunication Union "
     "(Bucharest, 2022),",
     "RESOLUTION ITU-R 75\nStrengthening coordination\n(2023)\nThe ITU Radiocommunication "
     "Assembly,",
     "RESOLUTION 18 (Rev. New Delhi, 2024)\nStrengthening coordination\nThe World "
     "Telecommunication Standardization Assembly (New Delhi, 2024),",
     "RESOLUTION 59 (Rev. Baku, 2025)\nStrengthening coordination\nThe World "
     "Telecommunication Development Conference (Baku, 2025),"],
    ["resolves\n1\tto coordinate the work of the Sectors;\n2\tto avoid duplication;",
     "",
     "resolves\n1\tto coordinate the work of the Sectors;",
     "resolves\n1\tto coordinate the work of the Sectors;\n2\tto share results;"],
]  # fmt: skip


def _as_text_export(rows: list[list[str]]) -> str:
    """What Word's text export writes for a table: a tab opens each cell."""
    lines = []
    for row in rows:
        for cell in row:
            paragraphs = cell.split("\n") if cell else [""]
            lines += ["\t" + paragraphs[0], *paragraphs[1:]]
    return "\n".join(lines) + "\n"


def test_a_compilation_table_is_read_cell_by_cell(tmp_path):
    word = Word()
    word.paragraph("Compilation of resolutions on coordination")
    word.table(COMPILATION)
    docx_path = word.save(tmp_path / "compilation.docx")
    text = tmp_path / "compilation.txt"
    text.write_text("Compilation of resolutions on coordination\n" + _as_text_export(COMPILATION),
                    encoding="utf-8")  # fmt: skip
    assert _model(docx_path) == _model(text)
    resolutions = {r.id: r for r in parse_file(docx_path).resolutions}
    labels = {
        rid: [(s.heading, [c.label for c in s.clauses]) for s in r.sections]
        for rid, r in resolutions.items()
    }
    assert labels == {
        "pp/191/bucharest-2022": [("resolves", ["1", "2"])],
        "ra/75/dubai-2023": [],  # its cell in the resolves row is empty
        "wtsa/18/new-delhi-2024": [("resolves", ["1"])],
        "wtdc/59/baku-2025": [("resolves", ["1", "2"])],
    }
    wtdc = resolutions["wtdc/59/baku-2025"].sections[0].clauses
    assert [c.text for c in wtdc] == ["to coordinate the work of the Sectors;", "to share results;"]


def test_parse_and_build_accept_docx_by_content(tmp_path):
    path = _draft(tmp_path)
    renamed = tmp_path / "draft-saved-as.txt"
    renamed.write_bytes(path.read_bytes())
    done = run_cli("parse", str(renamed), "--format", "outline", "--no-annotate")
    assert done.returncode == 0, done.stderr
    assert "pp/212/doha-2026" in done.stdout
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "draft.docx").write_bytes(path.read_bytes())
    done = run_cli("build", str(folder), "--store", str(tmp_path / "store"), "--no-overlaps")
    assert done.returncode == 0, done.stderr
    assert "resolutions: 1" in done.stdout and "versions: 2" in done.stdout


def _zip(path: Path, members: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _refused(path: Path, message: str) -> None:
    with pytest.raises(InputError) as err:
        parse_file(path)
    assert message in str(err.value) and str(path) in str(err.value)
    done = run_cli("parse", str(path))
    assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr


def test_hostile_docx_files_are_refused(tmp_path):
    not_zip = tmp_path / "not-a-zip.docx"
    not_zip.write_text("RESOLUTION 1\nplain text under a .docx name\n", encoding="utf-8")
    _refused(not_zip, "not a .docx file (not a zip archive)")

    bomb = _zip(tmp_path / "bomb.docx", {"word/document.xml": b"<a>" + b" " * (60 * 2**20)})
    assert bomb.stat().st_size < 2**20
    _refused(bomb, "refused as a zip bomb")

    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<w:document xmlns:w="' + W_NS.encode() + b'"><w:body><w:p><w:r><w:t>&x;</w:t>'
        b"</w:r></w:p></w:body></w:document>"
    )
    _refused(_zip(tmp_path / "xxe.docx", {"word/document.xml": xxe}), "declares a DTD")

    broken = _zip(tmp_path / "broken.docx", {"word/document.xml": b"<w:document><w:body>"})
    _refused(broken, "not well-formed XML")

    _refused(_zip(tmp_path / "other.docx", {"hello.txt": b"hi"}), "no word/document.xml")

    huge = tmp_path / "huge.docx"
    _zip(huge, {"word/media/big.bin": os.urandom(100 * 2**20)}, zipfile.ZIP_STORED)
    _refused(huge, "more than the 32 MiB limit")


@pytest.mark.parametrize("name", ["reference_missing", "annex_mismatch"])
def test_validate_gives_a_docx_the_report_of_its_text(tmp_path, corpus_store, name):
    text = Path(__file__).resolve().parent / "fixtures" / "validate" / f"{name}.txt"
    word = Word()
    for line in text.read_text(encoding="utf-8").split("\n"):
        word.text_line(line)
    docx_path = word.save(tmp_path / f"{name}.docx")
    reports = []
    for path in (text, docx_path):
        done = run_cli("validate", str(path), "--format", "json", "--store", str(corpus_store))
        assert done.returncode == 1, done.stderr
        reports.append(json.loads(done.stdout)["results"])
    assert reports[0] == reports[1] and any(r["severity"] == "violation" for r in reports[0])
