"""Build stage: document model → RDF graph in the ontology's terms."""

from itukg.build.graph import add_document, documents_graph, new_graph

__all__ = ["add_document", "documents_graph", "new_graph"]
