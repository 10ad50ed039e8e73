"""Writes to a SPARQL server that demands credentials: a real Virtuoso 7.2 (Debian
virtuoso-opensource) started on loopback with its own virtuoso.ini in a temporary folder,
a user with the SPARQL_UPDATE role, and its authenticated endpoints (/sparql-auth, HTTP
Digest; /sparql-graph-crud-auth, the Graph Store Protocol). Without credentials a build is
refused and the graph stays; with them, questions, validation, overlaps and export give
what the embedded store gives."""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import CORPUS, FIXTURES, run_cli
from test_remote_store import _free_port, _rows

from itukg.errors import StoreError
from itukg.store import Remote, open_read
from itukg.store import remote as remote_store

VIRTUOSO = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt") or shutil.which("isql-v")
GRAPH = "https://w3id.org/itukg/graph/main"
USER = "itukg"

pytestmark = [
    pytest.mark.virtuoso,
    pytest.mark.skipif(VIRTUOSO is None, reason="virtuoso-t is absent ('make setup' installs it)"),
]

INI = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DirsAllowed = ., {folder}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {folder}
ServerThreads = 4

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


def _isql(port: int, password: str, sql: str) -> None:
    assert ISQL, "Virtuoso's isql client (isql-vt) comes with virtuoso-opensource"
    done = subprocess.run([ISQL, f"127.0.0.1:{port}", "dba", password, f"exec={sql}"],
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 0 and "*** Error" not in done.stdout, done.stdout + done.stderr


@contextmanager
def virtuoso_server(folder: Path):
    """Virtuoso on free loopback ports, a user with SPARQL_UPDATE, stopped at the end."""
    sql_port, http_port = _free_port(), _free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(INI.format(folder=folder, sql_port=sql_port, http_port=http_port))
    log = (folder / "server.out").open("w")
    process = subprocess.Popen([VIRTUOSO or "", "+foreground", "+configfile", str(ini)],
                               cwd=folder, stdout=log, stderr=subprocess.STDOUT)  # fmt: skip
    base = f"http://127.0.0.1:{http_port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(f"{base}/sparql?query=ASK%7B%7D", timeout=2).read()
                break
            except (urllib.error.URLError, OSError):
                assert process.poll() is None, (folder / "server.out").read_text()
                assert time.monotonic() < deadline, "Virtuoso did not start in 90 s"
                time.sleep(0.2)
        password, admin = secrets.token_urlsafe(12), secrets.token_urlsafe(12)
        _isql(sql_port, "dba", f"DB.DBA.USER_CREATE('{USER}', '{password}'); "
                                f'GRANT SPARQL_UPDATE TO "{USER}"; '
                                f"DB.DBA.USER_PASSWORD_SET('dba', '{admin}');")  # fmt: skip
        yield base, password
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as running:
        yield running


@pytest.fixture(scope="module")
def no_credentials(tmp_path_factory) -> dict[str, str]:
    """The environment without ITUKG_* credentials, and an empty netrc file."""
    empty = tmp_path_factory.mktemp("netrc") / "netrc"
    empty.write_text("")
    env = {k: v for k, v in os.environ.items() if k not in ("ITUKG_USER", "ITUKG_PASSWORD",
                                                            "ITUKG_TOKEN")}  # fmt: skip
    return {**env, "NETRC": str(empty)}


@pytest.fixture(scope="module")
def with_credentials(server, no_credentials) -> dict[str, str]:
    return {**no_credentials, "ITUKG_USER": USER, "ITUKG_PASSWORD": server[1]}


@pytest.fixture(scope="module")
def remote(server, with_credentials):
    """The corpus built into a named graph through SPARQL Update on /sparql-auth."""
    base = server[0]
    options = ["--endpoint", f"{base}/sparql", "--update-endpoint", f"{base}/sparql-auth",
               "--graph", GRAPH]  # fmt: skip
    done = run_cli("build", str(CORPUS), *options, env=with_credentials)
    assert done.returncode == 0, done.stderr
    return options


def _summary(options: list[str]) -> list[tuple]:
    return _rows(options, "summary")


# Questions whose answers do not hang on what SPARQL leaves to the engine: the order of a
# GROUP_CONCAT of several values (multi-conference-topics), or a comparison with a
# parameter left unbound, which Virtuoso 7.2 takes as false (overlaps without sectors).
QUESTIONS = [
    ("summary",),
    ("stats-by-class",),
    ("mandates-of-body", "body=body:tsag"),
    ("cited-by", "resolution=res:pp/191"),
    ("provision-citations", "provision=cscv:cv/215"),
    ("changes", "version=res:pp/191/doha-2026"),
    ("topics-by-sector",),
]


@pytest.mark.parametrize("question", QUESTIONS, ids=[q[0] for q in QUESTIONS])
def test_questions_answer_alike_on_virtuoso(remote, corpus_store, question):
    name, *params = question
    here = _rows(["--store", str(corpus_store)], name, *params)
    assert here, f"{name} should have rows on the corpus"
    assert _rows(remote, name, *params) == here


def test_without_credentials_a_build_is_refused_and_the_graph_stays(remote, no_credentials):
    before = _summary(remote)
    other = str(FIXTURES / "clean" / "pp_resolution.txt")
    done = run_cli("build", other, *remote, env=no_credentials)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "/sparql-auth refused the write: 401 Unauthorized" in done.stderr
    assert "asks for Digest credentials; set ITUKG_USER and ITUKG_PASSWORD" in done.stderr
    assert _summary(remote) == before


def _write(target, env: dict[str, str]) -> None:
    """One small write through the store's own call, with these credentials only."""
    with pytest.MonkeyPatch.context() as patch:
        for key in ("ITUKG_USER", "ITUKG_PASSWORD", "ITUKG_TOKEN"):
            patch.delenv(key, raising=False)
        for key, value in {"NETRC": os.devnull, **env}.items():
            patch.setenv(key, value)
        remote_store.replace(target, [b"<urn:a> <urn:b> <urn:c> .\n"])


def test_a_wrong_password_or_a_token_is_refused_by_name(server, remote):
    before = _summary(remote)
    target = Remote(f"{server[0]}/sparql", f"{server[0]}/sparql-auth", graph=GRAPH)
    wrong = {"ITUKG_USER": USER, "ITUKG_PASSWORD": "not-" + server[1]}
    with pytest.raises(StoreError, match="does not accept the password of user 'itukg'"):
        _write(target, wrong)
    with pytest.raises(StoreError, match="asks for Digest credentials: set ITUKG_USER"):
        _write(target, {"ITUKG_TOKEN": "a-token"})
    assert _summary(remote) == before


def test_anonymous_updates_are_not_allowed(server, remote):
    """The anonymous /sparql endpoint cannot change the graph: writes need a user."""
    before = _summary(remote)
    target = Remote(f"{server[0]}/sparql", f"{server[0]}/sparql", graph=GRAPH)
    with pytest.raises(StoreError, match="No permission"):
        _write(target, {})
    assert _summary(remote) == before


def _findings(done: subprocess.CompletedProcess) -> list[tuple]:
    """Each finding with the revisions its message names; the order in which a message
    lists several revisions is the engine's (GROUP_CONCAT)."""
    results = json.loads(done.stdout)["results"]
    named = [sorted(set(re.findall(r"Resolution [\w-]+ \([^)]*\)", r["message"]))) for r in results]
    return sorted(
        (json.dumps({k: v for k, v in r.items() if k != "message"}, sort_keys=True), n)
        for r, n in zip(results, named, strict=True)
    )


def test_validate_gives_the_same_findings(remote, corpus_store):
    """A draft whose checks read the store: cited revisions, and which is the latest."""
    draft = FIXTURES / "validate" / "citations.txt"
    here = run_cli("validate", str(draft), "--format", "json", "--store", str(corpus_store))
    there = run_cli("validate", str(draft), "--format", "json", *remote)
    assert there.returncode == here.returncode
    assert _findings(there) == _findings(here)
    assert any("Baku, 2025" in str(n) for _, n in _findings(here))


def test_export_gives_the_same_graph(remote, corpus_store, tmp_path):
    """With its filters given: left unbound, Virtuoso 7.2 takes their comparisons as false."""
    import networkx as nx

    only = ["--sector", "sector:itu-d", "--conference", "body:wtdc"]
    for place, options in (("here", ["--store", str(corpus_store)]), ("there", remote)):
        done = run_cli("export", "--view", "mandates", "--format", "gexf", *only,
                       "--out", str(tmp_path / f"{place}.gexf"), *options)  # fmt: skip
        assert done.returncode == 0, done.stderr
    here, there = (nx.read_gexf(tmp_path / f"{p}.gexf") for p in ("here", "there"))
    assert there.number_of_nodes() > 0
    assert set(there.nodes) == set(here.nodes) and set(there.edges) == set(here.edges)


def test_overlaps_are_recomputed_in_place(remote, with_credentials):
    before = _summary(remote)
    done = run_cli("overlaps", "--limit", "3", *remote, env=with_credentials)
    assert done.returncode == 0, done.stderr
    assert _summary(remote) == before  # forgotten and stored again, not doubled


def test_the_graph_store_protocol_with_a_netrc_file(server, no_credentials, tmp_path):
    """A build as one PUT to /sparql-graph-crud-auth (which closes on a 401 without reading
    the body), reads through /sparql-auth: both answered with the netrc entry of the host."""
    base, password = server
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine 127.0.0.1\n  login {USER}\n  password {password}\n")
    netrc.chmod(0o600)
    other = "https://w3id.org/itukg/graph/gsp"
    options = ["--endpoint", f"{base}/sparql-auth", "--graph-store",
               f"{base}/sparql-graph-crud-auth", "--graph", other]  # fmt: skip
    text = FIXTURES / "clean" / "pp_resolution.txt"
    done = run_cli("build", str(text), *options, env={**no_credentials, "NETRC": str(netrc)})
    assert done.returncode == 0, done.stderr
    stored = re.search(r"stored (\d+) triples .* in (\S+) \(graph <([^>]+)>\)", done.stderr)
    assert stored and stored.groups()[1:] == (f"{base}/sparql-auth", other), done.stderr
    graphs = open_read(Remote(f"{base}/sparql"))
    assert graphs.query(f"ASK {{ GRAPH <{other}> {{ ?s ?p ?o }} }}") is True
    assert graphs.query("ASK { GRAPH <urn:itukg:none> { ?s ?p ?o } }") is False
    assert len(open_read(Remote(f"{base}/sparql", graph=other))) == int(stored.group(1))
    versions = _rows(["--endpoint", f"{base}/sparql", "--graph", other], "resolutions")
    assert [json.loads(row[0])["value"] for row in versions] == [
        "PP Resolution 212 (Bucharest, 2022)"
    ]
