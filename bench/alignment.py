"""Overlap detection and the compilation against a hand alignment, and their speed.

- Quality: the corpus's four resolutions (PP 191 (Doha, 2026), ITU-R 75, WTSA 18, WTDC 59)
  against tests/fixtures/alignment/c26-89.json: precision of the pairs found, recall on
  operative clauses and on all clauses, class agreement on the pairs found right, and
  the compilation's row agreement (the share of the alignment's duplicate and
  same-mandate pairs whose clauses share a row, and the share of clauses sharing a row
  that the alignment pairs).
- The same figures against a held-out hand alignment of three PP-18 resolutions
  (tests/fixtures/alignment/pp18-devices.json), made after the detector was written,
  detected over the whole PP-18 set of ../shared/corpus/pp18 (left out when it is absent).
- The 30 strongest operative pairs among the PP-18 texts against their hand judgement
  (tests/fixtures/alignment/pp18-strongest.json): how many are right, wrong, not judged.
- Speed at N resolutions of the synthetic corpus (bench/generate.py): detection (read
  the clauses, find and classify the pairs), `itukg overlaps` storing them, and `itukg
  query overlaps` listing them,
  against a plain SELECT of every overlap node of the same store (the floor of what a
  listing costs), measured in the same run.

Run: .venv/bin/python bench/alignment.py [--size 2000] [--skip-scale]
Writes bench/results-alignment.md.
"""

from __future__ import annotations

import argparse
import itertools
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALIGNMENT = ROOT / "tests" / "fixtures" / "alignment" / "c26-89.json"
HELD_OUT = ROOT / "tests" / "fixtures" / "alignment" / "pp18-devices.json"
STRONGEST = ROOT / "tests" / "fixtures" / "alignment" / "pp18-strongest.json"
PP18 = ROOT.parent / "shared" / "corpus" / "pp18" / "pp18-final-acts-dev.akn.xml"
VERSIONS = ["pp/191/doha-2026", "ra/75/dubai-2023", "wtsa/18/new-delhi-2024", "wtdc/59/baku-2025"]
ITUKG = [sys.executable, "-m", "itukg.cli"]


def build(inputs: Path, store: Path, *extra: str) -> None:
    subprocess.run([*ITUKG, "build", str(inputs), "--store", str(store), *extra], check=True,
                   capture_output=True)  # fmt: skip


def quality(store: Path) -> list[str]:
    from itukg.export.compilation import compile_versions
    from itukg.overlap.detect import detect, read_clauses
    from itukg.overlap.judge import Alignment, judge, key_of, links_of
    from itukg.store import open_read

    alignment = Alignment.load(ALIGNMENT)
    graph = open_read(store)
    scores = judge(links_of(detect(read_clauses(graph))), alignment)
    compilation = compile_versions(graph, VERSIONS)
    together = set()
    for row in compilation.rows:
        keys = [
            key_of(compilation.columns[n].version, c.kind, c.section_index, c.label)
            for n, c in row.cells.items()
        ]
        together |= {frozenset(p) for p in itertools.combinations(keys, 2)}
    rowable = {link for link, kind in alignment.classes.items() if kind != "related"}
    held = len(rowable & together) / len(rowable) if rowable else 0.0
    right = len(together & set(alignment.classes)) / len(together) if together else 0.0
    figures = scores.as_json()
    lines = [
        "| figure | value |",
        "|---|---|",
        f"| pairs in the hand alignment | {len(alignment.classes)} "
        f"({sum(1 for p in alignment.parts.values() if p == 'operative')} operative) |",
        f"| pairs found between the four texts | {figures['found']} |",
        f"| precision | {figures['precision']:.3f} ({scores.right} of {scores.found}) |",
        f"| recall, operative clauses | {figures['recall_operative']:.3f} |",
        f"| recall, all clauses | {figures['recall_all']:.3f} |",
        f"| class agreement | {figures['class_agreement']:.3f} |",
        f"| compilation: duplicate and same-mandate pairs on one row | {held:.3f} |",
        f"| compilation: clauses sharing a row that the alignment pairs | {right:.3f} |",
    ]
    return lines


def held_out(store: Path) -> list[str]:
    """The detector against the second hand alignment, made after it was written."""
    from itukg.overlap.detect import detect, read_clauses
    from itukg.overlap.judge import Alignment, judge, links_of
    from itukg.store import open_read

    alignment = Alignment.load(HELD_OUT)
    scores = judge(links_of(detect(read_clauses(open_read(store)))), alignment)
    figures = scores.as_json()
    return [
        "| figure | value |",
        "|---|---|",
        f"| pairs in the hand alignment | {len(alignment.classes)} "
        f"({sum(1 for p in alignment.parts.values() if p == 'operative')} operative) |",
        f"| pairs found between the three texts | {figures['found']} |",
        f"| precision | {figures['precision']:.3f} ({scores.right} of {scores.found}) |",
        f"| recall, operative clauses | {figures['recall_operative']:.3f} |",
        f"| recall, all clauses | {figures['recall_all']:.3f} |",
        f"| class agreement | {figures['class_agreement']:.3f} |",
    ]


def strongest_pp18(store: Path) -> list[str]:
    """The 30 strongest operative pairs among the PP-18 texts, against their hand judgement."""
    from itukg.overlap.detect import detect, read_clauses
    from itukg.overlap.judge import Alignment, strongest
    from itukg.store import open_read

    judged = strongest(detect(read_clauses(open_read(store))), Alignment.load(STRONGEST))
    return [
        "| figure | value |",
        "|---|---|",
        f"| pairs listed | {judged.count} |",
        f"| right (a pair by the hand judgement) | {judged.right} |",
        f"| wrong (a formula or a template, by the hand judgement) | {judged.wrong} |",
        f"| not judged yet | {judged.unjudged} |",
        f"| precision | {judged.precision:.3f} |",
    ]


def scale(size: int, work: Path) -> list[str]:
    from itukg.overlap.detect import detect, read_clauses
    from itukg.query.questions import load_query, run
    from itukg.store import open_read

    corpus = work / f"corpus-{size}"
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--resolutions",
                    str(size), "--seed", "1", "--out", str(corpus)], check=True,
                   capture_output=True)  # fmt: skip
    store = work / f"store-{size}"
    build(corpus, store)
    graph = open_read(store)
    start = time.perf_counter()
    records = read_clauses(graph)
    read_s = time.perf_counter() - start
    start = time.perf_counter()
    pairs = detect(records)
    detect_s = time.perf_counter() - start
    start = time.perf_counter()
    subprocess.run([*ITUKG, "overlaps", "--store", str(store), "--format", "csv", "--limit",
                    "1"], check=True, capture_output=True, text=True)  # fmt: skip
    store_s = time.perf_counter() - start
    start = time.perf_counter()
    listed = subprocess.run([*ITUKG, "query", "overlaps", "--store", str(store), "--format",
                             "csv"], check=True, capture_output=True, text=True)  # fmt: skip
    list_s = time.perf_counter() - start
    start = time.perf_counter()
    floor = run(graph, load_query("stats-by-class"))
    floor_s = time.perf_counter() - start
    start = time.perf_counter()
    preamble = subprocess.run([*ITUKG, "query", "overlaps", "--store", str(store), "--param",
                               "part=itu:Preamble", "--format", "csv"], check=True,
                              capture_output=True, text=True)  # fmt: skip
    preamble_s = time.perf_counter() - start
    return [
        "| step | seconds | what |",
        "|---|---|---|",
        f"| read the clauses | {read_s:.2f} | {len(records)} clauses, every part |",
        f"| detect and classify | {detect_s:.2f} | {len(pairs)} pairs |",
        f"| `itukg overlaps` (read, detect, classify and store the pairs) | {store_s:.2f} | "
        "the whole command, the listing's columns written with each pair |",
        f"| `itukg query overlaps` (operative, the default) | {list_s:.2f} | "
        f"{len(listed.stdout.splitlines()) - 1} rows, the whole command |",
        f"| `itukg query overlaps --param part=itu:Preamble` | {preamble_s:.2f} | "
        f"{len(preamble.stdout.splitlines()) - 1} rows |",
        f"| stats-by-class (counting every overlap node, in process) | {floor_s:.2f} | "
        f"{len(floor.rows)} classes |",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--skip-scale", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="itukg-alignment-"))
    try:
        store = work / "corpus-store"
        build(ROOT / "data", store)
        report = [
            "# Overlap alignment",
            "",
            f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, Python {platform.python_version()}, "
            f"{platform.machine()}.",
            "",
            "## Against the hand alignment of the corpus's four resolutions",
            "",
            *quality(store),
        ]
        if PP18.exists():
            pp18 = work / "pp18-store"
            build(PP18, pp18)
            report += ["", "## Against a held-out hand alignment (PP-18 Resolutions 177, 188, "
                       "189), detected over the whole PP-18 set", "", *held_out(pp18)]  # fmt: skip
            report += ["", "## The 30 strongest operative pairs among the 50 PP-18 texts, judged "
                       "by hand (tests/fixtures/alignment/pp18-strongest.json)", "",
                       *strongest_pp18(pp18)]  # fmt: skip
        if not args.skip_scale:
            report += ["", f"## Speed, synthetic corpus of N = {args.size}", "",
                       *scale(args.size, work)]  # fmt: skip
    finally:
        shutil.rmtree(work, ignore_errors=True)
    out = ROOT / "bench" / "results-alignment.md"
    out.write_text("\n".join(report) + "\n", encoding="utf-8")
    print("\n".join(report))


if __name__ == "__main__":
    main()
