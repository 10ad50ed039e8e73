"""Options and helpers shared by the commands of the command line."""

from __future__ import annotations

from pathlib import Path

import click


def store_option(func):
    return click.option(
        "--store",
        "store",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Store folder (default: $ITUKG_STORE or .itukg/store).",
    )(func)


def store_path(store: Path | None) -> Path:
    from itukg.store import default_store

    return store or default_store()


def progress(message: str) -> None:
    click.echo(message, err=True)
