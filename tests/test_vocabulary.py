"""The typed vocabulary (src/itukg/vocabulary.py): up to date with the ontology, closed,
and naming every itu: term the code, the questions and the shapes use."""

from __future__ import annotations

import ast
import importlib.util
import re
from pathlib import Path

import pytest
import rdflib

from itukg.namespaces import ITU as ITU_IRI
from itukg.vocabulary import ITU

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "ontology" / "generate_vocabulary.py"
MODULE = ROOT / "src" / "itukg" / "vocabulary.py"

# itu:name in SPARQL and Turtle (and in Python text holding either); a local name may hold
# '-' but not end a Turtle statement's '.'
PREFIXED = re.compile(r"(?<![\w-])itu:([A-Za-z_][\w-]*)")
FULL_IRI = re.compile(re.escape(ITU_IRI) + r"([A-Za-z_][\w-]*)")
CONCATENATED = re.compile(r"""\bITU \+ ["']([A-Za-z_][\w-]*)|\{ITU\}([A-Za-z_][\w-]*)""")


def _generator():
    spec = importlib.util.spec_from_file_location("generate_vocabulary", GENERATOR)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generator():
    return _generator()


@pytest.fixture(scope="module")
def declared(generator) -> set[str]:
    groups = generator.declared_terms(generator.load_graph())
    return {name for terms in groups.values() for name, _ in terms}


def test_the_module_is_up_to_date(generator):
    assert generator.render() == MODULE.read_text(encoding="utf-8"), (
        "src/itukg/vocabulary.py is out of date: run python ontology/generate_vocabulary.py"
    )
    assert generator.main(["--check"]) == 0


def test_check_fails_on_a_stale_module(generator, tmp_path, monkeypatch):
    target = tmp_path / "vocabulary.py"
    target.write_text(MODULE.read_text(encoding="utf-8").replace("    score: URIRef", ""))
    monkeypatch.setattr(generator, "TARGET", target)
    assert generator.main(["--check"]) == 1
    assert generator.main([]) == 0
    assert target.read_text(encoding="utf-8") == MODULE.read_text(encoding="utf-8")
    assert generator.main(["--check"]) == 0


def test_every_declared_term_is_an_attribute(declared):
    names = set(ITU.__annotations__) | set(getattr(ITU, "_extras", []))
    assert names == declared
    for name in declared:  # none is shadowed by an attribute of the class itself
        term = ITU[name]
        assert type(term) is rdflib.URIRef and str(term) == ITU_IRI + name
    assert ITU.score == rdflib.URIRef(ITU_IRI + "score")
    assert ITU.Duplicate == rdflib.URIRef(ITU_IRI + "Duplicate")


def test_an_undeclared_term_is_an_error():
    with pytest.raises(AttributeError):
        ITU.notATerm  # noqa: B018
    with pytest.raises(AttributeError):
        ITU["overlapof"]
    with pytest.raises(AttributeError):
        ITU + "scores"


def test_the_module_imports_only_rdflib():
    tree = ast.parse(MODULE.read_text(encoding="utf-8"))
    imported = {
        (node.module or "") if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert imported and all(m == "rdflib" or m.startswith("rdflib.") for m in imported), imported


def _terms_in_python(path: Path) -> set[str]:
    """Attributes and items of the vocabulary class, under whatever name it is imported."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    aliases = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "itukg.vocabulary"
        for alias in node.names
        if alias.name == "ITU"
    }
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.value.id in aliases:
                found.add(node.attr)
        elif (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
            and isinstance(node.slice, ast.Constant)
            and isinstance(node.slice.value, str)
        ):
            found.add(node.slice.value)
    return found


def _used_terms() -> dict[str, set[str]]:
    """Every itu: term the package, the questions and the shapes name, with where."""
    files = (
        sorted((ROOT / "src" / "itukg").rglob("*.py"))
        + sorted((ROOT / "queries").glob("*.rq"))
        + sorted((ROOT / "ontology" / "shapes").glob("*.ttl"))
    )
    used: dict[str, set[str]] = {}
    for path in files:
        text = path.read_text(encoding="utf-8")
        names = {m.group(1) for m in PREFIXED.finditer(text)}
        names |= {m.group(1) for m in FULL_IRI.finditer(text)}
        if path.suffix == ".py":
            names |= {a or b for a, b in CONCATENATED.findall(text)}
            names |= _terms_in_python(path)
        for name in names:
            used.setdefault(name, set()).add(str(path.relative_to(ROOT)))
    return used


def test_every_term_used_is_declared(declared):
    used = _used_terms()
    assert len(used) > 80  # the scan finds the terms (the code, questions and shapes use ~100)
    undeclared = {name: sorted(where) for name, where in used.items() if name not in declared}
    assert undeclared == {}


def test_the_overlap_classes_are_declared():
    from itukg.overlap.detect import CLASS_NODES

    assert all(name in ITU for name in CLASS_NODES.values())


def test_overlap_pairs_are_written_as_valid_n_triples():
    """Read back by rdflib, quotes, backslashes and line breaks come back as written;
    scores keep three decimals as xsd:decimal."""
    from itukg.overlap.detect import ClauseRecord, Pair, pairs_ntriples

    def record(iri: str) -> ClauseRecord:
        version = iri.rsplit("/", 2)[0]
        return ClauseRecord(
            iri, version, "v", "pp", "1", 2022, "r", "s", "resolves", "h", 1, "1", 3, "t"
        )

    a = record("https://w3id.org/itukg/id/resolution/pp/1/x-2022/resolves/1")
    b = record("https://w3id.org/itukg/id/resolution/pp/2/y-2018/resolves/3")
    terms = ['"quoted"', "back\\slash", "line\nbreak", "carriage\rreturn", "Genève"]
    pair = Pair(a, b, "same-mandate", 0.9, 0.41234, ["tsb", "itu-t"], ["5g"], "study", terms)
    graph = rdflib.Graph().parse(data=pairs_ntriples([pair]), format="nt")
    node = rdflib.URIRef(pair.iri)
    assert len(graph) == 23  # with the part, the reason, the rank and what each side lists
    # a body and a Sector addressed as a whole, each by its own IRI
    assert set(graph.objects(node, ITU.sharedAddressee)) == {
        rdflib.URIRef("https://w3id.org/itukg/id/body/tsb"),
        rdflib.URIRef("https://w3id.org/itukg/id/sector/itu-t"),
    }
    assert graph.value(node, rdflib.RDF.type) == ITU.Overlap
    assert graph.value(node, ITU.overlapClass) == ITU.SameMandate
    assert set(graph.objects(node, ITU.overlapOf)) == {rdflib.URIRef(a.iri), rdflib.URIRef(b.iri)}
    assert str(graph.value(node, ITU.sharedTerms)) == ", ".join(terms)
    assert graph.value(node, ITU.sharedTerms).datatype is None
    for predicate, lexical in ((ITU.score, "0.900"), (ITU.lexicalSimilarity, "0.412")):
        value = graph.value(node, predicate)
        assert (str(value), value.datatype) == (lexical, rdflib.XSD.decimal)
    assert pairs_ntriples([]).strip() == ""
