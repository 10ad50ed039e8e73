"""Shared paths and helpers for the tests."""

from __future__ import annotations

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
