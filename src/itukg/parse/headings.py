"""Recognise section headings ('considering further', 'instructs the Secretary-General').

The heading words, their variants and the modifiers that may surround them come
from ontology/sections.ttl. A heading is a line that starts, in lower case, with a
heading word; a preamble heading has nothing after it but modifiers; an operative
heading may name its addressees, or continue 'to instruct …' (resolves to instruct
the Director of TSB), which makes the instruction its modality.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from itukg.enums import Part
from itukg.ontology import SectionKind, Vocabulary

MAX_HEADING_CHARS = 400
MAX_ADDRESSEES_CHARS = 240
# where the addressees of a heading end and their ask begins: 'to' and a verb, not 'to' and
# what a preposition governs ('to the Council', 'to all Member States')
_ASKED = re.compile(
    r"(?:\s*,)?\s+(?=to\s+(?!(?:the|a|an|this|that|these|those|its|their|his|her|all|each|"
    r"every|any|both|such|other|which|whom|what|be\s+(?:the|a|an))\b)[a-z][a-z-]*\s+\S)"
)
# a recital that starts with what it recites, after its preamble word: 'in view of Article
# 4 of the Convention …', 'recalling Resolution 71 …', 'considering the need …'
_RECITED = re.compile(
    r"\s+(?:the|its|(?:Article|Resolution|Decision|Recommendation)s?|Nos?\.)\s+\S"
)
_GLUED_AFTER_MARK = re.compile(
    r"(?<=[A-Za-z0-9)][,;:])(?=[a-z][a-z)])"
)  # ',noting', ':a)', '2011;b)'
_GLUED_AFTER_LABEL = re.compile(r"(?<=[\s:][a-z]\))(?=[a-z]{2})")  # 'a)resolved'
# a heading's first item right after it: ' a) that …', ' 1 to …', ' 1.1 to …'
_LABEL_AFTER = re.compile(r"\s+(?:\(?[a-z]{1,4}\)|\d{1,3}(?:\.\d{1,3})*)\s+\S")
# what follows 'resolves to adopt' when it opens a list rather than naming addressees
_LEAD_IN = re.compile(r"(?:the\s+following|as\s+follows)\b")
# words that make the text before such a 'to' a clause rather than a list of addressees
_CLAUSE_WORDS = re.compile(r"\b(?:that|which|who|shall|should|will|is|are|has|have)\b|[;.:]")


@dataclass(frozen=True)
class HeadingMatch:
    kind: SectionKind
    modality: str | None
    addressee_text: str
    heading: str


class HeadingMatcher:
    """Matches heading lines against the ontology's section kinds."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        words: list[tuple[str, SectionKind]] = []
        for kind in vocabulary.section_kinds.values():
            for label in (kind.label, *kind.alt_labels):
                if not label.startswith("("):  # a kind no text writes: '(heading lost)'
                    words.append((label, kind))
        words.sort(key=lambda w: -len(w[0]))
        self._by_word = {label: kind for label, kind in words}
        self._infinitives = sorted(
            ((k.infinitive, k) for k in vocabulary.section_kinds.values() if k.infinitive),
            key=lambda w: -len(w[0]),
        )
        modifiers = sorted(vocabulary.heading_modifiers, key=len, reverse=True)
        mod = "|".join(re.escape(m) for m in modifiers)
        word = "|".join(re.escape(w) for w, _ in words)
        self._pattern = re.compile(
            rf"^(?:(?:{mod})\s+)*(?P<word>{word})(?![\w-])(?P<mods>(?:\s+(?:{mod})(?![\w-]))*)"
            rf"(?P<rest>.*)$",
            re.DOTALL,
        )
        self._glued_word = re.compile(rf"\b(?P<word>{word})(?P<next>that|to|further|also)\b")
        self._word_at = re.compile(rf"(?<![\w-])(?:(?:{mod})\s+)*(?:{word})(?![\w-])")
        self._modified_at = re.compile(
            rf"(?:(?:{mod})\s+)+(?:{word})(?![\w-])|(?:{word})(?:\s+(?:{mod})(?![\w-]))+"
        )
        self._resolves_to = re.compile(
            r"^to\s+(?P<verb>"
            + "|".join(re.escape(v) for v, _ in self._infinitives)
            + r")(?![\w-])\s*(?P<rest>.*)$"
        )

    def unglue(self, text: str) -> str:
        """A line whose line breaks a conversion dropped with their spaces ('…, 2007):a)resolved
        to recommend …,resolvesto convene …', 'The Council,notingthat …'): a space after the
        punctuation before a word or label, after a label before its word, and between a
        heading word and the 'that', 'to' or modifier run into it ('consideringfurther')."""
        text = _GLUED_AFTER_MARK.sub(" ", text)
        text = _GLUED_AFTER_LABEL.sub(" ", text)
        return self._glued_word.sub(r"\g<word> \g<next>", text)

    def modified_at(self, text: str, position: int) -> bool:
        """Whether a heading word with its modifier starts at position ('taking into
        account further', 'further resolves', 'noting also'): one anchored match, so that
        a check at every comma of a long text stays cheap."""
        return self._modified_at.match(text, position) is not None

    def first_heading_at(self, text: str, tries: int = 20) -> int | None:
        """Where the first heading inside a line starts, when it runs into its first clause
        or item: '– 96 – (3.2 – Council) considering a) that …' → at 'considering'. Only
        the first `tries` heading words are looked at (a long line is not scanned whole)."""
        for n, m in enumerate(self._word_at.finditer(text)):
            if n == tries:
                break
            rest = text[m.start() :]
            if self.split_clause(rest) is not None:
                return m.start()
            if self.match(m.group()) is not None and _LABEL_AFTER.match(text, m.end()):
                return m.start()
        return None

    def match_pair(self, text: str) -> tuple[HeadingMatch, HeadingMatch] | None:
        """Two headings run together by track changes ('notingrecalling'): (old, new)."""
        text = text.strip()
        if not text or not text[0].islower() or len(text) > 80:
            return None
        for cut in range(2, len(text) - 1):
            old, new = self.match(text[:cut]), self.match(text[cut:])
            if old is not None and new is not None and not old.addressee_text:
                return old, new
        return None

    def split_clause(self, text: str) -> tuple[str, str] | None:
        """A heading word read whole (with its modifiers) run into its first clause, as PDF
        conversions and web pages give it: 'considering that …' → ('considering', 'that …'),
        'in view of Article 4 …' → ('in view of', 'Article 4 …'),
        'further resolves to keep …' → ('further resolves', 'to keep …'). 'resolves to
        instruct …' is a heading (its modality), and 'invites Member States to …' names its
        addressees first: neither is split."""
        text = text.strip()
        if not text or not text[0].islower():
            return None
        m = self._pattern.match(text)
        if not m:
            return None
        operative = self._by_word[m.group("word")].part == Part.OPERATIVE
        if operative and (ask := self._ask(text, m)):
            return ask
        if not re.match(r"\s+(?:that|to)(?:\s*,)?\s+\S", m.group("rest")) and not (
            not operative and _RECITED.match(m.group("rest"))
        ):
            return None
        rest = m.group("rest").strip()
        to = self._resolves_to.match(rest)
        if operative and to:
            if _LEAD_IN.match(to.group("rest")):
                return text[: m.end("mods")], rest  # 'resolves to adopt the following …:'
            return None
        return text[: m.end("mods")], rest

    def _ask(self, text: str, m: re.Match[str]) -> tuple[str, str] | None:
        """An operative heading with its addressees run into their ask on one line, as web
        pages and conversions give a heading with a single clause: 'invites Member States
        to participate …' → ('invites Member States', 'to participate …'); 'resolves to
        instruct the Director of TSB, in collaboration with …, to report …' likewise."""
        start = m.end("mods")
        rest = text[start:]
        to = self._resolves_to.match(rest.lstrip())
        if to:
            start = len(text) - len(to.group("rest"))
        named = _ASKED.search(text, start)
        if named is None:
            return None
        addressees = text[start : named.start()].strip(" ,")
        if (
            not addressees
            or len(addressees) > MAX_ADDRESSEES_CHARS
            or _CLAUSE_WORDS.search(addressees)
        ):
            return None
        return text[: named.start()].rstrip(" ,"), text[named.end() :].strip()

    def match(self, text: str) -> HeadingMatch | None:
        """A HeadingMatch if the (cleaned) line is a section heading."""
        text = text.strip()
        if not text or not text[0].islower() or len(text) > MAX_HEADING_CHARS:
            return None
        if text.endswith((";", ".")) and not text.endswith("etc."):
            return None
        m = self._pattern.match(text)
        if not m:
            return None
        kind = self._by_word[m.group("word")]
        rest = m.group("rest").strip().rstrip(",:").strip()
        if kind.part == Part.PREAMBLE:
            return HeadingMatch(kind, None, "", _tidy(text)) if not rest else None
        if rest.startswith(("that ", "that,")):
            return None
        modality = kind.id
        to = self._resolves_to.match(rest)
        if to and _LEAD_IN.match(to.group("rest")):
            return None  # 'resolves to adopt the following principles:': its first clause
        if to:
            verb = to.group("verb")
            modality = next(k.id for v, k in self._infinitives if v == verb)
            rest = to.group("rest").strip()
        return HeadingMatch(kind, modality, rest, _tidy(text))


def _tidy(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().rstrip(",:").strip()
