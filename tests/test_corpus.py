"""The corpus document C26/89-E: cover, the draft of PP Resolution 191 with its track-change
residue, the version it revises, and the three Sector resolutions of the compilation table."""

from __future__ import annotations

import json

import pytest
from conftest import CORPUS, run_cli

from itukg.parse import parse_file


@pytest.fixture(scope="module")
def document():
    return parse_file(CORPUS)


def _by_id(document, rid):
    return next(r for r in document.resolutions if r.id == rid)


def _outline(resolution):
    return [(s.heading, [c.label for c in s.clauses]) for s in resolution.sections]


def _clause(resolution, heading, label):
    section = next(s for s in resolution.sections if s.heading == heading)
    return next(c for c in section.clauses if c.label == label)


LETTERS = [f"{c})" for c in "abcdefghij"]


def test_cover(document):
    assert document.symbol == "C26/89-E"
    assert document.date == "2026-04-14"
    assert document.cover["agenda_item"] == "ADM 3"
    assert document.cover["original_language"] == "Russian"
    assert document.cover["sources"] == [
        "Russian Federation",
        "Armenia (Republic of)",
        "Belarus (Republic of)",
    ]
    assert document.title.startswith(
        "PROPOSAL FOR REVISION OF RESOLUTION 191 (REV. BUCHAREST, 2022)"
    )
    assert document.cover["action_required"].startswith("The Council is invited to consider")


def test_exactly_the_four_resolutions_plus_the_revised_version(document):
    assert [(r.id, r.status) for r in document.resolutions] == [
        ("pp/191/doha-2026", "draft"),
        ("pp/191/bucharest-2022", "in-force"),
        ("ra/75/dubai-2023", "in-force"),
        ("wtsa/18/new-delhi-2024", "in-force"),
        ("wtdc/59/baku-2025", "in-force"),
    ]
    draft = _by_id(document, "pp/191/doha-2026")
    assert draft.supersedes == "pp/191/bucharest-2022"
    assert (
        draft.title
        == "Strategy for the coordination of efforts among the three Sectors of the Union"
    )
    assert draft.enacting.endswith("(Doha, 2026),")
    assert any("same text as the text read again at line 165" in n for n in draft.notes)


def test_draft_pp_191(document):
    draft = _by_id(document, "pp/191/doha-2026")
    assert _outline(draft) == [
        ("recalling", LETTERS[:6]),
        ("considering", LETTERS[:9]),
        ("recognizing", LETTERS[:10]),
        ("taking into account", LETTERS[:4]),
        ("bearing in mind", LETTERS[:7]),
        ("resolves", ["1", "2", "3", "3 i)", "3 ii)", "3 iii)", "4", "5", "6", "7"]),
        ("invites", ["1", "2"]),
        ("instructs the Secretary-General", [str(n) for n in range(1, 9)]),
        ("instructs the ITU Council", [None]),
        (
            "instructs the Secretary-General and the Directors of the three Bureaux",
            [str(n) for n in range(1, 11)],
        ),
        ("instructs the study groups of all Sectors", ["1", "2", "3"]),
        ("invites Member States and Sector Members", ["1", "2", "3", "4"]),
    ]
    recalling_b = _clause(draft, "recalling", "b)")
    assert recalling_b.text.startswith(
        "Resolution ITU-R 75 (Rev. Dubai, 2023) of the Radiocommunication Assembly (RA), on "
        "strengthening coordination and cooperation among the three ITU Sectors on matters of "
        "mutual interest, and Resolution ITU-R 7-4 (Rev. Sharm el-Sheikh, 2019) of RA"
    )
    assert _clause(draft, "recalling", "e)").text.endswith("on matters of mutual interest,")
    assert _clause(draft, "considering", "h)").text.startswith("that ISCG, which is composed")
    assert _clause(draft, "recognizing", "j)").text.startswith("that coordinated and complementary")
    nine = _clause(
        draft, "instructs the Secretary-General and the Directors of the three Bureaux", "9"
    )
    assert nine.text == (
        "to provide support to ISCG and to the Sector advisory groups in the "
        "inter-Sector coordination activity in areas of mutual interest;"
    )
    assert _clause(draft, "resolves", "3 ii)").text.startswith(
        "the matter shall be studied by relevant"
    )
    assert [(a.label, a.with_respect_to) for a in draft.annexes] == [
        ("1", "resolves 3 i)"),
        ("2", "resolves 3 ii)"),
        ("3", "resolves 3 iii)"),
    ]
    assert draft.annexes[1].title.startswith("Coordination of radiocommunication, standardization")
    assert [i.label for i in draft.annexes[1].items][1:] == LETTERS[:9]


def test_changes_detected_in_the_draft(document):
    changes = {
        (c.kind, c.where, c.old, c.new) for c in _by_id(document, "pp/191/doha-2026").changes
    }
    assert ("substitution", "title", "Bucharest, 2022", "Doha, 2026") in changes
    assert ("substitution", "heading recalling", "noting", "recalling") in changes
    assert ("renumbering", "considering h)", "f)", "h)") in changes
    assert ("renumbering", "recognizing j)", "g)", "j)") in changes
    assert (
        "insertion",
        "considering g)",
        None,
        _clause(_by_id(document, "pp/191/doha-2026"), "considering", "g)").text,
    ) in changes
    assert (
        "renumbering",
        "instructs the Secretary-General and the Directors of the three Bureaux 9",
        "5",
        "9",
    ) in changes
    assert ("substitution", "recalling b)", "6-3", "75") in changes
    assert (
        "substitution",
        "recalling c)",
        "(Rev. Geneva, 2022)",
        "(Rev. New Delhi, 2024)",
    ) in changes
    assert ("substitution", "recalling e)", ";", ",") in changes
    assert ("substitution", "invites Member States and Sector Members 3", ".", ";") in changes
    kinds = [c.kind for c in _by_id(document, "pp/191/doha-2026").changes]
    assert kinds.count("renumbering") == 8 and kinds.count("insertion") == 10
    glued = [
        c
        for c in _by_id(document, "pp/191/doha-2026").changes
        if c.old and c.old.startswith("liaison")
    ]
    assert glued and glued[0].uncertain


def test_revised_version_rebuilt_from_the_residue(document):
    old = _by_id(document, "pp/191/bucharest-2022")
    assert (old.revision_place, old.revision_year) == ("Bucharest", 2022)
    outline = dict(_outline(old))
    assert list(outline)[0] == "noting"
    assert outline["considering"] == LETTERS[:7]
    assert outline["recognizing"] == LETTERS[:7]
    assert outline["instructs the Secretary-General and the Directors of the three Bureaux"] == [
        "1",
        "2",
        "3",
        "4",
        "5",
    ]
    assert _clause(old, "considering", "f)").text.startswith("that ISCG, which is composed")
    assert _clause(old, "recognizing", "g)").text.startswith("that coordinated and complementary")
    assert _clause(old, "noting", "c)").text.startswith(
        "Resolution 18 (Rev. Geneva, 2022) of the World Telecommunication Standardization Assembly "
        "(WTSA), on principles and procedures for the allocation of work"
    )
    five = _clause(
        old, "instructs the Secretary-General and the Directors of the three Bureaux", "5"
    )
    assert five.text.endswith("in areas of mutual interest,")
    assert old.enacting.endswith("(Bucharest, 2022),")


def test_resolution_itu_r_75_from_its_column(document):
    ra = _by_id(document, "ra/75/dubai-2023")
    assert (ra.body, ra.number, ra.revision_place, ra.revision_year) == ("RA", "75", "Dubai", 2023)
    assert ra.title == (
        "Strengthening coordination and cooperation among the three ITU Sectors on "
        "matters of mutual interest"
    )
    assert [h for h, _ in _outline(ra)] == [
        "recalling",
        "considering",
        "recognizing",
        "taking into account",
        "resolves",
        "invites the Telecommunication Development Advisory Group, in collaboration with the "
        "Radiocommunication Advisory Group and the Telecommunication Standardization "
        "Advisory Group",
        "invites the Directors of the Bureaux",
        "instructs the Radiocommunication Study Groups",
        "instructs the Chairs of the Study Groups and the Director of the "
        "Radiocommunication Bureau",
        "invites Member States and Sector Members",
    ]
    assert dict(_outline(ra))["resolves"] == [
        "1",
        "2",
        "3",
        "3 a)",
        "3 b)",
        "3 c)",
        "4",
        "5",
        "6",
        "7",
        "8",
    ]
    assert dict(_outline(ra))["recalling"] == LETTERS[:7]
    assert (
        _clause(ra, "resolves", "3 b)").text
        == "a joint meeting may be arranged by the Directors, or"
    )
    assert [(a.label, a.with_respect_to) for a in ra.annexes] == [
        ("1", None),
        ("2", "resolves 3 a)"),
        ("3", "resolves 3 c)"),
        ("4", "resolves 3 c)"),
    ]
    assert ra.annexes[0].title.startswith("Principles for the allocation of work")
    assert ra.annexes[0].items[0].label == "1" and ra.annexes[0].items[0].text == "General"


def test_wtsa_resolution_18_from_its_column(document):
    wtsa = _by_id(document, "wtsa/18/new-delhi-2024")
    assert (wtsa.body, wtsa.number) == ("WTSA", "18")
    assert "This resolution should also be brought to the attention" in wtsa.notes[0]
    outline = dict(_outline(wtsa))
    assert list(outline)[:5] == [
        "recalling",
        "considering",
        "recognizing",
        "taking into account",
        "noting",
    ]
    assert outline["resolves"] == ["1", "2", "2 i)", "2 ii)", "2 iii)", "3", "4", "5"]
    assert outline["instructs"] == ["1", "2"]
    assert _clause(wtsa, "instructs", "2").text == (
        "the Director of TSB to report annually to TSAG on the implementation of this resolution,"
    )
    assert [(a.label, a.to_resolution, a.with_respect_to) for a in wtsa.annexes] == [
        ("A", "Resolution 18 (Rev. New Delhi, 2024)", "resolves 2 i)"),
        ("B", "Resolution 18 (Rev. New Delhi, 2024)", "resolves 2 ii)"),
        ("C", "Resolution 18 (Rev. New Delhi, 2024)", "resolves 2 ii)"),
    ]


def test_wtdc_resolution_59_lists_run_on_across_rows(document):
    wtdc = _by_id(document, "wtdc/59/baku-2025")
    assert (wtdc.body, wtdc.number, wtdc.revision_place, wtdc.revision_year) == (
        "WTDC",
        "59",
        "Baku",
        2025,
    )
    outline = dict(_outline(wtdc))
    assert outline["considering"] == ["a)", "b)"]
    # f) and g) sit in the 'bearing in mind' row but continue the column's 'taking into account'
    assert outline["taking into account"] == LETTERS[:7]
    assert _clause(wtdc, "taking into account", "f)").line == 510
    assert outline["instructs the Director of the Telecommunication Development Bureau"] == [
        "1",
        "2",
        "3",
    ]
    assert wtdc.annexes == []


def test_parse_json_of_the_corpus():
    result = run_cli("parse", str(CORPUS), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    doc = data["documents"][0]
    assert doc["symbol"] == "C26/89-E"
    resolutions = doc["resolutions"]
    assert len(resolutions) == 5
    draft = resolutions[0]
    assert draft["status"] == "draft" and draft["supersedes"] == "pp/191/bucharest-2022"
    assert {"kind", "where", "old", "new", "uncertain", "line"} <= set(draft["changes"][0])


def _code_strings_and_names(path) -> set[str]:
    """String literals (docstrings excepted) and identifiers of a module: what its rules match."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    found = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
        ):
            found.add(node.value)
        elif isinstance(node, ast.Name):
            found.add(node.id)
    return found


def test_the_parser_names_nothing_of_the_corpus():
    """The rules read patterns: no resolution number, clause text or place of C26/89 in the code."""
    from pathlib import Path

    package = Path(__file__).parent.parent / "src" / "itukg"
    strings = set().union(*(_code_strings_and_names(p) for p in package.rglob("*.py")))
    text = "\n".join(strings)
    for needle in ("191", "C26", "Doha", "Bucharest", "notingrecalling", "ISCG", "6-375", "Kigali"):
        assert needle not in text, needle
