"""Track-change residue: Word's text export of a revision runs deleted and inserted text
together with no marker. These rules recover the draft (the primary reading) and, where the
residue allows, the text it revises, recording each change.

The rules read patterns, never a particular document:
- revision pairs: '(REV. BUCHAREST, 2022 Doha, 2026)', '(Bucharest, 2022Doha, 2026)' — two
  place/year pairs; the later one is the draft's;
- heading pairs: 'notingrecalling' — two heading words run together, the old one first;
- label sequences: '12', 'fh)' — labels must run on (1, 2, 3 …; a), b) …) in both the old and
  the new text, so a label that breaks the sequence is read as old + new, and a plain label that
  only fits the new sequence is an inserted paragraph (the cheapest consistent reading wins);
- end punctuation pairs: ';,' ',;' '.;' — the old mark first, the new one last;
- resolution numbers glued by a revision ('ITU-R 6-375': 6-3 then 75);
- titles glued to a known title ('…on matters of mutual interestliaison and …').
A paragraph inserted or deleted whole leaves no trace and stays in both readings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from copy import deepcopy
from dataclasses import dataclass
from typing import TypeAlias

from itukg.enums import ChangeKind, Status
from itukg.model import Change, Clause, Resolution, Section
from itukg.ontology import Session
from itukg.parse.labels import Label, letter_value, roman_value

# a place starts at the first letter of a run of place characters, and the attempt is made
# only at the run's start: trying at every letter rescans the run each time (quadratic)
_PAIR = re.compile(
    r"(?<![A-Za-z .'\u2019-])[ .'\u2019-]*"
    r"(?P<place>[A-Za-z][A-Za-z .'\u2019-]*),\s*(?P<year>\d{4})"
)
_CITED_PAIR = re.compile(
    r"\((?P<rev>Rev\.\s*)?(?P<p1>[A-Z][^(),\d]*?),\s*(?P<y1>\d{4})\s*"
    r"(?P<p2>[A-Z][^(),\d]*?),\s*(?P<y2>\d{4})\)"
)
# glued to a citation: read once over the text, and kept where it ends at a citation
_GLUED_NUMBER = re.compile(r"Resolution\s+(?:ITU-[RTD]\s+)?(?P<old>\d{1,3}-\d)(?P<new>\d{1,3})\s*")
_TITLE_END = re.compile(r";|,\s+(?:and\s+)?Resolution\b")
_END_PAIR = re.compile(r"(?P<old>[;,.:])\s*(?P<new>[;,.:])\s*$")


def revision_pairs(text: str) -> list[tuple[str, int]]:
    """All 'Place, year' pairs in a revision text ('REV. BUCHAREST, 2022 Doha, 2026')."""
    text = re.sub(r"^\s*rev\.?\s*", "", text, flags=re.I)
    return [(m.group("place").strip(), int(m.group("year"))) for m in _PAIR.finditer(text)]


# two revisions run together by a text export of tracked changes: 'HAMMAMETDUBAI, 20122016'
_MERGED_REVISION = re.compile(r"^(?:rev\.?\s*)?(?P<place>[^\d,]{6,60}),\s*(?P<year>\d{5,8})$", re.I)


def _holds_in_order(digits: str, year: str) -> bool:
    """Whether a year's digits stand in that order among the digits: '20140' holds 2014
    and 2010."""
    rest = iter(digits)
    return all(d in rest for d in year)


def merged_revision(text: str, sessions: Sequence[Session]) -> list[tuple[str, int]] | None:
    """Two revisions that a text export of tracked changes ran together letter by letter:
    'HAMMAMETDUBAI, 20122016', 'HyderabadDubai, 20140' (Hyderabad, 2010 and Dubai, 2014).
    Read only when the place is two places of the sessions and each has one session whose
    year the digits give (two whole years side by side, or their digits merged in order);
    oldest first."""
    m = _MERGED_REVISION.match(re.sub(r"\s+", " ", text).strip())
    if not m:
        return None
    place, digits = m.group("place").strip(), m.group("year")
    places = {s.place.casefold(): s.place for s in sessions}
    for cut in range(3, len(place) - 2):
        first, second = place[:cut].strip().casefold(), place[cut:].strip().casefold()
        if first not in places or second not in places:
            continue
        found: list[tuple[str, int]] = []
        for name in (places[first], places[second]):
            years = {
                s.year
                for s in sessions
                if s.place == name
                and (
                    str(s.year) in (digits[:4], digits[4:])
                    if len(digits) == 8
                    else _holds_in_order(digits, str(s.year))
                )
            }
            if len(years) != 1:
                break
            found.append((name, years.pop()))
        if len(found) == 2 and found[0][1] != found[1][1]:
            return sorted(found, key=lambda d: d[1])
    return None


# --- label sequences -------------------------------------------------------------------


@dataclass(frozen=True)
class Numbering:
    """How one label token reads: its old and new labels (None when absent)."""

    old: str | None
    new: str | None
    kind: str  # unchanged | insertion | renumbering | item | out-of-sequence
    value: int = 0  # position of the new label in its sequence (0: not in it)


def _value(text: str, family: str) -> int | None:
    if family == "num":
        return int(text) if text.isdigit() and int(text) > 0 else None
    return letter_value(text) if len(text) == 1 and text.isalpha() else None


def _splits(token: str, family: str) -> list[tuple[str, str]]:
    return [
        (token[:i], token[i:])
        for i in range(1, len(token))
        if _value(token[:i], family) and _value(token[i:], family)
    ]


def _is_roman(token: str) -> bool:
    return bool(re.fullmatch(r"[ivxlc]+", token)) and roman_value(token) > 0


BEAM = 64  # reading states kept per label: far more than real track changes produce


_Path: TypeAlias = "tuple[Numbering, _Path] | None"
"""A reading path as a linked list: (this token's reading, the path before it)."""


def read_sequence(tokens: list[str], family: str) -> list[Numbering]:
    """Read a section's label tokens ('1', '12', 'fh', 'ii' …) as old and new labels.

    family is 'num' or 'alpha' (the section's top-level style). Dynamic programming over
    (last old value, last new value) finds the reading with the fewest changes.
    """
    suffix = "" if family == "num" else ")"
    # a path is a linked list (reading, previous path), so that offering a state costs
    # the same however long the section is; only the BEAM cheapest states are carried on
    best: dict[tuple[int, int], tuple[float, _Path]] = {(0, 0): (0.0, None)}
    for token in tokens:
        step: dict[tuple[int, int], tuple[float, _Path]] = {}

        def offer(state, cost, reading, prev_cost, prev_path, step=step):
            total = prev_cost + cost
            if state not in step or total < step[state][0]:
                step[state] = (total, (reading, prev_path))

        value = _value(token, family)
        label = token + suffix
        splits = [
            (old, new, _value(old, family), _value(new, family))
            for old, new in _splits(token, family)
        ]
        item_cost = 0.1 if len(token) > 1 else 0.6
        may_be_item = family == "alpha" and _is_roman(token)
        for (o, m), (cost, path) in best.items():
            if value is not None and value == o + 1 == m + 1:
                offer((value, value), 0, Numbering(label, label, "unchanged", value), cost, path)
            if value is not None and value == m + 1:
                offer(
                    (o, value), 1, Numbering(None, label, ChangeKind.INSERTION, value), cost, path
                )
            for old, new, old_value, new_value in splits:
                if old_value == o + 1 and new_value == m + 1:
                    reading = Numbering(
                        old + suffix, new + suffix, ChangeKind.RENUMBERING, new_value
                    )
                    offer((o + 1, m + 1), 1, reading, cost, path)
            if may_be_item:
                offer((o, m), item_cost, Numbering(label, label, "item"), cost, path)
            if value is not None:
                reading = Numbering(label, label, "out-of-sequence", value)
                offer((value, value), 5, reading, cost, path)
            else:  # no reading of its own, or splits that fit no state ('cb' after 'b')
                offer((o, m), 5, Numbering(label, label, "out-of-sequence"), cost, path)
        best = dict(sorted(step.items(), key=lambda s: s[1][0])[:BEAM])
    if not best:
        return []
    path = min(best.values(), key=lambda v: v[0])[1]
    readings: list[Numbering] = []
    while path is not None:
        reading, path = path
        readings.append(reading)
    return readings[::-1]


def label_token(label: Label) -> str:
    """The bare token of a label ('12', 'fh') as the sequence rules read it."""
    return label.text.strip("()")


# --- clause text --------------------------------------------------------------------------


@dataclass
class TextReading:
    draft: str
    old: str
    changes: list[Change]


def read_text(
    text: str,
    where: str,
    line: int,
    known_numbers: set[str],
    known_titles: list[str] | list[re.Pattern[str]],
) -> TextReading:
    """The draft and old readings of one clause's text, and the changes between them."""
    # a span's Change is None for a glued title, read only if the span is kept
    spans: list[tuple[int, int, str, str, Change | None]] = []
    # by end: a search of text[: m.start()] per citation would copy and rescan the text
    glued_numbers = {g.end(): g for g in _GLUED_NUMBER.finditer(text)}
    for m in _CITED_PAIR.finditer(text):
        rev = m.group("rev") or ""
        pairs = [
            (m.group("p1").strip(), int(m.group("y1"))),
            (m.group("p2").strip(), int(m.group("y2"))),
        ]
        old_pair, new_pair = sorted(pairs, key=lambda p: p[1])
        old_text = f"({rev}{old_pair[0]}, {old_pair[1]})"
        new_text = f"({rev}{new_pair[0]}, {new_pair[1]})"
        uncertain = pairs[0][1] > pairs[1][1]
        spans.append(
            (
                m.start(),
                m.end(),
                new_text,
                old_text,
                Change(ChangeKind.SUBSTITUTION, where, line, old_text, new_text, uncertain),
            )
        )
        glued = glued_numbers.get(m.start())
        if glued:
            new_number = glued.group("new")
            start = glued.start("old")
            spans.append(
                (
                    start,
                    glued.end("new"),
                    new_number,
                    glued.group("old"),
                    Change(
                        ChangeKind.SUBSTITUTION,
                        where,
                        line,
                        glued.group("old"),
                        new_number,
                        uncertain=new_number not in known_numbers,
                    ),
                )
            )
    # an old title runs to the next ';' or ', Resolution', else to the trailing spaces:
    # searched in place from each match, and reused while ahead (no rescan to the end)
    tail = len(text.rstrip())
    for pattern in title_patterns(known_titles):
        stop, searched = None, False
        for m in pattern.finditer(text):
            if not searched or (stop is not None and stop.start() < m.end()):
                stop, searched = _TITLE_END.search(text, m.end()), True
            finish = stop.start() if stop else max(m.end(), tail)
            if finish > m.end():
                # the old title is copied only if its span is kept: most overlap the first
                spans.append((m.start(), finish, m.group(0), "", None))
    end = _END_PAIR.search(text)
    if end and end.group("old") != end.group("new"):
        spans.append(
            (
                end.start(),
                end.end(),
                end.group("new"),
                end.group("old"),
                Change(ChangeKind.SUBSTITUTION, where, line, end.group("old"), end.group("new")),
            )
        )
    kept = [
        s if s[4] is not None else _title_change(s[0], s[1], s[2], text, where, line)
        for s in _without_overlaps(spans)
    ]
    # the spans do not overlap: both readings are joined in one pass (a copy of the text
    # per span would be quadratic)
    drafts: list[str] = []
    olds: list[str] = []
    at = 0
    for begin, finish, new_text, old_text, _ in kept:
        drafts += [text[at:begin], new_text]
        olds += [text[at:begin], old_text]
        at = finish
    draft, old = "".join([*drafts, text[at:]]), "".join([*olds, text[at:]])
    return TextReading(draft, old, [s[4] for s in kept])


def _title_change(
    begin: int, finish: int, title: str, text: str, where: str, line: int
) -> tuple[int, int, str, str, Change]:
    """The span of a known title glued to its old one (which runs on to finish)."""
    old_title = text[begin + len(title) : finish]
    change = Change(ChangeKind.SUBSTITUTION, where, line, old_title, title, uncertain=True)
    return begin, finish, title, old_title, change


def title_patterns(titles: list[str] | list[re.Pattern[str]]) -> list[re.Pattern[str]]:
    """A known title, as cited after 'on' (lower-case first letter) and glued to more text."""
    return [
        t
        if isinstance(t, re.Pattern)
        else re.compile(re.escape(t[0].lower()) + re.escape(t[1:]) + r"(?=[a-z])")
        for t in titles
    ]


def _without_overlaps(spans):
    kept = []
    for span in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if kept and span[0] < kept[-1][1]:
            continue
        kept.append(span)
    return kept


# --- the document as a whole --------------------------------------------------------------


def resolve_text_residue(resolutions: list[Resolution]) -> None:
    """Read every clause of the drafts for residue, knowing the other texts of the document."""
    known_numbers = {r.number for r in resolutions}
    known_titles = title_patterns(
        sorted({r.title for r in resolutions if len(r.title) > 20}, key=len, reverse=True)
    )
    for resolution in resolutions:
        if resolution.status != Status.DRAFT:
            continue
        if resolution.enacting:
            enacting = read_text(resolution.enacting, "enacting", resolution.line, set(), [])
            resolution.enacting, resolution.old_enacting = enacting.draft, enacting.old
        for section in resolution.sections:
            for clause in section.clauses:
                where = f"{section.heading} {clause.label or ''}".strip()
                reading = read_text(clause.text, where, clause.line, known_numbers, known_titles)
                if reading.changes:
                    clause.text = reading.draft
                    clause.old_text = reading.old
                    resolution.changes.extend(reading.changes)
        resolution.changes.sort(key=lambda c: c.line)


def previous_version(draft: Resolution) -> Resolution | None:
    """The text a draft revises, rebuilt from the residue: old headings, labels, punctuation
    and citations; paragraphs the label residue shows as inserted are left out."""
    if draft.previous_revision is None:
        return None
    place, year = draft.previous_revision
    old = Resolution(
        body=draft.body,
        body_id=draft.body_id,
        number=draft.number,
        revision_place=place,
        revision_year=year,
        status=Status.IN_FORCE,
        title=draft.title,
        line=draft.line,
        end_line=draft.end_line,
        enacting=draft.old_enacting or draft.enacting,
        notes=[f"reconstructed from the track-change residue of {draft.id}"],
    )
    for section in draft.sections:
        copy = Section(
            heading=section.old_heading or section.heading,
            kind=section.kind,
            section_kind=section.old_section_kind or section.section_kind,
            modality=section.modality,
            line=section.line,
            end_line=section.end_line,
            addressee_text=section.addressee_text,
        )
        old_labels: dict[str, str | None] = {}
        for clause in section.clauses:
            if clause.inserted:
                continue
            if clause.parent is None:
                label = clause.old_label if clause.label else None
                if clause.label:
                    old_labels[clause.label] = label
            else:
                parent = old_labels.get(clause.parent, clause.parent)
                label = f"{parent} {(clause.label or '').split(' ', 1)[1]}"
            copy.clauses.append(
                Clause(
                    label=label,
                    local_label=clause.local_label if clause.parent else label,
                    line=clause.line,
                    end_line=clause.end_line,
                    text=clause.old_text if clause.old_text is not None else clause.text,
                    parent=old_labels.get(clause.parent, clause.parent) if clause.parent else None,
                    notes=list(clause.notes),
                )
            )
        if copy.clauses or not section.clauses:
            old.sections.append(copy)
    old.annexes = [deepcopy(a) for a in draft.annexes]
    return old
