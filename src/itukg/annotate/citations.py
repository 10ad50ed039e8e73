"""Turn the citation spans the pipeline found into citations of the document model.

A resolution citation gets its body from, in order: the Sector prefix of its number
(ITU-R 75), a session acronym in its revision (Rev. WRC-19), the words after it
("of the Radiocommunication Assembly", "of WTSA", "of this conference"), the place
and year of its revision when only one session was held there then (Rev. Kigali,
2022), a conference or assembly named in the same sentence, or else the citing
resolution's own body. A provision group takes the instrument named after it in the
same sentence ("Nos. 211 and 214 … and No. 215 of the Convention") or just before it
("CS No. 119").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import astuple
from typing import Any

from itukg.annotate.gazetteer import ACTOR, INSTRUMENT
from itukg.annotate.patterns import CitedItem, same_sentence
from itukg.enums import TextKind
from itukg.model import ExternalCitation, ProvisionCitation, Resolution, ResolutionCitation
from itukg.ontology import Vocabulary
from itukg.parse.residue import merged_revision

_OWN_BODY = re.compile(
    r"\s*,?\s*(?:of|by|adopted by)\s+(?:this|the present)\s+"
    r"(?:conference|assembly|council|session)\b",
    re.IGNORECASE,
)
_OF_BODY = re.compile(r"\s*,?\s*(?:of|by|adopted by)\s+(?:the\s+)?", re.IGNORECASE)
# a region's word before a conference's name ('the African Regional …'), at most two
_REGION_WORD = re.compile(r"[A-Z][a-z]+\s+(?=[A-Z])")
# another kind's list sharing the body written after it
_JOINED_LIST = re.compile(
    r"\s+and\s+(?:Resolution|Recommendation|Decision)s?\s+\d{1,4}(?:\s*(?:,|and)\s*\d{1,4})*"
)
_SESSION_AFTER = re.compile(r"\s*\((?P<place>[A-Z][^(),\d]{1,40}?),\s*(?P<year>\d{4})\)")


class _Bodies:
    """The governing bodies doc names, by position: read once per doc, since spaCy
    rebuilds doc.ents on each access and a scan per citation is quadratic."""

    def __init__(self, doc: Any, vocabulary: Vocabulary) -> None:
        self.text = text = doc.text
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.ids: list[str] = []
        self.opened: list[tuple[int, str]] = []  # those right after a '('
        for ent in doc.ents:  # sorted and without overlaps
            actor = vocabulary.actors.get(ent.ent_id_) if ent.label_ == ACTOR else None
            if not actor or "GoverningBody" not in actor.classes:
                continue
            self.starts.append(ent.start_char)
            self.ends.append(ent.end_char)
            self.ids.append(actor.id)
            at = ent.start_char
            while at and text[at - 1].isspace():
                at -= 1
            if at and text[at - 1] == "(":
                self.opened.append((ent.start_char, actor.id))

    def at(self, char: int) -> str | None:
        index = bisect_left(self.starts, char)
        if index < len(self.starts) and self.starts[index] == char:
            return self.ids[index]
        return None

    def dated_at(self, char: int) -> tuple[str, int] | None:
        """The '(Place, year)' right after the body named at char: 'Resolution 19 of the
        World Telecommunication Development Conference (Valletta, 1998)'."""
        index = bisect_left(self.starts, char)
        if index >= len(self.starts) or self.starts[index] != char:
            return None
        m = _SESSION_AFTER.match(self.text, self.ends[index])
        return (m.group("place"), int(m.group("year"))) if m else None

    def in_sentence(self, start: int, end: int) -> str | None:
        """A conference or assembly named in the citation's sentence: the nearest before
        it, or else one in a parenthesis after it. Only the nearest of each is tried: a
        farther one is in the same sentence only if the nearer one is."""
        index = bisect_right(self.ends, start) - 1
        if index >= 0 and same_sentence(self.text, self.ends[index], start):
            return self.ids[index]
        index = bisect_left(self.opened, (end, ""))
        if index < len(self.opened):
            char, body = self.opened[index]
            if same_sentence(self.text, end, char):
                return body
        return None


# a conference's acronym run into the citation after it, its space lost: 'WTSAResolution'
_GLUED_ACRONYM = re.compile(r"([A-Z]{2,6})(?=Resolution|Decision|Recommendation|Opinion)")


def _body_after(end: int, citing: Resolution, bodies: _Bodies) -> tuple[str | None, str]:
    """The body written right after a citation list: 'of WTSA', 'of this conference'."""
    text = bodies.text  # doc.text joins every token again on each access
    if _OWN_BODY.match(text, end):
        return citing.body_id, "this"
    match = _OF_BODY.match(text, end)
    if match:
        body = bodies.at(match.end())
        at = match.end()
        for _ in range(2):  # 'of the African Regional Telecommunication Development …'
            word = _REGION_WORD.match(text, at) if body is None else None
            if word is None:
                break
            at = word.end()
            body = bodies.at(at)
        return body, "text"
    joined = _JOINED_LIST.match(text, end)
    if joined:  # 'Resolutions 3 and 8 and Recommendations 3 and 4 of AR-RTDC-96': one body
        return _body_after(joined.end(), citing, bodies)
    return None, ""


def _item_body(
    item: CitedItem, listed: tuple[str | None, str], vocabulary: Vocabulary
) -> tuple[str | None, str]:
    if item.prefix:
        prefix = item.prefix.replace("\u2011", "-")
        # 'Resolution ITU-R 75' is the RA's; 'Resolution ITU-T 7', rarer, its Sector's assembly
        body = vocabulary.body_with_prefix(prefix) or vocabulary.world_body_of_sector(prefix)
        if body:
            return body.id, "prefix"
    if item.session:
        session = vocabulary.session_named(item.session)
        if session:
            return session.body, "session"
    if item.paren:
        named = vocabulary.governing_body_named(item.paren)
        if named:
            return named.id, "text"
    if listed[0]:
        return listed
    if item.place and item.year:
        sessions = vocabulary.sessions_at(item.place, item.year)
        if len(sessions) == 1:
            return sessions[0].body, "session"
    return None, ""


def _span_citations(
    doc: Any, span: Any, citing: Resolution, vocabulary: Vocabulary, bodies: _Bodies
) -> list[ResolutionCitation]:
    listed = _body_after(span.end_char, citing, bodies)
    if listed[0] is None and (glued := _GLUED_ACRONYM.match(span.text)):
        actor = vocabulary.actor_by_acronym(glued.group(1))  # 'WTSAResolution 64'
        if actor is not None and "GoverningBody" in actor.classes:
            listed = actor.id, "text"
    citations = []
    in_sentence: list[str | None] = []  # looked up once per span, when an item needs it
    for item in span._.itukg["items"]:
        body, how = _item_body(item, listed, vocabulary)
        if body is None:
            if not in_sentence:
                in_sentence.append(bodies.in_sentence(span.start_char, span.end_char))
            body = in_sentence[0]
            how = "sentence"
        if body is None:
            body, how = citing.body_id, "citing"
        place, year = item.place, item.year
        of = _OF_BODY.match(bodies.text, span.end_char) if not year and how == "text" else None
        if of and (dated := bodies.dated_at(of.end())):  # '… of WTDC (Valletta, 1998)'
            place, year = dated
        merged = merged_revision(item.paren, vocabulary.sessions) if item.paren else None
        if not year and merged:
            place, year = merged[-1]  # tracked changes run together: the newer revision
        if item.session and not year:
            session = vocabulary.session_named(item.session)
            if session:
                place, year = session.place, session.year
        citations.append(
            ResolutionCitation(
                body=body,
                number=item.number,
                revision_place=vocabulary.canonical_place(place) if place else None,
                revision_year=year,
                text=span.text,
                body_from=how,
                kind=TextKind(item.kind),
            )
        )
    return citations


def resolution_citations(
    doc: Any, citing: Resolution, vocabulary: Vocabulary
) -> list[ResolutionCitation]:
    """The resolutions doc cites, without the citing resolution itself."""
    bodies = _Bodies(doc, vocabulary)
    found: list[ResolutionCitation] = []
    seen: set[tuple[Any, ...]] = set()
    for span in doc.spans["resolutions"]:
        for citation in _span_citations(doc, span, citing, vocabulary, bodies):
            key = astuple(citation)  # the fields == compares
            if not _is_self(citation, citing) and key not in seen:
                seen.add(key)
                found.append(citation)
    return found


def citations_of_itself(doc: Any, citing: Resolution, vocabulary: Vocabulary) -> set[int]:
    """Where doc cites the citing resolution itself ('resolves 2 i) of Resolution 18 …')."""
    bodies = _Bodies(doc, vocabulary)
    return {
        span.start_char
        for span in doc.spans["resolutions"]
        if any(_is_self(c, citing) for c in _span_citations(doc, span, citing, vocabulary, bodies))
    }


def _is_self(citation: ResolutionCitation, citing: Resolution) -> bool:
    if citation.work_id != citing.work_id:
        return False
    return citation.version_id is None or citation.version_id == citing.id


_NON_SPACE = re.compile(r"\S")  # what str.strip() keeps
_RELATING = re.compile(r"\s*\(\s*relating to (?P<sector>[^()]+?)\s*\)", re.IGNORECASE)


def provision_citations(doc: Any, vocabulary: Vocabulary) -> list[ProvisionCitation]:
    """The CS and CV provisions doc cites, one per provision, ranges expanded; a Sector
    written after a group ('Nos. 151-154 (relating to ITU-R)') is kept with each."""
    text = doc.text
    instruments = [
        (e.start_char, e.end_char, e.ent_id_) for e in doc.ents if e.label_ == INSTRUMENT
    ]
    starts = [start for start, _, _ in instruments]
    ends = [end for _, end, _ in instruments]  # sorted too: ents do not overlap
    found: list[ProvisionCitation] = []
    seen: set[str] = set()
    for span in doc.spans["provisions"]:
        values = span._.itukg
        instrument = None
        # only the nearest instrument can be next to the span or first after it in its sentence
        index = bisect_right(ends, span.start_char) - 1
        if index >= 0 and not _NON_SPACE.search(text, ends[index], span.start_char):
            instrument = instruments[index][2]  # "CS No. 119"
        if instrument is None:
            index = bisect_left(starts, span.end_char)
            if index < len(instruments) and same_sentence(text, span.end_char, starts[index]):
                instrument = instruments[index][2]
        if instrument is None and found:
            # 'Articles 11 and 14 of the ITU Convention …, and in particular Nos 159 and
            # 196': numbers go on the instrument of the provisions just cited before them
            last = bisect_right(ends, span.start_char) - 1
            before = instruments[last] if last >= 0 else None
            if (
                before is not None
                and found[-1].instrument == before[2]
                and same_sentence(text, before[1], span.start_char)
            ):
                instrument = before[2]
        if instrument is None:
            continue
        relating = _RELATING.match(text, span.end_char)
        sector = vocabulary.sector_named(relating.group("sector")) if relating else None
        if relating and sector is None:
            sector = relating.group("sector")  # kept as written: validation reports it
        written = span.text
        for number in values["numbers"]:  # ranges come bounded by patterns.MAX_RANGE
            citation = ProvisionCitation(
                instrument, number, values["kind"], written, sector, values["article"]
            )
            if citation.id not in seen:
                seen.add(citation.id)
                found.append(citation)
    return found


def external_citations(doc: Any) -> list[ExternalCitation]:
    """The UN resolutions, Sector Recommendations and Regulations doc cites, once each."""
    found: list[ExternalCitation] = []
    seen: set[str] = set()
    for span in doc.spans["external"]:
        for item in span._.itukg["items"]:
            citation = ExternalCitation(item.kind, item.identifier, span.text)
            if citation.id not in seen:
                seen.add(citation.id)
                found.append(citation)
    return found
