"""Annotate stage: the parsed model → addressees, mandates, citations, references, topics."""

from itukg.annotate.document import annotate_documents, annotate_resolution

__all__ = ["annotate_documents", "annotate_resolution"]
