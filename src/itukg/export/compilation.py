"""The side-by-side compilation analysts make by hand: one column per resolution, rows
of clauses that say the same thing.

The rows follow the overlap detector's alignment (overlap/detect.py): clauses paired as
duplicates or as the same mandate share a row, best pairs first, even when they stand
under different section kinds (an ask that one text *instructs* and another *invites*;
each cell then shows its own heading). A row holds at most one clause per column and no
row crosses another in any column, so every text reads top to bottom in its own order;
a clause that matches nothing has a row of its own. Preamble rows come before operative
rows. The result is rendered as a self-contained HTML page, as Markdown, or as JSON for
a program to check.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from itukg.errors import QueryError

ROW_CLASSES = ("duplicate", "same-mandate")  # the classes that put two clauses on one row


@dataclass
class Cell:
    kind: str
    section_index: int
    heading: str
    label: str | None
    line: int
    text: str
    iri: str = ""


@dataclass
class Column:
    version: str
    label: str
    title: str
    status: str

    @property
    def id(self) -> str:
        return self.version.rsplit("/resolution/", 1)[-1]


@dataclass
class Row:
    part: str
    cells: dict[int, Cell] = field(default_factory=dict)  # column index → cell
    similarity: float | None = None  # the weakest link that joined the row
    kind: str | None = None  # the weakest class that joined it

    @property
    def section_kind(self) -> str:
        """The kind the row is filed under: that of its first cell."""
        return self.cells[min(self.cells)].kind


@dataclass
class Block:
    kind: str
    part: str
    rows: list[Row] = field(default_factory=list)


@dataclass
class Compilation:
    columns: list[Column]
    rows: list[Row]

    @property
    def blocks(self) -> list[Block]:
        """Consecutive rows filed under one section kind."""
        blocks: list[Block] = []
        for row in self.rows:
            if not blocks or blocks[-1].kind != row.section_kind or blocks[-1].part != row.part:
                blocks.append(Block(row.section_kind, row.part))
            blocks[-1].rows.append(row)
        return blocks

    def as_json(self) -> dict[str, Any]:
        """The rows for a program: each cell by its column's id, section and clause."""
        return {
            "columns": [
                {"id": c.id, "label": c.label, "title": c.title, "status": c.status}
                for c in self.columns
            ],
            "rows": [
                {
                    "part": row.part,
                    "class": row.kind,
                    "cells": {
                        self.columns[n].id: {
                            "section": cell.kind,
                            "section_index": cell.section_index,
                            "heading": cell.heading,
                            "clause": cell.label,
                            "line": cell.line,
                            "text": cell.text,
                        }
                        for n, cell in sorted(row.cells.items())
                    },
                }
                for row in self.rows
            ],
        }


def _versions(store: Any) -> list[dict[str, str]]:
    from itukg.query.questions import load_query, run

    return run(store, load_query("versions")).records()


def choose_versions(store: Any, wanted: list[str]) -> list[dict[str, str]]:
    """The versions named ('pp/191', 'ra/75/dubai-2023', full IRIs), or else the newest
    version of every resolution read; in the order given."""
    from itukg.namespaces import RESOLUTION

    versions = _versions(store)
    if not wanted:
        return [v for v in versions if v["superseded"] != "true"]
    chosen = []
    for name in wanted:
        key = name if name.startswith("http") else RESOLUTION + name.strip("/")
        exact = [v for v in versions if v["version"] == key]
        newest = [v for v in versions if v["work"] == key and v["superseded"] != "true"]
        found = exact or newest or [v for v in versions if v["work"] == key][:1]
        if not found:
            known = ", ".join(v["version"].removeprefix(RESOLUTION) for v in versions)
            raise QueryError(f"no resolution '{name}' in the graph (known: {known})")
        chosen.append(found[0])
    return chosen


def compile_versions(store: Any, wanted: list[str]) -> Compilation:
    """Lay the chosen versions side by side, rows following the overlap alignment."""
    from itukg.overlap.detect import detect, read_clauses

    chosen = choose_versions(store, wanted)
    columns = [Column(v["version"], v["label"], v["title"], v["status"]) for v in chosen]
    records = []
    column_of: dict[str, int] = {}
    for n, column in enumerate(columns):
        for record in read_clauses(store, column.version):
            column_of[record.iri] = n
            records.append(record)
    pairs = detect(records, per_clause=len(columns), shortlist=len(records), apart="version")
    rows: list[Row] = []
    for part in ("preamble", "operative"):
        members = [r for r in records if r.part == part]
        links = [
            (str(p.kind), p.score, p.a.iri, p.b.iri)
            for p in pairs
            if p.part == part and str(p.kind) in ROW_CLASSES
        ]
        rows.extend(_rows(part, members, column_of, links))
    return Compilation(columns, rows)


def _rows(
    part: str,
    members: list[Any],
    column_of: dict[str, int],
    links: list[tuple[str, float, str, str]],
) -> list[Row]:
    """The rows of one part: pairs joined best first, never two cells of one column in a
    row, never a row crossing another."""
    columns: dict[int, list[Any]] = {}
    for record in members:
        columns.setdefault(column_of[record.iri], []).append(record)
    position: dict[str, tuple[int, int]] = {}
    for n, items in columns.items():
        items.sort(key=lambda r: (r.section_order, r.line))
        position.update({r.iri: (n, k) for k, r in enumerate(items)})
    places: list[dict[int, int]] = []
    strength: list[tuple[float | None, str | None]] = []
    row_of: dict[str, int] = {}
    links.sort(key=lambda link: (ROW_CLASSES.index(link[0]), -link[1]))
    for kind, score, a, b in links:
        if a not in position or b not in position:
            continue
        if a in row_of and b in row_of:
            _merge_rows(places, strength, row_of, row_of[a], row_of[b], kind, score)
            continue
        if a in row_of:
            a, b = b, a
        target = row_of.get(b)
        merged = dict(places[target]) if target is not None else dict([position[b]])
        column, k = position[a]
        if column in merged:
            continue
        merged[column] = k
        if any(_crosses(merged, other) for n, other in enumerate(places) if n != target):
            continue
        if target is None:
            places.append(merged)
            strength.append((score, kind))
            target = len(places) - 1
        places[target] = merged
        weakest, worst = strength[target]
        strength[target] = (
            min(score, weakest) if weakest is not None else score,
            max(kind, worst or kind, key=ROW_CLASSES.index),
        )
        row_of[a] = row_of[b] = target
    for record in members:
        if record.iri not in row_of:
            places.append(dict([position[record.iri]]))
            strength.append((None, None))
            row_of[record.iri] = len(places) - 1
    by_place = {position[r.iri]: r for r in members}
    kept = [n for n, place in enumerate(places) if place]
    places = [places[n] for n in kept]
    strength = [strength[n] for n in kept]
    rows = []
    for place, (similarity, row_class) in zip(places, strength, strict=True):
        cells = {column: _cell(by_place[(column, k)]) for column, k in sorted(place.items())}
        rows.append(Row(part, cells, similarity, row_class))
    return [rows[n] for n in _in_text_order(places)]


def _merge_rows(
    places: list[dict[int, int]],
    strength: list[tuple[float | None, str | None]],
    row_of: dict[str, int],
    first: int,
    second: int,
    kind: str,
    score: float,
) -> None:
    """Two rows joined by a pair become one when they share no column and the joined row
    crosses no other; the second row is left empty (and dropped)."""
    if first == second or set(places[first]) & set(places[second]):
        return
    merged = {**places[first], **places[second]}
    if any(_crosses(merged, other) for n, other in enumerate(places) if n not in (first, second)
           and other):  # fmt: skip
        return
    places[first] = merged
    places[second] = {}
    weakest = [w for w in (strength[first][0], strength[second][0], score) if w is not None]
    classes = [c for c in (strength[first][1], strength[second][1], kind) if c]
    strength[first] = (min(weakest), max(classes, key=ROW_CLASSES.index))
    for iri, row in row_of.items():
        if row == second:
            row_of[iri] = first


def _cell(record: Any) -> Cell:
    return Cell(record.kind, record.section_index, record.heading, record.label, record.line,
                record.text, record.iri)  # fmt: skip


def _crosses(a: dict[int, int], b: dict[int, int]) -> bool:
    """Whether two rows would put clauses of two columns in opposite orders."""
    shared = [c for c in a if c in b]
    signs = {(a[c] > b[c]) - (a[c] < b[c]) for c in shared}
    return len(signs) > 1 or 0 in signs


def _in_text_order(places: list[dict[int, int]]) -> list[int]:
    """Rows sorted so that every column reads top to bottom in its own order."""
    import heapq

    after: dict[int, set[int]] = {n: set() for n in range(len(places))}
    waiting = [0] * len(places)
    columns = {c for place in places for c in place}
    for column in columns:
        chain = sorted((p[column], n) for n, p in enumerate(places) if column in p)
        for (_, a), (_, b) in zip(chain, chain[1:], strict=False):
            if b not in after[a]:
                after[a].add(b)
                waiting[b] += 1

    def rank(n: int) -> tuple[float, int]:
        place = places[n]
        return (sum(place.values()) / len(place), min(place))

    ready = [(rank(n), n) for n in range(len(places)) if waiting[n] == 0]
    heapq.heapify(ready)
    ordered = []
    while ready:
        _, n = heapq.heappop(ready)
        ordered.append(n)
        for m in after[n]:
            waiting[m] -= 1
            if waiting[m] == 0:
                heapq.heappush(ready, (rank(m), m))
    return ordered


def markdown_text(text: str) -> str:
    """Document text made inert in Markdown: HTML escaped (a clause quoting '<script>' or
    '<img onerror=…>' is shown, never run), table pipes and emphasis marks escaped, one
    line."""
    escaped = html.escape(text, quote=False)
    for mark in ("\\", "|", "*", "_", "`", "[", "]"):
        escaped = escaped.replace(mark, "\\" + mark)
    return " ".join(escaped.split())


def to_markdown(compilation: Compilation) -> str:
    """A Markdown table: one column per resolution, a heading row per section kind."""

    def cell_text(cell: Cell | None, kind: str) -> str:
        if cell is None:
            return ""
        text = markdown_text(cell.text)
        if cell.label:
            text = f"**{markdown_text(cell.label)}** {text}"
        if cell.kind != kind:
            text = f"*{markdown_text(cell.heading)}* {text}"
        return text

    header = ["section", *(markdown_text(c.label) for c in compilation.columns)]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for block in compilation.blocks:
        lines.append(f"| **{block.kind}** |" + " |" * len(compilation.columns))
        for row in block.rows:
            cells = [
                cell_text(row.cells.get(i), block.kind) for i in range(len(compilation.columns))
            ]
            lines.append("| | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


_STYLE = """
body{font-family:Georgia,'Times New Roman',serif;margin:1.5rem;color:#1b1b1b}
h1{font-size:1.3rem;margin:0 0 .3rem}
p.note{color:#555;font-size:.9rem;margin:.2rem 0 1rem}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:1px solid #bbb;padding:.35rem .5rem;vertical-align:top;font-size:.85rem;
  line-height:1.35}
thead th{position:sticky;top:0;background:#1f3a5f;color:#fff;text-align:left}
thead th small{display:block;font-weight:normal;opacity:.85}
tr.kind th{background:#e8edf3;text-align:left;font-style:italic;font-size:.95rem}
tr.matched td{background:#f7fbf4}
td .label{font-weight:bold;margin-right:.3rem}
td .heading{display:block;color:#1f3a5f;font-style:italic;margin-bottom:.2rem}
td .line{color:#888;font-size:.75rem;margin-left:.3rem}
td.empty{background:#fafafa}
"""


def to_html(compilation: Compilation, title: str = "Side-by-side compilation") -> str:
    """A self-contained HTML page (inline style, no script, nothing fetched)."""
    esc = html.escape
    head = "".join(
        f"<th>{esc(c.label)}<small>{esc(c.title)} — {esc(c.status)}</small></th>"
        for c in compilation.columns
    )
    body = []
    width = len(compilation.columns)
    for block in compilation.blocks:
        body.append(
            f'<tr class="kind" data-kind="{esc(block.kind)}">'
            f'<th colspan="{width}">{esc(block.kind)}</th></tr>'
        )
        for row in block.rows:
            matched = len(row.cells) > 1
            attrs = ' class="matched"' if matched else ""
            if row.similarity is not None:
                attrs += f' data-similarity="{row.similarity:.2f}"'
            if row.kind:
                attrs += f' data-class="{esc(row.kind)}"'
            cells = []
            for i in range(width):
                cell = row.cells.get(i)
                if cell is None:
                    cells.append('<td class="empty"></td>')
                    continue
                heading = (
                    f'<span class="heading">{esc(cell.heading)}</span>'
                    if cell.heading != block.kind or cell.kind != block.kind
                    else ""
                )
                label = f'<span class="label">{esc(cell.label)}</span>' if cell.label else ""
                cells.append(
                    f"<td>{heading}{label}{esc(cell.text)}"
                    f'<span class="line">line {cell.line}</span></td>'
                )
            body.append(f"<tr{attrs}>{''.join(cells)}</tr>")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{esc(title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{esc(title)}</h1>"
        '<p class="note">One column per resolution; one block per section kind; clauses that '
        "say the same thing stand on one (shaded) row, others on rows of their own. Generated "
        "by itukg compile.</p>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
        "</body></html>\n"
    )
