"""The worst inputs for the reader: time and peak memory now, and at a baseline revision.

Each case is read, parsed and annotated as a build reads a file (pipeline.read_inputs,
not strict), in a fresh process with an address-space limit, once with this tree's code
and once with the code of --baseline (checked out into a temporary git worktree), so the
two columns are measured in the same run on the same files. The cases: one line of 1 MB
(or as stated) of footnote and bookmark markup left open, of brackets, quotes and
backslashes, parentheses, labels and spaces, after a resolution's title and heading; a
line of 30 MB; 200,000 lines that never end a sentence; a .docx whose text parts expand
to 250 MB (under the archive limit of 256 MiB).

    python bench/hostile_inputs.py [--baseline REV] [--timeout 120] [--out results-hostile.md]
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import subprocess
import sys
import tempfile
import zipfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAD = (
    "RESOLUTION 12 (REV. DUBAI, 2018)\n\nA subject of the Union\n\n"
    "The Plenipotentiary Conference of the International Telecommunication Union "
    "(Dubai, 2018),\n\nresolves\n\n1\tto "
)
MB = 1_000_000
TEXT_CASES = [  # name, repeated unit, size in bytes
    ("footnote body left open, 48 KB", "[1: 2 ", 48_000),
    ("footnote body left open, 96 KB", "[1: 2 ", 96_000),
    ("footnote body left open, 1 MB", "[1: 2 ", MB),
    ("bookmark left open, 1 MB", "[bookmark:", MB),
    ("footnote calls and bodies, 1 MB", "[footnoteRef:7]7[7: 7 \tnote]", MB),
    ("opening brackets, 1 MB", "[", MB),
    ("quotes and backslashes, 1 MB", '"\\', MB),
    ("opening parentheses, 1 MB", "(", MB),
    ("labels, 1 MB", "a) 1.2. (iv) ", MB),
    ("spaces, 1 MB", " ", MB),
    ("citations left open, 1 MB", "Resolution 1 (Rev. ", MB),
    ("addressees, 1 MB", "instructs the Secretary-General ", MB),
    ("words, 30 MB", "the Secretary-General to report ", 30 * MB),
    # many lines, none ending a sentence: a wrapped text that never stops being a paragraph
    (
        "lines without a sentence's end, 7.6 MB",
        "some words here, and more words there\n",
        7_600_000,
    ),
]
CHILD = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from itukg.pipeline import read_inputs
started = time.perf_counter()
_, results = read_inputs([Path(sys.argv[2])], strict=False)
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
error = results[0].error
outcome = error.message if error else f"{len(results[0].resolutions)} resolution(s)"
print(json.dumps({"seconds": seconds, "peak_mib": peak, "outcome": outcome}))
"""


def _text_case(folder: Path, index: int, unit: str, size: int) -> Path:
    path = folder / f"case{index}.txt"
    path.write_text(HEAD + unit * (size // len(unit)) + "\n", encoding="utf-8")
    return path


def _docx_case(folder: Path, expanded: int = 250_000_000) -> Path:
    """A .docx whose document.xml is valid Word markup of about `expanded` bytes."""
    rng = random.Random(1)
    words = ["the", "Union", "Secretary-General", "report", "to", "of", "Council", "and"]
    head = (
        '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
        'openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    )
    path = folder / "expands.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(head.encode())
            written = len(head)
            while written < expanded:
                text = " ".join(rng.choice(words) for _ in range(40)) + f" {rng.randrange(99)}"
                paragraph = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode()
                part.write(paragraph)
                written += len(paragraph)
            part.write(b"</w:body></w:document>")
    return path


def _run(src: Path, case: Path, timeout: float, memory: int) -> dict[str, object]:
    def limit() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(src), str(case)],
            capture_output=True,
            text=True,
            timeout=timeout,
            preexec_fn=limit,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"seconds": None, "peak_mib": None, "outcome": f"stopped after {timeout:.0f} s"}
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return {"seconds": None, "peak_mib": None, "outcome": f"failed: {last[:80]}"}
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _cell(result: dict[str, object]) -> str:
    if result["seconds"] is None:
        return str(result["outcome"])
    return f"{result['seconds']:.2f} s, {result['peak_mib']:.0f} MiB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="667693d", help="revision to compare with")
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--memory-gib", type=float, default=8.0, help="address-space limit")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results-hostile.md")
    parser.add_argument("--only", help="run the cases whose name holds this; keep the other rows")
    args = parser.parse_args()
    memory = int(args.memory_gib * 2**30)
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        baseline = folder / "baseline"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(baseline), args.baseline],
            check=True,
            capture_output=True,
        )
        try:
            cases = [
                (name, _text_case(folder, n, unit, size))
                for n, (name, unit, size) in enumerate(TEXT_CASES)
            ]
            cases.append(("Word file expanding to 250 MB", _docx_case(folder)))
            for name, case in cases:
                if args.only and args.only not in name:
                    continue
                before = _run(baseline / "src", case, args.timeout, memory)
                after = _run(ROOT / "src", case, args.timeout, memory)
                rows.append((name, before, after))
                print(f"{name}: {_cell(before)} -> {_cell(after)}", flush=True)
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(baseline)],
                check=False,
                capture_output=True,
            )
    lines = [
        "# The worst inputs: time and peak memory",
        "",
        f"{date.today().isoformat()}, {platform.machine()}, Python {platform.python_version()};"
        f" `python bench/hostile_inputs.py --baseline {args.baseline}` (read + parse +"
        f" annotate in a fresh process, limit {args.memory_gib:g} GiB, {args.timeout:.0f} s).",
        "",
        f"| input | baseline {args.baseline} | now | what the user reads now |",
        "|---|---|---|---|",
    ]
    kept = {}
    if args.only and args.out.exists():  # the other rows of the last full run
        for line in args.out.read_text(encoding="utf-8").splitlines()[6:]:
            kept[line.split(" | ")[0].removeprefix("| ")] = line
    for name, before, after in rows:
        kept[name] = f"| {name} | {_cell(before)} | {_cell(after)} | {after['outcome']} |"
    lines.extend(kept.values())
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written {args.out}")


if __name__ == "__main__":
    main()
