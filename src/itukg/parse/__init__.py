"""Parse stage: numbered lines → document model (resolutions, sections, clauses, annexes)."""

from itukg.parse.document import parse_file, parse_source
from itukg.parse.model import Annex, AnnexItem, Clause, Document, Resolution, Section
from itukg.parse.serialize import document_to_dict

__all__ = [
    "Annex",
    "AnnexItem",
    "Clause",
    "Document",
    "Resolution",
    "Section",
    "document_to_dict",
    "parse_file",
    "parse_source",
]
