"""Regenerate tests/golden/*.ttl from tests/fixtures/clean/*.txt.

Run it only after a deliberate change to the graph's shape, then read the diff of
the golden files before committing them: they are the reviewed expectation that
test_build_golden.py compares each build with (as graphs, by isomorphism).

    .venv/bin/python tests/make_golden.py
"""

from __future__ import annotations

from pathlib import Path

from itukg.parse import parse_file
from itukg.rdf import documents_graph

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    for source in sorted((HERE / "fixtures" / "clean").glob("*.txt")):
        graph = documents_graph([parse_file(source)])
        target = HERE / "golden" / f"{source.stem}.ttl"
        graph.serialize(destination=str(target), format="turtle")
        print(f"{target.relative_to(HERE.parent)}: {len(graph)} triples")
