"""The ingest pipeline, read → parse → annotate → rdf → store, over many files, for the
command line and the tests.

What a use derives from the new graph (the overlap pairs) comes in as an `Enricher` from
the assembly that calls `build`, so this module never imports a use; it is written into
the same new generation, before that is made current.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from itukg.errors import InputError
from itukg.model import Document

INPUT_SUFFIXES = (
    ".txt", ".md", ".markdown", ".adoc", ".asciidoc", ".docx", ".xml", ".pdf", ".html",
    ".htm", ".xhtml",
)  # fmt: skip

Enricher = Callable[[Any], tuple[bytes | str, str]]
"""Given the new graph (a store that answers queries) before it is made current: N-Triples
to add to it, and one line saying what they are."""


# a folder's own notes, never one of its texts: 'README.md', 'LICENSE.txt'
_FOLDER_NOTES = {"readme", "license", "licence", "changelog", "notice", "authors", "sources"}


def _is_text(path: Path) -> bool:
    return path.suffix.lower() in INPUT_SUFFIXES and path.stem.casefold() not in _FOLDER_NOTES


def collect_inputs(paths: Iterable[str | Path], left_out: list[Path] | None = None) -> list[Path]:
    """Files to read: each file given, and the texts (INPUT_SUFFIXES: text, Markdown,
    AsciiDoc, Word, XML, PDF, HTML) in each folder given, but for its own notes
    (README, LICENSE …); the folders' other files are added to left_out, when given."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file())
            texts = [p for p in files if _is_text(p)]
            if left_out is not None:
                left_out.extend(p for p in files if not _is_text(p))
            if not texts:
                forms = "*.txt, *.md, *.adoc, *.docx, *.xml, *.pdf, *.html"
                raise InputError(path, f"folder holds no text to read ({forms})")
            found.extend(texts)
        else:
            found.append(path)
    if not found:
        raise InputError(".", "nothing to read: give files or folders")
    return found


@dataclass
class FileResult:
    """What became of one input file: what it held, or why it was refused."""

    path: str
    format: str | None = None
    encoding: str | None = None
    documents: int = 0
    resolutions: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: InputError | None = None  # why it was refused

    @property
    def refused(self) -> str | None:
        """The reason, as 'file:line: message'."""
        return str(self.error) if self.error else None

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.path,
            "status": "refused" if self.refused else "read",
            "format": self.format,
            "encoding": self.encoding,
            "documents": self.documents,
            "resolutions": self.resolutions,
            "warnings": self.warnings,
            "refused": self.error.message if self.error else None,
            "line": self.error.line if self.error else None,
        }


def read_inputs(
    paths: Iterable[Path],
    strict: bool = True,
    annotate: bool = True,
    on_file: Callable[[FileResult], None] | None = None,
) -> tuple[list[Document], list[FileResult]]:
    """Parse (and annotate) every input, one file at a time.

    strict: the first file that cannot be read stops the run with its file and line.
    Otherwise a refused file is recorded with its reason and the others are read; an
    unexpected fault in one file is recorded the same way rather than losing the rest.
    """
    from itukg.parse import parse_file

    if annotate:
        from itukg.annotate import annotate_documents
    documents: list[Document] = []
    results: list[FileResult] = []
    for path in paths:
        result = FileResult(str(path))
        try:
            document = parse_file(path)
            if annotate:
                annotate_documents([document])
        except InputError as err:
            if strict:
                raise
            result.error = err
        except Exception as err:  # a fault of ours on one file must not lose the others
            if strict:
                raise
            result.error = InputError(
                path, f"internal error while reading: {type(err).__name__}: {err}"
            )
        else:
            documents.append(document)
            result.format, result.encoding = document.format, document.encoding
            result.documents = 1
            result.resolutions = [r.id for r in document.resolutions]
            result.warnings = list(document.notes) + [
                f"{r.id}: {note}" for r in document.resolutions for note in r.notes
            ]
        results.append(result)
        if on_file:
            on_file(result)
    return documents, results


def describe(result: FileResult) -> str:
    """One line a person reads about a file that was read."""
    n = len(result.resolutions)
    read_as = "" if result.encoding in (None, "utf-8") else f" (read as {result.encoding})"
    read_as += " (Word, tracked changes read)" if result.format == "docx" else ""
    return f"parsed {Path(result.path).name}{read_as}: {n} resolution{'s' if n != 1 else ''}"


def parse_inputs(
    paths: Iterable[Path], progress: Callable[[str], None] | None = None, annotate: bool = True
) -> list[Document]:
    """Parse (and annotate) every input; the first bad one stops the run with its file and line."""

    def on_file(result: FileResult) -> None:
        if progress:
            progress(describe(result))

    documents, _ = read_inputs(paths, strict=True, annotate=annotate, on_file=on_file)
    if annotate and progress:
        progress(f"annotated: {count_mandates(documents)} mandates")
    return documents


def count_mandates(documents: Iterable[Document]) -> int:
    return sum(
        1
        for d in documents
        for r in d.resolutions
        for s in r.sections
        for c in s.clauses
        if c.mandate
    )


@dataclass
class BuildReport:
    documents: int
    resolutions: int
    triples: int
    files: list[FileResult] = field(default_factory=list)

    @property
    def refused(self) -> list[FileResult]:
        return [f for f in self.files if f.refused]

    def as_json(self) -> dict[str, Any]:
        return {
            "files": [f.as_json() for f in self.files],
            "read": len(self.files) - len(self.refused),
            "refused": len(self.refused),
            "documents": self.documents,
            "resolutions": self.resolutions,
            "triples": self.triples,
        }


def build(
    paths: Iterable[str | Path],
    store: Path | None,
    out: Path | None = None,
    out_format: str | None = None,
    progress: Callable[[str], None] | None = None,
    enrich: Sequence[Enricher] = (),
    strict: bool = True,
    on_file: Callable[[FileResult], None] | None = None,
) -> BuildReport:
    """Parse the inputs and build the graph; the store is replaced only when the graph and
    what each enricher derives from it (the build command passes overlaps) are all
    written, in one new generation. The store's lock is held throughout.

    strict: one file that cannot be read stops the build and leaves the store as it was.
    Otherwise refused files are left out (each in the report with its reason) and the
    others are built; when none can be read, nothing is stored. on_file hears of each
    file as it is read (default: a progress line per file).
    """
    from itukg.ontology import ontology_ntriples
    from itukg.rdf import documents_graph
    from itukg.store import replace, writing

    def told(result: FileResult) -> None:
        if on_file:
            on_file(result)
        elif progress and not result.error:
            progress(describe(result))

    inputs = collect_inputs(paths)
    with writing(store):  # from before anything is read to the switch of `current`
        documents, files = read_inputs(inputs, strict=strict, on_file=told)
        if not documents:
            if len(files) == 1 and files[0].error:
                raise files[0].error
            raise InputError(
                inputs[0].parent,
                f"none of the {len(files)} files could be read; nothing was stored",
            )
        if progress:
            progress(f"annotated: {count_mandates(documents)} mandates")
        graph = documents_graph(documents)
        if out is not None:
            fmt = out_format or _format_for(out)
            graph.serialize(destination=str(out), format=fmt)
            if progress:
                progress(f"wrote {len(graph)} triples to {out} ({fmt})")
        triples = len(graph)
        if store is not None:
            said: list[str] = []
            data = [ontology_ntriples(), graph.serialize(format="nt")]
            del graph
            triples = replace(store, data, [_addition(e, said) for e in enrich])
            if progress:
                for message in said:
                    progress(message)
                what = "data, ontology and the above" if said else "data and ontology"
                progress(f"stored {triples} triples ({what}) in {store}")
    resolutions = sum(len(d.resolutions) for d in documents)
    return BuildReport(len(documents), resolutions, triples, files)


def _addition(enricher: Enricher, said: list[str]) -> Callable[[Any], bytes | str]:
    """The enricher as the store takes it: its N-Triples, its line kept for later."""

    def add(graph: Any) -> bytes | str:
        ntriples, message = enricher(graph)
        said.append(message)
        return ntriples

    return add


def _format_for(path: Path) -> str:
    return {
        ".ttl": "turtle",
        ".nt": "nt",
        ".jsonld": "json-ld",
        ".json": "json-ld",
        ".rdf": "xml",
        ".xml": "xml",
    }.get(path.suffix.lower(), "turtle")
