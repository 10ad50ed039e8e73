"""The ingest pipeline, read → parse → annotate → rdf → store, over many files, for the
command line and the tests.

What a use adds to a freshly stored graph (the overlap pairs) comes in as an `Enricher`
from the assembly that calls `build`, so this module never imports a use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from itukg.errors import InputError
from itukg.model import Document

INPUT_SUFFIXES = (".txt", ".docx")

Enricher = Callable[[Any], str]
"""Adds to the stored graph (given its store target) and says what it added, in one line."""


def collect_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """Files to read: each file given, and the texts (*.txt, *.docx) in each folder given."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            texts = sorted(p for p in path.iterdir() if p.suffix.lower() in INPUT_SUFFIXES)
            if not texts:
                raise InputError(path, "folder holds no text to read (*.txt, *.docx)")
            found.extend(texts)
        else:
            found.append(path)
    if not found:
        raise InputError(".", "nothing to read: give files or folders")
    return found


def parse_inputs(
    paths: Iterable[Path], progress: Callable[[str], None] | None = None, annotate: bool = True
) -> list[Document]:
    """Parse (and annotate) every input; the first bad one stops the run with its file and line."""
    from itukg.parse import parse_file

    documents = []
    for path in paths:
        document = parse_file(path)
        documents.append(document)
        if progress:
            n = len(document.resolutions)
            read_as = "" if document.encoding == "utf-8" else f" (read as {document.encoding})"
            read_as += " (Word, tracked changes read)" if document.format == "docx" else ""
            progress(f"parsed {path.name}{read_as}: {n} resolution{'s' if n != 1 else ''}")
    if annotate:
        from itukg.annotate import annotate_documents

        annotate_documents(documents)
        if progress:
            mandates = sum(
                1
                for d in documents
                for r in d.resolutions
                for s in r.sections
                for c in s.clauses
                if c.mandate
            )
            progress(f"annotated: {mandates} mandates")
    return documents


@dataclass
class BuildReport:
    documents: int
    resolutions: int
    triples: int


def build(
    paths: Iterable[str | Path],
    store: Path | None,
    out: Path | None = None,
    out_format: str | None = None,
    progress: Callable[[str], None] | None = None,
    enrich: Sequence[Enricher] = (),
) -> BuildReport:
    """Parse the inputs and build the graph; the store is replaced only if all went well.
    Each enricher then adds to the stored graph (the build command passes overlaps)."""
    from itukg.ontology import ontology_ntriples
    from itukg.rdf import documents_graph

    documents = parse_inputs(collect_inputs(paths), progress)
    graph = documents_graph(documents)
    if out is not None:
        fmt = out_format or _format_for(out)
        graph.serialize(destination=str(out), format=fmt)
        if progress:
            progress(f"wrote {len(graph)} triples to {out} ({fmt})")
    triples = len(graph)
    if store is not None:
        from itukg.store import replace

        triples = replace(store, [ontology_ntriples(), graph.serialize(format="nt")])
        if progress:
            progress(f"stored {triples} triples (data and ontology) in {store}")
        for enricher in enrich:
            message = enricher(store)
            if progress:
                progress(message)
    return BuildReport(len(documents), sum(len(d.resolutions) for d in documents), triples)


def _format_for(path: Path) -> str:
    return {
        ".ttl": "turtle",
        ".nt": "nt",
        ".jsonld": "json-ld",
        ".json": "json-ld",
        ".rdf": "xml",
        ".xml": "xml",
    }.get(path.suffix.lower(), "turtle")
