"""What differs between parallel texts by design, made equal before they are compared.

A PP resolution asks "the three Sectors" what the ITU-T text asks "ITU-T"; the WTDC
text says "TDAG" where the RA text says "RAG", "this conference" where the other says
"this assembly", and every text cites its own revision year. Those differences say
nothing about whether two clauses carry the same mandate, so each is replaced by the
name of its kind ("sector", "advisory group", "director" …) before the words are
weighed. The names come from the ontology (the gazetteer the annotator uses); only the
kinds' replacement words are written here. Each replacement applied is kept as evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# ontology class (or Sector) → the word that stands for any of its members
KIND_WORDS = {
    "Sector": "sector",
    "AdvisoryGroup": "advisory group",
    "Director": "director",
    "Bureau": "bureau",
    "StudyGroups": "study groups",
    "Chairs": "study group chairs",
    "Conference": "conference",
    "Assembly": "conference",
}
_CONFERENCE_SELF = re.compile(
    r"\b(?:this|the present|the next|the last|its next|their next)\s+"
    r"(?:conference|assembly|plenipotentiary conference)\b",
    re.IGNORECASE,
)
# the Bureaux or Sectors named together by their adjectives, the noun once at the end:
# 'the Radiocommunication, Telecommunication Standardization and Telecommunication
# Development Bureaux', as other texts write 'the Radiocommunication Bureau, TSB and BDT'
_SECTOR_ADJECTIVE = (
    r"(?:Radiocommunication|Telecommunication\s+Standardization|Telecommunication\s+Development)"
)
_COORDINATED = re.compile(
    rf"\b{_SECTOR_ADJECTIVE}(?:\s*,\s*{_SECTOR_ADJECTIVE})*\s*,?\s+and\s+(?:the\s+)?"
    rf"{_SECTOR_ADJECTIVE}\s+(?P<noun>Bureaux|Sectors)\b"
)
_REVISION = re.compile(r"\((?:Rev\.\s*)?[A-Z][\w.\-' ]{0,40},\s*(?:19|20)\d\d\)")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# a footnote that a conversion left in the clause: the rule of underscores and its text
_FOOTNOTE = re.compile(r"\s_{5,}\s.*", re.DOTALL)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Normalised:
    text: str
    replaced: tuple[tuple[str, str], ...]  # (kind of difference, the words replaced)

    @property
    def applied(self) -> tuple[str, ...]:
        """The kinds of difference made equal: 'sector', 'year', …"""
        return tuple(sorted({kind for kind, _ in self.replaced}))

    def differences(self, other: Normalised) -> list[str]:
        """The kinds whose words differ between two texts: what was made equal."""
        kinds = {kind for kind, _ in self.replaced} | {kind for kind, _ in other.replaced}

        def words(of: Normalised, kind: str) -> set[str]:
            return {w.casefold() for k, w in of.replaced if k == kind}

        return sorted(k for k in kinds if words(self, k) != words(other, k))


class Normaliser:
    """Replaces Sector-specific names, revision places and years, and self-references."""

    def __init__(self, names: dict[str, str]):
        self.names = names  # surface form (case-folded) → kind word
        alternatives = sorted(names, key=len, reverse=True)
        self._pattern = (
            re.compile(
                r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in alternatives) + r")(?![\w-])",
                re.IGNORECASE,
            )
            if alternatives
            else None
        )

    def __call__(self, text: str) -> Normalised:
        replaced: list[tuple[str, str]] = []

        def swap(kind: str, word: str) -> Any:
            def replace(match: re.Match[str]) -> str:
                replaced.append((kind, match.group(0)))
                return word

            return replace

        def kind_of(match: re.Match[str]) -> str:
            word = self.names[match.group(0).casefold()]
            replaced.append((word, match.group(0)))
            return word

        def coordinated(match: re.Match[str]) -> str:
            kind = "bureau" if match.group("noun") == "Bureaux" else "sector"
            replaced.append((kind, match.group(0)))
            members = len(re.findall(_SECTOR_ADJECTIVE, match.group(0)))
            return ", ".join([kind] * (members - 1)) + f" and {kind}"

        out = _FOOTNOTE.sub(swap("footnote", " "), text)
        out = _COORDINATED.sub(coordinated, out)
        out = _REVISION.sub(swap("revision", "(revision)"), out)
        out = _CONFERENCE_SELF.sub(swap("conference", "the conference"), out)
        if self._pattern is not None:
            out = self._pattern.sub(kind_of, out)
        out = _YEAR.sub(swap("year", " "), out)
        return Normalised(_SPACES.sub(" ", out).strip(), tuple(replaced))


@lru_cache(maxsize=1)
def default_normaliser() -> Normaliser:
    """The normaliser for the ontology's names: Sectors, Bureaux, Directors, advisory
    groups, study groups and their chairs, conferences and assemblies."""
    from itukg.ontology import load_vocabulary

    vocabulary = load_vocabulary()
    names: dict[str, str] = {}
    for labels in vocabulary.sectors.values():
        if labels and labels[0] == "GS":
            continue  # the General Secretariat is not one Sector among three
        for label in labels:
            names[label.casefold()] = KIND_WORDS["Sector"]
    for session in vocabulary.sessions:
        names[session.name.casefold()] = KIND_WORDS["Conference"]
    for cls, word in KIND_WORDS.items():
        if cls == "Sector":
            continue
        for actor in vocabulary.actors_of_class(cls):
            for name in actor.names:
                names.setdefault(name.casefold(), word)
    return Normaliser(names)
