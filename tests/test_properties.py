"""Property-based tests (hypothesis): any text or bytes give a document or a clean
InputError, never a crash; a generated well-formed resolution keeps every clause
through parse → build → store → query."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from itukg.errors import InputError

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# lines that look like ITU texts: headings, labels, citations, residue of track changes
FRAGMENTS = st.sampled_from([
    "RESOLUTION 12 (REV. BUCHAREST, 2022)", "Resolution ITU-R 75", "RESOLUTION 9 (Rev. X,",
    "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),",
    "The World Telecommunication Standardization Assembly (Geneva, 2022),", "resolves",
    "instructs the Secretary-General", "invites Member States", "considering", "recalling",
    "1\t", "2\tto", "a)\t", "ii)\t", "–\t", "ANNEX 2", "Annex", "(see Annex 7)", "resolves 3 ii)",
    "No. 215 of the Convention", "Nos. 151-154 of the CV", "[footnoteRef:1]", "[1: 1 \tnote]",
    "[bookmark: _Toc9]", "\t", "\u00a0", "\u2011", "\ufeff", "(Rev. Kigali, 2022)", "\x0c",
])  # fmt: skip


def _parse_bytes(data: bytes) -> None:
    from itukg.parse import parse_file

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.txt"
        path.write_bytes(data)
        try:
            document = parse_file(path)
        except InputError as err:
            assert err.path == str(path)
            assert err.line is None or err.line >= 1
            return
        assert document.resolutions


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes_parse_or_fail_cleanly(data):
    _parse_bytes(data)


@SETTINGS
@given(st.text(max_size=2000))
def test_any_text_parses_or_fails_cleanly(text):
    _parse_bytes(text.encode("utf-8"))


@SETTINGS
@given(st.lists(st.one_of(FRAGMENTS, st.text(max_size=40)), max_size=60))
def test_text_made_of_itu_fragments_parses_or_fails_cleanly(pieces):
    _parse_bytes("\n".join(pieces).encode("utf-8"))


WORDS = st.sampled_from(
    ["training", "capacity", "the", "report", "Council", "study", "groups", "regional",
     "offices", "to", "of", "and", "budget", "material", "coordination", "languages"]
)  # fmt: skip
SENTENCE = st.lists(WORDS, min_size=2, max_size=12).map(" ".join)


@st.composite
def resolutions(draw) -> tuple[str, int, int]:
    """A well-formed PP resolution text, its number and how many clauses it holds."""
    number = draw(st.integers(1, 999))
    lines = [
        f"RESOLUTION {number} (REV. BUCHAREST, 2022)",
        draw(SENTENCE).capitalize(),
        "The Plenipotentiary Conference of the International Telecommunication Union "
        "(Bucharest, 2022),",
    ]
    clauses = 0
    for heading in draw(st.lists(st.sampled_from(["recalling", "considering", "noting"]),
                                 min_size=1, max_size=3, unique=True)):  # fmt: skip
        items = draw(st.integers(1, 5))
        lines.append(heading)
        lines += [f"{'abcde'[i]})\t{draw(SENTENCE)};" for i in range(items)]
        clauses += items
    for heading in draw(st.lists(st.sampled_from(
            ["resolves", "instructs the Secretary-General", "invites Member States"]),
            min_size=1, max_size=3, unique=True)):  # fmt: skip
        items = draw(st.integers(1, 12))
        lines.append(heading)
        lines += [f"{i + 1}\tto {draw(SENTENCE)};" for i in range(items)]
        clauses += items
    return "\n".join(lines) + "\n", number, clauses


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resolutions())
def test_a_generated_resolution_keeps_its_clauses_through_the_store(generated):
    from itukg.pipeline import build
    from itukg.query.questions import load_query, run
    from itukg.store import open_read

    text, number, clauses = generated
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "resolution.txt"
        source.write_text(text, encoding="utf-8")
        store = Path(folder) / "store"
        build([source], store)
        rows = run(
            open_read(store),
            load_query("clauses"),
            {"version": f"res:pp/{number}/bucharest-2022"},
        ).rows
        assert len(rows) == clauses
