"""The `itukg serve` command: the store as a read-only SPARQL endpoint."""

from __future__ import annotations

from pathlib import Path

import click

from itukg.cli_options import progress, store_option, store_path


def _names(values: tuple[str, ...]) -> tuple[str, ...]:
    """Repeated and comma-separated option values, as one tuple."""
    return tuple(n.strip() for value in values for n in value.split(",") if n.strip())


@click.command("serve")
@store_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; anything but loopback makes the endpoint public.",
)
@click.option(
    "--port",
    default=7878,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port (0: any free port).",
)
@click.option(
    "--timeout",
    default=30.0,
    show_default=True,
    type=click.FloatRange(0.1),
    help="Seconds a query may run before it is stopped.",
)
@click.option(
    "--limit",
    default=10_000,
    show_default=True,
    type=click.IntRange(1),
    help="Most results (rows or triples) one answer carries.",
)
@click.option(
    "--max-bytes",
    default=32 << 20,
    show_default=True,
    type=click.IntRange(1024),
    help="Most bytes one answer carries.",
)
@click.option(
    "--workers",
    default=2,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Queries answered at once (one process each).",
)
@click.option(
    "--worker-memory",
    default=2048,
    show_default=True,
    type=click.IntRange(0),
    help="MiB of address space a worker may use (0: no limit).",
)
@click.option(
    "--max-connections",
    default=512,
    show_default=True,
    type=click.IntRange(1),
    help="Connections open at once; more get 503.",
)
@click.option(
    "--read-timeout",
    default=10.0,
    show_default=True,
    type=click.FloatRange(0.1),
    help="Seconds a client may take to send a request's headers, and its body.",
)
@click.option(
    "--allow-service",
    "allow_service",
    multiple=True,
    metavar="HOST[,HOST]",
    help="Hosts (NAME or NAME:PORT) that SERVICE clauses may call; none by default.",
)
@click.option(
    "--allowed-host",
    "allowed_hosts",
    multiple=True,
    metavar="NAME[,NAME]",
    help="Host header names answered besides loopback and --host ('*': any).",
)
@click.option(
    "--cors",
    multiple=True,
    metavar="ORIGIN[,ORIGIN]",
    help="Origins whose pages may POST queries and read answers ('*': any).",
)
@click.option("--quiet", is_flag=True, help="Do not log each request.")  # fmt: skip
def serve_command(
    store: Path | None,
    host: str,
    port: int,
    timeout: float,
    limit: int,
    max_bytes: int,
    workers: int,
    worker_memory: int,
    max_connections: int,
    read_timeout: float,
    allow_service: tuple[str, ...],
    allowed_hosts: tuple[str, ...],
    cors: tuple[str, ...],
    quiet: bool,
) -> None:
    """Serve the store as a read-only SPARQL 1.1 endpoint, with a page to query it.

    POST application/sparql-query (or GET ?query=) to /sparql; results come as SPARQL
    JSON, XML, CSV or TSV, graphs as Turtle, JSON-LD or N-Triples, by the Accept header.
    /queries/NAME?param=value runs a question of the library. Updates get 403; SERVICE
    gets 400 unless its host is allowed.
    """
    from itukg.serve.server import serve
    from itukg.serve.settings import Settings
    from itukg.store import Remote

    root = store_path(store)
    if isinstance(root, Remote):
        raise click.UsageError("serve shares a store folder; a remote graph has its own server")
    settings = Settings(
        host=host,
        port=port,
        timeout=timeout,
        limit=limit,
        max_bytes=max_bytes,
        workers=workers,
        worker_memory=worker_memory,
        max_connections=max_connections,
        read_timeout=read_timeout,
        allow_service=_names(allow_service),
        allowed_hosts=_names(allowed_hosts),
        cors=_names(cors),
        quiet=quiet,
    )
    serve(
        root,
        settings,
        log=progress,
        ready=lambda url: progress(
            f"itukg: serving {root} read-only at {url} (SPARQL: {url}sparql); Ctrl-C to stop"
        ),
    )
