"""Flattened compilation tables: side-by-side columns of related resolutions.

Word's text export writes a table row by row, cell by cell: a line that starts with a
tab begins a new cell (a lone tab is an empty cell), the cell's other lines follow
unindented, and runs of empty lines are padding. A compilation table opens with a
header row of short column names that name conferences ('PP-26', 'RA', 'WTSA',
'WTDC'). Cells then fill the columns in turn, so that each column, read top to
bottom, is the text of one resolution, whose lists may run on from one row to the next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from itukg.ontology import Vocabulary
from itukg.read.text import Line

_HEADER_CELL = re.compile(r"^(?P<acronym>[A-Z][A-Za-z]{1,9})(?:-(?P<year>\d{2}))?$")
_END = re.compile(r"^_{5,}$")  # the rule ITU documents end with
MIN_COLUMNS = 2


@dataclass
class Column:
    """One column: its header as written, the body it names, and its lines in order."""

    header: str
    body: str | None  # ontology id of the conference the header names
    lines: list[Line] = field(default_factory=list)


@dataclass
class Table:
    """A compilation table found in the text (line numbers are 1-based, inclusive; the
    indices are positions in the list of lines, which line numbers are not when they
    count source lines, as in XML and HTML)."""

    header_line: int
    last_line: int
    columns: list[Column]
    rows: int
    header_index: int = 0  # position of the header row's first line
    end_index: int = 0  # position of the first line after the table


def find_tables(lines: list[Line], vocabulary: Vocabulary) -> list[Table]:
    """Every compilation table in the text, in order."""
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        header = _header_at(lines, i, vocabulary)
        if header is None:
            i += 1
            continue
        columns, last_header_index = header
        table = _read_table(lines, i, last_header_index, columns)
        tables.append(table)
        i = table.end_index
    return tables


def _header_at(lines: list[Line], start: int, vocabulary: Vocabulary):
    """Columns if a header row of conference names starts at lines[start]."""
    columns: list[Column] = []
    index = start
    last = start
    while index < len(lines):
        line = lines[index]
        if not line.text:
            if columns and line.indent == 0:
                break
            index += 1
            continue
        if line.indent == 0:
            break
        match = _HEADER_CELL.match(line.text)
        body = vocabulary.actor_by_acronym(match.group("acronym")) if match else None
        if body is None or "GoverningBody" not in body.classes:
            break
        columns.append(Column(line.text, body.id))
        last = index
        index += 1
    if len(columns) < MIN_COLUMNS:
        return None
    return columns, last


def _read_table(lines: list[Line], start: int, last_header: int, columns: list[Column]) -> Table:
    """Deal the cells after the header row to the columns in turn, until the text ends."""
    width = len(columns)
    cell_index = -1
    last_line = lines[last_header].number
    end = last_header + 1
    for index, line in enumerate(lines[last_header + 1 :], start=last_header + 1):
        if _END.match(line.text):
            break
        if line.indent > 0:
            cell_index += 1
        if cell_index < 0:
            continue
        column = columns[cell_index % width]
        if line.text:
            column.lines.append(Line(line.number, line.raw, line.text, 0, line.notes))
            last_line = line.number
            end = index + 1
    cells = cell_index + 1
    return Table(
        header_line=lines[start].number,
        last_line=last_line,
        columns=columns,
        rows=-(-cells // width),
        header_index=start,
        end_index=end,
    )
