"""Compare two readings of the same resolution (the draft and its column in a compilation)."""

from __future__ import annotations

import re

from itukg.model import Resolution


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def differences(first: Resolution, second: Resolution, limit: int = 20) -> list[str]:
    """Plain-language differences, by place (heading, clause label, annex), at most `limit`."""
    found: list[str] = []
    headings_a = [s.heading for s in first.sections]
    headings_b = [s.heading for s in second.sections]
    if headings_a != headings_b:
        found.append(f"headings differ: {headings_a} vs {headings_b}")
    for a, b in zip(first.sections, second.sections, strict=False):
        labels_a = [c.label for c in a.clauses]
        labels_b = [c.label for c in b.clauses]
        if labels_a != labels_b:
            found.append(f"{a.heading} (line {a.line} / {b.line}): labels {labels_a} vs {labels_b}")
            continue
        for ca, cb in zip(a.clauses, b.clauses, strict=True):
            if _norm(ca.text) != _norm(cb.text):
                found.append(
                    f"{a.heading} {ca.label or ''} (line {ca.line} / {cb.line}): text differs"
                )
    annexes_a = [(x.label, _norm(x.title)) for x in first.annexes]
    annexes_b = [(x.label, _norm(x.title)) for x in second.annexes]
    if annexes_a != annexes_b:
        found.append(f"annexes differ: {annexes_a} vs {annexes_b}")
    else:
        for xa, xb in zip(first.annexes, second.annexes, strict=True):
            items_a = [(_norm(i.text)) for i in xa.items]
            items_b = [(_norm(i.text)) for i in xb.items]
            if items_a != items_b:
                found.append(f"annex {xa.label} (line {xa.line} / {xb.line}): items differ")
    return found[:limit]
