"""The `itukg query` and `itukg stats` commands: questions of the library, and counts."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from itukg.cli_options import store_option, store_path


def print_summary(store: Path) -> None:
    from itukg.query.questions import load_query, run, term_text
    from itukg.store import open_read

    results = run(open_read(store), load_query("summary"))
    row = results.rows[0]
    click.echo(
        "  ".join(f"{c}: {term_text(t) or 0}" for c, t in zip(results.columns, row, strict=True))
    )


@click.command("stats")
@store_option
def stats_command(store: Path | None) -> None:
    """Print how much the graph holds, and the number of instances of each class."""
    from itukg.query.questions import format_table, load_query, run
    from itukg.store import open_read

    target = store_path(store)
    print_summary(target)
    click.echo(format_table(run(open_read(target), load_query("stats-by-class"))))


@click.command("query")
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
@click.option("--allow-service", "allow_service", multiple=True, metavar="HOST[,HOST]",
              help="Hosts (NAME, NAME:PORT) SERVICE may call; none by default.")  # fmt: skip
@store_option
def query_command(
    name: str | None,
    params: tuple[str, ...],
    fmt: str,
    list_only: bool,
    allow_service: tuple[str, ...],
    store: Path | None,
) -> None:
    """Run a query of the library by NAME, or a .rq FILE, on the store."""
    from itukg.errors import QueryError
    from itukg.query.questions import list_queries, load_query, run, serialize

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

    hosts = [h.strip() for value in allow_service for h in value.split(",") if h.strip()]
    results = run(open_read(store_path(store)), load_query(name), values, hosts)
    text = serialize(results, fmt)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
