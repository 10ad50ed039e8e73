"""Overlapping mandates: pairs of operative clauses of different resolutions that ask
the same thing, found in the store, classified, and written back with their evidence.

A pair's score is mostly its lexical similarity (use/similarity.py), nudged by what
the annotator found in common: addressees and topics. Classes, in streamliners' terms:
- duplicate: the same text (similarity ≥ 0.85), a candidate for suppression;
- same-mandate: the same ask (similarity ≥ 0.40, or ≥ 0.35 with the same action verb
  and a shared addressee or topic), of another addressee or in another Sector — a
  candidate for merging or coordination;
- related: the same subject, a different ask (score ≥ the floor, 0.25 by default, and
  similarity ≥ 0.2: shared addressees and topics alone never make a pair).
Clauses of two versions of one resolution are never paired.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from itukg.enums import OverlapClass
from itukg.namespaces import ITU, OVERLAP
from itukg.overlap.similarity import METHOD, Index, nearest_pairs

DUPLICATE = 0.85
SAME_MANDATE = 0.40
SAME_MANDATE_WITH_EVIDENCE = 0.35
FLOOR = 0.25
LEXICAL_FLOOR = 0.2  # shared addressees and topics alone never make a pair
PER_CLAUSE = 10  # pairs kept per clause, its strongest
CLASS_NODES = {
    OverlapClass.DUPLICATE: "Duplicate",
    OverlapClass.SAME_MANDATE: "SameMandate",
    OverlapClass.RELATED: "Related",
}


@dataclass
class ClauseRecord:
    """An operative clause as the store holds it, with what overlap detection needs."""

    iri: str
    version: str
    version_label: str
    body: str
    number: str
    year: int | None
    sector: str
    section: str
    kind: str
    heading: str
    section_order: int
    label: str | None
    line: int
    text: str
    addressees: set[str] = field(default_factory=set)
    topics: set[str] = field(default_factory=set)
    action: str | None = None
    section_index: int = 0

    @property
    def work(self) -> str:
        return self.version.rsplit("/", 1)[0]

    @property
    def verb(self) -> str | None:
        """The action's verb: its first word, or the participle of a passive ('be studied')."""
        if not self.action:
            return None
        words = self.action.lower().split()
        if "be" in words[:-1]:
            return words[words.index("be") + 1]
        return words[0]

    def as_json(self) -> dict[str, Any]:
        return {
            "body": self.body,
            "number": self.number,
            "revision_year": self.year,
            "section": self.kind,
            "section_index": self.section_index,
            "clause": self.label,
            "version": self.version_label,
            "heading": self.heading,
            "line": self.line,
            "text": self.text,
        }


@dataclass
class Pair:
    a: ClauseRecord
    b: ClauseRecord
    kind: OverlapClass
    score: float
    lexical: float
    shared_addressees: list[str]
    shared_topics: list[str]
    shared_verb: str | None
    shared_terms: list[str]

    @property
    def iri(self) -> str:
        digest = hashlib.sha1(f"{self.a.iri}|{self.b.iri}".encode()).hexdigest()[:16]
        return OVERLAP + digest

    def as_json(self) -> dict[str, Any]:
        return {
            "a": self.a.as_json(),
            "b": self.b.as_json(),
            "class": self.kind,
            "score": round(self.score, 3),
            "evidence": {
                "lexical_similarity": round(self.lexical, 3),
                "shared_addressees": self.shared_addressees,
                "shared_topics": self.shared_topics,
                "shared_verb": self.shared_verb,
                "shared_terms": self.shared_terms,
                "method": METHOD,
            },
        }


def _local(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def read_clauses(store: Any, version: str | None = None) -> list[ClauseRecord]:
    """The operative clauses of the newest versions, or of one version
    (queries/operative-clauses.rq)."""
    from itukg.query.questions import load_query, run

    results = run(store, load_query("operative-clauses"), {"version": version} if version else {})
    index = {c: i for i, c in enumerate(results.columns)}
    records = []
    for row in results.rows:

        def value(name: str, row: list = row) -> str | None:
            term = row[index[name]]
            return None if term is None else term.value

        records.append(
            ClauseRecord(
                iri=value("clause") or "",
                version=value("version") or "",
                version_label=value("version_label") or "",
                body=value("body") or "",
                number=value("number") or "",
                year=int(year) if (year := value("year")) else None,
                sector=_local(value("sector") or ""),
                section=value("section") or "",
                kind=value("kind") or "",
                heading=value("heading") or "",
                section_order=int(value("section_order") or 0),
                label=value("label"),
                line=int(value("line") or 0),
                text=value("text") or "",
                addressees={_local(a) for a in (value("addressees") or "").split()},
                topics={_local(t) for t in (value("topics") or "").split()},
                action=value("action"),
            )
        )
    _number_sections(records)
    return records


def _number_sections(records: list[ClauseRecord]) -> None:
    """section_index: the rank of a section among the sections of its kind in its version."""
    orders: dict[tuple[str, str], list[int]] = {}
    for record in records:
        orders.setdefault((record.version, record.kind), [])
        if record.section_order not in orders[(record.version, record.kind)]:
            orders[(record.version, record.kind)].append(record.section_order)
    for record in records:
        ranks = sorted(orders[(record.version, record.kind)])
        record.section_index = ranks.index(record.section_order)


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def classify(lexical: float, same_verb: bool, shared_evidence: bool) -> OverlapClass:
    if lexical >= DUPLICATE:
        return OverlapClass.DUPLICATE
    if lexical >= SAME_MANDATE or (
        lexical >= SAME_MANDATE_WITH_EVIDENCE and same_verb and shared_evidence
    ):
        return OverlapClass.SAME_MANDATE
    return OverlapClass.RELATED


def detect(
    records: list[ClauseRecord],
    floor: float = FLOOR,
    per_clause: int = PER_CLAUSE,
    shortlist: int | None = None,
) -> list[Pair]:
    """Pairs of clauses of different resolutions scoring at least floor, best first; a
    pair is kept when it is among the per_clause best of one of its two clauses (a mandate
    repeated in a hundred texts yields its strongest links, not ten thousand pairs). Only
    the shortlist (default 10 × per_clause) lexically nearest clauses of each clause are
    scored; a shortlist of len(records) scores every pair."""
    index = Index([r.text for r in records])
    groups = [r.work for r in records]
    nearest = nearest_pairs(index, groups, shortlist or 10 * per_clause, LEXICAL_FLOOR)
    scored = []
    for (i, j), lexical in nearest.items():
        a, b = records[i], records[j]
        score = min(
            1.0,
            0.8 * lexical
            + 0.1 * _jaccard(a.addressees, b.addressees)
            + 0.1 * _jaccard(a.topics, b.topics)
            + (0.2 * lexical if lexical >= DUPLICATE else 0.0),
        )
        if score >= floor:
            if (a.version, a.line) > (b.version, b.line):
                i, j = j, i
            scored.append((score, i, j, lexical))
    scored.sort(key=lambda s: (-s[0], records[s[1]].version, records[s[1]].line,
                               records[s[2]].version, records[s[2]].line))  # fmt: skip
    ranked: dict[int, list[int]] = defaultdict(list)
    for n, (_, i, j, _) in enumerate(scored):
        ranked[i].append(n)
        ranked[j].append(n)
    kept = {n for ranks in ranked.values() for n in ranks[:per_clause]}
    verbs = [r.verb for r in records]
    pairs = []
    for n, (score, i, j, lexical) in enumerate(scored):
        if n not in kept:
            continue
        a, b = records[i], records[j]
        addressees = a.addressees & b.addressees
        topics = a.topics & b.topics
        verb = verbs[i] if verbs[i] and verbs[i] == verbs[j] else None
        kind = classify(lexical, verb is not None, bool(addressees or topics))
        pairs.append(
            Pair(
                a, b, kind, score, lexical, sorted(addressees), sorted(topics), verb,
                index.shared_terms(i, j),
            )
        )  # fmt: skip
    return pairs


def pairs_ntriples(pairs: list[Pair]) -> str:
    """The pairs as N-Triples: one itu:Overlap node each, with its evidence (written by
    rdflib, which escapes the literals)."""
    from rdflib import RDF, XSD, Graph, Literal, URIRef

    from itukg.namespaces import BODY, TOPIC
    from itukg.vocabulary import ITU as ITU_TERMS

    def decimal(value: float) -> Literal:  # the lexical form keeps three decimals: "0.900"
        return Literal(f"{value:.3f}", datatype=XSD.decimal, normalize=False)

    graph = Graph()
    for pair in pairs:
        node = URIRef(pair.iri)
        graph.add((node, RDF.type, ITU_TERMS.Overlap))
        graph.add((node, ITU_TERMS.overlapOf, URIRef(pair.a.iri)))
        graph.add((node, ITU_TERMS.overlapOf, URIRef(pair.b.iri)))
        graph.add((node, ITU_TERMS.overlapClass, ITU_TERMS[CLASS_NODES[pair.kind]]))
        graph.add((node, ITU_TERMS.score, decimal(pair.score)))
        graph.add((node, ITU_TERMS.lexicalSimilarity, decimal(pair.lexical)))
        graph.add((node, ITU_TERMS.sharedTerms, Literal(", ".join(pair.shared_terms))))
        graph.add((node, ITU_TERMS.method, Literal(METHOD)))
        for addressee in pair.shared_addressees:
            graph.add((node, ITU_TERMS.sharedAddressee, URIRef(BODY + addressee)))
        for topic in pair.shared_topics:
            graph.add((node, ITU_TERMS.sharedTopic, URIRef(TOPIC + topic)))
        if pair.shared_verb:
            graph.add((node, ITU_TERMS.sharedVerb, Literal(pair.shared_verb)))
    return graph.serialize(format="nt")


# SPARQL text, with the IRI written out: a remote store scopes it as WITH <graph> DELETE …,
# where no PREFIX may come first (tests/test_vocabulary.py checks the term is declared)
FORGET_OVERLAPS = "DELETE { ?overlap ?p ?o } WHERE { ?overlap a <" + ITU + "Overlap> ; ?p ?o }"


def refresh(root: Any, floor: float = FLOOR) -> list[Pair]:
    """Detect the pairs of the store's graph and store them in place of the previous ones."""
    from itukg.store import amend, open_read

    pairs = detect(read_clauses(open_read(root)), floor)
    amend(root, FORGET_OVERLAPS, [pairs_ntriples(pairs)])
    return pairs


def store_overlaps(root: Any) -> str:
    """The build's enricher: refresh the stored pairs and say how many there are."""
    return f"found and stored {len(refresh(root))} overlapping clause pairs"


def select(
    pairs: list[Pair],
    min_score: float = 0.0,
    between: tuple[str, str] | None = None,
    kind: str | None = None,
) -> list[Pair]:
    """The pairs a reader asked for: a minimum score, a pair of bodies, a class."""
    chosen = []
    for pair in pairs:
        if pair.score < min_score or (kind and pair.kind != kind):
            continue
        if between:
            bodies = {pair.a.body.upper(), pair.b.body.upper()}
            wanted = {between[0].upper(), between[1].upper()}
            if bodies != wanted:
                continue
        chosen.append(pair)
    return chosen
