"""Clause labels and their nesting; heading recognition from the ontology's heading words."""

from __future__ import annotations

import pytest

from itukg.parse.headings import HeadingMatcher
from itukg.parse.labels import Nesting, split_label


def _nest(labels: list[str]) -> list[tuple[bool, str]]:
    nesting = Nesting()
    out = []
    for text in labels:
        label, _ = split_label(text + "\tx")
        is_sub, label = nesting.place(label)
        out.append((is_sub, label.style))
    return out


def test_split_label_forms():
    assert split_label("a)\tthe text")[0].text == "a)"
    assert split_label("12\tto report")[0].value == 12
    assert split_label("iii)\ta joint meeting")[0].style == "roman"
    assert split_label("(b) the text")[0].text == "(b)"
    assert split_label("–\ttraining is open")[0].style == "dash"
    assert split_label("d) that the")[0].text == "d)"
    assert split_label("2024 was a year")[0] is None
    assert split_label("that Resolution 5")[0] is None


def test_letters_continue_through_i():
    letters = [f"{c})" for c in "abcdefghij"]
    assert _nest(letters) == [(False, "alpha")] * 10


def test_a_list_that_opens_with_i_is_roman():
    # '… by:' / 'i) collaborating …' / 'ii) using …': siblings, not ii) under the letter i)
    assert _nest(["i)", "ii)", "iii)"]) == [(False, "roman")] * 3
    # a list of letters whose start was lost still reads as letters
    assert _nest(["c)", "d)"]) == [(False, "alpha")] * 2


def test_roman_items_after_an_unlabelled_ask_are_siblings():
    from pathlib import Path

    from itukg.parse import parse_source
    from itukg.read.text import Line, SourceText

    text = (
        "RESOLUTION 901 (DUBAI, 2018)\nTest\nThe Plenipotentiary Conference of the "
        "International Telecommunication Union (Dubai, 2018),\nconsidering\nthat a text is "
        "laid out,\nfurther resolves\nto strengthen the execution of projects by:\n"
        "i)\tcollaborating with regional organizations;\nii)\tusing local experts;\n"
        "iii)\tsharing the materials of each activity,\n"
    )
    lines = [Line(n, t, t, 0) for n, t in enumerate(text.splitlines(), start=1)]
    (res,) = parse_source(SourceText(Path("t.txt"), lines)).resolutions
    clauses = res.sections[1].clauses
    # the paragraph is the ask ('to strengthen … by:'), the roman items its means
    assert [(c.label, c.parent, c.lead_in) for c in clauses] == [
        (None, None, False), ("i)", None, False), ("ii)", None, False), ("iii)", None, False),
    ]  # fmt: skip


def test_roman_items_under_a_number():
    assert _nest(["1", "2", "3", "i)", "ii)", "iii)", "4"]) == [
        (False, "num"),
        (False, "num"),
        (False, "num"),
        (True, "roman"),
        (True, "roman"),
        (True, "roman"),
        (False, "num"),
    ]


def test_roman_items_under_a_letter_then_letters_again():
    assert _nest(["a)", "b)", "i)", "ii)", "c)"]) == [
        (False, "alpha"),
        (False, "alpha"),
        (True, "roman"),
        (True, "roman"),
        (False, "alpha"),
    ]


def test_letters_and_dashes_under_numbers():
    assert _nest(["1", "a)", "b)", "2", "–", "–"]) == [
        (False, "num"),
        (True, "alpha"),
        (True, "alpha"),
        (False, "num"),
        (True, "dash"),
        (True, "dash"),
    ]


@pytest.fixture(scope="module")
def matcher(vocabulary):
    return HeadingMatcher(vocabulary)


@pytest.mark.parametrize(
    ("line", "kind", "part", "modality", "addressee"),
    [
        ("considering further", "considering", "preamble", None, ""),
        ("recalling also", "recalling", "preamble", None, ""),
        ("noting with satisfaction", "noting", "preamble", None, ""),
        ("taking into account", "taking-into-account", "preamble", None, ""),
        ("bearing in mind", "bearing-in-mind", "preamble", None, ""),
        ("further resolves", "resolves", "operative", "resolves", ""),
        (
            "instructs the Secretary-General",
            "instructs",
            "operative",
            "instructs",
            "the Secretary-General",
        ),
        (
            "resolves to instruct the Director of TSB",
            "resolves",
            "operative",
            "instructs",
            "the Director of TSB",
        ),
        ("resolves to invite Member States,", "resolves", "operative", "invites", "Member States"),
        ("invites RAG, TSAG and TDAG", "invites", "operative", "invites", "RAG, TSAG and TDAG"),
        ("calls upon Sector Members", "calls-upon", "operative", "calls-upon", "Sector Members"),
        ("urges Member States", "urges", "operative", "urges", "Member States"),
    ],
)
def test_headings(matcher, line, kind, part, modality, addressee):
    match = matcher.match(line)
    assert match is not None
    assert (match.kind.id, match.kind.part, match.modality, match.addressee_text) == (
        kind,
        part,
        modality,
        addressee,
    )


@pytest.mark.parametrize(
    "line",
    [
        "noting that Resolution 5 applies",
        "to include coordination of the work",
        "considering.",
        "The Plenipotentiary Conference,",
        "resolves that the Council shall act;",
        "the three Sectors",
    ],
)
def test_not_headings(matcher, line):
    assert matcher.match(line) is None
