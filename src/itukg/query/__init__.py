"""Query use: the SPARQL question library (queries/*.rq), parameters bound as RDF terms,
and results written as a table, CSV, TSV, JSON or XML.

May import: the shared modules (errors, namespaces, ontology) and store. Later uses
(overlap, validate, export, serve) ask the graph through this package.
"""

from itukg.query.questions import (
    Parameter,
    QueryFile,
    Results,
    bind_parameters,
    format_table,
    is_update,
    list_queries,
    load_query,
    run,
    serialize,
    term_text,
)

__all__ = [
    "Parameter",
    "QueryFile",
    "Results",
    "bind_parameters",
    "format_table",
    "is_update",
    "list_queries",
    "load_query",
    "run",
    "serialize",
    "term_text",
]
