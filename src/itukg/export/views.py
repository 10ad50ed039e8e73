"""Graph views of the store as networkx graphs: citations, mandates, overlaps.

Each view is one SPARQL question (queries/view-*.rq); rows become nodes and edges.
Edges between the same two nodes are merged, with a count and the joined clause
labels, so that every attribute is a plain string, integer or float (what GraphML and
GEXF writers accept). Ego views keep the neighbourhood of one node.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from itukg.errors import QueryError
from itukg.namespaces import expand

VIEWS = ("citations", "mandates", "overlaps")
SECTOR_COLOURS = {
    "GS": "#6b6b6b",
    "ITU-R": "#c0392b",
    "ITU-T": "#2471a3",
    "ITU-D": "#1e8449",
    "all Sectors": "#7d3c98",
    "": "#9a7d0a",
}
KIND_SHAPES = {"resolution": "box", "provision": "note", "body": "ellipse", "clause": "box"}
MAX_JOINED = 600  # characters kept of joined clause texts on one edge


@dataclass
class ViewFilters:
    sector: str | None = None
    conference: str | None = None
    topic: str | None = None
    min_score: str | None = None
    overlap_class: str | None = None
    focus: str | None = None
    radius: int = 1


def build_view(store: Any, view: str, filters: ViewFilters | None = None) -> Any:
    """The networkx graph of one view, filtered, around a focus node if one is given."""
    import networkx as nx

    from itukg.query.questions import load_query, run

    filters = filters or ViewFilters()
    if view not in VIEWS:
        raise QueryError(f"unknown view '{view}' (views: {', '.join(VIEWS)})")
    params = _params(view, filters)
    rows = run(store, load_query(f"view-{view}"), params).records()
    graph = nx.DiGraph(view=view)
    {"citations": _citations, "mandates": _mandates, "overlaps": _overlaps}[view](graph, rows)
    if filters.focus:
        focus = expand(filters.focus)
        if focus not in graph:
            raise QueryError(f"'{filters.focus}' is not a node of the {view} view")
        graph = nx.ego_graph(graph, focus, radius=filters.radius, undirected=True)
        graph.graph["focus"] = focus
    for node, data in graph.nodes(data=True):
        data["degree"] = graph.degree(node)
    return graph


def _params(view: str, filters: ViewFilters) -> dict[str, str]:
    wanted = {
        "citations": {"sector": filters.sector, "conference": filters.conference},
        "mandates": {
            "sector": filters.sector,
            "conference": filters.conference,
            "topic": filters.topic,
        },
        "overlaps": {"min_score": filters.min_score, "class": filters.overlap_class},
    }[view]
    return {k: v for k, v in wanted.items() if v}


def _node(graph: Any, iri: str, **attributes: Any) -> None:
    sector = str(attributes.get("sector", ""))
    data = {
        "label": "",
        "kind": "",
        "sector": sector,
        "colour": SECTOR_COLOURS.get(sector, SECTOR_COLOURS[""]),
        "iri": iri,
        **{k: v for k, v in attributes.items() if v is not None},
    }
    if iri in graph:
        graph.nodes[iri].update({k: v for k, v in data.items() if v not in ("", None)})
    else:
        graph.add_node(iri, **data)


def _edge(graph: Any, source: str, target: str, kind: str, clause: str, detail: str) -> None:
    if graph.has_edge(source, target):
        data = graph.edges[source, target]
        data["count"] += 1
        if clause and clause not in data["clauses"].split("; "):
            data["clauses"] = f"{data['clauses']}; {clause}" if data["clauses"] else clause
        if detail and len(data["details"]) < MAX_JOINED:
            data["details"] = f"{data['details']} | {detail}"[:MAX_JOINED]
    else:
        graph.add_edge(
            source, target, kind=kind, count=1, clauses=clause, details=detail[:MAX_JOINED]
        )
    graph.edges[source, target]["label"] = (
        f"{kind} ×{graph.edges[source, target]['count']}"
        if graph.edges[source, target]["count"] > 1
        else kind
    )


def _source(graph: Any, row: dict[str, str], **extra: str) -> None:
    """The citing or mandating version of a row."""
    _node(
        graph,
        row["source"],
        label=row["source_label"],
        kind="resolution",
        sector=row["source_sector"],
        body=row["source_body"],
        **extra,
    )


def _citations(graph: Any, rows: list[dict[str, str]]) -> None:
    for row in rows:
        _source(graph, row, status=row["source_status"], read="yes")
        _node(
            graph,
            row["target"],
            label=row["target_label"],
            kind=row["target_kind"],
            sector=row["target_sector"],
            body=row["target_body"],
        )
        clause = row["clause"] if row["kind"] == "cites" else ""
        detail = f"{row['clause']} (line {row['line']})" if clause else ""
        _edge(graph, row["source"], row["target"], row["kind"], clause, detail)


def _mandates(graph: Any, rows: list[dict[str, str]]) -> None:
    for row in rows:
        _source(graph, row)
        sectors = [s for s in row["target_sector"].split(",") if s]
        sector = sectors[0] if len(sectors) == 1 else "all Sectors"
        _node(graph, row["target"], label=row["target_label"], kind="body", sector=sector)
        detail = f"{row['clause']}: {row['modality']} — {row['action']} (line {row['line']})"
        _edge(graph, row["source"], row["target"], row["modality"], row["clause"], detail)


def _short(version: str) -> str:
    """A version's label, short: 'WTSA Resolution 18 (New Delhi, 2024)' → 'WTSA 18 (2024)'."""
    match = re.match(r"^(.*?)Resolution (.*?) \((?:[^,()]*, )?(\d{4})\)$", version)
    return f"{match.group(1)}{match.group(2)} ({match.group(3)})" if match else version


def _overlaps(graph: Any, rows: list[dict[str, str]]) -> None:
    for row in rows:
        for side in ("source", "target"):
            _node(
                graph,
                row[side],
                label=f"{_short(row[side + '_version'])} · {row[side + '_label']}",
                kind="clause",
                sector=row[side + "_sector"],
                text=row[side + "_text"],
            )
        score = float(row["score"])
        graph.add_edge(
            row["source"],
            row["target"],
            kind=row["kind"],
            score=score,
            count=1,
            label=f"{row['kind']} {score:.2f}",
            clauses="",
            details="",
        )
