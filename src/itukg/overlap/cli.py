"""The `itukg overlaps` command: find, store and list overlapping clause pairs."""

from __future__ import annotations

import json
from pathlib import Path

import click

from itukg.cli_options import progress, store_option, store_path
from itukg.enums import OverlapClass


@click.command("overlaps")
@click.option("--min-score", type=float, default=0.0, show_default=True, help="Lowest score shown.")
@click.option(
    "--between",
    metavar="BODY,BODY",
    help="Only pairs between these two enacting bodies, by acronym: PP,WTSA.",
)
@click.option(
    "--class",
    "kind",
    type=click.Choice([c.value for c in OverlapClass]),
    help="Only pairs of this class.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
@click.option(
    "--part",
    type=click.Choice(["operative", "preamble", "all"]),
    default="operative",
    show_default=True,
    help="Which pairs are shown: of operative clauses (mandates), of recitals, or all.",
)
@click.option("--limit", type=int, default=0, help="Show at most this many pairs (0: all).")
@click.option(
    "--no-save", is_flag=True, help="Do not write the pairs into the store (only print them)."
)
@store_option
def overlaps_command(
    min_score: float,
    between: str | None,
    kind: str | None,
    fmt: str,
    part: str,
    limit: int,
    no_save: bool,
    store: Path | None,
) -> None:
    """Find overlapping mandates across the resolutions of the store.

    Every clause of different resolutions, preamble and operative, is compared (TF-IDF
    cosine of lemmas, lemma pairs and characters after Sector names and years are made
    equal, the texts aligned as sequences, plus shared citations, verbs, addressees and
    topics), classified (duplicate, same-mandate, related, with a reason) and stored as
    itu:Overlap nodes with their evidence, in place of the previous ones; `itukg query
    overlaps` then ranks and filters them. Operative pairs are shown unless --part says.
    """
    from itukg.errors import QueryError
    from itukg.overlap.detect import detect, read_clauses, refresh, select
    from itukg.store import open_read

    target = store_path(store)
    pairs = detect(read_clauses(open_read(target))) if no_save else refresh(target)
    if not no_save:
        progress(f"stored {len(pairs)} overlap pairs in {target}")
    pair_of = None
    if between:
        bodies = [b.strip() for b in between.split(",") if b.strip()]
        if len(bodies) != 2:
            raise QueryError(f"--between needs two bodies, as PP,WTSA; got '{between}'")
        pair_of = (bodies[0], bodies[1])
    chosen = select(pairs, min_score, pair_of, kind, None if part == "all" else part)
    if limit:
        chosen = chosen[:limit]
    if fmt == "json":
        click.echo(
            json.dumps({"pairs": [p.as_json() for p in chosen]}, indent=2, ensure_ascii=False)
        )
        return
    rows = [
        [
            f"{p.score:.2f}",
            p.kind,
            _where(p.a),
            _where(p.b),
            f"{p.lexical:.2f}",
            ", ".join(p.shared_addressees),
            ", ".join(p.shared_topics),
            p.shared_verb or "",
            p.reason,
        ]
        for p in chosen
    ]
    columns = ["score", "class", "a", "b", "lexical", "addressees", "topics", "verb", "reason"]
    if fmt == "csv":
        from itukg.query.results import to_csv

        click.echo(to_csv(columns, rows, line_end="\n"), nl=False)
        return
    from itukg.query.questions import Results, format_table

    click.echo(format_table(Results(columns, rows), width=48))


def _where(record) -> str:
    """'PP 191 (2026) instructs#3 1': the kind's third section in that version, clause 1."""
    section = record.kind + (f"#{record.section_index + 1}" if record.section_index else "")
    return f"{record.body} {record.number} ({record.year}) {section} {record.label or '¶'}"
