"""What `itukg serve` is told: where it listens, whom it answers, and its limits."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]", "::1")


def is_loopback(host: str) -> bool:
    """Whether an address to listen on is reachable from this machine only."""
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass
class Settings:
    host: str = "127.0.0.1"
    port: int = 7878
    timeout: float = 30.0  # seconds a query may run (and its answer take to send)
    limit: int = 10_000  # rows or triples an answer carries
    max_bytes: int = 32 << 20  # bytes an answer carries
    workers: int = 2
    worker_memory: int = 2048  # MiB of address space a worker may use; 0: no limit
    max_body: int = 1 << 20  # bytes of a POSTed query
    max_connections: int = 512  # open at once; more get 503
    read_timeout: float = 10.0  # seconds to send a request's headers, or its body
    write_timeout: float = 30.0  # seconds a client may take to take a part of the answer
    allow_service: tuple[str, ...] = ()  # hosts SERVICE may call
    allowed_hosts: tuple[str, ...] = ()  # Host header names, besides loopback and the host
    cors: tuple[str, ...] = ()  # origins that may POST and read answers from a page
    quiet: bool = False
    hosts: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        names = {*LOOPBACK_NAMES, *(h.lower() for h in self.allowed_hosts)}
        if self.host not in ("0.0.0.0", "::", ""):
            host = self.host.lower()
            names.add(f"[{host}]" if ":" in host and not host.startswith("[") else host)
        self.hosts = frozenset(names)
