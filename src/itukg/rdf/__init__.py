"""RDF stage: the annotated document model → an RDF graph in the ontology's terms, with
readable stable IRIs (graph.py for the structure, annotations.py for what the annotator
found).

May import: the shared modules (errors, namespaces, vocabulary, ontology, model) and the
parse stage's label helpers; never store or a use.
"""

from itukg.rdf.graph import add_document, documents_graph, new_graph

__all__ = ["add_document", "documents_graph", "new_graph"]
