"""Put back together the words that a rendering cut with a space ('the wo rk of ITU',
'Study Gr oup 16', 'recogni zed').

Some web renderings of ITU PDFs break words where the PDF's runs of letters ended, so a
copied page has spaces inside words: headings are not recognised, names are not found and
the text compares badly with other texts. No dictionary is needed to undo it: the text
itself, with the names and heading words of the ontology, says which words exist. Two
pieces are joined when together they make a word the text or the ontology uses and at
least one of them is no word of either; a text is only touched when it shows the damage
several times, so that a clean text never has two words run together by chance.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from itukg.ontology import Vocabulary
from itukg.read.text import Line

_WORD = re.compile(r"[A-Za-z]+")
# two runs of letters with one space between them, the second in small letters (a capital
# starts a word of its own): 'wo rk', 'Gr oup', 'a nd'
_PIECES = re.compile(r"(?<![A-Za-z\-])([A-Za-z]+) ([a-z]+)(?![A-Za-z\-])")
MIN_CUTS = 3  # pieces found before a text is taken to have its words cut
KNOWN_COUNT = 3  # how often a word must occur in the text to be taken as one without the ontology


def ontology_words(vocabulary: Vocabulary) -> frozenset[str]:
    """The words (case folded) of every name and heading word of the ontology."""
    names: list[str] = []
    for actor in vocabulary.actors.values():
        names.extend((actor.label, *actor.alt_labels, *actor.numbered_labels))
    for kind in vocabulary.section_kinds.values():
        names.extend((kind.label, *kind.alt_labels, kind.infinitive or ""))
    names.extend(vocabulary.heading_modifiers)
    for labels in vocabulary.collective_labels.values():
        names.extend(labels)
    return frozenset(w.casefold() for name in names for w in _WORD.findall(name))


def rejoin_cut_words(lines: list[Line], known: Iterable[str]) -> list[Line]:
    """The lines with the words a rendering cut with a space joined again (see the module);
    unchanged when the text does not show that damage."""
    counts = Counter(w.casefold() for line in lines for w in _WORD.findall(line.text))
    ontology = frozenset(known)

    def word(text: str) -> bool:
        folded = text.casefold()
        return folded in ontology or counts[folded] >= KNOWN_COUNT

    def joined(m: re.Match[str]) -> str:
        first, second = m.group(1), m.group(2)
        whole = (first + second).casefold()
        if (whole in ontology or counts[whole] > 0) and not (word(first) and word(second)):
            return first + second
        return m.group(0)

    cut = sum(1 for line in lines for m in _PIECES.finditer(line.text) if joined(m) != m.group(0))
    if cut < MIN_CUTS:
        return lines
    return [replace(line, text=_PIECES.sub(joined, line.text)) for line in lines]
