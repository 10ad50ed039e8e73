"""Shared paths and helpers for the tests."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CLEAN = FIXTURES / "clean"
GOLDEN = Path(__file__).resolve().parent / "golden"
CORPUS = ROOT / "data" / "C26-89-E.txt"


def run_cli(
    *args: str, cwd: Path | None = None, env: dict | None = None
) -> subprocess.CompletedProcess:
    """Run the real `itukg` command (as a user would) and capture what it prints."""
    return subprocess.run(
        [sys.executable, "-m", "itukg.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="session")
def vocabulary():
    from itukg.ontology import load_vocabulary

    return load_vocabulary()


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory) -> Path:
    """The corpus built into a store once for the session (overlaps included)."""
    from itukg.overlap import store_overlaps
    from itukg.pipeline import build

    store = tmp_path_factory.mktemp("corpus") / "store"
    build([CORPUS], store, enrich=[store_overlaps])
    return store


@pytest.fixture(scope="session")
def _clean_store_built(tmp_path_factory) -> Path:
    """The clean resolutions built once, through the real command, with their overlaps."""
    store = tmp_path_factory.mktemp("clean") / "store"
    result = run_cli("build", str(CLEAN), "--store", str(store))
    assert result.returncode == 0, result.stderr
    return store


@pytest.fixture()
def clean_store(_clean_store_built, tmp_path) -> Path:
    """A store of the clean resolutions of this test's own, to change or damage: a copy of
    the one built for the session (its `current` link kept as the relative link it is)."""
    store = tmp_path / "store"
    shutil.copytree(_clean_store_built, store, symlinks=True)
    return store


@pytest.fixture(scope="session")
def ask(corpus_store):
    """Run a query of the library on the corpus store: rows as dicts of plain values."""
    from itukg.query.questions import load_query, run
    from itukg.store import open_read

    graph = open_read(corpus_store)

    def ask(name: str, **params: str) -> list[dict[str, str]]:
        return run(graph, load_query(name), params).records(missing=None)

    return ask
