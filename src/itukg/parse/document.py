"""Parse a read text into the document model: resolutions, sections, clauses, annexes.

The rules follow how ITU publishes resolutions: a title line (RESOLUTION 191 (REV.
BUCHAREST, 2022)), a subject, an enacting line naming the conference ('The
Plenipotentiary Conference of the International Telecommunication Union (Bucharest,
2022),'), headings from ontology/sections.ttl, labelled clauses, then ANNEX blocks.
Names (bodies, places of sessions, heading words) all come from the ontology.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from itukg.errors import InputError
from itukg.ontology import Vocabulary, load_vocabulary
from itukg.parse.headings import HeadingMatcher
from itukg.parse.labels import Nesting, split_label
from itukg.parse.model import Annex, AnnexItem, Clause, Document, Resolution, Section
from itukg.read.text import Line, SourceText

_TITLE = re.compile(
    r"^(?P<marker>(?:draft\s+)?(?:new\s+|revised\s+)?)resolution\s+"
    r"(?:(?P<prefix>ITU-[RTD])\s+)?"
    r"(?P<number>\[[^\]]{1,40}\]|[A-Z]{0,3}\d{1,4}(?:-\d{1,2})?[A-Z]?)"
    r"\s*(?:\((?P<rev>[^()]*)\))?\s*$",
    re.IGNORECASE,
)
_UPPER_TITLE = re.compile(r"^(?:DRAFT\s+)?(?:NEW\s+|REVISED\s+)?RESOLUTION\b")
_REVISION = re.compile(r"^(?:rev\.?\s*)?(?:(?P<place>[^\d,][^,]*?)\s*,\s*)?(?P<year>\d{4})$", re.I)
_SESSION_REVISION = re.compile(r"^(?:rev\.?\s*)?(?P<acronym>[A-Z]{2,5}-\d{2,4})$", re.I)
_YEAR_ONLY = re.compile(r"^\((?:rev\.?\s*)?(?P<year>\d{4})\)$", re.I)
_PLACE_YEAR = re.compile(r"\((?P<place>[^()\d,][^(),]*),\s*(?P<year>\d{4})\)")
_ANNEX = re.compile(
    r"^(?:ANNEX|Annex)(?:\s+(?P<label>[A-Z]|\d{1,2}|[IVX]{1,5}))?"
    r"(?:\s+(?:TO|to)\s+(?:(?:THE\s+|the\s+)?(?:DRAFT\s+|draft\s+)?(?:RESOLUTION|Resolution)\b.*))?\s*$"
)
_TO_RESOLUTION = re.compile(r"^\(to\s+(?P<target>Resolution\b.*)\)$", re.I)
_WITH_RESPECT = re.compile(r"^With respect to\s+(?P<target>.+)$", re.I)
_MARKERS = {"MOD", "ADD", "SUP", "DRAFT", "NOC"}
_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
_DATE = re.compile(rf"^(?P<day>\d{{1,2}})\s+(?P<month>{'|'.join(_MONTHS)})\s+(?P<year>\d{{4}})$")
_SYMBOL = re.compile(r"^Document\s+(?P<symbol>\S+)$")
HEADER_LINES = 60


@dataclass
class _Title:
    line: Line
    prefix: str | None
    number: str
    revision: str | None
    marker: str


def parse_file(path, vocabulary: Vocabulary | None = None) -> Document:
    """Read and parse one text file."""
    from itukg.read.text import read_text

    return parse_source(read_text(path), vocabulary)


def parse_source(source: SourceText, vocabulary: Vocabulary | None = None) -> Document:
    """Parse a read text; raise InputError (file, line) when it holds no resolution."""
    vocabulary = vocabulary or load_vocabulary()
    parser = _Parser(source, vocabulary)
    return parser.parse()


class _Parser:
    def __init__(self, source: SourceText, vocabulary: Vocabulary) -> None:
        self.source = source
        self.vocabulary = vocabulary
        self.headings = HeadingMatcher(vocabulary)

    # --- document -----------------------------------------------------------------
    def parse(self) -> Document:
        lines = self.source.lines
        document = Document(source=self.source.name)
        self._read_cover(document, lines[:HEADER_LINES])
        titles = [t for t in (self._title(i) for i in range(len(lines))) if t is not None]
        if not titles:
            raise InputError(
                self.source.path,
                "no resolution found: expected a title line such as "
                "'RESOLUTION 191 (REV. BUCHAREST, 2022)' followed by the enacting conference",
            )
        starts = [t.line.number for t in titles] + [len(lines) + 1]
        for title, end in zip(titles, starts[1:], strict=False):
            block = lines[title.line.number : end - 1]
            document.resolutions.append(self._resolution(title, block))
        return document

    def _read_cover(self, document: Document, lines: Iterable[Line]) -> None:
        for line in lines:
            if document.symbol is None and (m := _SYMBOL.match(line.text)):
                document.symbol = m.group("symbol")
            if document.date is None and (m := _DATE.match(line.text)):
                month = _MONTHS.index(m.group("month")) + 1
                document.date = date(int(m.group("year")), month, int(m.group("day"))).isoformat()

    # --- resolution header -----------------------------------------------------------
    def _title(self, index: int) -> _Title | None:
        line = self.source.lines[index]
        m = _TITLE.match(line.text)
        if not m:
            return None
        if not _UPPER_TITLE.match(line.text) and not self._enacting_follows(index):
            return None
        previous = next((p.text for p in reversed(self.source.lines[:index]) if p.text), "")
        marker = m.group("marker").strip().upper()
        if previous.upper() in _MARKERS:
            marker = (marker + " " + previous.upper()).strip()
        return _Title(line, m.group("prefix"), m.group("number"), m.group("rev"), marker)

    def _enacting_follows(self, index: int) -> bool:
        following = [line for line in self.source.lines[index + 1 : index + 9] if line.text]
        return any(self._enacting(line.text) for line in following)

    def _enacting(self, text: str):
        if (
            not text.startswith("The ")
            or len(text) > 300
            or not text.rstrip().endswith((",", ":", ")"))
        ):
            return None
        return self.vocabulary.governing_body_named(text)

    def _resolution(self, title: _Title, block: list[Line]) -> Resolution:
        path = self.source.path
        subject: list[str] = []
        enacting_line: Line | None = None
        body = None
        year_hint: int | None = None
        body_start = 0
        for i, line in enumerate(block):
            if not line.text or line.text.upper() in _MARKERS:
                continue
            if m := _YEAR_ONLY.match(line.text):
                year_hint = int(m.group("year"))
                continue
            found = self._enacting(line.text)
            if found is not None:
                enacting_line, body, body_start = line, found, i + 1
                break
            if self.headings.match(line.text) or split_label(line.text)[0] is not None:
                body_start = i
                break
            subject.append(line.text)
        if body is None and title.prefix:
            body = self._body_of_sector_prefix(title.prefix)
        if body is None:
            raise InputError(
                path,
                f"cannot tell which conference or assembly adopted RESOLUTION {title.number}: "
                "no enacting line such as 'The Plenipotentiary Conference …,' follows the title",
                title.line.number,
            )

        place, year = self._revision(title.revision, body.id, path, title.line.number)
        if year is None and enacting_line is not None:
            found_dates = list(_PLACE_YEAR.finditer(enacting_line.text))
            if found_dates:
                place = self.vocabulary.canonical_place(found_dates[-1].group("place"))
                year = int(found_dates[-1].group("year"))
        if year is None:
            year = year_hint
        if year is not None and place is None:
            session = self.vocabulary.session(body.id, year)
            place = session.place if session else None

        resolution = Resolution(
            body=self.vocabulary.acronym_of(body.id),
            body_id=body.id,
            number=title.number,
            revision_place=place,
            revision_year=year,
            status="draft"
            if (
                "DRAFT" in title.marker
                or title.marker in {"MOD", "ADD"}
                or title.number.startswith("[")
            )
            else "in-force",
            title=_join_title(subject),
            line=title.line.number,
            end_line=title.line.number,
            enacting=enacting_line.text if enacting_line else None,
            notes=list(title.line.notes),
        )
        self._body(resolution, block[body_start:])
        last = [line.number for line in block if line.text]
        resolution.end_line = max([resolution.line, *last[-1:]])
        return resolution

    def _body_of_sector_prefix(self, prefix: str):
        sector = prefix.lower()
        for cls in ("Assembly", "Conference"):
            for actor in self.vocabulary.actors_of_class(cls):
                if sector in actor.sectors:
                    return actor
        return None

    def _revision(
        self, text: str | None, body: str, path, line: int
    ) -> tuple[str | None, int | None]:
        if not text:
            return None, None
        text = re.sub(r"\s+", " ", text).strip()
        if m := _SESSION_REVISION.match(text):
            acronym = m.group("acronym").upper()
            for session in self.vocabulary.sessions:
                if session.name.upper() == acronym:
                    return session.place, session.year
        if m := _REVISION.match(text):
            place = m.group("place")
            return (self.vocabulary.canonical_place(place) if place else None), int(m.group("year"))
        return None, None

    # --- sections, clauses, annexes --------------------------------------------------
    def _body(self, resolution: Resolution, lines: list[Line]) -> None:
        section: Section | None = None
        nesting = Nesting()
        annex: Annex | None = None
        last_top: Clause | None = None
        dash_counts: dict[str, int] = {}
        for line in lines:
            text = line.text
            if not text:
                continue
            if m := _ANNEX.match(text):
                annex = Annex(
                    label=m.group("label") or "", title=None, line=line.number, end_line=line.number
                )
                resolution.annexes.append(annex)
                section = None
                continue
            if annex is not None:
                self._annex_line(annex, line)
                continue
            heading = self.headings.match(text)
            if heading is not None:
                section = Section(
                    heading=heading.heading,
                    kind=heading.kind.part,
                    section_kind=heading.kind.id,
                    modality=heading.modality,
                    line=line.number,
                    end_line=line.number,
                    addressee_text=heading.addressee_text,
                )
                resolution.sections.append(section)
                nesting, last_top, dash_counts = Nesting(), None, {}
                continue
            if section is None:
                resolution.notes.append(
                    f"line {line.number}: text outside any section: {text[:80]}"
                )
                continue
            label, body = split_label(text)
            is_sub, label = nesting.place(label)
            if label is None:
                full = None
            elif is_sub and last_top is not None:
                local = label.text
                if label.style == "dash":
                    count = dash_counts[last_top.label] = dash_counts.get(last_top.label, 0) + 1
                    local = f"{label.text}{count}"
                full = f"{last_top.label} {local}"
            elif label.style == "dash":
                count = dash_counts[""] = dash_counts.get("", 0) + 1
                full = f"{label.text}{count}"
            else:
                full = label.text
            clause = Clause(
                label=full,
                local_label=label.text if label else None,
                line=line.number,
                end_line=line.number,
                text=body,
                parent=last_top.label if is_sub and last_top is not None else None,
                notes=list(line.notes),
            )
            section.clauses.append(clause)
            section.end_line = line.number
            if label is not None and not is_sub:
                last_top = clause
            elif label is None:
                last_top = None

    def _annex_line(self, annex: Annex, line: Line) -> None:
        text = line.text
        annex.end_line = line.number
        if m := _TO_RESOLUTION.match(text):
            annex.to_resolution = m.group("target")
            return
        label, body = split_label(text)
        if label is None and (m := _WITH_RESPECT.match(text)):
            annex.with_respect_to = _respect_target(m.group("target"))
            annex.items.append(AnnexItem(label=None, line=line.number, text=text))
            return
        if label is None and annex.title is None and not annex.items:
            annex.title = text
            return
        if (
            label is None
            and not annex.items
            and annex.title
            and not annex.title.endswith((".", ":", ";", ","))
            and text[:1].islower()
        ):
            annex.title = f"{annex.title} {text}"
            return
        annex.items.append(
            AnnexItem(label=label.text if label else None, line=line.number, text=body)
        )


def _join_title(lines: list[str]) -> str:
    return re.sub(r"\s+", " ", " ".join(lines)).strip()


def _respect_target(text: str) -> str:
    """'resolves 3 i), the following …' → 'resolves 3 i)'; 'resolves 3a)' → 'resolves 3 a)'."""
    target = re.split(r",\s|\s+of\s+(?:Resolution|the)\b", text, maxsplit=1)[0].strip()
    target = re.sub(r"(\d)([a-z]{1,4}\))", r"\1 \2", target)
    return re.sub(r"\s+", " ", target)
