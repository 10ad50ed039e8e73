"""Write src/itukg/vocabulary.py, the typed vocabulary of the itu: namespace, from ontology/.

Every term the Turtle files of this folder declare in the itu: namespace (a subject with
an rdf:type: classes, properties, and named individuals such as itu:Duplicate) becomes an
attribute of a closed rdflib namespace, so that a misspelt term raises AttributeError
instead of minting a new IRI. The shapes (ontology/shapes/) declare nothing and are not
read. The package never imports this script; run it from the repository's root when the
ontology changes:

    .venv/bin/python ontology/generate_vocabulary.py          # rewrite the module
    .venv/bin/python ontology/generate_vocabulary.py --check  # exit 1 if it is out of date
"""

from __future__ import annotations

import argparse
import json
import keyword
import sys
from pathlib import Path

import rdflib
from rdflib.namespace import OWL, RDF, RDFS

NAMESPACE = "https://w3id.org/itukg/ontology#"
ONTOLOGY_DIR = Path(__file__).resolve().parent
TARGET = ONTOLOGY_DIR.parent / "src" / "itukg" / "vocabulary.py"
COMMAND = "python ontology/generate_vocabulary.py"
LINE_LENGTH = 100

# The groups of the class body, in this order; a term of none of these types is an
# individual of some itu: class (itu:Duplicate a itu:OverlapClass).
GROUPS = [
    (OWL.Class, "owl:Class"),
    (OWL.ObjectProperty, "owl:ObjectProperty"),
    (OWL.DatatypeProperty, "owl:DatatypeProperty"),
    (OWL.AnnotationProperty, "owl:AnnotationProperty"),
    (RDFS.Class, "rdfs:Class"),
    (RDF.Property, "rdf:Property"),
]
INDIVIDUALS = "named individuals"


def load_graph(directory: Path = ONTOLOGY_DIR) -> rdflib.Graph:
    """The ontology proper: every *.ttl file of the folder (not shapes/)."""
    graph = rdflib.Graph()
    for path in sorted(directory.glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


def _text(graph: rdflib.Graph, subject: rdflib.URIRef, predicate: rdflib.URIRef) -> str | None:
    """The English (else untagged, else first) value of a predicate, on one line."""
    values = sorted(
        (v for v in graph.objects(subject, predicate) if isinstance(v, rdflib.Literal)),
        key=lambda v: (v.language != "en", v.language is not None, str(v)),
    )
    return " ".join(str(values[0]).split()) if values else None


def declared_terms(graph: rdflib.Graph) -> dict[str, list[tuple[str, str | None]]]:
    """The declared itu: terms as group → sorted [(name, label or comment)]."""
    groups: dict[str, list[tuple[str, str | None]]] = {title: [] for _, title in GROUPS}
    groups[INDIVIDUALS] = []
    subjects = {
        s
        for s in graph.subjects(RDF.type, None)
        if isinstance(s, rdflib.URIRef) and str(s).startswith(NAMESPACE) and str(s) != NAMESPACE
    }
    for subject in subjects:
        name = str(subject)[len(NAMESPACE) :]
        types = set(graph.objects(subject, RDF.type))
        group = next((title for cls, title in GROUPS if cls in types), INDIVIDUALS)
        note = _text(graph, subject, RDFS.label) or _text(graph, subject, RDFS.comment)
        groups[group].append((name, note))
    return {title: sorted(terms) for title, terms in groups.items() if terms}


def _is_attribute(name: str) -> bool:
    """Whether a term can be written ITU.name (else it goes to _extras, read as ITU["name"])."""
    return name.isidentifier() and not keyword.iskeyword(name) and not name.startswith("_")


def _with_note(code: str, note: str | None) -> str:
    """A line of code with its trailing comment, shortened to the line length."""
    if not note:
        return code
    line = f"{code}  # {note}"
    if len(line) > LINE_LENGTH:
        line = line[: LINE_LENGTH - 1].rstrip() + "…"
    return line


def render(directory: Path = ONTOLOGY_DIR) -> str:
    """The text of src/itukg/vocabulary.py for the ontology in directory."""
    graph = load_graph(directory)
    groups = declared_terms(graph)
    count = sum(len(terms) for terms in groups.values())
    lines = [
        '"""The terms of the itu: ontology namespace, as a closed rdflib namespace.',
        "",
        f"Generated from ontology/*.ttl by `{COMMAND}`, run from the",
        "repository's root: do not edit by hand, rerun it when the ontology changes. A term the",
        "ontology does not declare is an error, not a new IRI: ITU.notATerm raises AttributeError.",
        f"{count} terms.",
        '"""',
        "",
        "from rdflib.namespace import DefinedNamespace, Namespace",
        "from rdflib.term import URIRef",
        "",
        "",
        "class ITU(DefinedNamespace):",
        '    """The classes, properties and named individuals of https://w3id.org/itukg/ontology."""',
        "",
        "    _fail = True",
    ]
    extras: list[tuple[str, str | None]] = []
    for group, terms in groups.items():
        attributes = [(n, note) for n, note in terms if _is_attribute(n)]
        extras += [(n, note) for n, note in terms if not _is_attribute(n)]
        if attributes:
            lines += ["", f"    # {group}"]
            lines += [_with_note(f"    {name}: URIRef", note) for name, note in attributes]
    if extras:
        lines += ["", "    _extras = ["]
        lines += [_with_note(f"        {json.dumps(n)},", note) for n, note in sorted(extras)]
        lines += ["    ]"]
    lines += ["", f"    _NS = Namespace({json.dumps(NAMESPACE)})", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 when the file on disk differs from what would be written",
    )
    args = parser.parse_args(argv)
    text = render()
    current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else None
    if args.check:
        if current != text:
            print(f"{TARGET} is out of date: run {COMMAND}", file=sys.stderr)
            return 1
        return 0
    if current != text:
        TARGET.write_text(text, encoding="utf-8")
        print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
