"""Overlapping mandates: pairs of clauses of different resolutions that say the same
thing, found in the store, classified as streamliners do, and written back with their
evidence.

Every clause is compared, preamble and operative (duplicated recitals are suppressed
too); each pair keeps its part so that questions about mandates stay on operative
clauses. Before comparing, what differs by design is made equal (normalise.py: Sector
names, Bureaux, advisory groups, revision places and years, "this conference"). A pair
is scored by its lexical similarity (similarity.py) and by features beyond the words:
the same cited resolution or provision, the same action verb (lemma), the same addressee
or kind of addressee, the same topic. Parallel texts keep their order, so the pairs of
two texts are aligned as sequences (align.py): a pair on the alignment needs less
lexical evidence than a pair off it; a pair whose subject words alone are alike is kept
however its asks are worded. Clauses that say nothing but drafting formulas
(boilerplate.py) pair with nothing, and a pair must share words of a subject. Classes:
- duplicate: the same text up to Sector names, years and heading force — suppress one;
- same-mandate: the same ask (or recital) with another addressee, Sector scope or
  notable additions — merge or coordinate;
- related: the same specific subject, a different ask — coordinate.
Clauses of two versions of one resolution are never paired.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from itukg.enums import OverlapClass
from itukg.namespaces import ITU, OVERLAP
from itukg.overlap.align import heaviest_chain
from itukg.overlap.boilerplate import is_boilerplate, subject_lemmas, subject_words
from itukg.overlap.normalise import Normalised, Normaliser, default_normaliser
from itukg.overlap.similarity import (
    METHOD,
    Index,
    content_words,
    lemma,
    nearest_by_subject,
    nearest_pairs,
)

DUPLICATE = 0.75  # similarity of the normalised texts at which two clauses are one text
SAME_TEXT = 0.84  # share of the two texts' content words matched in order: one text
SEQUENCE_FROM = 0.5  # similarity below which the word sequences are not compared
SAME_MANDATE = 0.40  # the same ask, whatever the verb
SAME_MANDATE_WITH_EVIDENCE = 0.36  # the same ask when the verb or the citation is shared
IN_SEQUENCE = 0.27  # a pair on the alignment of its two texts
OUT_OF_SEQUENCE = 0.42  # a pair of operative clauses off it (or across parts)
RECITALS_OUT_OF_SEQUENCE = 0.32  # a pair of recitals off it: recitals are statements, not asks
CHAIN_MARGIN = 0.2
ADDITION = 5  # subject words one text adds to the other: a notable addition
SUBSTITUTION = 0.45  # a share of subject words of one text only, on both sides: another subject
SAME_REPORT = "both report on the implementation of their resolution"
TEMPLATE = 0.40  # from here, clauses differing by their titles' subjects are one template
SUBJECT = 0.40  # cosine of the subject words alone at which two clauses are on one subject
SUBJECT_WORDS = 2  # subject words two clauses on one subject share at least
MANY_SUBJECT_WORDS = 5  # or so many, in long texts whose other words dilute the cosine
SUBJECT_OF_MANY = 0.30  # and then a cosine of their subject words this high
FLOOR = IN_SEQUENCE
LEXICAL_FLOOR = 0.15  # candidates below this similarity are not looked at
PER_CLAUSE = 10  # pairs kept per clause, its strongest
CLASS_NODES = {
    OverlapClass.DUPLICATE: "Duplicate",
    OverlapClass.SAME_MANDATE: "SameMandate",
    OverlapClass.RELATED: "Related",
}
ACTIONS = {
    OverlapClass.DUPLICATE: "suppress",
    OverlapClass.SAME_MANDATE: "merge",
    OverlapClass.RELATED: "coordinate",
}
PARTS = ("preamble", "operative")


@dataclass
class ClauseRecord:
    """A clause as the store holds it, with what overlap detection needs."""

    iri: str
    version: str
    version_label: str
    body: str
    number: str
    year: int | None
    sector: str
    section: str
    kind: str
    heading: str
    section_order: int
    label: str | None
    line: int
    text: str
    addressees: set[str] = field(default_factory=set)
    topics: set[str] = field(default_factory=set)
    action: str | None = None
    section_index: int = 0
    part: str = "operative"
    cited: set[str] = field(default_factory=set)
    title: str = ""  # its version's title: the subject of the whole text

    @property
    def work(self) -> str:
        return self.version.rsplit("/", 1)[0]

    @property
    def verb(self) -> str | None:
        """The action's verb as a lemma: its first word, or the participle of a passive
        ('be studied' → 'study')."""
        if not self.action:
            return None
        words = self.action.lower().split()
        if "be" in words[:-1]:
            return lemma(words[words.index("be") + 1])
        return lemma(words[0])

    def as_json(self) -> dict[str, Any]:
        return {
            "body": self.body,
            "number": self.number,
            "revision_year": self.year,
            "part": self.part,
            "section": self.kind,
            "section_index": self.section_index,
            "clause": self.label,
            "version": self.version_label,
            "heading": self.heading,
            "line": self.line,
            "text": self.text,
            "iri": self.iri,
        }


@dataclass
class Pair:
    a: ClauseRecord
    b: ClauseRecord
    kind: OverlapClass
    score: float
    lexical: float
    shared_addressees: list[str]
    shared_topics: list[str]
    shared_verb: str | None
    shared_terms: list[str]
    reason: str = ""
    normalisations: list[str] = field(default_factory=list)
    features: list[str] = field(default_factory=list)

    @property
    def iri(self) -> str:
        digest = hashlib.sha1(f"{self.a.iri}|{self.b.iri}".encode()).hexdigest()[:16]
        return OVERLAP + digest

    @property
    def part(self) -> str:
        """'preamble' or 'operative' when both clauses stand there, else 'mixed'."""
        return self.a.part if self.a.part == self.b.part else "mixed"

    @property
    def action(self) -> str:
        """What a streamliner would propose: suppress, merge or coordinate."""
        return ACTIONS[self.kind]

    def as_json(self) -> dict[str, Any]:
        return {
            "a": self.a.as_json(),
            "b": self.b.as_json(),
            "class": self.kind,
            "part": self.part,
            "score": round(self.score, 3),
            "reason": self.reason,
            "action": self.action,
            "evidence": {
                "lexical_similarity": round(self.lexical, 3),
                "shared_addressees": self.shared_addressees,
                "shared_topics": self.shared_topics,
                "shared_verb": self.shared_verb,
                "shared_terms": self.shared_terms,
                "normalisations": self.normalisations,
                "features": self.features,
                "method": METHOD,
            },
        }


def _local(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def read_clauses(
    store: Any, version: str | None = None, part: str | None = None
) -> list[ClauseRecord]:
    """The clauses of the newest versions, or of one version (superseded or not), of
    every part or of one ('preamble', 'operative') (queries/compared-clauses.rq)."""
    from itukg.query.questions import load_query, run

    parameters: dict[str, str] = {}
    if version:
        parameters["version"] = version
        parameters["any_version"] = "true"
    if part:
        parameters["part"] = ITU + part.capitalize()
    results = run(store, load_query("compared-clauses"), parameters)
    index = {c: i for i, c in enumerate(results.columns)}
    records = []
    for row in results.rows:

        def value(name: str, row: list = row) -> str | None:
            term = row[index[name]]
            return None if term is None else term.value

        records.append(
            ClauseRecord(
                iri=value("clause") or "",
                version=value("version") or "",
                version_label=value("version_label") or "",
                body=value("body") or "",
                number=value("number") or "",
                year=int(year) if (year := value("year")) else None,
                sector=_local(value("sector") or ""),
                section=value("section") or "",
                kind=value("kind") or "",
                heading=value("heading") or "",
                section_order=int(value("section_order") or 0),
                label=value("label"),
                line=int(value("line") or 0),
                text=value("text") or "",
                addressees={_local(a) for a in (value("addressees") or "").split()},
                topics={_local(t) for t in (value("topics") or "").split()},
                action=value("action"),
                part=(value("part") or "#Operative").rsplit("#", 1)[-1].lower(),
                cited=set((value("cited") or "").split()),
                title=value("title") or "",
            )
        )  # fmt: skip
    _number_sections(records)
    return records


def _number_sections(records: list[ClauseRecord]) -> None:
    """section_index: the rank of a section among the sections of its kind in its version."""
    orders: dict[tuple[str, str], list[int]] = {}
    for record in records:
        orders.setdefault((record.version, record.kind), [])
        if record.section_order not in orders[(record.version, record.kind)]:
            orders[(record.version, record.kind)].append(record.section_order)
    for record in records:
        ranks = sorted(orders[(record.version, record.kind)])
        record.section_index = ranks.index(record.section_order)


@dataclass
class _Features:
    """What is compared of one clause besides its words."""

    normalised: Normalised
    subject: set[str]
    boilerplate: bool
    self_reference: bool  # acts or reports on the implementation of its own resolution
    own_text: bool  # names its own resolution ('this resolution'), whatever it asks about it
    reports_on_itself: bool  # reports on it: 'to report annually to TSAG on the implementation'
    verb: str | None
    addressee_kinds: set[str]
    position: int  # the clause's place in its version's part
    lemmas: list[str]  # its content lemmas in order, for the word-sequence comparison


def _addressee_kinds() -> dict[str, str]:
    """Actor id → its most specific class: 'director-br' → 'Director'."""
    from itukg.ontology import load_vocabulary

    vocabulary = load_vocabulary()
    kinds = {}
    for actor in vocabulary.actors.values():
        specific = [c for c in actor.classes if c not in {"Actor", "Body"}]
        kinds[actor.id] = specific[-1] if specific else "Body"
    return kinds


def _features(records: list[ClauseRecord], normaliser: Normaliser) -> list[_Features]:
    kinds = _addressee_kinds()
    places: dict[tuple[str, str], list[int]] = defaultdict(list)
    for n, record in enumerate(records):
        places[(record.version, record.part)].append(n)
    position = {}
    for members in places.values():
        ordered = sorted(members, key=lambda n: (records[n].section_order, records[n].line))
        position.update({n: k for k, n in enumerate(ordered)})
    out = []
    for n, record in enumerate(records):
        normalised = normaliser(record.text)
        out.append(
            _Features(
                normalised,
                subject_words(normalised.text),
                is_boilerplate(normalised.text),
                bool(_IMPLEMENTATION.search(normalised.text)),
                bool(_OWN_TEXT.search(normalised.text)),
                bool(_IMPLEMENTATION.search(normalised.text) and _REPORTS.search(record.text)),
                record.verb,
                {kinds.get(a, a) for a in record.addressees},
                position[n],
                content_words(normalised.text),
            )
        )
    return out


_REPORTS = re.compile(r"\b(?:report|inform|submit)(?:s|ing|ed)?\b", re.IGNORECASE)
_OWN_TEXT = re.compile(r"\b(?:this|the present) (?:resolution|decision|recommendation)\b", re.I)
_IMPLEMENTATION = re.compile(r"\bimplement(?:ation of|ing|)\s+this resolution\b", re.IGNORECASE)
PARALLEL = 0.5  # similarity of two whole texts at which they are parallel versions of one subject


class _Parallel:
    """Whether two versions are parallel texts: the cosine of their whole vocabularies."""

    def __init__(self, index: Index, versions: list[str]):
        from scipy import sparse

        self.names = sorted(set(versions))
        row = {v: n for n, v in enumerate(self.names)}
        if index.words is None:
            self.vectors = None
            return
        member = sparse.csr_matrix(
            ([1.0] * len(versions), ([row[v] for v in versions], range(len(versions)))),
            shape=(len(self.names), len(versions)),
        )
        summed = (member @ index.words).tocsr()
        norms = sparse.linalg.norm(summed, axis=1)
        norms[norms == 0] = 1.0
        self.vectors = sparse.diags(1 / norms) @ summed
        self.row = row
        self.cache: dict[tuple[str, str], bool] = {}

    def __call__(self, a: str, b: str) -> bool:
        if self.vectors is None:
            return False
        key = (a, b) if a < b else (b, a)
        if key not in self.cache:
            x, y = self.vectors[self.row[a]], self.vectors[self.row[b]]
            self.cache[key] = float(x.multiply(y).sum()) >= PARALLEL
        return self.cache[key]


def _title_subjects(records: list[ClauseRecord], normaliser: Normaliser) -> dict[str, set[str]]:
    """The subject words of each version's title."""
    titles = {r.version: r.title for r in records}
    return {v: subject_words(normaliser(t).text) if t else set() for v, t in titles.items()}


def _own_subjects(fa: _Features, fb: _Features, title_a: set[str], title_b: set[str]) -> bool:
    """Whether each clause has subject words of its own that are its own title's and not
    the other's: the same template filled with each text's subject ('a youth perspective
    in the work of ITU' in the resolution on youth, 'a gender perspective' in the one on
    gender) is neither one text nor one mandate."""
    own_a = (fa.subject - fb.subject) & title_a - title_b
    own_b = (fb.subject - fa.subject) & title_b - title_a
    return bool(own_a and own_b)


def _cite_apart(a: ClauseRecord, b: ClauseRecord) -> bool:
    """Whether both clauses cite resolutions and none in common."""
    cited_a = {c for c in a.cited if "/resolution/" in c}
    cited_b = {c for c in b.cited if "/resolution/" in c}
    return bool(cited_a and cited_b and not cited_a & cited_b)


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def sequence_ratio(a: list[str], b: list[str]) -> float:
    """The share of two word sequences that match in order (difflib's ratio): 'the same
    text up to trivial rewording' keeps most words in their place, where a text that
    asks the same with additions or in other words does not."""
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b, autojunk=False).ratio() if a and b else 0.0


def classify(
    lexical: float,
    same_verb: bool,
    shared_evidence: bool,
    substituted: bool = False,
    sequence: float | None = None,
) -> OverlapClass:
    """The class of a pair from its similarity (of the normalised texts), whether the
    action verb (for recitals, the citation) is shared and anything else is, whether
    each text has subject words the other lacks (a subject substituted: the same formula
    about youth and about gender is not one text), and, when known, the share of their
    content words matched in order (sequence_ratio): one text is the same words in the
    same order, up to a few."""
    one_text = lexical >= DUPLICATE or (sequence is not None and sequence >= SAME_TEXT)
    if one_text and not substituted:
        return OverlapClass.DUPLICATE
    if lexical >= SAME_MANDATE or (
        lexical >= SAME_MANDATE_WITH_EVIDENCE and same_verb and shared_evidence
    ):
        return OverlapClass.SAME_MANDATE
    return OverlapClass.RELATED


def detect(
    records: list[ClauseRecord],
    floor: float = FLOOR,
    per_clause: int = PER_CLAUSE,
    shortlist: int | None = None,
    normaliser: Normaliser | None = None,
    apart: str = "work",
) -> list[Pair]:
    """Pairs of clauses of different resolutions (of different versions, with
    apart="version"), best first. Only the shortlist (default 3 × per_clause) nearest
    clauses of each clause are looked at; a pair is kept when it reaches its threshold (on
    or off the alignment of its two texts, and never below floor) and is among the
    per_clause best of one of its two clauses."""
    if len(records) < 2:
        return []
    normaliser = normaliser or default_normaliser()
    features = _features(records, normaliser)
    index = Index([f.normalised.text for f in features], subjects=subject_lemmas)
    groups = [getattr(r, apart) for r in records]
    nearest = nearest_pairs(index, groups, shortlist or 3 * per_clause, LEXICAL_FLOOR)
    topical = nearest_by_subject(index, groups, per_clause, SUBJECT)
    worded_apart = sorted(topical.keys() - nearest.keys())
    nearest.update(zip(worded_apart, index.cosines(worded_apart), strict=True))
    on_subject: set[tuple[int, int]] = set()
    parallel = _Parallel(index, [r.version for r in records])
    titled = _title_subjects(records, normaliser)
    candidates: dict[tuple[int, int], tuple[float, list[str]]] = {}
    for (i, j), lexical in nearest.items():
        a, b, fa, fb = records[i], records[j], features[i], features[j]
        # acting on or reporting on "the implementation of this resolution" is a subject
        # when the two resolutions are parallel texts: it is then one subject
        same_text = (
            fa.self_reference
            and fb.self_reference
            and not (fa.subject and fb.subject and not fa.subject & fb.subject)
            and parallel(a.version, b.version)
        )  # and neither names a subject the other lacks entirely
        if (fa.boilerplate or fb.boilerplate) and not same_text:
            continue
        if fa.own_text and fb.own_text and not parallel(a.version, b.version):
            continue  # each asks something of its own resolution ('to allocate funds for the
            # implementation of this resolution'): texts on other subjects share a formula,
            # word for word as it may be, and neither could be suppressed for the other
        if not fa.subject & fb.subject and not same_text:
            continue  # formulas in common, no subject
        if lexical >= TEMPLATE and _own_subjects(fa, fb, titled[a.version], titled[b.version]):
            continue  # one template, each text's own subject in it: youth, then gender
        if a.part == b.part == "preamble" and _cite_apart(a, b):
            continue  # recitals recalling two different resolutions, however alike
        found = []
        bonus = 0.0
        if same_text and fa.reports_on_itself and fb.reports_on_itself and a.part == b.part:
            # the Secretary-General reports to the next conference, the Director annually
            # to the advisory group: one ask of parallel texts, however worded
            on_subject.add((i, j))
            found.append(SAME_REPORT)
        if a.cited & b.cited:
            bonus += 0.08
            shared = sorted(c.rsplit("/id/", 1)[-1] for c in a.cited & b.cited)
            found.append("same citation: " + ", ".join(shared))
        if fa.verb and fa.verb == fb.verb:
            bonus += 0.04
            found.append(f"same action verb: {fa.verb}")
        if a.addressees & b.addressees:
            bonus += 0.03
            found.append("same addressee")
        elif fa.addressee_kinds & fb.addressee_kinds:
            bonus += 0.02
            found.append("same kind of addressee")
        if a.topics & b.topics:
            bonus += 0.03
            found.append("same topic")
        subject = topical.get((i, j), 0.0)
        shared_subject = len(fa.subject & fb.subject)
        if not subject and shared_subject >= MANY_SUBJECT_WORDS:
            wide = index.subject_cosine(i, j)
            subject = wide if wide >= SUBJECT_OF_MANY else 0.0
        if a.part == b.part and shared_subject >= SUBJECT_WORDS and subject:
            on_subject.add((i, j))
            found.append(f"same subject: subject words' similarity {subject:.2f}")
        candidates[(i, j)] = (min(1.0, lexical + bonus), found)
    on_chain = _aligned(records, features, candidates)
    scored = []
    for (i, j), (score, found) in candidates.items():
        same_part = records[i].part == records[j].part
        off = RECITALS_OUT_OF_SEQUENCE if records[i].part == "preamble" else OUT_OF_SEQUENCE
        threshold = IN_SEQUENCE if (i, j) in on_chain else off
        if not same_part:
            threshold = OUT_OF_SEQUENCE + 0.1
        if score < max(threshold, floor) and (i, j) not in on_subject:
            continue
        if (i, j) in on_chain:
            found.append("in sequence")
        if (records[i].version, records[i].line) > (records[j].version, records[j].line):
            i, j = j, i
        scored.append((score, i, j, found))
    scored.sort(key=lambda s: (-s[0], records[s[1]].version, records[s[1]].line,
                               records[s[2]].version, records[s[2]].line))  # fmt: skip
    ranked: dict[int, list[int]] = defaultdict(list)
    for n, (_, i, j, _) in enumerate(scored):
        ranked[i].append(n)
        ranked[j].append(n)
    kept = {n for ranks in ranked.values() for n in ranks[:per_clause]}
    pairs = []
    for n, (score, i, j, found) in enumerate(scored):
        if n in kept:
            lexical = nearest[(min(i, j), max(i, j))]
            pairs.append(_pair(records[i], records[j], features[i], features[j], index, i, j,
                               score, found, lexical))  # fmt: skip
    return pairs


def _aligned(
    records: list[ClauseRecord],
    features: list[_Features],
    candidates: dict[tuple[int, int], tuple[float, list[str]]],
) -> set[tuple[int, int]]:
    """The candidates on the alignment of their two texts' parts."""
    groups: dict[tuple[str, str, str], list[tuple[int, int]]] = defaultdict(list)
    for i, j in candidates:
        a, b = records[i], records[j]
        if a.part != b.part:
            continue
        if a.version > b.version:
            groups[(b.version, a.version, a.part)].append((j, i))
        else:
            groups[(a.version, b.version, a.part)].append((i, j))
    chained = set()
    for members in groups.values():
        weighted = [
            (features[x].position, features[y].position, candidates[(min(x, y), max(x, y))][0])
            for x, y in members
        ]
        for k in heaviest_chain(weighted, CHAIN_MARGIN):
            x, y = members[k]
            chained.add((min(x, y), max(x, y)))
    return chained


_BARE_REFERENCE = re.compile(r"(?:Resolution|Decision|Recommendation|Opinion)s?\s+\S")
_STATEMENT = re.compile(r"that\b")


def _recalls_what_the_other_states(a: str, b: str) -> bool:
    """Whether one recital only names a text ('Resolution 123 (…), on bridging the
    standardization gap') and the other states something about it ('that all the advisory
    groups are collaborating in the implementation of Resolution 123 (…)'): the same
    subject, another statement, however many words they share."""
    return bool(
        (_BARE_REFERENCE.match(a) and _STATEMENT.match(b))
        or (_BARE_REFERENCE.match(b) and _STATEMENT.match(a))
    )


def _pair(
    a: ClauseRecord,
    b: ClauseRecord,
    fa: _Features,
    fb: _Features,
    index: Index,
    i: int,
    j: int,
    score: float,
    found: list[str],
    lexical: float,
) -> Pair:
    verb = fa.verb if fa.verb and fa.verb == fb.verb else None
    cited = bool(a.cited & b.cited)
    evidence = bool(a.addressees & b.addressees or a.topics & b.topics or fa.subject & fb.subject)
    own = fa.subject ^ fb.subject
    substituted = (
        bool(fa.subject - fb.subject)
        and bool(fb.subject - fa.subject)
        and len(own) > SUBSTITUTION * len(fa.subject | fb.subject)
    ) or _cite_apart(a, b)  # another subject, or another resolution cited
    # asked of another kind of body (a Director's task given to the Member States); the
    # Directors or advisory groups of other Sectors are Sector names, made equal above
    rescoped = bool(
        fa.addressee_kinds and fb.addressee_kinds and not fa.addressee_kinds & fb.addressee_kinds
    )
    added = max(len(fa.subject - fb.subject), len(fb.subject - fa.subject))
    substituted = substituted or added >= ADDITION  # a notable addition: not one text
    # one text adds a citation the other does not make ('…, in accordance with Resolution
    # 191'): a notable addition too
    substituted = substituted or a.cited < b.cited or b.cited < a.cited
    kind = classify(
        max(lexical, SAME_MANDATE) if SAME_REPORT in found else lexical,
        verb is not None or (a.part == "preamble" and cited),
        evidence,
        substituted or rescoped,  # the same text asked of other bodies: the same mandate
        # compared only where it decides: the words alone make one text from DUPLICATE up
        sequence_ratio(fa.lemmas, fb.lemmas) if SEQUENCE_FROM <= lexical < DUPLICATE else None,
    )
    if a.part == b.part == "preamble" and _recalls_what_the_other_states(a.text, b.text):
        kind = OverlapClass.RELATED
    applied = fa.normalised.differences(fb.normalised)
    terms = index.shared_terms(i, j)
    return Pair(
        a, b, kind, score, lexical, sorted(a.addressees & b.addressees),
        sorted(a.topics & b.topics), verb, terms,
        _reason(kind, a, b, applied, verb, terms[:3]), applied, found,
    )  # fmt: skip


def _reason(
    kind: OverlapClass,
    a: ClauseRecord,
    b: ClauseRecord,
    applied: list[str],
    verb: str | None,
    terms: list[str],
) -> str:
    """The class of a pair in a streamliner's words."""
    about = ", ".join(f"'{t}'" for t in terms) or "the same words"
    if kind == OverlapClass.DUPLICATE:
        differences = ", ".join(applied)
        heading = " and heading" if a.kind != b.kind else ""
        if differences or heading:
            return f"the same text up to {differences or ''}{heading}".replace("to  and", "to")
        return "the same text"
    if kind == OverlapClass.SAME_MANDATE:
        what = "recital" if a.part == b.part == "preamble" else "ask"
        if a.addressees and b.addressees and a.addressees != b.addressees:
            return f"the same {what} ({verb or about}) of another addressee"
        if a.sector != b.sector and "sector" in applied:
            return f"the same {what} ({verb or about}) in another Sector's scope"
        return f"the same {what} ({verb or about}), reworded or with additions"
    return (
        f"the same subject ({about}), a different {'statement' if a.part == 'preamble' else 'ask'}"
    )


Labels = dict[str, list[tuple[str, str | None]]]  # IRI → its preferred labels (text, language)

_PREFERRED = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?thing ?label WHERE { VALUES ?thing { %s } ?thing skos:prefLabel ?label }"""


def preferred_labels(store: Any, pairs: list[Pair]) -> Labels:
    """The preferred labels of the addressees and topics the pairs share, read once from
    the graph, so that each pair stores them joined as the listing shows them."""
    from itukg.namespaces import TOPIC
    from itukg.query.questions import parse_query_text, run
    from itukg.rdf.annotations import actor_iri

    things = {str(actor_iri(a)) for p in pairs for a in p.shared_addressees}
    things |= {TOPIC + t for p in pairs for t in p.shared_topics}
    if not things:
        return {}
    text = _PREFERRED % " ".join(f"<{iri}>" for iri in sorted(things))
    labels: Labels = defaultdict(list)
    for thing, label in run(store, parse_query_text("preferred-labels", text)).rows:
        labels[thing.value].append((label.value, label.language))
    return dict(labels)


def _joined(iris: list[str], labels: Labels) -> str | None:
    """The labels of some things sorted and joined by ', ' (tagged with their language
    when they share one, as SPARQL's GROUP_CONCAT does), as an N-Triples literal, or None
    when there are none."""
    found = {label for iri in iris for label in labels.get(iri, [])}
    if not found:
        return None
    languages = {language for _, language in found}
    text = ", ".join(sorted({value for value, _ in found}))
    return _literal(text, languages.pop() if len(languages) == 1 else None)


def _sides(pair: Pair) -> tuple[ClauseRecord, ClauseRecord]:
    """The pair's clauses, the one whose IRI sorts first first: the listing's a and b."""
    first, second = sorted((pair.a, pair.b), key=lambda record: record.iri)
    return first, second


def _caption(record: ClauseRecord) -> str:
    """'resolves 3 ii)': the clause's heading and label (¶ for a paragraph without one)."""
    return f"{record.heading} {'¶' if record.label is None else record.label}"


def _ranks(pairs: list[Pair]) -> dict[str, int]:
    """Each pair's place in the listing's order (score as stored, highest first, then
    the first clause's resolution and caption, then the second's), so that a listing
    sorts by one integer instead of comparing strings read from the store."""

    def key(pair: Pair) -> tuple[Decimal, str, str, str, str, str]:
        first, second = _sides(pair)
        return (-Decimal(f"{pair.score:.3f}"), first.version_label, _caption(first),
                second.version_label, _caption(second), pair.iri)  # fmt: skip

    return {pair.iri: n for n, pair in enumerate(sorted(pairs, key=key))}


def _listed(pair: Pair, labels: Labels) -> list[tuple[str, str]]:
    """What a listing of pairs shows, copied onto the pair (property, object): each side's
    clause, resolution, caption and Sector, the side whose IRI sorts first as 'first', and
    the shared addressees' and topics' labels. A listing of many pairs then reads one node
    per pair instead of walking sections, versions, works and bodies and grouping labels."""
    from itukg.namespaces import SECTOR, TOPIC
    from itukg.rdf.annotations import actor_iri

    listed: list[tuple[str, str]] = []
    for side, record in zip(("first", "second"), _sides(pair), strict=True):
        listed += [
            (f"{side}Clause", f"<{record.iri}>"),
            (f"{side}Resolution", _literal(record.version_label)),
            (f"{side}Caption", _literal(_caption(record))),
        ]
        if record.sector:
            listed.append((f"{side}Sector", f"<{SECTOR}{record.sector}>"))
    for predicate, iris in (
        ("sharedAddresseeLabels", [str(actor_iri(a)) for a in pair.shared_addressees]),
        ("sharedTopicLabels", [TOPIC + t for t in pair.shared_topics]),
    ):
        joined = _joined(iris, labels)
        if joined is not None:
            listed.append((predicate, joined))
    return listed


_XSD = "http://www.w3.org/2001/XMLSchema#"
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _literal(text: str, language: str | None = None) -> str:
    """An N-Triples string literal: backslash, quote and line breaks are the only
    characters its grammar does not take as written."""
    quoted = '"' + text.translate(_ESCAPES) + '"'
    return f"{quoted}@{language}" if language else quoted


def pairs_ntriples(pairs: list[Pair], labels: Labels | None = None) -> str:
    """The pairs as N-Triples: one itu:Overlap node each, with its evidence and what a
    listing shows of it; `labels` are the shared addressees' and topics' preferred labels
    (preferred_labels). Written as text, term by term: building an rdflib graph of the
    4 million triples of 180,000 pairs and serialising it took 110 s."""
    from itukg.namespaces import TOPIC
    from itukg.rdf.annotations import actor_iri
    from itukg.vocabulary import ITU as ITU_TERMS

    def decimal(value: float) -> str:  # the lexical form keeps three decimals: "0.900"
        return f'"{value:.3f}"^^<{_XSD}decimal>'

    names: dict[str, str] = {}

    def term(name: str) -> str:  # ITU_TERMS[name] raises for a term the ontology lacks
        if name not in names:
            names[name] = f"<{ITU_TERMS[name]}>"
        return names[name]

    rdf_type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    lines: list[str] = []
    ranks = _ranks(pairs)
    for pair in pairs:
        node = f"<{pair.iri}>"
        objects: list[tuple[str, str]] = [
            ("listingRank", f'"{ranks[pair.iri]}"^^<{_XSD}integer>'),
            ("overlapOf", f"<{pair.a.iri}>"),
            ("overlapOf", f"<{pair.b.iri}>"),
            ("overlapClass", term(CLASS_NODES[pair.kind])),
            ("score", decimal(pair.score)),
            ("lexicalSimilarity", decimal(pair.lexical)),
            ("sharedTerms", _literal(", ".join(pair.shared_terms))),
            ("method", _literal(METHOD)),
            ("overlapReason", _literal(pair.reason)),
        ]
        objects += [("sharedAddressee", f"<{actor_iri(a)}>") for a in pair.shared_addressees]
        objects += [("sharedTopic", f"<{TOPIC}{t}>") for t in pair.shared_topics]
        if pair.shared_verb:
            objects.append(("sharedVerb", _literal(pair.shared_verb)))
        if pair.part in PARTS:
            objects.append(("overlapPart", term(pair.part.capitalize())))
        objects += [("normalisation", _literal(n)) for n in pair.normalisations]
        objects += [("evidenceFeature", _literal(f)) for f in pair.features]
        objects += _listed(pair, labels or {})
        lines.append(f"{node} {rdf_type} {term('Overlap')} .\n")
        lines += [f"{node} {term(p)} {o} .\n" for p, o in objects]
    return "".join(lines)


# SPARQL text, with the IRI written out: a remote store scopes it as WITH <graph> DELETE …,
# where no PREFIX may come first (tests/test_vocabulary.py checks the term is declared)
FORGET_OVERLAPS = "DELETE { ?overlap ?p ?o } WHERE { ?overlap a <" + ITU + "Overlap> ; ?p ?o }"


def refresh(root: Any, floor: float = FLOOR) -> list[Pair]:
    """Detect the pairs of the store's graph and store them in place of the previous ones:
    read and written under the store's lock, made current only when all are in."""
    from itukg.store import amend

    pairs: list[Pair] = []

    def found(graph: Any) -> str:
        pairs.extend(detect(read_clauses(graph), floor))
        return pairs_ntriples(pairs, preferred_labels(graph, pairs))

    amend(root, FORGET_OVERLAPS, additions=[found])
    return pairs


def store_overlaps(graph: Any) -> tuple[str, str]:
    """The build's enricher: the pairs of the graph being built, as N-Triples to store with
    it, and how many there are."""
    pairs = detect(read_clauses(graph), FLOOR)
    return pairs_ntriples(
        pairs, preferred_labels(graph, pairs)
    ), f"found {len(pairs)} overlapping clause pairs"


def select(
    pairs: list[Pair],
    min_score: float = 0.0,
    between: tuple[str, str] | None = None,
    kind: str | None = None,
    part: str | None = "operative",
) -> list[Pair]:
    """The pairs a reader asked for: a minimum score, a pair of bodies, a class, a part
    (operative clauses unless another is asked for; None: every part)."""
    chosen = []
    for pair in pairs:
        if pair.score < min_score or (kind and pair.kind != kind):
            continue
        if part and pair.part != part:
            continue
        if between:
            bodies = {pair.a.body.upper(), pair.b.body.upper()}
            wanted = {between[0].upper(), between[1].upper()}
            if bodies != wanted:
                continue
        chosen.append(pair)
    return chosen
