"""Clause labels: how a paragraph is numbered, and which paragraph it belongs to.

ITU texts letter the preamble (a), b) …), number the operative part (1, 2 …), and
put items under a clause with roman numerals (i), ii) …), letters under a number,
or dashes; an item inserted later keeps its neighbour's label with 'bis' or 'ter'
(b)bis, b bis), 3bis), in the sequence at its neighbour's value. 'i)' after 'h)'
continues the letters; 'i)' after '3' opens items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from itukg.model import Section

_LABEL = re.compile(
    r"^(?:"
    r"(?P<decimal>\d{1,3}(?:\.\d{1,3}){1,3})\.?\t"  # rules numbered by section: 2.1, 2.1.6
    r"|\((?P<paren>[a-z]{1,4}|\d{1,3})\)(?:(?P<s1>bis|ter|quater)(?![a-z]))?"
    r"|(?P<alpha>[a-z]{1,4})(?: ?(?P<s2>bis|ter|quater))?\)(?:(?P<s3>bis|ter|quater)(?![a-z]))?"
    # a letter with a full stop, as some web pages and older texts letter the preamble
    # ('a.      the initiative …', 'ii. that …'): the same label as 'a)'
    r"|(?P<dotted>[a-z]|[ivx]{2,4})\.(?=\s)"
    r"|(?P<num>\d{1,4})(?: ?(?P<s4>bis|ter|quater))?(?:(?:\t)|(?:[.)](?=\s)))"
    r"|(?P<dash>[\u2013\u2014\u2022\-])(?=\s)"
    r")\s*"
)
_ROMAN = re.compile(r"^(?=[ivxlc]+$)(c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")


@dataclass(frozen=True)
class Label:
    """A label as written: its text ('ii)'), its style and its position in the sequence."""

    text: str
    style: str  # alpha | roman | num | decimal | dash | compound
    value: int

    @property
    def bis(self) -> bool:
        """An item inserted after its neighbour ('b)bis'): outside the sequence."""
        return self.text.endswith(("bis", "ter", "quater"))

    def ambiguous_letter(self) -> bool:
        """'i)', 'v)', 'x)', 'c)'…: also a roman numeral."""
        return self.style == "roman" and len(self.text.rstrip(")")) == 1


def split_label(text: str) -> tuple[Label | None, str]:
    """Split a clause line into its label (if any) and its text."""
    m = _LABEL.match(text)
    if not m:
        return None, text
    body = text[m.end() :].strip()
    if m.group("dash"):
        return Label(m.group("dash"), "dash", 0), body
    if m.group("decimal"):
        decimal = m.group("decimal")
        return Label(decimal, "decimal", int(decimal.rsplit(".", 1)[1])), body
    raw = m.group("paren") or m.group("alpha") or m.group("dotted") or m.group("num")
    written = f"({raw})" if m.group("paren") else (raw if m.group("num") else f"{raw})")
    # an item inserted after another keeps its place: 'b)bis', 'b bis)', '3bis'
    written += next((m.group(g) for g in ("s1", "s2", "s3", "s4") if m.group(g)), "")
    if raw.isdigit():
        return Label(written, "num", int(raw)), body
    if _ROMAN.match(raw):
        return Label(written, "roman", roman_value(raw)), body
    if len(raw) == 1:
        return Label(written, "alpha", ord(raw) - ord("a") + 1), body
    if len(set(raw)) == 1:  # aa), bb): the letters after z)
        return Label(written, "alpha", 26 * (len(raw) - 1) + ord(raw[0]) - ord("a") + 1), body
    return Label(written, "compound", 0), body  # 'fh)': two labels run together (residue)


def roman_value(text: str) -> int:
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    total = 0
    for i, ch in enumerate(text):
        v = values[ch]
        total += -v if i + 1 < len(text) and values[text[i + 1]] > v else v
    return total


def column_value(text: str) -> int | None:
    """Position of a two-letter label counted on after z) as 'aa)', 'ab)', 'ac)' … (the
    World Radiocommunication Conference's long lists): 'ac)' → 29; None for another."""
    raw = text.strip("()")
    if len(raw) != 2 or not raw.isalpha() or not raw.islower():
        return None
    return 26 * (ord(raw[0]) - ord("a") + 1) + ord(raw[1]) - ord("a") + 1


def letter_value(text: str) -> int:
    """Position of a one-letter label in the alphabet (for 'i)' read as a letter)."""
    return ord(text.strip("()")[0]) - ord("a") + 1


class Nesting:
    """Decides, clause by clause, whether a label opens a clause or an item of the last one."""

    def __init__(self) -> None:
        self.top_style: str | None = None
        self.last_top: Label | None = None
        self.last_sub: Label | None = None

    def place(self, label: Label | None) -> tuple[bool, Label | None]:
        """(is_sub_item, label as re-read): a one-letter roman may turn out to be a letter."""
        if label is None:
            return False, None
        if self.top_style is None:
            # a first 'i)' opens a roman list (a list of letters would start at 'a)');
            # a first 'c)' or 'v)' is a letter whose list lost its start
            if label.ambiguous_letter() and label.value != 1:
                label = Label(label.text, "alpha", letter_value(label.text))
            self.top_style = label.style
            return self._top(label)
        if label.style == self.top_style:
            return self._top(label)
        if self.top_style == "alpha" and label.style == "roman" and label.ambiguous_letter():
            as_letter = Label(label.text, "alpha", letter_value(label.text))
            last_sub = self.last_sub
            if (
                last_sub is not None
                and last_sub.style == "roman"
                and label.value == last_sub.value + 1
            ):
                return self._sub(label)
            if self.last_top is not None and self.last_top.value + 1 == as_letter.value:
                return self._top(as_letter)
            if label.value == 1:
                return self._sub(label)
            return self._top(as_letter)
        return self._sub(label)

    def _top(self, label: Label) -> tuple[bool, Label]:
        self.last_top = label
        self.last_sub = None
        return False, label

    def _sub(self, label: Label) -> tuple[bool, Label]:
        if self.last_top is None:
            return self._top(label)
        self.last_sub = label
        return True, label


def mark_lead_ins(sections: list[Section]) -> None:
    """An unnumbered paragraph that opens a section and ends in a colon, right before the
    section's item 1 ('instructs the Secretary-General / pursuant to his initiative on
    this matter: / 1 to report …'), introduces the numbered items: it is not an item. A
    paragraph before letters or roman numerals ('to take part in the work: / a) by …') is
    the ask, and they are its means."""
    for section in sections:
        clauses = section.clauses
        if len(clauses) < 2 or clauses[0].label or clauses[1].parent:
            continue
        if clauses[0].text.rstrip().endswith(":") and clauses[1].local_label == "1":
            clauses[0].lead_in = True
