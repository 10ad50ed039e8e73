"""Pairs found, judged against a hand alignment: precision, recall, class agreement.

An analyst's alignment of a few resolutions (every clause judged against every clause of
the others, with a class) is the measure of the detector and of the compilation. Its
format: {"versions": ["pp/191/doha-2026", …], "pairs": [{"a": KEY, "b": KEY, "class":
"duplicate|same-mandate|related", "part": "preamble|operative|mixed", "reason": "…"}],
"non_pairs": [{"a": KEY, "b": KEY, "reason": "…"}]}, where a KEY is {"version",
"section" (the heading kind), "section_index" (its rank among the sections of that kind
in the version), "clause" (the label, or null)}. Pairs found between clauses of versions
outside the alignment are not judged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Key = tuple[str, str, int, str | None]
Link = frozenset[Key]


def key_of(version: str, section: str, section_index: int, clause: str | None) -> Key:
    """A clause's key: version id, section kind ('taking into account' and the model's
    'taking-into-account' alike), the section's rank among its kind, label."""
    return (version.rsplit("/resolution/", 1)[-1], section.replace("-", " "),
            int(section_index), clause)  # fmt: skip


def _key(entry: dict[str, Any]) -> Key:
    return key_of(entry["version"], entry["section"], entry.get("section_index", 0),
                  entry.get("clause"))  # fmt: skip


@dataclass
class Alignment:
    """A hand alignment: the judged pairs with their class and part, and the non-pairs."""

    versions: set[str]
    classes: dict[Link, str]
    parts: dict[Link, str]
    non_pairs: set[Link] = field(default_factory=set)

    @classmethod
    def load(cls, path: Path) -> Alignment:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        classes, parts = {}, {}
        for pair in data["pairs"]:
            link = frozenset({_key(pair["a"]), _key(pair["b"])})
            classes[link] = pair["class"]
            parts[link] = pair.get("part", "operative")
        non_pairs = {frozenset({_key(p["a"]), _key(p["b"])}) for p in data.get("non_pairs", [])}
        return cls(set(data["versions"]), classes, parts, non_pairs)


@dataclass
class Scores:
    found: int
    right: int
    precision: float
    recall_operative: float
    recall_all: float
    class_agreement: float
    missed: list[Link]
    wrong: list[Link]
    misclassed: list[tuple[Link, str, str]]  # link, class found, class judged

    def as_json(self) -> dict[str, Any]:
        return {
            "found": self.found,
            "right": self.right,
            "precision": round(self.precision, 3),
            "recall_operative": round(self.recall_operative, 3),
            "recall_all": round(self.recall_all, 3),
            "class_agreement": round(self.class_agreement, 3),
        }


def judge(found: dict[Link, str], alignment: Alignment) -> Scores:
    """Scores of found pairs (link → class) against the alignment; found pairs between
    versions it does not cover are left out."""
    judged = {
        link: kind
        for link, kind in found.items()
        if all(k[0] in alignment.versions for k in link) and len({k[0] for k in link}) == 2
    }
    right = [link for link in judged if link in alignment.classes]
    gold_operative = [link for link, part in alignment.parts.items() if part == "operative"]
    agree = [link for link in right if judged[link] == alignment.classes[link]]
    return Scores(
        found=len(judged),
        right=len(right),
        precision=len(right) / len(judged) if judged else 0.0,
        recall_operative=(
            sum(1 for link in gold_operative if link in judged) / len(gold_operative)
            if gold_operative
            else 0.0
        ),
        recall_all=len(right) / len(alignment.classes) if alignment.classes else 0.0,
        class_agreement=len(agree) / len(right) if right else 0.0,
        missed=[link for link in alignment.classes if link not in judged],
        wrong=[link for link in judged if link not in alignment.classes],
        misclassed=[
            (link, judged[link], alignment.classes[link])
            for link in right
            if judged[link] != alignment.classes[link]
        ],
    )


def links_of(pairs: list[Any]) -> dict[Link, str]:
    """The detector's pairs as judged links: link → class."""
    return {
        frozenset({
            key_of(p.a.version, p.a.kind, p.a.section_index, p.a.label),
            key_of(p.b.version, p.b.kind, p.b.section_index, p.b.label),
        }): str(p.kind)
        for p in pairs
    }  # fmt: skip


@dataclass
class Strongest:
    """The strongest pairs found, judged: right (a pair of the alignment), wrong (one of
    its non-pairs) and unjudged (neither: the alignment does not say)."""

    count: int
    right: int
    wrong: int
    unjudged: int

    @property
    def precision(self) -> float:
        """Right among all of them: an unjudged pair counts as not right."""
        return self.right / self.count if self.count else 0.0


def strongest(pairs: list[Any], alignment: Alignment, count: int = 30) -> Strongest:
    """The first `count` pairs of operative clauses as the detector ranks them (as
    `itukg overlaps` lists them), judged against an alignment of found pairs."""
    operative = [p for p in pairs if p.a.part == p.b.part == "operative"][:count]
    links = list(links_of(operative))
    right = sum(1 for link in links if link in alignment.classes)
    wrong = sum(1 for link in links if link in alignment.non_pairs)
    return Strongest(len(links), right, wrong, len(links) - right - wrong)
