"""Build RDF from the document model, in the ontology's terms, with readable stable IRIs.

IRIs (DESIGN.md): …/id/resolution/pp/191 (work), …/pp/191/bucharest-2022 (version),
…/bucharest-2022/resolves/3/ii (clause), …/bucharest-2022/annex/2 (annex). A section
is named by its kind, with -2, -3 … when a kind repeats (several 'instructs').
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from itukg.enums import Status, TextKind
from itukg.model import Annex, AnnexItem, Clause, Document, Resolution, Section
from itukg.namespaces import BODY, DOCUMENT, PREFIXES, RESOLUTION, slug
from itukg.ontology import Vocabulary, load_vocabulary
from itukg.parse.labels import letter_value, split_label
from itukg.rdf.annotations import (
    KIND,
    add_actors,
    add_citations,
    add_mandate,
    add_references,
    add_revision,
    resolution_name,
)
from itukg.vocabulary import ITU as ITU_TERMS


def resolution_work_iri(resolution: Resolution) -> URIRef:
    return URIRef(RESOLUTION + resolution.work_id)


def resolution_version_iri(resolution: Resolution) -> URIRef:
    return URIRef(RESOLUTION + resolution.id)


def version_iri(version_id: str) -> URIRef:
    """The IRI of a version given its id ('pp/191/bucharest-2022')."""
    return URIRef(RESOLUTION + version_id)


def document_iri(document: Document) -> URIRef:
    name = document.symbol or document.source.rsplit(".", 1)[0]
    return URIRef(DOCUMENT + slug(name))


def label_path(label: str) -> str:
    """'3 ii)' → '3/ii'; 'a)' → 'a'; '4 –1' → '4/dash-1'."""
    parts = []
    for part in label.split(" "):
        if part[:1] in "–—-•":
            parts.append("dash-" + (part[1:] or "1"))
        else:
            parts.append(slug(part))
    return "/".join(p for p in parts if p)


def new_graph() -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


def documents_graph(
    documents: Iterable[Document], vocabulary: Vocabulary | None = None, externals: bool = True
) -> Graph:
    """All documents in one graph (the ontology is not included). With externals, a cited
    version no document holds becomes a node of its own (work and version, itu:inferred);
    without, citations name it and nothing more (validation looks it up in the store)."""
    documents = list(documents)
    known = {r.id for d in documents for r in d.resolutions}
    graph = new_graph()
    for document in documents:
        add_document(graph, document, vocabulary or load_vocabulary(), known, externals)
    return graph


def add_document(
    graph: Graph,
    document: Document,
    vocabulary: Vocabulary,
    known_versions: set[str] | None = None,
    externals: bool = True,
) -> None:
    """Add one document; known_versions are the versions some input holds (others cited
    become external nodes)."""
    known = known_versions if known_versions is not None else {r.id for r in document.resolutions}
    doc = document_iri(document)
    graph.add((doc, RDF.type, ITU_TERMS.SourceDocument))
    graph.add((doc, RDFS.label, Literal(document.source)))
    if document.symbol:
        graph.add((doc, ITU_TERMS.symbol, Literal(document.symbol)))
    if document.date:
        graph.add((doc, DCTERMS.date, Literal(document.date, datatype=XSD.date)))
    if document.title:
        graph.add((doc, DCTERMS.title, Literal(document.title)))
    for resolution in document.resolutions:
        _add_resolution(graph, resolution, doc, vocabulary, known, externals)


def _add_resolution(
    graph: Graph,
    resolution: Resolution,
    doc: URIRef,
    vocabulary: Vocabulary,
    known: set[str],
    externals: bool = True,
) -> None:
    work = resolution_work_iri(resolution)
    version = resolution_version_iri(resolution)
    name = resolution_name(resolution.body_id, resolution.number, vocabulary, resolution.kind)
    graph.add((work, RDF.type, ITU_TERMS.Resolution))
    if resolution.kind is not TextKind.RESOLUTION:
        graph.add((work, RDF.type, ITU_TERMS[resolution.kind.title()]))
    graph.add((work, RDFS.label, Literal(name)))
    graph.add((work, ITU_TERMS.number, Literal(resolution.number)))
    graph.add((work, ITU_TERMS.enactedBy, URIRef(BODY + resolution.body_id)))
    graph.add((work, ITU_TERMS.hasVersion, version))

    graph.add((version, RDF.type, ITU_TERMS.ResolutionVersion))
    if not resolution.complete:
        graph.add((version, ITU_TERMS.complete, Literal(False)))
    graph.add((version, ITU_TERMS.versionOf, work))
    dated = ", ".join(str(p) for p in (resolution.revision_place, resolution.revision_year) if p)
    graph.add((version, RDFS.label, Literal(f"{name} ({dated})" if dated else name)))
    graph.add((version, ITU_TERMS.number, Literal(resolution.number)))
    graph.add((version, DCTERMS.title, Literal(resolution.title)))
    status = ITU_TERMS.Draft if resolution.status == Status.DRAFT else ITU_TERMS.InForce
    graph.add((version, ITU_TERMS.status, status))
    graph.add((version, ITU_TERMS.source, doc))
    _add_span(graph, version, resolution.line, resolution.end_line)
    add_revision(
        graph,
        version,
        resolution.revision_place,
        resolution.revision_year,
        resolution.body_id,
        vocabulary,
    )
    if resolution.supersedes:
        graph.add((version, ITU_TERMS.supersedes, version_iri(resolution.supersedes)))
    for note in resolution.notes:
        if not note.startswith("line "):
            graph.add((version, ITU_TERMS.note, Literal(note)))

    seen: Counter[str] = Counter()
    clause_iris: dict[tuple[str, str], URIRef] = {}
    section_clauses: list[dict[str, URIRef]] = []
    annotated: list[tuple[URIRef, Clause | AnnexItem]] = []
    for order, section in enumerate(resolution.sections, start=1):
        seen[section.section_kind] += 1
        suffix = f"-{seen[section.section_kind]}" if seen[section.section_kind] > 1 else ""
        sec = URIRef(f"{version}/{section.section_kind}{suffix}")
        graph.add((version, ITU_TERMS.hasSection, sec))
        nodes = _add_section(graph, section, sec, order, clause_iris)
        section_clauses.append({c.label: n for n, c in nodes if c.label})
        annotated.extend(nodes)
        for node, clause in nodes:
            if clause.mandate:
                add_mandate(graph, node, clause.mandate, vocabulary)

    annexes: dict[str, URIRef] = {}
    for order, annex in enumerate(resolution.annexes, start=1):
        node, items = _add_annex(graph, annex, version, order, clause_iris)
        annexes[annex.label] = node
        annotated.extend(items)

    for node, source in annotated:
        add_citations(graph, node, source, known, vocabulary, externals)
        add_references(graph, node, source.refers_to, section_clauses, annexes)

    for order, change in enumerate(resolution.changes, start=1):
        node = URIRef(f"{version}/change/{order}")
        graph.add((version, ITU_TERMS.hasChange, node))
        graph.add((node, RDF.type, ITU_TERMS.Change))
        graph.add((node, ITU_TERMS.changeKind, Literal(change.kind)))
        graph.add((node, ITU_TERMS.label, Literal(change.where)))
        graph.add((node, ITU_TERMS.line, Literal(change.line, datatype=XSD.integer)))
        graph.add((node, ITU_TERMS.order, Literal(order, datatype=XSD.integer)))
        if change.old is not None:
            graph.add((node, ITU_TERMS.oldText, Literal(change.old)))
        if change.new is not None:
            graph.add((node, ITU_TERMS.newText, Literal(change.new)))
        graph.add((node, ITU_TERMS.uncertain, Literal(change.uncertain)))
        if change.author:
            graph.add((node, DCTERMS.creator, Literal(change.author)))
        if change.date:
            graph.add((node, DCTERMS.date, Literal(change.date, datatype=XSD.dateTime)))


def _add_span(graph: Graph, node: URIRef, line: int, end_line: int) -> None:
    graph.add((node, ITU_TERMS.line, Literal(line, datatype=XSD.integer)))
    graph.add((node, ITU_TERMS.endLine, Literal(end_line, datatype=XSD.integer)))


def _add_section(
    graph: Graph,
    section: Section,
    sec: URIRef,
    order: int,
    clause_iris: dict[tuple[str, str], URIRef],
) -> list[tuple[URIRef, Clause]]:
    graph.add((sec, RDF.type, ITU_TERMS.Section))
    graph.add((sec, ITU_TERMS.sectionKind, KIND[section.section_kind]))
    graph.add((sec, ITU_TERMS.heading, Literal(section.heading)))
    graph.add((sec, ITU_TERMS.order, Literal(order, datatype=XSD.integer)))
    _add_span(graph, sec, section.line, section.end_line)
    if section.modality:
        graph.add((sec, ITU_TERMS.modality, KIND[section.modality]))
    add_actors(graph, sec, ITU_TERMS.addressee, section.addressees)
    add_actors(graph, sec, ITU_TERMS.collaborator, section.collaborators)
    for name in section.unknown_addressees:
        graph.add((sec, ITU_TERMS.unknownAddressee, Literal(name)))
    for note in section.notes:
        graph.add((sec, ITU_TERMS.note, Literal(note)))

    nodes: list[tuple[URIRef, Clause]] = []
    styles: dict[str | None, str | None] = {}  # parent label → style of its last item
    used: Counter[str] = Counter()
    unlabelled = 0
    tops: dict[str, URIRef] = {}
    for position, clause in enumerate(section.clauses, start=1):
        if clause.label:
            path = label_path(clause.label)
            used[path] += 1
            if used[path] > 1:
                path = f"{path}-{used[path]}"
        else:
            unlabelled += 1
            path = f"p{unlabelled}"
        node = URIRef(f"{sec}/{path}")
        nodes.append((node, clause))
        _add_clause(graph, clause, node, position)
        value, styles[clause.parent] = _label_value(clause, styles.get(clause.parent))
        if value is not None:
            graph.add((node, ITU_TERMS.labelValue, Literal(value, datatype=XSD.integer)))
        graph.add((sec, ITU_TERMS.hasClause, node))
        if clause.parent and clause.parent in tops:
            graph.add((tops[clause.parent], ITU_TERMS.hasSubClause, node))
        elif clause.label:
            tops[clause.label] = node
        if clause.label:
            clause_iris.setdefault((section.section_kind, clause.label), node)
    return nodes


def _add_clause(graph: Graph, clause: Clause, node: URIRef, order: int) -> None:
    graph.add((node, RDF.type, ITU_TERMS.Clause))
    if clause.parent:
        graph.add((node, RDF.type, ITU_TERMS.SubClause))
    if clause.lead_in:
        graph.add((node, RDF.type, ITU_TERMS.LeadIn))
    if clause.label:
        graph.add((node, ITU_TERMS.label, Literal(clause.label)))
    graph.add((node, ITU_TERMS.text, Literal(clause.text)))
    graph.add((node, ITU_TERMS.order, Literal(order, datatype=XSD.integer)))
    _add_span(graph, node, clause.line, clause.end_line)
    for note in clause.notes:
        graph.add((node, ITU_TERMS.note, Literal(note)))
    add_actors(graph, node, ITU_TERMS.addressee, clause.addressees)
    add_actors(graph, node, ITU_TERMS.collaborator, clause.collaborators)
    for name in clause.unknown_addressees:
        graph.add((node, ITU_TERMS.unknownAddressee, Literal(name)))


def _label_value(clause: Clause, previous: str | None) -> tuple[int | None, str | None]:
    """The position a clause's own label gives (a) → 1, ii) → 2, 3 → 3; none for dashes),
    and its style. A single letter that is also a roman numeral (i, v, x, c) continues
    letters after a letter (a, b, c), and is roman otherwise only when it is 'i'."""
    if not clause.local_label:
        return None, None
    label, _ = split_label(clause.local_label + "\tx")
    if label is None or label.style in ("dash", "compound"):
        return None, None
    if label.style == "roman" and len(label.text.strip("()")) == 1:
        letter = label.text.strip("()")
        if previous == "alpha" or (previous is None and letter != "i"):
            return letter_value(letter), "alpha"
    return label.value, label.style


def _add_annex(
    graph: Graph,
    annex: Annex,
    version: URIRef,
    order: int,
    clause_iris: dict[tuple[str, str], URIRef],
) -> tuple[URIRef, list[tuple[URIRef, AnnexItem]]]:
    node = URIRef(f"{version}/annex/{slug(annex.label) or order}")
    graph.add((version, ITU_TERMS.hasAnnex, node))
    graph.add((node, RDF.type, ITU_TERMS.Annex))
    graph.add((node, ITU_TERMS.label, Literal(annex.label)))
    graph.add((node, ITU_TERMS.order, Literal(order, datatype=XSD.integer)))
    _add_span(graph, node, annex.line, annex.end_line)
    if annex.title:
        graph.add((node, DCTERMS.title, Literal(annex.title)))
    if annex.with_respect_to:
        graph.add((node, ITU_TERMS.withRespectToText, Literal(annex.with_respect_to)))
        kind, _, label = annex.with_respect_to.partition(" ")
        target = clause_iris.get((kind, label))
        if target is not None:
            graph.add((node, ITU_TERMS.withRespectTo, target))
    unlabelled = 0
    items: list[tuple[URIRef, AnnexItem]] = []
    for position, item in enumerate(annex.items, start=1):
        if item.label:
            path = f"{slug(item.label)}"
        else:
            unlabelled += 1
            path = f"p{unlabelled}"
        item_node = URIRef(f"{node}/{path}")
        if (item_node, RDF.type, ITU_TERMS.AnnexItem) in graph:
            item_node = URIRef(f"{node}/{path}-{position}")
        graph.add((node, ITU_TERMS.hasItem, item_node))
        items.append((item_node, item))
        graph.add((item_node, RDF.type, ITU_TERMS.AnnexItem))
        if item.label:
            graph.add((item_node, ITU_TERMS.label, Literal(item.label)))
        graph.add((item_node, ITU_TERMS.text, Literal(item.text)))
        graph.add((item_node, ITU_TERMS.order, Literal(position, datatype=XSD.integer)))
        graph.add((item_node, ITU_TERMS.line, Literal(item.line, datatype=XSD.integer)))
    return node, items
