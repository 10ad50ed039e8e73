"""The `itukg parse` command: one file's document model, as JSON or an outline."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.command("parse")
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
def parse_command(file: Path, fmt: str, no_annotate: bool) -> None:
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
