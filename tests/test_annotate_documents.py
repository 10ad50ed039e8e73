"""The annotator on whole texts: fixtures of our own, then the corpus document."""

from __future__ import annotations

import json

import pytest
from conftest import CORPUS, FIXTURES, run_cli
from rdflib import Graph, Literal, Namespace, URIRef

from itukg.pipeline import parse_inputs
from itukg.rdf import documents_graph

ITU = Namespace("https://w3id.org/itukg/ontology#")
RES = "https://w3id.org/itukg/id/resolution/"
BODY = "https://w3id.org/itukg/id/body/"
ANNOTATE = FIXTURES / "annotate"
THREE_BUREAUX = "instructs the Secretary-General and the Directors of the three Bureaux"


def _ids(actors) -> list[str]:
    return [a.id for a in actors]


@pytest.fixture(scope="module")
def pp():
    (document,) = parse_inputs([ANNOTATE / "pp_mandates.txt"])
    return document.resolutions[0]


@pytest.fixture(scope="module")
def sector():
    (document,) = parse_inputs([ANNOTATE / "sector_mandates.txt"])
    return document.resolutions[0]


def _section(resolution, heading: str):
    return next(s for s in resolution.sections if s.heading == heading)


def _clause(section, label):
    return next(c for c in section.clauses if c.label == label)


def test_fixture_mandates_and_addressees(pp):
    invites = _section(pp, "invites")
    first, second = invites.clauses
    assert _ids(first.mandate.addressees) == ["rag", "tsag", "tdag"]
    assert first.mandate.action == "continue to assist ISCG"
    assert first.mandate.modality == "invites"
    assert _ids(second.addressees) == ["director-br", "director-tsb", "director-bdt", "isc-tf"]

    instructs = _section(
        pp, "instructs the Secretary-General and the Directors of the three Bureaux"
    )
    assert _ids(instructs.addressees) == [
        "secretary-general",
        "director-bdt",
        "director-br",
        "director-tsb",
    ]
    assert instructs.clauses[0].mandate.action == "continue to create cooperation mechanisms"

    to_instruct = next(s for s in pp.sections if s.heading.startswith("resolves to instruct"))
    assert to_instruct.modality == "instructs"
    assert _ids(to_instruct.addressees) == ["director-bdt"]
    assert _ids(to_instruct.collaborators) == ["director-tsb"]
    mandate = to_instruct.clauses[0].mandate
    assert mandate.modality == "instructs"
    assert set(mandate.topics) == {"artificial-intelligence", "imt", "developing-countries"}

    resolves = _section(pp, "resolves")
    assert _ids(_clause(resolves, "1").addressees) == ["rag", "tsag", "tdag"]  # not ISCG
    assert _clause(resolves, "1").topics == ["climate-change"]
    assert _clause(resolves, "3").mandate is None  # no addressee named
    member_states = _section(pp, "invites Member States and Sector Members")
    assert member_states.clauses[0].mandate.action == (
        "take into account the specific functions of each Sector"
    )


def test_fixture_citations_and_references(pp):
    recalling = _section(pp, "recalling")
    cited = [
        [(c.work_id, c.version_id) for c in clause.cites_resolutions]
        for clause in recalling.clauses
    ]
    assert cited == [
        [("pp/71", "pp/71/bucharest-2022")],
        [("ra/55", "ra/55/dubai-2023"), ("wtsa/34", "wtsa/34/new-delhi-2024")],
        [("wtdc/5", "wtdc/5/baku-2025"), ("wtdc/34", "wtdc/34/baku-2025")],
        [("wtdc/37", None)],
        [("pp/136", None)],
    ]
    resolves = _section(pp, "resolves")
    assert [(r.kind, r.label) for r in _clause(resolves, "2 ii)").refers_to] == [
        ("annex", "1"),
        ("annex", "2"),
    ]
    instructs = _section(
        pp, "instructs the Secretary-General and the Directors of the three Bureaux"
    )
    (reference,) = instructs.clauses[1].refers_to
    assert (reference.kind, reference.label) == ("clause", "2")
    assert pp.sections[reference.section].heading == "resolves"
    annex_item = pp.annexes[0].items[1]
    assert [(r.kind, r.label) for r in annex_item.refers_to] == [("clause", "1")]


def test_fixture_of_a_sector_assembly(sector):
    resolves = _section(sector, "resolves")
    first = _clause(resolves, "1")
    assert _ids(first.addressees) == ["director-br"]
    assert _ids(first.collaborators) == ["itu-r-study-groups"]
    assert _ids(_section(sector, "instructs the study groups").addressees) == ["itu-r-study-groups"]
    chairs = _section(sector, "instructs the Chairs of the Study Groups and the Director")
    assert _ids(chairs.addressees) == ["itu-r-study-group-chairs", "director-br"]
    bare = _section(sector, "invites")
    assert [_ids(c.addressees) for c in bare.clauses] == [["itu-t-study-groups"], ["director-tsb"]]
    assert bare.clauses[1].mandate.action == "report annually"
    (citation,) = sector.sections[0].clauses[0].cites_resolutions
    assert (citation.body, citation.number, citation.revision_year) == ("wrc", "18", 2015)


def test_fixture_graph_holds_mandates_citations_and_provisions(pp):
    graph = documents_graph([parse_inputs([ANNOTATE / "pp_mandates.txt"])[0]])
    version = f"{RES}pp/140/doha-2026"
    mandate = URIRef(f"{version}/invites/1/mandate")
    assert (mandate, ITU.expressedBy, URIRef(f"{version}/invites/1")) in graph
    assert (mandate, ITU.addressee, URIRef(BODY + "tdag")) in graph
    assert (mandate, ITU.action, Literal("continue to assist ISCG")) in graph
    assert (
        mandate,
        ITU.modality,
        URIRef("https://w3id.org/itukg/id/section-kind/invites"),
    ) in graph
    clause = URIRef(f"{version}/recalling/a")
    cited = URIRef(f"{RES}pp/71/bucharest-2022")
    assert (clause, ITU.citesResolution, cited) in graph
    assert (clause, ITU.citesWork, URIRef(f"{RES}pp/71")) in graph
    assert (cited, ITU.inferred, Literal(True)) in graph  # known only from the citation
    provision = URIRef("https://w3id.org/itukg/id/provision/cv/152")
    assert (URIRef(f"{version}/considering/b"), ITU.citesProvision, provision) in graph
    assert (provision, ITU.instrument, ITU.Convention) in graph
    item = URIRef(f"{version}/annex/1/a")
    assert (item, ITU.refersTo, URIRef(f"{version}/resolves/1")) in graph


# --- the corpus document ---------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus():
    (document,) = parse_inputs([CORPUS])
    return {r.id: r for r in document.resolutions}


HEADING_ADDRESSEES = {
    "pp/191/doha-2026": {
        "instructs the Secretary-General": ["secretary-general"],
        "instructs the ITU Council": ["council"],
        "instructs the Secretary-General and the Directors of the three Bureaux": [
            "secretary-general",
            "director-bdt",
            "director-br",
            "director-tsb",
        ],
        "instructs the study groups of all Sectors": [
            "itu-d-study-groups",
            "itu-r-study-groups",
            "itu-t-study-groups",
        ],
        "invites Member States and Sector Members": ["member-states", "sector-members"],
    },
    "ra/75/dubai-2023": {
        "invites the Directors of the Bureaux": ["director-bdt", "director-br", "director-tsb"],
        "instructs the Radiocommunication Study Groups": ["itu-r-study-groups"],
        "instructs the Chairs of the Study Groups and the Director of the Radiocommunication "
        "Bureau": ["itu-r-study-group-chairs", "director-br"],
        "invites Member States and Sector Members": ["member-states", "sector-members"],
    },
    "wtsa/18/new-delhi-2024": {
        "instructs the study groups of the ITU Telecommunication Standardization Sector and the "
        "Director of the Telecommunication Standardization Bureau": [
            "itu-t-study-groups",
            "director-tsb",
        ],
        "invites Member States and Sector Members": ["member-states", "sector-members"],
    },
    "wtdc/59/baku-2025": {
        "invites the Telecommunication Development Advisory Group, the Radiocommunication "
        "Advisory Group and the Telecommunication Standardization Advisory Group": [
            "tdag",
            "rag",
            "tsag",
        ],
        "invites the Director of the Telecommunication Development Bureau, the Director of the "
        "Radiocommunication Bureau and the Director of the Telecommunication Standardization "
        "Bureau": ["director-bdt", "director-br", "director-tsb"],
        "instructs the Director of the Telecommunication Development Bureau": ["director-bdt"],
        "instructs the ITU Telecommunication Development Sector study groups": [
            "itu-d-study-groups"
        ],
        "invites Member States and Sector Members": ["member-states", "sector-members"],
    },
}


def test_corpus_every_operative_heading_has_its_addressees(corpus):
    for version, expected in HEADING_ADDRESSEES.items():
        resolution = corpus[version]
        for section in resolution.sections:
            if section.kind != "operative":
                continue
            if section.heading in expected:
                assert _ids(section.addressees) == expected[section.heading], section.heading
            elif section.addressee_text and "collaboration" not in section.addressee_text:
                pytest.fail(f"{version}: heading not covered: {section.heading}")
            elif not section.addressee_text:
                assert section.addressees == []
                # a bare heading: each clause names its own addressee, or none
                for clause in section.clauses:
                    if section.modality != "resolves":
                        assert clause.addressees, (version, section.heading, clause.label)


def test_corpus_collaborators_of_headings(corpus):
    ra = corpus["ra/75/dubai-2023"]
    heading = next(s for s in ra.sections if "in collaboration with" in s.heading)
    assert (_ids(heading.addressees), _ids(heading.collaborators)) == (["tdag"], ["rag", "tsag"])
    wtdc = corpus["wtdc/59/baku-2025"]
    heading = next(
        s for s in wtdc.sections if "in collaboration with the Secretary-General" in s.heading
    )
    assert _ids(heading.addressees) == ["director-bdt"]
    assert _ids(heading.collaborators) == ["secretary-general", "director-br", "director-tsb"]
    instructs = next(s for s in wtdc.sections if s.heading.startswith("instructs the Director"))
    assert _ids(instructs.clauses[0].collaborators) == ["director-tsb", "director-br"]


def test_corpus_bare_headings_name_addressees_in_clauses(corpus):
    draft = corpus["pp/191/doha-2026"]
    invites = next(s for s in draft.sections if s.heading == "invites")
    assert [_ids(c.addressees) for c in invites.clauses] == [
        ["rag", "tsag", "tdag"],
        ["director-br", "director-tsb", "director-bdt", "isc-tf"],
    ]
    wtsa = corpus["wtsa/18/new-delhi-2024"]
    instructs = next(s for s in wtsa.sections if s.heading == "instructs")
    assert [_ids(c.addressees) for c in instructs.clauses] == [
        ["itu-t-study-groups"],
        ["director-tsb"],
    ]
    assert instructs.clauses[1].mandate.action == "report annually"


def _recalled(resolution, heading: str) -> list[list[str]]:
    section = next(s for s in resolution.sections if s.heading == heading)
    return [[c.version_id or c.work_id for c in cl.cites_resolutions] for cl in section.clauses]


def test_corpus_recalling_sections_cite_their_resolutions(corpus):
    assert _recalled(corpus["pp/191/doha-2026"], "recalling") == [
        ["pp/71/bucharest-2022"],
        ["ra/75/dubai-2023", "ra/7/sharm-el-sheikh-2019"],
        ["wtsa/18/new-delhi-2024"],
        ["wtdc/5/baku-2025"],
        ["wtdc/59/baku-2025"],
        [],
    ]
    assert _recalled(corpus["pp/191/bucharest-2022"], "noting") == [
        ["pp/71/bucharest-2022"],
        ["ra/6/sharm-el-sheikh-2019", "ra/7/sharm-el-sheikh-2019"],
        ["wtsa/18/geneva-2022"],
        ["wtdc/5/kigali-2022"],
        ["wtdc/59/kigali-2022"],
        [],
    ]
    assert _recalled(corpus["ra/75/dubai-2023"], "recalling") == [
        [],
        ["pp/191/bucharest-2022"],
        ["pp/123/bucharest-2022"],
        ["wtsa/18/geneva-2022"],
        ["wtdc/59/kigali-2022"],
        ["wtsa/44/geneva-2022"],
        ["wtdc/5/kigali-2022"],
    ]
    assert _recalled(corpus["wtsa/18/new-delhi-2024"], "recalling") == [
        [],
        ["pp/191/bucharest-2022"],
        ["ra/75/dubai-2023"],
        ["wtdc/59/kigali-2022"],
        ["wtsa/44/new-delhi-2024"],
        ["wtdc/5/kigali-2022"],
    ]
    assert _recalled(corpus["wtdc/59/baku-2025"], "recalling") == [
        ["pp/123/bucharest-2022"],
        ["pp/191/bucharest-2022"],
        [],
        ["wtdc/5/baku-2025"],
        ["ra/75/dubai-2023"],
        ["wtsa/44/new-delhi-2024"],
        ["wtsa/18/new-delhi-2024"],
    ]


def test_corpus_provisions_are_expanded(corpus):
    expected = ["cs/119", *(f"cv/{n}" for n in (151, 152, 153, 154, 193, 211, 214, 215))]
    for version, heading, label in [
        ("pp/191/doha-2026", "considering", "c)"),
        ("ra/75/dubai-2023", "recalling", "a)"),
        ("wtsa/18/new-delhi-2024", "recalling", "a)"),
        ("wtdc/59/baku-2025", "recalling", "c)"),
    ]:
        section = next(s for s in corpus[version].sections if s.heading == heading)
        clause = next(c for c in section.clauses if c.label == label)
        assert [p.id for p in clause.cites_provisions] == expected, version
    draft = corpus["pp/191/doha-2026"]
    annex_2 = next(a for a in draft.annexes if a.label == "2")
    numbers = [p.id for item in annex_2.items for p in item.cites_provisions]
    assert numbers == [f"cs/{n}" for n in (86, 87, 88, 110, 111, 112, 134, 135, 136)]
    ra_annex_3 = next(a for a in corpus["ra/75/dubai-2023"].annexes if a.label == "3")
    numbers = [p.id for item in ra_annex_3.items for p in item.cites_provisions]
    assert numbers == [f"cs/{n}" for n in (86, 87, 88, 110, 111, 112)]


def test_corpus_internal_references(corpus):
    ra = corpus["ra/75/dubai-2023"]
    invites = next(s for s in ra.sections if s.heading == "invites the Directors of the Bureaux")
    (reference,) = invites.clauses[1].refers_to
    assert (reference.kind, reference.label, ra.sections[reference.section].heading) == (
        "clause",
        "3",
        "resolves",
    )
    resolves = next(s for s in ra.sections if s.heading == "resolves")
    assert [(r.kind, r.label) for r in _clause(resolves, "3 c)").refers_to] == [
        ("annex", "3"),
        ("annex", "4"),
    ]
    wtsa = corpus["wtsa/18/new-delhi-2024"]
    annex_b = next(a for a in wtsa.annexes if a.label == "B")
    # "With respect to resolves 2 ii) of Resolution 18 (Rev. New Delhi, 2024)": its own clause
    assert [(r.kind, r.label) for r in annex_b.items[0].refers_to] == [("clause", "2 ii)")]
    assert annex_b.items[0].cites_resolutions == []


def test_corpus_mandates_and_topics(corpus):
    draft = corpus["pp/191/doha-2026"]
    mandates = [c.mandate for s in draft.sections for c in s.clauses if c.mandate]
    actions = {m.action for m in mandates}
    assert {"continue to create cooperation mechanisms", "report annually"} <= actions
    assert "identify subjects of potential common interest" in actions
    study_groups = next(s for s in draft.sections if s.heading.endswith("of all Sectors"))
    assert study_groups.clauses[0].mandate.topics == ["resource-efficiency"]
    ra = corpus["ra/75/dubai-2023"]
    recognizing = next(s for s in ra.sections if s.heading == "recognizing")
    topics = set(_clause(recognizing, "d)").topics)
    assert {"spectrum-management", "digital-broadcasting", "climate-change"} <= topics


def test_corpus_json_has_mandates_topics_and_collaborators():
    result = run_cli("parse", str(CORPUS))
    assert result.returncode == 0, result.stderr
    resolutions = json.loads(result.stdout)["documents"][0]["resolutions"]
    wtdc = next(r for r in resolutions if r["id"] == "wtdc/59/baku-2025")
    assert wtdc["mandates"] and "topics" in wtdc
    first = wtdc["mandates"][0]
    assert {"section", "heading", "clause", "line", "modality", "addressees", "action"} <= set(
        first
    )
    assert any(s["collaborators"] for s in wtdc["sections"])
    recalling = wtdc["sections"][0]["clauses"][0]
    assert recalling["cites_resolutions"][0]["version"] == "pp/123/bucharest-2022"


def test_corpus_graph_links_citations_to_parsed_versions(corpus):
    graph: Graph = documents_graph([parse_inputs([CORPUS])[0]])
    cited = URIRef(f"{RES}pp/191/bucharest-2022")
    citing = {
        "/".join(str(s).removeprefix(RES).split("/")[:3])
        for s in graph.subjects(ITU.citesResolution, cited)
    }
    assert citing == {"ra/75/dubai-2023", "wtsa/18/new-delhi-2024", "wtdc/59/baku-2025"}
    assert (cited, ITU.inferred, Literal(True)) not in graph  # it was read, not inferred
    assert (URIRef(f"{RES}wtsa/44/geneva-2022"), ITU.inferred, Literal(True)) in graph
