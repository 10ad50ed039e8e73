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
from itukg.store import credentials
from itukg.store.credentials import Authenticator

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


class _Challenged(Exception):
    """A 401, with the server's WWW-Authenticate challenges."""

    def __init__(self, reason: str, challenges: list[str]) -> None:
        super().__init__(reason)
        self.reason, self.challenges = reason, challenges


def _send(request: urllib.request.Request) -> bytes:
    """The body of the answer; a 401 raises _Challenged, any other failure a StoreError."""
    url = request.full_url
    try:
        with _OPENER.open(request, timeout=TIMEOUT) as response:
            return response.read()
    except urllib.error.HTTPError as error:
        detail = error.read().decode("utf-8", errors="replace").strip()[:400]
        if error.code == 401:
            challenges = error.headers.get_all("WWW-Authenticate") or []
            raise _Challenged(error.reason, challenges) from None
        raise StoreError(f"{url} answered {error.code} {error.reason}: {detail}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise StoreError(f"cannot reach {url}: {reason}") from None


def _request(
    url: str,
    data: bytes | None,
    headers: dict[str, str],
    method: str = "POST",
    action: str = "query",
) -> bytes:
    """Send one request, answering the server's challenge when it asks for credentials.
    Before a write with no answer ready, a HEAD asks whether it will: a server may close
    on a 401 without reading a large body (the client then sees a broken pipe, not the
    401), and a body refused is a body sent twice."""
    auth = _authenticator(url)
    header = auth.header(method, url) if auth else None
    answered = False  # the header answers the server's latest challenge
    if action == "write" and header is None:
        try:
            _send(urllib.request.Request(url, method="HEAD"))
        except _Challenged as challenged:
            header, answered = _answer(challenged, url, method, action, auth, answered), True
        except StoreError:
            pass  # no HEAD there: the write itself tells
    while True:
        sent = {**headers, "Authorization": header} if header else headers
        try:
            return _send(urllib.request.Request(url, data, sent, method=method))
        except _Challenged as challenged:
            header, answered = _answer(challenged, url, method, action, auth, answered), True


def _answer(
    challenged: _Challenged,
    url: str,
    method: str,
    action: str,
    auth: Authenticator | None,
    answered: bool,
) -> str:
    """The Authorization header that answers a 401, or the StoreError that says why none
    can: no credentials, ones of the wrong kind, or ones already refused."""
    if auth is None or answered or not auth.answer(challenged.challenges):
        said = f"{url} refused the {action}: 401 {challenged.reason}"
        raise StoreError(_refused(said, url, challenged.challenges, auth, answered))
    return auth.header(method, url) or ""


def _refused(
    said: str, url: str, challenges: list[str], auth: Authenticator | None, answered: bool
) -> str:
    """Why a 401 stands, and what to set."""
    asks = credentials.schemes(challenges)
    user, password, token = credentials.USER, credentials.PASSWORD, credentials.TOKEN
    if auth is None:
        host = urllib.parse.urlsplit(url).hostname
        return (f"{said}, it asks for {asks} credentials; set {user} and {password} (or "
                f"{token} for a bearer token) in the environment, or add an entry for {host} "
                f"to a netrc file")  # fmt: skip
    given = auth.credentials
    offered = {credentials.parse_challenge(c)[0] for c in challenges}
    if given.token and offered & {"basic", "digest"}:
        return f"{said}, it asks for {asks} credentials: set {user} and {password}, not {token}"
    if not given.token and not answered:
        hint = f"set {token}" if "bearer" in offered else "itukg cannot answer them"
        return f"{said}, it asks for {asks} credentials: {hint}"
    who = "the bearer token" if given.token else f"the password of user '{given.user}'"
    return f"{said}: it does not accept {who} (from {given.source})"


_AUTHENTICATORS: dict[tuple[str, credentials.Credentials], Authenticator] = {}


def _authenticator(url: str) -> Authenticator | None:
    """The credentials for the URL's host, with what its server asked before in this run."""
    found = credentials.find(url)
    if found is None:
        return None
    parts = urllib.parse.urlsplit(url)
    key = (f"{parts.scheme}://{parts.netloc}", found)
    return _AUTHENTICATORS.setdefault(key, Authenticator(found))


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Redirects that never carry credentials to another host."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        old_host = urllib.parse.urlsplit(req.full_url).netloc
        if new is not None and urllib.parse.urlsplit(newurl).netloc != old_host:
            new.remove_header("Authorization")
        return new


_OPENER = urllib.request.build_opener(_Redirects)


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


_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"


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
        if binding["datatype"] == _BOOLEAN:  # Virtuoso writes xsd:boolean as 0 and 1
            value = {"0": "false", "1": "true"}.get(value, value)
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
        if data.get("head", {}).get("vars") == ["__ASK_RETVAL"]:  # Virtuoso's ASK, as a row
            rows = data["results"]["bindings"]
            return bool(rows) and rows[0]["__ASK_RETVAL"]["value"] not in ("0", "false")
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
        _request(url, data, {"Content-Type": "application/n-triples"}, "PUT", "write")
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


BLOCK = 1000  # triples a block: Virtuoso's SPARQL parser gives up near 5,000 in one group


def _insert(remote: Remote, data: bytes) -> str:
    """The triples as INSERT DATA, in blocks of the named graph. Triples with blank nodes go
    in one `INSERT { … } WHERE {}`, which means the same (fresh blank nodes, one solution)
    and which Virtuoso accepts: it refuses blank nodes in DATA."""
    lines = [line for line in data.decode("utf-8").split("\n") if line.strip()]
    blank = [line for line in lines if line.startswith("_:") or "> _:" in line]
    plain = [line for line in lines if not (line.startswith("_:") or "> _:" in line)]

    def scoped(triples: list[str]) -> str:
        text = "\n".join(triples)
        return f"GRAPH <{remote.graph}> {{\n{text}\n}}" if remote.graph else text

    # the default graph's triples are one group: cut in blocks, each would need a GRAPH
    step = BLOCK if remote.graph else max(len(plain), 1)
    blocks = [plain[i : i + step] for i in range(0, len(plain), step)]
    operations = ["INSERT DATA {\n" + "\n".join(scoped(b) for b in blocks) + "\n}"]
    if blank:
        operations.append(f"INSERT {{\n{scoped(blank)}\n}} WHERE {{}}")
    return " ;\n".join(operations)


def _update(remote: Remote, text: str) -> None:
    _request(
        remote.update_endpoint or "",
        urllib.parse.urlencode({"update": text}).encode("utf-8"),
        {"Content-Type": "application/x-www-form-urlencoded"},
        action="write",
    )
