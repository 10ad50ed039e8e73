"""A read-only SPARQL 1.1 Protocol endpoint over the store, with a page to ask it.

Queries run in worker processes, each with the store opened read-only: a query that
passes the time limit is stopped by ending its worker (Oxigraph cannot be interrupted
from Python), and a new worker takes its place. A worker reopens the store when a build
has made a new generation current. Results stop at the result limit (the response then
carries `X-Itukg-Truncated`). Updates are refused with 403, whatever way they come.

Routes: `/sparql` (GET ?query=, POST form or application/sparql-query), `/queries`
(the library as JSON), `/queries/NAME?param=value` (a question of the library, its
parameters bound), `/` (the page).
"""

from __future__ import annotations

import json
import multiprocessing
import queue
import re
import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from itukg.errors import ItukgError, UnknownQuery

ASSETS = Path(__file__).resolve().parent / "assets"
MAX_BODY = 1 << 20  # bytes of a POSTed query
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/ld+json": "jsonld",
    "application/n-triples": "nt",
    "application/rdf+xml": "rdfxml",
}
RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_MEDIA = {
    "turtle": "text/turtle; charset=utf-8",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
    "rdfxml": "application/rdf+xml",
}


@dataclass
class Answer:
    status: int
    media_type: str
    body: bytes
    truncated: bool = False


def negotiate(accept: str, wanted: str | None) -> tuple[str, str]:
    """(results format, graph format) for an Accept header or an explicit format= value."""
    if wanted:
        if wanted in ("json", "xml", "csv", "tsv"):
            return wanted, "turtle"
        if wanted in GRAPH_MEDIA:
            return "json", wanted
        raise ValueError(f"unknown format '{wanted}' (json, xml, csv, tsv, turtle, jsonld, nt)")
    ranked = []
    for n, part in enumerate(accept.split(",")):
        media, *options = (p.strip() for p in part.split(";"))
        q = 1.0
        for option in options:
            if option.startswith("q="):
                try:
                    q = float(option[2:])
                except ValueError:
                    q = 0.0
        ranked.append((-q, n, media.lower()))
    results, graph = None, None
    for _, _, media in sorted(ranked):
        results = results or RESULT_TYPES.get(media)
        graph = graph or GRAPH_TYPES.get(media)
    return results or "json", graph or "turtle"


def _error(status: int, message: str) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))


def execute(store: Any, text: str, substitutions: dict, formats: tuple[str, str], limit: int):
    """Run one query on an open store and write its answer (in a worker)."""
    import pyoxigraph as ox

    from itukg.query import results as sparql_results

    try:
        answer = store.query(text, substitutions=substitutions)
    except SyntaxError as err:
        return _error(HTTPStatus.BAD_REQUEST, f"not a valid SPARQL query: {err}")
    except (OSError, ValueError, RuntimeError) as err:
        return _error(HTTPStatus.INTERNAL_SERVER_ERROR, f"the query failed: {err}")
    results_format, graph_format = formats
    if isinstance(answer, ox.QueryBoolean):
        body = sparql_results.boolean(bool(answer), results_format)
        return Answer(200, sparql_results.MEDIA_TYPES[results_format], body.encode("utf-8"))
    rows: list[Any] = []  # solutions or triples
    truncated = False
    for item in answer:
        if len(rows) == limit:
            truncated = True
            break
        rows.append(item)
    if isinstance(answer, ox.QuerySolutions):
        columns = [v.value for v in answer.variables]
        table = [[solution[c] for c in columns] for solution in rows]
        body = sparql_results.WRITERS[results_format](columns, table)
        media = sparql_results.MEDIA_TYPES[results_format]
        return Answer(200, media, body.encode("utf-8"), truncated)
    formats_ox = {
        "turtle": ox.RdfFormat.TURTLE,
        "jsonld": ox.RdfFormat.JSON_LD,
        "nt": ox.RdfFormat.N_TRIPLES,
        "rdfxml": ox.RdfFormat.RDF_XML,
    }
    data = ox.serialize(rows, format=formats_ox[graph_format]) or b""
    return Answer(200, GRAPH_MEDIA[graph_format], data, truncated)


def _worker(root: str, connection: Any) -> None:
    """A worker process: answers (text, bindings, formats, limit) requests until closed."""
    import gc

    from itukg.store import open_read
    from itukg.store.local import current_generation

    store, generation = None, None
    while True:
        try:
            request = connection.recv()
        except EOFError:
            return
        try:
            now = current_generation(Path(root))
            if store is None or now != generation:
                store = None
                gc.collect()
                store, generation = open_read(Path(root)), now
            answer = execute(store, *request)
        except ItukgError as err:
            answer = _error(HTTPStatus.SERVICE_UNAVAILABLE, str(err))
        connection.send(answer)


class Workers:
    """Worker processes, each used by one request at a time; one stuck past the time
    limit is ended and replaced."""

    def __init__(self, root: Path, count: int, timeout: float) -> None:
        self.root = str(root)
        self.timeout = timeout
        self.context = multiprocessing.get_context("spawn")
        self.idle: queue.Queue = queue.Queue()
        self.all: list[Any] = []
        self.lock = threading.Lock()
        for _ in range(count):
            self.idle.put(self._start())

    def _start(self) -> tuple[Any, Any]:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_worker, args=(self.root, child), daemon=True)
        process.start()
        child.close()
        with self.lock:
            self.all.append(process)
        return process, parent

    def ask(self, request: tuple) -> Answer:
        try:
            process, connection = self.idle.get(timeout=self.timeout)
        except queue.Empty:
            return _error(HTTPStatus.SERVICE_UNAVAILABLE, "every worker is busy; try again")
        connection.send(request)
        if connection.poll(self.timeout):
            try:
                answer = connection.recv()
            except EOFError:
                answer = _error(HTTPStatus.INTERNAL_SERVER_ERROR, "the query worker died")
            if process.is_alive():
                self.idle.put((process, connection))
            else:
                self._replace(process)
            return answer
        self._replace(process)
        return _error(
            HTTPStatus.SERVICE_UNAVAILABLE,
            f"the query ran past the time limit of {self.timeout:g} s and was stopped",
        )

    def _replace(self, process: Any) -> None:
        """End a worker (stuck or dead) and put a new one in its place."""
        process.kill()
        process.join()
        with self.lock:
            self.all.remove(process)
        self.idle.put(self._start())

    def close(self) -> None:
        with self.lock:
            for process in self.all:
                process.kill()
                process.join()
            self.all.clear()


def page(library: list[dict[str, Any]]) -> str:
    """The query page, with the library inlined as JSON (no fetch needed to list it)."""
    html = (ASSETS / "sparql.html").read_text(encoding="utf-8")
    data = json.dumps(library, ensure_ascii=False).replace("<", "\\u003c")
    return html.replace("/*LIBRARY*/[]", data)


def library_json() -> list[dict[str, Any]]:
    from itukg.query.questions import list_queries

    return [
        {
            "name": q.name,
            "summary": q.summary,
            "description": q.description,
            "params": [{"name": p.name, "type": p.type, "doc": p.doc} for p in q.params.values()],
        }
        for q in list_queries()
    ]


def make_handler(workers: Workers, limit: int, log: Any = None):
    """The request handler class, bound to its workers and result limit."""
    from itukg.query.questions import bind_parameters, is_update, load_query

    library = library_json()

    class Handler(BaseHTTPRequestHandler):
        server_version = "itukg"

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            if log:
                log(f"{self.address_string()} {format % args}")

        def do_GET(self) -> None:  # noqa: N802
            url = urlsplit(self.path)
            params = parse_qs(url.query, keep_blank_values=True)
            if url.path in ("/", "/index.html"):
                self._send(Answer(200, "text/html; charset=utf-8", page(library).encode()))
            elif url.path == "/sparql":
                if "update" in params:
                    self._refuse_update()
                elif "query" not in params:
                    self._send(_error(HTTPStatus.BAD_REQUEST, "give the query as ?query=…"))
                else:
                    self._query(params["query"][0], params)
            elif url.path == "/queries":
                body = json.dumps(library, indent=1, ensure_ascii=False).encode("utf-8")
                self._send(Answer(200, "application/json", body))
            elif url.path.startswith("/queries/"):
                self._named(url.path.removeprefix("/queries/"), params)
            else:
                self._send(_error(HTTPStatus.NOT_FOUND, f"nothing at {url.path}"))

        def do_POST(self) -> None:  # noqa: N802
            url = urlsplit(self.path)
            if url.path != "/sparql":
                if url.path in ("/update", "/store", "/data"):
                    self._refuse_update()
                else:
                    self._send(_error(HTTPStatus.NOT_FOUND, f"nothing at {url.path}"))
                return
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                self._send(_error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "query too long"))
                return
            body = self.rfile.read(length).decode("utf-8", errors="replace")
            media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            params = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
            if media == "application/sparql-update":
                self._refuse_update()
            elif media == "application/sparql-query":
                self._query(body, params)
            elif media == "application/x-www-form-urlencoded":
                form = parse_qs(body, keep_blank_values=True)
                if "update" in form:
                    self._refuse_update()
                elif "query" not in form:
                    self._send(_error(HTTPStatus.BAD_REQUEST, "the form has no 'query' field"))
                else:
                    self._query(form["query"][0], {**params, **form})
            else:
                self._send(
                    _error(
                        HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                        "POST application/sparql-query or a form with a 'query' field",
                    )
                )

        def do_PUT(self) -> None:  # noqa: N802
            self._refuse_update()

        do_DELETE = do_PATCH = do_PUT

        def _refuse_update(self) -> None:
            self._send(_error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: no updates"))

        def _formats(self, params: dict) -> tuple[str, str] | None:
            try:
                wanted = params.get("format", [None])[0]
                return negotiate(self.headers.get("Accept") or "", wanted)
            except ValueError as err:
                self._send(_error(HTTPStatus.NOT_ACCEPTABLE, str(err)))
                return None

        def _query(self, text: str, params: dict) -> None:
            if is_update(text):
                self._refuse_update()
                return
            formats = self._formats(params)
            if formats:
                self._send(workers.ask((text, {}, formats, limit)))

        def _named(self, name: str, params: dict) -> None:
            try:
                if not re.fullmatch(r"[\w-]+", name):  # a library name, never a path
                    raise UnknownQuery(f"no query named '{name}'")
                query = load_query(name)
                values = {k: v[0] for k, v in params.items() if k != "format"}
                substitutions = bind_parameters(query, values)
            except ItukgError as err:
                status = HTTPStatus.NOT_FOUND if isinstance(err, UnknownQuery) else 400
                self._send(_error(status, str(err)))
                return
            formats = self._formats(params)
            if formats:
                self._send(workers.ask((query.text, substitutions, formats, limit)))

        def _send(self, answer: Answer) -> None:
            self.send_response(answer.status)
            self.send_header("Content-Type", answer.media_type)
            self.send_header("Content-Length", str(len(answer.body)))
            self.send_header("X-Content-Type-Options", "nosniff")
            if answer.media_type.startswith("text/html"):
                self.send_header(
                    "Content-Security-Policy",
                    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                    "connect-src 'self'",
                )
            if answer.truncated:
                self.send_header("X-Itukg-Truncated", f"results stop at the limit of {limit}")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(answer.body)

    return Handler


def serve(
    root: Path,
    host: str,
    port: int,
    timeout: float,
    limit: int,
    workers: int = 2,
    log: Any = None,
    ready: Any = None,
) -> None:
    """Serve until interrupted; ready(url) is called once the socket listens."""
    from itukg.store import open_read

    open_read(root)  # no store: StoreError now, not at the first query
    pool = Workers(root, workers, timeout)
    try:
        server = ThreadingHTTPServer((host, port), make_handler(pool, limit, log))
    except OSError as err:
        pool.close()
        raise ItukgError(f"cannot listen on {host}:{port}: {err.strerror or err}") from None
    server.daemon_threads = True
    address = server.server_address
    url = f"http://{address[0]!s}:{address[1]}/"
    if ready:
        ready(url)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        pool.close()
