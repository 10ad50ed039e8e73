"""The `itukg build` command: the pipeline over files and folders, then the overlap pairs.

The assembly of the build: it runs the pipeline (read … store) and hands it the overlap
detector as an enricher, so that the pipeline itself never imports a use.
"""

from __future__ import annotations

from pathlib import Path

import click

from itukg.cli_options import progress, store_option, store_path
from itukg.query.cli import print_summary


@click.command("build")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@store_option
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
def build_command(
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
    from itukg.overlap import store_overlaps
    from itukg.pipeline import build as run_build

    inputs = list(paths) or [Path("data")]
    target = None if no_store else store_path(store)
    report = run_build(
        inputs,
        target,
        out=out,
        out_format=out_format,
        progress=progress,
        enrich=[] if no_overlaps else [store_overlaps],
    )
    if target is not None:
        print_summary(target)
    else:
        click.echo(f"{report.resolutions} resolutions, {report.triples} triples")
