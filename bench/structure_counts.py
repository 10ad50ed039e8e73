"""What itukg reads from each text of a folder, counted as a person counts it by hand.

For texts collected from outside the project (web pages, document sites, conversions) and
counted by hand, this prints, per file, the facts itukg gives back in the same terms:
headings that open a section (a section whose heading was lost is not counted), items
(every clause, lead-ins and sub-items included), addressees of the operative headings
(one per body per heading) and citations (resolutions, CS/CV provisions and external
instruments, per mention), or why the file was refused. Comparing them with the hand
counts gives the shares of bench/results-read.md.

    python bench/structure_counts.py FOLDER [--headings]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

SUFFIXES = (".txt", ".md", ".adoc", ".html", ".htm", ".xml", ".docx", ".pdf")


def counts(path: Path) -> tuple[dict[str, int], list[str], list[str]]:
    """The counts of one file, its headings (operative ones marked *) and its text ids."""
    from itukg.pipeline import parse_inputs

    (document,) = parse_inputs([path], annotate=True)
    found = {"headings": 0, "items": 0, "addressees": 0, "citations": 0}
    headings = []
    for resolution in document.resolutions:
        for section in resolution.sections:
            operative = section.kind.value == "operative"
            if section.heading:  # a section whose heading was lost has none
                found["headings"] += 1
                headings.append(section.heading + ("*" if operative else ""))
            if operative:
                found["addressees"] += len(section.addressees)
            found["items"] += len(section.clauses)
            for clause in section.clauses:
                found["citations"] += (
                    len(clause.cites_resolutions)
                    + len(clause.cites_provisions)
                    + len(clause.cites_external)
                )
    return found, headings, [r.id for r in document.resolutions]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--headings", action="store_true", help="list each file's headings")
    args = parser.parse_args()
    from itukg.errors import ItukgError

    total = {"headings": 0, "items": 0, "addressees": 0, "citations": 0}
    refused = 0
    files = sorted(p for p in args.folder.iterdir() if p.suffix.lower() in SUFFIXES)
    for path in files:
        try:
            found, headings, ids = counts(path)
        except ItukgError as err:
            refused += 1
            print(f"{path.name:44} refused: {str(err).split(': ', 1)[-1][:90]}")
            continue
        for key, value in found.items():
            total[key] += value
        figures = " ".join(f"{k[0].upper()}={v:<3}" for k, v in found.items())
        print(f"{path.name:44} {figures} {', '.join(ids)}")
        if args.headings:
            print("    " + " | ".join(headings))
    figures = " ".join(f"{k[0].upper()}={v}" for k, v in total.items())
    print(f"{len(files)} files, {refused} refused; total {figures}")


if __name__ == "__main__":
    sys.exit(main())
