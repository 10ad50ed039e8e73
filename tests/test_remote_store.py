"""The remote store backend against a real Oxigraph server (`oxigraph serve`, from the
PyPI package oxigraph) on loopback: build through it, then query, validate, overlaps
and export give what the embedded store gives. Then credentials, against a small server
that lets in one Authorization header (Digest against Virtuoso: tests/test_virtuoso.py)."""

from __future__ import annotations

import base64
import json
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import CORPUS, FIXTURES, run_cli

from itukg.errors import StoreError
from itukg.store import Remote, credentials
from itukg.store import remote as remote_store
from itukg.store.remote import RemoteStore

OXIGRAPH = Path(sys.executable).parent / "oxigraph"
GRAPH = "https://w3id.org/itukg/graph/test"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def oxigraph_server(folder: Path):
    """A real Oxigraph server on a free loopback port, stopped at the end."""
    binary = str(OXIGRAPH) if OXIGRAPH.exists() else shutil.which("oxigraph")
    assert binary, "the oxigraph server comes with the dev dependencies ('make setup')"
    port = _free_port()
    process = subprocess.Popen(
        [binary, "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=2).read()
                break
            except (urllib.error.URLError, OSError):
                assert process.poll() is None, process.stderr.read().decode()
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as base:
        yield base


@pytest.fixture(scope="module")
def remote(server):
    """The corpus built into the server through the SPARQL Update backend."""
    options = ["--endpoint", f"{server}/query", "--update-endpoint", f"{server}/update"]
    done = run_cli("build", str(CORPUS), *options)
    assert done.returncode == 0, done.stderr
    return options


def _rows(options: list[str], name: str, *params: str) -> list[tuple]:
    args = ["query", name, "--format", "json", *options]
    for p in params:
        args += ["--param", p]
    done = run_cli(*args)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    names = data["head"]["vars"]
    return sorted(
        tuple(json.dumps(b.get(n), sort_keys=True) for n in names)
        for b in data["results"]["bindings"]
    )


QUESTIONS = [
    ("summary",),
    ("stats-by-class",),
    ("resolutions",),
    ("mandates-of-body", "body=body:tsag"),
    ("mandates-per-body",),
    ("cited-by", "resolution=res:pp/191"),
    ("provision-citations", "provision=cscv:cv/215"),
    ("outdated-citations",),
    ("overlaps", "min_score=0.6"),
    ("changes", "version=res:pp/191/doha-2026"),
    ("topics-by-sector",),
    ("multi-conference-topics",),
]


@pytest.mark.parametrize("question", QUESTIONS, ids=[q[0] for q in QUESTIONS])
def test_questions_answer_alike_on_the_server(remote, corpus_store, question):
    name, *params = question
    here = _rows(["--store", str(corpus_store)], name, *params)
    there = _rows(remote, name, *params)
    assert there == here
    assert here, f"{name} should have rows on the corpus"


@pytest.mark.parametrize("name", ["citations", "repeated"])
def test_validate_gives_the_same_report(remote, corpus_store, name):
    """Drafts whose checks read the store: cited revisions, mandates in force."""
    draft = FIXTURES / "validate" / f"{name}.txt"
    here = run_cli("validate", str(draft), "--format", "json", "--store", str(corpus_store))
    there = run_cli("validate", str(draft), "--format", "json", *remote)
    assert there.returncode == here.returncode
    assert json.loads(there.stdout)["results"] == json.loads(here.stdout)["results"]
    assert json.loads(here.stdout)["results"]


def test_export_gives_the_same_graph(remote, corpus_store, tmp_path):
    import networkx as nx

    for place, options in (("here", ["--store", str(corpus_store)]), ("there", remote)):
        done = run_cli("export", "--view", "mandates", "--format", "gexf",
                       "--out", str(tmp_path / f"{place}.gexf"), *options)  # fmt: skip
        assert done.returncode == 0, done.stderr
    here, there = (nx.read_gexf(tmp_path / f"{p}.gexf") for p in ("here", "there"))
    assert set(there.nodes) == set(here.nodes) and set(there.edges) == set(here.edges)


def test_overlaps_are_recomputed_in_place(remote):
    before = _rows(remote, "summary")
    done = run_cli("overlaps", "--limit", "3", *remote)
    assert done.returncode == 0, done.stderr
    assert _rows(remote, "summary") == before  # forgotten and stored again, not doubled


def test_a_named_graph_through_the_graph_store_protocol(server, corpus_store):
    options = ["--endpoint", f"{server}/query", "--graph-store", f"{server}/store",
               "--update-endpoint", f"{server}/update", "--graph", GRAPH]  # fmt: skip
    done = run_cli("build", str(CORPUS), *options)
    assert done.returncode == 0, done.stderr
    assert _rows(options, "mandates-of-body", "body=body:tsag") == _rows(
        ["--store", str(corpus_store)], "mandates-of-body", "body=body:tsag"
    )
    graphs = urllib.request.urlopen(
        f"{server}/query?query=SELECT%20DISTINCT%20%3Fg%20%7BGRAPH%20%3Fg%20%7B%7D%7D",
        timeout=10,
    ).read()
    assert GRAPH.encode() in graphs


def test_a_server_that_is_not_there_is_a_clear_error(tmp_path):
    url = f"http://127.0.0.1:{_free_port()}/query"
    done = run_cli("query", "summary", "--endpoint", url)
    assert done.returncode == 2
    assert f"cannot reach {url}" in done.stderr and "Traceback" not in done.stderr


def test_a_failed_remote_build_keeps_the_graph(remote, tmp_path):
    before = _rows(remote, "summary")
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01\x02 not a text")
    done = run_cli("build", str(broken), *remote)
    assert done.returncode == 2 and str(broken) in done.stderr
    assert _rows(remote, "summary") == before


# Credentials: a small guarded server on loopback that lets in one Authorization header.


class _Guarded(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        sent = self.headers.get("Authorization")
        self.server.seen.append((self.command, sent))  # type: ignore[attr-defined]
        if sent != self.server.expected:  # type: ignore[attr-defined]
            self.send_response(401)
            self.send_header("WWW-Authenticate", self.server.challenge)  # type: ignore[attr-defined]
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = json.dumps({"head": {"vars": ["n"]}, "results": {"bindings": [
            {"n": {"type": "literal", "value": "3"}}]}}).encode()  # fmt: skip
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = do_HEAD = do_POST

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def guarded(expected: str, challenge: str = 'Basic realm="itukg"'):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Guarded)
    server.expected, server.challenge, server.seen = expected, challenge, []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", server.seen  # type: ignore[attr-defined]
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def clean_env(monkeypatch, tmp_path):
    """No ITUKG_* credentials, and an empty netrc file."""
    for key in ("ITUKG_USER", "ITUKG_PASSWORD", "ITUKG_TOKEN"):
        monkeypatch.delenv(key, raising=False)
    (tmp_path / "netrc").write_text("")
    monkeypatch.setenv("NETRC", str(tmp_path / "netrc"))
    return monkeypatch


BASIC = "Basic " + base64.b64encode(b"editor:s3cret pass").decode()
TRIPLE = [b"<urn:a> <urn:b> <urn:c> .\n"]


def _target(base: str) -> Remote:
    return Remote(f"{base}/query", f"{base}/update", graph=GRAPH)


def test_a_password_is_sent_only_when_the_server_asks(clean_env):
    clean_env.setenv("ITUKG_USER", "editor")
    clean_env.setenv("ITUKG_PASSWORD", "s3cret pass")
    with guarded(BASIC) as (base, seen):
        assert remote_store.replace(_target(base), TRIPLE) == 3
    # a HEAD before the write gets the challenge; the count that follows is answered at once
    assert seen == [("HEAD", None), ("POST", BASIC), ("POST", BASIC)]


def test_a_bearer_token_goes_with_every_request(clean_env):
    clean_env.setenv("ITUKG_TOKEN", "tok-123")
    with guarded("Bearer tok-123", 'Bearer realm="itukg"') as (base, seen):
        assert remote_store.replace(_target(base), TRIPLE) == 3
    assert seen == [("POST", "Bearer tok-123"), ("POST", "Bearer tok-123")]


def test_the_netrc_entry_of_the_host(clean_env, tmp_path):
    netrc = tmp_path / "netrc"
    netrc.write_text("machine example.org login other password x\n"
                     'machine 127.0.0.1 login editor password "s3cret pass"\n')  # fmt: skip
    with guarded(BASIC) as (base, seen):
        assert remote_store.replace(_target(base), TRIPLE) == 3
    assert seen[-1] == ("POST", BASIC)


def test_without_credentials_the_refusal_says_what_to_set(clean_env):
    with guarded(BASIC) as (base, seen), pytest.raises(StoreError) as refused:
        remote_store.replace(_target(base), TRIPLE)
    assert str(refused.value) == (
        f"{base}/update refused the write: 401 Unauthorized, it asks for Basic credentials; "
        "set ITUKG_USER and ITUKG_PASSWORD (or ITUKG_TOKEN for a bearer token) in the "
        "environment, or add an entry for 127.0.0.1 to a netrc file"
    )
    assert seen == [("HEAD", None)]  # the body was never sent


def test_a_refused_token_is_named(clean_env):
    clean_env.setenv("ITUKG_TOKEN", "old")
    with guarded("Bearer new", 'Bearer realm="itukg"') as (base, _), pytest.raises(
        StoreError, match="refused the query: 401 Unauthorized: it does not accept the bearer "
        "token \\(from ITUKG_TOKEN\\)"
    ):  # fmt: skip
        len(RemoteStore(_target(base)))


def test_credentials_are_never_taken_from_the_command_line():
    done = run_cli("query", "summary", "--endpoint", "http://editor:s3cret@127.0.0.1:9/query")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "credentials do not go on the command line" in done.stderr
    assert "s3cret" not in done.stderr


@pytest.mark.parametrize(
    "environ, message",
    [
        ({"ITUKG_TOKEN": "t", "ITUKG_USER": "u"}, "set either ITUKG_TOKEN or ITUKG_USER"),
        ({"ITUKG_USER": "u"}, "ITUKG_PASSWORD is not set"),
        ({"NETRC": "/nonexistent/netrc"}, "does not exist: /nonexistent/netrc"),
    ],
)
def test_half_given_credentials_are_a_clear_error(environ, message):
    with pytest.raises(StoreError, match=message):
        credentials.find("http://127.0.0.1/sparql", environ)


@pytest.mark.parametrize(
    "algorithm, response",
    [
        ("MD5", "8ca523f5e9506fed4657c9700eebdbec"),
        ("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"),
    ],
)
def test_digest_answers_as_rfc_7616_example(monkeypatch, algorithm, response):
    """The worked example of RFC 7616, section 3.9.1."""
    monkeypatch.setattr(credentials.secrets, "token_hex",
                        lambda _: "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ")  # fmt: skip
    auth = credentials.Authenticator(
        credentials.Credentials("test", user="Mufasa", password="Circle of Life")
    )
    assert auth.answer([
        'Digest realm="http-auth@example.org", qop="auth, auth-int", '
        f'algorithm={algorithm}, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", '
        'opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"'
    ])  # fmt: skip
    header = auth.header("GET", "http://www.example.org/dir/index.html") or ""
    assert f'response="{response}"' in header
    assert 'uri="/dir/index.html"' in header and "nc=00000001" in header
    assert "nc=00000002" in (auth.header("GET", "http://www.example.org/dir/index.html") or "")


class _Elsewhere(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(303)
        self.send_header("Location", self.server.location)  # type: ignore[attr-defined]
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_a_redirect_to_another_host_carries_no_credentials(clean_env):
    clean_env.setenv("ITUKG_TOKEN", "tok-123")
    with guarded("Bearer tok-123", 'Bearer realm="itukg"') as (base, seen):
        mover = ThreadingHTTPServer(("127.0.0.1", 0), _Elsewhere)
        mover.location = base.replace("127.0.0.1", "localhost") + "/query"  # type: ignore[attr-defined]
        threading.Thread(target=mover.serve_forever, daemon=True).start()
        try:
            with pytest.raises(StoreError, match="401"):
                len(RemoteStore(Remote(f"http://127.0.0.1:{mover.server_port}/query")))
        finally:
            mover.shutdown()
            mover.server_close()
    assert seen == [("GET", None)]
