"""The analysts' commands: overlapping mandates and the side-by-side compilation."""

from __future__ import annotations

import json
from pathlib import Path

import click

from itukg.cli_options import progress, store_option, store_path


@click.command()
@click.option("--min-score", type=float, default=0.0, show_default=True, help="Lowest score shown.")
@click.option(
    "--between",
    metavar="BODY,BODY",
    help="Only pairs between these two enacting bodies, by acronym: PP,WTSA.",
)
@click.option(
    "--class",
    "kind",
    type=click.Choice(["duplicate", "same-mandate", "related"]),
    help="Only pairs of this class.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
@click.option("--limit", type=int, default=0, help="Show at most this many pairs (0: all).")
@click.option(
    "--no-save", is_flag=True, help="Do not write the pairs into the store (only print them)."
)
@store_option
def overlaps(
    min_score: float,
    between: str | None,
    kind: str | None,
    fmt: str,
    limit: int,
    no_save: bool,
    store: Path | None,
) -> None:
    """Find overlapping mandates across the resolutions of the store.

    Pairs of operative clauses of different resolutions are scored (TF-IDF cosine of
    words and word pairs, plus shared addressees and topics), classified (duplicate,
    same-mandate, related) and stored as itu:Overlap nodes with their evidence, in
    place of the previous ones; `itukg query overlaps` then ranks and filters them.
    """
    from itukg.errors import QueryError
    from itukg.store import open_read
    from itukg.use.overlaps import detect, read_clauses, refresh, select

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
    chosen = select(pairs, min_score, pair_of, kind)
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
        ]
        for p in chosen
    ]
    columns = ["score", "class", "a", "b", "lexical", "addressees", "topics", "verb"]
    if fmt == "csv":
        import csv
        import sys

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
        return
    from itukg.use.query import Results, format_table

    click.echo(format_table(Results(columns, rows), width=48))


def _where(record) -> str:
    """'PP 191 (2026) instructs#3 1': the kind's third section in that version, clause 1."""
    section = record.kind + (f"#{record.section_index + 1}" if record.section_index else "")
    return f"{record.body} {record.number} ({record.year}) {section} {record.label or '¶'}"


@click.command("compile")
@click.argument("resolutions", nargs=-1)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "markdown"]),
    help="Output format (default: from --out's extension, else markdown).",
)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file.")
@click.option("--title", default="Side-by-side compilation", show_default=True)
@store_option
def compile_command(
    resolutions: tuple[str, ...],
    fmt: str | None,
    out: Path | None,
    title: str,
    store: Path | None,
) -> None:
    """Lay RESOLUTIONS side by side (ra/75 wtsa/18 …; default: the newest version of each).

    One column per resolution, one block per section kind, matching clauses on one
    row: the compilation table analysts make by hand, as HTML or Markdown.
    """
    from itukg.store import open_read
    from itukg.use.compilation import compile_versions, to_html, to_markdown

    compilation = compile_versions(open_read(store_path(store)), list(resolutions))
    if fmt is None:
        fmt = "html" if out is not None and out.suffix.lower() in (".html", ".htm") else "markdown"
    text = to_html(compilation, title) if fmt == "html" else to_markdown(compilation)
    if out is None:
        click.echo(text, nl=False)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    rows = sum(len(b.rows) for b in compilation.blocks)
    progress(f"wrote {out}: {len(compilation.columns)} columns, {rows} rows")


EXIT_CONFORMS, EXIT_VIOLATIONS = 0, 1


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
    from itukg.use.validate import format_text, validate

    report = validate(draft, store_path(store))
    if fmt == "json":
        click.echo(json.dumps(report.as_json(), indent=2, ensure_ascii=False))
    elif fmt == "turtle":
        click.echo(report.shacl_report.serialize(format="turtle"))
    else:
        click.echo(format_text(report), nl=False)
    raise SystemExit(EXIT_CONFORMS if report.conforms else EXIT_VIOLATIONS)


@click.command("export")
@click.option(
    "--view",
    type=click.Choice(["citations", "mandates", "overlaps"]),
    default="mandates",
    show_default=True,
    help="citations: texts and what they cite; mandates: texts → bodies; overlaps: clause pairs.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["graphml", "gexf", "json", "dot", "svg", "png", "html"]),
    default="html",
    show_default=True,
)
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), help="Default: out/VIEW.FORMAT"
)
@click.option("--focus", help="Ego view around one node: body:tsag, res:ra/75/dubai-2023 …")
@click.option("--radius", type=int, default=1, show_default=True, help="Steps around --focus.")
@click.option("--sector", help="Only texts of this Sector: sector:itu-t (citations, mandates).")
@click.option("--conference", help="Only texts of this body: body:wtsa (citations, mandates).")
@click.option("--topic", help="Only mandates on this topic: topic:cybersecurity (mandates).")
@click.option("--min-score", help="Only pairs scoring at least this (overlaps).")
@click.option(
    "--class", "overlap_class", help="Only pairs of this class: itu:Duplicate (overlaps)."
)
@click.option("--title", help="Title of the drawing (default: from the view).")
@store_option
def export_command(
    view: str,
    fmt: str,
    out: Path | None,
    focus: str | None,
    radius: int,
    sector: str | None,
    conference: str | None,
    topic: str | None,
    min_score: str | None,
    overlap_class: str | None,
    title: str | None,
    store: Path | None,
) -> None:
    """Export a view of the graph for people to look at: GraphML and GEXF (Gephi, yEd),
    DOT, SVG/PNG (Graphviz), node-link JSON, or an interactive HTML page that works offline."""
    from itukg.store import open_read
    from itukg.use.export import SUFFIXES, write
    from itukg.use.views import ViewFilters, build_view

    filters = ViewFilters(sector, conference, topic, min_score, overlap_class, focus, radius)
    graph = build_view(open_read(store_path(store)), view, filters)
    target = out or Path("out") / f"{view}{SUFFIXES[fmt]}"
    heading = (
        title
        or {
            "citations": "Citations between resolutions and the Constitution and Convention",
            "mandates": "Mandates: who is asked to do what, by which resolution",
            "overlaps": "Overlapping mandates across resolutions",
        }[view]
    )
    if focus:
        heading += f" — around {focus}"
    write(graph, fmt, target, heading)
    progress(
        f"wrote {target}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges ({fmt})"
    )
