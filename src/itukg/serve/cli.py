"""The `itukg serve` command: the store as a read-only SPARQL endpoint."""

from __future__ import annotations

from pathlib import Path

import click

from itukg.cli_options import progress, store_option, store_path


@click.command("serve")
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535),
              help="Port (0: any free port).")  # fmt: skip
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(0.1),
              help="Seconds a query may run before it is stopped.")  # fmt: skip
@click.option("--limit", default=10_000, show_default=True, type=click.IntRange(1),
              help="Most results (rows or triples) one answer carries.")  # fmt: skip
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64),
              help="Queries answered at once (one process each).")  # fmt: skip
@click.option("--quiet", is_flag=True, help="Do not log each request.")
def serve_command(
    store: Path | None, host: str, port: int, timeout: float, limit: int, workers: int, quiet: bool
) -> None:
    """Serve the store as a read-only SPARQL 1.1 endpoint, with a page to query it.

    POST application/sparql-query (or GET ?query=) to /sparql; results come as SPARQL
    JSON, XML, CSV or TSV, graphs as Turtle, JSON-LD or N-Triples, by the Accept header.
    /queries/NAME?param=value runs a question of the library. Updates get 403.
    """
    from itukg.serve.server import serve
    from itukg.store import Remote

    root = store_path(store)
    if isinstance(root, Remote):
        raise click.UsageError("serve shares a store folder; a remote graph has its own server")
    serve(
        root,
        host,
        port,
        timeout,
        limit,
        workers,
        log=None if quiet else progress,
        ready=lambda url: progress(
            f"itukg: serving {root} read-only at {url} (SPARQL: {url}sparql); Ctrl-C to stop"
        ),
    )
