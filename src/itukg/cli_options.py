"""Options and helpers shared by the commands of the command line."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import click

from itukg.errors import StoreError


def store_option(func):
    """--store FOLDER, or a remote graph: --endpoint, --update-endpoint, --graph-store,
    --graph. The command receives one `store` argument: a folder, a Remote, or None."""

    @functools.wraps(func)
    def command(*args: Any, **kwargs: Any) -> Any:
        remote = {k: kwargs.pop(k) for k in ("endpoint", "update_endpoint", "graph_store", "graph")}
        if any(remote.values()):
            if kwargs.get("store"):
                raise click.UsageError("give either --store or a remote --endpoint, not both")
            kwargs["store"] = _remote(**remote)
        return func(*args, **kwargs)

    options = [
        click.option("--store", "store", type=click.Path(file_okay=False, path_type=Path),
                     default=None, help="Store folder (default: $ITUKG_STORE or .itukg/store)."),
        click.option("--endpoint", metavar="URL",
                     help="Use a SPARQL server instead of the store folder: its query URL."),
        click.option("--update-endpoint", metavar="URL",
                     help="The server's SPARQL Update URL (to build or store overlaps). "
                          "A server that asks for credentials gets $ITUKG_USER and "
                          "$ITUKG_PASSWORD, or $ITUKG_TOKEN, or the netrc entry of its host."),
        click.option("--graph-store", metavar="URL",
                     help="The server's Graph Store Protocol URL (a build replaces the graph "
                          "with one PUT)."),
        click.option("--graph", metavar="IRI",
                     help="Keep the graph in this named graph of the server (default: the "
                          "default graph)."),
    ]  # fmt: skip
    for option in reversed(options):
        command = option(command)
    return command


def _remote(
    endpoint: str | None, update_endpoint: str | None, graph_store: str | None, graph: str | None
) -> Any:
    from itukg.store import Remote

    for name, url in (("--endpoint", endpoint), ("--update-endpoint", update_endpoint),
                      ("--graph-store", graph_store)):  # fmt: skip
        if url and not url.startswith(("http://", "https://")):
            raise StoreError(f"{name} must be an http(s) URL, got '{url}'")
        if url and "@" in url.split("/")[2]:
            raise StoreError(f"{name}: credentials do not go on the command line (others see "
                             "it): set ITUKG_USER and ITUKG_PASSWORD, or ITUKG_TOKEN, or use "
                             "a netrc file")  # fmt: skip
    if graph:
        import pyoxigraph

        try:
            pyoxigraph.NamedNode(graph)
        except ValueError as err:
            raise StoreError(f"--graph must be an IRI: {err}") from None
    return Remote(endpoint, update_endpoint, graph_store, graph)


def store_path(store: Any) -> Any:
    """The folder or Remote a command works on (a folder by default)."""
    from itukg.store import default_store

    return store or default_store()


def progress(message: str) -> None:
    click.echo(message, err=True)
