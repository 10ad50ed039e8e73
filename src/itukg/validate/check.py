"""Validate a draft: SHACL shapes (ontology/shapes/) and the knowledge graph in the store.

The draft is read, parsed and annotated like any text and built into a graph of its
own. To it are added, from the store, only the facts the draft touches: for each
resolution it cites, the work and its versions (queries/resolution-versions.rq). The
shapes run on that graph with the ontology mixed in (bodies, sessions, the provision
table). One check needs more than shapes: whether the draft repeats a mandate already
in force in its family (its own resolution and those it cites), which the overlap
detector answers. Each result names the resolution, the clause and the source line.
"""

from __future__ import annotations

import difflib
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from itukg.enums import OverlapClass, Severity, Status
from itukg.errors import ItukgError
from itukg.namespaces import RESOLUTION

SH = "http://www.w3.org/ns/shacl#"
SEVERITIES = {
    SH + "Violation": Severity.VIOLATION,
    SH + "Warning": Severity.WARNING,
    SH + "Info": Severity.INFO,
}
REPEAT_CLASSES = (OverlapClass.DUPLICATE, OverlapClass.SAME_MANDATE)


@dataclass
class Result:
    severity: Severity
    check: str
    resolution: str
    clause: str | None
    line: int | None
    message: str
    value: str | None
    where: str | None = None  # the section heading or annex the clause is in


@dataclass
class Report:
    source: str
    results: list[Result]
    shacl_report: Any  # the SHACL validation report, an rdflib Graph

    @property
    def conforms(self) -> bool:
        return not any(r.severity == Severity.VIOLATION for r in self.results)

    def as_json(self) -> dict[str, Any]:
        return {
            "conforms": self.conforms,
            "source": self.source,
            "results": [asdict(r) for r in self.results],
        }


def shapes_dir() -> Path:
    from itukg.ontology import ontology_dir

    return ontology_dir() / "shapes"


@lru_cache(maxsize=2)
def _shapes(directory: Path):
    import rdflib

    graph = rdflib.Graph()
    files = sorted(directory.glob("*.ttl"))
    if not files:
        raise ItukgError(f"{directory}: no shapes to validate with")
    for path in files:
        graph.parse(path, format="turtle")
    return graph


@lru_cache(maxsize=2)
def _ontology(directory: Path):
    import rdflib

    from itukg.ontology import ontology_ntriples

    return rdflib.Graph().parse(data=ontology_ntriples(directory), format="nt")


def validate(path: Path, store_root: Path) -> Report:
    """Validate the draft at path against the shapes and the graph of the store."""
    import pyshacl

    from itukg.annotate import annotate_documents
    from itukg.ontology import load_vocabulary, ontology_dir
    from itukg.parse import parse_file
    from itukg.rdf import documents_graph
    from itukg.store import open_read

    store = open_read(store_root)  # no store: StoreError before any work
    document = parse_file(path)
    annotate_documents([document])
    # the clauses in force that the draft may repeat are read from the store in threads
    # (Oxigraph lets go of the GIL) while the shapes run
    pool = ThreadPoolExecutor(max_workers=1)
    family = pool.submit(_family_records, store, document)
    vocabulary = load_vocabulary()
    draft = documents_graph([document], vocabulary, externals=False)
    data = _graph_preparing_queries()
    for graph in (draft, _ontology(ontology_dir())):
        for triple in graph:
            data.add(triple)
    for triple in _store_facts(store, draft):
        data.add(triple)
    _, report_graph, _ = pyshacl.validate(
        data,
        shacl_graph=_shapes(shapes_dir()),
        inference="none",
        advanced=True,
        allow_warnings=True,
        inplace=True,  # data is ours, built for this run; pySHACL then asks it directly
    )
    locator = _Locator(draft, document)
    results = _shacl_results(report_graph, _shapes(shapes_dir()), locator, vocabulary)
    try:
        results += _repeated_mandates(family.result(), document)
    finally:
        pool.shutdown(cancel_futures=True)
    results.sort(
        key=lambda r: (r.resolution, r.line or 0, r.severity != Severity.VIOLATION, r.check)
    )
    return Report(path.name, results, report_graph)


def _graph_preparing_queries():
    """An rdflib graph that parses each SPARQL text once: pySHACL asks a SPARQL constraint
    once per focus node, with the same text, and rdflib's parser is the slow part."""
    import rdflib
    from rdflib.plugins.sparql import prepareQuery

    prepare = lru_cache(maxsize=256)(prepareQuery)

    class PreparingGraph(rdflib.Graph):
        def query(self, query_object: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(query_object, str) and not kwargs.get("initNs"):
                query_object = prepare(query_object)
            return super().query(query_object, *args, **kwargs)

    return PreparingGraph()


def _store_facts(store: Any, draft: Any):
    """The triples the store holds about each resolution the draft cites."""
    from itukg.query.questions import load_query, run
    from itukg.vocabulary import ITU as ITU_TERMS

    question = load_query("resolution-versions")
    cited = {str(o) for o in draft.objects(None, ITU_TERMS.citedWork)}
    for work in sorted(cited):
        for s, p, o in run(store, question, {"work": work}).rows:
            yield _term(s), _term(p), _term(o)


def _term(term: Any):
    import pyoxigraph as ox
    import rdflib

    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    datatype: str | None = term.datatype.value if term.datatype else None
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    if datatype is None or datatype == "http://www.w3.org/2001/XMLSchema#string":
        return rdflib.Literal(term.value)  # as rdflib writes plain strings
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(datatype))


class _Locator:
    """Where a node of the draft graph is: resolution, clause label, line, section."""

    def __init__(self, draft: Any, document: Any) -> None:
        from itukg.vocabulary import ITU as ITU_TERMS

        self.graph = draft
        self.versions = sorted((RESOLUTION + r.id for r in document.resolutions), key=len)
        self.label = ITU_TERMS.label
        self.line = ITU_TERMS.line
        self.heading = ITU_TERMS.heading
        self.cites_provision = ITU_TERMS.citesProvision
        self.has_clause = ITU_TERMS.hasClause

    def resolution(self, node: str) -> str:
        owner = next((v for v in reversed(self.versions) if node.startswith(v)), None)
        return owner.removeprefix(RESOLUTION) if owner else ""

    def locate(self, node: str) -> list[tuple[str, str | None, int | None, str | None]]:
        """(resolution, clause label, line, section) for a focus node; a shared node (a
        provision) is located at every clause of the draft that cites it."""
        import rdflib

        subject = rdflib.URIRef(node)
        if not any(node.startswith(v) for v in self.versions):
            citing = self.graph.subjects(self.cites_provision, subject)
            return [place for c in sorted(citing) for place in self.locate(str(c))]
        base = re.sub(r"/(?:citation|provision-citation)/\d+$", "", node)
        subject = rdflib.URIRef(base)
        label = self.graph.value(subject, self.label)
        line = self.graph.value(subject, self.line)
        section = None
        for parent in self.graph.subjects(self.has_clause, subject):
            section = str(self.graph.value(parent, self.heading))
        if "/annex/" in base:
            annex = rdflib.URIRef(re.sub(r"(/annex/[^/]+).*$", r"\1", base))
            written = self.graph.value(annex, self.label)
            section = f"annex {written}" if written is not None else section
            if subject == annex:
                label = written
        heading = self.graph.value(subject, self.heading)
        if heading is not None:
            section = str(heading)
        return [
            (
                self.resolution(base),
                str(label) if label is not None else None,
                int(line) if line is not None else None,
                section,
            )
        ]


def _shacl_results(report: Any, shapes: Any, locator: _Locator, vocabulary: Any) -> list[Result]:
    import rdflib

    sh = rdflib.Namespace(SH)
    results = []
    for node in report.subjects(rdflib.RDF.type, sh.ValidationResult):
        focus = str(report.value(node, sh.focusNode))
        severity = SEVERITIES.get(str(report.value(node, sh.resultSeverity)), Severity.INFO)
        message = str(report.value(node, sh.resultMessage) or "")
        value = report.value(node, sh.value)
        if isinstance(value, rdflib.URIRef):
            value = None  # the focus node itself: nothing written to quote
        check = _check_name(report.value(node, sh.sourceShape), shapes)
        if check == "addressee-unknown" and value is not None:
            message += _closest(str(value), vocabulary)
        for resolution, clause, line, where in locator.locate(focus):
            results.append(
                Result(
                    severity,
                    check,
                    resolution,
                    clause,
                    line,
                    message,
                    str(value) if value is not None else None,
                    where,
                )
            )
    return results


def _check_name(shape: Any, shapes: Any) -> str:
    """A result's check: the label of its node shape (a property shape's parent's)."""
    import rdflib

    sh = rdflib.Namespace(SH)
    for owner in (shape, *shapes.subjects(sh.property, shape), *shapes.subjects(sh.sparql, shape)):
        label = shapes.value(owner, rdflib.RDFS.label)
        if label is not None:
            return str(label)
    return "shape"


def _closest(name: str, vocabulary: Any) -> str:
    names = sorted({n for a in vocabulary.actors.values() for n in a.names})
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
    if not close:
        words = set(name.casefold().split())
        close = [n for n in names if words & set(n.casefold().split())][:3]
    return f" Closest known names: {', '.join(close)}." if close else ""


def _family_records(store: Any, document: Any) -> list:
    """The operative clauses in force of the draft's family, read version by version in
    parallel."""
    from itukg.overlap.detect import read_clauses

    versions = _family_versions(store, document)
    with ThreadPoolExecutor(max_workers=4) as pool:
        return [r for records in pool.map(lambda v: read_clauses(store, v, "operative"), versions)
                for r in records]  # fmt: skip


def _repeated_mandates(family: list, document: Any) -> list[Result]:
    """Warnings for clauses of a draft that repeat a mandate in force in its family (the
    operative clauses of its own resolution and of the resolutions it cites, the version
    the draft revises aside)."""
    from itukg.overlap.detect import detect

    results: list[Result] = []
    if not family:
        return results
    for resolution in document.resolutions:
        if resolution.status != Status.DRAFT:
            continue  # texts in force are compared by `itukg overlaps`, not validated
        own = _draft_records(resolution)
        if not own:
            continue
        for pair in detect(own + family):
            mine = {p.iri for p in own}
            if pair.kind not in REPEAT_CLASSES:
                continue
            if (pair.a.iri in mine) == (pair.b.iri in mine):
                continue
            draft, other = (pair.a, pair.b) if pair.a.iri in mine else (pair.b, pair.a)
            where = f"{other.version_label}, {other.heading} {other.label or ''}".strip()
            results.append(
                Result(
                    Severity.WARNING,
                    "repeated-mandate",
                    resolution.id,
                    draft.label,
                    draft.line,
                    f"Repeats a mandate in force: {where} ({pair.kind}, similarity "
                    f"{pair.lexical:.2f}). Consider citing it instead.",
                    other.text,
                    draft.heading,
                )
            )
    return results


def _family_versions(store: Any, document: Any) -> list[str]:
    """The in-force versions of the resolutions the draft cites or revises, from the store."""
    from itukg.query.questions import load_query, run

    works = set()
    revised = set()
    for resolution in document.resolutions:
        works.add(RESOLUTION + resolution.work_id)
        if resolution.supersedes:
            revised.add(RESOLUTION + resolution.supersedes)
        for section in resolution.sections:
            for clause in section.clauses:
                works.update(RESOLUTION + c.work_id for c in clause.cites_resolutions)
    drafts = {RESOLUTION + r.id for r in document.resolutions if r.status == Status.DRAFT}
    versions = []
    from itukg.vocabulary import ITU as ITU_TERMS

    for record in run(store, load_query("versions")).records():
        if record["work"] not in works or record["version"] in revised | drafts:
            continue
        in_force = record["status_term"] == str(ITU_TERMS.InForce)
        if in_force and record["superseded"] != "true":
            versions.append(record["version"])
    return sorted(versions)


def _draft_records(resolution: Any) -> list:
    """The draft's operative clauses as overlap records (named by their line: they only
    need to be told apart from the clauses of the store)."""
    from itukg.overlap.detect import ClauseRecord

    version = RESOLUTION + resolution.id
    return [
        ClauseRecord(
            iri=f"{version}#line-{clause.line}",
            version=version,
            version_label=resolution.id,
            body=resolution.body,
            number=resolution.number,
            year=resolution.revision_year,
            sector="",
            section="",
            kind=section.section_kind,
            heading=section.heading,
            section_order=0,
            label=clause.label,
            line=clause.line,
            text=clause.text,
            addressees={a.id for a in clause.addressees},
            topics=set(clause.topics),
            action=clause.mandate.action if clause.mandate else None,
        )
        for section in resolution.sections
        if section.kind == "operative"
        for clause in section.clauses
    ]


def format_text(report: Report) -> str:
    """The report for a person: resolution by resolution, clause by clause."""
    lines = []
    violations = sum(r.severity == Severity.VIOLATION for r in report.results)
    warnings = sum(r.severity == Severity.WARNING for r in report.results)
    verdict = "conforms" if report.conforms else "does not conform"
    lines.append(f"{report.source}: {verdict} — {violations} violation(s), {warnings} warning(s)")
    current: tuple[str, str | None, int | None] | None = None
    for result in report.results:
        key = (result.resolution, result.clause, result.line)
        if key != current:
            current = key
            if result.where and result.where == f"annex {result.clause}":
                place = result.where
            else:
                where = f"{result.where} " if result.where else ""
                place = f"{where}{result.clause or ''}".strip() or "(the resolution)"
            line = f", line {result.line}" if result.line else ""
            lines.append(f"\n{result.resolution} · {place}{line}")
        offending = f"\n      ↳ {result.value}" if result.value else ""
        lines.append(f"  {result.severity:<9} [{result.check}] {result.message}{offending}")
    return "\n".join(lines) + "\n"
