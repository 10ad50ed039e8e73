"""The document model as JSON (the schema of `itukg parse --format json`)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from itukg.parse.model import Annex, Clause, Document, Resolution, Section


def document_to_dict(document: Document) -> dict[str, Any]:
    """One source text, in the documented JSON schema (extra fields are additions)."""
    return {
        "source": document.source,
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
        "status": resolution.status,
        "title": resolution.title,
        "line": resolution.line,
        "end_line": resolution.end_line,
        "enacting": resolution.enacting,
        "supersedes": resolution.supersedes,
        "notes": resolution.notes,
        "sections": [_section(s) for s in resolution.sections],
        "annexes": [_annex(a) for a in resolution.annexes],
        "changes": [asdict(c) for c in resolution.changes],
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
        "clauses": [_clause(c) for c in section.clauses],
    }


def _clause(clause: Clause) -> dict[str, Any]:
    return {
        "label": clause.label,
        "local_label": clause.local_label,
        "parent": clause.parent,
        "line": clause.line,
        "end_line": clause.end_line,
        "text": clause.text,
        "notes": clause.notes,
        "addressees": [asdict(a) for a in clause.addressees],
        "cites_resolutions": [asdict(c) for c in clause.cites_resolutions],
        "cites_provisions": [asdict(c) for c in clause.cites_provisions],
        "refers_to": clause.refers_to,
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
        "items": [asdict(i) for i in annex.items],
    }
