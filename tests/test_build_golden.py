"""Each clean fixture builds to the reviewed graph in tests/golden/ (compared as graphs)."""

from __future__ import annotations

import pytest
import rdflib
from conftest import CLEAN, GOLDEN
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from itukg.namespaces import ITU
from itukg.parse import parse_file
from itukg.rdf import documents_graph

FIXTURES = sorted(p.stem for p in CLEAN.glob("*.txt"))


@pytest.mark.parametrize("name", FIXTURES)
def test_build_matches_golden_graph(name):
    built = documents_graph([parse_file(CLEAN / f"{name}.txt")])
    expected = rdflib.Graph().parse(GOLDEN / f"{name}.ttl", format="turtle")
    if not isomorphic(built, expected):
        _, only_built, only_expected = graph_diff(to_isomorphic(built), to_isomorphic(expected))
        pytest.fail(
            f"{name}: built graph differs from golden\n"
            f"only in build:\n{only_built.serialize(format='nt')[:3000]}\n"
            f"only in golden:\n{only_expected.serialize(format='nt')[:3000]}"
        )


def test_golden_files_cover_every_fixture():
    assert sorted(p.stem for p in GOLDEN.glob("*.ttl")) == FIXTURES


def test_a_changed_parse_is_caught():
    """The comparison can fail: drop one clause text and the graphs differ."""
    built = documents_graph([parse_file(CLEAN / "pp_resolution.txt")])
    expected = rdflib.Graph().parse(GOLDEN / "pp_resolution.ttl", format="turtle")
    text = rdflib.URIRef(ITU + "text")
    victim = next(iter(built.triples((None, text, None))))
    built.remove(victim)
    assert not isomorphic(built, expected)


def test_clause_iris_are_readable():
    graph = documents_graph([parse_file(CLEAN / "pp_resolution.txt")])
    base = "https://w3id.org/itukg/id/resolution/pp/212/bucharest-2022"
    label = rdflib.URIRef(ITU + "label")
    assert graph.value(rdflib.URIRef(f"{base}/resolves/2/ii"), label) == rdflib.Literal("2 ii)")
    assert graph.value(rdflib.URIRef(f"{base}/resolves/4/dash-2"), label) == rdflib.Literal("4 –2")
    with_respect = rdflib.URIRef(ITU + "withRespectTo")
    assert graph.value(rdflib.URIRef(f"{base}/annex/2"), with_respect) == rdflib.URIRef(
        f"{base}/resolves/2/ii"
    )
