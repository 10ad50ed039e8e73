"""Citations as real ITU texts write them: provisions without a full stop and located in
their article, conferences beyond the four Sector ones (WCIT, WTPF, RRC) told apart from
another held in the same city and year, decisions and recommendations of conferences,
and instruments that are no ITU resolution (UN resolutions, ITU-T and ITU-R
Recommendations, the Radio Regulations), which must never be read as one."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef

from itukg.annotate.citations import (
    external_citations,
    provision_citations,
    resolution_citations,
)
from itukg.annotate.nlp import pipeline_for
from itukg.model import Resolution
from itukg.ontology import load_vocabulary


@pytest.fixture(scope="module")
def nlp():
    return pipeline_for()


def _citing(body_id: str = "pp") -> Resolution:
    return Resolution(body_id.upper(), body_id, "140", "Doha", 2026, "draft", "A title", 1, 2)


def _resolutions(nlp, text: str, body_id: str = "pp"):
    doc = nlp(text)
    return [
        (c.body, c.kind.value, c.number, c.revision_place, c.revision_year)
        for c in resolution_citations(doc, _citing(body_id), load_vocabulary())
    ]


def _provisions(nlp, text: str):
    return [
        (p.instrument, p.kind, p.number, p.in_article)
        for p in provision_citations(nlp(text), load_vocabulary())
    ]


def test_numbers_without_a_full_stop_located_in_their_article(nlp):
    text = "recalling Nos 12 and 13 of Article 2 of the ITU Constitution,"
    assert _provisions(nlp, text) == [("CS", "number", "12", "2"), ("CS", "number", "13", "2")]
    text = "in accordance with No. 58 in Article 4 of the ITU Convention;"
    assert _provisions(nlp, text) == [("CV", "number", "58", "4")]
    # an article cited on its own is still an article
    assert _provisions(nlp, "Article 2 of the Constitution") == [("CS", "article", "2", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # WTSA also met in Dubai in 2012: the conference named decides, not the place
        ("Resolution 3 (Dubai, 2012) of WCIT", ("wcit", "3", "Dubai", 2012)),
        (
            "Resolution 3 (Dubai, 2012) of the World Conference on International "
            "Telecommunications",
            ("wcit", "3", "Dubai", 2012),
        ),
        ("Resolution 1 (Rev. RRC-06)", ("rrc", "1", "Geneva", 2006)),
        ("Opinion 2 (Geneva, 2013) of the WTPF", ("wtpf", "2", "Geneva", 2013)),
        ("Resolution 75 (Rev. WRC-07)", ("wrc", "75", "Geneva", 2007)),
        ("Resolution 1305 of the Council", ("council", "1305", None, None)),
        # before 1993 the WRCs were World Administrative Radio Conferences
        ("Resolution 60 (WARC-79)", ("wrc", "60", "Geneva", 1979)),
        ("Resolution 33 (Rev. WARC-92)", ("wrc", "33", "Malaga-Torremolinos", 1992)),
        # the conference's name with its two words the other way round, as a text wrote it
        (
            "Resolution No. 3 of the World Administrative Telephone and Telegraph Conference "
            "(Melbourne, 1988)",
            ("wcit", "3", "Melbourne", 1988),
        ),
        # a WTSA resolution with the Sector's prefix, its hyphen and space lost in a copy
        ("Resolution ITUT7", ("wtsa", "7", None, None)),
    ],
)
def test_conferences_beyond_the_four_resolve_to_their_own_body(nlp, text, expected):
    ((body, _, number, place, year),) = _resolutions(nlp, f"noting {text},")
    assert (body, number, place, year) == expected


def test_a_place_and_year_shared_by_two_sessions_names_neither(nlp):
    """(Dubai, 2012) is WTSA-12 and WCIT-12: without a body written, the citing text's
    own body is taken, not one of the two picked by the place."""
    ((body, *_),) = _resolutions(nlp, "noting Resolution 64 (Dubai, 2012),", body_id="wtdc")
    assert body == "wtdc"


def test_decisions_recommendations_and_opinions_are_cited_as_such(nlp):
    found = _resolutions(
        nlp,
        "recalling Decision 5 (Rev. Dubai, 2018) and Decision 11, Recommendation 7 "
        "(Kyoto, 1994) and Opinion 1 of WTPF-13,",
    )
    kinds = {(kind, number) for _, kind, number, _, _ in found}
    assert kinds == {
        ("decision", "5"),
        ("decision", "11"),
        ("recommendation", "7"),
        ("opinion", "1"),
    }
    decision = next(c for c in found if c[2] == "5")
    assert decision == ("pp", "decision", "5", "Dubai", 2018)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "UNGA Resolutions 71/243 of 21 December 2016 and 72/279 of 31 May 2018",
            [("un-resolution", "A/RES/71/243"), ("un-resolution", "A/RES/72/279")],
        ),
        (
            "Resolution 70/1 of the United Nations General Assembly, on the 2030 Agenda",
            [("un-resolution", "A/RES/70/1")],
        ),
        ("ECOSOC Resolution 2006/46", [("un-resolution", "E/RES/2006/46")]),
        ("Security Council Resolution 1325 (2000)", [("un-resolution", "S/RES/1325")]),
        (
            "Recommendations ITU-T X.1205 and Y.2060 and ITU-R Recommendation M.1036",
            [
                ("sector-recommendation", "ITU-T X.1205"),
                ("sector-recommendation", "ITU-T Y.2060"),
                ("sector-recommendation", "ITU-R M.1036"),
            ],
        ),
        ("No. 5.316 of the Radio Regulations", [("regulations", "RR No. 5.316")]),
        (
            "Nos. 5.340 and 5.341A, under which the band is shared",
            [("regulations", "RR No. 5.340"), ("regulations", "RR No. 5.341A")],
        ),
        ("RECOMMENDATION ITU-R BT.709", [("sector-recommendation", "ITU-R BT.709")]),
        (  # ITU-D numbers them without a series letter; a copy may lose the hyphen
            "Recommendations ITU-D 6-1 and ITU D 18",
            [("sector-recommendation", "ITU-D 6-1"), ("sector-recommendation", "ITU-D 18")],
        ),
        (
            "the Human Rights Council resolution on human rights on the Internet "
            "(A/HRC/20/L.13) and its resolution A/HRC/RES/32/13",
            [("un-resolution", "A/HRC/20/L.13"), ("un-resolution", "A/HRC/RES/32/13")],
        ),
        # a name of three words or more whatever the case of the words after its first;
        # a shorter one only as written
        ("the WSIS declaration of principles", [("outcome", "WSIS Geneva Declaration")]),
        ("the charter of the United Nations", []),
        ("the tunis agenda", []),
        ("the Radio Regulations", [("regulations", "RR")]),
        ("CCITT Recommendation D.150", [("sector-recommendation", "CCITT D.150")]),
        (  # two outcomes of one place named together, the place written once
            "the Geneva Declaration of Principles and Plan of Action and the Tunis Commitment "
            "and Agenda",
            [
                ("outcome", "WSIS Geneva Declaration"),
                ("outcome", "WSIS Geneva Plan of Action"),
                ("outcome", "WSIS Tunis Commitment"),
                ("outcome", "WSIS Tunis Agenda"),
            ],
        ),
        (
            "Article 9 of the Radio Regulations and Appendices 30/S30 and 30A/S30A to the RR",
            [
                ("regulations", "RR Article 9"),
                ("regulations", "RR Appendix 30"),
                ("regulations", "RR Appendix 30A"),
            ],
        ),
        ("Article 6 of Appendix 30B", [("regulations", "RR Appendix 30B")]),
        ("Appendix 1 to this Resolution", []),
        ("the International Telecommunication Regulations", [("regulations", "ITR")]),
        # the Board is named after the Radio Regulations, which it does not cite
        (
            "the working methods of the Radio Regulations Board, as the Radio Regulations "
            "prescribe",
            [("regulations", "RR")],
        ),
        ("the Radio Regulations Board and the RR Board", []),
        # the action lines are part C of the Geneva Plan of Action, named in several ways
        (
            "the Geneva Action Plan (§§ 26 and 27)",
            [("outcome", "WSIS Geneva Plan of Action")],
        ),
        ("the WSIS action lines C2 and C5", [("outcome", "WSIS Geneva Plan of Action")]),
        # the quotation marks a text puts around part of a name, and the Summit named in full
        (
            "the \u201cDeclaration of Principles\u201d of the World Summit on the Information "
            "Society and the WSIS \u201cPlan of Action\u201d",
            [
                ("outcome", "WSIS Geneva Declaration"),
                ("outcome", "WSIS Geneva Plan of Action"),
            ],
        ),
    ],
)
def test_external_instruments_are_recorded_as_what_they_are(nlp, text, expected):
    doc = nlp(f"recalling {text},")
    assert [(c.kind, c.identifier) for c in external_citations(doc)] == expected
    # and none of them becomes an ITU resolution or a CS/CV provision
    assert resolution_citations(doc, _citing(), load_vocabulary()) == []
    assert provision_citations(doc, load_vocabulary()) == []


def test_external_instruments_and_decisions_in_the_graph(tmp_path):
    """Built from a text: the UN resolution is an itu:ExternalInstrument, the cited
    decision a work typed itu:Decision, the provision located in its article."""
    from itukg.pipeline import build
    from itukg.vocabulary import ITU

    text = tmp_path / "res.txt"
    text.write_text(
        "RESOLUTION 140 (REV. DOHA, 2026)\n"
        "A title\n"
        "The Plenipotentiary Conference of the International Telecommunication Union "
        "(Doha, 2026),\n"
        "recalling\n"
        "a)\tResolution 70/1 of the United Nations General Assembly;\n"
        "b)\tDecision 5 (Rev. Dubai, 2018) of the Plenipotentiary Conference;\n"
        "c)\tNos 12 and 13 of Article 2 of the ITU Constitution,\n"
        "resolves\n"
        "to continue the work.\n",
        encoding="utf-8",
    )
    out = tmp_path / "graph.ttl"
    build([text], None, out=out)
    graph = Graph().parse(out)
    un = URIRef("https://w3id.org/itukg/id/external/un-resolution/a-res-70-1")
    assert (un, ITU.instrumentKind, None) in graph
    assert (URIRef("https://w3id.org/itukg/id/resolution/pp/70"), None, None) not in graph
    decision = URIRef("https://w3id.org/itukg/id/resolution/pp/decision-5")
    assert (decision, None, ITU.Decision) in graph
    cs12 = URIRef("https://w3id.org/itukg/id/provision/cs/12")
    assert str(graph.value(cs12, ITU.inArticle)) == "2"
