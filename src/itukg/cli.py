"""The `itukg` command line.

Heavy libraries (rdflib, pyoxigraph, spaCy, owlready2, networkx) are imported inside
the commands that need them, so that `itukg --help` starts at once.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from itukg import __version__
from itukg.cli_analysis import compile_command, export_command, overlaps, validate_command
from itukg.cli_options import progress as _progress
from itukg.cli_options import store_option as _store_option
from itukg.cli_options import store_path as _store_path
from itukg.cli_serve import serve_command
from itukg.errors import ItukgError

EXIT_INPUT = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130


class _Group(click.Group):
    """Reports errors as one readable line: itukg's own (bad input, store, query) with exit
    code 2, anything unexpected with 3; the traceback only with --debug."""

    def invoke(self, ctx: click.Context):
        debug = bool(ctx.params.get("debug"))
        try:
            return super().invoke(ctx)
        except ItukgError as err:
            if debug:
                raise
            click.echo(f"itukg: error: {err}", err=True)
            ctx.exit(EXIT_INPUT)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("itukg: interrupted", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except Exception as err:
            if debug:
                raise
            click.echo(
                f"itukg: internal error: {type(err).__name__}: {err} "
                "(run again with --debug for the traceback, and report it)",
                err=True,
            )
            ctx.exit(EXIT_INTERNAL)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="itukg")
@click.option("--debug", is_flag=True, help="Show the traceback of an error.")
def main(debug: bool) -> None:
    """itukg: a knowledge graph of ITU mandates.

    Read ITU resolution texts, build them into an RDF graph stored on disk, and ask it
    questions. Start with `itukg build data/` then `itukg stats` and `itukg query --list`.

    Exit codes: 0 done (validate: the draft conforms), 1 validate found violations,
    2 bad input, store or query (one line names the file and line), 3 an internal error.
    """


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "outline"]),
    default="json",
    show_default=True,
    help="json: the document model; outline: headings and clause labels, one per line.",
)
@click.option(
    "--no-annotate",
    is_flag=True,
    help="Only parse: leave out addressees, mandates, citations, references and topics.",
)
def parse(file: Path, fmt: str, no_annotate: bool) -> None:
    """Parse and annotate FILE and print its document model.

    The model holds resolutions, sections, clauses and annexes, and what the annotator
    found in them: addressees and collaborators, mandates, citations of resolutions
    and of CS/CV provisions, references to clauses and annexes, topics.
    """
    from itukg.parse import document_to_dict
    from itukg.pipeline import parse_inputs

    (document,) = parse_inputs([file], annotate=not no_annotate)
    if fmt == "json":
        click.echo(json.dumps(document_to_dict(document), indent=2, ensure_ascii=False))
        return
    for resolution in document.resolutions:
        click.echo(
            f"{resolution.id}  [{resolution.status}]  {resolution.title}  (line {resolution.line})"
        )
        for section in resolution.sections:
            labels = " ".join(c.label or "¶" for c in section.clauses)
            click.echo(f"  {section.line:>5}  {section.heading}: {labels}")
            for clause in section.clauses:
                if clause.mandate:
                    to = ", ".join(a.label for a in clause.mandate.addressees)
                    click.echo(
                        f"  {clause.line:>5}    {clause.label or '¶'} → {to}: "
                        f"{clause.mandate.action}"
                    )
        for annex in resolution.annexes:
            click.echo(f"  {annex.line:>5}  ANNEX {annex.label}: {annex.title or ''}")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@_store_option
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), help="Also write the graph to a file."
)
@click.option(
    "--out-format",
    type=click.Choice(["turtle", "nt", "json-ld", "xml"]),
    help="Format of --out (default: from its extension: .ttl, .nt, .jsonld, .rdf).",
)
@click.option(
    "--no-store", is_flag=True, help="Do not touch the store (with --out: only write the file)."
)
@click.option(
    "--no-overlaps", is_flag=True, help="Do not detect overlapping mandates after storing."
)
def build(
    paths: tuple[Path, ...],
    store: Path | None,
    out: Path | None,
    out_format: str | None,
    no_store: bool,
    no_overlaps: bool,
) -> None:
    """Build the graph from PATHS (files, or folders of .txt texts; default: data/).

    The store is replaced only when every input has been read and built: a bad input
    stops the build with its file and line, and the previous graph stays as it was.
    """
    from itukg.pipeline import build as run_build

    inputs = list(paths) or [Path("data")]
    target = None if no_store else _store_path(store)
    report = run_build(
        inputs,
        target,
        out=out,
        out_format=out_format,
        progress=_progress,
        overlaps=not no_overlaps,
    )
    if target is not None:
        _print_summary(target)
    else:
        click.echo(f"{report.resolutions} resolutions, {report.triples} triples")


def _print_summary(store: Path) -> None:
    from itukg.store import open_read
    from itukg.use.query import load_query, run, term_text

    results = run(open_read(store), load_query("summary"))
    row = results.rows[0]
    click.echo(
        "  ".join(f"{c}: {term_text(t) or 0}" for c, t in zip(results.columns, row, strict=True))
    )


@main.command()
@_store_option
def stats(store: Path | None) -> None:
    """Print how much the graph holds, and the number of instances of each class."""
    from itukg.store import open_read
    from itukg.use.query import format_table, load_query, run

    target = _store_path(store)
    _print_summary(target)
    click.echo(format_table(run(open_read(target), load_query("stats-by-class"))))


@main.command()
@click.argument("name", required=False)
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind a parameter of the query (repeatable); IRIs may be short: body:tsag.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json"]),
    default="table",
    show_default=True,
    help="Output format; json is the SPARQL 1.1 results format.",
)
@click.option("--list", "list_only", is_flag=True, help="List the query library with summaries.")
@_store_option
def query(
    name: str | None, params: tuple[str, ...], fmt: str, list_only: bool, store: Path | None
) -> None:
    """Run a query of the library by NAME, or a .rq FILE, on the store."""
    from itukg.errors import QueryError
    from itukg.use.query import list_queries, load_query, run, serialize

    if list_only or not name:
        for q in list_queries():
            click.echo(f"{q.name:<28} {q.summary}")
            for p in q.params.values():
                click.echo(f"{'':<30}--param {p.name}=…  ({p.type}) {p.doc}")
        return
    values: dict[str, str] = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep:
            raise QueryError(f"--param needs NAME=VALUE, got '{item}'")
        values[key.strip()] = value
    from itukg.store import open_read

    results = run(open_read(_store_path(store)), load_query(name), values)
    text = serialize(results, fmt)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


main.add_command(overlaps)
main.add_command(compile_command)
main.add_command(validate_command)
main.add_command(export_command)
main.add_command(serve_command)

if __name__ == "__main__":
    main()
