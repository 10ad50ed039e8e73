"""Overlap use: clauses of different resolutions that say the same thing, preamble and
operative, found by lexical similarity after Sector names and years are made equal
(similarity.py, normalise.py), aligned as sequences (align.py), with drafting formulas
left out (boilerplate.py), classified as streamliners do and written to the graph with
their evidence (detect.py); judge.py measures them against a hand alignment.

May import: the shared modules, store and query. The build command's assembly hands
`store_overlaps` to the pipeline, which stores the pairs with the new graph; no earlier
stage imports this package.
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
