"""The remote store backend against a real Oxigraph server (`oxigraph serve`, from the
PyPI package oxigraph) on loopback: build through it, then query, validate, overlaps
and export give what the embedded store gives."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import CORPUS, FIXTURES, run_cli

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
