"""Repair the layout damage that PDF conversions and web pages leave in ITU texts.

Read from a PDF (or an XML or HTML rendering made from one), a text loses its line
structure in three ways that hide headings and items from the parser:

- a heading glued to the end of the previous paragraph: '… conference in 2022,
  instructs the Directors of the Bureaux';
- a heading glued between a paragraph and the first item under it: '…, resolves to
  instruct the Secretary-General 1 to collaborate …';
- numbered items run together on one line: '…; 10 to ensure …; 11 to report …'.

Each repair splits one line into several, all keeping the source line number, so that
reports still point at the line the text came from. A split is made only where the
pieces read as what they must be: a heading the ontology knows (HeadingMatcher), and
items whose numbers continue the sequence. A clean text has nothing to split.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from itertools import chain

from itukg.enums import Part
from itukg.parse.headings import HeadingMatcher
from itukg.parse.labels import Label, column_value, letter_value, split_label
from itukg.read.text import Line

MAX_GLUED_HEADING = 320  # characters of a heading (with its addressees) glued to a text
_BREAK = re.compile(r"[,;:.]\s+(?:and\s+)?")
# an item's label inside a line, before its text in small letters, or (a lettered item)
# before the text it recalls: 'a) Article 10 of the Constitution', 'b) Resolution 71 …'
_ITEM_START = re.compile(
    r"\s(?P<label>\d{1,2}\.?(?=\s+[a-z])|(?:[a-z]|[ivx]{1,5})\)"
    r"(?=\s+(?:[a-z]|(?:Resolution|Decision|Recommendation|Opinion|Article|Annex|Document)s?\s"
    r"|Nos?\.?\s)))\s+"
)
# an annex title or the volume's own part heading run into the end of a paragraph
_GLUED_BLOCK = re.compile(
    r"(?:(?<=\S)\s+(?P<annex>"
    r"ANNEX(?:\s+(?:\d{1,2}|[A-Z]))?\s+TO\s+(?:THE\s+)?(?:DRAFT\s+)?"
    r"(?:RESOLUTION|DECISION|RECOMMENDATION)\s+[\w.-]+(?:\s*\([^()]{1,60}\))?)"
    r"|(?<=[.;:,])\s+(?:\d{1,4}\s+)?(?P<part>"
    r"PART\s+[IVX]{1,5}\s*[-\u2013\u2014]\s*[A-Z][A-Z ,]{2,60}\b))"
    r"(?=\s|$)"
)
VOLUME_PART = re.compile(r"^PART\s+[IVX]{1,5}\s*[-\u2013\u2014]\s*[A-Z][A-Z ,]{2,60}$")
"""A heading of the volume ('PART VI - SIGNATORIES'): the texts end before it."""
UPPER_TITLE = re.compile(
    r"^(?:[A-Z][A-Za-z]{1,9}(?:-\d{2})?\s+)?(?:DRAFT\s+)?(?:NEW\s+|REVISED\s+)?"
    r"(?:RESOLUTION|DECISION|RECOMMENDATION|OPINION)\b"
)
"""A title in capitals ('WTDC RESOLUTION 17'): it opens a text, whose preamble comes first."""
# the body an enacting line names, 'The World Telecommunication Development Conference',
# 'The Plenipotentiary Conference of the International Telecommunication Union', 'The ITU
# Radiocommunication Assembly', 'The Council': the start of the wrapped-text and
# one-paragraph patterns, which differ in what may follow it
ENACTING_BODY = (
    r"The\s+(?:[A-Z][\w.-]*\s+(?:of\s+the\s+)?){0,8}?(?:Conference|Assembly|Council)\b"
    r"(?:\s+of\s+the\s+[A-Z][\w ]{0,60}?)?\s*"
)
# a recital a heading is glued to after a comma is a whole recital, not a subject
MIN_RECITAL_BEFORE_HEADING = 80
_LOOSE_NUMBER = re.compile(r"^(?P<number>\d{1,3}) +(?P<body>[a-z].*)$")
_LOOSE_DECIMAL = re.compile(
    r"^(?P<number>(?P<major>\d{1,3})\.(?P<minor>\d{1,3})) +(?P<body>[a-z].*)$"
)
# the next item run into a line: after a semicolon, or after a comma when it opens as an
# item does ('…Council sessions, 3 to take …', '…(C07/21), b) that Council …'); the
# numbers or letters must continue the item's own
_RUN_ON = re.compile(
    r"(?:[;.]\s+(?:and\s+)?(?P<label>\d{1,3})\.?\s+(?=[a-z])"
    r"|,\s+(?:and\s+)?(?P<after_comma>\d{1,3})\s+(?=(?:to|that)\s))"
)
# 'i) to replace …; ii) to establish …': lettered and roman items run together
_RUN_ON_LETTERED = re.compile(
    r"(?:;\s+(?:and\s+)?(?P<label>[a-z]{1,5})\)\s+(?=\S)"
    r"|,\s+(?:and\s+)?(?P<after_comma>[a-z]{1,5})\)\s+(?=(?:to|that|the)\s))"
)


def repair(lines: Iterable[Line], headings: HeadingMatcher) -> list[Line]:
    """The lines with glued headings and run-together items split apart."""
    repaired: list[Line] = []
    in_preamble = True  # no operative heading yet since the last title
    for line in lines:
        if UPPER_TITLE.match(line.text):
            in_preamble = True
        for block in _split_blocks(lift_footnotes(line)):
            for piece in _split_headings(block, headings, repaired, in_preamble):
                for item in _split_items(piece):
                    repaired.append(item)
                    if in_preamble and _is_operative(item.text, headings):
                        in_preamble = False
    return repaired


def _is_operative(text: str, headings: HeadingMatcher) -> bool:
    match = headings.match(text) if text[:1].islower() else None
    return match is not None and match.kind.part == Part.OPERATIVE


# footnotes a conversion ran into the text after their rule: '…; ____________ 3 See
# requests the ITU Council 3 below. 10 that …'
# (tried only where a run of underscores starts, never backtracking into it: linear)
_FOOTNOTE_RULE = re.compile(r"(?<!_)_{4,}+\s*+(?=\d{1,2}\s+\S)")
# where the text goes on after the footnotes: a sentence's end, then a word in small
# letters (a heading, 'that …') or an item's number before one ('10 that …')
_AFTER_NOTES = re.compile(r"(?<=[.;])\s++(?=(?:\d{1,3}\s+)?[a-z])")
_NOTE_START = re.compile(r"(?:^|\s)(\d{1,2})\s+(?=\S)")


def lift_footnotes(line: Line) -> Line:
    """The line with the footnotes run into it after a rule moved to its notes, one note
    per call ('1 These include …', '2 Such as …'), and the text around them joined."""
    if line.revision is not None:
        return line
    text = line.text
    kept: list[str] = []  # the text around the footnotes, in order
    notes: list[str] = []
    position = 0
    while rule := _FOOTNOTE_RULE.search(text, position):
        after = _AFTER_NOTES.search(text, rule.end())
        end = after.start() if after else len(text)
        region = text[rule.end() : end].strip()
        # a note starts at its number, at the region's start or after a sentence's end
        starts = [
            m.start(1)
            for m in _NOTE_START.finditer(region)
            if m.start(1) == 0 or region[m.start(1) - 2 : m.start(1) - 1] in '.)"\u201d'
        ]
        bounds = zip(starts, [*starts[1:], len(region)], strict=True)
        notes += [region[a:b].strip() for a, b in bounds]
        kept.append(text[position : rule.start()])
        position = end
    if not notes:
        return line
    kept.append(text[position:])
    rest = " ".join(part.strip() for part in kept if part.strip())
    return replace(line, text=rest, notes=(*line.notes, *notes))


def _split_blocks(line: Line) -> list[Line]:
    """'… offices. ANNEX TO RESOLUTION 25 (REV. DUBAI, 2018) Elements for …' → the
    paragraph, the annex heading, the annex's text (and the same for 'PART VI - …')."""
    text = line.text
    m = _GLUED_BLOCK.search(text)
    if m is None:
        return [line]
    # a loop over offsets into the one text, not a recursion on the rest: a line of many
    # glued blocks must neither exhaust the stack nor copy its rest once per block
    pieces: list[Line] = []
    start, end, first = 0, len(text.rstrip()), True
    while m is not None:
        block = m.group("annex") or m.group("part")
        pieces += [_piece(line, text[start : m.start()], first), _piece(line, block, False)]
        start = m.end()
        while start < end and text[start].isspace():
            start += 1
        if start >= end:
            return pieces
        # the rest read as its own (stripped) text, as a recursion on it would
        m, first = _GLUED_BLOCK.search(text, start, end), False
    pieces.append(_piece(line, text[start:], False))
    return pieces


def _piece(line: Line, text: str, first: bool) -> Line:
    """A part of a line: same number and source, its own text (notes stay on the first)."""
    return replace(line, text=text.strip(), notes=line.notes if first else (), revision=None)


def _split_headings(
    line: Line, headings: HeadingMatcher, previous: list[Line], in_preamble: bool
) -> list[Line]:
    """A line split where a heading starts or ends; previous holds the lines before it,
    whose labels tell whether a number after a heading continues the sequence; in the
    preamble, the last recital may run into the first operative heading after a comma."""
    if line.revision is not None:
        return [line]
    # a loop, not a recursion on the rest of the line: a line of many glued headings must
    # not exhaust the stack; context holds this line's pieces that count as previous
    pieces: list[Line] = []
    context: list[Line] = []
    while True:
        split = _split_heading_once(line, headings, previous, context, in_preamble)
        if split is None:
            pieces.append(line)
            return pieces
        done, seen, rest = split
        if in_preamble and any(_is_operative(p.text, headings) for p in done):
            in_preamble = False
        pieces += done
        context += seen
        if rest is None:
            return pieces
        line = rest


def _split_heading_once(
    line: Line,
    headings: HeadingMatcher,
    previous: list[Line],
    context: list[Line],
    in_preamble: bool,
) -> tuple[list[Line], list[Line], Line | None] | None:
    """The first split of a line: the pieces before the split, those of them that count
    as previous lines for the rest, and the rest to split further (None: nothing left)."""
    text = line.text

    # the heading starts the line and runs into its first clause: 'resolves 1 to …',
    # 'instructs the Secretary-General 1 to …', 'considering that …'
    def earlier(*more: Line) -> Iterable[Line]:  # the lines before the text, backwards
        return chain(more, reversed(context), reversed(previous))

    split = _heading_then_item(text, 0, headings, earlier) or headings.split_clause(text)
    if split:
        head, clause = split
        first = _piece(line, head, True)
        return [first], [first], _piece(line, clause, False)
    if len(text) < 12 or headings.match(text) is not None:
        return None
    # an operative item ('to cooperate …, in accordance with …') ends where a heading
    # starts, even after a comma; in a recital ('that the Council, noting …, invites
    # Member States to …') a comma ends it only before the text's first operative heading
    # ('…, in rebuilding their sector, calls upon Member States to offer …') or after an
    # operative 'that …' clause, and only after a whole clause, not a subject ('that the
    # Council, …')
    body = split_label(text)[1]
    if loose := _LOOSE_NUMBER.match(body) or _LOOSE_DECIMAL.match(body):
        body = loose.group("body")  # '2 that …': a label followed by a space
    operative_item = body.startswith("to ")
    # 'resolves that the special action …, calls upon Member States to offer …'
    whole_clause = in_preamble or body.startswith("that ")
    for brk in _BREAK.finditer(text):
        # the rest after the break is read in place (text from start) and the text before
        # it is copied only for a split: a copy per break would be quadratic
        start, end = brk.end(), brk.start() + 1
        if start >= len(text) or not text[start].islower():
            continue
        # the heading ends the line: '…, instructs the Directors of the Bureaux' (not a
        # participle that opens a list: '…, highlighting:', nor a verb that ', and' joins
        # to the recital's own subject: '…the Plan of Action states …, and calls for
        # "appropriate action …",')
        if (
            len(text) - start <= MAX_GLUED_HEADING
            and not (text[brk.start()] == "," and brk.group().rstrip().endswith("and"))
            and _is_glued_heading(text[start:], headings)
            and not _opens_list(text[start:], headings)
        ):
            return [_piece(line, text[:end], True), _piece(line, text[start:], False)], [], None

        # the heading stands before the first item: '…, resolves 1 to …'
        def and_before(end: int = end) -> Iterable[Line]:
            return earlier(_piece(line, text[:end], True))

        if split := _heading_then_item(text, start, headings, and_before):
            head, item = split
            pieces = [_piece(line, text[:end], True), _piece(line, head, False)]
            return pieces, pieces, _piece(line, item, False)
        # after the end of an item, the heading and its one unnumbered clause: '…;
        # requests the Council to include …', '…. further resolves to strengthen …'; after
        # a recital's comma, but not after ', and', which joins a verb to the recital's own
        # subject ('that this UNGA resolution considers …, and invites ITU to assume …')
        last_recital = (
            whole_clause
            and text[brk.start()] == ","
            and brk.start() >= MIN_RECITAL_BEFORE_HEADING
            and not brk.group().rstrip().endswith("and")
        )
        item_ends = text[brk.start()] in ";." or operative_item
        split = _heading_then_clause(text, start, headings) if item_ends or last_recital else None
        if split and not item_ends and "," in split[0]:
            split = None  # after a recital, a heading with its addressees only
        if split is None and (item_ends or last_recital):
            split = _operative_word_then_that(text[start:], headings)  # '…, resolves that …'
        if split is None and text[brk.start()] in ";.":
            split = _preamble_word_then_clause(text[start:], headings)  # '…. noting the …'
        if (
            split is None
            and whole_clause
            and text[brk.start()] == ","
            and (
                headings.modified_at(text, start)
                or (_THAT_AFTER_WORD.match(text, start) and _run_together(text, brk.start()))
            )
        ):
            # '…the digital divide, taking into account further the need …': after a
            # comma, only a preamble word with its modifier is a heading ('…, noting that
            # …' is a recital's participle as often as a heading), or any preamble word
            # in a copy that ran its recitals into one line, where nothing else can
            # separate them, when it states a fact after a whole recital ('a) that …; b)
            # that …; c) that … Conference, noting that …', not '…; b) that the Sector
            # (ITU-D), in view of its purposes, …')
            split = _preamble_word_then_clause(text[start:], headings)

        if split:
            head, clause = split
            before = _piece(line, text[:end], True)
            return [before, _piece(line, head, False)], [before], _piece(line, clause, False)
    return None


def _run_together(text: str, end: int) -> bool:
    """Whether text, up to end, is lettered recitals run into one line: it starts with a
    label and another follows after a semicolon; and the last of them, up to end, is a
    whole recital (MIN_RECITAL_BEFORE_HEADING characters), not its subject."""
    last = next(reversed(list(_NEXT_LETTERED.finditer(text, 0, end))), None)
    return (
        split_label(text)[0] is not None
        and last is not None
        and end - last.end() >= MIN_RECITAL_BEFORE_HEADING
    )


# a single preamble word and the 'that' of the fact it states: 'noting that', 'recognizing that'
_THAT_AFTER_WORD = re.compile(r"[a-z]+\s+that\b")


def _near(pattern: str, span: int) -> re.Pattern[str]:
    """pattern matched (by .match(text, pos)) only where it starts at most span characters
    after pos: a search that never scans the whole rest of a long line."""
    return re.compile(rf"(?s:.){{0,{span}}}?(?P<at>{pattern})")


_ITEM_NEAR = _near(_ITEM_START.pattern, MAX_GLUED_HEADING)
# 'to' that opens a clause ('to take', 'to the Governments of …'), not the one of
# 'Parties to the Tampere Convention' in an addressee's name
_NOT_PARTIES = r"(?<!\bParties\s)"
_TO = rf"{_NOT_PARTIES}(?=to\s+[a-z])"
_TO_NEAR = _near(rf"\s{_TO}", MAX_GLUED_HEADING)
_TO_AT = re.compile(_TO)


def _heading_then_item(
    text: str, start: int, headings: HeadingMatcher, earlier: Callable[[], Iterable[Line]]
) -> tuple[str, str] | None:
    """'resolves to instruct the Secretary-General 1 to …' (text from start) → the
    heading, and its first item ('1\tto …'), when the heading is read whole and the label
    continues the section's sequence (earlier: the lines before, backwards)."""
    pos = start
    # only an item starting within MAX_GLUED_HEADING of start can end a heading
    while (near := _ITEM_NEAR.match(text, pos)) and near.start("at") - start <= MAX_GLUED_HEADING:
        pos = near.end()
        head = text[start : near.start("at")]
        label = split_label(near.group("label") + "\t")[0]
        if label is None or not _is_glued_heading(head, headings):
            continue
        if _in_sequence(label, earlier()):
            number, body = text[near.start("at") :].strip().split(None, 1)
            return head.strip(), f"{number}\t{body}"
    return None


def _in_sequence(label: Label, before_it: Iterable[Line]) -> bool:
    """A label that opens a section's list ('1', 'a)', 'i)'), or follows the last label of
    its kind before it ('further resolves 6' after 5); before_it runs backwards."""
    values = {label.value} | ({letter_value(label.text)} if label.ambiguous_letter() else set())
    if 1 in values:
        return True
    family = "num" if label.style == "num" else "letter"
    for line in before_it:
        last, _ = split_label(line.text)
        if last is None or last.style not in ("num", "alpha", "roman") or last.bis:
            continue
        if ("num" if last.style == "num" else "letter") != family:
            continue
        before = {last.value} | ({letter_value(last.text)} if last.ambiguous_letter() else set())
        return any(v - 1 in before for v in values)
    return False


def _heading_then_clause(text: str, start: int, headings: HeadingMatcher) -> tuple[str, str] | None:
    """'requests the ITU Council to include …' (text from start) → ('requests the ITU
    Council', 'to include …')."""
    if _TO_AT.match(text, start):  # no heading before the 'to'
        return None
    # past MAX_GLUED_HEADING (and any spaces and commas there) every head is too long
    last = start + MAX_GLUED_HEADING
    while last < len(text) and (text[last].isspace() or text[last] == ","):
        last += 1
    pos = start
    bare = None  # 'resolves' before 'to invite ITU-R to …': the longer heading is the one
    while pos <= last:
        near = _TO_NEAR.match(text, pos)
        if near is None:
            pos += MAX_GLUED_HEADING + 1
            continue
        to = near.start("at")
        if to > last:
            break
        pos = to + 1
        head = text[start:to].strip().rstrip(",")
        if not head or len(head) > MAX_GLUED_HEADING:
            break
        match = headings.match(head)
        operative = match is not None and match.kind.part == Part.OPERATIVE
        if operative and _is_glued_heading(head, headings):
            if bare is None and match is not None and not match.addressee_text:
                longer = headings.match(f"{head} {text[to : to + 60]}")  # its infinitive
                if longer is not None and longer.modality != match.modality:
                    bare = head, text[to + 1 :].strip()
                    continue
            return head, text[to + 1 :].strip()
    return bare


def _operative_word_then_that(text: str, headings: HeadingMatcher) -> tuple[str, str] | None:
    """'resolves that the principles …' → ('resolves', 'that the principles …'): an
    operative heading word alone, run into its first 'that' clause."""
    split = headings.split_clause(text)
    if split is None or not re.match(r"that\b", split[1]):  # 'that the …', 'that, for …'
        return None
    match = headings.match(split[0])
    return split if match is not None and match.kind.part == Part.OPERATIVE else None


def _preamble_word_then_clause(text: str, headings: HeadingMatcher) -> tuple[str, str] | None:
    """'noting further the considerable strain …' after a sentence's end → ('noting
    further', 'the considerable strain …'): a sentence never starts in small letters, so a
    preamble word there is a heading run into its one recital."""
    for cut in (m.start() for m in re.finditer(r"\s", text[:MAX_GLUED_HEADING])):
        head, rest = text[:cut], text[cut:].strip()
        match = headings.match(head)
        if match is None or match.kind.part != Part.PREAMBLE or not rest[:1].islower():
            continue
        if headings.match(text[: cut + 1 + len(rest.split(None, 1)[0])]) is None:
            return head, rest  # the longest heading: 'noting further', not 'noting'
    return None


def _opens_list(text: str, headings: HeadingMatcher) -> bool:
    """A preamble word with a colon after it, inside a sentence: it opens the list."""
    match = headings.match(text)
    return text.rstrip().endswith(":") and match is not None and match.kind.part == Part.PREAMBLE


def _is_glued_heading(text: str, headings: HeadingMatcher) -> bool:
    """A heading whole: its words, then at most its addressees ('the Directors of the
    Bureaux'), never a clause ('that …', 'to …' after a preamble word)."""
    match = headings.match(text)
    if match is None:
        return False
    if match.kind.part == Part.PREAMBLE:
        return True
    addressees = match.addressee_text
    # an operative heading glued to a text names whom it addresses, and that is all:
    # 'instructs the Secretary-General', not 'invites Member States to participate …'
    # 'instructs the Director of BDT thereof': another text's heading, quoted
    return not re.search(
        rf"\b(?:{_NOT_PARTIES}to|that|which|who|is|are|shall|should|will|thereof|hereof"
        r"|therein)\b",
        addressees,
    )


# a list that a lead-in opens after its colon: '…requested the Council: i) to create …;
# ii) to decide …', '…the following guiding principles: 1 CWGs shall …; 2 …'
_COLON_LIST = re.compile(r":\s+(?P<label>1|a\)|i\))\s+(?=\S)")
_NEXT_NUMBER = re.compile(r"[;.]\s+(?:and\s+)?(?P<label>\d{1,3})\s+(?=\S)")
# bullets of clauses only ('• that …'): a dash there, or bullets before the texts an item
# lists, open a list the item itself holds ('in particular: – Resolution 50 …; –
# Resolution 52 …', as the Final Acts set it)
_COLON_BULLET = re.compile(r":\s+\u2022\s+(?=[a-z])")
_NEXT_BULLET = re.compile(r"[;.]\s+(?:and\s+)?\u2022\s+(?=[a-z])")
_NEXT_LETTERED = re.compile(r"[;.]\s+(?:and\s+)?(?P<label>[a-z]{1,5}\))\s+(?=\S)")


def _split_colon_list(line: Line) -> list[Line] | None:
    """The lead-in and the items of a list run into one line after its colon, when at
    least two items follow each other in sequence; None when there is no such list."""
    opening = _COLON_LIST.search(line.text)
    if opening is None:
        return _split_colon_bullets(line)
    first, _ = split_label(opening.group("label") + "\tx")
    if first is None:
        return None
    expected = 2
    cuts = [(opening.start() + 1, opening.end(), opening.group("label") + "\t")]
    following = _NEXT_NUMBER if first.style == "num" else _NEXT_LETTERED
    for m in following.finditer(line.text, opening.end()):
        label, _ = split_label(m.group("label") + "\tx")
        if label is None or label.style != first.style or label.value != expected:
            continue
        cuts.append((m.start() + 1, m.end(), m.group("label") + "\t"))
        expected += 1
    if len(cuts) < 2:
        return None
    return _cut(line, line.text[: cuts[0][0]], cuts)


def _split_colon_bullets(line: Line) -> list[Line] | None:
    """A lead-in and its bulleted items run into one line: '…, resolved: • that …; • that
    …' (at least two bullets, each after a colon or the end of the item before)."""
    opening = _COLON_BULLET.search(line.text)
    if opening is None:
        return None
    following = _NEXT_BULLET.finditer(line.text, opening.end())
    cuts = [(m.start() + 1, m.end(), "\u2022\t") for m in (opening, *following)]
    return _cut(line, line.text[: cuts[0][0]], cuts) if len(cuts) >= 2 else None


def _split_items(line: Line) -> list[Line]:
    """'1\tto do a; 2 to do b; 3 to do c' → three items, when the numbers continue; a list
    run in after a lead-in's colon is cut out first."""
    if (listed := _split_colon_list(line)) is not None:
        return [listed[0], *(item for piece in listed[1:] for item in _split_items(piece))]
    label, _ = split_label(line.text)
    loose = _LOOSE_NUMBER.match(line.text) if label is None else None
    if loose:  # '2 to …; 3 to …': the run of numbers is the evidence that 2 is a label
        first = int(loose.group("number"))
    elif label is not None and label.style == "num":
        first = label.value
    elif label is not None and label.style in ("alpha", "roman") and not label.bis:
        return _split_lettered(line, label)
    elif label is not None and label.style == "compound" and (value := column_value(label.text)):
        return _split_lettered(line, Label(label.text, "alpha", value))  # 'ac) …; ad) …'
    else:
        return [line]
    expected = first + 1
    cuts: list[tuple[int, int, str]] = []
    for m in _RUN_ON.finditer(line.text):
        number = m.group("label") or m.group("after_comma")
        if int(number) == expected:
            cuts.append((m.start() + 1, m.end(), f"{number}\t"))
            expected += 1
    head = line.text[: cuts[0][0]] if cuts else line.text
    if loose and cuts:
        head = f"{first}\t{head[loose.start('body') :]}"
    return _cut(line, head, cuts)


def _split_lettered(line: Line, label: Label) -> list[Line]:
    """'i) to replace …; ii) to establish …; iii) …' → one item each, when they continue."""
    expected = label.value + 1
    cuts: list[tuple[int, int, str]] = []
    for m in _RUN_ON_LETTERED.finditer(line.text):
        written = f"{m.group('label') or m.group('after_comma')})"
        following, _ = split_label(f"{written} x")
        if following is None:
            continue
        value = following.value
        if label.style == "alpha" and following.style == "roman" and following.ambiguous_letter():
            value = letter_value(written)
        elif label.style == "alpha" and following.style == "compound":
            value = column_value(written) or 0  # 'ac) …; ad) …', after z)
        elif following.style != label.style:
            continue
        if value == expected:
            cuts.append((m.start() + 1, m.end(), f"{written}\t"))
            expected += 1
    return _cut(line, line.text[: cuts[0][0]] if cuts else line.text, cuts)


def _cut(line: Line, head: str, cuts: list[tuple[int, int, str]]) -> list[Line]:
    """The line as its head and one piece per cut (start, end of the label, label written)."""
    if not cuts:
        return [line]
    pieces = [_piece(line, head, True)]
    for (_, end, written), following in zip(cuts, [*cuts[1:], None], strict=True):
        stop = following[0] if following else len(line.text)
        pieces.append(_piece(line, f"{written}{line.text[end:stop].strip()}", False))
    return pieces


def tab_loose_labels(lines: list[Line]) -> list[Line]:
    """'1 to continue …' (a space, not a tab, after the number, as web pages and PDF text
    give it) read as item 1 — but only where the number continues the section's numbering,
    so that a sentence that starts with a number stays a sentence."""
    expected = 1
    minor = 1  # the next '1.1', '1.2' under the last number
    tabbed: list[Line] = []
    for line in lines:
        label, _ = split_label(line.text)
        if label is not None:
            if label.style == "num":
                expected, minor = label.value + 1, 1
            elif label.style == "decimal" and label.text.count(".") == 1:
                minor = label.value + 1
            tabbed.append(line)
            continue
        m = _LOOSE_NUMBER.match(line.text)
        if m and int(m.group("number")) == expected:
            tabbed.append(replace(line, text=f"{m.group('number')}\t{m.group('body')}"))
            expected, minor = expected + 1, 1
            continue
        d = _LOOSE_DECIMAL.match(line.text)  # '1.1 to consider …' under item 1
        if d and int(d.group("major")) == expected - 1 and int(d.group("minor")) == minor:
            tabbed.append(replace(line, text=f"{d.group('number')}\t{d.group('body')}"))
            minor += 1
            continue
        tabbed.append(line)
    return tabbed
