"""A graph kept in a SPARQL server a team already runs (Oxigraph server, Fuseki, Virtuoso,
GraphDB), reached by the SPARQL 1.1 Protocol, Update and Graph Store Protocol.

Reads post the query to the query endpoint; a question's parameters travel as a VALUES
block of RDF terms placed at the top of its WHERE group (the protocol has no other way to
bind them; terms are written in N-Triples syntax, so a value can never become query
text). Writes replace the graph in one request (a Graph Store PUT, or CLEAR plus INSERT
DATA in one update request, which servers run as one transaction), so a failed build
leaves the previous graph as it was. With `graph`, the data lives in that named graph:
writes go there and reads name it as the default graph (default-graph-uri).
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

from itukg.errors import StoreError

TIMEOUT = 600.0  # seconds for one request; a build of a large corpus is one request


@dataclass(frozen=True)
class Remote:
    """Where a remote graph is: its query endpoint, and where writes go."""

    endpoint: str | None = None
    update_endpoint: str | None = None
    graph_store: str | None = None
    graph: str | None = None

    def __str__(self) -> str:
        where = self.endpoint or self.graph_store or self.update_endpoint or "?"
        return f"{where}" + (f" (graph <{self.graph}>)" if self.graph else "")


def _request(url: str, data: bytes | None, headers: dict[str, str], method: str = "POST") -> bytes:
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.read()
    except urllib.error.HTTPError as error:
        detail = error.read().decode("utf-8", errors="replace").strip()[:400]
        raise StoreError(f"{url} answered {error.code} {error.reason}: {detail}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise StoreError(f"cannot reach {url}: {reason}") from None


class RemoteSolutions:
    """SELECT results read from SPARQL JSON, shaped like pyoxigraph's QuerySolutions."""

    def __init__(self, data: dict[str, Any]) -> None:
        import pyoxigraph as ox

        self.variables = [ox.Variable(v) for v in data["head"].get("vars", [])]
        names = [v.value for v in self.variables]
        self._rows = [
            {n: _term(b[n]) for n in names if n in b} for b in data["results"]["bindings"]
        ]

    def __iter__(self):
        return (RemoteSolution(row) for row in self._rows)

    def __len__(self) -> int:
        return len(self._rows)


class RemoteSolution:
    def __init__(self, row: dict[str, Any]) -> None:
        self._row = row

    def __getitem__(self, name: Any) -> Any:
        return self._row.get(getattr(name, "value", name))


def _term(binding: dict[str, str]) -> Any:
    import pyoxigraph as ox

    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(re.sub(r"[^A-Za-z0-9_]", "_", value) or "b")
    if "xml:lang" in binding:
        return ox.Literal(value, language=binding["xml:lang"])
    if "datatype" in binding:
        return ox.Literal(value, datatype=ox.NamedNode(binding["datatype"]))
    return ox.Literal(value)


class RemoteStore:
    """The read side of a Remote: `query(text, substitutions)` as pyoxigraph's Store has."""

    def __init__(self, remote: Remote) -> None:
        if not remote.endpoint:
            raise StoreError("reading a remote graph needs --endpoint (its SPARQL query URL)")
        self.remote = remote

    def query(self, text: str, substitutions: dict | None = None) -> Any:
        if substitutions:
            text = with_values(text, substitutions)
        form = {"query": text}
        if self.remote.graph:
            form["default-graph-uri"] = self.remote.graph
        body = _request(
            self.remote.endpoint or "",
            urllib.parse.urlencode(form).encode("utf-8"),
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/sparql-results+json",
            },
        )
        try:
            data = json.loads(body)
        except ValueError:
            raise StoreError(f"{self.remote.endpoint}: the answer is not SPARQL JSON") from None
        if "boolean" in data:
            return bool(data["boolean"])
        return RemoteSolutions(data)

    def __len__(self) -> int:
        rows = list(self.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
        return int(rows[0]["n"].value) if rows else 0


_SKIP = re.compile(
    r'#[^\n]*|<[^<>"{}|^`\\\s]*>|"""(?:[^"\\]|\\.|"(?!""))*"""|'
    r"'''(?:[^'\\]|\\.|'(?!''))*'''|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'"
)


def with_values(text: str, substitutions: dict) -> str:
    """The query with `VALUES (?a ?b) { (term term) }` first in its WHERE group."""
    names = " ".join(f"?{variable.value}" for variable in substitutions)
    terms = " ".join(str(term) for term in substitutions.values())
    block = f"\n  VALUES ({names}) {{ ({terms}) }}\n"
    position = _where_brace(text)
    if position is None:
        raise StoreError("cannot bind parameters: the query has no WHERE group")
    return text[: position + 1] + block + text[position + 1 :]


def _where_brace(text: str) -> int | None:
    """Index of the '{' that opens the outermost WHERE group (comments, IRIs and strings
    skipped): after the WHERE keyword, or the first group of a SELECT or ASK without it."""
    depth, index, form = 0, 0, None
    after_where = False
    while index < len(text):
        skipped = _SKIP.match(text, index)
        if skipped:
            index = skipped.end()
            continue
        char = text[index]
        if char == "{":
            if depth == 0 and (after_where or form in ("SELECT", "ASK")):
                return index
            depth += 1
        elif char == "}":
            depth -= 1
        elif depth == 0 and char.isalpha():
            word = re.match(r"[A-Za-z_]+", text[index:])
            keyword = word.group(0).upper() if word else ""
            if keyword in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE") and form is None:
                form = keyword
            elif keyword == "WHERE":
                after_where = True
            index += max(1, len(keyword))
            continue
        index += 1
    return None


def replace(remote: Remote, ntriples: list[bytes | str]) -> int:
    """Replace the remote graph with the N-Triples documents, in one request."""
    data = _joined(ntriples)
    if remote.graph_store:
        target = remote.graph_store
        query = {"graph": remote.graph} if remote.graph else {"default": ""}
        url = target + ("&" if "?" in target else "?") + urllib.parse.urlencode(query)
        _request(url, data, {"Content-Type": "application/n-triples"}, method="PUT")
    elif remote.update_endpoint:
        clear = f"CLEAR SILENT GRAPH <{remote.graph}>" if remote.graph else "CLEAR SILENT DEFAULT"
        _update(remote, f"{clear} ;\n{_insert(remote, data)}")
    else:
        raise StoreError("writing to a remote graph needs --update-endpoint or --graph-store")
    return _size(remote)


def amend(remote: Remote, update: str, ntriples: list[bytes | str]) -> int:
    """Run an update (to forget what is recomputed) and add N-Triples, in one request."""
    if not remote.update_endpoint:
        raise StoreError("changing a remote graph in place needs --update-endpoint")
    scoped = f"WITH <{remote.graph}> {update}" if remote.graph else update
    _update(remote, f"{scoped} ;\n{_insert(remote, _joined(ntriples))}")
    return _size(remote)


def _joined(ntriples: list[bytes | str]) -> bytes:
    return b"".join(d.encode("utf-8") if isinstance(d, str) else d for d in ntriples)


def _size(remote: Remote) -> int:
    """Triples in the graph, when it can be asked (0 with no query endpoint)."""
    return len(RemoteStore(remote)) if remote.endpoint else 0


def _insert(remote: Remote, data: bytes) -> str:
    triples = data.decode("utf-8")
    if remote.graph:
        return f"INSERT DATA {{ GRAPH <{remote.graph}> {{\n{triples}\n}} }}"
    return f"INSERT DATA {{\n{triples}\n}}"


def _update(remote: Remote, text: str) -> None:
    _request(
        remote.update_endpoint or "",
        urllib.parse.urlencode({"update": text}).encode("utf-8"),
        {"Content-Type": "application/x-www-form-urlencoded"},
    )
