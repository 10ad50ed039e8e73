"""Resolve a phrase that names actors ("the Directors of the Radiocommunication,
Telecommunication Standardization and Telecommunication Development Bureaux and
ISC-TF") to ontology individuals, from the entities the pipeline found in it.

The phrase is cut into conjuncts at commas and 'and'/'or' outside names and
parentheses. Each conjunct names an actor, a class of actors by a collective label,
an office by a role word ("Director(s) of …", resolved through itu:headOf), or only
the modifier of a head noun that a later conjunct carries in the plural
("Radiocommunication, … Bureaux"). A plural role word distributes over the conjuncts
that follow it while they name bodies such officials head.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from itukg.annotate.gazetteer import ACTOR, GROUP, ROLE
from itukg.model import ActorRef
from itukg.ontology import Actor, Vocabulary

# Words that join the names of a list, and words that qualify a name without naming.
_JOINERS = {",", ";", "and", "or", "and/or", "/", "as well as", "&"}
_QUALIFIERS = {
    "the", "all", "relevant", "respective", "its", "their", "each", "any", "both", "other",
    "three", "two", "concerned", "involved", "of", "itu", "appropriate", "several",
}  # fmt: skip
# Words that open an adjunct: a name after them is a means or a place, not an addressee
# ("…, including through ISCG, shall …").
PREPOSITIONS = {
    "at", "to", "on", "in", "for", "with", "by", "through", "between", "among", "within",
    "into", "from", "under", "across", "via", "including", "upon", "during", "after",
    "before", "without", "towards", "toward", "than", "until", "like", "such",
}  # fmt: skip
# Words after a Sector's name that leave it the subject of a clause ("ITU-T shall …");
# any other word makes the name a modifier ("ITU-T Recommendations", "ITU-D programmes").
_SUBJECT_FOLLOWERS = {
    "shall", "should", "will", "would", "may", "might", "must", "can", "could", "is", "are",
    "be", "has", "have", "was", "were", "continue", "continues", "also",
}  # fmt: skip
_AFTER_A_NAME = _JOINERS | PREPOSITIONS | _SUBJECT_FOLLOWERS
COLLABORATION = re.compile(
    r"\b(?:in (?:close )?(?:collaboration|cooperation|coordination|consultation|liaison) with"
    r"|together with|assisted by|with the (?:assistance|support|help) of|supported by)\b",
    re.IGNORECASE,
)


@dataclass
class Context:
    """What the phrase's resolution knows of where it is written.

    sector is the Sector of the enacting body when it has one; restrict says whether a
    collective name must be read within that Sector (a Sector assembly instructs only
    its own groups: 'instructs the study groups' in ITU-R means the ITU-R study groups).
    """

    sector: str | None = None
    restrict: bool = False


@dataclass
class Reading:
    addressees: list[ActorRef] = field(default_factory=list)
    collaborators: list[ActorRef] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)


@dataclass
class _Conjunct:
    role: str | None = None  # class of the office named by a role word
    plural_role: bool = False
    actors: list[str] = field(default_factory=list)
    modifier: str = ""  # words that name no actor by themselves
    head: str | None = None  # class of a plural head noun after the modifier ('Bureaux')
    adjunct: bool = False  # opened by a preposition: names no addressee
    text: str = ""
    # text and modifier as read so far, joined once at the end: '+=' on them is quadratic
    parts: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)


def names_actor(doc: Any, ent: Any, vocabulary: Vocabulary) -> bool:
    """Whether an entity of the gazetteer names an actor where it stands: a Sector's name
    does only when no noun follows it ('invites ITU-T', not 'ITU-T Recommendations')."""
    actor = vocabulary.actors.get(ent.ent_id_) if ent.label_ == ACTOR else None
    if actor is None or "UnionSector" not in actor.classes or ent.end >= len(doc):
        return True
    after = doc[ent.end]
    word = after.lower_
    return not after.is_alpha or word in _AFTER_A_NAME


def _ref(actor: Actor) -> ActorRef:
    return ActorRef(id=actor.id, label=actor.label)


def read_phrase(
    doc: Any, start: int, end: int, vocabulary: Vocabulary, context: Context
) -> Reading:
    """The addressees and collaborators named in doc.text[start:end]."""
    text = doc.text[start:end]
    reading = Reading()
    split = COLLABORATION.search(text)
    main_end = start + split.start() if split else end
    reading.addressees, reading.unresolved = resolve(doc, start, main_end, vocabulary, context)
    if split:
        reading.collaborators, unresolved = resolve(
            doc, start + split.end(), end, vocabulary, Context(context.sector, False)
        )
        reading.unresolved += unresolved
    return reading


def resolve(
    doc: Any, start: int, end: int, vocabulary: Vocabulary, context: Context
) -> tuple[list[ActorRef], list[str]]:
    """Actors named in doc.text[start:end], and the conjuncts that name none."""
    conjuncts = _conjuncts(doc, start, end, vocabulary, context)
    _fill_elided_heads(conjuncts, vocabulary, context)
    found: list[str] = []
    unresolved: list[str] = []
    pending_role: str | None = None
    for conjunct in conjuncts:
        if conjunct.adjunct:
            continue
        actors = [a for a in conjunct.actors if a in vocabulary.actors]
        if conjunct.role:
            officials = _officials(conjunct.role, actors, vocabulary)
            if not actors and not conjunct.modifier:
                # "the Directors": all of them; "the Director": the one of the writer's Sector
                within = context if conjunct.plural_role else Context(context.sector, True)
                officials = _members(conjunct.role, vocabulary, within)
            actors = officials
            pending_role = conjunct.role if conjunct.plural_role else None
        elif pending_role and actors:
            officials = _officials(pending_role, actors, vocabulary)
            if len(officials) == len(actors):
                actors = officials
            else:
                pending_role = None
        else:
            pending_role = None
        if not actors and conjunct.text.strip():
            unresolved.append(conjunct.text.strip())
        found.extend(a for a in actors if a not in found)
    return [_ref(vocabulary.actors[a]) for a in found], unresolved


def _officials(role: str, bodies: list[str], vocabulary: Vocabulary) -> list[str]:
    """The holders of an office of class role that head the given bodies."""
    holders = vocabulary.actors_of_class(role)
    result = []
    for body in bodies:
        for holder in holders:
            if body in holder.head_of and holder.id not in result:
                result.append(holder.id)
    return result


def _members(cls: str, vocabulary: Vocabulary, context: Context) -> list[str]:
    """The actors a collective label of cls names, within the writer's Sector when required."""
    members = sorted(a.id for a in vocabulary.actors_of_class(cls))
    if context.restrict and context.sector:
        own = [m for m in members if vocabulary.actors[m].sectors == (context.sector,)]
        if own:
            return own
    return members


def _conjuncts(
    doc: Any, start: int, end: int, vocabulary: Vocabulary, context: Context
) -> list[_Conjunct]:
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return []
    ents = {
        e.start: e
        for e in doc.ents
        if e.start >= span.start and e.end <= span.end and names_actor(doc, e, vocabulary)
    }
    conjuncts = [_Conjunct()]
    depth = 0
    i = span.start
    while i < span.end:
        token = doc[i]
        current = conjuncts[-1]
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth = max(0, depth - 1)
        elif depth:
            pass  # a parenthesis repeats or explains a name: "(BR)", "(ITU-R)"
        elif i in ents:
            ent = ents[i]
            current.parts.append(ent.text + " ")
            _take_entity(current, ent, doc, vocabulary, context)
            i = ent.end
            continue
        elif token.lower_ in _JOINERS or _joins(doc, i):
            if token.lower_ == "as":  # "as well as"
                i += 3
            else:
                i += 1
            conjuncts.append(_Conjunct())
            continue
        else:
            current.parts.append(token.text_with_ws)
            if token.lower_ in PREPOSITIONS and not (current.actors or current.role):
                current.adjunct = True
            if token.lower_ not in _QUALIFIERS and (token.is_alpha or "-" in token.text):
                if current.actors or current.head:
                    pass  # words after a name qualify it ("meeting jointly as necessary")
                else:
                    current.words.append(token.text)
        i += 1
    for conjunct in conjuncts:
        conjunct.text = "".join(conjunct.parts)
        conjunct.modifier = " ".join(conjunct.words)
    return [c for c in conjuncts if c.text.strip()]


def _joins(doc: Any, i: int) -> bool:
    return doc[i].lower_ == "as" and doc[i : i + 3].text.lower() == "as well as"


def _take_entity(
    conjunct: _Conjunct, ent: Any, doc: Any, vocabulary: Vocabulary, context: Context
) -> None:
    label, key = ent.label_, ent.ent_id_
    followed_by_of = ent.end < len(doc) and doc[ent.end].lower_ == "of"
    role_words = {w.lower() for w in vocabulary.roles.get(key, ())}
    if (
        label in (GROUP, ROLE)
        and ent.text.lower() in role_words
        and (followed_by_of or label == ROLE)
    ):
        conjunct.role = key
        conjunct.plural_role = ent.text.lower().endswith(("s", "men"))
        return
    if label == ACTOR:
        actor = vocabulary.actors.get(key)
        if conjunct.actors and actor and "UnionSector" in actor.classes and _after_of(doc, ent):
            return  # "Associates of ITU-D": the Sector qualifies the name before it
        conjunct.actors.append(key)
    elif label == GROUP:
        if conjunct.actors and key == "UnionSector" and _after_of(doc, ent):
            return  # "Study Groups of both Sectors": the Sectors qualify the name before it
        if conjunct.words and not conjunct.actors:
            conjunct.head = key  # "Telecommunication Development Bureaux"
        else:
            conjunct.actors.extend(_members(key, vocabulary, context))


def _after_of(doc: Any, ent: Any) -> bool:
    """Whether 'of' stands before the entity, over its qualifiers ('of both Sectors')."""
    i = ent.start - 1
    while i >= 0 and doc[i].lower_ in _QUALIFIERS and doc[i].lower_ != "of":
        i -= 1
    return i >= 0 and doc[i].lower_ == "of"


def _fill_elided_heads(
    conjuncts: list[_Conjunct], vocabulary: Vocabulary, context: Context
) -> None:
    """'Radiocommunication, Telecommunication Standardization and … Bureaux' → three Bureaux."""
    for index, conjunct in enumerate(conjuncts):
        if not conjunct.head:
            continue
        run = [conjunct]
        for back in range(index - 1, -1, -1):  # not reversed(conjuncts[:index]): a copy each
            before = conjuncts[back]
            if before.modifier and not before.actors and not before.head:
                run.append(before)
            else:
                break
        for item in run:
            actor = _with_head(item.modifier, conjunct.head, vocabulary)
            if actor:
                item.actors.append(actor)
        if not conjunct.actors:  # no modifier named one: the collective label stands alone
            conjunct.actors.extend(_members(conjunct.head, vocabulary, context))
    # a role word whose target was elided: "the Directors of the Radiocommunication, …"
    heads = list(dict.fromkeys(c.head for c in conjuncts if c.head))  # once each, in order
    for conjunct in conjuncts:
        if conjunct.role and conjunct.modifier and not conjunct.actors:
            for head in heads:
                actor = _with_head(conjunct.modifier, head, vocabulary)
                if actor:
                    conjunct.actors.append(actor)
                    break


def _with_head(modifier: str, cls: str, vocabulary: Vocabulary) -> str | None:
    """The actor of class cls whose name is modifier plus one head word."""
    wanted = modifier.casefold()
    for actor in vocabulary.actors_of_class(cls):
        for name in actor.names:
            words = name.casefold().split()
            if words[:-1] == wanted.split() and len(words) > 1:
                return actor.id
    return None
