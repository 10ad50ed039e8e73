"""Run the SPARQL question library (queries/*.rq) and ad-hoc queries on the store.

Each .rq file starts with a header of `#+ key: value` lines (summary, description,
param, columns). Parameters are bound as RDF terms through Oxigraph's substitutions
(SEP-0007), never pasted into the query text; a parameter left out stays a free
variable, so it filters only when given. Oxigraph binds only variables of the SELECT
projection, and folds BOUND() of a variable no pattern binds before it binds it: an
optional filter is written `FILTER(COALESCE(?x = ?param, true))` (an unbound parameter
makes the comparison an error, which COALESCE turns into true), and "is the parameter
given" as `COALESCE(?param = ?param, false)`. A BIND of the parameter followed by more
patterns makes Oxigraph's planner join badly: keep parameters inside FILTERs.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from itukg.errors import QueryError, UnknownQuery
from itukg.namespaces import PREFIXES, expand
from itukg.ontology import queries_dir

_HEADER = re.compile(r"^#\+\s*(?P<key>[a-z_]+)\s*:\s*(?P<value>.*)$")
_PARAM = re.compile(
    r"^(?P<name>\w+)\s*(?:\((?P<type>iri|string|integer|decimal|boolean)\))?\s*(?:[—-]+\s*(?P<doc>.*))?$"
)
_LEXICAL = {
    "integer": re.compile(r"^[+-]?\d+$"),
    "decimal": re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$"),
    "boolean": re.compile(r"^(true|false)$"),
}


@dataclass
class Parameter:
    name: str
    type: str
    doc: str


@dataclass
class QueryFile:
    """A SPARQL question with its documented header."""

    name: str
    path: Path | None
    text: str
    summary: str = ""
    description: str = ""
    columns: list[str] = field(default_factory=list)
    params: dict[str, Parameter] = field(default_factory=dict)


def parse_query_text(name: str, text: str, path: Path | None = None) -> QueryFile:
    query = QueryFile(name=name, path=path, text=text)
    last_key = None
    for line in text.splitlines():
        m = _HEADER.match(line)
        if m:
            key, value = m.group("key"), m.group("value").strip()
            last_key = key
            if key == "summary":
                query.summary = value
            elif key == "description":
                query.description = value
            elif key == "columns":
                query.columns = [c.strip() for c in value.split(",") if c.strip()]
            elif key == "param":
                p = _PARAM.match(value)
                if not p:
                    raise QueryError(f"{name}: cannot read parameter line '#+ param: {value}'")
                query.params[p.group("name")] = Parameter(
                    p.group("name"), p.group("type") or "string", (p.group("doc") or "").strip()
                )
        elif line.startswith("#+ ") and last_key == "description":
            query.description += " " + line[3:].strip()
        elif not line.startswith("#"):
            last_key = None
    return query


def list_queries(directory: Path | None = None) -> list[QueryFile]:
    directory = directory or queries_dir()
    return [load_query(str(p)) for p in sorted(directory.glob("*.rq"))]


def load_query(name_or_path: str, directory: Path | None = None) -> QueryFile:
    """A query of the library by name ('resolutions'), or any .rq file by path."""
    path = Path(name_or_path)
    if path.suffix != ".rq" or not path.exists():
        path = (directory or queries_dir()) / f"{name_or_path.removesuffix('.rq')}.rq"
    if not path.exists():
        known = ", ".join(p.stem for p in sorted((directory or queries_dir()).glob("*.rq")))
        raise UnknownQuery(f"no query named '{name_or_path}' (known: {known})")
    return parse_query_text(path.stem, path.read_text(encoding="utf-8"), path)


def bind_parameters(query: QueryFile, values: dict[str, str]):
    """Oxigraph substitutions for the given name=value pairs, typed as the header says."""
    import pyoxigraph as ox

    bound = {}
    for name, value in values.items():
        param = query.params.get(name)
        if param is None:
            known = ", ".join(query.params) or "none"
            raise QueryError(
                f"query '{query.name}' has no parameter '{name}' (parameters: {known})"
            )
        term: ox.NamedNode | ox.Literal
        if param.type == "iri":
            try:
                term = ox.NamedNode(expand(value))
            except ValueError as err:
                raise QueryError(f"parameter '{name}' is not a valid IRI: {err}") from None
        elif param.type in {"integer", "decimal", "boolean"}:
            if not _LEXICAL[param.type].match(value):
                raise QueryError(f"parameter '{name}' must be a {param.type}, got '{value}'")
            term = ox.Literal(value, datatype=ox.NamedNode(PREFIXES["xsd"] + param.type))
        else:
            term = ox.Literal(value)
        bound[ox.Variable(name)] = term
    return bound


@dataclass
class Results:
    columns: list[str]
    rows: list[list[Any]]  # pyoxigraph terms or None (or plain strings, for a listing)

    def records(self, missing: str | None = "") -> list[dict[str, Any]]:
        """The rows as dicts of plain values (IRIs and literal forms); an unbound
        variable gives `missing`."""
        return [
            {c: (getattr(t, "value", t) if t is not None else missing)
             for c, t in zip(self.columns, row, strict=True)}
            for row in self.rows
        ]  # fmt: skip


def run(
    store,
    query: QueryFile,
    values: dict[str, str] | None = None,
    allow_service: Collection[str] = (),
) -> Results:
    """Run a SELECT or ASK query on a store (pyoxigraph's, or a RemoteStore); updates
    are refused, and so is a SERVICE call to a host not in `allow_service`."""
    import pyoxigraph as ox

    from itukg.query.scan import check_services, scan

    found = scan(query.text)
    if found.is_update:
        raise QueryError(f"query '{query.name}' would change the store; only queries are run")
    if found.problem:
        raise QueryError(f"query '{query.name}' is not valid SPARQL: {found.problem}")
    check_services(found, allow_service)
    try:
        solutions = store.query(query.text, substitutions=bind_parameters(query, values or {}))
    except SyntaxError as err:
        raise QueryError(f"query '{query.name}' is not valid SPARQL: {err}") from None
    if isinstance(solutions, (ox.QueryBoolean, bool)):
        return Results(["result"], [[ox.Literal(str(bool(solutions)).lower())]])
    if not hasattr(solutions, "variables"):  # pyoxigraph's or a remote store's solutions
        raise QueryError(f"query '{query.name}' is not a SELECT or ASK query")
    columns = [v.value for v in solutions.variables]
    # a parameter is projected only because Oxigraph binds projected variables; unless the
    # header lists it as a column, it is not shown
    shown = [c for c in columns if c not in query.params or c in query.columns]
    rows = [[solution[c] for c in shown] for solution in solutions]
    return Results(shown, rows)


def term_text(term: object) -> str:
    """A term as a person reads it: IRIs shortened with the known prefixes, literals bare."""
    import pyoxigraph as ox

    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, namespace in sorted(PREFIXES.items(), key=lambda p: -len(p[1])):
            if term.value.startswith(namespace):
                return f"{prefix}:{term.value[len(namespace) :]}"
        return term.value
    return getattr(term, "value", str(term))


def format_table(results: Results, width: int = 60) -> str:
    """An aligned text table; long cells are cut with '…'."""
    cells = [[_cut(term_text(t), width) for t in row] for row in results.rows]
    widths = [len(c) for c in results.columns]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    line = "  ".join(c.ljust(w) for c, w in zip(results.columns, widths, strict=True))
    out = [line.rstrip(), "  ".join("-" * w for w in widths)]
    out += [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out)


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def serialize(results: Results, fmt: str) -> str:
    """csv, tsv or json (the SPARQL 1.1 results formats), or an aligned table."""
    from itukg.query.results import WRITERS

    if fmt == "table":
        return format_table(results)
    if fmt in ("json", "csv", "tsv"):
        return WRITERS[fmt](results.columns, results.rows)
    raise QueryError(f"unknown format '{fmt}' (table, csv, tsv, json)")


def is_update(text: str) -> bool:
    """Whether a SPARQL text is an update: its first keyword after the prologue is not
    SELECT, ASK, CONSTRUCT or DESCRIBE (INSERT, DELETE, LOAD, CLEAR, DROP, WITH, …)."""
    from itukg.query.scan import scan

    return scan(text).is_update
