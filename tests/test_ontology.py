"""The ontology: well-formed Turtle, documented files, complete bodies, consistent under HermiT."""

from __future__ import annotations

import pytest
import rdflib
from conftest import FIXTURES
from rdflib.namespace import RDF, SKOS

from itukg.namespaces import BODY, ITU, SECTOR
from itukg.ontology import ontology_dir, ontology_files

ONT = rdflib.Namespace(ITU)


def _graph(extra: list | None = None) -> rdflib.Graph:
    graph = rdflib.Graph()
    for path in ontology_files() + (extra or []):
        graph.parse(path, format="turtle")
    return graph


def test_every_file_has_a_header():
    files = ontology_files()
    assert {p.name for p in files} >= {
        "core.ttl",
        "alignment.ttl",
        "bodies.ttl",
        "sectors.ttl",
        "sessions.ttl",
        "sections.ttl",
        "topics.ttl",
    }
    for path in files:
        head = path.read_text(encoding="utf-8")[:1500]
        for key in ("title:", "version:", "scope:"):
            assert key in head, f"{path.name} lacks '{key}' in its header"


def test_every_body_has_labels_and_a_sector():
    graph = _graph()
    bodies = {s for s in graph.subjects(RDF.type, None) if str(s).startswith(BODY)}
    assert len(bodies) >= 30
    for body in bodies:
        assert len(list(graph.objects(body, SKOS.prefLabel))) == 1, body
        sectors = list(graph.objects(body, ONT.belongsToSector))
        if body == rdflib.URIRef(BODY + "unstated"):  # a page that names no body: no Sector either
            assert sectors == []
            continue
        assert sectors and all(str(s).startswith(SECTOR) for s in sectors), body


def test_required_bodies_are_there_with_their_kinds(vocabulary):
    expected = {
        "pp": "Conference",
        "ra": "Assembly",
        "wrc": "Conference",
        "wtsa": "Assembly",
        "wtdc": "Conference",
        "council": "Council",
        "rag": "AdvisoryGroup",
        "tsag": "AdvisoryGroup",
        "tdag": "AdvisoryGroup",
        "br": "Bureau",
        "tsb": "Bureau",
        "bdt": "Bureau",
        "iscg": "CoordinationGroup",
        "isc-tf": "CoordinationGroup",
        "icg": "CoordinationGroup",
        "irg": "CoordinationGroup",
        "secretary-general": "Official",
        "deputy-secretary-general": "Official",
        "director-br": "Director",
        "director-tsb": "Director",
        "director-bdt": "Director",
        "member-states": "Membership",
        "sector-members": "Membership",
        "general-secretariat": "Secretariat",
        "itu-r-study-groups": "StudyGroups",
        "itu-t-study-groups": "StudyGroups",
        "itu-d-study-groups": "StudyGroups",
        "regional-office-africa": "RegionalOffice",
    }
    for body, cls in expected.items():
        assert cls in vocabulary.actors[body].classes, body
    assert "Director of TSB" in vocabulary.actors["director-tsb"].alt_labels
    assert vocabulary.actors["tsag"].acronyms == ("TSAG",)
    assert vocabulary.actors["tsb"].sectors == ("itu-t",)


def test_sessions_date_revisions(vocabulary):
    assert vocabulary.session("pp", 2022).place == "Bucharest"
    assert vocabulary.session("wtsa", 2024).place == "New Delhi"
    assert vocabulary.session("ra", 2019).place == "Sharm el-Sheikh"
    assert vocabulary.canonical_place("SHARM EL-SHEIKH") == "Sharm el-Sheikh"


def test_alignment_to_shared_vocabularies():
    graph = _graph()
    eli = rdflib.Namespace("http://data.europa.eu/eli/ontology#")
    assert (ONT.Resolution, rdflib.RDFS.subClassOf, eli.LegalResource) in graph
    assert (ONT.ResolutionVersion, rdflib.RDFS.subClassOf, eli.LegalExpression) in graph
    assert (ONT.citesResolution, rdflib.RDFS.subPropertyOf, eli.cites) in graph
    assert (
        ONT.supersedes,
        rdflib.RDFS.subPropertyOf,
        rdflib.URIRef("http://www.w3.org/ns/prov#wasRevisionOf"),
    ) in graph


def _reason(graph: rdflib.Graph, tmp_path) -> None:
    from owlready2 import World, sync_reasoner

    path = tmp_path / "ontology.nt"
    graph.serialize(destination=str(path), format="nt", encoding="utf-8")
    world = World()
    onto = world.get_ontology(path.as_uri()).load()
    with onto:
        sync_reasoner(world, infer_property_values=False, debug=0)


@pytest.mark.java
def test_ontology_is_consistent_under_hermit(tmp_path):
    _reason(_graph(), tmp_path)  # raises OwlReadyInconsistentOntologyError if not


@pytest.mark.java
def test_reasoner_catches_an_inconsistent_ontology(tmp_path):
    from owlready2 import OwlReadyInconsistentOntologyError

    with pytest.raises(OwlReadyInconsistentOntologyError):
        _reason(_graph([FIXTURES / "ontology" / "inconsistent.ttl"]), tmp_path)


def test_ontology_dir_is_the_repository_folder():
    assert (ontology_dir() / "core.ttl").is_file()
