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
from typing import Any

from itukg.annotate.gazetteer import ACTOR, INSTRUMENT
from itukg.annotate.patterns import CitedItem, same_sentence
from itukg.enums import TextKind
from itukg.model import ExternalCitation, ProvisionCitation, Resolution, ResolutionCitation
from itukg.ontology import Vocabulary

_OWN_BODY = re.compile(
    r"\s*,?\s*(?:of|by|adopted by)\s+(?:this|the present)\s+"
    r"(?:conference|assembly|council|session)\b",
    re.IGNORECASE,
)
_OF_BODY = re.compile(r"\s*,?\s*(?:of|by|adopted by)\s+(?:the\s+)?", re.IGNORECASE)


def _governing_body_at(doc: Any, char: int, vocabulary: Vocabulary) -> str | None:
    for ent in doc.ents:
        if ent.start_char == char and ent.label_ == ACTOR:
            actor = vocabulary.actors.get(ent.ent_id_)
            if actor and "GoverningBody" in actor.classes:
                return actor.id
    return None


def _body_after(
    doc: Any, end: int, citing: Resolution, vocabulary: Vocabulary
) -> tuple[str | None, str]:
    """The body written right after a citation list: 'of WTSA', 'of this conference'."""
    rest = doc.text[end:]
    if _OWN_BODY.match(rest):
        return citing.body_id, "this"
    match = _OF_BODY.match(rest)
    if match:
        return _governing_body_at(doc, end + match.end(), vocabulary), "text"
    return None, ""


def _body_in_sentence(doc: Any, start: int, end: int, vocabulary: Vocabulary) -> str | None:
    """A conference or assembly named in the citation's sentence: the nearest before it,
    or else one in a parenthesis after it."""
    text = doc.text
    before = None
    after = None
    for ent in doc.ents:
        actor = vocabulary.actors.get(ent.ent_id_) if ent.label_ == ACTOR else None
        if not actor or "GoverningBody" not in actor.classes:
            continue
        if ent.end_char <= start and same_sentence(text, ent.end_char, start):
            before = actor.id
        elif (
            ent.start_char >= end
            and after is None
            and same_sentence(text, end, ent.start_char)
            and text[: ent.start_char].rstrip().endswith("(")
        ):
            after = actor.id
    return before or after


def _item_body(
    item: CitedItem, listed: tuple[str | None, str], vocabulary: Vocabulary
) -> tuple[str | None, str]:
    if item.prefix:
        body = vocabulary.body_with_prefix(item.prefix.replace("\u2011", "-"))
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
    doc: Any, span: Any, citing: Resolution, vocabulary: Vocabulary
) -> list[ResolutionCitation]:
    listed = _body_after(doc, span.end_char, citing, vocabulary)
    citations = []
    for item in span._.itukg["items"]:
        body, how = _item_body(item, listed, vocabulary)
        if body is None:
            body = _body_in_sentence(doc, span.start_char, span.end_char, vocabulary)
            how = "sentence"
        if body is None:
            body, how = citing.body_id, "citing"
        place, year = item.place, item.year
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
    found: list[ResolutionCitation] = []
    for span in doc.spans["resolutions"]:
        for citation in _span_citations(doc, span, citing, vocabulary):
            if not _is_self(citation, citing) and citation not in found:
                found.append(citation)
    return found


def citations_of_itself(doc: Any, citing: Resolution, vocabulary: Vocabulary) -> set[int]:
    """Where doc cites the citing resolution itself ('resolves 2 i) of Resolution 18 …')."""
    return {
        span.start_char
        for span in doc.spans["resolutions"]
        if any(_is_self(c, citing) for c in _span_citations(doc, span, citing, vocabulary))
    }


def _is_self(citation: ResolutionCitation, citing: Resolution) -> bool:
    if citation.work_id != citing.work_id:
        return False
    return citation.version_id is None or citation.version_id == citing.id


_RELATING = re.compile(r"\s*\(\s*relating to (?P<sector>[^()]+?)\s*\)", re.IGNORECASE)


def provision_citations(doc: Any, vocabulary: Vocabulary) -> list[ProvisionCitation]:
    """The CS and CV provisions doc cites, one per provision, ranges expanded; a Sector
    written after a group ('Nos. 151-154 (relating to ITU-R)') is kept with each."""
    text = doc.text
    instruments = [e for e in doc.ents if e.label_ == INSTRUMENT]
    found: list[ProvisionCitation] = []
    for span in doc.spans["provisions"]:
        values = span._.itukg
        instrument = None
        for ent in instruments:
            if ent.end_char <= span.start_char and not text[ent.end_char : span.start_char].strip():
                instrument = ent.ent_id_  # "CS No. 119"
        if instrument is None:
            after = [
                e
                for e in instruments
                if e.start_char >= span.end_char
                and same_sentence(text, span.end_char, e.start_char)
            ]
            instrument = after[0].ent_id_ if after else None
        if instrument is None:
            continue
        relating = _RELATING.match(text, span.end_char)
        sector = vocabulary.sector_named(relating.group("sector")) if relating else None
        if relating and sector is None:
            sector = relating.group("sector")  # kept as written: validation reports it
        for number in values["numbers"]:
            citation = ProvisionCitation(
                instrument, number, values["kind"], span.text, sector, values["article"]
            )
            if all(c.id != citation.id for c in found):
                found.append(citation)
    return found


def external_citations(doc: Any) -> list[ExternalCitation]:
    """The UN resolutions, Sector Recommendations and Regulations doc cites, once each."""
    found: list[ExternalCitation] = []
    for span in doc.spans["external"]:
        for item in span._.itukg["items"]:
            citation = ExternalCitation(item.kind, item.identifier, span.text)
            if all(c.id != citation.id for c in found):
                found.append(citation)
    return found
