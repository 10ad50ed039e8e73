"""Parse a read text into the document model: resolutions, sections, clauses, annexes.

The rules follow how ITU publishes resolutions: a title line (RESOLUTION 191 (REV.
BUCHAREST, 2022)), a subject, an enacting line naming the conference ('The
Plenipotentiary Conference of the International Telecommunication Union (Bucharest,
2022),'), headings from ontology/sections.ttl, labelled clauses, then ANNEX blocks.
Names (bodies, places of sessions, heading words) all come from the ontology.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, cast

from itukg.enums import ChangeKind, Part, Status, TextKind
from itukg.errors import InputError
from itukg.model import Annex, AnnexItem, Change, Clause, Document, Resolution, Section
from itukg.ontology import Vocabulary, load_vocabulary, sector_prefix
from itukg.parse.compare import differences
from itukg.parse.completeness import check_complete
from itukg.parse.cover import read_cover
from itukg.parse.flattened import COUNCIL_DATING, join_chunks, split_flattened
from itukg.parse.headings import HeadingMatcher
from itukg.parse.labels import Label, Nesting, mark_lead_ins, split_label
from itukg.parse.layout import UPPER_TITLE, VOLUME_PART, repair, tab_loose_labels
from itukg.parse.residue import (
    Numbering,
    label_token,
    merged_revision,
    previous_version,
    read_sequence,
    resolve_text_residue,
    revision_pairs,
)
from itukg.parse.spacing import ontology_words, rejoin_cut_words
from itukg.parse.table import find_tables
from itukg.parse.wrapping import (
    OPEN_ENDED,
    drop_balloons,
    join_open_headings,
    looks_wrapped,
    strip_bullets,
    unwrap,
)
from itukg.read.text import Line, Revision, SourceText

_KINDS = "resolution|decision|recommendation|opinion"
_TITLE = re.compile(
    r"^(?:(?P<body>[A-Z][A-Za-z]{1,9}(?:-\d{2})?)\s+(?=(?:draft\s+|new\s+|revised\s+)*(?:"
    + _KINDS
    + r")\b))?"  # 'WTDC RESOLUTION 17', 'PP RESOLUTION 101': the body before the title
    # a draft's title may say what it revises: 'Draft revision of Resolution ITU-R 15-4'
    r"(?P<marker>(?:draft\s+)?(?:new\s+|revised\s+|revision\s+(?:of|to)\s+)?)"
    r"(?P<kind>" + _KINDS + r")\s+"
    # 'RESOLUTION No. 2', as the Final Acts wrote it until the 1990s; 'RESOLUTION No. I', as
    # regional conferences numbered theirs
    r"(?:No\.?\s+(?=\d|[IVXL]{1,6}\b))?"
    r"(?:(?P<prefix>ITU-?[RTD])\s+)?"  # its hyphen lost in some copies: 'ITUR 15-4'
    # a number, a committee's provisional one ('PLEN/7', '[COM6/7]'), a footnote mark
    # and a Sector Recommendation's series letter and number: 'RECOMMENDATION ITU-R P.1058-1'
    r"(?P<number>\[[^\]]{1,40}\]|[A-Z]{2,6}/\d{1,4}"
    r"|(?<=ITU-[RTD] )[A-Z]{1,3}\.\d{1,4}(?:\.\d{1,3})?(?:-\d{1,2})?"
    r"|[A-Z]{0,3}\d{1,4}(?:-\d{1,2})?[A-Z]?|(?<=No\. )[IVXL]{1,6}|(?<=No )[IVXL]{1,6})"
    r"(?:\[\*{1,3}\]|\*{1,3})?"
    # rev: the text in the parentheses, stripped. Possessive, and inner spaces taken only
    # before a non-space, so untrusted lines cannot make the match backtrack (ReDoS).
    r"\s*+(?:\(\s*+(?P<rev>(?:[^()\s]++|\s++(?=[^()\s]))*+)\s*+\)"
    r"(?:\s*+(?:\d{1,2}|\*{1,3}))?)?\s*+$",  # a footnote mark after
    re.IGNORECASE,
)
_REVISION = re.compile(r"^(?:rev\.?\s*)?(?:(?P<place>[^\d,][^,]*?)\s*,\s*)?(?P<year>\d{4})$", re.I)
# A Council text is dated by its adoption and its amendments: the version is the last one
# ('2016, last amended 2017', 'modified 2019'); by Council sessions, '(C01, last modified C19)'
_AMENDED = re.compile(
    r"^(?:adopted\s+(?:in\s+)?)?(?:\d{4}\s*,?\s*(?:and\s+)?)?(?:last\s+)?"
    r"(?:amended|modified|revised)\b[^()]*?(?P<year>\d{4})\s*$",
    re.I,
)
_SESSION_REVISION = re.compile(r"^(?:rev\.?\s*)?(?P<acronym>[A-Z]{2,5}-\d{2,4})$", re.I)
# a Council session as its resolutions are dated: 'Resolution 1343 (C12)', '(C-17)',
# '(C-1950, last amended C-1958)'
COUNCIL_CENTURY = 50  # two digits from here on are a session of the 1900s: 'C97'
_COUNCIL_SESSION = re.compile(
    r"^(?:rev\.?\s*)?(?:C-?(?:\d{4}|\d{2})\s*,?\s*(?:last\s+)?(?:amended|modified|revised)\s+"
    r"(?:at\s+)?)?C-?(?P<year>\d{4}|\d{2})$",
    re.I,
)
# the revision of a title on the line after it, as text exports may give it
# Written to run in linear time (no backtracking over space runs) with the matches of
# `^\(\s*(?P<rev>rev\b\.?\s*[^()]+?|[^()\d,][^(),]*,\s*\d{4})\s*\)…`: the rev is
# stripped unless only '.'/spaces follow 'rev', and keeps one leading space before a digit.
_REVISION_LINE = re.compile(
    r"^\((?:\s*(?=\s[\d,])|\s*+)"
    r"(?P<rev>rev\b(?:(?:\.\s*+|\s++)(?=\))|\.?\s*+[^()\s](?:[^()\s]++|\s++(?=[^()\s]))*+)"
    r"|[^()\d,][^(),]*+,\s*+\d{4})\s*+\)"
    r"(?:\s*+(?:\d{1,2}|\*{1,3}))?$",
    re.IGNORECASE,
)
LOOSE_ENACTING_SPAN = 80  # non-empty lines
# a web page's title line with the subject after a dash: 'Resolution 40 – Regulatory
# aspects of ITU-T work', 'Resolution ITU-R 2-8 (Rev. 2019) - Conference Preparatory Meeting'
_NAMED_TITLE = re.compile(
    # a proposal's cover names what it revises: 'DRAFT Revision to WTDC Resolution 37 – …'
    # or proposes to change: 'Proposed modification of Resolution 52 - Countering spam'
    r"^(?:(?P<draft>draft\s++|proposed\s++)?"
    r"(?P<revision>(?:revision|modification|amendment)\s++(?:of|to)\s++)?"
    r"(?:(?P<body>[A-Z]{2,5})\s++)?(?=" + _KINDS + r"))?"
    r"(?P<kind>" + _KINDS + r")\s++(?:(?P<prefix>ITU-[RTD])\s++)?"
    r"(?P<number>\d{1,4}(?:-\d{1,2})?[A-Z]?)(?:\s*+\((?P<rev>[^()]{2,60})\))?"
    r"\s++[-\u2013\u2014]\s++(?P<named>\S.{0,300}?)\s*+$",
    re.IGNORECASE,
)
# and in capitals with no dash: 'RESOLUTION 1305 Role of the Dedicated Group …'
_CAPITAL_NAMED_TITLE = re.compile(
    r"^(?P<kind>RESOLUTION|DECISION|RECOMMENDATION|OPINION)\s++(?:(?P<prefix>ITU-[RTD])\s++)?"
    r"(?P<number>\d{1,4}(?:-\d{1,2})?[A-Z]?)(?P<rev>)\s++(?P<named>[A-Z][a-z].{0,300}?)\s*+$"
)
# the Council's own volumes number its texts short: 'R 1333 (C11)', 'D 8 (C-1950, last
# amended C-1958)'; the session in the parentheses is what tells them apart
_COUNCIL_SHORT_TITLE = re.compile(
    rf"^(?P<kind>[RD])\s++(?P<number>\d{{1,4}})\s*+\((?P<rev>{COUNCIL_DATING})\)\s*+$"
)
# a web page's title with the body and year after a comma: 'Resolution 1158, ITU Council 2000',
# 'Resolution 71, PP-18'
_BODY_AFTER_TITLE = re.compile(
    r"^(?P<kind>" + _KINDS + r")\s++(?P<number>\d{1,4}(?:-\d{1,2})?[A-Z]?)\s*+,\s*+"
    r"(?:ITU\s++)?(?P<body>Council|[A-Z]{2,5})(?:(?:\s++|-)(?P<rev>\d{2}|\d{4}))?\s*+$",
    re.IGNORECASE,
)
# the meeting that adopted a text, under its title on web pages and in Council volumes
_ADOPTED_AT = re.compile(
    r"^\(?(?:approved|adopted)\s+(?:at|by|during)\s+the\s+[\w\s-]{0,60}?"
    r"(?:plenary\s+meeting|meeting|session)\)?\.?$",
    re.IGNORECASE,
)
# a Sector text's running head and the Question it answers, under its title
_SUBJECT_FURNITURE = re.compile(
    r"^(?:Rec\.|Res\.)\s+ITU-[RTD]\s+[\w.-]+$|^\(Questions?\s+ITU-[RTD]\s+[\d/,\s]+\)$"
    r"|^ITU-[RTD]$"  # the Sector's name alone where an ITU-D Recommendation's enacting line is
)
# the sections an ITU-R or ITU-T Recommendation puts between its title and its enacting
# line
_FRONT_MATTER = re.compile(
    r"^(?:Scope|Keywords|Summary|Abstract|Related\s+ITU(?:-[RT])?\s+Recommendations)$"
)
_UNNUMBERED_DRAFT = re.compile(
    r"^(?:(?:ADD|MOD)\s+)?DRAFT\s+(?P<marker>NEW\s+|REVISED\s+)?(?P<kind>" + _KINDS + r")\s*$",
    re.IGNORECASE,
)
_YEAR_ONLY = re.compile(r"^\((?:rev\.?\s*)?(?P<year>\d{4})\)$", re.I)
# a text's history under its title: the years of its adoption and revisions in ITU-R
# ('(1993-2000-2015)'), or a Sector conference's places and years ('(Helsinki, 1993; …;
# Hammamet, 2016)'); the last is the version's year
_HISTORY = re.compile(
    r"^\(\s*(?>[^()\d;]{0,40}?\d{4}\s*[-\u2013;,]\s*){1,30}[^()\d;]{0,40}?(?P<year>\d{4})\s*\)$"
)
# 'ITURadiocommunication': a name run into the Union's acronym by a lost space
_GLUED_ITU = re.compile(r"\bITU(?=[A-Z][a-z])")
_ANNEX = re.compile(
    r"^(?:ANNEX|Annex)(?:\s+(?P<label>[A-Z]|\d{1,2}|[IVX]{1,5}))?"
    r"(?:\s+(?:TO|to)\s+(?:(?:THE\s+|the\s+)?(?:DRAFT\s+|draft\s+)?"
    r"(?:RESOLUTION|Resolution|DECISION|Decision|RECOMMENDATION|Recommendation)\b.*))?\s*$"
)
# a recital as it opens: a letter label, 'that …', 'the …', or the text it recalls
# ('a) that …', 'that the …', 'Resolution 31 (Rev. Doha, 2006) of …')
_RECITAL = re.compile(
    r"^(?:\(?[a-z]{1,2}\)\s*\S|[a-z]\.\s+\S|(?:\d{1,2}[.)]?\s+)?(?:(?:that|the)\b"
    r"|(?:Resolution|Recommendation|Decision|Article)s?\s+(?:ITU-R\s+)?\d|Nos?\.?\s*\d))"
)  # or a number a web page's list gave it: '1. that a key role …'
# a Recommendation's running head on its later pages: 'Rec. ITU-R S.1503-4'
_RUNNING_HEAD = re.compile(
    r"\bRec\.\s+(?P<prefix>ITU-[RT])\s+(?P<number>[A-Z]{1,3}\.\d{1,4}(?:\.\d{1,3})?(?:-\d{1,2})?)\b"
)
_BREADCRUMB = re.compile(r"(?:\s[:|>\u00bb]\s.*){2}")  # 'Home : ITU-D : Conferences'

# a lettered recital at the start of a line or after the end of the item before it
# the first item a page from the middle of a text holds before its first heading: a
# lettered recital ('…; c) that …'), or an operative item numbered as ITU sets them, with
# no full stop ('(1.2 – Other finance matters) 8 that the Annex …; 9 that …')
_LABELLED_ITEM = re.compile(
    r"(?:^|(?<=[;,.:]\s))\(?[a-z]{1,2}\)\s+(?:that|the)\b|(?:^|(?<=[;,.:)]\s))\d{1,2}\s+(?:that|to)\s+[a-z]"
)
HEADING_LOST = "heading-lost"  # the ontology's kind of recitals whose heading was lost
OPERATIVE_LOST = "operative-heading-lost"  # and of operative items whose heading was lost
# an operative item: an infinitive, or a numbered one ('1. on the basis of … to consider …')
_OPERATIVE_ITEM = re.compile(r"^(?:\d{1,2}[.)]?\s+)?to\s+[a-z]{3,}\b|^\d{1,2}\s+that\b")
_TO_RESOLUTION = re.compile(r"^\(to\s+(?P<target>Resolution\b.*)\)$", re.I)
_WITH_RESPECT = re.compile(r"^With respect to\s+(?P<target>.+)$", re.I)
_MARKERS = {"MOD", "ADD", "SUP", "DRAFT", "NOC"}
UNTITLED = "[untitled"  # the number of a text read without its title line
UNSTATED = "unstated"  # the body of a page from the middle of a text (ontology/bodies.ttl)


@dataclass
class _Title:
    line: Line
    prefix: str | None
    number: str
    revision: str | None
    marker: str
    kind: TextKind = TextKind.RESOLUTION
    body: str | None = None  # the acronym written before the title ('WTDC RESOLUTION 17')
    revision_line: Line | None = None  # '(Rev. Hyderabad, 2010)' on a line of its own
    named: str | None = None  # the subject after a dash on the title line itself


def council_year(digits: str) -> int:
    """The year of a Council session as its texts write it: 'C-1958', 'C97', 'C12'."""
    year = int(digits)
    if len(digits) == 4:
        return year
    return 1900 + year if year >= COUNCIL_CENTURY else 2000 + year


def parse_file(path, vocabulary: Vocabulary | None = None) -> Document:
    """Read and parse one text file."""
    from itukg.read import read_source

    return parse_source(read_source(path), vocabulary)


def parse_source(source: SourceText, vocabulary: Vocabulary | None = None) -> Document:
    """Parse a read text; raise InputError (file, line) when it holds no resolution."""
    vocabulary = vocabulary or load_vocabulary()
    parser = _Parser(source, vocabulary)
    return parser.parse()


def _last_paragraph(lines: list[str]) -> list[str]:
    """The last run of non-empty lines ('' separates them)."""
    runs: list[list[str]] = [[]]
    for text in lines:
        if text:
            runs[-1].append(text)
        elif runs[-1]:
            runs.append([])
    return next((run for run in reversed(runs) if run), [])


def _encoding_question(source: SourceText) -> str:
    """Why a text may hold no readable title: it was not read as plain UTF-8."""
    if source.encoding == "utf-8" and not source.notes:
        return ""
    said = "; ".join(source.notes) or f"read as {source.encoding}"
    return f"; the file may not be in the encoding it was read in ({said})"


class _Parser:
    def __init__(self, source: SourceText, vocabulary: Vocabulary) -> None:
        self.source = source
        self.vocabulary = vocabulary
        self.headings = HeadingMatcher(vocabulary)
        self.bodies_read: list[Any] = []  # the body of each text read so far
        # how far below a mixed-case title ('Resolution 18 (Rev. Hammamet, 2016)') its
        # enacting line may stand: near it, or, in a text with no other title, anywhere
        # before the next title (a proposal's cover page between them)
        self.enacting_span = 8

    # --- document -----------------------------------------------------------------
    def parse(self) -> Document:
        lines = self.source.lines
        if self.source.format == "text":  # text taken from a PDF or a web page
            lines = rejoin_cut_words(lines, ontology_words(self.vocabulary))
            flat = split_flattened(join_chunks(drop_balloons(lines)), self.headings.unglue)
            lines = strip_bullets(flat, self.headings)
            lines = join_open_headings(lines, self.headings)
            if looks_wrapped(lines):
                lines = unwrap(lines, self.headings)
        document = Document(
            source=self.source.name, encoding=self.source.encoding, format=self.source.format
        )
        document.notes.extend(self.source.notes)
        read_cover(document, lines)
        tables = find_tables(lines, self.vocabulary)
        segments: list[list[Line]] = []
        position = 0
        for table in tables:
            header_index = table.header_index
            caption = _caption_start(lines, position, header_index)
            segments.append(lines[position:caption])
            title = _caption_title(lines[caption:header_index]) if caption < header_index else ""
            headers = ", ".join(c.header for c in table.columns)
            document.notes.append(
                f"line {table.header_line}: compilation table '{title}' with columns {headers},"
                f" {table.rows} rows, lines {table.header_line}-{table.last_line}"
            )
            position = table.end_index
        segments.append(lines[position:])
        for segment in segments:
            document.resolutions.extend(_without_page_titles(self._resolutions_in(segment)))
        if not document.resolutions and not tables:
            self.enacting_span = LOOSE_ENACTING_SPAN
            for segment in segments:
                document.resolutions.extend(_without_page_titles(self._resolutions_in(segment)))
        if not document.resolutions and not tables:
            document.resolutions.extend(self._untitled(lines))
        for table in tables:
            for column in table.columns:
                found = self._resolutions_in(column.lines)
                if not found:
                    document.notes.append(
                        f"line {table.header_line}: column {column.header} holds no resolution"
                    )
                for resolution in found:
                    resolution.notes.append(
                        f"read from column {column.header} of the table at line {table.header_line}"
                    )
                document.resolutions.extend(found)
        document.resolutions = self._merge(document.resolutions)
        for resolution in document.resolutions:
            mark_lead_ins(resolution.sections)
            check_complete(resolution)
        if not document.resolutions:
            fragment = self._fragment(lines)
            if fragment is not None:
                document.resolutions.append(fragment)
        if not document.resolutions:
            raise InputError(
                self.source.path,
                "no resolution found: expected a title line such as "
                "'RESOLUTION 123 (REV. DUBAI, 2018)' followed by the enacting conference"
                + _encoding_question(self.source),
            )
        return document

    def _merge(self, resolutions: list[Resolution]) -> list[Resolution]:
        """One resolution per version: a compilation column that repeats a text already read is
        compared with it and dropped; each draft is followed by the version it revises. A
        .docx has its changes tracked, not flattened: there is no residue to read."""
        if self.source.format != "docx":
            resolve_text_residue(resolutions)
        kept: dict[str, Resolution] = {}
        for resolution in resolutions:
            first = kept.get(resolution.id)
            if first is None:
                kept[resolution.id] = resolution
                continue
            diffs = differences(first, resolution)
            where = f"the text read again at line {resolution.line} (a compilation column)"
            first.notes.append(
                f"same text as {where}"
                if not diffs
                else f"differs from {where}: " + "; ".join(diffs)
            )
        merged: list[Resolution] = []
        for resolution in kept.values():
            merged.append(resolution)
            previous = previous_version(resolution)
            if previous is not None:
                resolution.supersedes = previous.id
                if previous.id not in kept:
                    merged.append(previous)
        return merged

    def _resolutions_in(self, lines: list[Line]) -> list[Resolution]:
        starts = [(i, t) for i in range(len(lines)) if (t := self._title(lines, i)) is not None]
        ends = [i for i, _ in starts[1:]] + [len(lines)]
        return [
            self._resolution(title, lines[start + 1 : end])
            for (start, title), end in zip(starts, ends, strict=False)
        ]

    # --- resolution header -----------------------------------------------------------
    def _title(self, lines: list[Line], index: int) -> _Title | None:
        line = lines[index]
        # a justified PDF copy spaces its words out: 'RECOMMENDATION  ITU-R  BS.1770-5'
        m = _TITLE.match(" ".join(line.text.split()))
        if not m:
            return self._named_title(lines, index) or self._unnumbered_draft(lines, index)
        before = m.group("body")
        if before and before.upper() not in _MARKERS and not self._governing(before):
            return None  # a word before 'Resolution' that names no conference
        if not UPPER_TITLE.match(line.text) and not self._enacting_follows(lines, index):
            return None
        previous = next((p.text for p in reversed(lines[:index]) if p.text), "")
        if not UPPER_TITLE.match(line.text) and (
            (index and lines[index - 1].text.rstrip().endswith(OPEN_ENDED))
            or (_TITLE.match(previous) and not UPPER_TITLE.match(previous))
        ):
            # a title's second line citing another text ('… from Rec. BT.709 to' /
            # 'Recommendation ITU-R BT.2020'), or a list of related texts, one a line
            return None
        marker = m.group("marker").strip().upper()
        if before and before.upper() in _MARKERS:
            marker = (before.upper() + " " + marker).strip()
            before = None
        if previous.upper() in _MARKERS:
            marker = (marker + " " + previous.upper()).strip()
        revision, revision_line = m.group("rev"), None
        following = next((n for n in lines[index + 1 : index + 3] if n.text), None)
        # 'RESOLUTION 17' then '(Rev. Hyderabad, 2010)': one title split over two lines
        if revision is None and following and (rev := _REVISION_LINE.match(following.text)):
            revision, revision_line = rev.group("rev"), following
        return _Title(
            line,
            sector_prefix((m.group("prefix") or "").upper() or None),
            m.group("number"),
            revision,
            marker,
            TextKind(m.group("kind").lower()),
            before,
            revision_line,
        )

    def _named_title(self, lines: list[Line], index: int) -> _Title | None:
        """'Resolution 40 – Regulatory aspects of ITU-T work' above its enacting line."""
        line = lines[index]
        m = _NAMED_TITLE.match(line.text) or _CAPITAL_NAMED_TITLE.match(line.text)
        if not m and (after := _BODY_AFTER_TITLE.match(line.text)):
            return self._body_after_title(lines, index, after)
        if not m and (short := _COUNCIL_SHORT_TITLE.match(line.text)):
            if not _COUNCIL_SESSION.match(short.group("rev")):
                return None
            kind = TextKind.RESOLUTION if short.group("kind") == "R" else TextKind.DECISION
            return _Title(line, None, short.group("number"), short.group("rev"), "", kind)
        if not m or not self._enacting_follows(lines, index):
            return None
        before = m.groupdict().get("body")
        if before and not self._governing(before):
            return None
        kind = TextKind(m.group("kind").lower())
        rev = m.group("rev").strip() if m.group("rev") else None
        marker = "DRAFT" if m.groupdict().get("draft") or m.groupdict().get("revision") else ""
        return _Title(
            line, m.group("prefix"), m.group("number"), rev, marker, kind, before,
            named=m.group("named"),
        )  # fmt: skip

    def _body_after_title(self, lines: list[Line], index: int, m: re.Match[str]) -> _Title | None:
        """'Resolution 1158, ITU Council 2000' above its enacting line: the body and the year
        (or the session: 'PP-18') after the number."""
        body = self._governing(m.group("body"))
        if body is None or not self._enacting_follows(lines, index):
            return None
        year = m.group("rev")
        revision = None
        if year and len(year) == 4:
            revision = year
        elif year:
            revision = f"{m.group('body').upper()}-{year}"  # a session: 'PP-18'
        return _Title(
            lines[index], None, m.group("number"), revision, "",
            TextKind(m.group("kind").lower()), m.group("body"),
        )  # fmt: skip

    def _unnumbered_draft(self, lines: list[Line], index: int) -> _Title | None:
        """'DRAFT RESOLUTION' or 'ADD DRAFT NEW DECISION' with no number, above its enacting
        line: a draft all the same, numbered after its line ('[draft line 12]')."""
        line = lines[index]
        m = _UNNUMBERED_DRAFT.match(line.text)
        if not m or not self._enacting_follows(lines, index):
            return None
        marker = ("DRAFT " + (m.group("marker") or "")).strip().upper()
        return _Title(
            line,
            None,
            f"[draft line {line.number}]",
            None,
            marker,
            TextKind(m.group("kind").lower()),
        )

    def _untitled(self, lines: list[Line]) -> list[Resolution]:
        """A text whose title line is lost but whose enacting line can be read (a web page
        that dropped 'RESOLUTION 99', keeping its subject and 'The Plenipotentiary
        Conference …,'): one text all the same, from the subject above that line, numbered
        after its first line ('[untitled line 1]') and noted so. A page with no enacting
        line either cannot say whose text it is and stays refused."""
        index = None
        for at, line in enumerate(lines[: 4 * LOOSE_ENACTING_SPAN]):
            if line.text and self.headings.match(line.text):
                return []  # a heading before any enacting line: a page from the middle
            if line.text and self._enacting(line.text):
                index = at
                break
        if index is None:
            return []
        start = index
        while (
            start > 0
            and (start == index or lines[start - 1].text)
            and index - start < 3
            and not _BREADCRUMB.search(lines[start - 1].text)  # a page's navigation
        ):
            start -= 1  # the subject: the paragraph right above the enacting line
        while start < index and not lines[start].text:
            start += 1
        first = lines[start]
        head = next(  # looked for in the lines as read: unwrapping dropped it as furniture
            (
                m
                for line in self.source.lines
                if line.number < lines[index].number and (m := _RUNNING_HEAD.search(line.text))
            ),
            None,
        )
        if head is not None:  # a later page of a Recommendation: its running head numbers it
            title = _Title(first, head.group("prefix"), head.group("number"), None, "",
                           TextKind.RECOMMENDATION)  # fmt: skip
            note = f"the number is the running head's ('{head.group(0)}')"
        else:
            title = _Title(first, None, f"[untitled line {first.number}]", None, "")
            note = "the text is read without its number"
        resolution = self._resolution(title, lines[start:])
        resolution.notes.append(
            f"line {first.number}: no title line such as 'RESOLUTION 123 (…)' above the "
            f"enacting line: {note}"
        )
        return [resolution]

    def _fragment(self, lines: list[Line]) -> Resolution | None:
        """A page that starts at a heading ('…, considering a) …') with no title line and no
        enacting conference above it: a page from the middle of a text. What it holds is
        read from its first heading on (or from the lettered recitals before it, kept as a
        section whose heading was lost), as a text whose number and adopting body are not
        stated (body 'unstated', numbered after its first line), marked incomplete;
        nothing before it is guessed. It must hold a text's structure (two
        sections, or labelled items): a page with no heading, or prose with one heading
        word in it, stays refused."""
        before = ""
        for i, line in enumerate(lines):
            start = self.headings.first_heading_at(line.text) if line.text else None
            if start is None:
                continue
            # the recitals of the heading before, cut off with it, are kept: from the first
            # labelled one ('…of the Union; c) that …; d) that …, considering further …')
            earlier = next(
                (j for j, x in enumerate(lines[:i]) if _LABELLED_ITEM.match(x.text)), None
            )
            if earlier is not None:
                start, i = 0, earlier
            elif recital := _LABELLED_ITEM.search(line.text, 0, start):
                start = recital.start()
            # what stands before it is the page's, not the text's
            before = " ".join(x.text for x in lines[:i] if x.text) + " " + lines[i].text[:start]
            lines = [replace(lines[i], text=lines[i].text[start:]), *lines[i + 1 :]]
            break
        repaired = repair(lines, self.headings)
        at = next(
            (
                i
                for i, line in enumerate(repaired)
                if self.headings.match(line.text) or _LABELLED_ITEM.match(line.text)
            ),
            None,
        )
        if at is None or not any(self.headings.match(x.text) for x in repaired[at:]):
            return None
        first = repaired[at]
        before = " ".join([before, *(x.text for x in repaired[:at] if x.text)]).strip()
        title = _Title(first, None, f"{UNTITLED} line {first.number}]", None, "")
        resolution = self._resolution(title, repaired[at:], unstated=True)
        clauses = [c for section in resolution.sections for c in section.clauses]
        if len(clauses) < 2 or (len(resolution.sections) < 2 and not any(c.label for c in clauses)):
            return None  # one heading word in prose ('…, considering that …') is no text
        check_complete(resolution)
        resolution.complete = False
        resolution.notes.append(
            f"line {first.number}: the text starts with '{first.text[:40]}', with "
            "no title line such as 'RESOLUTION 123 (REV. DUBAI, 2018)' and no enacting "
            "conference above it (a page from the middle of a text?): its number and the "
            "body that adopted it are not stated, and what came before is not in the file "
            "(incomplete); add the title and the enacting line to read it whole"
        )
        if before:
            shown = before if len(before) <= 60 else before[:59] + "…"
            resolution.notes.append(f"line {first.number}: '{shown}' before it left out")
        return resolution

    def _body_from_elsewhere(self, title: Any) -> tuple[Any, str | None]:
        """The body of a text whose enacting line is missing or mangled: the markup's
        author (Akoma Ntoso FRBRauthor), the one session held at its revision's place and
        year, or the one body of the other texts of the same volume."""
        meta = self.source.meta.get(title.line.number, {})
        author = meta.get("author_name") or ""
        if author and (actor := self.vocabulary.governing_body_named(author)):
            return actor, f"body {actor.id} from the document's author ({author})"
        for token in re.split(r"[^A-Za-z]+", meta.get("author", "")):
            if token and (actor := self._governing(token.upper())):
                return actor, f"body {actor.id} from the document's author ({meta['author']})"
        for place, year in self._dates(title.revision):
            sessions = self.vocabulary.sessions_at(place, year) if place else []
            if len(sessions) == 1:
                actor = self.vocabulary.actors.get(sessions[0].body)
                if actor is not None:
                    return actor, f"body {actor.id} from the one session at {place}, {year}"
        seen = {actor.id: actor for actor in self.bodies_read}
        if len(seen) == 1:
            (actor,) = seen.values()
            return actor, f"body {actor.id} from the other texts of the volume"
        return None, None

    def _governing(self, acronym: str):
        """The conference, assembly or Council an acronym names ('WTDC', 'PP-14')."""
        actor = self.vocabulary.actor_by_acronym(re.sub(r"-\d{2}$", "", acronym))
        if actor is None and acronym[:1].isupper() and acronym[1:].islower():
            actor = self.vocabulary.governing_body_named(acronym)  # a name: 'Council'
        return actor if actor is not None and "GoverningBody" in actor.classes else None

    def _enacting_follows(self, lines: list[Line], index: int) -> bool:
        seen = 0
        for line in lines[index + 1 :]:
            if not line.text:
                continue
            if self._enacting(line.text):
                return True
            seen += 1
            if seen >= self.enacting_span or _TITLE.match(line.text):
                return False
        return False

    def _enacting(self, text: str):
        if (
            not text.startswith("The ")
            or len(text) > 300
            or not text.rstrip().endswith((",", ":", ")"))
        ):
            return None
        return self.vocabulary.governing_body_named(_GLUED_ITU.sub("ITU ", text))

    def _resolution(self, title: _Title, block: list[Line], unstated: bool = False) -> Resolution:
        """One text from its title and the lines after it (unstated: a page from the middle
        of a text, which may name no body: it is then the 'unstated' one)."""
        path = self.source.path
        subject: list[str] = []
        enacting_line: Line | None = None
        body = None
        year_hint: int | None = None
        body_start = 0
        blocks = 0  # paragraphs of the subject: in a loose reading only the last is the title
        front_matter = False
        for i, line in enumerate(block):
            if not line.text and subject and self.enacting_span == LOOSE_ENACTING_SPAN:
                blocks += 1
                subject.append("")
            if not line.text or line.text.upper() in _MARKERS or line is title.revision_line:
                continue
            if _ADOPTED_AT.match(line.text) or _SUBJECT_FURNITURE.match(line.text):
                continue  # 'Approved at the eleventh Plenary Meeting': not the subject
            if _FRONT_MATTER.match(line.text):
                front_matter = True  # a Recommendation's 'Scope' and 'Keywords' before the
            if front_matter:  # enacting line: not its subject
                continue
            if m := _YEAR_ONLY.match(line.text) or _HISTORY.match(line.text):
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
        if blocks:  # the title far above its enacting line: a cover page between them
            subject = _last_paragraph(subject)
        if body is None and title.body:
            body = self._governing(title.body)
        if body is None and title.prefix:
            body = self.vocabulary.world_body_of_sector(title.prefix)
        if body is None and title.revision and (m := _SESSION_REVISION.match(title.revision)):
            body = self._governing(m.group("acronym").split("-")[0])  # (Rev.WRC-97) → WRC
        if body is None and title.revision and _COUNCIL_SESSION.match(title.revision.strip()):
            body = self._governing("Council")
        body_note = None
        if body is None:
            body, body_note = self._body_from_elsewhere(title)
        if body is None and unstated:
            body = self.vocabulary.actors[UNSTATED]
        if body is None:
            raise InputError(
                path,
                f"cannot tell which conference or assembly adopted "
                f"{title.kind.upper()} {title.number}: "
                "no enacting line such as 'The Plenipotentiary Conference …,' follows the title",
                title.line.number,
            )

        dates = self._dates(title.revision)
        if not dates and enacting_line is not None:
            dates = self._dates(
                " ".join(m.group(1) for m in re.finditer(r"\(([^()]*\d{4})\)", enacting_line.text))
            )
        if not dates and year_hint is not None:
            session = self.vocabulary.session(body.id, year_hint)
            dates = [(session.place if session else None, year_hint)]
        place, year = dates[-1] if dates else (None, None)
        previous = dates[-2] if len(dates) > 1 else None
        if previous is None and dates and title.line.revision and title.line.revision.old:
            # a .docx: the revision the draft replaces is in the title's tracked change
            old = _TITLE.match(title.line.revision.old)
            old_dates = self._dates(old.group("rev")) if old and old.group("rev") else []
            if old_dates and old_dates[-1] != dates[-1]:
                previous = old_dates[-1]
        if year is not None and place is None:
            session = self.vocabulary.session(body.id, year)
            place = session.place if session else None

        draft = (
            "DRAFT" in title.marker
            or "REVISION" in title.marker  # 'Revision of Resolution 37': a proposal
            or title.marker in {"MOD", "ADD"}
            or (title.number.startswith("[") and not title.number.startswith(UNTITLED))
        )
        resolution = Resolution(
            body=self.vocabulary.acronym_of(body.id),
            body_id=body.id,
            kind=title.kind,
            number=title.number,
            revision_place=place,
            revision_year=year,
            status=Status.DRAFT if draft or previous else Status.IN_FORCE,
            title=_join_title(_named_or_subject(title.named, subject)),
            line=title.line.number,
            end_line=title.line.number,
            enacting=enacting_line.text if enacting_line else None,
            notes=list(title.line.notes),
            previous_revision=previous,
        )
        if body_note:
            resolution.notes.append(f"line {title.line.number}: no enacting line; {body_note}")
        self.bodies_read.append(body)
        if enacting_line is not None and enacting_line.revision and enacting_line.revision.old:
            resolution.old_enacting = enacting_line.revision.old  # a .docx, tracked
        if previous:
            resolution.changes.append(
                Change(
                    ChangeKind.SUBSTITUTION,
                    "title",
                    title.line.number,
                    f"{previous[0]}, {previous[1]}",
                    f"{place}, {year}",
                )
            )
        self._body(resolution, block[body_start:])
        last = [line.number for line in block if line.text]
        resolution.end_line = max([resolution.line, *last[-1:]])
        return resolution

    def _dates(self, text: str | None) -> list[tuple[str | None, int]]:
        """(place, year) of a revision text, oldest first; two when track changes ran an old
        and a new revision together ('REV. BUCHAREST, 2022 Doha, 2026')."""
        if not text:
            return []
        text = re.sub(r"\s+", " ", text).strip()
        if m := _SESSION_REVISION.match(text):
            acronym = m.group("acronym").upper()
            for session in self.vocabulary.sessions:
                if session.name.upper() == acronym:
                    return [(session.place, session.year)]
        if m := _AMENDED.match(text):
            return [(None, int(m.group("year")))]
        if m := _COUNCIL_SESSION.match(text):
            return [(None, council_year(m.group("year")))]
        if merged := merged_revision(text, self.vocabulary.sessions):
            return list(merged)
        pairs = revision_pairs(text)
        if pairs:
            dated: list[tuple[str | None, int]] = [
                (self.vocabulary.canonical_place(p), y) for p, y in pairs
            ]
            dated = sorted(dict.fromkeys(dated), key=lambda d: d[1])
            # a history set out with semicolons ('Florianópolis, 2004; Johannesburg, 2008;
            # Dubai, 2012') dates the last version only: it is no track-change residue
            return dated[-1:] if ";" in text else dated[-2:]
        if m := _REVISION.match(text):
            return [(None, int(m.group("year")))]
        return []

    # --- sections, clauses, annexes --------------------------------------------------
    def _body(self, resolution: Resolution, lines: list[Line]) -> None:
        """Sections with their lines, and annexes, in text order."""
        section: Section | None = None
        section_lines: list[tuple[Section, list[Line]]] = []
        annex: Annex | None = None
        for line in repair(lines, self.headings):
            text = line.text
            if not text:
                continue
            if VOLUME_PART.match(text):  # the volume goes on: signatures, declarations
                resolution.notes.append(
                    f"line {line.number}: the text ends at the volume's heading '{text}'"
                )
                break
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
            heading, old_heading = self.headings.match(text), None
            unlabelled = heading is None and split_label(text)[0] is None
            revised = line.revision.old if line.revision is not None else None
            if heading is not None and revised and (before := self.headings.match(revised)):
                if before.heading != heading.heading:  # a .docx heading with tracked changes
                    old_heading = before
                    author, date = _made_by(line.revision)
                    resolution.changes.append(
                        Change(ChangeKind.SUBSTITUTION, f"heading {heading.heading}", line.number,
                               before.heading, heading.heading, author=author, date=date)
                    )  # fmt: skip
            elif unlabelled and (pair := self.headings.match_pair(text)):
                old_heading, heading = pair
                resolution.changes.append(
                    Change(
                        ChangeKind.SUBSTITUTION,
                        f"heading {heading.heading}",
                        line.number,
                        old_heading.heading,
                        heading.heading,
                    )
                )
            if heading is not None:
                section = Section(
                    heading=heading.heading,
                    kind=heading.kind.part,
                    section_kind=heading.kind.id,
                    modality=heading.modality,
                    line=line.number,
                    end_line=line.number,
                    addressee_text=heading.addressee_text,
                    old_heading=old_heading.heading if old_heading else None,
                    old_section_kind=old_heading.kind.id if old_heading else None,
                    notes=list(line.notes),
                )
                resolution.sections.append(section)
                section_lines.append((section, []))
                continue
            if (
                section is None
                and not resolution.sections
                or _lettered_anew(section, section_lines, text)
            ) and (lost := _lost_heading(text)):
                # recitals or operative items straight after the enacting line: a copy
                # lost their heading ('a) that the continuing growth …' with no
                # 'considering' above, 'to convene a conference …' with no 'resolves')
                part, kind, what = lost
                section = Section(
                    heading="",
                    kind=part,
                    section_kind=kind,
                    modality=None,
                    line=line.number,
                    end_line=line.number,
                )
                resolution.sections.append(section)
                section_lines.append((section, []))
                resolution.notes.append(
                    f"line {line.number}: {what} with no heading above them (the heading"
                    f" was lost): kept as a {part.value} section without a heading"
                )
            if section is None:
                resolution.notes.append(
                    f"line {line.number}: text outside any section: {text[:80]}"
                )
                continue
            section_lines[-1][1].append(line)
        for section, body_lines in section_lines:
            self._clauses(resolution, section, body_lines)

    def _clauses(self, resolution: Resolution, section: Section, lines: list[Line]) -> None:
        """The clauses of a section; track-change residue in its labels is read first."""
        entries = [(line, *split_label(line.text)) for line in tab_loose_labels(lines)]
        first = next((label for _, label, _ in entries if label is not None), None)
        family = (
            None
            if first is None or first.style == "dash"
            else ("num" if first.style == "num" else "alpha")
        )
        styles = {"num": {"num"}, "alpha": {"alpha", "roman", "compound"}}.get(family or "", set())
        readings: dict[int, Numbering] = {}
        if family:
            indexed = [
                (i, label_token(label))
                for i, (_, label, _) in enumerate(entries)
                if label is not None and label.style in styles and not label.bis
            ]
            for (i, _), numbering in zip(
                indexed, read_sequence([t for _, t in indexed], family), strict=True
            ):
                readings[i] = numbering
        renumbered = any(r.kind == ChangeKind.RENUMBERING for r in readings.values())
        nesting = Nesting()
        last_top: Clause | None = None
        dash_counts: dict[str, int] = {}
        for i, (line, label, body) in enumerate(entries):
            if label is None and self.source.format == "text" and _METADATA_ROW.match(body):
                resolution.notes.append(
                    f"line {line.number}: '{body}' left out (a row of a page's table of"
                    " details, not a clause)"
                )
                continue
            if label is None and _NOTE_PARAGRAPH.match(body):
                # 'NOTE 1 – Users should be aware …': a note of the clause it follows (the
                # annotator reads its citations with the clause's), or of the heading
                noted = section.clauses[-1] if section.clauses else None
                (noted.notes if noted else section.notes).append(body)
                of = f"clause {noted.label or '¶'} of" if noted else "the heading"
                resolution.notes.append(
                    f"line {line.number}: '{body[:40]}' is a note of {of} '{section.heading}',"
                    " not a clause"
                )
                continue
            if label is None and self.source.format == "text" and _VIEWER_LINE.match(body):
                resolution.notes.append(
                    f"line {line.number}: '{body[:60]}' left out (a document site's viewer "
                    "caption, not a clause)"
                )
                continue
            if label is None and self.source.format == "text" and _page_word(body, section):
                resolution.notes.append(
                    f"line {line.number}: '{body}' after the section's items left out"
                    " (a web page's or document's own words, not a clause)"
                )
                continue
            reading = readings.get(i)
            old_label = None
            inserted = False
            if reading is not None and reading.kind != "item":
                # a kept label has a new text, and a section with readings has a family
                label = Label(cast(str, reading.new), cast(str, family), reading.value)
                old_label = reading.old
                inserted = reading.kind == ChangeKind.INSERTION and renumbered
                where = f"{section.heading} {reading.new}"
                if reading.kind == ChangeKind.RENUMBERING:
                    resolution.changes.append(
                        Change(ChangeKind.RENUMBERING, where, line.number, reading.old, reading.new)
                    )
                elif inserted:
                    resolution.changes.append(
                        Change(ChangeKind.INSERTION, where, line.number, None, body)
                    )
                elif reading.kind == "out-of-sequence":
                    resolution.notes.append(
                        f"line {line.number}: label {reading.new} is out of sequence"
                    )
            elif label is not None:
                old_label = label.text
            is_sub, label = nesting.place(label)
            if label is None:
                full = None
            elif label.style == "decimal":
                full = label.text  # '4.1' names itself, under 4 or not
            elif is_sub and last_top is not None:
                local = label.text
                if label.style == "dash":
                    top = last_top.label or ""
                    count = dash_counts[top] = dash_counts.get(top, 0) + 1
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
                old_label=old_label if not is_sub else (label.text if label else None),
                inserted=inserted or (is_sub and last_top is not None and last_top.inserted),
            )
            if line.revision is not None:
                _tracked(resolution, section, clause, line)
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


def _lettered_anew(
    section: Section | None, section_lines: list[tuple[Section, list[Line]]], text: str
) -> bool:
    """An 'a)' in a section whose heading was lost, after lettered recitals of its own: the
    first of another section whose heading was lost too (a web copy dropped both)."""
    if section is None or section.heading or section_lines[-1][0] is not section:
        return False
    label, _ = split_label(text)
    if label is None or label.style != "alpha" or label.value != 1:
        return False
    return any(
        (earlier := split_label(line.text)[0]) is not None and earlier.style == "alpha"
        for line in section_lines[-1][1]
    )


def _lost_heading(text: str) -> tuple[Part, str, str] | None:
    """The part and kind of a section whose heading was lost, from its first line."""
    if _OPERATIVE_ITEM.match(text):  # first: '8 that …' is numbered as a resolves item
        return Part.OPERATIVE, OPERATIVE_LOST, "operative items"
    if _RECITAL.match(text):
        return Part.PREAMBLE, HEADING_LOST, "recitals"
    return None


def _caption_start(lines: list[Line], floor: int, header: int) -> int:
    """Index where the caption of a table ('Annex', its title) starts, or header if none."""
    seen = 0
    for index in range(header - 1, floor - 1, -1):
        if not lines[index].text:
            continue
        seen += 1
        if _ANNEX.match(lines[index].text):
            return index
        if seen > 4:
            break
    return header


def _caption_title(lines: list[Line]) -> str:
    return _join_title([line.text for line in lines if line.text and not _ANNEX.match(line.text)])


# a footnote's call left on a word of the title by a text export ('developing countries1 in
# the activities'): one or two digits run into a word of small letters, before a space
_TITLE_CALL = re.compile(r"(?<=[a-z]{3})\d{1,2}(?=\s|$)|(?<=\))\d{1,2}$")
# a proposer's tag at the end of a draft's title: '… Sector [Russian Federation2]'
_PROPOSER_TAG = re.compile(r"\s*\[[A-Z][^\[\]\d]{1,60}\d{0,2}\]$")


# a row of a web page's table of a document's details, as text: '| Edition : | 1 |',
# '| Number of Pages : | 3 |'
_METADATA_ROW = re.compile(r"^\|\s*[^|]{1,40}?\s*:\s*\|[^|]{0,60}\|\s*$")


# the notes that close a Recommendation's operative part: 'NOTE 1 – Users should be
# aware …', 'NOTE – …'
_NOTE_PARAGRAPH = re.compile(r"^NOTE(?:\s+\d{1,2})?\s*[\u2013\u2014-]\s+\S")
# the caption a document-sharing site puts over the text it shows, as a copy of the page
# keeps it: 'Transcript of Resolution 1 …', 'Page 1: Resolution 1 …'
_VIEWER_LINE = re.compile(r"^(?:Transcript of|Page \d{1,4}\s*:)\s+\S")


def _page_word(text: str, section: Section) -> bool:
    """A page's own words after a section's items ('Twitter', 'Leave a Response'): at
    most three words, capitalised, with no punctuation or digit, where a clause's text
    starts in small letters ('that …', 'to …') or cites ('Resolution 146 (…)'), after
    labelled items or unlabelled ones that all start in small letters."""
    words = text.split()
    return (
        0 < len(words) <= 3
        and text[:1].isupper()
        and all(w.replace("+", "").isalpha() for w in words)
        and bool(section.clauses)  # last: these read the section's clauses
        and (
            any(c.label for c in section.clauses)
            or all(c.text[:1].islower() for c in section.clauses)
        )
    )


def _named_or_subject(named: str | None, subject: list[str]) -> list[str]:
    """The title of a text named on its title line: the subject above the enacting line
    when it starts as the name does (a web page's title line adds its own words: 'Role of
    the Dedicated Group in identifying Council 2009'), else the name."""
    if not named:
        return subject
    written = " ".join(" ".join(subject).split())
    opening = " ".join(named.split()[:4])
    at = written.find(opening) if len(opening) >= 12 else -1
    return [written[at:]] if at >= 0 else [named]


def _join_title(lines: list[str]) -> str:
    title = _TITLE_CALL.sub("", re.sub(r"\s+", " ", " ".join(lines)).strip())
    return _PROPOSER_TAG.sub("", title)


def _respect_target(text: str) -> str:
    """'resolves 3 i), the following …' → 'resolves 3 i)'; 'resolves 3a)' → 'resolves 3 a)'."""
    # (?<!\s): try ' of' only at the start of a space run, not at each space (ReDoS)
    target = re.split(r",\s|(?<!\s)\s++of\s++(?:Resolution|the)\b", text, maxsplit=1)[0]
    target = target.strip()
    target = re.sub(r"(\d)([a-z]{1,4}\))", r"\1 \2", target)
    return re.sub(r"\s+", " ", target)


def _tracked(resolution: Resolution, section: Section, clause: Clause, line: Line) -> None:
    """A clause whose line carries tracked changes (.docx): its old label and text, and the
    changes with author and date, as the residue rules give them for a text export."""
    revision = line.revision
    if revision is None:
        return
    where = f"{section.heading} {clause.label or ''}".strip()
    author, date = _made_by(revision)
    if revision.old is None:
        clause.inserted = True
        resolution.changes.append(
            Change(
                ChangeKind.INSERTION,
                where,
                line.number,
                None,
                clause.text,
                author=author,
                date=date,
            )
        )
        return
    old_label, old_body = split_label(revision.old)
    labels = set()
    if old_label is not None and clause.local_label and old_label.text != clause.local_label:
        clause.old_label = old_label.text
        labels = {old_label.text.strip("()"), clause.local_label.strip("()")}
        resolution.changes.append(
            Change(ChangeKind.RENUMBERING, where, line.number, old_label.text, clause.local_label,
                   author=author, date=date)
        )  # fmt: skip
    if old_body == clause.text:
        return
    clause.old_text = old_body
    for change in revision.changes:
        if {(change.old or "").strip("()"), (change.new or "").strip("()")} <= labels | {""}:
            continue  # the renumbering itself
        resolution.changes.append(
            Change(change.kind, where, line.number, change.old, change.new,
                   author=change.author, date=change.date)
        )  # fmt: skip


def _made_by(revision: Revision | None) -> tuple[str | None, str | None]:
    """Author and date of a line's changes (its first change's), for changes read whole."""
    first = revision.changes[0] if revision and revision.changes else None
    return (first.author, first.date) if first else (None, None)


def _without_page_titles(resolutions: list[Resolution]) -> list[Resolution]:
    """A web page's own heading ('WTDC Resolution 36') just above the text's title
    ('WTDC RESOLUTION 36 (Rev. Hyderabad, 2010)') reads as a title with nothing under it,
    and so does a document site's transcript of its first page, below the text: it is left
    out when the text next to it is the same resolution."""
    kept: list[Resolution] = []
    for index, resolution in enumerate(resolutions):
        empty = not resolution.sections and not resolution.annexes
        if empty and resolution.revision_year is None:
            key = (resolution.kind, resolution.body, resolution.number)
            neighbours = kept[-1:] + resolutions[index + 1 : index + 2]
            if any((n.kind, n.body, n.number) == key for n in neighbours):
                continue
        kept.append(resolution)
    return kept
