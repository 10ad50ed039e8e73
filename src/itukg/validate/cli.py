"""The `itukg validate` command: check a draft; the exit code says whether it conforms."""

from __future__ import annotations

import json
from pathlib import Path

import click

from itukg.cli_options import store_option, store_path
from itukg.errors import ExitCode


@click.command("validate")
@click.argument("draft", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "turtle"]),
    default="text",
    show_default=True,
    help="text: for a person; json: the results; turtle: the SHACL validation report.",
)
@store_option
def validate_command(draft: Path, fmt: str, store: Path | None) -> None:
    """Check DRAFT against the shapes of ontology/shapes/ and the knowledge graph.

    Exit code: 0 conforms (warnings allowed), 1 violations found, 2 could not run
    (a bad file, no store).
    """
    from itukg.validate.check import format_text, validate

    report = validate(draft, store_path(store))
    if fmt == "json":
        click.echo(json.dumps(report.as_json(), indent=2, ensure_ascii=False))
    elif fmt == "turtle":
        click.echo(report.shacl_report.serialize(format="turtle"))
    else:
        click.echo(format_text(report), nl=False)
    raise SystemExit(ExitCode.DONE if report.conforms else ExitCode.VIOLATIONS)
