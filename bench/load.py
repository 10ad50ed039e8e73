"""Load on the endpoint: `itukg serve` against `oxigraph serve-read-only` on a copy of
the same store, one connection per request, at rising concurrency.

Builds data/ into a temporary store, copies its database for Oxigraph's own server,
starts both on loopback, and sends each the same mix (GET JSON, POST form CSV, POST
application/sparql-query XML, two named questions as TSV and JSON, a CONSTRUCT as
Turtle; Oxigraph gets the named questions as their text with the parameters bound in a
VALUES block). Every level is bounded in requests and in seconds; an error is a refused
or reset connection, a status other than 200, or an answer cut short. Writes the table
into bench/results.md (the section between the load markers).

    .venv/bin/python bench/load.py                 # levels 1 … 256, 2,000 requests each
    .venv/bin/python bench/load.py --levels 1,8 --requests 200 --no-write
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

HOST = "127.0.0.1"  # loopback only
ITU = "https://w3id.org/itukg/ontology#"
START, END = "<!-- load:start -->", "<!-- load:end -->"
SELECT = f"SELECT ?r ?title WHERE {{ ?r a <{ITU}ResolutionVersion> ; <http://purl.org/dc/terms/title> ?title }} ORDER BY ?r"  # noqa: E501
CLAUSES = f"SELECT ?c ?label WHERE {{ ?c a <{ITU}Clause> ; <{ITU}label> ?label }} LIMIT 100"
MANDATES = f"SELECT ?m ?body WHERE {{ ?m a <{ITU}Mandate> ; <{ITU}addressee> ?body }} LIMIT 100"
CONSTRUCT = f"CONSTRUCT {{ ?s a <{ITU}Sector> ; ?p ?o }} WHERE {{ ?s a <{ITU}Sector> ; ?p ?o }}"
NAMED = [("mandates-of-body", {"body": "body:tsag"}, "tsv"), ("versions", {}, "json")]
ACCEPT = {
    "json": "application/sparql-results+json",
    "tsv": "text/tab-separated-values",
    "csv": "text/csv",
    "xml": "application/sparql-results+xml",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def raw(
    method: str, target: str, port: int, accept: str, body: bytes = b"", media: str = ""
) -> bytes:
    lines = [f"{method} {target} HTTP/1.1", f"Host: {HOST}:{port}", f"Accept: {accept}",
             "Connection: close"]  # fmt: skip
    if method == "POST":
        lines += [f"Content-Type: {media}", f"Content-Length: {len(body)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def mix(kind: str, port: int) -> list[bytes]:
    """The six requests of the mix, as bytes, for one server."""
    from itukg.query.questions import bind_parameters, load_query
    from itukg.store.remote import with_values

    path = "/sparql" if kind == "itukg" else "/query"
    form = "application/x-www-form-urlencoded"
    requests = [
        raw("GET", f"{path}?{urllib.parse.urlencode({'query': SELECT})}", port, ACCEPT["json"]),
        raw("POST", path, port, ACCEPT["csv"], urllib.parse.urlencode({"query": CLAUSES}).encode(),
            form),
        raw("POST", path, port, ACCEPT["xml"], MANDATES.encode(), "application/sparql-query"),
    ]  # fmt: skip
    for name, params, fmt in NAMED:
        if kind == "itukg":
            query = urllib.parse.urlencode({**params, "format": fmt})
            requests.append(raw("GET", f"/queries/{name}?{query}", port, ACCEPT[fmt]))
        else:
            question = load_query(name)
            text = question.text
            if params:
                text = with_values(text, bind_parameters(question, params))
            requests.append(
                raw("POST", path, port, ACCEPT[fmt], text.encode(), "application/sparql-query")
            )
    construct = urllib.parse.urlencode({"query": CONSTRUCT})
    requests.append(raw("GET", f"{path}?{construct}", port, "text/turtle"))
    return requests


async def one(port: int, request: bytes, timeout: float) -> tuple[float, str | None]:
    """Send one request on its own connection: (seconds, None or what went wrong)."""
    started = time.perf_counter()
    try:
        async with asyncio.timeout(timeout):
            reader, writer = await asyncio.open_connection(HOST, port)
            writer.write(request)
            await writer.drain()
            data = await reader.read(-1)
            writer.close()
    except TimeoutError:
        return time.perf_counter() - started, "timeout"
    except OSError as err:
        return time.perf_counter() - started, type(err).__name__
    elapsed = time.perf_counter() - started
    head, _, body = data.partition(b"\r\n\r\n")
    status = head[9:12]
    if status != b"200":
        return elapsed, f"status {status.decode('latin-1') or 'none'}"
    length = re.search(rb"(?im)^content-length:\s*(\d+)", head)
    if length and len(body) != int(length.group(1)):
        return elapsed, "short answer"
    if not length and not body.endswith(b"0\r\n\r\n"):
        return elapsed, "short answer"
    return elapsed, None


async def level(port: int, requests: list[bytes], concurrency: int, count: int, seconds: float):
    """count requests (or as many as fit in seconds) at the given concurrency."""
    times: list[float] = []
    errors: dict[str, int] = {}
    sent = 0
    deadline = time.perf_counter() + seconds

    async def client() -> None:
        nonlocal sent
        while sent < count and time.perf_counter() < deadline:
            request = requests[sent % len(requests)]
            sent += 1
            elapsed, problem = await one(port, request, 60)
            times.append(elapsed)
            if problem:
                errors[problem] = errors.get(problem, 0) + 1

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(concurrency)))
    wall = time.perf_counter() - started
    times.sort()

    def pick(q: float) -> float:
        return times[min(len(times) - 1, int(q * len(times)))] * 1000

    return {
        "done": len(times),
        "rps": len(times) / wall,
        "p50": statistics.median(times) * 1000,
        "p95": pick(0.95),
        "p99": pick(0.99),
        "errors": errors,
    }


def wait_ready(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server stopped: {process.args}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"no answer from {url}")


def start_servers(workdir: Path, workers: int) -> dict[str, tuple[subprocess.Popen, int]]:
    store = workdir / "store"
    subprocess.run([sys.executable, "-m", "itukg.cli", "build", str(ROOT / "data"), "--store",
                    str(store)], check=True, capture_output=True)  # fmt: skip
    copy = workdir / "oxigraph"
    shutil.copytree((store / "current").resolve(), copy)
    oxigraph = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or "oxigraph"
    servers = {}
    port = free_port()
    itukg = subprocess.Popen(
        [sys.executable, "-m", "itukg.cli", "serve", "--store", str(store), "--host", HOST,
         "--port", str(port), "--quiet", "--workers", str(workers)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    servers["itukg"] = (itukg, port)
    port = free_port()
    ox = subprocess.Popen(
        [oxigraph, "serve-read-only", "--location", str(copy), "--bind", f"{HOST}:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    servers["oxigraph"] = (ox, port)
    wait_ready(f"http://{HOST}:{servers['itukg'][1]}/queries", itukg)
    wait_ready(f"http://{HOST}:{servers['oxigraph'][1]}/", ox)
    return servers


def table(results: dict, levels: list[int], count: int, seconds: float, workers: int) -> str:
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    machine = f"{platform.machine()} · {len(__import__('os').sched_getaffinity(0))} cores"
    lines = [
        START,
        "## Endpoint under load (bench/load.py)",
        "",
        f"{when} · {machine} · CPython {platform.python_version()} · the corpus of data/, "
        f"`itukg serve --workers {workers}` and `oxigraph serve-read-only` on a copy of its "
        f"store, both measured in this one run; the mix of six requests (GET JSON, POST form "
        f"CSV, POST `application/sparql-query` XML, named questions TSV and JSON, a "
        f"CONSTRUCT as Turtle), one connection each, {count} requests (or {seconds:g} s) per "
        "level. The load client runs on the same machine, which others were using too.",
        "",
        "| concurrency | itukg req/s | p50 ms | p95 ms | p99 ms | errors "
        "| oxigraph req/s | p50 ms | p95 ms | p99 ms | errors | oxigraph / itukg |",
        "|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---|---:|",
    ]
    for c in levels:
        mine, theirs = results[("itukg", c)], results[("oxigraph", c)]

        def cells(r: dict) -> str:
            errors = ", ".join(f"{n} {k}" for k, n in r["errors"].items()) or "0"
            return (
                f"{r['rps']:.0f} | {r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | "
                f"{errors} / {r['done']}"
            )

        ratio = theirs["rps"] / mine["rps"] if mine["rps"] else float("inf")
        lines.append(f"| {c} | {cells(mine)} | {cells(theirs)} | {ratio:.2f}× |")
    lines.append(END)
    return "\n".join(lines)


def write(section: str) -> None:
    out = ROOT / "bench" / "results.md"
    text = out.read_text(encoding="utf-8") if out.exists() else "# itukg benchmarks\n"
    if START in text and END in text:
        before, rest = text.split(START, 1)
        text = before + section + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    out.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", default="1,8,32,64,128,256")
    parser.add_argument("--requests", type=int, default=2000, help="per level and server")
    parser.add_argument("--seconds", type=float, default=60, help="at most, per level and server")
    parser.add_argument("--workers", type=int, default=2, help="itukg serve --workers")
    parser.add_argument("--no-write", action="store_true", help="print, do not write results.md")
    args = parser.parse_args()
    levels = [int(n) for n in args.levels.split(",")]
    with tempfile.TemporaryDirectory(prefix="itukg-load-") as folder:
        servers = start_servers(Path(folder), args.workers)
        try:
            mixes = {kind: mix(kind, port) for kind, (_, port) in servers.items()}
            for kind, (_, port) in servers.items():  # every request of the mix answers
                for request in mixes[kind]:
                    _, problem = asyncio.run(one(port, request, 60))
                    if problem:
                        raise SystemExit(f"{kind}: {problem} for {request[:120]!r}")
            results = {}
            for c in levels:
                for kind, (_, port) in servers.items():
                    r = asyncio.run(level(port, mixes[kind], c, args.requests, args.seconds))
                    results[(kind, c)] = r
                    print(
                        f"{kind:9} c={c:<4} {r['rps']:7.0f} req/s  p50 {r['p50']:7.1f}  "
                        f"p99 {r['p99']:8.1f} ms  errors {r['errors'] or 0}",
                        flush=True,
                    )
        finally:
            for process, _ in servers.values():
                process.terminate()
                process.wait(timeout=30)
    section = table(results, levels, args.requests, args.seconds, args.workers)
    print(section)
    if not args.no_write:
        write(section)


if __name__ == "__main__":
    main()
