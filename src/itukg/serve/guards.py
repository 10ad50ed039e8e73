"""What every request passes before the endpoint reads it, and what is logged of it.

An ASGI layer around the application: the `Host` header must be one of the configured
names (DNS rebinding), a cross-origin request that could change something (POST) needs
its origin allowed with `--cors`, updates by method (PUT, DELETE, PATCH) get 403, and
OPTIONS is answered here. Each part of an answer must be taken by the client within the
write timeout. Nothing a request does can make it raise out of here: a fault is one
escaped log line and, when nothing was sent yet, a 500. Log lines escape every control
character, so no terminal escape sequence from a request reaches a terminal.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import time
from collections.abc import Callable
from typing import Any

from itukg.serve.settings import Settings

_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\\\u2028\u2029\u200e\u200f\u202a-\u202e]")
LOG_WIDTH = 400
ALLOWED_METHODS = "GET, HEAD, POST, OPTIONS"


def escape(text: str, width: int = LOG_WIDTH) -> str:
    """Text safe to print: control characters and backslashes written as escapes, cut."""
    text = _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
    return text if len(text) <= width else text[: width - 1] + "…"


def _header(scope: dict, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return value.decode("latin-1")
    return None


def host_name(host: str) -> str:
    """The name part of a Host header value (`name:port`, `[v6]:port`), lower-case."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[: host.find("]") + 1] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class SendTimeout(Exception):
    """The client did not take a part of the answer in time."""


class Guard:
    """The checks and the log around the endpoint application."""

    def __init__(self, app: Any, settings: Settings, log: Callable[[str], None] | None) -> None:
        self.app = app
        self.settings = settings
        self.log = None if settings.quiet else log

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.monotonic()
        state = {"status": 0, "sent": False}
        origin = _header(scope, b"origin")
        cors = origin is not None and (origin in self.settings.cors or "*" in self.settings.cors)

        async def guarded_send(message: dict) -> None:
            if message["type"] == "http.response.start":
                state["status"] = message["status"]
                state["sent"] = True
                if cors:
                    message["headers"] = [
                        *message.get("headers", []),
                        (b"access-control-allow-origin", origin.encode("latin-1")),  # type: ignore[union-attr]
                        (b"access-control-expose-headers", b"X-Itukg-Truncated"),
                        (b"vary", b"Origin"),
                    ]
            try:
                async with asyncio.timeout(self.settings.write_timeout):
                    await send(message)
            except TimeoutError:
                raise SendTimeout from None

        try:
            refusal = self.refuse(scope, origin, cors)
            if refusal:
                await _plain(guarded_send, *refusal)
            elif scope["method"] == "OPTIONS":
                await self.options(scope, guarded_send, cors)
            else:
                await self.app(scope, receive, guarded_send)
        except SendTimeout:
            self._note(scope, "the client did not take the answer in time; connection closed")
        except Exception as err:  # a fault of ours: one line, never a traceback
            self._note(scope, f"internal error: {type(err).__name__}: {err}")
            if not state["sent"]:
                with contextlib.suppress(Exception):  # the client is gone
                    await _plain(guarded_send, 500, "internal error; see the server's log")
        finally:
            if self.log:
                target = scope.get("raw_path", b"").decode("latin-1")
                if scope.get("query_string"):
                    target += "?" + scope["query_string"].decode("latin-1")
                client = scope.get("client") or ("-", 0)
                self.log(
                    escape(
                        f"{client[0]} {scope['method']} {target} {state['status'] or '-'} "
                        f"{(time.monotonic() - started) * 1000:.0f} ms"
                    )
                )

    def _note(self, scope: dict, message: str) -> None:
        if self.log:
            self.log(escape(f"itukg: {scope['method']} {scope.get('path', '')}: {message}"))

    def refuse(self, scope: dict, origin: str | None, cors: bool) -> tuple[int, str] | None:
        """(status, message) when the request is refused before it is read."""
        host = _header(scope, b"host")
        if host is not None and "*" not in self.settings.allowed_hosts:
            name = host_name(host)
            if name not in self.settings.hosts:
                return 400, (
                    f"this endpoint does not answer to the host name '{escape(name, 100)}' "
                    "(allow it with --allowed-host NAME)"
                )
        method = scope["method"]
        if method in ("PUT", "DELETE", "PATCH"):
            return 403, "this endpoint is read-only: no updates"
        if method not in ("GET", "HEAD", "POST", "OPTIONS"):
            return 405, f"{escape(method, 20)} is not answered here ({ALLOWED_METHODS})"
        if method == "POST" and origin is not None and not cors:
            own = f"{scope.get('scheme', 'http')}://{(host or '').lower()}"
            if origin.lower() != own:
                return 403, (
                    f"a cross-origin POST from {escape(origin, 100)} is refused "
                    "(allow the origin with --cors ORIGIN)"
                )
        return None

    async def options(self, scope: dict, send: Any, cors: bool) -> None:
        headers = [(b"allow", ALLOWED_METHODS.encode())]
        if cors and _header(scope, b"access-control-request-method"):
            headers += [
                (b"access-control-allow-methods", b"GET, HEAD, POST"),
                (b"access-control-allow-headers", b"Content-Type, Accept"),
                (b"access-control-max-age", b"600"),
            ]
        await send({"type": "http.response.start", "status": 204, "headers": headers})
        await send({"type": "http.response.body", "body": b""})


async def _plain(send: Any, status: int, message: str) -> None:
    body = (message + "\n").encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"x-content-type-options", b"nosniff"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
