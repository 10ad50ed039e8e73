"""Track-change rules and flattened tables, each on small texts written for the case."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, run_cli

from itukg.parse import parse_file
from itukg.parse.residue import read_sequence, read_text, revision_pairs


def test_revision_pairs():
    assert revision_pairs("REV. KIGALI, 2022 Baku, 2025") == [("KIGALI", 2022), ("Baku", 2025)]
    assert revision_pairs("Dubai, 2018Bucharest, 2022") == [("Dubai", 2018), ("Bucharest", 2022)]
    assert revision_pairs("Rev. New Delhi, 2024") == [("New Delhi", 2024)]


@pytest.mark.parametrize(
    ("tokens", "family", "expected"),
    [
        (
            ["1", "2", "3"],
            "num",
            [("1", "1", "unchanged"), ("2", "2", "unchanged"), ("3", "3", "unchanged")],
        ),
        (
            ["a", "b", "c", "cd"],
            "alpha",
            [
                ("a)", "a)", "unchanged"),
                ("b)", "b)", "unchanged"),
                (None, "c)", "insertion"),
                ("c)", "d)", "renumbering"),
            ],
        ),
        (
            ["a", "b", "i", "ii", "c"],
            "alpha",
            [
                ("a)", "a)", "unchanged"),
                ("b)", "b)", "unchanged"),
                ("i)", "i)", "item"),
                ("ii)", "ii)", "item"),
                ("c)", "c)", "unchanged"),
            ],
        ),
    ],
)
def test_label_sequences(tokens, family, expected):
    readings = [(r.old, r.new, r.kind) for r in read_sequence(tokens, family)]
    assert readings == expected


def test_numbers_inserted_before_renumbered_ones():
    readings = read_sequence(["1", "2", "13", "24"], "num")
    assert [(r.old, r.new, r.kind) for r in readings] == [
        (None, "1", "insertion"),
        (None, "2", "insertion"),
        ("1", "3", "renumbering"),
        ("2", "4", "renumbering"),
    ]


def test_clean_list_with_a_gap_is_not_read_as_changes():
    readings = read_sequence(["1", "2", "4"], "num")
    assert [r.kind for r in readings] == ["unchanged", "unchanged", "out-of-sequence"]


def test_text_rules():
    reading = read_text(
        "Resolution 17 (Rev. Kigali, 2022Baku, 2025) of this conference;,", "x", 1, set(), []
    )
    assert reading.draft == "Resolution 17 (Rev. Baku, 2025) of this conference,"
    assert reading.old == "Resolution 17 (Rev. Kigali, 2022) of this conference;"
    assert [(c.old, c.new) for c in reading.changes] == [
        ("(Rev. Kigali, 2022)", "(Rev. Baku, 2025)"),
        (";", ","),
    ]
    glued = read_text(
        "Resolution ITU-R 9-412 (Rev. Geneva, 2015Dubai, 2023) of RA;", "x", 1, {"12"}, []
    )
    assert glued.draft == "Resolution ITU-R 12 (Rev. Dubai, 2023) of RA;"
    assert glued.old == "Resolution ITU-R 9-4 (Rev. Geneva, 2015) of RA;"
    assert not glued.changes[0].uncertain
    titled = read_text(
        "Resolution 5 of WTDC, on a new titlean old title; and more", "x", 1, set(), ["A new title"]
    )
    assert titled.draft == "Resolution 5 of WTDC, on a new title; and more"
    assert titled.old == "Resolution 5 of WTDC, on an old title; and more"
    assert titled.changes[0].uncertain


def test_another_contribution_with_other_residue():
    document = parse_file(FIXTURES / "residue" / "contribution_c25_12.txt")
    assert document.symbol == "C25/12-E" and document.date == "2025-03-03"
    assert document.cover["sources"] == ["France", "Germany"]
    draft, old = document.resolutions
    assert (draft.id, draft.status, draft.supersedes) == (
        "wtdc/37/baku-2025",
        "draft",
        "wtdc/37/kigali-2022",
    )
    assert (old.id, old.status) == ("wtdc/37/kigali-2022", "in-force")
    assert [(s.heading, [c.label for c in s.clauses]) for s in draft.sections] == [
        ("noting", ["a)", "b)"]),
        ("considering", ["a)", "b)", "c)", "d)"]),
        ("resolves", ["1", "2", "3", "4"]),
        ("instructs the Director of the Telecommunication Development Bureau", ["1", "2"]),
    ]
    assert [(s.heading, [c.label for c in s.clauses]) for s in old.sections] == [
        ("recalling", ["a)", "b)"]),
        ("considering", ["a)", "b)", "c)"]),
        ("resolves", ["1", "2"]),
        ("instructs the Director of the Telecommunication Development Bureau", ["1"]),
    ]
    assert draft.sections[2].clauses[3].text == "that BDT shall report to TDAG;"
    assert old.sections[2].clauses[1].text == "that BDT shall report to TDAG."
    assert old.sections[0].clauses[1].text.startswith("Resolution 139 (Rev. Dubai, 2018)")
    assert draft.enacting == "The World Telecommunication Development Conference (Baku, 2025),"
    kinds = sorted(c.kind for c in draft.changes)
    assert kinds.count("renumbering") == 4 and kinds.count("insertion") == 4


def test_compilation_table_with_other_resolutions():
    document = parse_file(FIXTURES / "tables" / "compilation.txt")
    assert [r.id for r in document.resolutions] == [
        "pp/177/bucharest-2022",
        "wtsa/76/new-delhi-2024",
        "wtdc/47/baku-2025",
    ]
    pp, wtsa, wtdc = document.resolutions
    assert [(s.heading, [c.label for c in s.clauses]) for s in pp.sections] == [
        ("considering", ["a)", "b)"]),
        ("resolves", ["1", "2"]),
    ]
    # the WTSA list runs on in the next row, under an empty PP cell
    assert [(s.heading, [c.label for c in s.clauses]) for s in wtsa.sections] == [
        ("considering", ["a)"]),
        ("resolves", ["1", "2"]),
    ]
    assert wtsa.sections[1].clauses[1].text == "that TSAG shall follow the studies,"
    assert [s.heading for s in wtdc.sections] == [
        "recognizing",
        "resolves",
        "instructs the Director of the Telecommunication Development Bureau",
    ]
    assert [(a.label, a.title, a.with_respect_to) for a in pp.annexes] == [
        ("1", "Conformance programme", "resolves 1")
    ]
    assert wtsa.annexes == [] and wtdc.annexes == []
    assert "columns PP-22, WTSA, WTDC" in document.notes[0]


def test_corpus_builds_whole_into_the_store(tmp_path):
    store = tmp_path / "store"
    built = run_cli("build", str(FIXTURES.parent.parent / "data"), "--store", str(store))
    assert built.returncode == 0, built.stderr
    assert "resolutions: 4  versions: 5" in built.stdout
    rows = run_cli(
        "query", "resolutions", "--store", str(store), "--format", "csv"
    ).stdout.splitlines()
    assert len(rows) == 6
    assert any(r.startswith('"PP Resolution 191 (Doha, 2026)",') and ",draft," in r for r in rows)
    assert any(r.startswith('"PP Resolution 191 (Bucharest, 2022)",') for r in rows)
    stats = run_cli("stats", "--store", str(store)).stdout
    assert "itu:Change" in stats


def test_a_table_in_a_text_numbered_by_source_lines_parses_the_same():
    """XML and HTML readers number lines by their source line, so numbers jump: a
    compilation table is found and cut by position in the list, not by number."""
    from dataclasses import replace

    from itukg.parse import parse_source
    from itukg.read import read_source

    source = read_source(FIXTURES / "tables" / "compilation.txt")
    jumping = replace(source, lines=[replace(ln, number=10 * ln.number) for ln in source.lines])

    def outline(document):
        return [
            (r.id, [(s.heading, [(c.label, c.text) for c in s.clauses]) for s in r.sections])
            for r in document.resolutions
        ]

    plain, jumped = parse_source(source), parse_source(jumping)
    assert len(plain.resolutions) >= 3
    assert outline(jumped) == outline(plain)
