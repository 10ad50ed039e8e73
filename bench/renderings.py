"""The PP-18 set in other renderings: how much of its structure each reader gives back.

Each of the 50 PP-18 texts (../shared/corpus/pp18/, Akoma Ntoso) is read and annotated;
its structure is then laid out again as a Final Acts PDF volume (tests/pdf_volume.py:
running heads, page numbers, italic headings, hyphenated justified lines) and as a web
page of nested bullet lists, and each rendering is read back. For each fact family the
share of the AKN reading's facts that the rendering gives back is printed: headings (in
order), clause labels per heading, addressees per heading, resolution citations per
clause. The AKN reading is the reference, so this measures the readers, not the parser.

    python bench/renderings.py [--limit 50]
"""

from __future__ import annotations

import argparse
import html
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PP18 = ROOT.parent / "shared" / "corpus" / "pp18" / "pp18-final-acts-dev.akn.xml"


def _facts(resolutions) -> dict[str, set]:
    facts: dict[str, set] = {"headings": set(), "labels": set(), "addressees": set()}
    facts["citations"] = set()
    for r in resolutions:
        key = (r.kind.value, r.number)
        for order, section in enumerate(r.sections):
            facts["headings"].add((key, order, section.heading))
            for clause in section.clauses:
                facts["labels"].add((key, section.heading, clause.label))
                for cited in clause.cites_resolutions:
                    facts["citations"].add((key, cited.work_id, cited.version_id))
            for actor in section.addressees:
                facts["addressees"].add((key, section.heading, actor.id))
    return facts


def _blocks(resolution):
    from pdf_volume import Block

    title = f"{resolution.kind.value.upper()} {resolution.number}"
    if resolution.revision_year:
        rev = "REV. " if resolution.previous_revision or resolution.supersedes else ""
        title += f" ({rev}{(resolution.revision_place or '').upper()}, {resolution.revision_year})"
    blocks = [Block("title", title), Block("subject", resolution.title or "Subject")]
    if resolution.enacting:
        blocks.append(Block("enacting", resolution.enacting))
    for section in resolution.sections:
        blocks.append(Block("heading", section.heading))
        for clause in section.clauses:
            label = (clause.local_label or "") if clause.label else ""
            blocks.append(Block("item" if label else "text", clause.text or "-", label))
    return blocks


def _pdf(resolutions, path: Path) -> None:
    from pdf_volume import Document, write_volume

    documents = [
        Document(f"Resolution {r.number}", f"Res. {r.number}", _blocks(r)) for r in resolutions
    ]
    write_volume(path, [("RESOLUTIONS", documents)], conference="PP-18")


def _html(resolutions, path: Path) -> None:
    parts = ["<!DOCTYPE html><html><body><nav><a href='/'>Home</a></nav>"]
    for r in resolutions:
        blocks = _blocks(r)
        parts.append(f"<h2>{html.escape(blocks[0].text)}</h2>")
        parts.extend(f"<p>{html.escape(b.text)}</p>" for b in blocks[1:3])
        parts.append("<ul>")
        for block in blocks[3:]:
            if block.kind == "heading":
                if parts[-1] != "<ul>":
                    parts.append("</ul></li>")
                parts.append(f"<li>\u2022 <i>{html.escape(block.text)}</i><ul>")
            else:
                label = f"{block.label} " if block.label else ""
                parts.append(f"<li>{html.escape(label + block.text)}</li>")
        parts.append("</ul></li></ul>")
    parts.append("<footer>Privacy</footer></body></html>")
    path.write_text("\n".join(parts), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=50)
    args = parser.parse_args()
    if not PP18.exists():
        sys.exit(f"{PP18} not found: the PP-18 set lies in ../shared/corpus/pp18/")
    sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]
    from itukg.annotate import annotate_documents
    from itukg.parse import parse_file

    reference = parse_file(PP18)
    annotate_documents([reference])
    resolutions = reference.resolutions[: args.limit]
    expected = _facts(resolutions)
    folder = Path(tempfile.mkdtemp())
    renderings = {"PDF volume": folder / "pp18.pdf", "web page (bullets)": folder / "pp18.html"}
    _pdf(resolutions, renderings["PDF volume"])
    _html(resolutions, renderings["web page (bullets)"])
    print(f"{len(resolutions)} PP-18 texts; share of the AKN reading's facts given back\n")
    print("| rendering | texts read | headings | labels | addressees | citations | s |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, path in renderings.items():
        start = time.perf_counter()
        document = parse_file(path)
        annotate_documents([document])
        seconds = time.perf_counter() - start
        got = _facts(document.resolutions)
        shares = [
            f"{len(expected[k] & got[k]) / max(1, len(expected[k])):.3f} "
            f"({len(expected[k] & got[k])}/{len(expected[k])})"
            for k in ("headings", "labels", "addressees", "citations")
        ]
        print(f"| {name} | {len(document.resolutions)} | {' | '.join(shares)} | {seconds:.1f} |")


if __name__ == "__main__":
    main()
