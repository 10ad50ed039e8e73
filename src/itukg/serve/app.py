"""The endpoint as a Starlette application: the SPARQL 1.1 Protocol on /sparql, the
question library on /queries, and the page on /.

Requests are read here, within limits (body size, read time, form fields), and turned
into a worker `Request`; everything about the query text itself (update, SERVICE,
nesting) is decided in the worker, under its time limit, so that no text can hold up the
event loop. `default-graph-uri` and `named-graph-uri` set the dataset, as the protocol
says; answers come from the worker whole when small, else in chunks as it sends them.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator, Callable
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.requests import Request as HttpRequest
from starlette.responses import Response
from starlette.routing import Route

from itukg.errors import ItukgError
from itukg.serve.formats import negotiate
from itukg.serve.pool import Pool, Reply, WorkerLost
from itukg.serve.settings import Settings
from itukg.serve.worker import Request

ASSETS = Path(__file__).resolve().parent / "assets"
DRAIN = 16 << 20  # bytes of an oversized body read and dropped, so the client sees the 413
MAX_FIELDS = 200
PAGE_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'"
)


class Refused(Exception):
    """A request answered with an error status and a plain message."""

    def __init__(self, status: int, message: str, close: bool = False) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.close = close


def plain(status: int, message: str, close: bool = False) -> Response:
    headers = {"X-Content-Type-Options": "nosniff"}
    if close:
        headers["Connection"] = "close"
    return Response(message + "\n", status, headers, "text/plain; charset=utf-8")


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


def page(library: list[dict[str, Any]]) -> str:
    """The query page, with the library inlined as JSON (no fetch needed to list it)."""
    html = (ASSETS / "sparql.html").read_text(encoding="utf-8")
    data = json.dumps(library, ensure_ascii=False).replace("<", "\\u003c")
    return html.replace("/*LIBRARY*/[]", data)


async def read_body(request: HttpRequest, settings: Settings) -> bytes:
    """The body, chunked or not, within the size limit and the read timeout; an oversized
    body is read and dropped (up to DRAIN) before the 413, so that the client sees it."""
    declared = request.headers.get("content-length")
    size = int(declared) if declared and declared.isdigit() else None  # the server checked it
    too_long = f"the query is longer than {settings.max_body} bytes"
    expects = "100-continue" in request.headers.get("expect", "").lower()
    if size is not None and size > settings.max_body and (expects or size > DRAIN):
        raise Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, too_long, close=True)
    parts: list[bytes] = []
    received = 0
    try:
        async with asyncio.timeout(settings.read_timeout):
            async for chunk in request.stream():
                received += len(chunk)
                if received <= settings.max_body:
                    parts.append(chunk)
                elif received > DRAIN:
                    break
    except TimeoutError:
        raise Refused(
            HTTPStatus.REQUEST_TIMEOUT,
            f"the request body did not come within {settings.read_timeout:g} s",
            close=True,
        ) from None
    if received > settings.max_body:
        raise Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, too_long, close=received > DRAIN)
    return b"".join(parts)


def _text(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise Refused(HTTPStatus.BAD_REQUEST, f"{what} is not UTF-8 ({err.reason})") from None


def _form(text: str) -> dict[str, list[str]]:
    try:
        return parse_qs(text, keep_blank_values=True, max_num_fields=MAX_FIELDS)
    except ValueError:
        raise Refused(HTTPStatus.BAD_REQUEST, f"more than {MAX_FIELDS} fields") from None


def _graphs(params: dict[str, list[str]], name: str) -> list[str] | None:
    import pyoxigraph as ox

    if name not in params:
        return None
    for iri in params[name]:
        try:
            ox.NamedNode(iri)
        except ValueError as err:
            raise Refused(HTTPStatus.BAD_REQUEST, f"{name} is not a valid IRI: {err}") from None
    return params[name]


class Endpoint:
    """The routes, bound to the pool and the settings."""

    def __init__(self, pool: Pool, settings: Settings) -> None:
        from itukg.query.questions import list_queries

        self.pool = pool
        self.settings = settings
        self.library = library_json()
        self.questions = {q.name: q for q in list_queries()}
        self.page = page(self.library).encode("utf-8")

    async def index(self, request: HttpRequest) -> Response:
        headers = {"Content-Security-Policy": PAGE_POLICY, "X-Content-Type-Options": "nosniff"}
        return Response(self.page, 200, headers, "text/html; charset=utf-8")

    async def questions_list(self, request: HttpRequest) -> Response:
        body = json.dumps(self.library, indent=1, ensure_ascii=False).encode("utf-8")
        return Response(body, 200, media_type="application/json")

    async def sparql(self, request: HttpRequest) -> Response:
        try:
            params = _form(_text(request.scope["query_string"], "the query string"))
            if request.method == "POST":
                media = request.headers.get("content-type", "").split(";")[0].strip().lower()
                if media == "application/sparql-update":
                    await read_body(request, self.settings)
                    raise Refused(HTTPStatus.FORBIDDEN, "this endpoint is read-only: no updates")
                body = await read_body(request, self.settings)
                if media == "application/sparql-query":
                    params["query"] = [_text(body, "the query")]
                elif media == "application/x-www-form-urlencoded":
                    form = _form(_text(body, "the form"))
                    if "update" in form:
                        raise Refused(
                            HTTPStatus.FORBIDDEN, "this endpoint is read-only: no updates"
                        )
                    if "query" not in form:
                        raise Refused(HTTPStatus.BAD_REQUEST, "the form has no 'query' field")
                    params = {**params, **form}
                else:
                    raise Refused(
                        HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                        "POST application/sparql-query or a form with a 'query' field",
                    )
            elif "update" in params:
                raise Refused(HTTPStatus.FORBIDDEN, "this endpoint is read-only: no updates")
            if "query" not in params:
                raise Refused(HTTPStatus.BAD_REQUEST, "give the query as ?query=…")
            if len(params["query"]) > 1:
                raise Refused(HTTPStatus.BAD_REQUEST, "give one query, not several")
            work = Request(
                params["query"][0],
                formats=self._formats(request, params),
                default_graphs=_graphs(params, "default-graph-uri"),
                named_graphs=_graphs(params, "named-graph-uri"),
            )
        except Refused as refused:
            return plain(refused.status, refused.message, refused.close)
        return await self._answer(work)

    async def named(self, request: HttpRequest) -> Response:
        from itukg.query.questions import bind_parameters

        name = request.path_params["name"]
        query = self.questions.get(name)
        if query is None:
            shown = name if len(name) <= 80 else name[:79] + "…"
            return plain(HTTPStatus.NOT_FOUND, f"no query named '{shown}'")
        try:
            params = _form(_text(request.scope["query_string"], "the query string"))
            values = {k: v[0] for k, v in params.items() if k != "format"}
            substitutions = bind_parameters(query, values)
            work = Request(query.text, substitutions, self._formats(request, params))
        except ItukgError as err:
            return plain(HTTPStatus.BAD_REQUEST, str(err))
        except Refused as refused:
            return plain(refused.status, refused.message)
        return await self._answer(work)

    def _formats(self, request: HttpRequest, params: dict[str, list[str]]) -> tuple[str, str]:
        try:
            wanted = params.get("format", [None])[0]
            return negotiate(request.headers.get("accept", ""), wanted)
        except ValueError as err:
            raise Refused(HTTPStatus.NOT_ACCEPTABLE, str(err)) from None

    async def _answer(self, work: Request) -> Response:
        reply = await self.pool.ask(work)
        head = reply.head
        headers = {"X-Content-Type-Options": "nosniff"}
        if head.truncated:
            headers["X-Itukg-Truncated"] = head.truncated
        if reply.chunks is None:
            return Response(head.body or b"", head.status, headers, head.media_type)
        return Relayed(reply, headers, self.pool.log)


class Relayed(Response):
    """A large answer, sent in chunks as its worker sends them; cut (the connection
    closed without the final chunk) if the worker is lost on the way."""

    def __init__(self, reply: Reply, headers: dict[str, str], log: Callable | None) -> None:
        super().__init__(None, reply.head.status, headers, reply.head.media_type)
        self.chunks: AsyncIterator[bytes] = reply.chunks  # type: ignore[assignment]
        self.log = log
        with contextlib.suppress(ValueError):
            self.raw_headers = [h for h in self.raw_headers if h[0] != b"content-length"]

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await send(
            {"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers}
        )
        try:
            async for chunk in self.chunks:
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
        except WorkerLost as err:
            if self.log:
                self.log(f"itukg: an answer was cut: its worker was lost ({err})")
            return
        finally:
            await self.chunks.aclose()  # type: ignore[attr-defined]
        await send({"type": "http.response.body", "body": b""})


def create_app(
    settings: Settings, pool: Pool, ready: Callable[[], None] | None = None
) -> Starlette:
    """The application, which starts the pool's workers before it answers."""
    endpoint: list[Endpoint] = []

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await pool.start()
        endpoint.append(Endpoint(pool, settings))
        if ready:
            ready()
        try:
            yield
        finally:
            await pool.close()

    def route(name: str) -> Callable:
        async def call(request: HttpRequest) -> Response:
            return await getattr(endpoint[0], name)(request)

        return call

    async def not_found(request: HttpRequest, exc: Exception) -> Response:
        path = request.url.path
        if request.method == "POST" and path in ("/update", "/store", "/data"):
            return plain(HTTPStatus.FORBIDDEN, "this endpoint is read-only: no updates")
        if getattr(exc, "status_code", 404) == 405:
            return plain(
                HTTPStatus.METHOD_NOT_ALLOWED, f"{request.method} is not answered at {path}"
            )
        shown = path if len(path) <= 80 else path[:79] + "…"
        return plain(HTTPStatus.NOT_FOUND, f"nothing at {shown}")

    routes = [
        Route("/", route("index"), methods=["GET"]),
        Route("/index.html", route("index"), methods=["GET"]),
        Route("/sparql", route("sparql"), methods=["GET", "POST"]),
        Route("/queries", route("questions_list"), methods=["GET"]),
        Route("/queries/{name}", route("named"), methods=["GET"]),
    ]
    return Starlette(
        routes=routes,
        lifespan=lifespan,
        exception_handlers={404: not_found, 405: not_found},
    )


__all__ = ["create_app"]
