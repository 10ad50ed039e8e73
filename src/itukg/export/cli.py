"""The `itukg export` and `itukg compile` commands: views of the graph for people to look
at, and the side-by-side compilation."""

from __future__ import annotations

from pathlib import Path

import click

from itukg.cli_options import progress, store_option, store_path


@click.command("compile")
@click.argument("resolutions", nargs=-1)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "markdown", "json"]),
    help="Output format (default: from --out's extension, else markdown); json: the rows.",
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

    One column per resolution; clauses that say the same thing (duplicates and the same
    mandate, as overlap detection aligns them) on one row, even under different headings:
    the compilation table analysts make by hand, as HTML, Markdown or JSON.
    """
    import json

    from itukg.export.compilation import compile_versions, to_html, to_markdown
    from itukg.store import open_read

    compilation = compile_versions(open_read(store_path(store)), list(resolutions))
    if fmt is None:
        suffix = out.suffix.lower() if out is not None else ""
        fmt = {".html": "html", ".htm": "html", ".json": "json"}.get(suffix, "markdown")
    if fmt == "json":
        text = json.dumps(compilation.as_json(), indent=2, ensure_ascii=False) + "\n"
    else:
        text = to_html(compilation, title) if fmt == "html" else to_markdown(compilation)
    if out is None:
        click.echo(text, nl=False)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    rows = sum(len(b.rows) for b in compilation.blocks)
    progress(f"wrote {out}: {len(compilation.columns)} columns, {rows} rows")


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
    from itukg.export.formats import SUFFIXES, write
    from itukg.export.views import ViewFilters, build_view
    from itukg.store import open_read

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


@click.command("report")
@click.option(
    "--between",
    metavar="BODY,BODY,…",
    default="PP,RA,WTSA,WTDC",
    show_default=True,
    help="The enacting bodies whose resolutions are compared, by acronym.",
)
@click.option(
    "--part",
    type=click.Choice(["all", "preamble", "operative"]),
    default="all",
    show_default=True,
    help="Which clauses: every part, the recitals or the operative clauses.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "markdown"]),
    help="Output format (default: from --out's extension, else markdown).",
)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file.")
@click.option("--title", default="Streamlining report", show_default=True)
@store_option
def report_command(
    between: str, part: str, fmt: str | None, out: Path | None, title: str, store: Path | None
) -> None:
    """The streamlining report: per pair of resolutions, the overlapping clauses by class,
    side by side with a word-level diff and the proposed action (suppress, merge,
    coordinate), each linked to its clause's IRI."""
    from itukg.export.report import counts, report_groups, to_html, to_markdown
    from itukg.store import open_read

    groups = report_groups(
        open_read(store_path(store)), between.split(","), None if part == "all" else part
    )
    if fmt is None:
        fmt = "html" if out is not None and out.suffix.lower() in (".html", ".htm") else "markdown"
    text = to_html(groups, title) if fmt == "html" else to_markdown(groups, title)
    if out is None:
        click.echo(text, nl=False)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    found = ", ".join(f"{n} {kind}" for kind, n in sorted(counts(groups).items()))
    progress(f"wrote {out}: {len(groups)} pairs of resolutions ({found or 'no pairs'})")
