"""`itukg serve`: the SPARQL 1.1 Protocol over the corpus store, asked by rdflib's
SPARQLStore, by curl and by plain HTTP; read-only, time limit and result limit."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

ITU = "https://w3id.org/itukg/ontology#"
SECTORS = f"SELECT ?sector WHERE {{ ?sector a <{ITU}Sector> }} ORDER BY ?sector"


@contextmanager
def serving(store, *options: str):
    """A real `itukg serve` process on a free loopback port; yields its base URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "itukg.cli", "serve", "--store", str(store), "--port", "0",
         "--quiet", *options],
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        line = process.stderr.readline()
        found = re.search(r"at (http://127\.0\.0\.1:\d+/)", line)
        assert found, line + process.stderr.read()
        yield found.group(1)
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def endpoint(corpus_store):
    with serving(corpus_store, "--limit", "50") as url:
        yield url


def _http(url: str, data: bytes | None = None, headers: dict | None = None, method=None):
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8")


def test_rdflib_sparqlstore_reads_the_endpoint(endpoint, ask):
    from rdflib import Graph, URIRef
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    graph = Graph(store=SPARQLStore(endpoint + "sparql", returnFormat="json"))
    sectors = [str(row[0]) for row in graph.query(SECTORS)]
    assert sectors == [
        "https://w3id.org/itukg/id/sector/gs",
        "https://w3id.org/itukg/id/sector/itu-d",
        "https://w3id.org/itukg/id/sector/itu-r",
        "https://w3id.org/itukg/id/sector/itu-t",
    ]
    tsag = URIRef("https://w3id.org/itukg/id/body/tsag")
    assert (tsag, None, None) in graph
    local = {r["version"] for r in ask("versions")}
    remote = graph.query(f"SELECT DISTINCT ?v WHERE {{ ?v a <{ITU}ResolutionVersion> }}")
    assert local <= {str(row[0]) for row in remote}


@pytest.mark.curl
def test_curl_gets_every_results_format(endpoint):
    curl = shutil.which("curl")
    assert curl, "curl is needed by this test"
    answers = {}
    for accept in ("application/sparql-results+json", "application/sparql-results+xml",
                   "text/csv", "text/tab-separated-values"):  # fmt: skip
        done = subprocess.run(
            [curl, "-s", "-H", f"Accept: {accept}", "--data-urlencode", f"query={SECTORS}",
             endpoint + "sparql"],
            capture_output=True, text=True, timeout=60, check=True,
        )  # fmt: skip
        answers[accept] = done.stdout
    itu_r = "https://w3id.org/itukg/id/sector/itu-r"
    bindings = json.loads(answers["application/sparql-results+json"])["results"]["bindings"]
    assert [b["sector"]["value"] for b in bindings][2] == itu_r
    assert (
        f'<binding name="sector"><uri>{itu_r}</uri></binding>'
        in answers["application/sparql-results+xml"]
    )
    assert list(csv.reader(io.StringIO(answers["text/csv"])))[3] == [itu_r]
    assert answers["text/tab-separated-values"].splitlines()[3] == f"<{itu_r}>"


def test_graphs_come_as_turtle_or_json_ld(endpoint):
    construct = f"CONSTRUCT WHERE {{ ?s a <{ITU}Sector> }}"
    query = urllib.parse.urlencode({"query": construct})
    status, headers, turtle = _http(f"{endpoint}sparql?{query}", headers={"Accept": "text/turtle"})
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    assert "<https://w3id.org/itukg/id/sector/itu-t>" in turtle
    status, _, jsonld = _http(
        f"{endpoint}sparql?{query}", headers={"Accept": "application/ld+json"}
    )
    assert {node["@id"] for node in json.loads(jsonld)} >= {
        "https://w3id.org/itukg/id/sector/itu-t"
    }


def test_updates_are_refused(endpoint, corpus_store, ask):
    before = ask("summary")
    update = "PREFIX x: <http://x/> INSERT DATA { x:a x:b x:c }"
    attempts = [
        _http(endpoint + "sparql", urllib.parse.urlencode({"update": update}).encode(),
              {"Content-Type": "application/x-www-form-urlencoded"}),
        _http(endpoint + "sparql", update.encode(), {"Content-Type": "application/sparql-update"}),
        _http(endpoint + "sparql", update.encode(), {"Content-Type": "application/sparql-query"}),
        _http(endpoint + "sparql?" + urllib.parse.urlencode({"query": "DROP ALL"})),
        _http(endpoint + "store?default", b"<a> <b> <c> .", {"Content-Type": "text/turtle"},
              method="PUT"),
    ]  # fmt: skip
    assert [status for status, _, _ in attempts] == [403] * len(attempts)
    assert "read-only" in attempts[0][2]
    assert ask("summary") == before


def test_named_questions_bind_their_parameters(endpoint, ask):
    expected = {r["action"] for r in ask("mandates-of-body", body="body:tsag")}
    status, _, body = _http(endpoint + "queries/mandates-of-body?body=body:tsag")
    assert status == 200
    got = {b["action"]["value"] for b in json.loads(body)["results"]["bindings"]}
    assert got == expected and got
    hostile = urllib.parse.quote("x> } ; DROP ALL ; SELECT * { <y")
    status, _, body = _http(f"{endpoint}queries/mandates-of-body?body={hostile}")
    assert status == 400 and "not a valid IRI" in body
    odd = urllib.parse.quote("https://x.example/a'b;DROP-ALL")
    status, _, body = _http(f"{endpoint}queries/mandates-of-body?body={odd}")
    assert status == 200 and json.loads(body)["results"]["bindings"] == []
    status, _, body = _http(
        f"{endpoint}queries/overlaps?min_score={urllib.parse.quote('0 || true')}"
    )
    assert status == 400 and "must be a decimal" in body
    status, _, body = _http(endpoint + "queries/mandates-of-body?nobody=1")
    assert status == 400 and "no parameter 'nobody'" in body
    assert _http(endpoint + "queries/..%2F..%2Fpyproject")[0] == 404


def test_the_result_limit_cuts_and_says_so(endpoint):
    query = urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"})
    status, headers, body = _http(f"{endpoint}sparql?{query}")
    assert status == 200
    assert len(json.loads(body)["results"]["bindings"]) == 50
    assert "50" in headers["X-Itukg-Truncated"]


def test_a_query_past_the_time_limit_is_stopped(corpus_store):
    endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with serving(corpus_store, "--timeout", "1", "--workers", "1") as url:
        status, _, body = _http(url + "sparql?" + urllib.parse.urlencode({"query": endless}))
        assert status == 503 and "time limit of 1 s" in body
        status, _, body = _http(url + "sparql?" + urllib.parse.urlencode({"query": SECTORS}))
        assert status == 200 and "itu-t" in body  # a new worker answers


def test_bad_queries_get_a_readable_400(endpoint):
    status, _, body = _http(endpoint + "sparql?" + urllib.parse.urlencode({"query": "SELEKT"}))
    assert status == 400 and "not a valid SPARQL query" in body


def test_the_page_lists_the_library(endpoint):
    status, headers, page = _http(endpoint)
    assert status == 200 and "default-src 'none'" in headers["Content-Security-Policy"]
    assert '"name": "mandates-of-body"' in page


def test_a_running_endpoint_answers_from_the_generation_a_new_build_made_current(tmp_path):
    """Workers read the store's `current` link at each request: after a second build,
    the same query is answered from the new graph, without a restart."""
    fixtures = Path(__file__).parent / "fixtures" / "clean"
    store = tmp_path / "store"
    titles = (
        f"SELECT ?title WHERE {{ ?r a <{ITU}ResolutionVersion> ; "
        "<http://purl.org/dc/terms/title> ?title } ORDER BY ?title"
    )

    def build(*names: str) -> None:
        files = [str(fixtures / n) for n in names]
        subprocess.run([sys.executable, "-m", "itukg.cli", "build", *files, "--store",
                        str(store)], check=True, capture_output=True)  # fmt: skip

    def asked(url: str) -> list[str]:
        query = urllib.parse.urlencode({"query": titles})
        status, _, body = _http(f"{url}sparql?{query}", headers={"Accept": "text/csv"})
        assert status == 200, body
        return body.splitlines()[1:]

    build("pp_resolution.txt")
    with serving(store, "--workers", "1") as url:
        before = asked(url)
        build("pp_resolution.txt", "wtsa_resolution.txt")
        after = asked(url)
    assert len(before) == 1 and len(after) == 2
    assert before[0] in after
