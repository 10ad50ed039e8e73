"""The endpoint makes no outbound request unless the operator names the host, answers
only to its own host names, and refuses cross-origin POSTs unless allowed."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.parse

import pytest
from test_serve_support import SECTORS, Listener, http, query_url, server


@pytest.fixture(scope="module")
def listener():
    found = Listener()
    yield found
    found.close()


@pytest.fixture(scope="module")
def closed(corpus_store):
    with server(corpus_store) as (url, _, _):
        yield url


def _ssrf_texts(port: int) -> list[str]:
    target = f"http://127.0.0.1:{port}/sparql"
    escaped = target.replace("127", "\\u0031\\u0032\\u0037")
    return [
        f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
        f"select * {{ service silent <{target}> {{ ?s ?p ?o }} }}",
        f"PREFIX e: <http://127.0.0.1:{port}/> SELECT * {{ SERVICE e:sparql {{ ?s ?p ?o }} }}",
        f"BASE <http://127.0.0.1:{port}/> SELECT * {{ SERVICE <sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * {{ SERVICE <{escaped}> {{ ?s ?p ?o }} }}",
        f"SELECT * {{ ?x ?y ?z.SERVICE <{target}> {{ ?s ?p ?o }} }}",
        f"SELECT * {{ VALUES ?e {{ <{target}> }} SERVICE ?e {{ ?s ?p ?o }} }}",
        f"# a comment\nSELECT * {{ OPTIONAL {{ SERVICE <{target}> {{ ?s ?p ?o }} }} }}",
    ]


def test_service_is_refused_and_nothing_is_called(closed, listener):
    for text in _ssrf_texts(listener.port):
        for status, _, body in (
            http(query_url(closed, text)),  # as an <img src> on a web page would
            http(closed + "sparql", text.encode(), {"Content-Type": "application/sparql-query"}),
            http(closed + "sparql", urllib.parse.urlencode({"query": text}).encode(),
                 {"Content-Type": "application/x-www-form-urlencoded"}),
        ):  # fmt: skip
            assert status == 400, (text, body)
            assert "SERVICE" in body and "refused" in body and "--allow-service" in body
    assert listener.connections == 0


def test_service_in_a_string_or_comment_is_no_service(closed):
    text = 'SELECT ?x WHERE { BIND("SERVICE <http://127.0.0.1:1/> { }" AS ?x) } # SERVICE <x>'
    status, _, body = http(query_url(closed, text))
    assert status == 200
    assert json.loads(body)["results"]["bindings"][0]["x"]["value"].startswith("SERVICE <")


def test_allowed_hosts_are_called_and_no_other(corpus_store, listener):
    before = listener.connections
    with server(corpus_store, "--allow-service", f"127.0.0.1:{listener.port}") as (url, _, _):
        allowed = f"SELECT * {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?x ?y ?z }} }}"
        status, _, body = http(query_url(url, allowed))
        assert status == 200 and json.loads(body)["results"]["bindings"] == []
        assert listener.connections == before + 1
        for other in (f"http://localhost:{listener.port}/sparql",
                      f"http://127.0.0.1:{listener.port + 1}/sparql",
                      f"http://x@127.0.0.1:{listener.port}/sparql",
                      "file:///etc/passwd"):  # fmt: skip
            status, _, body = http(
                query_url(url, f"SELECT * {{ SERVICE <{other}> {{ ?s ?p ?o }} }}")
            )
            assert status == 400 and "not one of those allowed" in body, other
    assert listener.connections == before + 1


def test_query_command_refuses_service_too(corpus_store, listener, tmp_path):
    question = tmp_path / "outbound.rq"
    question.write_text(_ssrf_texts(listener.port)[0], encoding="utf-8")
    before = listener.connections
    done = subprocess.run(
        [sys.executable, "-m", "itukg.cli", "query", str(question), "--store", str(corpus_store)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 2
    assert "SERVICE" in done.stderr and "refused" in done.stderr
    assert "Traceback" not in done.stderr
    assert listener.connections == before


def test_only_the_configured_host_names_are_answered(corpus_store):
    with server(corpus_store, "--allowed-host", "kg.example.org") as (url, _, _):
        port = url.rsplit(":", 1)[1].strip("/")
        for host in ("evil.example", "127.0.0.1.evil.example", f"attacker.test:{port}"):
            status, _, body = http(query_url(url, SECTORS), headers={"Host": host})
            assert status == 400 and "does not answer to the host name" in body
        for host in (f"localhost:{port}", f"127.0.0.1:{port}", "kg.example.org", f"[::1]:{port}"):
            assert http(query_url(url, SECTORS), headers={"Host": host})[0] == 200, host


def test_cross_origin_posts_need_cors(corpus_store, closed):
    form = urllib.parse.urlencode({"query": SECTORS}).encode()
    kind = {"Content-Type": "application/x-www-form-urlencoded"}
    status, _, body = http(closed + "sparql", form, {**kind, "Origin": "https://evil.example"})
    assert status == 403 and "cross-origin" in body and "--cors" in body
    own = closed.rstrip("/")
    assert http(closed + "sparql", form, {**kind, "Origin": own})[0] == 200
    with server(corpus_store, "--cors", "https://yasgui.example") as (url, _, _):
        status, headers, _ = http(
            url + "sparql", form, {**kind, "Origin": "https://yasgui.example"}
        )
        assert status == 200
        assert headers["Access-Control-Allow-Origin"] == "https://yasgui.example"
        status, headers, _ = http(
            url + "sparql",
            headers={"Origin": "https://yasgui.example", "Access-Control-Request-Method": "POST"},
            method="OPTIONS",
        )
        assert status == 204 and "POST" in headers["Access-Control-Allow-Methods"]
        assert http(url + "sparql", form, {**kind, "Origin": "https://other.example"})[0] == 403
