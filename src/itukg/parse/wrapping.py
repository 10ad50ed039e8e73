"""Undo the line breaks of text extracted from a PDF or copied from a web page.

A text export of a Word file has one paragraph a line. Text taken from a PDF (pdftotext,
a copy from a viewer, a document site's rendering) is wrapped at the page width instead:
a clause runs over several lines, a word is hyphenated across two, a label stands alone
on its line with its text on the next ('a)' / 'that the …'), labels are followed by
spaces rather than a tab, the page's furniture (page counters '3/484', date stamps
'19.06.15', '– 5 –') sits between the lines, and web copies keep their bullets
('• considering'). The parser reads clauses by line, so these are joined back here,
before headings and items are looked for. Only plain text is unwrapped: the Word, PDF,
HTML and Akoma Ntoso readers give paragraphs already.

A line is joined to the one before only when it cannot start anything of its own: it is
no heading the ontology knows, carries no label, and the line before it ends inside a
sentence (no full stop, semicolon or colon) and is no heading either. A blank line
always ends a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import replace

from itukg.parse.headings import HeadingMatcher
from itukg.parse.labels import split_label
from itukg.parse.layout import ENACTING_BODY
from itukg.read.text import Line

# a page's furniture: '3/484', '19.06.15', '– 5 –', '- 2/30 PP-02/56-E', and the one-word
# symbols of a document or a proposal ('CMR15/-E', 'DOCUMENT1', 'EUR/XX/1')
_FURNITURE = re.compile(
    r"^(?:\d{1,4}/\d{1,4}"
    r"|(?=[^\s]*\d)[A-Z][A-Z0-9]*[/.-]?[A-Z0-9/.-]{1,20}"
    r"|\d{2}\.\d{2}\.\d{2}(?:\d{2})?"
    r"|[-\u2013\u2014]\s*\d{1,4}(?:/\d{1,4})?\s*[-\u2013\u2014]?(?:\s*[A-Z][\w./()-]{1,30}-[A-Z])?"
    # an ITU document's footer: the file it was printed from ('M:\ITUDOC13\092V2E.WW9') and
    # its job number ('(111606)')
    r"|[A-Z]:\\\S{1,120}|\(\d{5,7}\)"
    # a Recommendation's running head, with the page number before or after it on even and
    # odd pages: 'Rec. ITU-R  BS.1770-5', '2      Rec. ITU-R S.1503-4'
    r"|(?:\d{1,4}\s+)?Rec\.\s+ITU-[RT]\s+[A-Z]{1,3}\.\d{1,4}(?:\.\d{1,3})?(?:-\d{1,2})?(?:\s+\d{1,4})?"
    # a Markdown code fence around text pasted from a PDF ('```text', '```')
    r"|`{3,}[\w-]*"
    # bullets left together on a line of their own when a page lost its list ('• •')
    r"|[\u2022\u25aa\u25e6\u25cf\u00b7](?:\s*[\u2022\u25aa\u25e6\u25cf\u00b7])+)$"
)
# a label followed by spaces, as wrapped text gives it: 'a)     that …', '1.1   to …'
_LABEL_WORD = r"\(?[a-z]{1,4}\)|\(\d{1,3}\)|\d{1,3}(?:\.\d{1,3}){0,3}"
_SPACED_LABEL = re.compile(rf"^(?P<label>{_LABEL_WORD})\s{{2,}}(?=\S)")
# a label alone on its line: its text is on the next
_LONE_LABEL = re.compile(rf"^(?:{_LABEL_WORD}|[\u2013\u2014\u2022-])$")
_BULLET = re.compile(r"^\s*[\u2022\u25aa\u25e6\u25cf\u00b7]\s+")
# a page that sets its lists with hyphens or asterisks ('- recognizing', '- a) …'): a mark
# that is also a dash item's, removed only when it stands before headings
_PLAIN_BULLET = re.compile(r"^\s*(?P<mark>[*-])\s+")
# words a heading or a title's line never ends on: its phrase goes on on the next line
OPEN_ENDED = (" the", " of", " and", " to", " with", " from", " in", " on", " for", " by")
_ENDS_SENTENCE = (".", ";", ":", "!", "?")
# a line that has not reached its end: a lettered or numbered item whose text starts in
# lower case, as recitals and asks do ('a) the Charter of the United Nations and the
# Universal' / 'Declaration of …', or that recalls a text: 'b) Resolution 18 of the World'; an
# annex's '1 Introduction' starts in capitals), or the
# enacting line before its comma ('The Plenipotentiary Conference of the International' /
# 'Telecommunication Union (Minneapolis, 1998),')
_UNFINISHED = re.compile(
    rf"^(?:\(?(?:[a-z]|\d{{1,2}}(?:\.\d{{1,2}})*)[).]?\s+"
    r"(?:[a-z]|(?:Resolutions?|Decisions?|Recommendations?|Articles?|Nos?\.?)\s)"
    rf"|{ENACTING_BODY})"
)
# the enacting line ('The World Telecommunication Development Conference (Hyderabad,
# 2010),', 'The ITU Radiocommunication Assembly,'): a line of its own after a title
_ENACTING = re.compile(rf"^{ENACTING_BODY}(?:\([^()]{{0,60}}\)?)?\s*[,:]?$")


# a title's kind word alone on its line, and the number that goes on it on the next
_KIND_ALONE = re.compile(
    r"^(?:[A-Z][A-Za-z]{1,9}\s+)?(?:(?:DRAFT|NEW|REVISED)\s+)*"
    r"(?:RESOLUTION|DECISION|RECOMMENDATION|OPINION|Resolution|Decision|Recommendation)$"
)
_TITLE_LINE = re.compile(
    r"^(?:draft\s+|proposed\s+)?(?:(?:revision|modification|amendment)\s+(?:of|to)\s+)?"
    r"(?:[A-Z]{2,5}\s+)?(?:resolution|decision|recommendation|opinion)\s+(?:ITU-?[RTD]\s+)?\d",
    re.IGNORECASE,
)
_NAMED = re.compile(r"\d[A-Z]?(?:\s*\([^()]{2,60}\))?\s[-\u2013\u2014]\s+[A-Z]")
_NUMBER_START = re.compile(r"^(?:ITU-[RTD]\s+)?\d{1,4}(?:-\d{1,2})?[A-Z]?(?:\s*\(|\s*$)")


def unwrap(lines: list[Line], headings: HeadingMatcher) -> list[Line]:
    """The lines with wrapped paragraphs joined, lone labels given their text, the page's
    furniture left out and web bullets removed; each keeps its first line's number."""
    out: list[Line] = []
    pending_label: Line | None = None
    full = _full_width(lines)
    for line in lines:
        text = line.text
        if not text:
            if pending_label is None:
                out.append(line)
            continue
        if _FURNITURE.match(text):
            continue
        text = _SPACED_LABEL.sub(lambda m: f"{m.group('label')}\t", text)
        if pending_label is not None:
            own_line = _starts_own_line(text, headings) or _LONE_LABEL.match(text)
            if pending_label.text[:1].isdigit() and (own_line or " " not in text):
                pending_label = None  # a page number, not a label: '4' / 'c)   that …'
            elif own_line:
                out.append(pending_label)
            elif (above := _pulled_below(out, text)) is not None:
                # the label printed beside its clause's second line: the first line is above
                first = out[above]
                del out[above + 1 :]  # the blank lines between
                joined = f"{pending_label.text}\t{_join(first.text, text)}"
                out[above] = replace(first, text=joined)
                pending_label = None
                continue
            else:
                out.append(replace(pending_label, text=f"{pending_label.text}\t{text}"))
                pending_label = None
                continue
            pending_label = None
        if _LONE_LABEL.match(text):
            pending_label = replace(line, text=text)
            continue
        previous = out[-1] if out else None
        if previous is not None and _continues(previous.text, text, headings, full):
            out[-1] = replace(previous, text=_join(previous.text, text), raw=previous.raw)
            continue
        out.append(replace(line, text=text) if text != line.text else line)
    if pending_label is not None:
        out.append(pending_label)
    return out


# a clause's first words: what the line after a lone label starts with when it is the
# label's own clause
_CLAUSE_OPENING = re.compile(
    r"^(?:that|to|the|a|an|its|their|this|these|in|on|of|for|with|by|Resolution|Decision)\b"
)


def _pulled_below(out: list[Line], text: str) -> int | None:
    """Where the clause of a lone label starts, when a PDF's text came out with the label
    after its clause's first line ('that listeners desire … for different' / 'c)' /
    'sources and programme types;'): the line after the label goes on a sentence (small
    letters, no clause's first word) that the last line above began ('that …', 'to …',
    unlabelled, unfinished). None when the label's clause is the line after it."""
    if not text[:1].islower() or _CLAUSE_OPENING.match(text):
        return None
    k = len(out) - 1
    while k >= 0 and not out[k].text:
        k -= 1
    if k < 0:
        return None
    before = out[k].text
    if (
        re.match(r"(?:that|to)\s", before)
        and not before.endswith((*_ENDS_SENTENCE, ","))
        and split_label(before)[0] is None
    ):
        return k
    return None


def _starts_own_line(text: str, headings: HeadingMatcher) -> bool:
    """A heading or a labelled clause: a line of its own."""
    return split_label(text)[0] is not None or headings.match(text) is not None


def _full_width(lines: list[Line]) -> int:
    """The length of a line the page's width filled: a line as long as that stopped only
    because the page did (the 80th percentile of the long lines' lengths)."""
    lengths = sorted(len(line.text) for line in lines if len(line.text) >= 30)
    if len(lengths) < WRAPPED_LINES:
        return 10**9
    return int(0.85 * lengths[int(0.8 * (len(lengths) - 1))])


def _continues(before: str, text: str, headings: HeadingMatcher, full: int = 10**9) -> bool:
    """Whether text goes on the sentence of the line before it (full: the length of a
    line that filled the page's width)."""
    if not before or before.endswith(_ENDS_SENTENCE) or _starts_own_line(text, headings):
        return False
    if len(before) >= MAX_PARAGRAPH:
        return False  # no paragraph of an ITU text is this long: a text without sentences
    if _KIND_ALONE.match(before) and _NUMBER_START.match(text):
        return True  # 'RESOLUTION' / '645 (WRC-2000)': a title broken after its kind word
    if before == "The":
        return True  # an article never ends a line: 'The' / 'World Radiocommunication …'
    if text == "The":
        return False  # nor goes on one: the enacting line broken after its first word
    if headings.match(before) is not None or before.isupper():
        return False
    if (
        _TITLE_LINE.match(before)
        and text[:1].isupper()
        and len(before) <= MAX_TITLE_LINE
        and not before.endswith(OPEN_ENDED)
    ):
        return False  # a title line is a line of its own: 'Resolution 37 – Bridging …'
        # (not a recital that recalls a resolution and goes on after 'and')
    if _TITLE_LINE.match(text) and (text[:5].upper() == "DRAFT" or _NAMED.search(text)):
        return False  # and starts one: 'DRAFT Revision to WTDC Resolution 37 – …'

    if text.isupper() and len(text.split()) <= 6:
        return False  # a heading in capitals: 'FOREWORD', 'ANNEX'

    tail = before[-PARENTHESIS_SPAN:]
    if tail.count("(") > tail.count(")"):
        return True  # inside a parenthesis: '(Dubai,' / '2018),'
    if _ENACTING.match(text) or (_ENACTING.match(before) and before.endswith((",", ":"))):
        return False  # the enacting line, a line of its own after a title that runs over lines
    if _hyphenated(before):
        return True
    if text[:1].islower():
        return True
    if (
        before.startswith("The ")
        and text.startswith("(")
        and re.match(r"\((?:Rev\.\s*)?[^()]{0,40}\d{4}\)", text)
    ):
        return True  # the enacting line's '(Minneapolis, 1998),' on a line of its own
    # an upper-case start goes on after a word that cannot end a sentence's line, or
    # after a line that stopped only at the page's width ('…Parties to the Tampere' /
    # 'Convention to …')
    last = before.rsplit(None, 1)[-1]
    if last.isalpha() and text[:1].isupper() and _UNFINISHED.match(before):
        return True  # a recital, an ask or the enacting line goes on to its ',' or ';'
    return (last.isalpha() and last.islower()) or len(before) >= full


def _hyphenated(before: str) -> bool:
    """A word broken at the line's end: 'work-', 'Secretary-' (not ' -')."""
    return before.endswith("-") and before[-2:-1].isalpha()


def _join(before: str, text: str) -> str:
    """'recom-' + 'mendations' → 'recommendations'; 'Secretary-' + 'General' keeps it."""
    if _hyphenated(before):
        return before[:-1] + text if text[:1].islower() else before + text
    return f"{before} {text}"


MAX_TITLE_LINE = 160  # characters: a longer line is paragraphs joined, not a title line
MAX_PARAGRAPH = 20_000  # characters: lines are not joined into a longer paragraph
PARENTHESIS_SPAN = 400  # characters at a line's end in which an open parenthesis goes on
WRAPPED_SHARE = 0.3  # of a text's lines that end inside a sentence, with more text after
WRAPPED_LINES = 5  # and at least so many of them


def looks_wrapped(lines: list[Line]) -> bool:
    """A text wrapped at a page's width: many of its lines stop inside a sentence and the
    next line goes on. A Word text export (a paragraph a line) has few such lines."""
    texts = [line.text for line in lines]
    inside = sum(
        1
        for text, after in zip(texts, texts[1:], strict=False)
        if after and len(text) >= 30 and not text.endswith((*_ENDS_SENTENCE, ","))
    )
    long_lines = sum(1 for text in texts if len(text) >= 30)
    return inside >= WRAPPED_LINES and inside >= WRAPPED_SHARE * long_lines


def strip_bullets(lines: list[Line], headings: HeadingMatcher) -> list[Line]:
    """A web page that shows its headings as bullets ('• considering', '• a) that …', or
    '- considering' in a plain-text rendering) copied as text: the bullets carry no
    structure there, so they are removed. A text whose bullets mark only list items keeps
    them (they are its dash items)."""
    marks = {
        m.group("mark")
        for line in lines
        if (m := _PLAIN_BULLET.match(line.text))
        and headings.match(line.text[m.end() :]) is not None
    }
    if marks:  # those marks are the page's bullets; a round one, if any, is a dash item's
        plain = [(line, _PLAIN_BULLET.match(line.text)) for line in lines]
        return [
            replace(line, text=line.text[m.end() :]) if m and m.group("mark") in marks else line
            for line, m in plain
        ]
    if not any(
        (m := _BULLET.match(line.text)) and headings.match(line.text[m.end() :]) is not None
        for line in lines
    ) and not _bullets_before_headings(lines, headings):
        return lines
    return [
        replace(line, text=line.text[m.end() :]) if (m := _BULLET.match(line.text)) else line
        for line in lines
    ]


def _bullets_before_headings(lines: list[Line], headings: HeadingMatcher) -> bool:
    """Bullets above the first heading: recitals whose heading the page lost ('• that …'),
    not dash items, which always stand under a heading."""
    for line in lines:
        if _BULLET.match(line.text):
            return True
        if headings.match(line.text) is not None:
            return False
    return False


def _addressed_below(heading: str, text: str, headings: HeadingMatcher) -> bool:
    """Whether text ('to invite ITU-R') is the rest of the bare heading above it
    ('resolves'): together they are a heading naming its addressees, with no clause."""
    above = headings.match(heading)
    if above is None or above.addressee_text or not text.startswith("to "):
        return False
    joined = headings.match(f"{heading} {text}")
    return (
        joined is not None
        and joined.modality != above.modality
        and bool(joined.addressee_text)
        # bodies only: 'to recommend to the Council that a conference be held …' is a clause
        and re.search(r"\b(?:that|to|which|shall|should)\b", joined.addressee_text) is None
        and headings.split_clause(f"{heading} {text}") is None
    )


# the balloons of a Word document's tracked changes, printed to PDF in its margin and
# copied with its text: 'Deleted: GUADALAJARA, 2010', each after its author, whom Word
# names 'Author' in a document stripped of personal data
_BALLOON = re.compile(
    r"^(?P<label>\(?[a-z]{1,2}\)\s+)?(?:Deleted|Inserted|Formatted|Moved \((?:from|to)\)):\s"
)
_AUTHOR_AT_END = re.compile(r"(?:^|\s)Author$")
_AUTHOR_AT_START = re.compile(r"^Author(?:\s+|$)")


def drop_balloons(lines: list[Line]) -> list[Line]:
    """The lines without the tracked changes' balloons a PDF copy ran into the text, and
    without their author's name where it stands next to one; a label a balloon followed
    ('g) Deleted: ,') goes before the text after it."""
    if not any(_BALLOON.match(line.text) for line in lines):
        return lines
    out: list[Line] = []
    after_balloon = False
    label = ""
    for index, line in enumerate(lines):
        text = line.text
        if m := _BALLOON.match(text):
            after_balloon = True
            label = m.group("label") or label
            continue
        if after_balloon:
            text = _AUTHOR_AT_START.sub("", text)
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        if _BALLOON.match(following):
            text = _AUTHOR_AT_END.sub("", text)
        after_balloon = False
        if text and label:
            text, label = label + text, ""
        if text or not line.text:
            out.append(replace(line, text=text))
    return out


def join_open_headings(lines: list[Line], headings: HeadingMatcher) -> list[Line]:
    """A heading line that stops on a word no heading ends on ('resolves to instruct the'
    / 'Secretary-General') joined with the next line, in any text: the line alone would
    be a heading with a lost addressee. So is 'resolves' over a line that only says whom
    it addresses ('to invite ITU-R', then the items): that line is the heading's rest."""
    out: list[Line] = []
    for line in lines:
        previous = out[-1] if out else None
        if (
            previous is not None
            and line.text
            and (
                (
                    previous.text.endswith(OPEN_ENDED)
                    and headings.match(previous.text) is not None
                    and not _starts_own_line(line.text, headings)
                )
                or _addressed_below(previous.text, line.text, headings)
            )
        ):
            out[-1] = replace(previous, text=_join(previous.text, line.text), raw=previous.raw)
            continue
        out.append(line)
    return out
