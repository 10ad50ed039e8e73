"""More renderings of ITU texts, each imitated by a text written here: a page that sets its
headings and items with hyphens ('- considering', '- a) …'), recitals lettered with a full
stop ('a.   the initiative …') under headings a copy lost, a draft's title naming what it
revises ('Draft revision of Resolution ITUR 15-4'), and a Council decision of the Council's
volumes run into one line with a comma after 'The Council'."""

from __future__ import annotations

from pathlib import Path

from itukg.model import Status
from itukg.pipeline import parse_inputs


def _read(tmp_path: Path, text: str):
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    (document,) = parse_inputs([path], annotate=True)
    return document


def _outline(resolution) -> list[tuple[str, list[str | None]]]:
    return [(s.heading, [c.label for c in s.clauses]) for s in resolution.sections]


def test_a_page_that_sets_its_headings_and_items_with_hyphens(tmp_path):
    document = _read(
        tmp_path,
        "WTSA Resolution 90\n"
        "WTSA RESOLUTION 90 (Rev. Geneva, 2022)\n"
        "Open source in the work of the Sector\n"
        "The World Telecommunication Standardization Assembly (Geneva, 2022),\n"
        "- recognizing\n"
        "- a) Resolution 139 (Rev. Dubai, 2018) of the Plenipotentiary Conference;\n"
        "- b) the role of the Sector in the work,\n"
        "- considering\n"
        "- a) that open source is used widely;\n"
        "- b) that its licences differ,\n"
        "- resolves to instruct the Director of the Telecommunication Standardization Bureau\n"
        "- to report to TSAG on the matter;\n"
        "- to hold a workshop.\n",
    )
    (resolution,) = document.resolutions
    assert _outline(resolution) == [
        ("recognizing", ["a)", "b)"]),
        ("considering", ["a)", "b)"]),
        (
            "resolves to instruct the Director of the Telecommunication Standardization Bureau",
            [None, None],
        ),
    ]
    assert [a.id for a in resolution.sections[2].addressees] == ["director-tsb"]
    (cited,) = resolution.sections[0].clauses[0].cites_resolutions
    assert (cited.body, cited.number, cited.revision_year) == ("pp", "139", 2018)


def test_hyphens_that_mark_only_the_dash_items_of_an_item_are_kept(tmp_path):
    document = _read(
        tmp_path,
        "RESOLUTION 90 (Rev. Geneva, 2022)\n"
        "Open source in the work of the Sector\n"
        "The World Telecommunication Standardization Assembly (Geneva, 2022),\n"
        "resolves\n"
        "1\tto encourage:\n"
        "- the use of open source;\n"
        "- the sharing of code;\n"
        "2\tto report on the matter.\n",
    )
    (resolution,) = document.resolutions
    ((heading, labels),) = _outline(resolution)
    assert heading == "resolves"
    assert labels == ["1", "1 -1", "1 -2", "2"]  # the dash items of item 1


def test_recitals_lettered_with_a_full_stop_under_headings_a_copy_lost(tmp_path):
    document = _read(
        tmp_path,
        "Resolution 70\n\n"
        "The Plenipotentiary Conference of the International Telecommunication Union "
        "(Minneapolis, 1998),\n\n"
        "a.      the initiative taken at the World Telecommunication Development Conference "
        "in adopting Resolution 7;\n\n"
        "b.      the purposes of the Union laid down in Article 1 of the Constitution;\n\n"
        "c.      resolution 52/96 of the United Nations General Assembly,\n\n"
        "a.      that society as a whole benefits from equal participation;\n\n"
        "b.      that women are a substantial part of the market,\n\n"
        "recognizing further\n\n"
        "a.      that the task force has met,\n\n"
        "resolves\n\n"
        "1.      to incorporate a gender perspective in the work of the Union;\n",
    )
    (resolution,) = document.resolutions
    assert _outline(resolution) == [
        ("", ["a)", "b)", "c)"]),
        ("", ["a)", "b)"]),
        ("recognizing further", ["a)"]),
        ("resolves", ["1"]),
    ]
    first = resolution.sections[0].clauses
    assert [p.number for p in first[1].cites_provisions] == ["1"]
    assert [e.identifier for e in first[2].cites_external] == ["A/RES/52/96"]


def test_a_draft_whose_title_names_the_resolution_it_revises(tmp_path):
    document = _read(
        tmp_path,
        "Radiocommunication Assembly (RA-27)\n"
        "Document RA27/PLEN/9-E\n\n"
        "Draft revision of Resolution ITUR 15-4\n\n"
        "Appointment of the chairmen of the study groups\n\n"
        "(1993-1995-2000-2007)\n\n"
        "The ITU Radiocommunication Assembly,\n\n"
        "considering\n\n"
        "a)that No.242 of the ITU Convention requires the Assembly to appoint them;\n\n"
        "b)that a time-limit on the term of office brings new ideas,\n\n"
        "resolves\n\n"
        "1\tthat the candidates be proposed in good time.\n",
    )
    (resolution,) = document.resolutions
    assert (resolution.body_id, resolution.number) == ("ra", "15-4")
    assert resolution.status == Status.DRAFT
    assert _outline(resolution) == [("considering", ["a)", "b)"]), ("resolves", ["1"])]
    (provision,) = resolution.sections[0].clauses[0].cites_provisions
    assert (provision.instrument, provision.number) == ("CV", "242")


def test_a_council_decision_of_the_volumes_run_into_one_line(tmp_path):
    document = _read(
        tmp_path,
        "– 88 – (3.2 – Council) D 601 Dates of the next session of the Council (C27) The "
        "Council, decides that its next session will open in Geneva on 9 June 2028 for "
        "eight working days. Ref.: Documents C27/12 and C27/40.\n",
    )
    (resolution,) = document.resolutions
    assert (resolution.body_id, resolution.kind.value, resolution.number) == (
        "council",
        "decision",
        "601",
    )
    assert resolution.revision_year == 2027
    assert resolution.title == "Dates of the next session of the Council"
    ((heading, labels),) = _outline(resolution)
    assert heading == "decides"
    assert labels == [None]
