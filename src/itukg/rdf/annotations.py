"""RDF for what the annotator found: addressees, collaborators, mandates, citations,
internal references and topics.

A cited resolution version that no input holds becomes an external node: its work
and version are typed and labelled, marked itu:inferred, and linked to the session
that adopted it when the ontology knows it. Provisions are nodes of their own
(…/id/provision/cs/119), shared by every text that cites them.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef

from itukg.enums import TextKind
from itukg.model import (
    ActorRef,
    AnnexItem,
    Clause,
    ExternalCitation,
    InternalReference,
    Mandate,
    ProvisionCitation,
    ResolutionCitation,
)
from itukg.namespaces import (
    BODY,
    EXTERNAL,
    PROVISION,
    RESOLUTION,
    SECTION_KIND,
    SECTOR,
    SESSION,
    TOPIC,
)
from itukg.ontology import Vocabulary, load_vocabulary
from itukg.vocabulary import ITU as ITU_TERMS

KIND = Namespace(SECTION_KIND)  # section kinds and modalities are data: …/id/section-kind/


def resolution_name(
    body_id: str, number: str, vocabulary: Vocabulary, kind: TextKind = TextKind.RESOLUTION
) -> str:
    """'PP Resolution 191', 'Resolution ITU-R 75' (a Sector prefix comes from the ontology),
    'PP Decision 5'."""
    body = vocabulary.actors.get(body_id)
    word = kind.title()
    if body and body.resolution_prefixes:
        return f"{word} {body.resolution_prefixes[0]} {number}"
    acronym = vocabulary.acronym_of(body_id) if body else body_id.upper()
    return f"{acronym} {word} {number}"


def actor_iri(actor_id: str) -> URIRef:
    """A body's IRI, or a Sector's when the Sector itself is addressed ('invites ITU-T')."""
    actor = load_vocabulary().actors.get(actor_id)
    return URIRef(actor.iri if actor else BODY + actor_id)


def add_actors(graph: Graph, node: URIRef, prop: URIRef, actors: list[ActorRef]) -> None:
    for actor in actors:
        graph.add((node, prop, actor_iri(actor.id)))


def add_revision(
    graph: Graph,
    node: URIRef,
    place: str | None,
    year: int | None,
    body_id: str | None = None,
    vocabulary: Vocabulary | None = None,
) -> None:
    """The revision a version or a citation states (Rev. Bucharest, 2022): its place and
    year; for a version, given its body, also the session of that body the ontology knows
    at that place in that year, as itu:adoptedAt."""
    if place:
        graph.add((node, ITU_TERMS.revisionPlace, Literal(place)))
    if year is not None:
        graph.add((node, ITU_TERMS.revisionYear, Literal(year, datatype=XSD.integer)))
        if body_id is not None and vocabulary is not None:
            session = vocabulary.session(body_id, year)
            if session and session.place == place:
                graph.add((node, ITU_TERMS.adoptedAt, URIRef(SESSION + session.id)))


def add_topics(graph: Graph, node: URIRef, topics: list[str]) -> None:
    for topic in topics:
        graph.add((node, ITU_TERMS.topic, URIRef(TOPIC + topic)))


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
        graph.add((node, ITU_TERMS.citesWork, work))
        written = URIRef(f"{node}/citation/{order}")
        graph.add((node, ITU_TERMS.hasCitation, written))
        graph.add((written, RDF.type, ITU_TERMS.Citation))
        graph.add((written, ITU_TERMS.citedAs, Literal(citation.text)))
        graph.add((written, ITU_TERMS.citedWork, work))
        graph.add((written, ITU_TERMS.citedBody, URIRef(BODY + citation.body)))
        graph.add((written, ITU_TERMS.number, Literal(citation.number)))
        add_revision(graph, written, citation.revision_place, citation.revision_year)
        if citation.version_id:
            version = URIRef(RESOLUTION + citation.version_id)
            graph.add((node, ITU_TERMS.citesResolution, version))
            graph.add((written, ITU_TERMS.citedVersion, version))
            if externals and citation.version_id not in known_versions:
                _add_external(graph, citation, work, version, vocabulary)
        elif externals and (work, RDF.type, ITU_TERMS.Resolution) not in graph:
            # a work read from a text later states the same label, number and body
            _add_external_work(graph, citation, work, vocabulary)
    for order, provision in enumerate(source.cites_provisions, start=1):
        target = _add_provision(graph, provision)
        graph.add((node, ITU_TERMS.citesProvision, target))
        if provision.relating_to:
            written = URIRef(f"{node}/provision-citation/{order}")
            graph.add((node, ITU_TERMS.hasProvisionCitation, written))
            graph.add((written, RDF.type, ITU_TERMS.ProvisionCitation))
            graph.add((written, ITU_TERMS.provision, target))
            graph.add((written, ITU_TERMS.citedAs, Literal(provision.text)))
            graph.add((written, ITU_TERMS.relatingToText, Literal(provision.relating_to)))
            if provision.relating_to in vocabulary.sectors:
                sector = URIRef(SECTOR + provision.relating_to)
                graph.add((written, ITU_TERMS.citedRelatingTo, sector))
    for external in source.cites_external:
        graph.add((node, ITU_TERMS.citesExternal, _add_external_instrument(graph, external)))
    for reference in source.refers_to:
        if not reference.resolved:
            graph.add((node, ITU_TERMS.unresolvedReference, Literal(reference.text)))
    add_topics(graph, node, source.topics)


def _add_external_work(
    graph: Graph, citation: ResolutionCitation, work: URIRef, vocabulary: Vocabulary
) -> None:
    graph.add((work, RDF.type, ITU_TERMS.Resolution))
    if citation.kind is not TextKind.RESOLUTION:
        graph.add((work, RDF.type, ITU_TERMS[citation.kind.title()]))
    graph.add(
        (
            work,
            RDFS.label,
            Literal(resolution_name(citation.body, citation.number, vocabulary, citation.kind)),
        )
    )
    graph.add((work, ITU_TERMS.number, Literal(citation.number)))
    graph.add((work, ITU_TERMS.enactedBy, URIRef(BODY + citation.body)))


def _add_external(
    graph: Graph,
    citation: ResolutionCitation,
    work: URIRef,
    version: URIRef,
    vocabulary: Vocabulary,
) -> None:
    _add_external_work(graph, citation, work, vocabulary)
    name = resolution_name(citation.body, citation.number, vocabulary, citation.kind)
    dated = ", ".join(str(p) for p in (citation.revision_place, citation.revision_year) if p)
    graph.add((work, ITU_TERMS.hasVersion, version))
    graph.add((version, RDF.type, ITU_TERMS.ResolutionVersion))
    graph.add((version, ITU_TERMS.versionOf, work))
    graph.add((version, RDFS.label, Literal(f"{name} ({dated})")))
    graph.add((version, ITU_TERMS.number, Literal(citation.number)))
    graph.add((version, ITU_TERMS.inferred, Literal(True)))
    add_revision(
        graph, version, citation.revision_place, citation.revision_year, citation.body, vocabulary
    )


_EXTERNAL_NAMES = {
    "un-resolution": "United Nations resolution {}",
    "sector-recommendation": "Recommendation {}",
    "regulations": "{}",
    "treaty": "{}",
    "outcome": "{}",
}
_REGULATIONS = {"RR": "Radio Regulations", "ITR": "International Telecommunication Regulations"}


def _add_external_instrument(graph: Graph, citation: ExternalCitation) -> URIRef:
    node = URIRef(EXTERNAL + citation.id)
    name = _REGULATIONS.get(citation.identifier, citation.identifier)
    if citation.identifier.startswith("RR No. "):  # a provision of the Radio Regulations
        name = _REGULATIONS["RR"] + citation.identifier[2:]
    graph.add((node, RDF.type, ITU_TERMS.ExternalInstrument))
    graph.add((node, ITU_TERMS.instrumentKind, Literal(citation.kind)))
    graph.add((node, ITU_TERMS.identifier, Literal(citation.identifier)))
    graph.add((node, RDFS.label, Literal(_EXTERNAL_NAMES[citation.kind].format(name))))
    return node


def _add_provision(graph: Graph, citation: ProvisionCitation) -> URIRef:
    node = URIRef(PROVISION + citation.id)
    instrument = ITU_TERMS.Constitution if citation.instrument == "CS" else ITU_TERMS.Convention
    written = (
        f"Article {citation.number}" if citation.kind == "article" else f"No. {citation.number}"
    )
    graph.add((node, RDF.type, ITU_TERMS.Provision))
    graph.add((node, ITU_TERMS.instrument, instrument))
    graph.add((node, ITU_TERMS.number, Literal(citation.number)))
    graph.add((node, ITU_TERMS.provisionKind, Literal(citation.kind)))
    digits = "".join(ch for ch in citation.number if ch.isdigit())
    if digits and citation.kind == "number":
        graph.add((node, ITU_TERMS.numberValue, Literal(int(digits), datatype=XSD.integer)))
    graph.add((node, RDFS.label, Literal(f"{citation.instrument} {written}")))
    if citation.in_article:
        graph.add((node, ITU_TERMS.inArticle, Literal(citation.in_article)))
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
            graph.add((node, ITU_TERMS.refersTo, target))


def add_mandate(
    graph: Graph, clause_node: URIRef, mandate: Mandate, vocabulary: Vocabulary
) -> None:
    node = URIRef(f"{clause_node}/mandate")
    graph.add((node, RDF.type, ITU_TERMS.Mandate))
    graph.add((node, ITU_TERMS.expressedBy, clause_node))
    graph.add((node, ITU_TERMS.modality, KIND[mandate.modality]))
    if mandate.action:
        graph.add((node, ITU_TERMS.action, Literal(mandate.action)))
    add_actors(graph, node, ITU_TERMS.addressee, mandate.addressees)
    add_actors(graph, node, ITU_TERMS.collaborator, mandate.collaborators)
    add_topics(graph, node, mandate.topics)
    sectors = {
        s
        for a in mandate.addressees
        if a.id in vocabulary.actors
        for s in vocabulary.actors[a.id].sectors
    }
    for sector in sorted(sectors):
        graph.add((node, ITU_TERMS.relatesToSector, URIRef(SECTOR + sector)))
