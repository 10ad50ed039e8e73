"""Access to ontology/: the single source of names.

Every label the parser and the annotator match (bodies, officials, conferences and
their sessions, heading words, topics) is read from the Turtle files of ontology/,
never written into Python. This module loads them once and exposes them as plain
records.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from itukg.enums import Part
from itukg.namespaces import BODY, ITU, SECTION_KIND, SECTOR, SESSION, TOPIC, local_name

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
_SKOS = "http://www.w3.org/2004/02/skos/core#"


def _package_dir(name: str) -> Path:
    """A data folder shipped with the package, or the repository's folder when run from source."""
    here = Path(__file__).resolve().parent
    for candidate in (here / f"_{name}", here.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"cannot find the {name}/ folder next to the itukg package")


def sector_prefix(prefix: str | None) -> str | None:
    """'ITUT' → 'ITU-T': a Sector's prefix as ITU writes it, whether or not a copy kept its
    hyphen (the title reader and the citation finder both meet it)."""
    return f"ITU-{prefix[3]}" if prefix and re.fullmatch("ITU[RTD]", prefix) else prefix


def ontology_dir() -> Path:
    """The folder of ontology Turtle files (ITUKG_ONTOLOGY overrides it)."""
    override = os.environ.get("ITUKG_ONTOLOGY")
    return Path(override) if override else _package_dir("ontology")


def queries_dir() -> Path:
    """The folder of the SPARQL question library (ITUKG_QUERIES overrides it)."""
    override = os.environ.get("ITUKG_QUERIES")
    return Path(override) if override else _package_dir("queries")


def ontology_files(directory: Path | None = None) -> list[Path]:
    """The Turtle files of the ontology proper (shapes live apart, under shapes/)."""
    return sorted((directory or ontology_dir()).glob("*.ttl"))


@lru_cache(maxsize=4)
def ontology_ntriples(directory: Path | None = None) -> str:
    """All ontology files as one N-Triples text, for loading into a store."""
    return _load_graph(directory or ontology_dir()).serialize(format="nt")


def _load_graph(directory: Path):  # -> rdflib.Graph, imported lazily to keep start-up fast
    import rdflib

    graph = rdflib.Graph()
    for path in ontology_files(directory):
        graph.parse(path, format="turtle")
    return graph


@dataclass(frozen=True)
class Actor:
    """A body, official or membership category that texts name, or a Sector of the Union
    addressed as a whole (its iri is then the Sector's)."""

    id: str
    iri: str
    label: str
    alt_labels: tuple[str, ...]
    acronyms: tuple[str, ...]
    classes: tuple[str, ...]
    sectors: tuple[str, ...]
    head_of: tuple[str, ...] = ()  # the bodies an official heads
    resolution_prefixes: tuple[str, ...] = ()  # 'ITU-R' for the Radiocommunication Assembly
    numbered_labels: tuple[str, ...] = ()  # 'ITU-T Study Group #': '#' stands for a number

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.alt_labels, *self.acronyms)


@dataclass(frozen=True)
class Topic:
    """A subject of mandates: a SKOS concept with the phrasings texts use."""

    id: str
    iri: str
    label: str
    alt_labels: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.alt_labels)


@dataclass(frozen=True)
class Instrument:
    """The Constitution (CS) or the Convention (CV): the instruments whose provisions texts cite."""

    id: str  # local name in the ontology namespace: Constitution, Convention
    acronym: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class NamedInstrument:
    """An instrument outside the Union that texts cite by its name (the Charter of the
    United Nations, the Tunis Agenda): its names, its kind and its identifier."""

    kind: str
    identifier: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class SectionKind:
    """A heading word: its labels, the part of the resolution it opens, its infinitive."""

    id: str
    label: str
    alt_labels: tuple[str, ...]
    part: Part
    infinitive: str | None


@dataclass(frozen=True)
class Session:
    """One session of a conference or assembly."""

    id: str
    body: str
    name: str
    place: str
    year: int


@dataclass
class Vocabulary:
    """The names of the ontology, indexed for the parser and the annotator."""

    actors: dict[str, Actor]
    section_kinds: dict[str, SectionKind]
    heading_modifiers: tuple[str, ...]
    sessions: tuple[Session, ...]
    collective_labels: dict[str, tuple[str, ...]]  # class local name → plural phrases
    subclasses: dict[str, tuple[str, ...]] = field(default_factory=dict)  # class → all sub-classes
    roles: dict[str, tuple[str, ...]] = field(default_factory=dict)  # class → role words
    topics: dict[str, Topic] = field(default_factory=dict)
    instruments: dict[str, Instrument] = field(default_factory=dict)
    sectors: dict[str, tuple[str, ...]] = field(default_factory=dict)  # id → acronym, labels
    named_instruments: tuple[NamedInstrument, ...] = ()

    def sector_named(self, text: str) -> str | None:
        """The Sector a name or acronym designates ('ITU-R', 'Radiocommunication Sector')."""
        wanted = re.sub(r"\s+", " ", text.replace("\u2011", "-")).strip().casefold()
        for sector, names in self.sectors.items():
            if any(n.casefold() == wanted for n in names):
                return sector
        return None

    def actors_of_class(self, cls: str) -> list[Actor]:
        """Actors typed with cls or one of its sub-classes."""
        wanted = {cls, *self.subclasses.get(cls, ())}
        return [a for a in self.actors.values() if wanted.intersection(a.classes)]

    def world_body_of_sector(self, prefix: str) -> Actor | None:
        """The Sector's world assembly or conference ('ITU-D' → WTDC), not a regional one."""
        sector = prefix.lower()
        for cls in ("Assembly", "Conference"):
            found = [a for a in self.actors_of_class(cls) if sector in a.sectors]
            found.sort(key=lambda actor: "regional" in actor.label.casefold())
            if found:
                return found[0]
        return None

    def governing_bodies(self) -> list[Actor]:
        return self.actors_of_class("GoverningBody")

    def governing_body_named(self, text: str) -> Actor | None:
        """The conference, assembly or Council whose longest name occurs in text."""
        best: tuple[int, Actor] | None = None
        for actor in self.governing_bodies():
            for name in actor.names:
                if len(name) < 2:
                    continue
                if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) and (
                    best is None or len(name) > best[0]
                ):
                    best = (len(name), actor)
        return best[1] if best else None

    def acronym_of(self, actor_id: str) -> str:
        actor = self.actors[actor_id]
        return actor.acronyms[0] if actor.acronyms else actor.label

    def actor_by_acronym(self, acronym: str) -> Actor | None:
        """The body an acronym names ('WRC', 'TSAG'); a Sector's acronym names no body."""
        for actor in self.actors.values():
            if acronym in actor.acronyms and actor.iri.startswith(BODY):
                return actor
        return None

    def session(self, body: str, year: int) -> Session | None:
        for session in self.sessions:
            if session.body == body and session.year == year:
                return session
        return None

    def sessions_at(self, place: str, year: int) -> list[Session]:
        """The sessions held at a place in a year (the place compared without case)."""
        wanted = re.sub(r"\s+", " ", place).strip().casefold()
        return [s for s in self.sessions if s.year == year and s.place.casefold() == wanted]

    def session_named(self, acronym: str) -> Session | None:
        """The session an acronym such as 'WRC-19' names."""
        wanted = acronym.replace("\u2011", "-").upper()
        return next((s for s in self.sessions if s.name.upper() == wanted), None)

    def body_with_prefix(self, prefix: str) -> Actor | None:
        """The body whose resolution numbers carry a Sector prefix, such as ITU-R."""
        return next((a for a in self.actors.values() if prefix in a.resolution_prefixes), None)

    def canonical_place(self, place: str) -> str:
        """The ontology's spelling of a place ('SHARM EL-SHEIKH' → 'Sharm el-Sheikh')."""
        wanted = re.sub(r"\s+", " ", place).strip().casefold()
        for session in self.sessions:
            if session.place.casefold() == wanted:
                return session.place
        words = re.sub(r"\s+", " ", place).strip().split(" ")
        return " ".join(w if any(c.isupper() for c in w[1:]) else w.capitalize() for w in words)


def _str_values(graph, subject, predicate: str) -> list[str]:
    import rdflib

    return sorted(str(o) for o in graph.objects(subject, rdflib.URIRef(predicate)))


@lru_cache(maxsize=4)
def load_vocabulary(directory: Path | None = None) -> Vocabulary:
    """Read the names of the ontology (cached: the files are read once per process)."""
    import rdflib

    from itukg.vocabulary import ITU as ITU_TERMS  # lazy, as it imports rdflib

    graph = _load_graph(directory or ontology_dir())
    rdf_type = rdflib.URIRef(_RDF_TYPE)

    subclass_of: dict[str, set[str]] = {}
    for sub, sup in graph.subject_objects(rdflib.URIRef(_SUBCLASS)):
        if str(sub).startswith(ITU) and str(sup).startswith(ITU):
            subclass_of.setdefault(local_name(str(sub)), set()).add(local_name(str(sup)))

    def ancestors(cls: str) -> set[str]:
        seen: set[str] = set()
        todo = [cls]
        while todo:
            for sup in subclass_of.get(todo.pop(), ()):
                if sup not in seen:
                    seen.add(sup)
                    todo.append(sup)
        return seen

    descendants: dict[str, set[str]] = {}
    for cls in subclass_of:
        for sup in ancestors(cls):
            descendants.setdefault(sup, set()).add(cls)

    actors: dict[str, Actor] = {}
    topics: dict[str, Topic] = {}
    instruments: dict[str, Instrument] = {}
    sectors: dict[str, tuple[str, ...]] = {}
    kinds: dict[str, SectionKind] = {}
    sessions: list[Session] = []
    named: list[NamedInstrument] = []
    for subject in set(graph.subjects(rdf_type, None)):
        iri = str(subject)
        types = [
            local_name(str(t)) for t in graph.objects(subject, rdf_type) if str(t).startswith(ITU)
        ]
        pref = _str_values(graph, subject, _SKOS + "prefLabel")
        if iri.startswith(BODY):
            actors[local_name(iri)] = Actor(
                id=local_name(iri),
                iri=iri,
                label=pref[0] if pref else local_name(iri),
                alt_labels=tuple(_str_values(graph, subject, _SKOS + "altLabel")),
                acronyms=tuple(_str_values(graph, subject, ITU_TERMS.acronym)),
                classes=tuple(sorted({c for t in types for c in (t, *ancestors(t))})),
                sectors=tuple(
                    local_name(s) for s in _str_values(graph, subject, ITU_TERMS.belongsToSector)
                ),
                head_of=tuple(local_name(b) for b in _str_values(graph, subject, ITU_TERMS.headOf)),
                resolution_prefixes=tuple(_str_values(graph, subject, ITU_TERMS.resolutionPrefix)),
                numbered_labels=tuple(_str_values(graph, subject, ITU_TERMS.numberedLabel)),
            )
        elif iri.startswith(TOPIC) and "Concept" in {
            local_name(str(t)) for t in graph.objects(subject, rdf_type)
        }:
            topics[local_name(iri)] = Topic(
                id=local_name(iri),
                iri=iri,
                label=pref[0] if pref else local_name(iri),
                alt_labels=tuple(_str_values(graph, subject, _SKOS + "altLabel")),
            )
        elif iri.startswith(SECTOR):
            acronyms = _str_values(graph, subject, ITU_TERMS.acronym)
            alt = _str_values(graph, subject, _SKOS + "altLabel")
            sectors[local_name(iri)] = tuple(acronyms + pref + alt)
            if "UnionSector" in types:  # addressed as a whole: an addressee like the bodies
                actors[local_name(iri)] = Actor(
                    id=local_name(iri),
                    iri=iri,
                    label=pref[0] if pref else local_name(iri),
                    alt_labels=tuple(alt),
                    acronyms=tuple(acronyms),
                    classes=tuple(sorted({c for t in types for c in (t, *ancestors(t))})),
                    sectors=(local_name(iri),),
                )
        elif "ExternalInstrument" in types:
            named.append(
                NamedInstrument(
                    kind=_str_values(graph, subject, ITU_TERMS.instrumentKind)[0],
                    identifier=_str_values(graph, subject, ITU_TERMS.identifier)[0],
                    names=tuple(pref + _str_values(graph, subject, _SKOS + "altLabel")),
                )
            )
        elif "LegalInstrument" in types:
            acronyms = _str_values(graph, subject, ITU_TERMS.acronym)
            instruments[local_name(iri)] = Instrument(
                id=local_name(iri),
                acronym=acronyms[0] if acronyms else local_name(iri),
                names=tuple(pref + _str_values(graph, subject, _SKOS + "altLabel")),
            )
        elif iri.startswith(SECTION_KIND):
            parts = _str_values(graph, subject, ITU_TERMS.part)
            infinitive = _str_values(graph, subject, ITU_TERMS.infinitive)
            kinds[local_name(iri)] = SectionKind(
                id=local_name(iri),
                label=pref[0],
                alt_labels=tuple(_str_values(graph, subject, _SKOS + "altLabel")),
                part=Part.OPERATIVE if parts and parts[0].endswith("Operative") else Part.PREAMBLE,
                infinitive=infinitive[0] if infinitive else None,
            )
        elif iri.startswith(SESSION):
            body = _str_values(graph, subject, ITU_TERMS.sessionOf)
            sessions.append(
                Session(
                    id=local_name(iri),
                    body=local_name(body[0]),
                    name=_str_values(graph, subject, ITU_TERMS.acronym)[0],
                    place=_str_values(graph, subject, ITU_TERMS.place)[0],
                    year=int(_str_values(graph, subject, ITU_TERMS.year)[0]),
                )
            )

    collective: dict[str, tuple[str, ...]] = {}
    for cls in set(graph.subjects(ITU_TERMS.collectiveLabel, None)):
        collective[local_name(str(cls))] = tuple(_str_values(graph, cls, ITU_TERMS.collectiveLabel))
    roles: dict[str, tuple[str, ...]] = {}
    for cls in set(graph.subjects(ITU_TERMS.roleLabel, None)):
        roles[local_name(str(cls))] = tuple(_str_values(graph, cls, ITU_TERMS.roleLabel))
    modifiers = tuple(_str_values(graph, ITU_TERMS.SectionKind, ITU_TERMS.modifier))

    return Vocabulary(
        actors=actors,
        section_kinds=kinds,
        heading_modifiers=modifiers,
        sessions=tuple(sorted(sessions, key=lambda s: (s.body, s.year))),
        collective_labels=collective,
        subclasses={k: tuple(sorted(v)) for k, v in descendants.items()},
        roles=roles,
        topics=topics,
        instruments=instruments,
        sectors=sectors,
        named_instruments=tuple(sorted(named, key=lambda n: n.identifier)),
    )
