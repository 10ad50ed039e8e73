"""The gazetteer of the annotator, generated from the ontology's labels.

Every name the pipeline recognises comes from ontology/: actors (preferred and
alternative labels, acronyms), collective labels of classes ("the Directors of the
three Bureaux"), role words ("Director", "Chairs"), topics and the two basic
instruments. Nothing here names a body: adding a label to the Turtle files is enough
for the pipeline to find it.
"""

from __future__ import annotations

from dataclasses import dataclass

from itukg.ontology import Vocabulary

ACTOR = "ACTOR"  # an individual: id is the actor id
GROUP = "GROUP"  # a collective label: id is the class whose members it names
ROLE = "ROLE"  # a role word before 'of': id is the class of its holders
INSTRUMENT = "INSTRUMENT"  # the Constitution or the Convention: id is its acronym
TOPIC = "TOPIC"  # a subject: id is the topic id

ARTICLES = ("the ", "The ")
NUMBER = "#"  # where a number stands in a numbered label ('ITU-T Study Group #')


@dataclass(frozen=True)
class Entry:
    label: str
    id: str
    name: str

    @property
    def exact(self) -> bool:
        """Acronyms and other all-capital names match with their case; other names ignore it."""
        letters = [c for c in self.name if c.isalpha()]
        return bool(letters) and all(c.isupper() for c in letters)


def _without_article(name: str) -> str:
    for article in ARTICLES:
        if name.startswith(article):
            return name[len(article) :]
    return name


def _unique(entries: list[Entry]) -> list[Entry]:
    seen: set[tuple[str, str, str]] = set()
    kept = []
    for entry in entries:
        key = (entry.label, entry.id, entry.name if entry.exact else entry.name.casefold())
        if entry.name.strip() and key not in seen:
            seen.add(key)
            kept.append(entry)
    return kept


def entity_entries(vocabulary: Vocabulary) -> list[Entry]:
    """Names of actors, collective labels, role words and instruments."""
    entries: list[Entry] = []
    for actor in vocabulary.actors.values():
        entries.extend(Entry(ACTOR, actor.id, _without_article(n)) for n in actor.names)
        entries.extend(Entry(ACTOR, actor.id, n) for n in actor.numbered_labels)
    for cls, labels in vocabulary.collective_labels.items():
        entries.extend(Entry(GROUP, cls, _without_article(n)) for n in labels)
    for cls, words in vocabulary.roles.items():
        entries.extend(Entry(ROLE, cls, w) for w in words)
    for instrument in vocabulary.instruments.values():
        names = (*instrument.names, instrument.acronym)
        entries.extend(Entry(INSTRUMENT, instrument.acronym, _without_article(n)) for n in names)
    return _unique(entries)


def topic_entries(vocabulary: Vocabulary) -> list[Entry]:
    """Names of topics (they may overlap actor names, so they go to a span group of their own)."""
    return _unique([Entry(TOPIC, t.id, n) for t in vocabulary.topics.values() for n in t.names])
