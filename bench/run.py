"""Measure itukg at ITU scale and write bench/results.md.

For each size N (default 100 and 2000 synthetic resolutions from bench/generate.py):
- build, stage by stage (read, parse, annotate, build, store, overlaps): seconds,
  texts/s, triples/s, and the peak memory of the process after each stage;
- every query of queries/: median of repeated runs through itukg on the Oxigraph store,
  the same query through a raw pyoxigraph Store.query (itukg's overhead), and through
  rdflib's own SPARQL engine on the same triples in a child process with a time cap
  ("> cap" when it does not finish), giving the speed-up;
- `itukg validate` of one generated draft against the store (wall time of the command);
- `itukg overlaps` over all operative clauses, and at the smallest size the recall of the
  candidate index against comparing every pair;
- cold start of `itukg --help` and `itukg query summary`.

Run: .venv/bin/python bench/run.py [--sizes 100,2000] [--cap 10] [--repeat 3]
(`make bench` runs it with the defaults.)
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from generate import generate

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SLOW = 2.0  # seconds: a query this slow is timed once, not repeatedly


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    value = function(*args, **kwargs)
    return time.perf_counter() - start, value


def build_stages(texts: list[Path], store: Path) -> tuple[list[tuple], int]:
    from itukg.annotate import annotate_documents
    from itukg.ontology import ontology_ntriples
    from itukg.overlap.detect import refresh
    from itukg.parse import parse_source
    from itukg.rdf import documents_graph
    from itukg.read.text import read_text
    from itukg.store import replace

    rows = []
    seconds, sources = timed(lambda: [read_text(p) for p in texts])
    rows.append(("read", seconds, peak_mb()))
    seconds, documents = timed(lambda: [parse_source(s) for s in sources])
    rows.append(("parse", seconds, peak_mb()))
    seconds, _ = timed(annotate_documents, documents)
    rows.append(("annotate", seconds, peak_mb()))
    seconds, graph = timed(documents_graph, documents)
    nt_seconds, data = timed(graph.serialize, format="nt")
    rows.append(("build (RDF + N-Triples)", seconds + nt_seconds, peak_mb()))
    triples = len(graph)
    del graph
    seconds, stored = timed(replace, store, [ontology_ntriples(), data])
    rows.append(("store (Oxigraph bulk load)", seconds, peak_mb()))
    seconds, pairs = timed(refresh, store)
    rows.append((f"overlaps ({len(pairs)} pairs)", seconds, peak_mb()))
    return rows, triples


def _rdflib_child(graph, text, bindings, queue) -> None:
    start = time.perf_counter()
    try:
        rows = len(list(graph.query(text, initBindings=bindings)))
    except Exception as error:  # rdflib's engine fails on some valid queries: say so
        queue.put(("error", type(error).__name__))
        return
    queue.put((time.perf_counter() - start, rows))


def query_table(store_dir: Path, repeat: int, cap: float) -> list[tuple]:
    import pyoxigraph
    import rdflib

    from itukg.query.questions import list_queries, run
    from itukg.store import open_read

    store = open_read(store_dir)
    dump = pyoxigraph.Store.read_only(str((store_dir / "current").resolve()))
    nt = dump.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph())
    load_start = time.perf_counter()
    graph = rdflib.Graph().parse(data=nt, format="nt")
    rdflib_load = time.perf_counter() - load_start
    context = multiprocessing.get_context("fork")
    rows = []
    examples = _examples(store)
    for query in list_queries():
        params = examples.get(query.name, {})
        ours = []
        raw = []
        for _ in range(repeat):
            seconds, answer = timed(run, store, query, params)
            ours.append(seconds)
            start = time.perf_counter()
            list(store.query(query.text, substitutions=_substitutions(query, params)))
            raw.append(time.perf_counter() - start)
            if seconds > SLOW:
                break  # a slow query varies little between runs: once is enough
        bindings = {
            rdflib.Variable(name): rdflib.URIRef(term.value)
            for name, term in ((v.value, t) for v, t in _substitutions(query, params).items())
        }
        queue = context.Queue()
        child = context.Process(target=_rdflib_child, args=(graph, query.text, bindings, queue))
        child.start()
        child.join(cap)
        if child.is_alive():
            child.terminate()
            child.join()
            rdflib_seconds = None
        else:
            try:
                rdflib_seconds, rdflib_rows = queue.get(timeout=10)
            except Exception:  # the child died without a word
                rdflib_seconds, rdflib_rows = "error", None
        counts = f"{len(answer.rows)} / {rdflib_rows if rdflib_seconds is not None else '—'}"
        rows.append(
            (query.name, statistics.median(ours), statistics.median(raw), rdflib_seconds, counts)
        )
    rows.append(("(rdflib: loading the triples)", rdflib_load, None, None, ""))
    return rows


def _examples(store) -> dict[str, dict[str, str]]:
    """Parameters for the questions that compare or describe one thing (a draft and the
    version it revises, one version, one work); the others run unfiltered."""
    rows = list(
        store.query(
            "PREFIX itu: <https://w3id.org/itukg/ontology#> "
            "SELECT ?new ?old ?work WHERE { ?new itu:supersedes ?old ; itu:versionOf ?work } "
            "LIMIT 1"
        )
    )
    if not rows:
        return {}
    new, old, work = (rows[0][name].value for name in ("new", "old", "work"))
    return {
        "version-diff": {"old": old, "new": new},
        "changes": {"version": new},
        "clauses": {"version": new},
        "operative-clauses": {"version": new},
        "resolution-versions": {"work": work},
        "cited-by": {"resolution": work},
        "cites": {"resolution": work},
    }


def _substitutions(query, params: dict[str, str]) -> dict:
    from itukg.query.questions import bind_parameters

    return bind_parameters(query, params) if params else {}


def command_seconds(*args: str, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([str(BIN / "itukg"), *args], capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def overlap_recall(store_dir: Path) -> tuple[int, float]:
    """Recall of the overlap detector as run (each clause's shortlist of lexically nearest
    clauses) against scoring every pair of clauses: (clauses, recall)."""
    from itukg.overlap.detect import detect, read_clauses
    from itukg.store import open_read

    records = read_clauses(open_read(store_dir))
    found = {(p.a.iri, p.b.iri) for p in detect(records)}
    exact = {(p.a.iri, p.b.iri) for p in detect(records, shortlist=len(records))}
    return len(records), (len(found & exact) / len(exact) if exact else 1.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,2000")
    parser.add_argument("--cap", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    report = [
        "# itukg benchmarks",
        "",
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC · {platform.machine()} · "
        f"{os.cpu_count()} cores · {platform.python_implementation()} {platform.python_version()}"
        f" · {platform.platform()}",
        "",
        "Synthetic corpora from bench/generate.py (seed 1); "
        f"rdflib queries capped at {args.cap:g} s.",
    ]
    work = Path(tempfile.mkdtemp(prefix="itukg-bench-"))
    for n in sizes:
        texts = generate(n, 1, work / f"corpus-{n}")
        store = work / f"store-{n}"
        print(f"N = {n}: building …", flush=True)
        stages, triples = build_stages(texts, store)
        total = sum(s for _, s, _ in stages)
        report += [
            "",
            f"## N = {n} resolutions ({triples:,} triples of data)",
            "",
            "| stage | seconds | texts/s | peak memory MB |",
            "|---|---:|---:|---:|",
        ]
        for name, seconds, memory in stages:
            report.append(f"| {name} | {seconds:.2f} | {n / seconds:.0f} | {memory:.0f} |")
        report.append(
            f"| **all** | {total:.2f} | {n / total:.1f} ({triples / total:,.0f} triples/s) | |"
        )
        print(f"N = {n}: queries …", flush=True)
        report += [
            "",
            "| query | itukg s | raw pyoxigraph s | overhead | rdflib s | rdflib / itukg "
            "| rows itukg / rdflib |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for name, ours, raw, rdf, counts in query_table(store, args.repeat, args.cap):
            if raw is None:
                report.append(f"| {name} | | | | {ours:.1f} | | |")
                continue
            if rdf == "error":
                slow, ratio = "fails", "—"
            elif rdf is None:
                slow, ratio = f"> {args.cap:g}", f"> {args.cap / ours:.0f}×"
            else:
                slow, ratio = f"{rdf:.3f}", f"{rdf / ours:.0f}×"
            report.append(
                f"| {name} | {ours:.4f} | {raw:.4f} | {ours / raw:.2f}× | {slow} | {ratio} "
                f"| {counts} |"
            )
        draft = next((t for t in texts if t.name.endswith("draft.txt")), texts[0])
        validate_s = command_seconds("validate", str(draft), "--store", str(store), repeat=3)
        overlaps_s = command_seconds("overlaps", "--store", str(store), "--no-save", repeat=1)
        report += [
            "",
            f"- `itukg validate {draft.name}`: {validate_s:.2f} s (the whole command, median of 3)",
            f"- `itukg overlaps --no-save` over all operative clauses: {overlaps_s:.2f} s",
        ]
        if n == min(sizes):
            clauses, recall = overlap_recall(store)
            report.append(
                f"- overlap detection recall against scoring every pair ({clauses} clauses): "
                f"{recall:.4f}"
            )
    help_s = command_seconds("--help")
    summary_s = command_seconds("query", "summary", "--store", str(work / f"store-{sizes[0]}"))
    report += [
        "",
        "## Start-up",
        "",
        f"- `itukg --help`: {help_s:.2f} s",
        f"- `itukg query summary`: {summary_s:.2f} s",
    ]
    out = Path(__file__).resolve().parent / "results.md"
    kept = ""  # the load table (bench/load.py) lives between its markers: keep it
    if out.exists():
        previous = out.read_text(encoding="utf-8")
        start, end = previous.find("<!-- load:start -->"), previous.find("<!-- load:end -->")
        if 0 <= start < end:
            kept = "\n" + previous[start : end + len("<!-- load:end -->")] + "\n"
    out.write_text("\n".join(report) + "\n" + kept, encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
