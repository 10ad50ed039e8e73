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


def test_words_a_rendering_cut_with_a_space_are_joined_again(tmp_path):
    document = _read(
        tmp_path,
        "RESOLUTION 48 (Rev. Geneva, 2022)\n"
        "Internationalized domain names\n"
        "The World Telecommunication Standardization Assembly (Geneva, 2022),\n"
        "consi dering\n"
        "a) that intergovernmental organizati ons have had a role in the coordination of "
        "Internet-related public policy issues, and organizations still have it;\n"
        "b) that international organizations have also had, an d should continue to have, "
        "a role, and that the role matters,\n"
        "resolves to instruct ITU-T Study Gr oup 17\n"
        "to continue the study.\n",
    )
    (resolution,) = document.resolutions
    assert _outline(resolution) == [
        ("considering", ["a)", "b)"]),
        ("resolves to instruct ITU-T Study Group 17", [None]),
    ]
    recitals = resolution.sections[0].clauses
    assert "intergovernmental organizations have had" in recitals[0].text
    assert "also had, and should continue" in recitals[1].text
    assert [a.id for a in resolution.sections[1].addressees] == ["itu-t-study-groups"]


def test_a_clean_text_keeps_its_words_apart(tmp_path):
    """Words that could make one ('a part', 'on line') stay apart in a text that shows no
    cut words elsewhere."""
    document = _read(
        tmp_path,
        "RESOLUTION 48 (Rev. Geneva, 2022)\n"
        "Internationalized domain names\n"
        "The World Telecommunication Standardization Assembly (Geneva, 2022),\n"
        "considering\n"
        "a) that a part of the work is done on line, apart from the meetings held online,\n"
        "resolves\n"
        "to continue the study.\n",
    )
    (resolution,) = document.resolutions
    (recital,) = resolution.sections[0].clauses
    assert "that a part of the work is done on line, apart" in recital.text


def test_a_verb_joined_to_a_recitals_subject_by_and_is_no_heading(tmp_path):
    document = _read(
        tmp_path,
        "RESOLUTION 52 (Rev. Geneva, 2022)\n"
        "Countering and combating spam\n"
        "The World Telecommunication Standardization Assembly (Geneva, 2022),\n"
        "recognizing\n"
        "a) that the WSIS Plan of Action states in § 12 that confidence is a pillar of the "
        "information society, and calls for \u201cappropriate action on spam\u201d,\n"
        "considering\n"
        "a) that spam is a growing problem,\n"
        "resolves\n"
        "to continue the studies.\n",
    )
    (resolution,) = document.resolutions
    assert _outline(resolution) == [
        ("recognizing", ["a)"]),
        ("considering", ["a)"]),
        ("resolves", [None]),
    ]
    recital = resolution.sections[0].clauses[0]
    assert recital.text.endswith("and calls for \u201cappropriate action on spam\u201d,")
    assert [e.identifier for e in recital.cites_external] == ["WSIS Geneva Plan of Action"]


def test_a_proposal_titled_by_the_change_it_proposes(tmp_path):
    document = _read(
        tmp_path,
        "World Telecommunication Standardization Assembly (WTSA-28)\n"
        "Addendum 4 to\n"
        "Document 12-E\n"
        "Original: English\n"
        "African Telecommunications Union\n"
        "Proposed modification of Resolution 52 - Countering and combating spam\n"
        "Abstract: The administrations propose to modify Resolution 52 as shown.\n"
        "Countering and combating spam\n"
        "The World Telecommunication Standardization Assembly (Geneva, 2028),\n"
        "considering\n"
        "a)that spam is a growing problem for users and networks;\n"
        "b)that the problem crosses borders,\n"
        "resolves\n"
        "to continue the studies.\n",
    )
    (resolution,) = document.resolutions
    assert (resolution.body_id, resolution.number) == ("wtsa", "52")
    assert resolution.status == Status.DRAFT
    assert resolution.title == "Countering and combating spam"
    assert _outline(resolution) == [("considering", ["a)", "b)"]), ("resolves", [None])]


def test_a_heading_word_run_into_its_modifier_in_a_one_line_copy(tmp_path):
    document = _read(
        tmp_path,
        "RESOLUTION 69 (Rev. Geneva, 2028) Access to Internet resources The World "
        "Telecommunication Standardization Assembly (Geneva, 2028), considering that one of "
        "the purposes of the Union laid down in Article 1 of the ITU Constitution is to extend "
        "cooperation, consideringfurther the approved documents of the World Summit on the "
        "Information Society,\n",
    )
    (resolution,) = document.resolutions
    assert [s.heading for s in resolution.sections] == ["considering", "considering further"]
    further = resolution.sections[1].clauses[0]
    assert further.text.startswith("the approved documents of the World Summit")


def test_a_note_under_recommends_is_the_clauses_and_its_citations_too(tmp_path):
    document = _read(
        tmp_path,
        "RECOMMENDATION ITU-R P.9999-1\n"
        "Propagation data for the design of Earth-space systems\n"
        "The ITU Radiocommunication Assembly,\n"
        "considering\n"
        "a) that propagation data are needed for planning;\n"
        "b) that methods have been developed,\n"
        "recommends\n"
        "that the methods of Annex 1 should be used for planning.\n"
        "NOTE – More information may be found in Recommendations ITU-R P.679 and ITU-R P.680.\n",
    )
    (resolution,) = document.resolutions
    assert _outline(resolution)[1] == ("recommends", [None])
    (clause,) = resolution.sections[1].clauses
    assert clause.notes == [
        "NOTE – More information may be found in Recommendations ITU-R P.679 and ITU-R P.680."
    ]
    assert [e.identifier for e in clause.cites_external] == ["ITU-R P.679", "ITU-R P.680"]
