"""Read a PDF (an ITU Final Acts volume, a resolution on its own) into the lines a text
export gives: one line a paragraph, each heading on a line of its own, an item as
`LABEL<TAB>text`.

pdfplumber (on pdfminer.six) gives each word with its position, font and size; from those:

- **page furniture** goes: the running head (`PP-18 – Resolution 191`, `Res. 191`), the
  page number (`– 12 –`, `Page 12`), and pages that hold only the volume's part heading
  (`RESOLUTIONS`, `PART II – DECISIONS`). A running head is a first or last line of the
  page, apart from the text, that reads as one, or that is in smaller type and comes back
  on other pages;
- **footnotes**: the small type under the short rule at the foot of a page becomes the notes
  of the paragraph that calls them; the raised call digit is taken off the word it is
  glued to (`countries1`);
- **paragraphs**: lines are joined until the type changes (italic, bold), a wider gap, a
  short line, or a new label; a word broken by a hyphen at the end of a line is rejoined
  (`coordi-` `nation` → `coordination`; `Secretary-` `General` keeps its hyphen);
- **headings**: ITU sets preamble and operative headings (`considering`, `instructs the
  Secretary-General`) in italics, so an italic line is a paragraph of its own, and an
  italic run that opens a line of roman text is split off it;
- **labels**: a label followed by a tab stop (`a)`, `1`, `2.1.6`, `b)bis`) is written with
  a tab, as a text export writes it.

Lines are numbered as they are written (one a paragraph); their style hint says the page
(`pdf:p12`) and the type (`pdf:i` italic, `pdf:b` bold). A file that is not a PDF, is
encrypted, damaged, or has no text layer (a scan) is refused, naming the file (and page).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from itukg.errors import InputError
from itukg.read.text import Line, SourceText, check_file, normalise, unglue

SNIFF_BYTES = 1024
MAX_PAGES = 5000

_ITALIC = re.compile(r"italic|oblique|-it$|-boldit|[-,]i$", re.I)
_BOLD = re.compile(r"bold|black|heavy|semibold|demi|-bd$|,b$", re.I)
_PAGE_NUMBER = re.compile(
    r"^[\-\u2013\u2014\s]*(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,7})(?:\s*(?:of|/)\s*\d{1,4})?"
    r"[\-\u2013\u2014\s]*$",
    re.I,
)
_RUNNING_HEAD = re.compile(
    r"^(?:\d{1,4}\s+)?(?:[A-Z]{2,6}(?:-[A-Z]{1,2})?-\d{2}\s*[\-\u2013\u2014]\s*)?"
    r"(?:Res|Dec|Rec|Op|Resolution|Decision|Recommendation|Opinion)\.?\s*"
    r"(?:ITU-[RTD]\s*)?\d{1,4}(?:-\d+)?(?:\s*\(.{0,40}\))?(?:\s+\d{1,4})?$"
)
_LABEL = re.compile(
    r"^(?:\(?[a-z]{1,2}\)(?:\s?bis|\s?ter)?|\(?[ivxlc]{1,6}\)|\d{1,3}(?:\.\d{1,3})*\.?"
    r"(?:\s?bis)?|\d{1,3}\)|[\u2013\u2014\-\u2022\u25aa\u25e6\u00b7])$"
)
_NOTE_MARK = re.compile(r"^(?P<mark>\d{1,3}|\*{1,3})(?P<rest>\S*)$")
_CID = re.compile(r"\(cid:\d+\)")
_ENDS_SENTENCE = (".", ";")
# a glyph the font maps to no character, as pdfminer writes it: mostly bullets and dingbats
_CID = re.compile(r"\(cid:\d{1,5}\)\s?")
# a full stop that ends an abbreviation, not a sentence: '(Rev.' / 'Hammamet, 2016)'
_ABBREVIATION = re.compile(r"(?:^|[\s(])(?:Rev|No|Nos|Art|Res|Doc|Vol|paras?|cf|e\.g|i\.e)\.$")


@dataclass
class _Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str

    @property
    def italic(self) -> bool:
        return bool(_ITALIC.search(self.font))

    @property
    def bold(self) -> bool:
        return bool(_BOLD.search(self.font))


@dataclass
class _Row:
    """A printed line of a page: its words left to right."""

    page: int
    words: list[_Word]
    calls: list[str] = field(default_factory=list)  # footnote marks called on it

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def size(self) -> float:
        sizes = Counter[float]()
        for word in self.words:
            sizes[round(word.size * 2) / 2] += len(word.text)
        return sizes.most_common(1)[0][0]

    def share(self, attribute: str) -> float:
        total = sum(len(w.text) for w in self.words) or 1
        return sum(len(w.text) for w in self.words if getattr(w, attribute)) / total

    @property
    def type(self) -> str:
        """'i' when (nearly) all of it is italic, 'b' bold, '' roman."""
        if self.share("italic") >= 0.8:
            return "i"
        return "b" if self.share("bold") >= 0.8 else ""


@dataclass
class _Page:
    number: int
    height: float
    width: float
    rows: list[_Row]
    notes: dict[str, str]  # footnote mark → text
    rules: list[float]  # tops of the short horizontal rules


def is_pdf(path: Path) -> bool:
    """Whether the file opens with the PDF header (within its first KiB, as readers allow)."""
    with open(path, "rb") as handle:
        head = handle.read(SNIFF_BYTES)
    return b"%PDF-" in head and not head.lstrip().startswith((b"<", b"PK"))


def read_pdf(path: str | Path) -> SourceText:
    """Read a PDF into lines, or raise InputError naming the file and the page at fault."""
    path = Path(path)
    check_file(path)
    pages = _pages(path)
    layout = _Layout(pages)
    source = SourceText(path=path, encoding="pdf", format="pdf")
    source.lines = layout.lines()
    if not any(line.text for line in source.lines):
        raise InputError(path, "the PDF has no text but page headings and numbers")
    return source


# --- pages -----------------------------------------------------------------------------
def _pages(path: Path) -> list[_Page]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    pages: list[_Page] = []
    number = 0
    try:
        with pdfplumber.open(path) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise InputError(path, f"{len(pdf.pages)} pages, more than the {MAX_PAGES} limit")
            for number, page in enumerate(pdf.pages, start=1):
                pages.append(_page(page, number))
                page.close()
    except InputError:
        raise
    except Exception as err:  # pdfminer raises many kinds on damaged files
        cause = err.args[0] if err.args and isinstance(err.args[0], Exception) else err
        if isinstance(cause, PDFEncryptionError | PDFPasswordIncorrect):
            raise InputError(path, "the PDF is encrypted; save an unprotected copy") from None
        where = f" on page {number}" if number else ""
        reason = str(cause) or type(cause).__name__
        raise InputError(path, f"not a readable PDF{where} ({reason})") from None
    chars = sum(len(w.text) for page in pages for row in page.rows for w in row.words)
    if not chars:
        raise InputError(path, "the PDF has no text layer (a scan?); run OCR on it first")
    unmapped = sum(
        len(m) for page in pages for row in page.rows for w in row.words
        for m in _CID.findall(w.text)
    )  # fmt: skip
    if unmapped > 0.2 * chars:
        raise InputError(path, "the PDF's fonts have no Unicode mapping: its text cannot be read")
    return pages


def _page(page: Any, number: int) -> _Page:
    raw = page.extract_words(
        x_tolerance_ratio=0.15,
        y_tolerance=2,
        keep_blank_chars=False,
        extra_attrs=["fontname", "size"],
    )
    words = [
        _Word(
            normalise(w["text"]), float(w["x0"]), float(w["x1"]), float(w["top"]),
            float(w["bottom"]), float(w["size"]), str(w["fontname"]),
        )
        for w in raw
        if w.get("upright", True) and normalise(w["text"])
    ]  # fmt: skip
    rows = _rows(number, words)
    width = float(page.width)
    rules = sorted(
        float(edge["top"])
        for edge in [*page.lines, *page.rects]
        if abs(float(edge["bottom"]) - float(edge["top"])) <= 1.5
        and 20 <= float(edge["x1"]) - float(edge["x0"]) <= 0.6 * width
    )
    return _Page(number, float(page.height), width, rows, {}, rules)


def _rows(page: int, words: list[_Word]) -> list[_Row]:
    """Words grouped into printed lines: a word belongs to a line its height overlaps by
    a third (so a raised footnote call stays on the line that calls it)."""
    rows: list[_Row] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        for row in reversed(rows[-3:]):
            overlap = min(row.bottom, word.bottom) - max(row.top, word.top)
            if overlap >= 0.34 * min(word.bottom - word.top, row.bottom - row.top):
                row.words.append(word)
                break
        else:
            rows.append(_Row(page, [word]))
    for row in rows:
        row.words.sort(key=lambda w: w.x0)
    return rows


# --- layout ----------------------------------------------------------------------------
class _Layout:
    """The document's measures (body type size, margins, line pitch) and the paragraphs."""

    def __init__(self, pages: list[_Page]) -> None:
        self.pages = pages
        rows = [row for page in pages for row in page.rows]
        sizes = Counter[float]()
        for row in rows:
            sizes[row.size] += len(row.text)
        self.body = sizes.most_common(1)[0][0]
        body_rows = [row for row in rows if abs(row.size - self.body) < 0.6]
        lefts = Counter(round(row.x0) for row in body_rows)
        self.left = float(min(lefts.most_common(3))[0]) if lefts else 0.0
        rights = sorted(row.x1 for row in body_rows)
        self.right = rights[int(0.9 * (len(rights) - 1))] if rights else 0.0
        pitches = Counter(
            round(2 * (b.top - a.top)) / 2
            for page in pages
            for a, b in zip(page.rows, page.rows[1:], strict=False)
            if 0 < b.top - a.top < 3 * self.body and a.size == b.size == self.body
        )  # the shortest frequent distance between lines of body text: within a paragraph
        common = max(pitches.values(), default=0)
        frequent = [d for d, n in pitches.items() if n >= max(3, 0.2 * common)]
        self.pitch = min(frequent) if frequent else 1.2 * self.body
        self.repeated = self._repeated_furniture()
        for page in pages:
            self._strip_furniture(page)
            self._footnotes(page)
            self._calls(page)
        self.hangs = self._hanging_indents()

    # furniture
    @staticmethod
    def _key(row: _Row) -> str:
        return re.sub(r"\d+", "#", row.text.lower())

    def _edge_rows(self, page: _Page) -> list[_Row]:
        """The first and last rows of a page when set apart from the rest by a gap."""
        rows = page.rows
        edge: list[_Row] = []
        for here, there in ((0, 1), (1, 2)):
            if len(rows) > there and rows[there].top - rows[here].bottom > 0.5 * self.pitch:
                edge.extend(rows[: here + 1])
                break
        for here, there in ((-1, -2), (-2, -3)):
            if len(rows) >= -there and rows[here].top - rows[there].bottom > 0.5 * self.pitch:
                edge.extend(rows[here:])
                break
        if len(rows) == 1:
            edge = list(rows)
        return edge

    def _repeated_furniture(self) -> set[str]:
        seen = Counter[str]()
        for page in self.pages:
            seen.update({self._key(row) for row in self._edge_rows(page)})
        return {key for key, count in seen.items() if count >= 2}

    def _strip_furniture(self, page: _Page) -> None:
        gone: list[_Row] = []
        for row in self._edge_rows(page):
            text = row.text
            smaller = row.size < self.body - 0.6
            if (
                _PAGE_NUMBER.match(text)
                or (_RUNNING_HEAD.match(text) and len(text) <= 80)
                or (smaller and self._key(row) in self.repeated and len(text) <= 120)
            ):
                gone.append(row)
        page.rows = [row for row in page.rows if row not in gone]
        # a page of the volume's own: nothing on it but a part heading in large type
        if (
            page.rows
            and len(page.rows) <= 3
            and all(row.size >= 1.25 * self.body and len(row.text) <= 80 for row in page.rows)
        ):
            page.rows = []

    # footnotes
    def _footnotes(self, page: _Page) -> None:
        """Rows under the last short rule, in smaller type, are the page's footnotes."""
        if not page.rows:
            return
        text_top = min(row.top for row in page.rows)
        rules = [top for top in page.rules if top > text_top]
        if not rules:
            return
        rule = rules[-1]
        below = [row for row in page.rows if row.top > rule - 1]
        if not below or any(row.size > self.body - 0.6 for row in below):
            return
        mark: str | None = None
        for row in below:
            first = row.words[0]
            found = _NOTE_MARK.match(first.text)
            if found and (first.size < row.size - 0.5 or found.group("rest") or len(row.words) > 1):
                mark = found.group("mark")
                rest = found.group("rest")
                words = ([rest] if rest else []) + [w.text for w in row.words[1:]]
                page.notes[mark] = " ".join(words)
            elif mark is not None:
                page.notes[mark] = _join(page.notes[mark], row.text)
        page.rows = [row for row in page.rows if row not in below]

    def _calls(self, page: _Page) -> None:
        """Raised digits in small type glued to a word are footnote calls: taken out of
        the text, remembered on their row."""
        for row in page.rows:
            kept: list[_Word] = []
            for word in row.words:
                raised = word.bottom < row.bottom - 0.2 * self.body
                small = word.size < 0.85 * row.size
                if (
                    kept
                    and small
                    and raised
                    and _NOTE_MARK.match(word.text)
                    and word.x0 - kept[-1].x1 < 0.3 * self.body
                ):
                    row.calls.append(word.text)
                    continue
                kept.append(word)
            row.words = kept or row.words

    # paragraphs
    def lines(self) -> list[Line]:
        out: list[Line] = []
        paragraph: list[_Row] = []
        previous: _Row | None = None
        for page in self.pages:
            for row in page.rows:
                for part in self._split_italic_run(row):
                    if previous is not None and self._starts_paragraph(previous, part):
                        out.append(self._line(len(out) + 1, paragraph))
                        paragraph = []
                    paragraph.append(part)
                    previous = part
        if paragraph:
            out.append(self._line(len(out) + 1, paragraph))
        return out

    def _split_italic_run(self, row: _Row) -> list[_Row]:
        """An italic run that opens a line of roman text is a heading of its own."""
        words = row.words
        if not words[0].italic or words[-1].italic or _LABEL.match(words[0].text):
            return [row]
        cut = next(i for i, w in enumerate(words) if not w.italic)
        if not words[cut - 1].text[-1:].isalpha() and words[cut - 1].text[-1:] not in ")-":
            return [row]
        return [_Row(row.page, words[:cut]), _Row(row.page, words[cut:], row.calls)]

    def _label_gap(self, row: _Row) -> bool:
        """Whether the row opens with a label followed by a tab stop: a gap wider than
        any space, or (after a long label such as `b)bis`) a narrower one that ends
        where the text of other labelled items starts."""
        words = row.words
        if len(words) < 2 or not _LABEL.match(words[0].text):
            return False
        gap = words[1].x0 - words[0].x1
        if gap > 0.9 * self.body:
            return True
        return gap > 0.3 * self.body and any(abs(words[1].x0 - x) < 1.5 for x in self.hangs)

    def _hanging_indents(self) -> set[float]:
        """Where the text of labelled items starts (the tab stops after labels)."""
        found = Counter[float]()
        for page in self.pages:
            for row in page.rows:
                words = row.words
                if (
                    len(words) > 1
                    and _LABEL.match(words[0].text)
                    and words[1].x0 - words[0].x1 > 0.9 * self.body
                ):
                    found[round(words[1].x0, 0)] += 1
        return {x for x, count in found.items() if count >= 2}

    def _starts_paragraph(self, before: _Row, row: _Row) -> bool:
        if before.type != row.type or abs(before.size - row.size) >= 1:
            return True
        if self._label_gap(row):
            return True
        if row.page == before.page and row.top - before.bottom > 0.75 * self.pitch:
            return True
        if row.page == before.page and row.top < before.top:  # a new column, or odd order
            return True
        width = self.right - self.left
        centred = before.x0 > self.left + 0.1 * width and row.x0 > self.left + 0.1 * width
        short = before.x1 < self.right - 0.12 * width
        if short and not centred:
            return True
        ends = before.text.endswith(_ENDS_SENTENCE) and not _ABBREVIATION.search(before.text)
        return bool(ends and row.x0 > self.left + 5 and not centred)

    def _line(self, number: int, rows: list[_Row]) -> Line:
        first = rows[0]
        if self._label_gap(first):
            label = first.words[0].text
            text = " ".join(w.text for w in first.words[1:])
        else:
            label, text = "", first.text
        for row in rows[1:]:
            text = _join(text, row.text)
        text = unglue(_CID.sub("", text).replace("  ", " "))
        notes: list[str] = []
        for row in rows:
            page = self.pages[row.page - 1]
            notes.extend(page.notes[m] for m in row.calls if m in page.notes)
        raw = f"{label}\t{text}" if label else text
        style = f"pdf:p{first.page}" + (f" pdf:{first.type}" if first.type else "")
        return Line(number=number, raw=raw, text=raw, indent=0, notes=tuple(notes), style=style)


def _join(text: str, more: str) -> str:
    """Two printed lines as one: a word broken by a hyphen is rejoined (its hyphen kept
    when the next part is capitalised, as in `Secretary-` `General`)."""
    if not text:
        return more
    if text.endswith("-") and len(text) > 1 and text[-2].isalnum() and more[:1].isalnum():
        lower = text[-2].isalpha() and more[0].islower()
        return text[:-1] + more if lower else text + more
    return f"{text} {more}"
