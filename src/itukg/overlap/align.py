"""Parallel resolutions keep their order: the clauses of two texts aligned as sequences.

A WTSA resolution that adapts a PP one walks through the same recitals and the same
asks in the same order, with insertions and deletions. Among the candidate pairs of two
texts (one part of each: preamble with preamble, operative with operative), the chain
that keeps the order of both texts and carries the most similarity above a margin is
the alignment — a global alignment in the manner of Needleman–Wunsch, computed over the
sparse candidates only (a heaviest increasing chain). Pairs on the chain are supported
by the structure and need less lexical evidence; pairs off it (one clause matching two,
a clause moved to another place) are kept only when the words alone are strong.
"""

from __future__ import annotations

from collections.abc import Sequence


def heaviest_chain(candidates: Sequence[tuple[int, int, float]], margin: float) -> set[int]:
    """The indexes of the candidates (position in text a, position in text b, weight) that
    form the chain increasing in both positions with the largest sum of weight − margin;
    candidates weighing no more than the margin never join it."""
    useful = [(a, b, w - margin, n) for n, (a, b, w) in enumerate(candidates) if w > margin]
    useful.sort()
    best: list[float] = []
    previous: list[int] = []
    for k, (a, b, gain, _) in enumerate(useful):
        value, link = gain, -1
        for m in range(k):
            pa, pb, _, _ = useful[m]
            if pa < a and pb < b and best[m] + gain > value:
                value, link = best[m] + gain, m
        best.append(value)
        previous.append(link)
    if not best:
        return set()
    k = max(range(len(best)), key=best.__getitem__)
    chain = set()
    while k >= 0:
        chain.add(useful[k][3])
        k = previous[k]
    return chain
