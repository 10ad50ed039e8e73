"""Metanorma AsciiDoc sources of ITU texts, made plain: the lines a text export would have.

ITU's Recommendations and resolutions are also kept as Metanorma AsciiDoc: a document
title (`= Resolution 1 – Rules of procedure …`, or only the subject, with the kind and
number in attributes such as `:doctype: recommendation` and `:docnumber: D.19`), the
enacting line as a section title (`== The World … Assembly (Hammamet, 2016),`), headings
in emphasis with a hard line break (`_considering_ +`) and items as list markers that the
renderer numbers (`. that …`, `** RECOMMENDATION ITU-D 6-1 …`). Told by content, each
line keeps its number: markup lines (attributes, anchors, block delimiters) become empty,
the title is made from the attributes when the `=` line gives only the subject, and each
item gets the label the printed text shows: a), b) … under a preamble heading, 1, 2 …
under an operative one, a) … (or i) … under lettered items) one level down, a dash for
an unordered item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from itukg.enums import Part
from itukg.read.markdown import plain

_DOC_TITLE = re.compile(r"^=\s+(?P<title>\S.*)$")
_ATTRIBUTE = re.compile(r"^:(?P<name>!?[\w-]+!?):(?:\s+(?P<value>.*))?$")
_SECTION = re.compile(r"^={2,6}\s+(?P<title>.*)$")
# lines that are markup only: anchors, block attributes ('[appendix]', '[[id]]'), block
# delimiters ('--', '----', '====', '****', '|==='), comments, directives
_MARKUP = re.compile(
    r"^(?:\[\[[^\]]*\]\]|\[[^\]]*\]|-{2,}|={4,}|\*{4,}|_{4,}|\.{4,}|\+{4,}|\|={3,}"
    r"|//.*|(?:ifdef|ifndef|endif|include|image|toc)::.*)$"
)
_ORDERED = re.compile(r"^(?P<marks>\.{1,5})\s+(?P<text>\S.*)$")
_UNORDERED = re.compile(r"^(?P<marks>\*{1,5}|-)\s+(?P<text>\S.*)$")
_STYLE = re.compile(r"^\[(?P<style>arabic|loweralpha|upperalpha|lowerroman|upperroman)\]$")
_FOOTNOTE = re.compile(r"footnote:(?:[\w-]*)\[(?:[^\[\]]|\[[^\[\]]*\])*\]")
_FOOTNOTE_OPEN = re.compile(r"footnote:(?:[\w-]*)\[")  # one left open: it ends on a later line
_XREF = re.compile(r"<<(?P<target>[^,>]+)(?:,(?P<text>[^>]*))?>>")
_URL = re.compile(r"(?:link:)?(?P<url>(?:https?|ftp|mailto):[^\s\[]*)\[(?P<text>[^\]]*)\]")
_MACRO = re.compile(r"\b(?:stem|latexmath|asciimath|pass|kbd)::?\[(?P<text>[^\]]*)\]")
_ATTRIBUTE_REFERENCE = re.compile(r"\{(?:blank|empty|nbsp|sp|zwsp)\}")
_HARD_BREAK = re.compile(r"\s\+$")
_KINDS = {"resolution", "recommendation", "decision", "opinion", "question"}
MIN_MARKUP = 3  # section titles, anchors, list items or emphasised headings that make it so


def is_asciidoc(lines: list[str]) -> bool:
    """Whether a text is AsciiDoc: a document title (`= …`) and at least two attribute
    lines after it, or at least MIN_MARKUP section titles, anchors and list items."""
    first = next((line for line in lines if line.strip()), "")
    if _DOC_TITLE.match(first):
        head = lines[: lines.index(first) + 40]
        if sum(1 for line in head if _ATTRIBUTE.match(line)) >= 2:
            return True
    marked = sum(
        1
        for line in lines
        if _SECTION.match(line) or re.match(r"^\[\[[\w.:-]+\]\]$", line) or _ORDERED.match(line)
    )
    return marked >= MIN_MARKUP and any(_SECTION.match(line) for line in lines)


def plain_lines(lines: list[str], kinds: dict[str, Part]) -> list[str]:
    """The lines made plain, one for one; kinds maps each heading word of the ontology
    ('considering', 'instructs') to its part, to label items as the printed text does."""
    return _Reader(kinds).read(lines)


@dataclass
class _Reader:
    kinds: dict[str, Part]
    part: Part = Part.PREAMBLE
    counters: list[int] = field(default_factory=list)  # per list level, the items so far
    styles: list[str] = field(default_factory=list)  # per list level, how it is numbered
    pending_style: str | None = None
    in_footnote: bool = False  # a footnote's text runs over lines until its ']'

    def read(self, lines: list[str]) -> list[str]:
        attributes = {
            m.group("name"): (m.group("value") or "").strip()
            for line in lines
            if (m := _ATTRIBUTE.match(line))
        }
        out = [self._line(line) for line in lines]
        title = next((n for n, line in enumerate(lines) if _DOC_TITLE.match(line)), None)
        if title is not None:
            self._title(out, title, lines, attributes)
        return out

    def _title(
        self, out: list[str], index: int, lines: list[str], attributes: dict[str, str]
    ) -> None:
        """The title line as a text gives it: 'RECOMMENDATION ITU-D D.19' then its subject,
        when the document title is the subject only."""
        subject = _inline(_DOC_TITLE.match(lines[index]).group("title"))  # type: ignore[union-attr]
        kind = attributes.get("doctype", "").casefold()
        number = attributes.get("docnumber", "")
        if kind not in _KINDS or not number or subject.split(" ", 1)[0].casefold() in _KINDS:
            out[index] = subject
            return
        bureau = attributes.get("bureau", "").upper()
        prefix = ""
        if (
            bureau in ("R", "T", "D")
            and not number.upper().startswith("ITU-")
            and (kind != "resolution" or bureau == "R")  # 'Resolution ITU-R 1', 'WTSA Res. 1'
        ):
            prefix = f"ITU-{bureau} "
        out[index] = f"{kind.upper()} {prefix}{number}"
        spare = next((n for n in range(index + 1, len(out)) if not out[n]), None)
        if spare is not None and spare < index + 40:
            out[spare] = subject  # an attribute's line, empty now: the title's own line
        else:
            out[index] += f" – {subject}"

    def _line(self, line: str) -> str:
        text = _FOOTNOTE.sub("", line.rstrip())
        if self.in_footnote:
            if "]" not in text:
                return ""
            text, self.in_footnote = text.split("]", 1)[1].strip(), False
            if not text:
                return ""
        if (opened := _FOOTNOTE_OPEN.search(text)) is not None:
            text, self.in_footnote = text[: opened.start()].rstrip(), True
        if _ATTRIBUTE.match(text) or _DOC_TITLE.match(text):
            return ""
        if m := _STYLE.match(text):
            self.pending_style = m.group("style")
            return ""
        if _MARKUP.match(text):
            return ""
        if m := _SECTION.match(text):
            self._end_list()
            return _inline(m.group("title"))
        if m := _ORDERED.match(text):
            return self._item(len(m.group("marks")), m.group("text"), ordered=True)
        if m := _UNORDERED.match(text):
            return self._item(len(m.group("marks")), m.group("text"), ordered=False)
        plain_text = _inline(_HARD_BREAK.sub("", text))
        if plain_text and (part := self._heading_part(plain_text)) is not None:
            self.part = part
            self._end_list()
        return plain_text

    def _heading_part(self, text: str) -> Part | None:
        words = text.split()
        for size in (3, 2, 1):
            if " ".join(words[:size]).casefold() in self.kinds and len(text) <= 300:
                return self.kinds[" ".join(words[:size]).casefold()]
        return None

    def _end_list(self) -> None:
        self.counters, self.styles = [], []

    def _item(self, level: int, text: str, ordered: bool) -> str:
        del self.counters[level:], self.styles[level:]
        while len(self.counters) < level:
            self.counters.append(0)
            self.styles.append(self._style(len(self.counters)))
        if self.pending_style:
            self.styles[level - 1], self.pending_style = self.pending_style, None
        self.counters[level - 1] += 1
        body = _inline(_HARD_BREAK.sub("", text))
        if not ordered:
            return f"\u2013\t{body}"
        return f"{_label(self.counters[level - 1], self.styles[level - 1])}\t{body}"

    def _style(self, level: int) -> str:
        """How the renderer numbers a level: lettered recitals and numbered asks; below
        them, letters under numbers and roman numerals under letters."""
        if level == 1:
            return "loweralpha" if self.part == Part.PREAMBLE else "arabic"
        return "lowerroman" if self.styles[level - 2] == "loweralpha" else "loweralpha"


def _label(n: int, style: str) -> str:
    if style == "arabic":
        return str(n)
    if style in ("lowerroman", "upperroman"):
        roman = _roman(n)
        return f"{roman if style == 'upperroman' else roman.lower()})"
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return f"{letters.upper() if style == 'upperalpha' else letters})"


def _roman(n: int) -> str:
    out = ""
    for value, digits in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                          (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                          (4, "IV"), (1, "I")):  # fmt: skip
        while n >= value:
            out, n = out + digits, n - value
    return out


def _inline(text: str) -> str:
    """A line's inline markup gone: footnotes, cross-references, links, macros, the
    attribute references that stand for nothing, and emphasis (as in Markdown)."""
    text = _FOOTNOTE.sub("", text)
    text = _XREF.sub(lambda m: m.group("text") or "", text)
    text = _URL.sub(lambda m: m.group("text") or m.group("url"), text)
    text = _MACRO.sub(lambda m: m.group("text"), text)
    text = _ATTRIBUTE_REFERENCE.sub("", text)
    return plain(text).strip()
