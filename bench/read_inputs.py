"""Read each input form: texts/s and memory per stage, against the corpus text.

Times read, read + parse and read + parse + annotate of the 50 PP-18 texts
(../shared/corpus/pp18/, Akoma Ntoso), of a Final Acts volume of --volume resolutions
generated as a PDF (tests/pdf_volume.py: running heads, footnotes, italic headings,
hyphenated lines), of the same resolutions as a plain-text export, and of the corpus
document (data/C26-89-E.txt, a plain-text export) as the baseline of the same run; each
stage is the median of --runs runs in this process, after one warm-up (spaCy's pipeline
is built once). Peak memory is the process's maximum resident set size after each input.

    python bench/read_inputs.py [--runs 3] [--volume 100]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PP18 = ROOT.parent / "shared" / "corpus" / "pp18" / "pp18-final-acts-dev.akn.xml"
CORPUS = ROOT / "data" / "C26-89-E.txt"


def _volume(folder: Path, count: int) -> tuple[Path, Path]:
    """A PDF volume of count resolutions, and the same texts as a text export."""
    sys.path.insert(0, str(ROOT / "tests"))
    from pdf_volume import long_resolution, resolution, write_volume

    topics = ["accessibility", "regional presence", "cybersecurity", "spectrum", "statistics"]
    documents = [
        long_resolution(900 + n)
        if n % 5 == 0
        else resolution(900 + n, f"Subject {n}", topics[n % 5])
        for n in range(1, count + 1)
    ]
    pdf = folder / "volume.pdf"
    write_volume(pdf, [("RESOLUTIONS", documents)])
    lines = []
    for document in documents:
        for block in document.blocks:
            text = block.text.replace("^", "")
            lines.append(f"{block.label}\t{text}" if block.label else text)
        lines.append("")
    text = folder / "volume.txt"
    text.write_text("\n".join(lines), encoding="utf-8")
    return pdf, text


def _stages(path: Path) -> dict[str, object]:
    from itukg.annotate import annotate_documents
    from itukg.parse import parse_source
    from itukg.read import read_source

    def read() -> int:
        return len(read_source(path).lines)

    def parse() -> int:
        return len(parse_source(read_source(path)).resolutions)

    def annotate() -> int:
        document = parse_source(read_source(path))
        annotate_documents([document])
        return len(document.resolutions)

    return {"read": read, "read + parse": parse, "read + parse + annotate": annotate}


def _median_seconds(step, runs: int) -> float:
    step()  # warm-up: imports, the spaCy pipeline, the vocabulary
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--volume", type=int, default=100, help="resolutions in the PDF")
    args = parser.parse_args()
    if not PP18.exists():
        sys.exit(f"{PP18} not found: the PP-18 set lies in ../shared/corpus/pp18/")
    sys.path.insert(0, str(ROOT / "src"))
    from itukg.parse import parse_file

    pdf, export = _volume(Path(tempfile.mkdtemp()), args.volume)
    texts = {
        "PP-18 (AKN XML)": PP18,
        f"volume of {args.volume} (PDF)": pdf,
        f"volume of {args.volume} (text)": export,
        "corpus document (text)": CORPUS,
    }
    counts = {name: len(parse_file(path).resolutions) for name, path in texts.items()}
    print("| input | texts | MB | stage | seconds | texts/s | MB/s | peak RSS MB |")
    print("|---|---:|---:|---|---:|---:|---:|---:|")
    seconds_of: dict[tuple[str, str], float] = {}
    for name, path in texts.items():
        size = path.stat().st_size / 1e6
        for stage, step in _stages(path).items():
            seconds = _median_seconds(step, args.runs)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            seconds_of[(str(path), stage)] = seconds
            print(
                f"| {name} | {counts[name]} | {size:.2f} | {stage} | {seconds:.3f} "
                f"| {counts[name] / seconds:.1f} | {size / seconds:.2f} | {peak:.0f} |"
            )
    print()
    base = "corpus document (text)"
    for stage in ("read", "read + parse", "read + parse + annotate"):
        per_mb = {
            name: texts[name].stat().st_size / seconds_of[(str(texts[name]), stage)]
            for name in ("PP-18 (AKN XML)", base)
        }
        ratio = per_mb["PP-18 (AKN XML)"] / per_mb[base]
        print(f"- {stage}: PP-18 reads {ratio:.2f}× the corpus text's MB/s")
    for stage in ("read", "read + parse + annotate"):
        pdf_rate = counts[f"volume of {args.volume} (PDF)"] / seconds_of[(str(pdf), stage)]
        text_rate = counts[f"volume of {args.volume} (text)"] / seconds_of[(str(export), stage)]
        print(
            f"- {stage}: the PDF volume reads {pdf_rate / text_rate:.3g}× the texts/s of its text"
        )


if __name__ == "__main__":
    main()
