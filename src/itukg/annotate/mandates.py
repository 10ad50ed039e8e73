"""Read an operative clause as a mandate: who is asked, with whom, to do what.

Operative clauses come in three shapes, whatever the heading word:
- the heading names the addressee and the clause gives the infinitive
  ("instructs the Secretary-General" / "1 to report annually to ISCG …"), perhaps
  after a clause of its own ("when preparing proposals …, to take into account …")
  or with collaborators ("in cooperation with the Director of TSB, to provide …");
- a bare heading, each clause naming its addressee before the infinitive
  ("invites" / "1 RAG, TSAG and TDAG to continue to assist ISCG …");
- a statement, usually under "resolves": "that the Director of BR, assisted by the
  study groups, shall provide …", or in the passive, "the matter shall be studied by
  relevant study groups …", whose agent is the addressee.

The action is the governing verb phrase, cut where its object ends: at punctuation,
or at a preposition that opens an adjunct ("continue to create cooperation mechanisms
| at secretariat level").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from itukg.annotate.actors import COLLABORATION, Context, Reading, names_actor, read_phrase
from itukg.annotate.gazetteer import ACTOR, GROUP, ROLE
from itukg.model import ActorRef
from itukg.ontology import Vocabulary

_ADJUNCT_STARTS = {
    "at", "to", "on", "in", "for", "with", "by", "through", "between", "among", "amongst",
    "within", "into", "from", "under", "across", "via", "so", "as", "including", "pursuant",
    "when", "where", "while", "which", "that", "who", "whose", "regarding", "concerning",
    "during", "upon", "after", "before", "without", "according", "inter", "taking", "using",
    "if", "such", "thereby", "whereby", "subject", "towards", "toward", "than", "until",
}  # fmt: skip
_DETERMINERS = {"the", "a", "an", "all", "any", "its", "their", "this", "these", "those", "each"}
_MODALS = re.compile(r"\b(?:shall|should|will|would|may|must|might|can|could|is to|are to)\b")
_PASSIVE = re.compile(r"^\s*be\s+\w+ed\b.*?\bby\b", re.IGNORECASE)
MAX_ACTION_WORDS = 12


@dataclass
class ClauseReading:
    addressees: list[ActorRef] = field(default_factory=list)
    collaborators: list[ActorRef] = field(default_factory=list)
    action: str | None = None
    unresolved: list[str] = field(default_factory=list)


def _starts_verb(token: Any) -> bool:
    return (
        token.is_alpha
        and token.is_lower
        and token.lower_ not in _DETERMINERS
        and token.lower_ not in ("and", "or", "but", "nor")
    )


def verb_phrase(doc: Any, i: int) -> str | None:
    """The verb phrase that begins at token i, cut where its object ends."""
    if i >= len(doc) or not _starts_verb(doc[i]):
        return None
    words = [doc[i].text]
    has_object = False
    j = i + 1
    while j < len(doc) and len(words) < MAX_ACTION_WORDS:
        token = doc[j]
        lower = token.lower_
        if token.is_punct and token.text not in ("-", "/", "'"):
            break
        if lower == "to" and not has_object and j + 1 < len(doc) and _starts_verb(doc[j + 1]):
            words += [token.text, doc[j + 1].text]  # "continue to create"
            j += 2
            continue
        if lower in _ADJUNCT_STARTS:
            # a particle right after the verb, before a bare noun: "take into account"
            nxt = doc[j + 1] if j + 1 < len(doc) else None
            if not (len(words) == 1 and nxt is not None and _starts_verb(nxt) and lower != "to"):
                break
        last = words[-1].lower()
        after_noun = last not in _ADJUNCT_STARTS and last not in ("of", "and", "or", "the", "a")
        if has_object and after_noun and lower.endswith("ing") and len(lower) > 5:
            break  # a participle after the object opens an adjunct: "activities relating to …"
        if lower in ("and", "or") and has_object:
            nxt = doc[j + 1] if j + 1 < len(doc) else None
            if nxt is not None and nxt.lower_ in _ADJUNCT_STARTS:
                break
        words.append(token.text)
        if not lower.endswith("ly") and lower not in ("and", "or"):
            has_object = True
        j += 1
    while len(words) > 1 and (
        words[-1].lower() in {"and", "or", "the", "a", "an", "of"} | _ADJUNCT_STARTS
    ):
        words.pop()
    phrase = " ".join(" ".join(words).split())  # one space each: a run of them stays linear
    return re.sub(r" ([-/']) ", r"\1", phrase)


def _infinitive(doc: Any, start: int, end: int) -> int | None:
    """The token after the 'to' that opens the clause's infinitive, searching [start, end)."""
    first = None
    for i in range(start, min(end, len(doc) - 1)):
        if doc[i].lower_ == "to" and _starts_verb(doc[i + 1]):
            at_boundary = i == start or doc[i - 1].text in (",", ")", ":")
            if at_boundary:
                return i + 1
            if first is None:
                first = i + 1
    return first


def _token_at(doc: Any, char: int) -> int:
    span = doc.char_span(char, len(doc.text), alignment_mode="expand")
    return span.start if span is not None else len(doc)


def _ents_between(doc: Any, start_char: int, end_char: int, vocabulary: Vocabulary) -> list[Any]:
    return [
        e
        for e in doc.ents
        if e.start_char >= start_char
        and e.end_char <= end_char
        and e.label_ in (ACTOR, GROUP, ROLE)
        and names_actor(doc, e, vocabulary)
    ]


def _first_content(doc: Any, start_char: int) -> int:
    """Where the words of a phrase begin, after 'that' and the determiners of its subject."""
    text = doc.text
    match = re.match(r"\s*(?:that\b)?\s*", text[start_char:])
    return start_char + (match.end() if match else 0)


def _skip_intro(text: str, at: int) -> int:
    """After 'that, when cooperating with BDT, …': skip a comma-enclosed opening clause."""
    if text[at : at + 1] == ",":
        depth = 0
        for k in range(at + 1, len(text)):
            if text[k] == "(":
                depth += 1
            elif text[k] == ")":
                depth -= 1
            elif text[k] == "," and depth == 0:
                return _first_content_text(text, k + 1)
    return at


def _first_content_text(text: str, at: int) -> int:
    while at < len(text) and text[at] == " ":
        at += 1
    return at


def _opens_with_actor(doc: Any, start_char: int, end_char: int, vocabulary: Vocabulary) -> bool:
    ents = _ents_between(doc, start_char, end_char, vocabulary)
    if not ents:
        return False
    lead = doc.text[start_char : ents[0].start_char].lower().split()
    return all(w in ("the", "all", "relevant", "respective", "itu", "both", "each") for w in lead)


def read_clause(
    doc: Any,
    heading: Reading | None,
    vocabulary: Vocabulary,
    context: Context,
) -> ClauseReading:
    """Addressees, collaborators and action of one operative clause (doc is its text)."""
    text = doc.text
    reading = ClauseReading()
    begin = _first_content(doc, 0)
    if heading and heading.addressees:
        reading.addressees = list(heading.addressees)
        reading.collaborators = list(heading.collaborators)
        verb = _infinitive(doc, _token_at(doc, begin), len(doc))
        if verb is not None:
            prefix_end = doc[verb - 1].idx
            collaboration = COLLABORATION.search(text[:prefix_end])
            if collaboration:
                extra = read_phrase(doc, collaboration.start(), prefix_end, vocabulary, context)
                reading.collaborators += [
                    c for c in extra.collaborators if c not in reading.collaborators
                ]
            reading.action = verb_phrase(doc, verb)
        return reading

    begin = _skip_intro(text, begin)
    # an ask in the infinitive has no statement's modal of its own: 'to maintain …, the
    # results of which may be used by administrations' names no addressee
    modal = None if text.startswith("to ", begin) else _MODALS.search(text, begin)
    if modal and _opens_with_actor(doc, begin, modal.start(), vocabulary):
        phrase = read_phrase(doc, begin, modal.start(), vocabulary, context)
        reading.addressees, reading.collaborators = phrase.addressees, phrase.collaborators
        reading.unresolved = phrase.unresolved
        reading.action = verb_phrase(doc, _token_at(doc, _first_content_text(text, modal.end())))
        return reading
    if modal:
        passive = _PASSIVE.match(text[modal.end() :])
        if passive:
            agent_start = modal.end() + passive.end()
            agent_end = _agent_end(text, agent_start)
            if _opens_with_actor(
                doc, _first_content_text(text, agent_start), agent_end, vocabulary
            ):
                phrase = read_phrase(doc, agent_start, agent_end, vocabulary, context)
                reading.addressees, reading.collaborators = phrase.addressees, phrase.collaborators
                reading.unresolved = phrase.unresolved
                reading.action = re.sub(r"\s+", " ", text[begin : modal.end() + passive.end() - 3])
                reading.action = reading.action.strip()
                return reading

    verb = _infinitive(doc, _token_at(doc, begin), len(doc))
    if verb is not None:
        to_char = doc[verb - 1].idx
        if to_char > begin and _opens_with_actor(doc, begin, to_char, vocabulary):
            phrase = read_phrase(doc, begin, to_char, vocabulary, context)
            reading.addressees, reading.collaborators = phrase.addressees, phrase.collaborators
            reading.unresolved = phrase.unresolved
        reading.action = verb_phrase(doc, verb)
    return reading


def _agent_end(text: str, start: int) -> int:
    """The end of a passive agent: the next comma, semicolon or parenthesis at its level."""
    match = re.compile(r"[,;:(]| with | in order | so as ").search(text, start)
    return match.start() if match else len(text.rstrip(" .;,"))


_ASK_END = re.compile(r"[,;:]|\s(?=to\s+[a-z])")


def read_resolved_ask(
    doc: Any, infinitives: dict[str, str], vocabulary: Vocabulary, context: Context
) -> tuple[str, ClauseReading] | None:
    """A clause of a bare 'resolves' that asks a body itself: '1 to instruct the Director
    of BDT to …', '2 to invite ITU-R to study …'. The modality its verb gives (the kind
    whose infinitive it is: 'instructs') and the clause read as under that heading; None
    when the verb names no addressee ('to approve the plan')."""
    text = doc.text
    opening = re.match(r"\s*to\s+", text)
    if not opening:
        return None
    verb = next(
        (v for v in sorted(infinitives, key=len, reverse=True)
         if re.match(rf"{re.escape(v)}\s", text[opening.end():])),
        None,
    )  # fmt: skip
    if verb is None:
        return None
    start = _first_content_text(text, opening.end() + len(verb))
    stop = _ASK_END.search(text, start)
    end = stop.start() if stop else len(text.rstrip(" .;,"))
    if end <= start or not _opens_with_actor(doc, start, end, vocabulary):
        return None
    phrase = read_phrase(doc, start, end, vocabulary, context)
    if not phrase.addressees:
        return None
    reading = ClauseReading(phrase.addressees, phrase.collaborators, None, phrase.unresolved)
    asked = _infinitive(doc, _token_at(doc, end), len(doc))
    if asked is not None:
        reading.action = verb_phrase(doc, asked)
    return infinitives[verb], reading
