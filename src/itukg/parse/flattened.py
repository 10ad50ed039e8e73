"""Cut a text that a web page or a document site gives as one paragraph back into lines.

Some renderings run a whole resolution into one line: 'RESOLUTION 804 (REV.WRC-12)
Principles for … The World Radiocommunication Conference (Geneva, 2012), considering
a) that …; b) …, noting a) …'. The parser finds a text by its title line and its
enacting line, so on such a line it finds nothing. Here the title (in capitals, as ITU
sets it) and the enacting line that follows it are cut out onto lines of their own,
and so is the text before the title; the rest stays one line, for the layout repair
to split where headings and items are glued (parse/layout.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from itukg.parse.layout import ENACTING_BODY
from itukg.read.text import Line

FLAT_LINE = 160  # characters: shorter lines are left alone (a title line is shorter)
# the session that dates a text of the Council's volumes, in their short titles: 'C11',
# 'C-1950, last amended C-1958'
COUNCIL_DATING = r"C-?\d{2,4}(?:[^()]{0,40}?C-?\d{2,4})?"
# a title set in capitals inside a line: 'MOD DECISION 5 (REV. BUSAN, 2014)',
# 'RESOLUTION 804 (REV.WRC-12)', 'RESOLUTION ITU-R 1-6' (a citation in running text is
# written 'Resolution 71 (Rev. Marrakesh, 2002)' and is not matched); a page number may be
# glued before it ('1RESOLUTION ITU-R 38-3'); the Council's volumes write 'R 1333 (C11)'
_TITLE_IN_LINE = re.compile(
    r"(?<![A-Za-z(])(?:(?:MOD|ADD|SUP)\s+)?(?:DRAFT\s+)?(?:NEW\s+)?"
    r"(?:RESOLUTION|DECISION|RECOMMENDATION|OPINION)\s+(?:ITU-[RTD]\s+)?"
    r"(?:\d{1,4}(?:-\d{1,2})?[A-Z]?|\[[^\]\s]{1,20}\])(?:\*{1,3}(?=[A-Z\s]))?"
    r"(?:\s*\((?:REV\.?\s*)?[^()]{2,60}\))?(?=\s|(?<=\*)[A-Z])"
    r"|(?<![\w(])(?:(?:ADD|MOD)\s+)?DRAFT\s+(?:NEW\s+)?(?:RESOLUTION|DECISION|RECOMMENDATION)"
    r"(?=\s+The\s)"  # a draft with no number, its enacting line right after it
    rf"|(?<![\w(])[RD]\s\d{{1,4}}\s\({COUNCIL_DATING}\)(?=\s)"  # 'R 1333 (C11)'
    # in mixed case only when the meeting that adopted it follows, as the Council's
    # documents set it: 'Decision 482 (Modified 2004) (approved at the Eleventh Plenary …)'
    r"|(?<![\w(])(?:Resolution|Decision)\s\d{1,4}(?:\s\([^()]{2,40}\))?"
    r"(?=\s+\((?:approved|adopted)\s+(?:at|by|during)\s+the\s)"
)
# the enacting line after it: 'The World Radiocommunication Conference (Geneva, 2012),'
_ENACTING_IN_LINE = re.compile(rf"\b{ENACTING_BODY}(?:\([^()]{{2,60}}\))?\s*,")
# a long line that starts with the enacting line, its title on a line above, and runs on
# into the preamble, after its comma or a full stop a copy put in its place: 'The Regional
# Administrative Conference … (Geneva, 1985). considering a) that …'
_ENACTING_STARTS = re.compile(
    rf"^{ENACTING_BODY}"
    # the rest of a long name: 'for the Planning of the Maritime Radionavigation Service
    # (Radiobeacons) in the European Maritime Area'
    r"(?:(?:for|of|on|in)\s[^();.]{1,200}?(?:\([\w ]{2,40}\)[^();.]{0,100}?)?)?"
    r"\([^()]{2,60}\d{4}\)\s*[,.](?=\s+[a-z])"
)
_SUBJECT_SPAN = 400  # characters between the title and the enacting line at most
# the history that ends a subject: '(1993-1995-2012)', '(Helsinki, 1993; …; Dubai, 2012)'
_HISTORY_AT_END = re.compile(r"\s(?P<history>\((?:[^()]{0,300}?\d{4})\))\s*$")


# a Final Acts page's running head left inside the flattened text: 'RES644-2' (Resolution
# 644, its page 2), 'RES647 – 368 –' (and the volume's page number)
_RUNNING_HEAD = re.compile(
    r"(?<!\S)RES\d{1,4}[A-Z]?(?:-\d{1,3}|\s[-\u2013]\s\d{1,4}\s[-\u2013])(?=\s)\s?"
)

# an ITU document's footer left inside the flattened text: the file it was printed from,
# its job number, its dates and the next page's number with the symbol ('C:\ITUDOC2\110E.WW7
# (64879) 24.03.98 30.03.98 -2CMDT98/110-E')
_FOOTER = re.compile(
    r"(?<!\S)[A-Z]:\\\S{1,120}(?:\s\(\d{5,7}\))?(?:\s\d{2}\.\d{2}\.\d{2,4}){0,2}"
    r"(?:\s-?\d{0,3}[A-Z][\w/.]{1,30}-[EFS])?(?=\s)\s?"
)


# a document site that cuts a text into numbered chunks of fixed length, mid-word:
# '1、Res. ITU-R 38-3 … the study of technical, operational and procedural matters t' /
# '2、o be considered by …'
_CHUNK = re.compile(r"^(?P<number>\d{1,3})\u3001")
MIN_CHUNKS = 3


def join_chunks(lines: list[Line]) -> list[Line]:
    """The lines with a run of numbered chunks (1、, 2、, 3、 …, at least MIN_CHUNKS in
    sequence) joined back into the one text they were cut from, as written (the cuts
    fall inside words); the joined line keeps the first chunk's number."""
    numbered = [(i, int(m.group("number"))) for i, line in enumerate(lines)
                if (m := _CHUNK.match(line.text))]  # fmt: skip
    if len(numbered) < MIN_CHUNKS or [n for _, n in numbered] != list(
        range(numbered[0][1], numbered[0][1] + len(numbered))
    ):
        return lines
    first, last = numbered[0][0], numbered[-1][0]
    text = "".join(
        _CHUNK.sub("", line.text, count=1) for line in lines[first : last + 1] if line.text
    )
    return [*lines[:first], replace(lines[first], text=text), *lines[last + 1 :]]


# another of the Council's volumes sets the session after the subject, often with no comma
# after 'The Council': 'D 540 Creation of a single Standing Committee … (C06) The Council in
# view of', 'D 552 Date and duration of the 2010 session of the Council (C09) The Council,'
_COUNCIL_SUBJECT_FIRST = re.compile(
    r"(?<![\w(])(?P<kind>[RD])\s(?P<number>\d{1,4})\s(?P<subject>[A-Z][^()]{3,200}?)\s"
    rf"\((?P<session>{COUNCIL_DATING})\)\s+The\s+Council\b,?"
)


def _council_title_first(text: str) -> str:
    """'D 540 Subject (C06) The Council in …' → 'D 540 (C06) Subject The Council, in …'."""
    return _COUNCIL_SUBJECT_FIRST.sub(
        lambda m: f"{m['kind']} {m['number']} ({m['session']}) {m['subject']} The Council,", text
    )


def split_flattened(lines: list[Line], unglue: Callable[[str], str] | None = None) -> list[Line]:
    """The lines, with each long one that holds a title and its enacting line cut into
    the text before the title, the title, its subject, the enacting line and the rest;
    every piece keeps the line's number. Page running heads inside them are dropped, and
    words they run together are split by unglue (the headings' HeadingMatcher.unglue)."""
    out: list[Line] = []
    for line in lines:
        if len(line.text) > FLAT_LINE:
            if unglue is not None:
                line = replace(line, text=unglue(line.text))
            for furniture in (_RUNNING_HEAD, _FOOTER):
                if furniture.search(line.text):
                    line = replace(line, text=furniture.sub("", line.text))
            if "The Council" in line.text:
                line = replace(line, text=_council_title_first(line.text))
            out.extend(_cut(line))
        else:
            out.append(line)
    return out


def _cut(line: Line) -> list[Line]:
    text = line.text
    pieces: list[Line] = []
    position = 0
    for title in _TITLE_IN_LINE.finditer(text):
        if title.start() < position:
            continue
        enacting = _ENACTING_IN_LINE.search(text, title.end(), title.end() + _SUBJECT_SPAN)
        if enacting is None:
            continue
        subject = text[title.end() : enacting.start()]
        history = _HISTORY_AT_END.search(subject)
        parts = (
            text[position : title.start()],
            title.group(0),
            subject[: history.start()] if history else subject,
            history.group("history") if history else "",
            enacting.group(0),
        )
        pieces += [replace(line, text=p.strip()) for p in parts if p.strip()]
        position = enacting.end()
    if not pieces and (enacting := _ENACTING_STARTS.match(text)):
        pieces, position = [replace(line, text=enacting.group(0)[:-1] + ",")], enacting.end()
    if not pieces:
        return [line]
    rest = text[position:].strip()
    return pieces + ([replace(line, text=rest)] if rest else [])
