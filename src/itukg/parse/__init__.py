"""Parse stage: numbered lines → the document model of itukg.model (resolutions, sections,
clauses, annexes, tracked changes), every node with its source line.

May import: the shared modules (errors, namespaces, ontology, model) and read.
"""

from itukg.model import Annex, AnnexItem, Clause, Document, Resolution, Section
from itukg.parse.document import parse_file, parse_source
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
