"""The streamlining report: per pair of resolutions, their overlapping clauses grouped by
class, both texts side by side with a word-level diff and the action a streamliner would
propose (suppress a duplicate, merge the same mandate, coordinate related ones).

What the diff shows is what one clause says that the other does not: a Sector's name, a
year, an added clause. Words are compared as they are written (not normalised), so the
differences by design stay visible to the reader. The page is self-contained (inline
style, no script, nothing fetched); the Markdown form escapes the texts.
"""

from __future__ import annotations

import difflib
import html
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from itukg.errors import QueryError
from itukg.export.compilation import markdown_text

CLASS_ORDER = ("duplicate", "same-mandate", "related")
_TOKEN = re.compile(r"\S+")


@dataclass
class Side:
    """One clause's words, each marked as shared with the other clause or its own."""

    words: list[tuple[str, bool]]  # (word, only in this clause)

    @property
    def own(self) -> list[str]:
        return [w for w, mine in self.words if mine]


def word_diff(a: str, b: str) -> tuple[Side, Side]:
    """The words of a and b, those that the other clause does not have marked."""
    wa, wb = _TOKEN.findall(a), _TOKEN.findall(b)
    left: list[tuple[str, bool]] = []
    right: list[tuple[str, bool]] = []
    matcher = difflib.SequenceMatcher(None, [w.casefold() for w in wa],
                                      [w.casefold() for w in wb], autojunk=False)  # fmt: skip
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        same = op == "equal"
        left.extend((w, not same) for w in wa[i1:i2])
        right.extend((w, not same) for w in wb[j1:j2])
    return Side(left), Side(right)


@dataclass
class PairGroup:
    """The overlapping clauses of two resolutions."""

    a: str  # version labels
    b: str
    pairs: dict[str, list[Any]] = field(default_factory=dict)  # class → pairs


def report_groups(store: Any, bodies: list[str], part: str | None = None) -> list[PairGroup]:
    """The pairs between resolutions of the named enacting bodies ('PP', 'RA' …), per
    pair of resolutions, grouped by class; every part, or one."""
    from itukg.overlap.detect import detect, read_clauses

    wanted = [b.strip().upper() for b in bodies if b.strip()]
    if not wanted:
        raise QueryError("--between needs at least one body, as PP,RA,WTSA,WTDC")
    records = [r for r in read_clauses(store, part=part) if r.body.upper() in wanted]
    if not records:
        raise QueryError(f"no resolution of {', '.join(wanted)} in the graph")
    groups: dict[tuple[str, str], PairGroup] = {}
    for pair in detect(records):
        first, second = sorted([pair.a, pair.b], key=lambda r: (wanted.index(r.body.upper()),
                                                                 r.version))  # fmt: skip
        key = (first.version, second.version)
        group = groups.setdefault(key, PairGroup(first.version_label, second.version_label))
        group.pairs.setdefault(str(pair.kind), []).append(pair if pair.a is first else _swap(pair))
    ordered = sorted(groups.items(), key=lambda item: -sum(len(p) for p in item[1].pairs.values()))
    return [group for _, group in ordered]


def _swap(pair: Any) -> Any:
    from dataclasses import replace

    return replace(pair, a=pair.b, b=pair.a)


def _where(record: Any) -> str:
    return f"{record.heading} {record.label or '¶'} (line {record.line})"


_STYLE = """
body{font-family:Georgia,'Times New Roman',serif;margin:1.5rem;color:#1b1b1b;max-width:80rem}
h1{font-size:1.35rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:2px solid #1f3a5f}
h3{font-size:1rem;color:#1f3a5f}
table{border-collapse:collapse;width:100%;table-layout:fixed;margin-bottom:.8rem}
th,td{border:1px solid #bbb;padding:.35rem .5rem;vertical-align:top;font-size:.85rem;
  line-height:1.35}
th{background:#e8edf3;text-align:left;font-weight:normal}
th a{color:#1f3a5f}
del{background:#fbe3e3;text-decoration:none;border-bottom:1px solid #c44}
ins{background:#e2f4df;text-decoration:none;border-bottom:1px solid #4a4}
td.meta{background:#fafafa;font-size:.8rem;color:#444}
p.note{color:#555;font-size:.9rem}
"""


def _marked(side: Side, tag: str) -> str:
    parts = []
    for word, mine in side.words:
        text = html.escape(word)
        parts.append(f"<{tag}>{text}</{tag}>" if mine else text)
    return " ".join(parts)


def _made_equal(pair: Any) -> str:
    made = ", ".join(pair.normalisations)
    return f"; made equal: {html.escape(made)}" if made else ""


def to_html(groups: list[PairGroup], title: str = "Streamlining report") -> str:
    """A self-contained page: one section per pair of resolutions, one table per pair."""
    esc = html.escape
    body = [f"<h1>{esc(title)}</h1>",
            '<p class="note">For each pair of resolutions, the clauses that overlap, by class. '
            "Words marked <del>so</del> are only in the left clause, words marked "
            "<ins>so</ins> only in the right one. Generated by itukg report.</p>"]  # fmt: skip
    if not groups:
        body.append("<p>No overlapping clauses.</p>")
    for group in groups:
        total = sum(len(p) for p in group.pairs.values())
        body.append(f"<h2>{esc(group.a)} — {esc(group.b)} <small>({total} pairs)</small></h2>")
        for kind in CLASS_ORDER:
            for pair in group.pairs.get(kind, []):
                left, right = word_diff(pair.a.text, pair.b.text)
                body.append(
                    f'<h3 data-class="{esc(kind)}">{esc(kind)}: {esc(pair.action)}</h3>'
                    f'<table class="pair" data-class="{esc(kind)}"><tr>'
                    f'<th><a href="{esc(pair.a.iri)}">{esc(_where(pair.a))}</a></th>'
                    f'<th><a href="{esc(pair.b.iri)}">{esc(_where(pair.b))}</a></th></tr>'
                    f"<tr><td>{_marked(left, 'del')}</td><td>{_marked(right, 'ins')}</td></tr>"
                    f'<tr><td class="meta" colspan="2">{esc(pair.reason)}; score '
                    f"{pair.score:.2f}; part {esc(pair.part)}; "
                    f"{esc('; '.join(pair.features) or 'words only')}"
                    f"{_made_equal(pair)}"
                    "</td></tr></table>"
                )  # fmt: skip
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{esc(title)}</title><style>{_STYLE}</style></head><body>"
        + "".join(body)
        + "</body></html>\n"
    )


def to_markdown(groups: list[PairGroup], title: str = "Streamlining report") -> str:
    """The same report in Markdown: texts escaped, words only in one clause struck
    through (left) or in bold (right)."""

    def marked(side: Side, mark: str) -> str:
        words = [markdown_text(w) for w, _ in side.words]
        return " ".join(f"{mark}{t}{mark}" if mine else t
                        for t, (_, mine) in zip(words, side.words, strict=True))  # fmt: skip

    lines = [f"# {markdown_text(title)}", ""]
    if not groups:
        lines.append("No overlapping clauses.")
    for group in groups:
        lines += [f"## {markdown_text(group.a)} — {markdown_text(group.b)}", ""]
        for kind in CLASS_ORDER:
            for pair in group.pairs.get(kind, []):
                left, right = word_diff(pair.a.text, pair.b.text)
                lines += [
                    f"### {kind}: {pair.action}",
                    "",
                    f"| [{markdown_text(_where(pair.a))}](<{pair.a.iri}>) "
                    f"| [{markdown_text(_where(pair.b))}](<{pair.b.iri}>) |",
                    "|---|---|",
                    f"| {marked(left, '~~')} | {marked(right, '**')} |",
                    "",
                    f"*{markdown_text(pair.reason)}; score {pair.score:.2f}*",
                    "",
                ]
    return "\n".join(lines) + "\n"


def counts(groups: list[PairGroup]) -> dict[str, int]:
    """Pairs per class over the whole report."""
    total: dict[str, int] = defaultdict(int)
    for group in groups:
        for kind, pairs in group.pairs.items():
            total[kind] += len(pairs)
    return dict(total)
