"""Annotate parsed documents: addressees, mandates, citations, references and topics.

The parser's model goes in, the same model comes out enriched; every text of a
resolution (heading addressees, clauses, annex items) goes through the spaCy
pipeline once, in batches.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from itukg.annotate.actors import Context, Reading, read_phrase
from itukg.annotate.citations import (
    citations_of_itself,
    external_citations,
    provision_citations,
    resolution_citations,
)
from itukg.annotate.mandates import read_clause, read_resolved_ask
from itukg.annotate.nlp import pipeline_for
from itukg.annotate.references import (
    SectionIndex,
    annex_references,
    clause_references,
    section_index,
)
from itukg.enums import Part
from itukg.model import Clause, Document, Mandate, Resolution
from itukg.ontology import Vocabulary, load_vocabulary, ontology_dir

# Heading words by which a body gives orders: their collective addressees are read
# within the body's own Sector ("instructs the study groups" in an ITU-R text).
_AUTHORITY = {"instructs", "charges"}


def annotate_documents(documents: Iterable[Document], directory: Path | None = None) -> None:
    """Annotate each resolution of each document, in place."""
    directory = directory or ontology_dir()
    vocabulary = load_vocabulary(directory)
    nlp = pipeline_for(directory)
    for document in documents:
        for resolution in document.resolutions:
            annotate_resolution(resolution, nlp, vocabulary)


def _sector(resolution: Resolution, vocabulary: Vocabulary) -> str | None:
    body = vocabulary.actors.get(resolution.body_id)
    if body and len(body.sectors) == 1 and body.sectors[0] != "gs":
        return body.sectors[0]
    return None


def _topics(doc: Any) -> list[str]:
    return sorted({span.id_ for span in doc.spans["topics"]})


def annotate_resolution(resolution: Resolution, nlp: Any, vocabulary: Vocabulary) -> None:
    """Fill the annotations of one resolution version, in place."""
    sector = _sector(resolution, vocabulary)
    headings = list(nlp.pipe(s.addressee_text for s in resolution.sections))
    clause_docs = list(nlp.pipe(c.text for s in resolution.sections for c in s.clauses))
    item_docs = list(nlp.pipe(i.text for a in resolution.annexes for i in a.items))
    sections = section_index(resolution, vocabulary)

    infinitives = {k.infinitive: k.id for k in vocabulary.section_kinds.values() if k.infinitive}
    position = 0
    for section, heading_doc in zip(resolution.sections, headings, strict=True):
        context = Context(sector, section.modality in _AUTHORITY)
        heading = None
        asks: dict[str | None, tuple[str, Reading]] = {}  # lead-ins that ask a body
        if section.kind == Part.OPERATIVE and section.addressee_text:
            heading = read_phrase(heading_doc, 0, len(heading_doc.text), vocabulary, context)
            section.addressees = heading.addressees
            section.collaborators = heading.collaborators
            section.unknown_addressees = _names(heading.unresolved)
        for clause in section.clauses:
            doc = clause_docs[position]
            position += 1
            _cite(clause, doc, resolution, vocabulary, sections)
            _cite_notes(clause, nlp, resolution, vocabulary)
            clause.topics = _topics(doc)
            if section.kind != Part.OPERATIVE or not section.modality:
                continue
            modality = section.modality
            asked = None if heading else read_resolved_ask(doc, infinitives, vocabulary, context)
            if asked is not None:  # 'resolves' / '1 to instruct the Director of BDT to …'
                modality, reading = asked
                asks[clause.label] = (modality, Reading(reading.addressees, reading.collaborators))
            elif clause.parent in asks:  # an item of such a lead-in: asked of the same body
                modality, lead = asks[clause.parent]
                reading = read_clause(doc, lead, vocabulary, context)
            else:
                reading = read_clause(doc, heading, vocabulary, context)
            clause.addressees = reading.addressees
            clause.collaborators = reading.collaborators
            clause.unknown_addressees = _names(reading.unresolved)
            if reading.addressees and reading.action:
                clause.mandate = Mandate(
                    modality=modality,
                    addressees=reading.addressees,
                    action=reading.action,
                    collaborators=reading.collaborators,
                    topics=clause.topics,
                )

    items = iter(item_docs)
    for annex in resolution.annexes:
        for item in annex.items:
            doc = next(items)
            _cite(item, doc, resolution, vocabulary, sections)
            item.topics = _topics(doc)


def _names(unresolved: list[str]) -> list[str]:
    """The unresolved parts of an addressee phrase that look like names: a capitalised
    word after the article ('the Regional Coordination Unit'), not a participle phrase
    ('meeting jointly as necessary')."""
    found = []
    for text in unresolved:
        words = re.sub(r"^(?:the|all|relevant|respective)\s+", "", text.strip(), flags=re.I)
        if any(w[:1].isupper() for w in words.split()) and words not in found:
            found.append(words.rstrip(" ,;:"))
    return found


def _cite_notes(clause: Clause, nlp: Any, resolution: Resolution, vocabulary: Vocabulary) -> None:
    """The texts a clause's footnotes and notes cite ('NOTE – … may be found in
    Recommendations ITU-R P.679 and ITU-R P.680'): cited by the clause, each once."""
    for doc in nlp.pipe(clause.notes):
        _add_new(
            clause.cites_resolutions,
            resolution_citations(doc, resolution, vocabulary),
            lambda c: (c.work_id, c.version_id),
        )
        _add_new(clause.cites_provisions, provision_citations(doc, vocabulary), lambda p: p.id)
        _add_new(clause.cites_external, external_citations(doc), lambda e: e.id)


def _add_new(cited: list[Any], found: Iterable[Any], key: Callable[[Any], Any]) -> None:
    """Add to cited what it does not hold yet (by key), each once."""
    held = {key(c) for c in cited}
    for citation in found:
        if key(citation) not in held:
            held.add(key(citation))
            cited.append(citation)


def _cite(
    node: Any, doc: Any, resolution: Resolution, vocabulary: Vocabulary, sections: SectionIndex
) -> None:
    node.cites_resolutions = resolution_citations(doc, resolution, vocabulary)
    node.cites_provisions = provision_citations(doc, vocabulary)
    node.cites_external = external_citations(doc)
    own = citations_of_itself(doc, resolution, vocabulary)
    node.refers_to = annex_references(doc, resolution) + clause_references(doc, sections, own)
