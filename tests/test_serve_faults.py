"""No request takes the endpoint down: queries that crash, freeze or amplify, bad
Content-Length, oversized or chunked bodies, half-sent requests and protocol corners;
after each, a plain query is answered correctly and promptly."""

from __future__ import annotations

import json
import os
import signal
import socket
import threading
import time
import xml.etree.ElementTree as ET

import pytest
from test_serve_support import SECTORS, answered, http, port_of, query_url, raw, server

SPARQL = {"Content-Type": "application/sparql-query"}
TRIPLE = "SELECT ?t WHERE { BIND(TRIPLE(<http://a>, <http://b>, <http://c>) AS ?t) }"


@pytest.fixture(scope="module")
def endpoint(corpus_store):
    options = ("--workers", "2", "--timeout", "5", "--max-bytes", str(2 << 20), "--read-timeout",
               "2", "--max-connections", "16", "--allow-service", "127.0.0.1")  # fmt: skip
    with server(corpus_store, *options) as (url, process, _):
        yield url, process


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("application/sparql-results+json", '"type":"triple"'),
        ("text/csv", "http://a http://b http://c"),
        ("application/sparql-results+xml", "<triple><subject><uri>http://a</uri>"),
    ],
)
def test_triple_terms_are_written_not_fatal(endpoint, accept, expected):
    url, _ = endpoint
    status, _, body = http(query_url(url, TRIPLE), headers={"Accept": accept})
    assert status == 200 and expected in body
    assert answered(url)


@pytest.mark.parametrize(
    "nest", ["{ " * 10_000 + "}" * 10_000, "OPTIONAL { " * 10_000 + "}" * 10_000]
)
def test_deep_nesting_is_refused(endpoint, nest):
    url, _ = endpoint
    status, _, body = http(url + "sparql", f"SELECT * WHERE {{ {nest} }}".encode(), SPARQL)
    assert status == 400 and "nest more than" in body
    assert answered(url)


def test_a_query_that_kills_its_worker_gets_500_and_the_next_is_answered(endpoint):
    url, _ = endpoint
    chain = "SELECT (" + "1+" * 10_000 + "1 AS ?x) WHERE {}"  # overflows the parser's stack
    for _ in range(3):  # more than --workers: each dead worker was replaced
        status, _, body = http(url + "sparql", chain.encode(), SPARQL)
        assert status == 500 and "worker stopped" in body and "replaced" in body
    assert answered(url)


def test_a_worker_killed_from_outside_is_replaced(endpoint):
    url, process = endpoint
    endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    result: dict = {}
    thread = threading.Thread(
        target=lambda: result.update(answer=http(query_url(url, endless))), daemon=True
    )
    thread.start()
    time.sleep(1.0)
    children = [
        int(pid) for pid in os.listdir("/proc") if pid.isdigit()
        and _parent(int(pid)) == process.pid and "spawn_main" in _command(int(pid))
    ]  # fmt: skip
    busy = [pid for pid in children if _cpu(pid) > 0.3]
    assert busy, children
    os.kill(busy[0], signal.SIGKILL)
    thread.join(30)
    status, _, body = result["answer"]
    assert status == 500 and "worker stopped" in body
    assert answered(url)


def _parent(pid: int) -> int:
    try:
        return int(open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError):
        return -1


def _command(pid: int) -> str:
    try:
        return open(f"/proc/{pid}/cmdline").read()
    except OSError:
        return ""


def _cpu(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def test_service_to_a_closed_port_or_a_file_is_an_answer(endpoint):
    url, _ = endpoint
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = sock.getsockname()[1]
    status, _, body = http(
        query_url(url, f"SELECT * {{ SERVICE <http://127.0.0.1:{closed}/s> {{ ?s ?p ?o }} }}")
    )
    assert status == 502 and "SERVICE endpoint failed" in body
    status, _, body = http(query_url(url, "SELECT * { SERVICE <file:///etc/passwd> { ?s ?p ?o } }"))
    assert status == 400 and "refused" in body
    assert answered(url)


@pytest.mark.parametrize("size", [40_000, 80_000, 1 << 20])
def test_a_body_of_quotes_and_backslashes_is_refused_at_once(endpoint, size):
    url, _ = endpoint
    body = ('"\\' * (size // 2)).encode()
    started = time.monotonic()
    status, _, text = http(url + "sparql", body, SPARQL)
    assert status == 400 and "not closed" in text
    assert time.monotonic() - started < 30
    assert answered(url, within=10)


def test_a_long_literal_over_many_rows_stops_at_the_byte_limit(endpoint):
    url, process = endpoint
    literal = "x" * 51_000
    text = f'SELECT ?big WHERE {{ ?s ?p ?o BIND("{literal}" AS ?big) }} LIMIT 10000'
    status, headers, body = http(url + "sparql", text.encode(), SPARQL)
    assert status == 200
    assert "2097152 bytes" in headers["X-Itukg-Truncated"]
    assert len(body.encode()) <= 2 << 20
    rows = json.loads(body)["results"]["bindings"]
    assert 30 <= len(rows) < 10_000 and rows[0]["big"]["value"] == literal
    with open(f"/proc/{process.pid}/status") as status_file:
        peak = int(next(ln for ln in status_file if ln.startswith("VmHWM")).split()[1])
    assert peak < 400_000  # kB: the HTTP process never holds the answer whole
    assert answered(url)


@pytest.mark.parametrize("length", ["-1", "abc", "1e3", "+5"])
def test_a_bad_content_length_is_a_400(endpoint, length):
    url, _ = endpoint
    status, _, _ = raw(
        url,
        f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
        f"Content-Length: {length}\r\n\r\n".encode()
        + b"x" * 100_000,
    )
    assert status == 400
    assert answered(url)


def test_an_oversized_body_gets_its_413(endpoint):
    url, _ = endpoint
    big = b"#" * (2 << 20)
    head = "POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
    status, _, body = raw(url, f"{head}Content-Length: {len(big)}\r\n\r\n".encode() + big)
    assert status == 413 and b"longer than" in body
    status, _, _ = raw(
        url, f"{head}Content-Length: {len(big)}\r\nExpect: 100-continue\r\n\r\n".encode()
    )
    assert status == 413
    chunks = b"".join(b"%x\r\n" % 65536 + b"#" * 65536 + b"\r\n" for _ in range(32)) + b"0\r\n\r\n"
    status, _, _ = raw(url, f"{head}Transfer-Encoding: chunked\r\n\r\n".encode() + chunks)
    assert status == 413
    assert answered(url)


def test_a_chunked_body_is_read(endpoint):
    url, _ = endpoint
    text = SECTORS.encode()
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (text[:20], text[20:]))
    head = "POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
    status, _, body = raw(
        url, f"{head}Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n".encode()
        + chunked + b"0\r\n\r\n",
    )  # fmt: skip
    assert status == 200 and b"itu-t" in body


def test_a_long_question_name_is_a_404(endpoint):
    url, _ = endpoint
    status, _, body = http(url + "queries/" + "a" * 5000)
    assert status == 404 and len(body) < 200
    assert answered(url)


def test_head_and_options_are_answered(endpoint):
    url, _ = endpoint
    status, headers, body = http(query_url(url, SECTORS), method="HEAD")
    assert status == 200 and body == "" and "sparql-results" in headers["Content-Type"]
    status, headers, _ = http(url + "sparql", method="OPTIONS")
    assert status == 204 and "POST" in headers["Allow"]


def test_xml_results_are_well_formed_whatever_the_literal_holds(endpoint):
    url, _ = endpoint
    text = 'SELECT ?x WHERE { BIND("a\\u0000b\\u0001c\\rd\\uFFFEe&<f>" AS ?x) }'
    status, _, body = http(
        query_url(url, text), headers={"Accept": "application/sparql-results+xml"}
    )
    assert status == 200
    literal = ET.fromstring(body.encode()).find(
        ".//{http://www.w3.org/2005/sparql-results#}literal"
    )
    assert literal is not None and literal.text == "a\ufffdb\ufffdc\rd\ufffde&<f>"


def test_the_dataset_of_the_protocol_is_honoured(endpoint):
    url, _ = endpoint
    rows = lambda body: json.loads(body)["results"]["bindings"]  # noqa: E731
    assert len(rows(http(query_url(url, SECTORS))[2])) == 4
    status, _, body = http(
        query_url(url, SECTORS, **{"default-graph-uri": "http://nothing.example/g"})
    )
    assert status == 200 and rows(body) == []
    status, _, body = http(query_url(url, SECTORS, **{"named-graph-uri": "not an iri"}))
    assert status == 400 and "named-graph-uri" in body


def test_half_sent_requests_are_closed_and_the_cap_holds(endpoint):
    url, _ = endpoint
    port = port_of(url)
    idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(16)]
    for sock in idle:
        sock.sendall(b"GET /sparql?query=SEL")
    status, _, body = http(query_url(url, SECTORS))
    assert status == 503  # the cap on open connections
    for sock in idle:
        sock.settimeout(15)
        assert sock.recv(100) == b""  # closed by the read timeout
        sock.close()
    assert answered(url)


def test_log_lines_are_escaped_and_a_public_bind_warns(corpus_store):
    with server(corpus_store, "--host", "0.0.0.0", quiet=False) as (url, process, lines):
        assert "warning" in lines[0] and "public" in lines[0]
        raw(
            url,
            b"GET /x\x1b[2J\x1b]0;owned\x07 HTTP/1.1\r\n"
            b"Host: 127.0.0.1\r\nConnection: close\r\n\r\n",
        )
        http(query_url(url, SECTORS), headers={"User-Agent": "\x1b[31m"})
        assert answered(url)
        process.terminate()
        log = process.stderr.read()
    assert "\x1b" not in log and "\x07" not in log
    assert "GET /sparql" in log
