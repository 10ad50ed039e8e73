"""The `itukg build` command: the pipeline over files and folders, then the overlap pairs.

The assembly of the build: it runs the pipeline (read … store) and hands it the overlap
detector as an enricher, so that the pipeline itself never imports a use.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from itukg.cli_options import progress, store_option, store_path
from itukg.errors import ExitCode
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
    "--no-overlaps", is_flag=True, help="Do not detect overlapping mandates (stored with it)."
)
@click.option(
    "--strict",
    is_flag=True,
    help="Stop at the first file that cannot be read and leave the store as it was.",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write what became of each file (format, resolutions, warnings, refusal) as JSON.",
)
def build_command(
    paths: tuple[Path, ...],
    store: Path | None,
    out: Path | None,
    out_format: str | None,
    no_store: bool,
    no_overlaps: bool,
    strict: bool,
    report_path: Path | None,
) -> None:
    """Build the graph from PATHS (files, or folders of .txt, .docx and .xml texts;
    default: data/).

    Every file that can be read is built; each one that cannot is reported with its file,
    line and reason, and the command then exits with 2. With --strict the first bad file
    stops the build. The store is replaced only when the new graph and its overlap pairs
    are all written: a failed or killed build leaves the previous graph as it was, and a
    second build while one is running stops at once.
    """
    from itukg.overlap import store_overlaps
    from itukg.pipeline import FileResult, collect_inputs
    from itukg.pipeline import build as run_build

    left_out: list[Path] = []
    inputs = collect_inputs(list(paths) or [Path("data")], left_out)
    if left_out:
        names = ", ".join(p.name for p in left_out[:5]) + (", …" if len(left_out) > 5 else "")
        click.echo(f"itukg: left out {len(left_out)} files not named as texts: {names}", err=True)
    target = None if no_store else store_path(store)
    bar = _bar(len(inputs))

    def on_file(result: FileResult) -> None:
        if bar is not None:
            bar.update(1, Path(result.path).name)
        if result.error:
            _say(bar, f"itukg: refused: {result.refused}")
        elif bar is None:
            from itukg.pipeline import describe

            progress(describe(result))

    try:
        report = run_build(
            inputs,
            target,
            out=out,
            out_format=out_format,
            progress=lambda message: _say(bar, message),
            enrich=[] if no_overlaps else [store_overlaps],
            strict=strict,
            on_file=on_file,
        )
    finally:
        if bar is not None:
            bar.render_finish()
    if report_path is not None:
        report_path.parent.mkdir(parents=True, exist_ok=True)
        report_path.write_text(json.dumps(report.as_json(), indent=2), encoding="utf-8")
    if target is not None:
        print_summary(target)
    else:
        click.echo(f"{report.resolutions} resolutions, {report.triples} triples")
    if report.refused:
        read = len(report.files) - len(report.refused)
        click.echo(
            f"itukg: error: {len(report.refused)} of {len(report.files)} files refused "
            f"(listed above); the {read} others were built",
            err=True,
        )
        raise SystemExit(ExitCode.BAD_INPUT)


def _bar(length: int) -> Any:
    """A progress bar on a terminal, for more than a few files; None elsewhere (logs, CI)."""
    if length < 3 or not sys.stderr.isatty():
        return None
    bar = click.progressbar(length=length, label="reading", file=sys.stderr, show_pos=True,
                            item_show_func=lambda name: name or "")  # fmt: skip
    bar.render_progress()
    return bar


def _say(bar: Any, message: str) -> None:
    """A line for the person, printed above the progress bar when there is one."""
    if bar is not None:
        sys.stderr.write("\r\033[K")
    progress(message)
    if bar is not None:
        bar.render_progress()
