"""Serve use: a read-only SPARQL 1.1 Protocol endpoint over the store, with the question
library and a query page (assets/sparql.html).

May import: the shared modules, store and query.
"""

from itukg.serve.server import serve

__all__ = ["serve"]
