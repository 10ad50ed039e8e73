"""The side-by-side compilation analysts make by hand: one column per resolution, one
block of rows per section kind, matching clauses on the same row.

Within a block (all 'recalling' sections, all 'instructs' sections …), clauses of
different columns are paired by lexical similarity (use/similarity.py), best pairs
first, into rows holding at most one clause per column; a clause that matches nothing
has a row of its own. Rows keep the order of the texts. The result is rendered as a
self-contained HTML page or as Markdown.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from itukg.errors import QueryError
from itukg.overlap.similarity import Index

MATCH = 0.35  # below this similarity two clauses are not put on one row


@dataclass
class Cell:
    heading: str
    label: str | None
    line: int
    text: str
    position: float = 0.0  # where the clause stands in its column's block, from 0 to 1


@dataclass
class Column:
    version: str
    label: str
    title: str
    status: str


@dataclass
class Row:
    cells: dict[int, Cell] = field(default_factory=dict)  # column index → cell
    similarity: float | None = None  # the weakest link that joined the row


@dataclass
class Block:
    kind: str
    part: str
    rows: list[Row] = field(default_factory=list)


@dataclass
class Compilation:
    columns: list[Column]
    blocks: list[Block]


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
    """Lay the chosen versions side by side."""
    from itukg.query.questions import load_query, run

    chosen = choose_versions(store, wanted)
    columns = [Column(v["version"], v["label"], v["title"], v["status"]) for v in chosen]
    clauses_query = load_query("clauses")
    per_kind: dict[str, dict[int, list[Cell]]] = {}
    parts: dict[str, str] = {}
    order: list[tuple[int, int, str]] = []
    for index, column in enumerate(columns):
        results = run(store, clauses_query, {"version": column.version})
        names = results.columns
        rows: list[dict[str, Any]] = [dict(zip(names, row, strict=True)) for row in results.rows]
        for position, row in enumerate(rows):
            kind = row["kind"].value
            parts[kind] = row["part"].value
            if kind not in per_kind:
                preamble_first = 0 if row["part"].value == "preamble" else 1
                order.append((preamble_first, position + 1000 * index, kind))
                per_kind[kind] = {}
            per_kind[kind].setdefault(index, []).append(
                Cell(
                    heading=row["heading"].value,
                    label=row["label"].value if row["label"] is not None else None,
                    line=int(row["line"].value),
                    text=row["text"].value,
                    position=0.0,
                )
            )
    blocks = []
    for _, _, kind in sorted(order):
        cells = per_kind[kind]
        for column_cells in cells.values():
            for k, cell in enumerate(column_cells):
                cell.position = k / max(1, len(column_cells) - 1)
        blocks.append(Block(kind, parts[kind], _align(cells)))
    return Compilation(columns, blocks)


def _align(cells: dict[int, list[Cell]]) -> list[Row]:
    """Rows of matching clauses, best pairs first, never crossing: two rows keep in every
    column the order the texts give them."""
    flat = [
        (column, k, cell) for column, items in sorted(cells.items()) for k, cell in enumerate(items)
    ]
    index = Index([cell.text for _, _, cell in flat], max_df_share=1.0)
    scored = sorted(
        ((index.cosine(i, j), i, j) for i, j in index.candidates() if flat[i][0] != flat[j][0]),
        reverse=True,
    )
    places: list[dict[int, int]] = []  # for each row: column → position in that column
    row_of: dict[int, int] = {}
    for similarity, i, j in scored:
        if similarity < MATCH:
            break
        if i in row_of and j in row_of:
            continue
        if i in row_of:
            i, j = j, i
        # j may already have a row; i joins it (or both start one)
        target = row_of.get(j)
        merged = dict(places[target]) if target is not None else {flat[j][0]: flat[j][1]}
        if flat[i][0] in merged:
            continue
        merged[flat[i][0]] = flat[i][1]
        if any(_crosses(merged, other) for n, other in enumerate(places) if n != target):
            continue
        if target is None:
            places.append(merged)
            target = len(places) - 1
        places[target] = merged
        row_of[i] = row_of[j] = target
    for k, (column, position, _) in enumerate(flat):
        if k not in row_of:
            places.append({column: position})
            row_of[k] = len(places) - 1
    by_place = {(column, position): cell for column, position, cell in flat}
    rows = [Row({c: by_place[(c, p)] for c, p in place.items()}) for place in places]
    for similarity, i, j in scored:
        if similarity >= MATCH and row_of[i] == row_of[j]:
            row = rows[row_of[i]]
            row.similarity = (
                similarity if row.similarity is None else min(row.similarity, similarity)
            )
    return [rows[n] for n in _in_text_order(places)]


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


def to_markdown(compilation: Compilation) -> str:
    """A Markdown table: one column per resolution, a heading row per section kind."""

    def cell_text(cell: Cell | None) -> str:
        if cell is None:
            return ""
        text = f"**{cell.label}** {cell.text}" if cell.label else cell.text
        return text.replace("|", "\\|").replace("\n", " ")

    header = ["section", *(c.label for c in compilation.columns)]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for block in compilation.blocks:
        lines.append(f"| **{block.kind}** |" + " |" * len(compilation.columns))
        for row in block.rows:
            cells = [cell_text(row.cells.get(i)) for i in range(len(compilation.columns))]
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
            cells = []
            for i in range(width):
                cell = row.cells.get(i)
                if cell is None:
                    cells.append('<td class="empty"></td>')
                    continue
                heading = (
                    f'<span class="heading">{esc(cell.heading)}</span>'
                    if cell.heading != block.kind
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
