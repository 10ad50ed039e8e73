"""Overlap use: clauses of different resolutions that say the same thing, found by
lexical similarity (similarity.py) plus shared addressees and topics, classified as
streamliners do, and written to the graph with their evidence (detect.py).

May import: the shared modules, store and query. The build command's assembly calls
`refresh` after the graph is stored; no earlier stage imports this package.
"""

from itukg.overlap.detect import (
    ClauseRecord,
    Pair,
    classify,
    detect,
    read_clauses,
    refresh,
    select,
    store_overlaps,
)
from itukg.overlap.similarity import Index, nearest_pairs

__all__ = [
    "ClauseRecord",
    "Index",
    "Pair",
    "classify",
    "detect",
    "nearest_pairs",
    "read_clauses",
    "refresh",
    "select",
    "store_overlaps",
]
