"""RDF for what the annotator found: addressees, collaborators, mandates, citations,
internal references and topics.

A cited resolution version that no input holds becomes an external node: its work
and version are typed and labelled, marked itu:inferred, and linked to the session
that adopted it when the ontology knows it. Provisions are nodes of their own
(…/id/provision/cs/119), shared by every text that cites them.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef

from itukg.model import (
    ActorRef,
    AnnexItem,
    Clause,
    InternalReference,
    Mandate,
    ProvisionCitation,
    ResolutionCitation,
)
from itukg.namespaces import BODY, ITU, PROVISION, RESOLUTION, SECTION_KIND, SECTOR, SESSION, TOPIC
from itukg.ontology import Vocabulary

ONT = Namespace(ITU)
KIND = Namespace(SECTION_KIND)


def resolution_name(body_id: str, number: str, vocabulary: Vocabulary) -> str:
    """'PP Resolution 191', 'Resolution ITU-R 75' (a Sector prefix comes from the ontology)."""
    body = vocabulary.actors.get(body_id)
    if body and body.resolution_prefixes:
        return f"Resolution {body.resolution_prefixes[0]} {number}"
    acronym = vocabulary.acronym_of(body_id) if body else body_id.upper()
    return f"{acronym} Resolution {number}"


def add_actors(graph: Graph, node: URIRef, prop: URIRef, actors: list[ActorRef]) -> None:
    for actor in actors:
        graph.add((node, prop, URIRef(BODY + actor.id)))


def add_topics(graph: Graph, node: URIRef, topics: list[str]) -> None:
    for topic in topics:
        graph.add((node, ONT.topic, URIRef(TOPIC + topic)))


def add_citations(
    graph: Graph,
    node: URIRef,
    source: Clause | AnnexItem,
    known_versions: set[str],
    vocabulary: Vocabulary,
    externals: bool = True,
) -> None:
    for order, citation in enumerate(source.cites_resolutions, start=1):
        work = URIRef(RESOLUTION + citation.work_id)
        graph.add((node, ONT.citesWork, work))
        written = URIRef(f"{node}/citation/{order}")
        graph.add((node, ONT.hasCitation, written))
        graph.add((written, RDF.type, ONT.Citation))
        graph.add((written, ONT.citedAs, Literal(citation.text)))
        graph.add((written, ONT.citedWork, work))
        graph.add((written, ONT.citedBody, URIRef(BODY + citation.body)))
        graph.add((written, ONT.number, Literal(citation.number)))
        if citation.revision_place:
            graph.add((written, ONT.revisionPlace, Literal(citation.revision_place)))
        if citation.revision_year is not None:
            year = Literal(citation.revision_year, datatype=XSD.integer)
            graph.add((written, ONT.revisionYear, year))
        if citation.version_id:
            version = URIRef(RESOLUTION + citation.version_id)
            graph.add((node, ONT.citesResolution, version))
            graph.add((written, ONT.citedVersion, version))
            if externals and citation.version_id not in known_versions:
                _add_external(graph, citation, work, version, vocabulary)
        elif externals and (work, RDF.type, ONT.Resolution) not in graph:
            # a work read from a text later states the same label, number and body
            _add_external_work(graph, citation, work, vocabulary)
    for order, provision in enumerate(source.cites_provisions, start=1):
        target = _add_provision(graph, provision)
        graph.add((node, ONT.citesProvision, target))
        if provision.relating_to:
            written = URIRef(f"{node}/provision-citation/{order}")
            graph.add((node, ONT.hasProvisionCitation, written))
            graph.add((written, RDF.type, ONT.ProvisionCitation))
            graph.add((written, ONT.provision, target))
            graph.add((written, ONT.citedAs, Literal(provision.text)))
            graph.add((written, ONT.relatingToText, Literal(provision.relating_to)))
            if provision.relating_to in vocabulary.sectors:
                sector = URIRef(SECTOR + provision.relating_to)
                graph.add((written, ONT.citedRelatingTo, sector))
    for reference in source.refers_to:
        if not reference.resolved:
            graph.add((node, ONT.unresolvedReference, Literal(reference.text)))
    add_topics(graph, node, source.topics)


def _add_external_work(
    graph: Graph, citation: ResolutionCitation, work: URIRef, vocabulary: Vocabulary
) -> None:
    graph.add((work, RDF.type, ONT.Resolution))
    graph.add(
        (work, RDFS.label, Literal(resolution_name(citation.body, citation.number, vocabulary)))
    )
    graph.add((work, ONT.number, Literal(citation.number)))
    graph.add((work, ONT.enactedBy, URIRef(BODY + citation.body)))


def _add_external(
    graph: Graph,
    citation: ResolutionCitation,
    work: URIRef,
    version: URIRef,
    vocabulary: Vocabulary,
) -> None:
    _add_external_work(graph, citation, work, vocabulary)
    name = resolution_name(citation.body, citation.number, vocabulary)
    dated = ", ".join(str(p) for p in (citation.revision_place, citation.revision_year) if p)
    graph.add((work, ONT.hasVersion, version))
    graph.add((version, RDF.type, ONT.ResolutionVersion))
    graph.add((version, ONT.versionOf, work))
    graph.add((version, RDFS.label, Literal(f"{name} ({dated})")))
    graph.add((version, ONT.number, Literal(citation.number)))
    graph.add((version, ONT.inferred, Literal(True)))
    if citation.revision_place:
        graph.add((version, ONT.revisionPlace, Literal(citation.revision_place)))
    if citation.revision_year is not None:
        graph.add(
            (version, ONT.revisionYear, Literal(citation.revision_year, datatype=XSD.integer))
        )
        session = vocabulary.session(citation.body, citation.revision_year)
        if session and session.place == citation.revision_place:
            graph.add((version, ONT.adoptedAt, URIRef(SESSION + session.id)))


def _add_provision(graph: Graph, citation: ProvisionCitation) -> URIRef:
    node = URIRef(PROVISION + citation.id)
    instrument = ONT.Constitution if citation.instrument == "CS" else ONT.Convention
    written = (
        f"Article {citation.number}" if citation.kind == "article" else f"No. {citation.number}"
    )
    graph.add((node, RDF.type, ONT.Provision))
    graph.add((node, ONT.instrument, instrument))
    graph.add((node, ONT.number, Literal(citation.number)))
    graph.add((node, ONT.provisionKind, Literal(citation.kind)))
    digits = "".join(ch for ch in citation.number if ch.isdigit())
    if digits and citation.kind == "number":
        graph.add((node, ONT.numberValue, Literal(int(digits), datatype=XSD.integer)))
    graph.add((node, RDFS.label, Literal(f"{citation.instrument} {written}")))
    return node


def add_references(
    graph: Graph,
    node: URIRef,
    references: list[InternalReference],
    section_clauses: list[dict[str, URIRef]],
    annexes: dict[str, URIRef],
) -> None:
    for reference in references:
        if not reference.resolved:
            continue
        if reference.kind == "annex":
            target = annexes.get(reference.label)
        elif reference.section is not None and reference.section < len(section_clauses):
            target = section_clauses[reference.section].get(reference.label)
        else:
            target = None
        if target is not None and target != node:
            graph.add((node, ONT.refersTo, target))


def add_mandate(
    graph: Graph, clause_node: URIRef, mandate: Mandate, vocabulary: Vocabulary
) -> None:
    node = URIRef(f"{clause_node}/mandate")
    graph.add((node, RDF.type, ONT.Mandate))
    graph.add((node, ONT.expressedBy, clause_node))
    graph.add((node, ONT.modality, KIND[mandate.modality]))
    if mandate.action:
        graph.add((node, ONT.action, Literal(mandate.action)))
    add_actors(graph, node, ONT.addressee, mandate.addressees)
    add_actors(graph, node, ONT.collaborator, mandate.collaborators)
    add_topics(graph, node, mandate.topics)
    sectors = {
        s
        for a in mandate.addressees
        if a.id in vocabulary.actors
        for s in vocabulary.actors[a.id].sectors
    }
    for sector in sorted(sectors):
        graph.add((node, ONT.relatesToSector, URIRef(SECTOR + sector)))
