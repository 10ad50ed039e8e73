"""Annotate stage: the parsed model → addressees, mandates, citations, references and
topics, by a spaCy pipeline whose gazetteer is read from ontology/.

May import: the shared modules, read (its size limit) and parse.
"""

from itukg.annotate.document import annotate_documents, annotate_resolution

__all__ = ["annotate_documents", "annotate_resolution"]
