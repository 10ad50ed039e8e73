"""How overlap detection scales: the inverted index against comparing every pair.

Synthetic collections of N clauses are made from the corpus's operative clauses: each
synthetic resolution takes 25 of them, rewrites about a third of their words from the
corpus vocabulary and adds subject words of its own, so that collections grow without
being copies. For each N the script times
- baseline: the cosine of every pair of clauses (what a naive detector does);
- indexed: candidate pairs from the inverted index (each clause under its 25 heaviest
  terms held by at most 5 % of the clauses, 400 at most), cosine for those only (what
  itukg does);
and reports the ratio, and the recall of the index: the share of the pairs scoring at
least 0.25 (stored) and 0.40 (duplicate or same-mandate) by brute force that the index
also finds.

Run: .venv/bin/python bench/overlaps_scale.py [--sizes 250,500] [--indexed-only 4000,8000]
Results are appended to bench/results/overlaps_scale.md.
"""

from __future__ import annotations

import argparse
import platform
import random
import time
from datetime import UTC, datetime
from pathlib import Path

from itukg.overlap.similarity import Index
from itukg.pipeline import parse_inputs

ROOT = Path(__file__).resolve().parent.parent
THRESHOLD = 0.25  # the floor of stored pairs
ACTIONABLE = 0.40  # duplicate and same-mandate pairs start here


def corpus_clauses() -> list[str]:
    (document,) = parse_inputs([ROOT / "data" / "C26-89-E.txt"], annotate=False)
    return [
        c.text
        for r in document.resolutions
        for s in r.sections
        if s.kind == "operative"
        for c in s.clauses
    ]


def synthetic(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    base = corpus_clauses()
    vocabulary = sorted({w for t in base for w in t.split() if w.isalpha()})
    texts: list[str] = []
    while len(texts) < n:
        subject = [f"topic{rng.randrange(10**6)}" for _ in range(4)]
        for text in rng.sample(base, min(25, len(base))):
            words = text.split()
            for k in range(len(words)):
                if rng.random() < 0.33:
                    words[k] = rng.choice(vocabulary)
            words += rng.sample(subject, 2)
            texts.append(" ".join(words))
            if len(texts) == n:
                break
    return texts


def brute(index: Index, n: int) -> tuple[float, dict[tuple[int, int], float]]:
    start = time.perf_counter()
    scores = {(i, j): index.cosine(i, j) for i in range(n) for j in range(i + 1, n)}
    hits = {pair: score for pair, score in scores.items() if score >= THRESHOLD}
    return time.perf_counter() - start, hits


def indexed(index: Index) -> tuple[float, dict[tuple[int, int], float]]:
    start = time.perf_counter()
    scores = {(i, j): index.cosine(i, j) for i, j in index.candidates()}
    hits = {pair: score for pair, score in scores.items() if score >= THRESHOLD}
    return time.perf_counter() - start, hits


def recall(found: dict, expected: dict, floor: float) -> float:
    wanted = {pair for pair, score in expected.items() if score >= floor}
    return len(wanted & found.keys()) / len(wanted) if wanted else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="250,500,1000,2000")
    parser.add_argument("--indexed-only", default="4000,8000,16000")
    args = parser.parse_args()
    lines = [
        f"\n## {datetime.now(UTC):%Y-%m-%d %H:%M} UTC — {platform.machine()}, "
        f"{platform.python_implementation()} {platform.python_version()}\n",
        "| clauses | build index s | baseline s | indexed s | baseline / indexed "
        "| recall ≥ 0.25 | recall ≥ 0.40 |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n in [int(x) for x in args.sizes.split(",") if x]:
        texts = synthetic(n)
        start = time.perf_counter()
        index = Index(texts, exact_below=0)
        built = time.perf_counter() - start
        base_time, base_hits = brute(index, n)
        fast_time, fast_hits = indexed(index)
        lines.append(
            f"| {n} | {built:.2f} | {base_time:.2f} | {fast_time:.2f} | "
            f"{base_time / fast_time:.1f} | {recall(fast_hits, base_hits, THRESHOLD):.3f} "
            f"| {recall(fast_hits, base_hits, ACTIONABLE):.3f} |"
        )
        print(lines[-1], flush=True)
    for n in [int(x) for x in args.indexed_only.split(",") if x]:
        texts = synthetic(n)
        start = time.perf_counter()
        index = Index(texts, exact_below=0)
        built = time.perf_counter() - start
        fast_time, _ = indexed(index)
        lines.append(f"| {n} | {built:.2f} | — | {fast_time:.2f} | — | — | — |")
        print(lines[-1], flush=True)
    out = Path(__file__).resolve().parent / "results" / "overlaps_scale.md"
    out.parent.mkdir(exist_ok=True)
    if not out.exists():
        out.write_text("# Overlap detection: inverted index against every pair\n", encoding="utf-8")
    with out.open("a", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    print(f"appended to {out}")


if __name__ == "__main__":
    main()
