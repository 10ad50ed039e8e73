"""A worker process: runs the endpoint's queries, one at a time, on the store opened
read-only, and writes each answer within the limits.

Everything a query can make go wrong happens here, never in the HTTP process: the text
is scanned (update? SERVICE? nesting?), planned, evaluated and serialised under the
time limit the pool enforces by ending the process, and within an address-space limit
(RLIMIT_AS). An answer is written row by row into a spool (memory, then a temporary
file) that stops at the row and byte limits, so its status and `X-Itukg-Truncated` are
known before the first byte is sent; it then goes to the HTTP process in chunks. A
fault that leaves the worker in doubt (anything but a refused or invalid query) is
reported and the worker asks to be replaced.

Messages, each one `multiprocessing` connection message: the pool sends a pickled
`Request`; the worker answers `R` once ready, then for each request `H` + a pickled
head (status, media type, truncation, the body itself when small), and for a large body
`D` + chunk … `E`.
"""

from __future__ import annotations

import functools
import gc
import os
import pickle
import resource
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from typing import IO, Any

from itukg.errors import ItukgError, QueryError

INLINE = 256 << 10  # bodies up to this size travel in the head message
CHUNK = 256 << 10
SPOOL_MEMORY = 1 << 20  # past this, an answer is spooled to a temporary file
SCANS_KEPT = 256  # query texts whose scan is remembered (the library's, a page's repeats)
SCAN_KEPT_TEXT = 8 << 10  # characters: a longer text is scanned each time, never kept


@dataclass
class Request:
    """One query for a worker: its text, bound parameters, formats and dataset."""

    text: str
    substitutions: dict = field(default_factory=dict)
    formats: tuple[str, str] = ("json", "turtle")
    default_graphs: list[str] | None = None
    named_graphs: list[str] | None = None


@dataclass
class Limits:
    """What every answer of a worker is held to."""

    rows: int = 10_000
    bytes: int = 32 << 20
    memory_mib: int = 0  # RLIMIT_AS of the worker; 0: none
    allow_service: tuple[str, ...] = ()


@dataclass
class Head:
    status: int
    media_type: str
    truncated: str | None = None
    body: bytes | None = None  # the whole body when small; else chunks follow
    retire: bool = False  # the worker is in doubt: replace it


class Full(Exception):
    """The answer reached the byte limit."""


class Spool:
    """An answer being written: counted, held in memory, and past SPOOL_MEMORY in a
    temporary file."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.size = 0
        self.parts: list[bytes] = []
        self.file: IO[bytes] | None = None
        self.cleaner: Any = None  # a filter of the bytes written (XML)

    def clear(self) -> None:
        if self.file is not None:
            self.file.close()
        self.size, self.parts, self.file, self.cleaner = 0, [], None, None

    def finish(self) -> None:
        if self.cleaner is not None:
            self.add(self.cleaner.end())
            self.cleaner = None

    def read_all(self) -> bytes:
        assert self.file is not None
        self.file.seek(0)
        data = self.file.read()
        self.file.seek(0, 2)
        return data

    def add(self, data: bytes) -> None:
        if self.file is None and self.size + len(data) > SPOOL_MEMORY:
            self.file = tempfile.TemporaryFile()  # noqa: SIM115 - closed by clear() or chunks()
            self.file.writelines(self.parts)
            self.parts = []
        if self.file is None:
            self.parts.append(data)
        else:
            self.file.write(data)
        self.size += len(data)

    def write(self, data: bytes, reserve: int = 0) -> int:
        """Add data, keeping `reserve` bytes free for the end; Full when it cannot."""
        taken = len(data)
        data = bytes(data) if self.cleaner is None else self.cleaner.feed(bytes(data))
        if self.size + len(data) + reserve > self.limit:
            raise Full
        self.add(data)
        return taken

    def flush(self) -> None:
        pass

    def whole(self) -> bytes:
        return b"".join(self.parts)

    def chunks(self) -> Iterator[bytes]:
        if self.file is None:
            data = self.whole()
            yield from (data[i : i + CHUNK] for i in range(0, len(data), CHUNK))
            return
        self.file.seek(0)
        while chunk := self.file.read(CHUNK):
            yield chunk
        self.file.close()


def error(status: int, message: str, retire: bool = False) -> Head:
    return Head(status, "text/plain; charset=utf-8", None, (message + "\n").encode(), retire)


def _native(solutions: Any, fmt: str, limits: Limits, spool: Spool) -> bool:
    """Write the solutions with Oxigraph's own writer; False when they pass a limit (the
    spool is then emptied, and the caller writes them again row by row)."""
    import pyoxigraph as ox

    from itukg.serve.formats import XmlCleaner, count_rows

    native = {
        "json": ox.QueryResultsFormat.JSON,
        "xml": ox.QueryResultsFormat.XML,
        "csv": ox.QueryResultsFormat.CSV,
        "tsv": ox.QueryResultsFormat.TSV,
    }[fmt]
    if fmt == "xml":
        spool.cleaner = XmlCleaner()
    try:
        solutions.serialize(spool, native)
        spool.finish()
    except Full:
        spool.clear()
        return False
    if count_rows(
        spool.whole if spool.file is None else spool.read_all, fmt, limits.rows, spool.size
    ):
        return True
    spool.clear()
    return False


def _write_solutions(solutions: Any, formats: tuple[str, str], limits: Limits, spool: Spool):
    """Row by row within the limits, so that the answer stops exactly at them."""
    from itukg.serve.formats import RESULT_MEDIA, WRITERS

    columns = [v.value for v in solutions.variables]
    writer = WRITERS[formats[0]](columns)
    tail = writer.tail().encode()
    spool.write(writer.head().encode(), len(tail))
    truncated = None
    for count, solution in enumerate(solutions):
        if count == limits.rows:
            truncated = f"results stop at the limit of {limits.rows} rows"
            break
        try:
            spool.write(writer.row([solution[c] for c in columns], count == 0).encode(), len(tail))
        except Full:
            truncated = f"results stop at the limit of {limits.bytes} bytes"
            break
    spool.add(tail)
    return RESULT_MEDIA[formats[0]], truncated


def _write_triples(triples: Any, formats: tuple[str, str], limits: Limits, spool: Spool):
    import pyoxigraph as ox

    from itukg.serve.formats import GRAPH_MEDIA

    kind = formats[1]
    rdf_format = {
        "turtle": ox.RdfFormat.TURTLE,
        "jsonld": ox.RdfFormat.JSON_LD,
        "nt": ox.RdfFormat.N_TRIPLES,
        "rdfxml": ox.RdfFormat.RDF_XML,
    }[kind]
    truncated = None
    batch: list[Any] = []
    kept: list[Any] = []
    size = 0
    count = 0

    def flush(items: list[Any]) -> None:
        # Turtle and N-Triples documents without prefixes may follow one another
        data = ox.serialize(items, format=rdf_format) or b""
        try:
            spool.write(data)
        except Full:
            for item in items:  # as many as still fit
                spool.write(ox.serialize([item], format=rdf_format) or b"")
            raise

    try:
        for triple in triples:
            if count == limits.rows:
                truncated = f"results stop at the limit of {limits.rows} triples"
                break
            count += 1
            if kind in ("turtle", "nt"):
                batch.append(triple)
                if len(batch) == 1000:
                    flush(batch)
                    batch = []
            else:  # one document: kept whole, within the byte limit by its terms' size
                size += len(str(triple)) + 4
                if size > limits.bytes:
                    raise Full
                kept.append(triple)
        if batch:
            flush(batch)
    except Full:
        truncated = f"results stop at the limit of {limits.bytes} bytes"
    if kind not in ("turtle", "nt"):
        spool.add(ox.serialize(kept, format=rdf_format) or b"")
    return GRAPH_MEDIA[kind], truncated


def answer(store: Any, request: Request, limits: Limits) -> tuple[Head, Spool | None]:
    """Check, run and write one query: the head, and the spool holding a large body."""
    import pyoxigraph as ox

    from itukg.query.scan import check_services, scan
    from itukg.serve.formats import RESULT_MEDIA, boolean

    text = request.text
    found = _kept_scan(text) if len(text) <= SCAN_KEPT_TEXT else scan(text)
    if found.is_update:
        return error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: no updates"), None
    if found.problem:
        return error(HTTPStatus.BAD_REQUEST, f"not a valid SPARQL query: {found.problem}"), None
    try:
        check_services(found, limits.allow_service)
    except QueryError as err:
        return error(HTTPStatus.BAD_REQUEST, str(err)), None
    dataset: dict[str, Any] = {}
    if request.default_graphs is not None or request.named_graphs is not None:
        dataset["default_graph"] = [ox.NamedNode(g) for g in request.default_graphs or []]
        if request.named_graphs is not None:
            dataset["named_graphs"] = [ox.NamedNode(g) for g in request.named_graphs]
    spool = Spool(limits.bytes)
    try:
        results = store.query(request.text, substitutions=request.substitutions, **dataset)
        if isinstance(results, ox.QueryBoolean):
            body = boolean(bool(results), request.formats[0]).encode()
            return Head(200, RESULT_MEDIA[request.formats[0]], None, body), None
        if isinstance(results, ox.QuerySolutions):
            if _native(results, request.formats[0], limits, spool):
                media, truncated = RESULT_MEDIA[request.formats[0]], None
            else:  # past a limit: again, cut exactly at it
                results = store.query(request.text, substitutions=request.substitutions, **dataset)
                media, truncated = _write_solutions(results, request.formats, limits, spool)
        else:
            media, truncated = _write_triples(results, request.formats, limits, spool)
    except SyntaxError as err:
        return error(HTTPStatus.BAD_REQUEST, f"not a valid SPARQL query: {err}"), None
    except OSError as err:
        if found.services:
            return error(HTTPStatus.BAD_GATEWAY, f"a SERVICE endpoint failed: {err}"), None
        return error(HTTPStatus.INTERNAL_SERVER_ERROR, f"the query failed: {err}"), None
    except (ValueError, RuntimeError) as err:
        return error(HTTPStatus.INTERNAL_SERVER_ERROR, f"the query failed: {err}"), None
    if spool.size <= INLINE:
        return Head(200, media, truncated, spool.whole()), None
    return Head(200, media, truncated), spool


@functools.lru_cache(maxsize=SCANS_KEPT)
def _kept_scan(text: str) -> Any:
    """The scan of a short text, remembered: the same questions come again and again, and
    a scan (a pass in Python) costs as much as answering a small one."""
    from itukg.query.scan import scan

    return scan(text)


def _current(root: str) -> str | None:
    """What the store's `current` link names (one system call: read at every request, so
    that a worker follows a build that made a new generation current)."""
    from itukg.store.local import CURRENT

    try:
        return os.readlink(os.path.join(root, CURRENT))
    except OSError:
        return None


def _set_memory_limit(mib: int) -> None:
    if mib > 0:
        size = mib << 20
        resource.setrlimit(resource.RLIMIT_AS, (size, size))


def main(root: str, connection: Any, limits: Limits) -> None:
    """The worker's loop: opens the store, says it is ready, answers until closed."""
    from itukg.store import open_read

    _set_memory_limit(limits.memory_mib)
    try:
        generation = _current(root)
        store = open_read(Path(root))
    except ItukgError as err:
        connection.send_bytes(b"F" + str(err).encode())
        return
    connection.send_bytes(b"R")
    while True:
        try:
            message = connection.recv_bytes()
        except EOFError:
            return
        spool = None
        try:
            now = _current(root)
            if now != generation:  # a build made a new generation current
                store = None
                gc.collect()
                store, generation = open_read(Path(root)), now
            head, spool = answer(store, pickle.loads(message), limits)
        except ItukgError as err:
            head = error(HTTPStatus.SERVICE_UNAVAILABLE, str(err), retire=True)
        except MemoryError:
            head = error(
                HTTPStatus.SERVICE_UNAVAILABLE,
                f"the query needed more memory than a worker may use ({limits.memory_mib} MiB)",
                retire=True,
            )
        except Exception as err:  # anything else: the worker is in doubt
            head = error(
                HTTPStatus.INTERNAL_SERVER_ERROR,
                f"the query failed while its answer was written: {type(err).__name__}: {err}",
                retire=True,
            )
        connection.send_bytes(b"H" + pickle.dumps(head))
        if spool is not None:
            for chunk in spool.chunks():
                connection.send_bytes(b"D" + chunk)
            connection.send_bytes(b"E")
        if head.retire:
            return
