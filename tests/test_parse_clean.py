"""The parser on clean resolution texts typed for the purpose (tests/fixtures/clean/)."""

from __future__ import annotations

import json

import pytest
from conftest import CLEAN, run_cli

from itukg.errors import InputError
from itukg.parse import document_to_dict, parse_file


def _one(name: str):
    document = parse_file(CLEAN / name)
    assert len(document.resolutions) == 1
    return document.resolutions[0]


def _section(resolution, heading):
    return next(s for s in resolution.sections if s.heading == heading)


def test_pp_resolution_header():
    r = _one("pp_resolution.txt")
    assert (r.body, r.number, r.revision_place, r.revision_year, r.status) == (
        "PP",
        "212",
        "Bucharest",
        2022,
        "in-force",
    )
    assert r.title == "Coordination of capacity-building activities among the Sectors of the Union"
    assert r.id == "pp/212/bucharest-2022"
    assert r.enacting.startswith("The Plenipotentiary Conference of the International")
    assert (r.line, r.end_line) == (1, 54)


def test_pp_resolution_sections_in_order():
    r = _one("pp_resolution.txt")
    assert [(s.heading, s.kind) for s in r.sections] == [
        ("recalling", "preamble"),
        ("considering", "preamble"),
        ("considering further", "preamble"),
        ("recognizing", "preamble"),
        ("noting", "preamble"),
        ("taking into account", "preamble"),
        ("bearing in mind", "preamble"),
        ("resolves", "operative"),
        (
            "resolves to instruct the Director of the Telecommunication Development Bureau",
            "operative",
        ),
        ("instructs the Secretary-General", "operative"),
        ("invites Member States and Sector Members", "operative"),
        ("encourages the Sector advisory groups", "operative"),
    ]
    assert [s.line for s in r.sections[:3]] == [5, 8, 11]


def test_pp_resolution_clauses_and_sub_items():
    r = _one("pp_resolution.txt")
    resolves = _section(r, "resolves")
    assert [c.label for c in resolves.clauses] == [
        "1",
        "2",
        "2 i)",
        "2 ii)",
        "2 iii)",
        "3",
        "4",
        "4 –1",
        "4 –2",
    ]
    ii = resolves.clauses[3]
    assert ii.parent == "2" and ii.local_label == "ii)" and ii.line == 27
    assert (
        ii.text
        == "through a shared catalogue of training material (see Annex 2 to this resolution);"
    )
    dash = resolves.clauses[-1]
    assert dash.text == "training material is published in all official languages,"
    instruct = r.sections[8]
    assert (instruct.section_kind, instruct.modality) == ("resolves", "instructs")
    assert instruct.addressee_text == "the Director of the Telecommunication Development Bureau"
    sg = _section(r, "instructs the Secretary-General")
    assert [c.label for c in sg.clauses] == [None]
    assert sg.clauses[0].text.startswith("to report to the next plenipotentiary conference")
    assert [c.label for c in _section(r, "considering further").clauses] == [None]


def test_pp_resolution_annexes():
    r = _one("pp_resolution.txt")
    assert [(a.label, a.title, a.with_respect_to) for a in r.annexes] == [
        ("1", "Principles of coordination", "resolves 2 i)"),
        ("2", "Shared catalogue of training material", "resolves 2 ii)"),
    ]
    first = r.annexes[0]
    assert [i.label for i in first.items] == [None, "a)", "b)", None]
    assert first.items[1].text == "One Sector leads each course."
    assert first.items[3].text == "The lead Sector reports on each course."


def test_ra_resolution_dated_by_its_session():
    r = _one("ra_resolution.txt")
    assert (r.body, r.number, r.revision_place, r.revision_year) == ("RA", "99", "Dubai", 2023)
    considering = _section(r, "considering")
    assert [c.label for c in considering.clauses] == [f"{c})" for c in "abcdefghij"]
    assert _section(r, "resolves").clauses[3].label == "2 b)"
    assert [s.heading for s in r.sections][-3:] == [
        "resolves",
        "further resolves",
        "invites RAG, TSAG and TDAG",
    ]
    assert _section(r, "recalling also").kind == "preamble"
    assert r.annexes[0].label == "A"
    assert r.annexes[0].with_respect_to == "resolves 2 a)"


def test_wtsa_resolution_with_non_breaking_characters_and_footnote():
    r = _one("wtsa_resolution.txt")
    assert (r.body, r.number, r.revision_place, r.revision_year) == (
        "WTSA",
        "88",
        "New Delhi",
        2024,
    )
    assert r.notes == ["This resolution should also be brought to the attention of ITU-D."]
    bare = _section(r, "instructs")
    assert bare.addressee_text == ""
    assert [c.text[:24] for c in bare.clauses] == [
        "the ITU-T study groups t",
        "the Director of TSB to r",
    ]
    assert _section(r, "requests the Secretary-General").modality == "requests"
    assert _section(r, "noting with satisfaction").section_kind == "noting"
    annex = r.annexes[0]
    assert annex.label == ""
    assert annex.to_resolution == "Resolution 88 (Rev. New Delhi, 2024)"
    assert annex.title == "Content of the yearly summary"
    assert annex.with_respect_to == "resolves 2"


def test_wrc_revision_named_by_session_and_marked_draft():
    r = _one("wrc_resolution.txt")
    assert (r.body, r.number, r.revision_place, r.revision_year, r.status) == (
        "WRC",
        "655",
        "Dubai",
        2023,
        "draft",
    )


def test_json_schema_keys():
    data = document_to_dict(parse_file(CLEAN / "pp_resolution.txt"))
    assert set(data) >= {"source", "documents"}
    doc = data["documents"][0]
    assert set(doc) >= {"symbol", "date", "resolutions"}
    res = doc["resolutions"][0]
    assert set(res) >= {
        "id",
        "body",
        "number",
        "revision_place",
        "revision_year",
        "status",
        "title",
        "sections",
        "annexes",
        "changes",
    }
    section = res["sections"][7]
    assert set(section) >= {"heading", "kind", "line", "addressees", "clauses"}
    clause = section["clauses"][3]
    assert set(clause) >= {
        "label",
        "line",
        "text",
        "addressees",
        "cites_resolutions",
        "cites_provisions",
        "refers_to",
    }
    assert clause["label"] == "2 ii)"
    annex = res["annexes"][0]
    assert set(annex) >= {"label", "title", "with_respect_to", "line", "items"}
    assert set(annex["items"][0]) >= {"label", "text"}


def test_parse_command_prints_the_json():
    result = run_cli("parse", str(CLEAN / "ra_resolution.txt"), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["documents"][0]["resolutions"][0]["id"] == "ra/99/dubai-2023"


def test_text_without_resolution_is_refused(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text("Dear colleagues,\nplease find attached the report.\n", encoding="utf-8")
    with pytest.raises(InputError, match="no resolution found") as err:
        parse_file(path)
    assert "letter.txt" in str(err.value)


def test_resolution_without_enacting_body_names_the_line(tmp_path):
    path = tmp_path / "orphan.txt"
    path.write_text("Preface\n\nRESOLUTION 12\nA subject\nresolves\n1\tto act\n", encoding="utf-8")
    with pytest.raises(InputError, match="cannot tell which conference") as err:
        parse_file(path)
    assert err.value.line == 3
