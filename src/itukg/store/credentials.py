"""Credentials for a SPARQL server that demands them, and the answers to its challenges.

They come from the environment or a netrc file, never from the command line, where every
user of the machine (`ps`) and the shell's history would see them. A user name and
password are sent only when the server asks (HTTP Digest when it offers it, else Basic),
so a server that needs none never sees them; a bearer token goes with every request.
After one challenge the answer is computed at once for the later requests of the run, so
a large write is not sent twice.
"""

from __future__ import annotations

import base64
import hashlib
import netrc
import os
import secrets
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field

from itukg.errors import StoreError

USER, PASSWORD, TOKEN, NETRC = "ITUKG_USER", "ITUKG_PASSWORD", "ITUKG_TOKEN", "NETRC"

_HASHES = {"MD5": hashlib.md5, "SHA-256": hashlib.sha256}


@dataclass(frozen=True)
class Credentials:
    """A user name and password, or a bearer token, and where they were read (for messages)."""

    source: str
    user: str = ""
    password: str = field(default="", repr=False)
    token: str = field(default="", repr=False)


def find(url: str, environ: Mapping[str, str] = os.environ) -> Credentials | None:
    """The credentials for a server: ITUKG_TOKEN, or ITUKG_USER with ITUKG_PASSWORD, or the
    netrc entry of its host ($NETRC, else ~/.netrc); None when there are none."""
    token, user, password = (environ.get(name, "") for name in (TOKEN, USER, PASSWORD))
    if token and (user or password):
        raise StoreError(f"set either {TOKEN} or {USER} and {PASSWORD}, not both")
    if token:
        return Credentials(TOKEN, token=token)
    if user or password:
        if not (user and password):
            missing = PASSWORD if user else USER
            raise StoreError(f"{USER} and {PASSWORD} go together: {missing} is not set")
        return Credentials(USER, user=user, password=password)
    return _from_netrc(urllib.parse.urlsplit(url).hostname or "", environ.get(NETRC))


def _from_netrc(host: str, path: str | None) -> Credentials | None:
    where = path or os.path.join(os.path.expanduser("~"), ".netrc")
    try:
        entry = netrc.netrc(path).authenticators(host)
    except FileNotFoundError:
        if path:
            raise StoreError(f"the netrc file named by ${NETRC} does not exist: {path}") from None
        return None
    except netrc.NetrcParseError as error:
        raise StoreError(f"cannot read the netrc file: {error}") from None
    except OSError as error:
        raise StoreError(f"cannot read the netrc file {where}: {error.strerror}") from None
    if not entry or not entry[0] or not entry[2]:
        return None
    return Credentials(f"the netrc file {where}", user=entry[0], password=entry[2])


@dataclass
class _Challenge:
    """The last Digest challenge of a server, and how many requests answered its nonce."""

    params: dict[str, str]
    count: int = 0


class Authenticator:
    """Answers one server's challenges with one set of credentials."""

    def __init__(self, credentials: Credentials) -> None:
        self.credentials = credentials
        self._scheme = "bearer" if credentials.token else ""
        self._digest: _Challenge | None = None

    def header(self, method: str, url: str) -> str | None:
        """The Authorization header for a request, when a challenge (or a token) says it."""
        if self._scheme == "bearer":
            return f"Bearer {self.credentials.token}"
        if self._scheme == "basic":
            pair = f"{self.credentials.user}:{self.credentials.password}".encode()
            return "Basic " + base64.b64encode(pair).decode("ascii")
        if self._scheme == "digest" and self._digest:
            return self._digest_header(method, url, self._digest)
        return None

    def answer(self, challenges: list[str]) -> bool:
        """Take a server's WWW-Authenticate challenges; True when one can be answered."""
        if self.credentials.token:
            return False
        offered = dict(parse_challenge(c) for c in challenges)
        digest = offered.get("digest")
        if digest is not None and _hash_name(digest) in _HASHES:
            self._scheme, self._digest = "digest", _Challenge(digest)
            return True
        if "basic" in offered:
            self._scheme = "basic"
            return True
        return False

    def _digest_header(self, method: str, url: str, challenge: _Challenge) -> str:
        """RFC 7616 Digest, qop 'auth' (or none, as RFC 2069 servers ask)."""
        params = challenge.params
        algorithm = params.get("algorithm", "MD5")
        digest = _HASHES[_hash_name(params)]

        def h(text: str) -> str:
            return digest(text.encode("utf-8")).hexdigest()

        parts = urllib.parse.urlsplit(url)
        uri = parts.path or "/"
        if parts.query:
            uri += "?" + parts.query
        realm, nonce = params.get("realm", ""), params.get("nonce", "")
        cnonce = secrets.token_hex(8)
        challenge.count += 1
        count = f"{challenge.count:08x}"
        secret = h(f"{self.credentials.user}:{realm}:{self.credentials.password}")
        if algorithm.upper().endswith("-SESS"):
            secret = h(f"{secret}:{nonce}:{cnonce}")
        target = h(f"{method}:{uri}")
        qops = [q.strip() for q in params.get("qop", "").split(",") if q.strip()]
        fields = {"username": self.credentials.user, "realm": realm, "nonce": nonce, "uri": uri}
        if "auth" in qops:
            fields["response"] = h(f"{secret}:{nonce}:{count}:{cnonce}:auth:{target}")
        else:
            fields["response"] = h(f"{secret}:{nonce}:{target}")
        if "opaque" in params:
            fields["opaque"] = params["opaque"]
        quoted = ", ".join(f'{k}="{_escape(v)}"' for k, v in fields.items())
        extra = f', qop=auth, nc={count}, cnonce="{cnonce}"' if "auth" in qops else ""
        return f"Digest {quoted}, algorithm={algorithm}{extra}"


def parse_challenge(header: str) -> tuple[str, dict[str, str]]:
    """('digest', {'realm': …, 'nonce': …}) from 'Digest realm="…", nonce="…"'."""
    scheme, _, rest = header.strip().partition(" ")
    items = urllib.request.parse_http_list(rest)
    params = urllib.request.parse_keqv_list([i for i in items if "=" in i])
    return scheme.lower(), {k.lower(): v for k, v in params.items()}


def _hash_name(params: dict[str, str]) -> str:
    """'MD5' for MD5 and MD5-sess, 'SHA-256' for SHA-256 and SHA-256-sess."""
    return params.get("algorithm", "MD5").upper().removesuffix("-SESS")


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')


def schemes(challenges: list[str]) -> str:
    """'Digest' or 'Basic' or 'Digest or Basic': what a server asks for, for messages."""
    names = [parse_challenge(c)[0].capitalize() for c in challenges]
    return " or ".join(dict.fromkeys(n for n in names if n)) or "unnamed"
