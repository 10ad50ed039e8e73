"""What a SPARQL text is and whom it would call, told without running it.

One pass over the text, in linear time whatever it holds (strings, IRIs and comments are
skipped as the SPARQL grammar reads them, so a keyword inside one counts for nothing):
whether it is a query or an update, the endpoints of its SERVICE clauses, and how deep its
brackets nest. The endpoint and `itukg query` use it to refuse updates, outbound requests
to hosts the operator did not name, and nesting deep enough to overflow the engine's
parser, before the text reaches the store.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from itukg.errors import QueryError

MAX_DEPTH = 256  # brackets; Oxigraph's parser overflows its stack at about 2,500
UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD",
                "WITH"}  # fmt: skip

# Every alternative starts with a character the others do not take (or is tried after
# them), and none backtracks more than once over what it read; what no alternative takes
# (spaces, numbers, operators) is passed over by the regular expression engine itself.
# A string that is not closed stops the scan: the text is not SPARQL.
_TOKEN = re.compile(
    r"""(?P<comment>\#[^\n\r]*)
    |(?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)
    |(?P<string>\"\"\"(?:(?:\"\"?)?(?:[^"\\]|\\.))*\"\"\"|'''(?:(?:''?)?(?:[^'\\]|\\.))*'''
        |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
    |(?P<unclosed>["'])
    |(?P<var>[?$][\w\u00b7\u0300-\u036f\u203f\u2040]+)
    |(?P<lang>@[A-Za-z][A-Za-z0-9-]*)
    |(?P<name>(?:[^\W\d][\w.\-\u00b7]*)?:(?:[\w.\-:%\u00b7]|\\.)*|[^\W\d][\w.\-\u00b7]*)
    |(?P<open>[{(\[])
    |(?P<close>[})\]])""",
    re.VERBOSE | re.DOTALL,
)
_UCHAR = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_IRI_CHARS = re.compile(r'[^<>"{}|^`\\\x00-\x20]*')


class ServiceRefused(QueryError):
    """A query would call an endpoint that the operator did not allow (SERVICE)."""


@dataclass
class Service:
    """One SERVICE clause: the endpoint's IRI (None when it is a variable or cannot be
    told), its text as written, and the line it is on."""

    iri: str | None
    written: str
    line: int


@dataclass
class Scan:
    """What one pass over a SPARQL text found."""

    form: str | None = None  # the first keyword after the prologue, upper-case
    services: list[Service] = field(default_factory=list)
    depth: int = 0  # the deepest bracket nesting
    problem: str | None = None  # a fault that makes the text invalid SPARQL anyway

    @property
    def is_update(self) -> bool:
        return self.form in UPDATE_WORDS


def _line(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def _unescape(iri: str) -> str:
    return _UCHAR.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), iri)


def scan(text: str) -> Scan:
    """Read a SPARQL text once; stops at the first fault (an unclosed string, brackets
    nested deeper than MAX_DEPTH), which it names in `problem`."""
    found = Scan()
    prefixes: dict[str, str] = {}
    base = ""
    pending: list[str] = []  # a prologue declaration or SERVICE being read
    depth = 0
    for token in _TOKEN.finditer(text):
        kind, value = token.lastgroup, token.group()
        if kind == "comment":
            continue
        if kind == "unclosed":
            found.problem = f"a string opened on line {_line(text, token.start())} is not closed"
            return found
        if kind == "string":
            pending.clear()
            continue
        if kind == "open":
            depth += 1
            if depth > MAX_DEPTH:
                found.problem = f"brackets nest more than {MAX_DEPTH} deep"
                return found
            found.depth = max(found.depth, depth)
        elif kind == "close":
            depth = max(depth - 1, 0)
        word = value.upper() if kind == "name" and ":" not in value else None
        if pending:
            head = pending[0]
            if head == "SERVICE" and word == "SILENT":
                continue
            if head == "PREFIX" and len(pending) == 1 and kind == "name":
                pending.append(value.rstrip("."))
                continue
            declared = pending[1].removesuffix(":") if len(pending) > 1 else None
            pending.clear()
            if head == "SERVICE":
                found.services.append(_service(value, kind, prefixes, base, text, token.start()))
                continue
            if head == "BASE" and kind == "iri":
                base = urljoin(base, _unescape(value[1:-1]))
                continue
            if declared is not None and kind == "iri":
                prefixes[declared] = urljoin(base, _unescape(value[1:-1]))
                continue
        if word in ("SERVICE", "BASE", "PREFIX"):
            pending.append(word)
        elif word and found.form is None:
            found.form = word
    return found


def _service(
    value: str, kind: str | None, prefixes: dict[str, str], base: str, text: str, at: int
) -> Service:
    line = _line(text, at)
    if kind == "iri":
        return Service(urljoin(base, _unescape(value[1:-1])), value, line)
    if kind == "name" and ":" in value:
        prefix, _, local = value.rstrip(".").partition(":")
        if prefix in prefixes:
            return Service(prefixes[prefix] + re.sub(r"\\(.)", r"\1", local), value, line)
    return Service(None, value, line)


def allowed_endpoint(iri: str, hosts: Collection[str]) -> bool:
    """Whether an endpoint IRI is plain http(s) on one of the hosts (`name`, or
    `name:port` for that port only); an IRI with user information never is."""
    if not _IRI_CHARS.fullmatch(iri):
        return False
    try:
        parts = urlsplit(iri)
        port = parts.port
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or "@" in parts.netloc:
        return False
    host = (parts.hostname or "").rstrip(".").lower()
    if not host:
        return False
    port = port or (443 if scheme == "https" else 80)
    shown = f"[{host}]" if ":" in host else host
    wanted = {h.strip().lower() for h in hosts}
    return bool({host, shown, f"{shown}:{port}"} & wanted)


def check_services(found: Scan, hosts: Collection[str] = ()) -> None:
    """Refuse (ServiceRefused) any SERVICE clause whose endpoint is not on the hosts."""
    for service in found.services:
        if service.iri is not None and allowed_endpoint(service.iri, hosts):
            continue
        if not hosts:
            reason = "this endpoint makes no outbound requests unless allowed (--allow-service)"
        elif service.iri is None:
            reason = "its endpoint must be an IRI on an allowed host"
        else:
            reason = f"its host is not one of those allowed ({', '.join(sorted(hosts))})"
        what = f"<{service.iri}>" if service.iri else service.written
        raise ServiceRefused(f"SERVICE {what} on line {service.line} is refused: {reason}")


def check(text: str, allow_service: Collection[str] = ()) -> Scan:
    """Scan a query text and refuse what must not run: an unclosed string or nesting
    too deep (QueryError), SERVICE calls to hosts not allowed (ServiceRefused)."""
    found = scan(text)
    if found.problem:
        raise QueryError(f"not a valid SPARQL query: {found.problem}")
    check_services(found, allow_service)
    return found
