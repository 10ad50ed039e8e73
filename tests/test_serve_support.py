"""Helpers of the endpoint tests (no tests here): a real `itukg serve` process, HTTP by
raw socket (for what urllib will not send), and a listener that records connections."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager, suppress

ITU = "https://w3id.org/itukg/ontology#"
SECTORS = f"SELECT ?sector WHERE {{ ?sector a <{ITU}Sector> }} ORDER BY ?sector"


@contextmanager
def server(store, *options: str, quiet: bool = True):
    """A real `itukg serve` on a free loopback port; yields (base URL, process, lines of
    its log read so far)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "itukg.cli", "serve", "--store", str(store), "--port", "0",
         *(["--quiet"] if quiet else []), *options],
        stderr=subprocess.PIPE, text=True, errors="backslashreplace",
    )  # fmt: skip
    lines: list[str] = []
    try:
        while True:
            line = process.stderr.readline()
            lines.append(line)
            found = re.search(r"at (http://[^ ]+:\d+/)", line)
            if found or not line:
                break
        assert found, "".join(lines) + process.stderr.read()
        url = found.group(1).replace("0.0.0.0", "127.0.0.1")
        yield url, process, lines
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def http(url: str, data: bytes | None = None, headers: dict | None = None, method=None,
         timeout: float = 60):  # fmt: skip
    """(status, headers, body text) of one request."""
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8")


def query_url(url: str, text: str, **params: str) -> str:
    return f"{url}sparql?{urllib.parse.urlencode({'query': text, **params})}"


def port_of(url: str) -> int:
    return int(url.rsplit(":", 1)[1].strip("/"))


def raw(url: str, data: bytes, timeout: float = 30) -> tuple[int, bytes, bytes]:
    """Send bytes as they are on one connection; (status or 0, head, body) of the answer
    read until the server closes."""
    with socket.create_connection(("127.0.0.1", port_of(url)), timeout=timeout) as sock:
        with suppress(OSError):  # the server may answer before it has read everything
            sock.sendall(data)
        received = b""
        try:
            while chunk := sock.recv(65536):
                received += chunk
        except OSError:
            pass
    head, _, body = received.partition(b"\r\n\r\n")
    status = int(head[9:12]) if head[9:12].isdigit() else 0
    return status, head, body


def answered(url: str, within: float = 30) -> bool:
    """Whether a plain query gets its right answer (the four Sectors) within `within` s."""
    started = time.monotonic()
    status, _, body = http(query_url(url, SECTORS), timeout=within)
    return (
        status == 200
        and body.count('"type":"uri"') + body.count('"type": "uri"') == 4
        and "itu-t" in body
        and time.monotonic() - started < within
    )


class Listener:
    """A TCP listener on loopback that counts the connections it gets (and answers each
    with an empty SPARQL JSON result)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            with conn:
                conn.settimeout(5)
                try:
                    conn.recv(65536)
                    body = b'{"head":{"vars":["x"]},"results":{"bindings":[]}}'
                    conn.sendall(
                        b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                        + f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
                        + body
                    )
                except OSError:
                    pass

    def close(self) -> None:
        self.sock.close()
