"""The document model as JSON (the schema of `itukg parse --format json`)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from itukg.model import (
    Annex,
    AnnexItem,
    Clause,
    Document,
    ProvisionCitation,
    Resolution,
    ResolutionCitation,
    Section,
)


def document_to_dict(document: Document) -> dict[str, Any]:
    """One source text, in the documented JSON schema (extra fields are additions)."""
    return {
        "source": document.source,
        "encoding": document.encoding,
        "format": document.format,
        "documents": [
            {
                "symbol": document.symbol,
                "date": document.date,
                "title": document.title,
                "cover": document.cover,
                "notes": document.notes,
                "resolutions": [resolution_to_dict(r) for r in document.resolutions],
            }
        ],
    }


def resolution_to_dict(resolution: Resolution) -> dict[str, Any]:
    return {
        "id": resolution.id,
        "work": resolution.work_id,
        "body": resolution.body,
        "number": resolution.number,
        "revision_place": resolution.revision_place,
        "revision_year": resolution.revision_year,
        "kind": resolution.kind,
        "status": resolution.status,
        "complete": resolution.complete,
        "title": resolution.title,
        "line": resolution.line,
        "end_line": resolution.end_line,
        "enacting": resolution.enacting,
        "supersedes": resolution.supersedes,
        "notes": resolution.notes,
        "sections": [_section(s) for s in resolution.sections],
        "annexes": [_annex(a) for a in resolution.annexes],
        "changes": [asdict(c) for c in resolution.changes],
        "mandates": _mandates(resolution),
        "topics": sorted(
            {t for s in resolution.sections for c in s.clauses for t in c.topics}
            | {t for a in resolution.annexes for i in a.items for t in i.topics}
        ),
    }


def _mandates(resolution: Resolution) -> list[dict[str, Any]]:
    """Every mandate with the clause that expresses it (section order, heading, label, line)."""
    found = []
    for order, section in enumerate(resolution.sections, start=1):
        for clause in section.clauses:
            if clause.mandate is None:
                continue
            found.append(
                {
                    "section": order,
                    "heading": section.heading,
                    "clause": clause.label,
                    "line": clause.line,
                    **asdict(clause.mandate),
                }
            )
    return found


def _resolution_citation(citation: ResolutionCitation) -> dict[str, Any]:
    return {**asdict(citation), "work": citation.work_id, "version": citation.version_id}


def _provision_citation(citation: ProvisionCitation) -> dict[str, Any]:
    return {**asdict(citation), "id": citation.id}


def _citations(node: Clause | AnnexItem) -> dict[str, Any]:
    return {
        "cites_resolutions": [_resolution_citation(c) for c in node.cites_resolutions],
        "cites_provisions": [_provision_citation(c) for c in node.cites_provisions],
        "cites_external": [{**asdict(c), "id": c.id} for c in node.cites_external],
        "refers_to": [asdict(r) for r in node.refers_to],
        "topics": node.topics,
    }


def _section(section: Section) -> dict[str, Any]:
    return {
        "heading": section.heading,
        "kind": section.kind,
        "section_kind": section.section_kind,
        "modality": section.modality,
        "line": section.line,
        "end_line": section.end_line,
        "addressee_text": section.addressee_text,
        "addressees": [asdict(a) for a in section.addressees],
        "collaborators": [asdict(a) for a in section.collaborators],
        "unknown_addressees": section.unknown_addressees,
        "notes": section.notes,
        "clauses": [_clause(c) for c in section.clauses],
    }


def _clause(clause: Clause) -> dict[str, Any]:
    return {
        "label": clause.label,
        "local_label": clause.local_label,
        "parent": clause.parent,
        "lead_in": clause.lead_in,
        "line": clause.line,
        "end_line": clause.end_line,
        "text": clause.text,
        "notes": clause.notes,
        "addressees": [asdict(a) for a in clause.addressees],
        "collaborators": [asdict(a) for a in clause.collaborators],
        "unknown_addressees": clause.unknown_addressees,
        **_citations(clause),
        "mandate": asdict(clause.mandate) if clause.mandate else None,
        "old_label": clause.old_label,
        "inserted": clause.inserted,
    }


def _annex(annex: Annex) -> dict[str, Any]:
    return {
        "label": annex.label,
        "title": annex.title,
        "with_respect_to": annex.with_respect_to,
        "to_resolution": annex.to_resolution,
        "line": annex.line,
        "end_line": annex.end_line,
        "items": [
            {"label": i.label, "line": i.line, "text": i.text, **_citations(i)} for i in annex.items
        ],
    }
