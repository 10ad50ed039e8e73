"""Whether a text is all there: a page cut off (a web page that stops mid-sentence, a
PDF missing its last pages) leaves a resolution without its operative part, or with a
last clause that stops mid-sentence. What is there is kept; the resolution is marked
incomplete with a note saying where the text stops, and nothing is invented."""

from __future__ import annotations

from itukg.enums import Part
from itukg.model import Resolution

# How an ITU text's last operative clause ends: a full stop (perhaps inside a closing
# quotation mark or bracket), or, in looser texts, the comma that ends every other
# section. A lead-in (':'), an item of a list (';') or a bare word is a cut.
_ENDINGS = (".", ".\u201d", '."', ".)", ".\u2019", "!", "\u2026", ",", ")", "\u201d", '"')


def check_complete(resolution: Resolution) -> None:
    """Set resolution.complete, with a note, when the text is visibly cut off."""
    operative = [s for s in resolution.sections if s.kind is Part.OPERATIVE]
    if not resolution.sections:
        if not resolution.annexes:  # a title and nothing readable after it
            resolution.complete = False
            resolution.notes.append(
                f"line {resolution.end_line}: no preamble or operative heading follows the"
                " title (incomplete)"
            )
        return
    if not operative:
        resolution.complete = False
        final = resolution.sections[-1]
        resolution.notes.append(
            f"line {final.end_line}: the text stops before its operative part (incomplete)"
        )
        return
    if resolution.annexes:
        return  # the operative part ended where the annex began
    clauses = operative[-1].clauses
    if not clauses:
        resolution.complete = False
        resolution.notes.append(
            f"line {operative[-1].line}: the text stops after the heading "
            f"'{operative[-1].heading}' (incomplete)"
        )
        return
    last = clauses[-1]
    ending = last.text.rstrip()
    if not ending.endswith(_ENDINGS) or ending.endswith((",)", ":)", ";)")):
        resolution.complete = False
        tail = ending[-40:]
        resolution.notes.append(
            f"line {last.end_line}: the text stops mid-sentence ('…{tail}') (incomplete)"
        )
