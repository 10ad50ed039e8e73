"""Markdown copies of ITU texts, made plain: the lines a text export would have.

Converters from PDF to Markdown, document sites and treaty databases give ITU texts as
Markdown: `# **Recommendation ITU-R P.525-5**`, headings in emphasis (`*considering*`,
`###*recalling*`), labels in it (`_a)_`, `**1**`), footnote calls as `<sup>1</sup>`, links
as `[text](address)`. Told by content (its heading lines and emphasis, not the file's
name), each line loses its markers and keeps its number, so that the parser reads the
same lines as from a text export.
"""

from __future__ import annotations

import re

# a heading line: '# Title', '#### **Foreword**', '###*recalling*' (some writers drop
# the space after the marks)
_ATX = re.compile(r"^\s{0,3}#{1,6}(?=\s|\*|_|[A-Za-z])\s*")
# emphasis around words, not the asterisk of a footnote ('(Rev.WRC-12)*'): a marker run
# that opens before a non-space and closes after one
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])")
# a footnote's call in superscript, its mark or its link: '<sup>1</sup>',
# '<sup>[\[1\]](#footnote-1)</sup>'
_SUPERSCRIPT = re.compile(r"<sup>[^<]{0,80}</sup>", re.IGNORECASE)
_LINK = re.compile(r"\[([^\[\]]{1,300})\]\((?:[^()\s]|\([^()\s]*\)){1,500}\)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_MARKED = re.compile(
    r"^\s{0,3}#{1,6}[\s*_A-Za-z]|^\s*(?:\*\*|__)\S|^\s*[*_][a-z][\w ]{2,40}[*_]\s*$"
    # a label in emphasis before its clause: '_a)_ that …', '*b)* that …'
    r"|^\s*([*_])\(?(?:[a-z]|[ivx]{1,5}|\d{1,2})\)\1\s"
)
_ROW = re.compile(r"^\s*\|.*\|\s*$")
_BREAK = re.compile(r"\s*(?:<br\s*/?>\s*)+", re.IGNORECASE)
MIN_MARKED = 2  # marked lines (headings, emphasis) that make a text Markdown


def is_markdown(lines: list[str]) -> bool:
    """Whether a text is Markdown: at least MIN_MARKED heading or emphasised lines, or a
    table's rule of dashes with at least one of them."""
    marked = 0
    for line in lines:
        if _MARKED.match(line) or _TABLE_RULE.match(line):
            marked += 1
            if marked >= MIN_MARKED:
                return True
    return False


def plain(line: str) -> str:
    """One line of Markdown as plain text: heading marks, emphasis, footnote calls in
    superscript, links and escapes gone; a table's rule of dashes becomes an empty line."""
    if _TABLE_RULE.match(line):
        return ""
    cells = [c.strip() for c in line.strip().strip("|").split("|")] if _ROW.match(line) else []
    if len([c for c in cells if c]) == 1:  # a cover laid out as a table: one cell a row
        line = _BREAK.sub(" ", next(c for c in cells if c))
    text = _ATX.sub("", line)
    text = _SUPERSCRIPT.sub("", text)
    text = _LINK.sub(r"\1", text)
    for _ in range(2):  # '**_Note_**': emphasis inside strong emphasis
        text = _STRONG.sub(r"\2", text)
        text = _EMPHASIS.sub(r"\2", text)
    return _ESCAPE.sub(r"\1", text).rstrip()
