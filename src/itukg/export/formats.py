"""Write a view (use/views.py) as GraphML, GEXF, node-link JSON, DOT, SVG/PNG or a
self-contained HTML page.

GraphML and GEXF carry only typed scalars. DOT is written here with every string
escaped, and rendered by Graphviz's `dot` (installed by `make setup`). The HTML page
inlines its data, style and script: it fetches nothing, and document text reaches it
only as JSON data that the script puts in the page with textContent.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from itukg.errors import ItukgError
from itukg.export.views import KIND_SHAPES, SECTOR_COLOURS

FORMATS = ("graphml", "gexf", "json", "dot", "svg", "png", "html")
SUFFIXES = {"graphml": ".graphml", "gexf": ".gexf", "json": ".json", "dot": ".dot",
            "svg": ".svg", "png": ".png", "html": ".html"}  # fmt: skip
ASSETS = Path(__file__).resolve().parent / "assets"


def write(graph: Any, fmt: str, out: Path, title: str) -> Path:
    """Write graph to out in the given format; return the path written."""
    import networkx as nx

    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "graphml":
        nx.write_graphml(nx.relabel_nodes(graph, graphml_ids(graph)), out)
    elif fmt == "gexf":
        copy = _with_viz(graph)
        copy.graph.pop("name", None)
        nx.write_gexf(copy, out)
        _drop_graph_name(out)
    elif fmt == "json":
        data = nx.node_link_data(graph, edges="links")
        out.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    elif fmt == "dot":
        out.write_text(to_dot(graph, title), encoding="utf-8")
    elif fmt in ("svg", "png"):
        out.write_bytes(_graphviz(to_dot(graph, title), fmt))
    elif fmt == "html":
        out.write_text(to_html(graph, title), encoding="utf-8")
    else:
        raise ItukgError(f"unknown format '{fmt}' ({', '.join(FORMATS)})")
    return out


def graphml_ids(graph: Any) -> dict[str, str]:
    """GraphML node ids must be XML name tokens, which an IRI is not (it has '/'): each
    node gets a readable token made from its IRI, and keeps the IRI in its 'iri' data."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for node in graph.nodes:
        token = re.sub(r"[^\w.:-]+", ".", str(node).split("://", 1)[-1]).strip(".") or "node"
        unique, n = token, 1
        while unique in taken:
            n += 1
            unique = f"{token}-{n}"
        taken.add(unique)
        ids[node] = unique
    return ids


def _drop_graph_name(path: Path) -> None:
    """networkx writes name="" on <graph>, which the GEXF 1.2 schema does not allow."""
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'(<graph [^>]*?) name="[^"]*"', r"\1", text, count=1),
                    encoding="utf-8")  # fmt: skip


def _with_viz(graph: Any) -> Any:
    """A copy whose nodes carry GEXF colours and positions (the 'viz' attribute)."""
    copy = graph.copy()
    positions = layout(copy)
    for node, data in copy.nodes(data=True):
        colour = data.get("colour", "#888888").lstrip("#")
        r, g, b = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
        x, y = positions[node]
        data["viz"] = {
            "color": {"r": r, "g": g, "b": b, "a": 1.0},
            "position": {"x": round(x * 1000, 2), "y": round(-y * 1000, 2), "z": 0.0},
            "size": 5.0 + 2.0 * min(int(data.get("degree", 1)), 10),
        }
    return copy


def layout(graph: Any) -> dict[str, tuple[float, float]]:
    """Positions in [0, 1]²: columns by kind for the citation and mandate views (texts on
    the left, what they cite or address on the right, grouped by Sector), groups of pairs
    in a grid for overlaps."""
    if graph.number_of_nodes() == 0:
        return {}
    view = graph.graph.get("view")
    if view in ("citations", "mandates"):
        order = {"resolution": 0, "body": 1, "provision": 2}
        columns: dict[int, list[str]] = {}
        for node, data in graph.nodes(data=True):
            read = data.get("read") == "yes" or view == "mandates"
            column = (
                0
                if data.get("kind") == "resolution" and read
                else order.get(data.get("kind", ""), 1) or 1
            )
            columns.setdefault(column, []).append(node)
        positions = {}
        count = max(columns) if columns else 1
        for column, nodes in columns.items():
            nodes.sort(key=lambda n: _natural(graph.nodes[n]))
            for i, node in enumerate(nodes):
                y = (i + 1) / (len(nodes) + 1)
                positions[node] = (column / max(count, 1), y)
        return positions
    return _component_grid(graph)


def _component_grid(graph: Any) -> dict[str, tuple[float, float]]:
    """Each connected group of pairs in a cell of a grid, its clauses on a small circle:
    groups stay apart and labels point outwards."""
    import math

    import networkx as nx

    groups = sorted(
        nx.connected_components(graph.to_undirected()), key=lambda g: (-len(g), sorted(g)[0])
    )
    columns = min(3, max(1, len(groups)))
    rows = math.ceil(len(groups) / columns)
    graph.graph["height"] = max(900, 330 * rows)
    positions: dict[str, tuple[float, float]] = {}
    for index, group in enumerate(groups):
        cx = (index % columns + 0.5) / columns
        cy = (index // columns + 0.5) / rows
        spread = min(1.0, 0.35 + 0.12 * math.sqrt(len(group)))
        radius = 0.4 * spread / columns if len(group) > 1 else 0.0
        nodes = sorted(group, key=lambda n: _natural(graph.nodes[n]))
        for k, node in enumerate(nodes):
            angle = 2 * math.pi * k / len(nodes) + math.pi / 2
            vertical = 0.42 * spread / rows if len(group) > 1 else 0.0
            positions[node] = (cx + radius * math.cos(angle), cy + vertical * math.sin(angle))
            graph.nodes[node]["side"] = "right" if math.cos(angle) >= -1e-9 else "left"
    return positions


def _natural(data: dict[str, Any]) -> tuple:
    """Sort key: Sector, then the label with its numbers compared as numbers (No. 86 < 110)."""
    parts = re.split(r"(\d+)", str(data.get("label", "")))
    label = tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts)
    return (str(data.get("sector", "")), label)


def _dot_string(text: object) -> str:
    value = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{value}"'


def _wrap(text: str, width: int = 28) -> str:
    words, lines, line = str(text).split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n".join(lines[:4])


def to_dot(graph: Any, title: str) -> str:
    """Graphviz DOT, every string escaped; left-to-right for the column views."""
    rankdir = "LR" if graph.graph.get("view") in ("citations", "mandates") else "TB"
    lines = [
        "digraph itukg {",
        f"  graph [label={_dot_string(title)}, labelloc=t, fontsize=16, rankdir={rankdir}, "
        'fontname="Helvetica", overlap=false, splines=true, nodesep=0.25, ranksep=1.6];',
        '  node [style="filled,rounded", fontname="Helvetica", fontsize=10, fontcolor=white];',
        '  edge [fontname="Helvetica", fontsize=8, color="#00000055"];',
    ]
    for node, data in graph.nodes(data=True):
        shape = KIND_SHAPES.get(data.get("kind", ""), "ellipse")
        tooltip = data.get("text") or data.get("label", "")
        lines.append(
            f"  {_dot_string(node)} [label={_dot_string(_wrap(data.get('label', node)))}, "
            f"shape={shape}, fillcolor={_dot_string(data.get('colour', '#888888'))}, "
            f"tooltip={_dot_string(tooltip)}];"
        )
    for source, target, data in graph.edges(data=True):
        width = 1 + min(int(data.get("count", 1)), 8) * 0.4
        lines.append(
            f"  {_dot_string(source)} -> {_dot_string(target)} "
            f"[tooltip={_dot_string(data.get('details') or data.get('label', ''))}, "
            f"penwidth={width:.1f}];"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"


def _graphviz(dot: str, fmt: str) -> bytes:
    program = shutil.which("dot")
    if program is None:
        raise ItukgError("Graphviz is not installed ('dot' not found); run 'make setup'")
    done = subprocess.run(
        [program, f"-T{fmt}"], input=dot.encode(), capture_output=True, timeout=300, check=False
    )
    if done.returncode != 0:
        raise ItukgError(f"Graphviz failed: {done.stderr.decode(errors='replace').strip()}")
    return done.stdout


def page_data(graph: Any, title: str) -> dict[str, Any]:
    """What the HTML page draws: nodes with positions, edges, the legend."""
    graph = graph.copy()  # the layout notes label sides and a height on the graph it lays out
    positions = layout(graph)
    nodes = [
        {
            "id": node,
            "x": positions[node][0],
            "y": positions[node][1],
            **{k: v for k, v in data.items() if isinstance(v, (str, int, float))},
        }
        for node, data in graph.nodes(data=True)
    ]
    edges = [
        {
            "source": s,
            "target": t,
            **{k: v for k, v in d.items() if isinstance(v, (str, int, float))},
        }
        for s, t, d in graph.edges(data=True)
    ]
    sectors = sorted({n.get("sector", "") for n in nodes})
    legend = [{"sector": s or "other", "colour": SECTOR_COLOURS.get(s, "#9a7d0a")} for s in sectors]
    return {"title": title, "view": graph.graph.get("view", ""), "nodes": nodes, "edges": edges,
            "legend": legend, "height": graph.graph.get("height", 0)}  # fmt: skip


def to_html(graph: Any, title: str) -> str:
    """One HTML file with the data, style and script inlined: it works offline."""
    import html

    data = json.dumps(page_data(graph, title), ensure_ascii=False)
    # no markup can appear in the data block: <, > and & are written as JSON escapes
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    template = (ASSETS / "graph.html").read_text(encoding="utf-8")
    script = (ASSETS / "graph.js").read_text(encoding="utf-8")
    style = (ASSETS / "graph.css").read_text(encoding="utf-8")
    parts = {"TITLE": html.escape(title), "STYLE": style, "DATA": data, "SCRIPT": script}
    # one pass: a placeholder written inside the data is not expanded again
    return re.sub(r"\{\{(TITLE|STYLE|DATA|SCRIPT)\}\}", lambda m: parts[m.group(1)], template)
