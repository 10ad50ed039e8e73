"""Renderings of ITU texts as web pages, document sites and the Council's own volumes
give them, each imitated by a text written here: a heading and its one ask on one line,
titles with no number line or in the Council's short form, texts cut into numbered
chunks, hard-wrapped recitals, bullets where the headings were lost; and what the
annotator must find in them (addressees, citations by short forms and by name)."""

from __future__ import annotations

from pathlib import Path

import pytest

from itukg.errors import InputError
from itukg.pipeline import parse_inputs


def _read(tmp_path: Path, text: str, name: str = "t.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (document,) = parse_inputs([path], annotate=True)
    return document


def _outline(resolution) -> list[tuple[str, list[str | None]]]:
    return [(s.heading, [c.label for c in s.clauses]) for s in resolution.sections]


def _asked(section) -> list[str]:
    return [a.id for a in section.addressees]


_WTSA_HEAD = (
    "RESOLUTION 64 (Rev. Geneva, 2022)\n"
    "Addresses for the next generation of networks\n"
    "The World Telecommunication Standardization Assembly (Geneva, 2022),\n"
    "considering\n"
    "that the work matters,\n"
)


def _considering(recitals: str) -> str:
    """The WTSA text above with these recitals under 'considering' and one 'resolves'."""
    return _WTSA_HEAD.replace("that the work matters,", recitals) + (
        "resolves\nthat the work shall go on.\n"
    )


def test_a_heading_with_its_one_ask_on_its_line(tmp_path):
    document = _read(
        tmp_path,
        _WTSA_HEAD
        + "instructs the Director of the Telecommunication Standardization Bureau to report "
        "annually to TSAG on the progress,\n"
        "resolves to instruct the Director of the Telecommunication Standardization Bureau, "
        "in collaboration with the Director of the Telecommunication Development Bureau, to "
        "organize workshops,\n"
        "invites Member States to participate actively in the work;\n"
        "requests the Council to consider the matter at its next session,\n"
        "encourages Sector Members, in cooperation with the regional telecommunication "
        "organizations, to contribute to the studies.\n",
    )
    (resolution,) = document.resolutions
    assert [s.heading for s in resolution.sections] == [
        "considering",
        "instructs the Director of the Telecommunication Standardization Bureau",
        "resolves to instruct the Director of the Telecommunication Standardization Bureau, "
        "in collaboration with the Director of the Telecommunication Development Bureau",
        "invites Member States",
        "requests the Council",
        "encourages Sector Members, in cooperation with the regional telecommunication "
        "organizations",
    ]
    _, instructs, resolves, invites, requests, encourages = resolution.sections
    assert instructs.clauses[0].text == "to report annually to TSAG on the progress,"
    assert instructs.clauses[0].mandate.addressees[0].id == "director-tsb"
    assert _asked(resolves) == ["director-tsb"]
    assert [c.id for c in resolves.collaborators] == ["director-bdt"]
    assert resolves.clauses[0].mandate.action.startswith("organize workshops")
    assert _asked(invites) == ["member-states"]
    assert invites.clauses[0].text == "to participate actively in the work;"
    assert _asked(requests) == ["council"]
    assert requests.clauses[0].mandate.action.startswith("consider the matter")
    assert _asked(encourages) == ["sector-members"]
    assert [c.id for c in encourages.collaborators] == ["regional-telecommunication-organizations"]


def test_a_to_that_a_preposition_governs_stays_in_the_addressees(tmp_path):
    # 'party to the Agreement': 'to the …' is no ask; the ask starts at 'to ratify'
    document = _read(
        tmp_path, _WTSA_HEAD + "invites Member States party to the Agreement to ratify it,\n"
    )
    (resolution,) = document.resolutions
    invites = resolution.sections[1]
    assert invites.heading == "invites Member States party to the Agreement"
    assert invites.clauses[0].text == "to ratify it,"
    assert _asked(invites) == ["member-states"]


def test_numbered_study_groups_administrations_and_regional_organizations(tmp_path):
    document = _read(
        tmp_path,
        _WTSA_HEAD + "instructs ITU-T Study Group 17, within its mandate,\n"
        "to study the security of addresses,\n"
        "instructs Study Group 3 of ITU-T\nto study their costs,\n"
        "invites administrations and the regional telecommunication organizations\n"
        "to contribute to the work.\n",
    )
    (resolution,) = document.resolutions
    _, sg17, sg3, invites = resolution.sections
    assert _asked(sg17) == ["itu-t-study-groups"] and not sg17.unknown_addressees
    assert _asked(sg3) == ["itu-t-study-groups"]
    assert _asked(invites) == ["administrations", "regional-telecommunication-organizations"]


def test_an_ask_in_the_infinitive_names_no_agent_of_its_relative_clause(tmp_path):
    document = _read(
        tmp_path,
        "RESOLUTION ITU-R 38-3\nStudy of procedural matters\n(1995-2003)\n"
        "The ITU Radiocommunication Assembly,\n"
        "considering\na) that the matter is studied (CV 156),\n"
        "resolves\n"
        "1\tto maintain the Special Committee, the results of which may be used by "
        "administrations in their preparation for the WRC;\n"
        "2\tthat the Special Committee shall meet.\n",
    )
    (resolution,) = document.resolutions
    resolves = resolution.sections[1]
    assert not (resolves.clauses[0].mandate and resolves.clauses[0].mandate.addressees)
    # 'CV 156': the Convention's provision written with its acronym before the number
    (recital,) = resolution.sections[0].clauses
    assert [p.id for p in recital.cites_provisions] == ["cv/156"]


def test_a_wtsa_opinion_states_its_view(tmp_path):
    document = _read(
        tmp_path,
        "OPINION 1 (Rev. Geneva, 2022)\nCooperation with other organizations\n"
        "The World Telecommunication Standardization Assembly (Geneva, 2022),\n"
        "considering\na) that cooperation is needed,\n"
        "is of the opinion\nthat Member States should encourage such cooperation,\n"
        "invites the Secretary-General\nto bring this Opinion to the attention of the Council.\n",
    )
    (opinion,) = document.resolutions
    assert opinion.id == "wtsa/opinion-1/geneva-2022"
    assert [(s.section_kind, s.kind.value) for s in opinion.sections] == [
        ("considering", "preamble"),
        ("is-of-the-opinion", "operative"),
        ("invites", "operative"),
    ]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("RESOLUTION 1372 (modified 2019)", "council/1372/2019"),
        ("DECISION 482 (C01, last modified C19)", "council/decision-482/2019"),
        ("RESOLUTION 1305 (C-09)", "council/1305/2009"),
        ("RESOLUTION 1100 (C97)", "council/1100/1997"),
    ],
)
def test_council_texts_dated_by_their_sessions_and_amendments(tmp_path, title, expected):
    document = _read(
        tmp_path,
        f"{title}\nA working group of the Council\nThe Council,\n"
        "recalling\na) Decision 5 (Rev. Dubai, 2018),\n"
        "resolves\nthat the group shall meet.\n",
    )
    (resolution,) = document.resolutions
    assert resolution.id == expected


def test_the_council_volume_short_title_in_a_page_run_into_one_line(tmp_path):
    # the Council's compendium: running head, 'R 1333 (C11)', and the whole page one line
    page = (
        "– 105 – (3.2 – Council) R 1402 (C12) Principles for the groups of the Council "
        "The Council, considering a) Article 10 of the Constitution, according to which the "
        "Council acts as governing body of the Union; b) Resolution 71 (Rev. Guadalajara, 2010) "
        "on the strategic plan, noting a) Decision 11 (Guadalajara, 2010) on the groups of the "
        "Council, which requested the Council: i) to create working groups based on issues; "
        "ii) to decide their mandates; iii) to decide their termination. noting further the "
        "strain that the meetings of the groups place on the resources of Member States and "
        "Sector Members, and the need to reduce their costs, resolves to adopt the following "
        "principles: 1 Working groups shall address issues; 2 Their work shall be reviewed "
        "each year.\n"
    )
    (resolution,) = _read(tmp_path, page).resolutions
    assert resolution.id == "council/1402/2012"
    assert resolution.title == "Principles for the groups of the Council"
    assert [s.heading for s in resolution.sections] == [
        "considering",
        "noting",
        "noting further",
        "resolves",
    ]
    considering, noting, further, resolves = resolution.sections
    assert [c.label for c in considering.clauses] == ["a)", "b)"]
    assert considering.clauses[0].text.startswith("Article 10 of the Constitution")
    assert [c.label for c in noting.clauses] == ["a)", "a) i)", "a) ii)", "a) iii)"]
    assert noting.clauses[1].text == "to create working groups based on issues;"
    assert further.clauses[0].text.startswith("the strain that the meetings")
    assert [c.label for c in resolves.clauses] == [None, "1", "2"]
    assert [p.id for p in considering.clauses[0].cites_provisions] == ["cs/article-10"]


def test_a_web_title_with_the_body_and_year_after_a_comma(tmp_path):
    document = _read(
        tmp_path,
        "Resolution 1158, ITU Council 2000\n\nApproved at the eleventh Plenary Meeting\n\n"
        "The Council,\n\n"
        "  \u2022 that Resolution 73 (Minneapolis, 1998) provided for a summit;\n\n"
        "  \u2022 that several agencies wish to be associated with it,\n\n"
        "noting with satisfaction\n\nthat countries have offered to host it,\n\n"
        "instructs the Secretary-General\n\n  1. to pursue coordination;\n\n"
        "  2. to report to the Council.\n",
    )
    (resolution,) = document.resolutions
    assert resolution.id == "council/1158/2000"
    assert resolution.title != "Approved at the eleventh Plenary Meeting"
    lost, noting, instructs = resolution.sections
    # the bullets above the first heading are recitals whose heading the page lost
    assert lost.section_kind == "heading-lost"
    assert [c.text for c in lost.clauses] == [
        "that Resolution 73 (Minneapolis, 1998) provided for a summit;",
        "that several agencies wish to be associated with it,",
    ]
    assert [v.version_id for v in lost.clauses[0].cites_resolutions] == ["pp/73/minneapolis-1998"]
    assert noting.heading == "noting with satisfaction"
    assert [c.label for c in instructs.clauses] == ["1", "2"]


def test_a_text_whose_title_line_was_lost_is_read_without_its_number(tmp_path):
    # a web page that kept the subject and a hard-wrapped enacting line, not the number
    document = _read(
        tmp_path,
        "Status of an observer in the Union\n"
        "The Plenipotentiary Conference of the International\n"
        "Telecommunication Union (Minneapolis, 1998),\n"
        "recalling\n"
        "a) the Charter of the United Nations and the Universal\n"
        "Declaration of Human Rights;\n"
        "b) Resolution A/52/250 of the United Nations General\n"
        "Assembly on the participation of observers;\n"
        "c) Resolution 18 of the World Telecommunication\n"
        "Development Conference (Valletta, 1998),\n"
        "resolves\n"
        "that the observer may take part in the conferences of the Union.\n",
    )
    (resolution,) = document.resolutions
    assert resolution.id == "pp/untitled-line-1/minneapolis-1998"
    assert resolution.status.value == "in-force"
    assert resolution.title == "Status of an observer in the Union"
    assert any("no title line" in note for note in resolution.notes)
    recalling = resolution.sections[0]
    assert [c.label for c in recalling.clauses] == ["a)", "b)", "c)"]
    a, b, c = recalling.clauses
    assert a.text.endswith("Universal Declaration of Human Rights;")
    assert [(e.kind, e.identifier) for e in a.cites_external] == [
        ("treaty", "UN Charter"),
        ("outcome", "UDHR"),
    ]
    assert [(e.kind, e.identifier) for e in b.cites_external] == [("un-resolution", "A/RES/52/250")]
    assert [v.version_id for v in c.cites_resolutions] == ["wtdc/18/valletta-1998"]


def test_a_page_from_the_middle_of_a_text_is_read_from_its_first_heading(tmp_path):
    """No title, no enacting line: what the page holds is kept from its first heading on,
    as a text whose number and body are not stated, incomplete; the page's own words
    before the heading are left out with a note, and nothing else is guessed."""
    document = _read(
        tmp_path,
        "\u2013 96 \u2013 (3.2 \u2013 Council) considering a) that the work goes on; b) that it "
        "matters, resolves 1 to establish a group; 2 to report to the Council.\n",
    )
    (resolution,) = document.resolutions
    assert (resolution.id, resolution.body_id, resolution.complete) == (
        "unstated/untitled-line-1/undated",
        "unstated",
        False,
    )
    assert _outline(resolution) == [("considering", ["a)", "b)"]), ("resolves", ["1", "2"])]
    assert resolution.sections[1].clauses[1].text == "to report to the Council."
    assert any("a page from the middle of a text" in n for n in resolution.notes)
    before = "'\u2013 96 \u2013 (3.2 \u2013 Council)' before it left out"
    assert any(before in n for n in resolution.notes)


def test_a_page_from_the_middle_of_a_list_keeps_its_recitals_before_the_first_heading(tmp_path):
    document = _read(
        tmp_path,
        "tion of the Union;\nc) that the work goes on;\nd) that it matters,\n"
        "considering further\na) that more is needed;\n"
        "resolves\n1 to establish a group;\n2 to report to the Council.\n",
    )
    (resolution,) = document.resolutions
    assert resolution.id == "unstated/untitled-line-2/undated"
    assert _outline(resolution) == [
        ("", ["c)", "d)"]),
        ("considering further", ["a)"]),
        ("resolves", ["1", "2"]),
    ]
    assert resolution.sections[0].section_kind == "heading-lost"
    assert any("'tion of the Union;' before it left out" in n for n in resolution.notes)


def test_a_page_from_the_middle_of_a_text_is_built_into_the_graph(tmp_path):
    from itukg.pipeline import build
    from itukg.store import open_read

    page = tmp_path / "page.txt"
    page.write_text(
        "requests the Secretary-General 1 to report to the Council; 2 to consult the membership.\n",
        encoding="utf-8",
    )
    build([page], tmp_path / "store")
    rows = open_read(tmp_path / "store").query(
        "PREFIX itu: <https://w3id.org/itukg/ontology#> SELECT ?body ?complete ?addressee "
        "WHERE { ?work itu:enactedBy ?body ; itu:hasVersion ?v . ?v itu:complete ?complete . "
        "?m a itu:Mandate ; itu:addressee ?addressee }"
    )
    found = {(r["body"].value, r["complete"].value, r["addressee"].value) for r in rows}
    assert found == {
        (
            "https://w3id.org/itukg/id/body/unstated",
            "false",
            "https://w3id.org/itukg/id/body/secretary-general",
        )
    }


@pytest.mark.parametrize(
    "text",
    [
        "Home | News | Contact\nThe work goes on; it matters.\n",
        "Dear colleagues,\nthe meeting went well, considering that the weather was bad.\n",
    ],
)
def test_a_page_with_no_title_and_no_text_under_a_heading_is_refused(tmp_path, text):
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="no resolution found"):
        parse_inputs([path], annotate=False)


def test_a_text_a_document_site_cut_into_numbered_chunks(tmp_path):
    chunks = (
        "1\u3001Res. ITU-R 99-1 1RESOLUTION ITU-R 99-1 Study of procedural matters "
        "(1995-2003) The ITU Radiocommunication Assembly, considering a) that the ITU Conv",
        "2\u3001ention includes such studies (CV 156); b) that a mechanism is needed, "
        "resolves 1 to maintain the Special Comm",
        "3\u3001ittee; 2 to review its working methods.",
    )
    document = _read(tmp_path, "\n".join(chunks) + "\n")
    (resolution,) = document.resolutions
    assert resolution.id == "ra/99-1/geneva-2003"
    assert _outline(resolution) == [("considering", ["a)", "b)"]), ("resolves", ["1", "2"])]
    considering, resolves = resolution.sections
    assert considering.clauses[0].text == "that the ITU Convention includes such studies (CV 156);"
    assert resolves.clauses[0].text == "to maintain the Special Committee;"


def test_short_and_named_citations(tmp_path):
    document = _read(
        tmp_path,
        _considering(
            "a) Res 71(Rev. Guadalajara, 2010);\n"
            "b) the Tunis Agenda for the Information Society and the 2030 "
            "Agenda for Sustainable Development,"
        ),
    )
    (resolution,) = document.resolutions
    a, b = resolution.sections[0].clauses
    assert [v.version_id for v in a.cites_resolutions] == ["pp/71/guadalajara-2010"]
    assert [(e.kind, e.identifier) for e in b.cites_external] == [
        ("outcome", "WSIS Tunis Agenda"),
        ("un-resolution", "A/RES/70/1"),
    ]


def test_the_general_rules_and_the_administrative_regulations_are_cited_by_name(tmp_path):
    document = _read(
        tmp_path,
        _considering(
            "that the General Rules of Conferences, "
            "Assemblies and Meetings of the Union and the Administrative "
            "Regulations have been adopted,"
        ),
    )
    (clause,) = document.resolutions[0].sections[0].clauses
    assert [(e.kind, e.identifier) for e in clause.cites_external] == [
        ("regulations", "General Rules"),
        ("regulations", "Administrative Regulations"),
    ]


def test_a_document_sites_viewer_captions_are_no_clauses(tmp_path):
    document = _read(
        tmp_path,
        _WTSA_HEAD + "resolves\nthat the work shall go on.\n\n"
        "Transcript of RESOLUTION 64 (Rev. Geneva, 2022) - Addresses for the next\n\n"
        "Page 1: RESOLUTION 64 (Rev. Geneva, 2022) - Addresses for the next generation\n",
    )
    (resolution,) = document.resolutions
    assert _outline(resolution) == [("considering", [None]), ("resolves", [None])]
    assert resolution.sections[1].clauses[0].text == "that the work shall go on."
    assert any("viewer caption" in note for note in resolution.notes)


def test_a_modified_preamble_heading_glued_after_a_comma_opens_its_section(tmp_path):
    """'…the digital divide, taking into account further the need …': a preamble word with
    its modifier after a recital's comma is a heading; without one ('…, noting that …') it
    may be the recital's participle and is left in it."""
    document = _read(
        tmp_path,
        _considering(
            "a) that the work goes on, noting that it is long;\nb) that access will help to "
            "bridge the divide, taking into account further the need to draw up proposals,\n"
            "emphasizing\nthat the work matters,"
        ),
    )
    (resolution,) = document.resolutions
    assert _outline(resolution) == [
        ("considering", ["a)", "b)"]),
        ("taking into account further", [None]),
        ("emphasizing", [None]),
        ("resolves", [None]),
    ]
    considering, further = resolution.sections[:2]
    assert considering.clauses[0].text == "that the work goes on, noting that it is long;"
    assert considering.clauses[1].text == "that access will help to bridge the divide,"
    assert further.clauses[0].text == "the need to draw up proposals,"


def test_a_pdf_extraction_that_put_labels_after_their_clauses_first_line(tmp_path):
    """A Recommendation's text as a PDF's text layer gives it: a label printed beside its
    clause's second line comes out after the first ('that listeners desire … for
    different' / 'c)' / 'sources and programme types;'); the running head between pages
    ('Rec. ITU-R  BS.999-1' after the page number) is furniture; the notes that close the
    operative part ('NOTE 1 – …') are notes of the section, not clauses."""
    text = (
        "RECOMMENDATION ITU-R BS.999-1\n\n"
        "Measurement of programme levels\n\n"
        "(2006-2023)\n\n"
        "The ITU Radiocommunication Assembly,\n\n"
        "considering\n\n"
        "a)\n\n"
        "that modern digital transmission techniques offer an extremely wide dynamic range;\n\n"
        "b)\n"
        "that modern production and transmission techniques provide a mixture of mono,\n"
        "stereo and multichannel formats specified in Recommendation ITU-R BS.775 and\n"
        "advanced sound formats, and that sound programmes are produced in all of\n"
        "these formats;\n\n"
        "that listeners desire the subjective loudness of programmes to be uniform for "
        "different\n\n"
        "c)\n"
        "sources and programme types;\n\n"
        "d)\n"
        "that many methods are available for the measurement of audio levels but that the\n"
        "methods employed in programme production do not provide the indication of\n"
        "subjective loudness,\n\n"
        "2\n\n"
        "Rec. ITU-R  BS.999-1\n\n"
        "recommends\n\n"
        "1\n"
        "that when an objective measure of the loudness of an audio programme is required\n"
        "to facilitate programme delivery and exchange, the algorithm specified in Annex 1\n"
        "should be used;\n\n"
        "2\n"
        "that this Recommendation should be updated when new algorithms have been\n"
        "developed to enable a more accurate measure of loudness.\n\n"
        "NOTE 1 \u2013 Users should be aware that measured loudness is an estimation.\n"
    )
    document = _read(tmp_path, text)
    (recommendation,) = document.resolutions
    considering, recommends = recommendation.sections
    assert [c.label for c in considering.clauses] == ["a)", "b)", "c)", "d)"]
    assert considering.clauses[2].text == (
        "that listeners desire the subjective loudness of programmes to be uniform for "
        "different sources and programme types;"
    )
    assert [c.label for c in recommends.clauses] == ["1", "2"]
    assert recommends.clauses[1].text.endswith("a more accurate measure of loudness.")
    # the note of the item it follows, not a third item
    assert recommends.clauses[1].notes == [
        "NOTE 1 \u2013 Users should be aware that measured loudness is an estimation."
    ]


def test_a_citation_whose_number_lost_its_space(tmp_path):
    """'Resolution37', 'Decision5': a copy that lost the space still cites the text."""
    document = _read(
        tmp_path,
        _considering(
            "a) Resolution37 (Rev. Kigali, 2022) of "
            "the WTDC;\nb) Decision5 (Rev. Dubai, 2018) of the Plenipotentiary "
            "Conference,"
        ),
    )
    (resolution,) = document.resolutions
    a, b = resolution.sections[0].clauses
    assert [v.version_id for v in a.cites_resolutions] == ["wtdc/37/kigali-2022"]
    assert [v.version_id for v in b.cites_resolutions] == ["pp/decision-5/dubai-2018"]


def test_a_page_that_lost_its_headings_and_numbered_its_recitals(tmp_path):
    document = _read(
        tmp_path,
        "International Telecommunication Union\n"
        " Search Site Map Contact us\nHome : ITU-D : Conferences\n\n"
        "The World Telecommunication Development Conference (Valletta, 1998),\n\n"
        "  1. that the sharing of information is a key role of ITU-D;\n"
        "  2. Recommendation 2 of the African Regional Telecommunication Development "
        "Conference (AF-RTDC-96) on surveys;\n"
        "  3. Resolutions 3 and 6 and Recommendation 4 of the Regional Telecommunication "
        "Development Conference for the Arab States (AR-RTDC-96),\n\n"
        "recognizing further\n\nthat the information is useful,\n\n"
        "requests the Director of BDT\n\n  1. to support this activity;\n"
        "  2. to continue to survey countries.\n",
    )
    (resolution,) = document.resolutions
    assert resolution.id == "wtdc/untitled-line-5/valletta-1998"
    assert resolution.title == ""  # the navigation above is no subject
    lost, further, requests = resolution.sections
    assert lost.section_kind == "heading-lost"
    assert [c.label for c in lost.clauses] == ["1", "2", "3"]
    works = [c.work_id for clause in lost.clauses for c in clause.cites_resolutions]
    assert works == ["rtdc/recommendation-2", "rtdc/3", "rtdc/6", "rtdc/recommendation-4"]
    assert _asked(requests) == ["director-bdt"]


def test_an_operative_heading_broken_after_its_article(tmp_path):
    document = _read(
        tmp_path,
        "RESOLUTION 73 (Minneapolis, 1998)\nA summit on the information society\n"
        "The Plenipotentiary Conference of the International\n"
        "Telecommunication Union (Minneapolis, 1998),\n"
        "considering\na) that the subject is important;\n"
        "b) that it reaches beyond the Union,\n"
        "resolves to instruct the\nSecretary-General\n"
        "1 to place the question before the Administrative Committee;\n"
        "2 to report to the Council.\n",
    )
    (resolution,) = document.resolutions
    resolves = resolution.sections[1]
    assert resolves.heading == "resolves to instruct the Secretary-General"
    assert _asked(resolves) == ["secretary-general"]
    assert [c.label for c in resolves.clauses] == ["1", "2"]


def test_radio_regulations_provisions_and_the_rio_instruments(tmp_path):
    document = _read(
        tmp_path,
        _considering(
            "a) that No. 5.441B of the Radio Regulations applies in the band;\n"
            "b) the Rio Declaration on Environment and Development and Agenda 21,"
        ),
    )
    (resolution,) = document.resolutions
    a, b = resolution.sections[0].clauses
    assert [(e.kind, e.identifier) for e in a.cites_external] == [("regulations", "RR No. 5.441B")]
    assert [(e.kind, e.identifier) for e in b.cites_external] == [
        ("outcome", "Rio Declaration"),
        ("outcome", "Agenda 21"),
    ]


def test_a_council_volume_page_with_the_session_after_the_subject(tmp_path):
    # 'D 540 <subject> (C06) The Council in view of …': no comma after 'The Council'
    page = (
        "\u2013 101 \u2013 (3.2 \u2013 Council) D 541 A single committee on the finances of "
        "the Union (C06) The Council in view of Article 4 of the Convention, and in particular "
        "No. 61B specifying its mandate to adopt its own rules of procedure; considering the "
        "need to address the financial issues of the Union in the most effective manner "
        "possible; recognizing that the oversight of the finances of the Union is a key "
        "function of the Council, decides to establish a single standing committee on the "
        "finances of the Union.\n"
    )
    (decision,) = _read(tmp_path, page).resolutions
    assert decision.id == "council/decision-541/2006"
    assert decision.title == "A single committee on the finances of the Union"
    assert [s.heading for s in decision.sections] == [
        "in view of", "considering", "recognizing", "decides",
    ]  # fmt: skip
    assert decision.sections[0].clauses[0].text.startswith("Article 4 of the Convention")
    assert [p.id for p in decision.sections[0].clauses[0].cites_provisions] == [
        "cv/article-4",
        "cv/61b",
    ]


def test_a_page_whose_line_breaks_were_dropped_with_their_spaces(tmp_path):
    page = (
        "RESOLUTION 1299 (MOD) Place, dates and agenda of the next conference of the Council "
        "The Council,notingthat Resolution 805 of the World Radiocommunication Conference "
        "(Geneva, 2007):a)resolved to recommend to the Council that a conference be held in "
        "2011;b)recommended its agenda, and invited the Council to finalize it,resolvesto "
        "convene the next conference in Geneva in 2012.\n"
    )
    (resolution,) = _read(tmp_path, page).resolutions
    assert [s.heading for s in resolution.sections] == ["noting", "resolves"]
    noting, resolves = resolution.sections
    assert [c.label for c in noting.clauses] == [None, "a)", "b)"]
    assert noting.clauses[1].text.startswith("resolved to recommend")
    assert resolves.clauses[0].text.startswith("to convene the next conference")


def test_a_sector_recommendation_under_its_running_head_and_question(tmp_path):
    document = _read(
        tmp_path,
        "Rec. ITU-R P.2001-1\n\nRECOMMENDATION ITU-R P.2001-1\n\n"
        "DATABASES OF TERRAIN FOR PROPAGATION STUDIES\n\n(Question ITU-R 202/3)\n\n"
        "(1994-1997)\n\nRec. ITU-R P.2001-1\n\nThe ITU Radiocommunication Assembly,\n\n"
        "considering\n\na) that the models need topographic data;\n\n"
        "b) that such data are now available,\n\nrecommends\n\n"
        "1 that administrations use the databases of Annex 1.\n",
    )
    (recommendation,) = document.resolutions
    assert recommendation.id == "ra/recommendation-p-2001-1/geneva-1997"
    assert recommendation.title == "DATABASES OF TERRAIN FOR PROPAGATION STUDIES"
    assert [s.heading for s in recommendation.sections] == ["considering", "recommends"]


def test_a_footnote_mark_glued_to_a_title_in_a_flattened_page(tmp_path):
    page = (
        "1\u3001Res. ITU-R 98-2 1 RESOLUTION ITU-R 98-2*Worldwide databases of terrain "
        "(1997-2007) The ITU Radiocommunication Assembly, considering a) that there is a requ",
        "2\u3001irement for planning; b) that digital maps are available, resolves 1 that "
        "the databas",
        "3\u3001es be kept up to date; 2 that administrations contribute to them.",
    )
    (resolution,) = _read(tmp_path, "\n".join(page) + "\n").resolutions
    assert resolution.id == "ra/98-2/geneva-2007"
    assert resolution.title == "Worldwide databases of terrain"
    assert _outline(resolution) == [("considering", ["a)", "b)"]), ("resolves", ["1", "2"])]


def test_an_old_itu_documents_footer_between_two_items(tmp_path):
    # the file it was printed from, its job number and dates, and the page's number run
    # into the document's symbol, where a page broke a list
    document = _read(
        tmp_path,
        "DECISION 599\nA policy forum on a new theme\nThe Council,\n"
        "considering\na)\nthat the theme is one of the topics of high current interest to\n"
        "Member States and Sector Members of the Union;\nb)\nthat the development of the\n"
        "theme has implications for several domains, in particular for the\n"
        "policies of developing countries,\ndecides\n1\nto convene a policy forum on "
        "the theme in Geneva in March 2001 in\norder to exchange views on its policy "
        "aspects, with the draft\nagenda:\n"
        "a)\nthe general implications of the theme for the membership of the\nUnion;\n"
        "M:\\ITUDOC13\\092V2E.WW9\n(111606)\n08.08.00\n16.08.00\n-2C2000/92-E\n"
        "b)\nthe actions to assist Member States in adapting to the changes.\n",
    )
    (decision,) = document.resolutions
    decides = decision.sections[1]
    assert [c.label for c in decides.clauses] == ["1", "1 a)", "1 b)"]
    assert decides.clauses[1].text == (
        "the general implications of the theme for the membership of the Union;"
    )


def test_a_vendor_pages_table_of_details_is_no_clause(tmp_path):
    document = _read(
        tmp_path,
        "RECOMMENDATION ITU-R P.2002-1\nTopographic data for propagation\n"
        "The ITU Radiocommunication Assembly,\nconsidering\n"
        "a) that topographic data are needed;\nb) that they are needed everywhere,\n"
        "recommends\nthat the data of Annex 1 be used.\n"
        "| Edition : | 1 |\n| Number of Pages : | 3 |\n| Published : | 07/01/2015 |\n",
    )
    (recommendation,) = document.resolutions
    recommends = recommendation.sections[1]
    assert [c.text for c in recommends.clauses] == ["that the data of Annex 1 be used."]
    assert any("table of details" in note for note in recommendation.notes)


def test_operative_items_whose_heading_a_page_lost(tmp_path):
    """'The Council,' and then straight the asks: an old page dropped 'resolves'. The
    items are kept as an operative section without a heading, labelled and cited."""
    text = (
        "The Council,\n\n"
        "to convene a World Radiocommunication Conference in Geneva, with the following agenda:\n"
        "1. on the basis of proposals from administrations, to consider the following topics:\n"
        "  1.1 the review of Appendix 30 in accordance with Resolution 60 (WARC-79),\n"
        "  1.2 the studies carried out under Resolution 712 (Rev.WRC-95),\n"
    )
    (resolution,) = _read(tmp_path, text).resolutions
    (section,) = resolution.sections
    assert section.kind == "operative" and section.section_kind == "operative-heading-lost"
    assert section.heading == ""
    assert [c.label for c in section.clauses] == [None, "1", "1.1", "1.2"]
    cited = [(c.body, c.number, c.revision_year) for c in section.clauses[2].cites_resolutions]
    assert cited == [("wrc", "60", 1979)]
    assert any("operative items with no heading above them" in n for n in resolution.notes)


def test_a_recital_that_goes_on_with_and_invites_is_one_recital(tmp_path):
    """'…, and invites ITU to assume …' inside a recital is the verb of its own subject
    (the UN resolution it recalls), not an operative heading glued to it."""
    text = (
        "The Council,\n\n"
        "a)\tthat the General Assembly adopted Resolution 56/183 on the Summit and welcomed "
        "the proposal to hold the Summit in two phases;\n"
        "b)\tthat this resolution considers that the Summit is to be convened under the "
        "patronage of the Secretary-General of the United Nations, and invites the "
        "International Telecommunication Union to assume the leading managerial role;\n"
    )
    (resolution,) = _read(tmp_path, text).resolutions
    (section,) = resolution.sections
    assert section.kind == "preamble"
    assert [c.label for c in section.clauses] == ["a)", "b)"]
    assert section.clauses[1].text.endswith("to assume the leading managerial role;")


def test_a_recalled_resolution_going_on_after_and_and_stray_bullets(tmp_path):
    """A hard-wrapped recital that recalls a resolution and goes on after 'and' on the
    next line is one item, not a title line; bullets left together on a line of their own
    ('• •') are no item's label."""
    text = (
        "Document C99/1-E\n"
        "The Council,\n"
        "Resolution 73 of the Plenipotentiary Conference (Minneapolis, 1998) and\n"
        "Resolutions 56/183 and 57/238 of the UN General Assembly on the leading role of ITU in\n"
        "the preparatory process for the Summit, as well as\n"
        "Resolution 1158 of Council 2000 and Resolution 1179 of Council 2001,\n"
        "taking into account\n"
        "that Resolution 113 of the Plenipotentiary Conference (Marrakesh, 2002) defined the\n"
        "preparation procedure for the Summit where:\n"
        "the Council was instructed to review the activities of the working group and to\n"
        "report on the results of the Summit to the next plenipotentiary conference;\n"
        "\u2022 \u2022\n"
        "the Directors of the Bureaux were instructed to participate actively in the working\n"
        "group and to contribute to ITU's involvement in the Summit;\n"
    )
    (resolution,) = _read(tmp_path, text).resolutions
    lost, taking = resolution.sections
    (recalled,) = lost.clauses
    assert recalled.text.startswith("Resolution 73 of the Plenipotentiary Conference")
    assert recalled.text.endswith("Resolution 1179 of Council 2001,")
    numbers = sorted(c.number for c in recalled.cites_resolutions)
    assert numbers == ["1158", "1179", "73"]
    assert [e.identifier for e in recalled.cites_external] == ["A/RES/56/183", "A/RES/57/238"]
    assert taking.heading == "taking into account"
    assert [c.label for c in taking.clauses] == [None, None, None]
    assert taking.clauses[2].text.startswith("the Directors of the Bureaux were instructed")


def test_items_run_together_after_commas_when_their_labels_continue(tmp_path):
    """A printed volume's page copied as one line: a lettered recital runs into the next
    after a comma ('…(C07/21), b) that …'), a numbered ask into the next ('…sessions, 3 to
    take …'); a number after a comma that does not continue the list stays in its text."""
    text = (
        "RESOLUTION 1332 (2009)\n"
        "The Council,\n"
        "recognizing a) that the Council endorsed the reports of its group (Documents C07/21, "
        "C08/50), b) that the assembly asked for a dedicated group, instructs the "
        "Secretary-General 1 to develop a roadmap, to be presented to the next Council; 2 in "
        "preparation for the forums, to take into account the proposals of the group, 3 to "
        "take into consideration its outputs, 7 to 9 of them at least;\n"
    )
    (resolution,) = _read(tmp_path, text).resolutions
    assert _outline(resolution) == [
        ("recognizing", ["a)", "b)"]),
        ("instructs the Secretary-General", ["1", "2", "3"]),
    ]
    assert resolution.sections[1].clauses[2].text.endswith("7 to 9 of them at least;")


def test_an_old_regional_conference_text_flattened_into_one_paragraph(tmp_path):
    """A regional administrative radio conference's resolution, numbered in Roman
    numerals, its enacting line ending in a full stop and running on into its preamble;
    its asks numbered '1.', '2.' and one of them ending in a full stop."""
    text = (
        "RESOLUTION  NO. II\n\n"
        "Interim application of the Plan\n\n"
        "The Regional Administrative Conference for the Planning of the Maritime Service "
        "(Region 1) (Geneva, 1985). considering a) that it has adopted an Agreement and a Plan; "
        "b) that means must be provided before the Agreement enters into force; resolves 1. "
        "that administrations shall apply the procedure of Article 4 of the Agreement; 2. that "
        "the procedure in the Annex shall apply in the meantime. 3. that new stations shall "
        "conform to the Plan, as No. 471 of the Radio Regulations requires.\n"
    )
    (resolution,) = _read(tmp_path, text).resolutions
    assert (resolution.body_id, resolution.number, resolution.revision_year) == ("rrc", "II", 1985)
    assert resolution.title == "Interim application of the Plan"
    assert _outline(resolution) == [("considering", ["a)", "b)"]), ("resolves", ["1", "2", "3"])]


def test_a_lost_heading_over_recitals_that_cite_a_provision_first(tmp_path):
    """Recitals straight after the enacting line whose first item recalls a provision
    ('1. No. 126 of the ITU Constitution, …') are a section whose heading was lost."""
    text = (
        "RESOLUTION 29 (Rev. Doha, 2006)\n"
        "Initiatives on Sector Member issues\n"
        "The World Telecommunication Development Conference (Doha, 2006),\n"
        "  1. No. 126 of the ITU Constitution, which encourages participation by industry;\n"
        "  2. that the Sector may undertake actions to be responsive to its members' needs;\n"
        "further recognizing\n"
        "  1. a) the importance of transparency to partnership opportunities;\n"
    )
    (resolution,) = _read(tmp_path, text).resolutions
    lost, further = resolution.sections
    assert lost.section_kind == "heading-lost" and [c.label for c in lost.clauses] == ["1", "2"]
    assert [(p.instrument, p.number) for p in lost.clauses[0].cites_provisions] == [("CS", "126")]
    assert further.heading == "further recognizing"


def test_a_later_page_of_a_recommendation_numbered_by_its_running_head(tmp_path):
    """A Markdown page holding a PDF's page in a code fence: the page number and the
    running head on one line above the enacting line, the title on an earlier page. The
    running head numbers the text; the fence marks are no clauses."""
    page = (
        "## [Page 2]\n\n```text\n"
        "2                                     Rec. ITU-R S.9999-2\n\n"
        "The ITU Radiocommunication Assembly,\n"
        "        considering\n"
        "a)      that Article 22 of the Radio Regulations (RR) sets single-entry limits that\n"
        "apply to non-geostationary systems in certain parts of the frequency range to protect\n"
        "geostationary networks operating in the same frequency bands from interference;\n"
        "b)      that to perform the examination referred to in considering a), the Bureau\n"
        "requires a software tool that permits the calculation of the power levels produced\n"
        "by such systems, on the basis of the characteristics of each system submitted,\n"
        "        recommends\n"
        "that the functional description in Annex 1 should be used to develop software tools\n"
        "calculating the power levels and their compliance with the limits of Article 22.\n```\n"
    )
    (recommendation,) = _read(tmp_path, page, "page.md").resolutions
    assert recommendation.id.startswith("ra/recommendation-s-9999-2/")
    assert _outline(recommendation) == [("considering", ["a)", "b)"]), ("recommends", [None])]
    assert [e.identifier for e in recommendation.sections[0].clauses[0].cites_external] == [
        "RR Article 22"
    ]


def test_a_recommendation_title_spaced_out_by_justified_type(tmp_path):
    text = (
        "RECOMMENDATION  ITU-R  BS.9998-5\n\n"
        "Algorithms  to  measure  the  loudness  of  programmes\n\n"
        "(2006-2023)\n\n"
        "The ITU Radiocommunication Assembly,\n\nconsidering\n\n"
        "a)\nthat  modern  digital  sound  transmission  techniques  offer  an  extremely  wide\n"
        "dynamic  range  and  that  programmes  are  produced  in  mono,  stereo  and  in\n"
        "multichannel  formats  at  once;\n\n"
        "b)\nthat  listeners  desire  the  subjective  loudness  of  audio  programmes  to  be\n"
        "uniform  for  different  sources  and  programme  types  in  every  service  and  that\n"
        "many  methods  are  available  for  the  measurement  of  audio  levels  but  that  the\n"
        "existing  methods  do  not  measure  loudness,\n\n"
        "recommends\n\n1\n"
        "that  when  an  objective  measure  of  the  loudness  of  a  programme  is\n"
        "required,  the  algorithm  specified  in  Annex  1  should  be  used.\n"
    )
    (recommendation,) = _read(tmp_path, text).resolutions
    assert (recommendation.kind.value, recommendation.number) == ("recommendation", "BS.9998-5")
    assert _outline(recommendation) == [("considering", ["a)", "b)"]), ("recommends", ["1"])]


def test_a_council_document_run_into_one_line(tmp_path):
    """A Council document copied as one line: its cover, a mixed-case title followed by
    the meeting that approved it, recitals run together, and a preamble word after a
    recital's comma that in such a line can only be the next heading."""
    text = (
        "INTERNATIONAL TELECOMMUNICATION UNION COUNCIL GENEVA \u2014 Document C31/77-E "
        "Decision 777 (Modified 2031) (approved at the Fifth Plenary Meeting) Recovery of the "
        "costs of filings The Council, considering a) Resolution 88 of the Plenipotentiary "
        "Conference (Rev. Marrakesh, 2002), on cost recovery; b) that filings under Article 9 "
        "of the Radio Regulations and Appendix 30B are charged in accordance with the "
        "provisions of this decision, recognizing that the costs of the Bureau must be "
        "recovered, decides 1 to apply the schedule in the Annex; 2 to review it each year.\n"
    )
    (decision,) = _read(tmp_path, text).resolutions
    assert decision.id == "council/decision-777/2031"
    assert _outline(decision) == [
        ("considering", ["a)", "b)"]),
        ("recognizing", [None]),
        ("decides", ["1", "2"]),
    ]
    b = decision.sections[0].clauses[1]
    assert b.text.endswith("provisions of this decision,")
    assert [e.identifier for e in b.cites_external] == ["RR Article 9", "RR Appendix 30B"]


def test_a_participle_after_a_comma_in_a_recital_of_its_own_line_stays(tmp_path):
    document = _read(
        tmp_path,
        _considering(
            "a) that the General Assembly, noting that the review is due, decided to hold it;"
        ),
    )
    (resolution,) = document.resolutions
    assert _outline(resolution) == [("considering", ["a)"]), ("resolves", [None])]


def test_a_middle_page_that_starts_with_numbered_operative_items(tmp_path):
    """A page from the middle of a Council decision: its asks 8 and 9, whose heading is
    on the page before, then its own headings, all on one line."""
    page = (
        "\u2013 37 \u2013 (1.2 \u2013 Other matters) 8 that the Annex to this decision should "
        "be reviewed periodically by the Council; 9 that the payment of charges shall be made "
        "on the basis of an invoice, recommends that any credits should be applied to later "
        "invoices, instructs the Director of the Radiocommunication Bureau 1 to enhance the "
        "software; 2 to submit an annual report to the Council.\n"
    )
    (text,) = _read(tmp_path, page).resolutions
    assert not text.complete
    assert [(s.section_kind, s.heading, [c.label for c in s.clauses]) for s in text.sections] == [
        ("operative-heading-lost", "", ["8", "9"]),
        ("recommends", "recommends", [None]),
        ("instructs", "instructs the Director of the Radiocommunication Bureau", ["1", "2"]),
    ]


def test_a_document_sites_transcript_below_the_text_is_not_another_text(tmp_path):
    text = (
        "RESOLUTION ITU-R 99-1\nWorking methods\n(1993-2012)\n"
        "The ITU Radiocommunication Assembly,\nconsidering\na) that methods matter,\n"
        "resolves\nthat the methods shall be as follows.\n\n"
        "Transcript of the page\n\nRESOLUTION ITU-R 99-1\n\nWorking methods\n"
    )
    document = _read(tmp_path, text)
    assert [r.id for r in document.resolutions] == ["ra/99-1/geneva-2012"]


def test_resolves_over_a_line_that_names_whom_it_invites(tmp_path):
    """'resolves' / 'to invite ITU-R' / '1' / 'to study …', as an HTML copy gives each
    part of the heading and each label a line: one heading naming ITU-R; a lead-in
    clause ('to recommend to the Council that …:') stays a clause."""
    text = (
        "RESOLUTION 999 (WRC-2000)\nRadiocommunications for disaster relief\n"
        "The World Radiocommunication Conference (Istanbul, 2000),\n"
        "considering\na)\nthat the global harmonization of spectrum for the use of relief\n"
        "organizations will lead to economies of scale and will reduce the\n"
        "costs of the equipment that they use,\n"
        "resolves\nto invite ITU-R\n1\n"
        "to study, as a matter of urgency, the identification of the\n"
        "frequency bands that could be used on a global or regional basis by the\n"
        "organizations in the event of a disaster;\n"
        "2\nto study the regulatory provisions necessary for identifying the\n"
        "bands and for the harmonized use of equipment in them,\n"
        "further resolves\nto recommend to the Council that a conference be held, with the "
        "following agenda:\n1 to consider the results of the studies.\n"
    )
    (resolution,) = _read(tmp_path, text).resolutions
    assert _outline(resolution) == [
        ("considering", ["a)"]),
        ("resolves to invite ITU-R", ["1", "2"]),
        ("further resolves", [None, "1"]),
    ]
    assert _asked(resolution.sections[1]) == ["itu-r"]


def test_resolves_to_invite_a_sector_run_into_a_one_line_copy(tmp_path):
    text = (
        "RESOLUTION 998 (Rev.WRC-2000) Resources for relief operations The World "
        "Radiocommunication Conference (Istanbul, 2000), considering a) that telecommunication "
        "resources matter in the event of natural disasters; b) that administrations have been "
        "urged to remove regulatory barriers, noting that the Intergovernmental Conference on "
        "Emergency Telecommunications, held in Tampere in 1998, adopted the Tampere Convention, "
        "resolves to invite the ITU Radiocommunication Sector to continue to study, as a "
        "matter of urgency, the aspects of radiocommunications relevant to disaster relief.\n"
    )
    (resolution,) = _read(tmp_path, text).resolutions
    resolves = resolution.sections[-1]
    assert resolves.heading == "resolves to invite the ITU Radiocommunication Sector"
    assert _asked(resolves) == ["itu-r"]
    assert resolves.clauses[0].text.startswith("to continue to study")


def test_a_recitals_bulleted_list_run_into_its_line_after_a_colon(tmp_path):
    text = _considering(
        "a) that Resolution 88 (Rev. Marrakesh, 2002) resolved: \u2022 that cost recovery "
        "shall be implemented as soon as possible, consistent with Resolution 91 (Minneapolis, "
        "1998); \u2022 that all filings shall be charged under Council Decision 482,"
    )
    (resolution,) = _read(tmp_path, text).resolutions
    clauses = resolution.sections[0].clauses
    assert [c.label for c in clauses] == ["a)", "a) \u20221", "a) \u20222"]
    assert clauses[0].text == "that Resolution 88 (Rev. Marrakesh, 2002) resolved:"
    assert [c.number for c in clauses[1].cites_resolutions] == ["91"]


def test_a_draft_run_into_one_line_with_its_footer_between_two_recitals(tmp_path):
    """A proposal copied as one line: its cover, the enacting line with no number above
    it, a printed footer (file, job number, dates, next page and symbol) between two
    recitals; a preamble word after a recital's subject ('…(ITU-D), in view of its
    purposes, …') is no heading there."""
    text = (
        "WORLD TELECOMMUNICATION DEVELOPMENT CONFERENCE (WTDC-98) Valletta, Malta For action "
        "Senegal (Republic of) DRAFT RESOLUTION The World Telecommunication Development "
        "Conference (Valletta, 1998), considering a) that accounting rates affect the revenues "
        "of operators and that this can hold up investment in their networks; b) that the "
        "Telecommunication Development Sector (ITU-D), in view of its purposes, is well placed "
        "to help, noting a) that studies of accounting rates require human and financial "
        "resources; C:\\ITUDOC2\\110E.WW7 (64879) 24.03.98 30.03.98 -2CMDT98/110-E b) that "
        "ITU-D Study Group 1 studies tariff rebalancing,\n"
    )
    (draft,) = _read(tmp_path, text).resolutions
    assert _outline(draft) == [("considering", ["a)", "b)"]), ("noting", ["a)", "b)"])]
    assert "ITUDOC" not in " ".join(c.text for s in draft.sections for c in s.clauses)


def test_a_title_with_its_history_set_out_with_semicolons_is_one_version(tmp_path):
    text = (
        "WTSA RESOLUTION 99 (Florian\u00f3polis, 2004; Johannesburg, 2008; Dubai, 2012)\n"
        "Bridging the gap\n"
        "The World Telecommunication Standardization Assembly (Dubai, 2012),\n"
        "considering\na) that the gap remains,\nresolves\nto go on.\n"
    )
    assert [r.id for r in _read(tmp_path, text).resolutions] == ["wtsa/99/dubai-2012"]


def test_a_middle_page_of_a_long_list_of_recitals_lettered_after_z(tmp_path):
    """A Final Acts page run into one line from the middle of a WRC resolution's recitals
    ('ac)', 'ad)' …, one glued after a provision's letter: '5.429F;ad)'), then its own
    headings; the Radio Regulations' numbers of 1996–2000 carry an S."""
    page = (
        "RES999 \u2013 282 \u2013 ac) that this conference has identified the band in Nos. "
        "5.429B and 5.429F;ad) that the band is allocated worldwide to the radiolocation "
        "service; ae) that administrations use the band under No. S5.388 of the Radio "
        "Regulations, emphasizing a) that flexibility must be afforded to administrations; "
        "b) that the needs of developing countries must be met, noting a) Resolutions 224 "
        "(Rev.WRC-15) and 225 (Rev.WRC-12), which also relate to the band;\n"
    )
    (text,) = _read(tmp_path, page).resolutions
    assert _outline(text) == [
        ("", ["ac)", "ad)", "ae)"]),
        ("emphasizing", ["a)", "b)"]),
        ("noting", ["a)"]),
    ]
    ac, _, ae = text.sections[0].clauses
    assert [e.identifier for e in ac.cites_external] == ["RR No. 5.429B", "RR No. 5.429F"]
    assert [e.identifier for e in ae.cites_external] == ["RR No. S5.388"]


def test_the_balloons_of_tracked_changes_printed_into_a_pdf_copy(tmp_path):
    text = (
        "RESOLUTION 999 (REV. BUSAN, 2014)\nAuthor\nDeleted: GUADALAJARA, 2010\n"
        "Facilitating the transition\n"
        "The Plenipotentiary Conference of the International Telecommunication Union "
        "(Busan, 2014),\n"
        "considering\na) Resolution 64 (Rev. Dubai, 2012) of WTSA, on addresses; Author\n"
        "Deleted: Guadalajara, 2010\nAuthor\n"
        "b) Deleted: ,\nthe results of the group, which the Council endorsed, Author\n"
        "Deleted: Hyderabad, 2010\n"
        "Author considering further a) that WTSAResolution 64 asks for more,\n"
    )
    (resolution,) = _read(tmp_path, text).resolutions
    assert _outline(resolution) == [("considering", ["a)", "b)"]), ("considering further", ["a)"])]
    words = " ".join(c.text for s in resolution.sections for c in s.clauses)
    assert "Deleted" not in words and "Author" not in words
    (cited,) = resolution.sections[1].clauses[0].cites_resolutions
    assert (cited.body, cited.number) == ("wtsa", "64")
