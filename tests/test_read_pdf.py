"""PDF: a Final Acts volume written here with reportlab (tests/pdf_volume.py) and read
back. Every paragraph comes back whole — running heads, page numbers, the part pages and
footnotes taken out of the text, hyphenated words rejoined —, headings are found by their
italics, labels by their tab stops, and the volume is split into its documents."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pdf_volume import VOLUME, Block, Document, write_volume

from itukg.errors import InputError
from itukg.parse import parse_file
from itukg.read import read_source

pytest.importorskip("reportlab")


@pytest.fixture(scope="module")
def volume(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "final-acts.pdf"
    write_volume(path, VOLUME)
    return path


@pytest.fixture(scope="module")
def parsed(volume):
    from itukg.annotate import annotate_documents

    document = parse_file(volume)
    annotate_documents([document])
    return {r.number: r for r in document.resolutions}


def _documents() -> list[Document]:
    return [document for _, documents in VOLUME for document in documents]


def _number(document: Document) -> int:
    return int(re.search(r"\d+", document.running_head).group())  # type: ignore[union-attr]


def _plain(block: Block) -> str:
    return block.text.replace("^", "")


def test_the_volume_is_split_into_its_documents(parsed):
    assert sorted(parsed) == ["901", "902", "903", "905"]
    assert parsed["905"].kind.value == "decision"
    assert {r.body for r in parsed.values()} == {"PP"}
    assert (
        parsed["903"].title == "Use of the six official languages of the Union on an equal footing"
    )


def test_the_pdf_really_has_what_the_reader_must_undo(volume):
    """The layout breaks words with hyphens and spreads texts over pages with heads."""
    import pdfplumber

    with pdfplumber.open(volume) as pdf:
        text = "\n".join(page.extract_text() for page in pdf.pages)
    assert re.search(r"[a-z]-\n[a-z]", text), "no word broken with a hyphen"
    assert "PP-26 \u2013 Resolution 903" in text and "\u2013 5 \u2013" in text


def test_every_paragraph_comes_back_whole(parsed):
    """Each item, heading and paragraph written is one clause or heading, word for word:
    nothing of the running heads, page numbers or footnotes left in, no broken word."""
    for document in _documents():
        resolution = parsed[str(_number(document))]
        headings = [s.heading for s in resolution.sections]
        texts = {c.text for s in resolution.sections for c in s.clauses}
        texts |= {item.text for annex in resolution.annexes for item in annex.items}
        body = [b for b in document.blocks if not b.kind.startswith(("title", "sub", "enact"))]
        for block in body:
            if block.kind == "heading":
                assert _plain(block) in headings
            else:
                assert _plain(block) in texts, (document.running_head, block.label)
        assert not any(re.search(r"Res\. \d|PP-26|\u2013 \d+ \u2013", t) for t in texts)


def test_headings_labels_and_nesting(parsed):
    outline = [(s.heading, [c.label for c in s.clauses]) for s in parsed["903"].sections]
    assert outline == [
        ("considering", ["a)", "b)", "b)bis", "c)", "c) i)", "c) ii)"]),
        ("recognizing", [None]),
        (
            "resolves to instruct the Director of the Telecommunication Standardization Bureau"
            " and the Director of the Radiocommunication Bureau",
            ["1", "2", "3", "4", "5", "6"],
        ),
        ("instructs the Council", [None]),
    ]
    (annex,) = parsed["903"].annexes
    assert [item.label for item in annex.items] == ["1", "1.1", "1.2", "2", "2.1"]


def test_operative_headings_name_their_addressees(parsed):
    addressees = {
        s.heading: {a.label for a in s.addressees} for s in parsed["901"].sections if s.addressees
    }
    assert addressees["instructs the Secretary-General"] == {"Secretary-General"}
    assert addressees["invites Member States"] == {"Member States"}
    resolves = parsed["903"].sections[2]
    assert resolves.modality == "instructs"
    assert {a.label for a in resolves.addressees} == {
        "Director of the Telecommunication Standardization Bureau",
        "Director of the Radiocommunication Bureau",
    }


def test_footnotes_become_notes_of_the_paragraph_that_calls_them(parsed):
    (recital,) = parsed["901"].sections[1].clauses
    assert recital.text.startswith("that developing countries need assistance")
    assert recital.notes == [
        "These include the least developed countries and small island developing states."
    ]
    bis = parsed["903"].sections[0].clauses[2]
    assert bis.notes[0].startswith("Member States, Sector Members, Associates and Academia")


def test_citations_are_read_from_the_pdf(parsed):
    cited = {
        (c.number, c.body)
        for s in parsed["903"].sections
        for clause in s.clauses
        for c in clause.cites_resolutions
    }
    assert ("154", "pp") in cited or ("154", "PP") in cited
    provisions = {
        (p.instrument, p.number)
        for clause in parsed["901"].sections[1].clauses
        for p in clause.cites_provisions
    }
    assert ("CV", "58") in provisions


def test_detected_by_content_not_by_name(volume, tmp_path):
    renamed = tmp_path / "volume.txt"
    renamed.write_bytes(volume.read_bytes())
    assert read_source(renamed).format == "pdf"
    fake = tmp_path / "fake.pdf"
    fake.write_text("RESOLUTION 1 (DUBAI, 2018)\n")
    with pytest.raises(InputError, match="fake.pdf.*not a PDF"):
        read_source(fake)


def test_damaged_encrypted_and_scanned_pdfs_are_refused(volume, tmp_path):
    from reportlab.lib.colors import black
    from reportlab.pdfgen.canvas import Canvas

    cut = tmp_path / "cut.pdf"
    cut.write_bytes(volume.read_bytes()[:900])
    with pytest.raises(InputError, match="cut.pdf.*not a readable PDF"):
        read_source(cut)

    locked = tmp_path / "locked.pdf"
    canvas = Canvas(str(locked), encrypt="secret")
    canvas.drawString(100, 700, "RESOLUTION 1 (DUBAI, 2018)")
    canvas.save()
    with pytest.raises(InputError, match="locked.pdf.*encrypted"):
        read_source(locked)

    scan = tmp_path / "scan.pdf"
    canvas = Canvas(str(scan))
    canvas.setFillColor(black)
    canvas.rect(100, 100, 300, 500, fill=1)
    canvas.save()
    with pytest.raises(InputError, match="scan.pdf.*no text layer"):
        read_source(scan)

    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty.pdf"):
        read_source(empty)


def test_a_folder_of_every_form_builds_and_reports_each_file(volume, tmp_path):
    """A PDF volume, a web page, a text export and a damaged PDF in one folder: the good
    ones are built, the damaged one is refused by name, the report gives each form."""
    import json
    import shutil

    from conftest import CLEAN, FIXTURES, run_cli

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(volume, folder / "a_volume.pdf")
    shutil.copy(FIXTURES / "html" / "pp_bullets.html", folder / "b_page.html")
    shutil.copy(CLEAN / "ra_resolution.txt", folder / "c_text.txt")
    (folder / "d_cut.pdf").write_bytes(volume.read_bytes()[:700])
    report = tmp_path / "report.json"
    store = tmp_path / "store"
    result = run_cli("build", str(folder), "--store", str(store), "--report", str(report))
    assert result.returncode == 2, result.stderr
    assert f"refused: {folder / 'd_cut.pdf'}: not a readable PDF" in result.stderr
    files = {Path(f["file"]).name: f for f in json.loads(report.read_text())["files"]}
    assert files["a_volume.pdf"]["format"] == "pdf"
    assert "pp/decision-905/lisbon-2026" in files["a_volume.pdf"]["resolutions"]
    assert len(files["a_volume.pdf"]["resolutions"]) == 4
    assert files["b_page.html"]["format"] == "html"
    assert files["b_page.html"]["resolutions"] == ["pp/191/busan-2014"]
    assert files["c_text.txt"]["status"] == "read"
    assert files["d_cut.pdf"]["status"] == "refused"


def test_a_pp18_text_laid_out_as_a_volume_keeps_its_items_across_pages(tmp_path):
    """PP-18 Resolution 130 laid out again as a Final Acts PDF: an item whose line ends a
    page on an abbreviation ('(Rev.' / 'Hammamet, 2016) …') goes on over the page, so its
    sub-items stay under item 1; bullets the font maps to no character ('(cid:127)') are
    dropped, so the list of resolutions they separate keeps its citations."""
    import sys

    from itukg.annotate import annotate_documents

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    import renderings

    if not renderings.PP18.exists():
        pytest.skip("the PP-18 set lies in ../shared/corpus/pp18/")
    (res130,) = [r for r in parse_file(renderings.PP18).resolutions if r.number == "130"]
    path = tmp_path / "res130.pdf"
    renderings._pdf([res130], path)
    document = parse_file(path)
    annotate_documents([document])
    (back,) = document.resolutions
    heading = "instructs the Director of the Telecommunication Standardization Bureau"
    (section,) = [s for s in back.sections if s.heading == heading]
    assert [(c.label, c.parent) for c in section.clauses] == [
        ("1", None), ("1 i)", "1"), ("1 ii)", "1"), ("1 iii)", "1"), ("2", None), ("3", None)
    ]  # fmt: skip
    assert "(cid:" not in " ".join(c.text for s in back.sections for c in s.clauses)
    cited = {c.work_id for s in back.sections for c in s.clauses for c in c.cites_resolutions}
    assert {"wtsa/50", "wtsa/52", "wtsa/58"} <= cited
