"""`itukg serve`: a read-only SPARQL 1.1 Protocol endpoint over the store, with the
question library and a page to ask it, on uvicorn (HTTP) in front of worker processes
(queries; see worker.py and pool.py).

uvicorn (with httptools' C parser and uvloop) is told the limits a client could
otherwise abuse: open connections (more get 503), the size of a request's head, and the
time to send it (a half-sent request is closed after `read_timeout`, which uvicorn alone
does not do); the application holds the rest (guards.py, app.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import resource
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from itukg.errors import ItukgError
from itukg.serve.app import create_app
from itukg.serve.guards import Guard
from itukg.serve.pool import Pool
from itukg.serve.settings import Settings, is_loopback
from itukg.serve.worker import Limits

HEAD_LIMIT = 64 << 10  # bytes of a request's line and headers (a GET query is in its line)


def protocol_with_limits(seconds: float, head_limit: int = HEAD_LIMIT) -> type[asyncio.Protocol]:
    """uvicorn's httptools protocol, closing a connection whose request head has not come
    whole within `seconds` of the connection (or of the last answer on it), and refusing
    a head longer than `head_limit` bytes."""

    class Protocol(HttpToolsProtocol):
        head_timer: asyncio.TimerHandle | None = None
        head_size = 0

        def _arm(self) -> None:
            self._disarm()
            self.head_timer = self.loop.call_later(seconds, self._head_timeout)

        def _disarm(self) -> None:
            if self.head_timer is not None:
                self.head_timer.cancel()
                self.head_timer = None

        def _head_timeout(self) -> None:
            self.head_timer = None
            if not self.transport.is_closing():
                self.transport.close()

        def connection_made(self, transport: Any) -> None:
            super().connection_made(transport)
            self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def on_message_begin(self) -> None:
            self.head_size = 0
            super().on_message_begin()

        def _count(self, size: int) -> None:
            self.head_size += size
            if self.head_size > head_limit:
                raise ValueError("request head too long")  # the parser answers 400

        def on_url(self, url: bytes) -> None:
            self._count(len(url))
            super().on_url(url)

        def on_header(self, name: bytes, value: bytes) -> None:
            self._count(len(name) + len(value) + 4)
            super().on_header(name, value)

        def on_headers_complete(self) -> None:
            self._disarm()
            super().on_headers_complete()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing():
                self._arm()

    return Protocol


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host.strip("[]"), port))
        sock.listen(2048)
    except OSError as err:
        sock.close()
        raise ItukgError(f"cannot listen on {host}:{port}: {err.strerror or err}") from None
    return sock


def _open_files(settings: Settings) -> None:
    """Raise the open-file limit to what the connection cap and the workers need."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    needed = settings.max_connections + 4 * settings.workers + 64
    if soft != resource.RLIM_INFINITY and soft < needed:
        target = needed if hard == resource.RLIM_INFINITY else min(hard, needed)
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
        if soft < needed:
            raise ItukgError(
                f"--max-connections {settings.max_connections} needs {needed} open files; "
                f"this process may open {soft} (lower --max-connections)"
            )


def serve(
    root: Path,
    settings: Settings,
    log: Callable[[str], None] | None = None,
    ready: Callable[[str], None] | None = None,
) -> None:
    """Serve until interrupted; ready(url) is called once the workers have started."""
    import uvicorn

    from itukg.store import open_read

    open_read(root)  # no store: StoreError now, not at the first query
    _open_files(settings)
    sock = _listen(settings.host, settings.port)
    address = sock.getsockname()
    shown = f"[{address[0]}]" if sock.family == socket.AF_INET6 else address[0]
    url = f"http://{shown}:{address[1]}/"
    if not is_loopback(settings.host) and log:
        log(
            f"itukg: warning: listening on {settings.host}: the endpoint is public, anyone "
            "who can reach this machine can query it; it answers only to the host names "
            f"{', '.join(sorted(settings.hosts))} (add the public name with --allowed-host)"
        )
    limits = Limits(
        settings.limit, settings.max_bytes, settings.worker_memory, settings.allow_service
    )
    pool = Pool(root, settings.workers, settings.timeout, limits, log)
    app = create_app(settings, pool, ready=(lambda: ready(url)) if ready else None)
    config = uvicorn.Config(
        Guard(app, settings, log),
        http=protocol_with_limits(settings.read_timeout),
        loop="uvloop",
        lifespan="on",
        log_config=None,
        log_level="critical",
        access_log=False,
        limit_concurrency=settings.max_connections,
        backlog=2048,
        timeout_keep_alive=5,
        timeout_graceful_shutdown=3,
        server_header=False,
        proxy_headers=False,
    )
    server = uvicorn.Server(config)
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()
