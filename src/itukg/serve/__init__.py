"""Serve use: a read-only SPARQL 1.1 Protocol endpoint over the store, with the question
library and a query page (assets/sparql.html), on uvicorn and Starlette in front of worker
processes that run the queries under time, size and memory limits.

May import: the shared modules, store and query.
"""

from itukg.serve.server import serve
from itukg.serve.settings import Settings

__all__ = ["Settings", "serve"]
