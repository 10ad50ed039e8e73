"""The cover of an ITU contribution: agenda item, symbol, date, language, sources, title.

ITU documents open with labelled lines ('Agenda item: ADM 3', 'Document C26/89-E',
'Original: Russian'), a date, a 'Contribution by …' line, an upper-case title, then
'Purpose' and 'Action required …' paragraphs. Each field is optional.
"""

from __future__ import annotations

import re
from datetime import date

from itukg.model import Document
from itukg.read.text import Line

_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
_DATE = re.compile(rf"^(?P<day>\d{{1,2}})\s+(?P<month>{'|'.join(_MONTHS)})\s+(?P<year>\d{{4}})$")
_SYMBOL = re.compile(r"^Document\s+(?P<symbol>\S+)$")
_AGENDA = re.compile(r"^Agenda item:\s*(?P<value>.+)$", re.I)
_ORIGINAL = re.compile(r"^Original:\s*(?P<value>.+)$", re.I)
_SOURCE = re.compile(r"^(?:Contribution|Note|Report|Proposal)s?\s+(?:by|from)\s+(?P<value>.+)$")
_BODY_STARTS = re.compile(r"^(?:MOD|ADD|SUP|(?:DRAFT\s+)?(?:NEW\s+)?RESOLUTION\b)")
_HEADINGS = {"purpose": "purpose", "action required": "action_required"}
COVER_LINES = 40


def read_cover(document: Document, lines: list[Line]) -> None:
    """Fill the document's cover fields from its first lines."""
    current: str | None = None
    for line in lines[:COVER_LINES]:
        text = line.text
        if not text:
            continue
        if _BODY_STARTS.match(text):
            break
        if document.symbol is None and (m := _SYMBOL.match(text)):
            document.symbol = m.group("symbol")
        elif document.date is None and (m := _DATE.match(text)):
            month = _MONTHS.index(m.group("month")) + 1
            document.date = date(int(m.group("year")), month, int(m.group("day"))).isoformat()
        elif m := _AGENDA.match(text):
            document.cover["agenda_item"] = m.group("value")
        elif m := _ORIGINAL.match(text):
            document.cover["original_language"] = m.group("value")
        elif "sources" not in document.cover and (m := _SOURCE.match(text)):
            document.cover["sources"] = split_sources(m.group("value"))
        elif document.title is None and _is_upper_title(text):
            document.title = text
        else:
            key = next((v for k, v in _HEADINGS.items() if text.lower().startswith(k)), None)
            if key is not None:
                current = key
                document.cover.setdefault(key, "")
            elif current is not None and document.cover.get(current) == "":
                document.cover[current] = text
                current = None


def split_sources(text: str) -> list[str]:
    """'the Russian Federation, Armenia (Republic of), and Belarus (Republic of)' → three names."""
    # Scanned by position, not with a lookahead to the next ')' at each 'and', so that
    # untrusted text splits in linear time (ReDoS).
    parts, depth, start = [], 0, 0
    for index, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    names = []
    for part in parts:
        for name in _split_and(part):
            name = re.sub(r"^(?:and\s+)?(?:the\s+)?", "", name.strip())
            if name:
                names.append(name)
    return names


# ' and ' tried only where a space run starts (the run taken whole), not at each space
_AND = re.compile(r"(?<!\s)\s++and\s++")


def _split_and(part: str) -> list[str]:
    r"""The part split at ' and ', as `re.split(r"\s+and\s+(?![^(]*\))", part)` did: not
    where the next parenthesis after the 'and' closes one ('Armenia (Republic of and …)')."""
    closes = [False] * (len(part) + 1)  # whether the first parenthesis from here is ')'
    for index in range(len(part) - 1, -1, -1):
        ch = part[index]
        closes[index] = ch == ")" or (ch != "(" and closes[index + 1])
    pieces, start, at = [], 0, 0
    while m := _AND.search(part, at):
        if closes[m.end()]:
            at = m.start() + 1  # a later ' and ' may start in this one's trailing spaces
            continue
        pieces.append(part[start : m.start()])
        start = at = m.end()
    pieces.append(part[start:])
    return pieces


def _is_upper_title(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 20 and sum(c.isupper() for c in letters) / len(letters) > 0.9
