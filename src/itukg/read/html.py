"""Read an HTML page holding ITU resolutions into the lines a text export gives.

ITU's own pages (often Word documents saved as HTML) and the re-renderings found on the
web hold the same text as a clean export, laid out with markup. The page is reduced to
the lines the parser reads from a text export:

- **furniture goes**: `<head>`, scripts, styles, forms, `<nav>`, `<aside>`, and the page's
  own `<header>` and `<footer>` (not those of an `<article>` or `<main>`), elements whose
  role, id or class says they are navigation, banner, breadcrumbs, menus, cookie notices
  or footers, hidden elements, and deleted text (`<del>`, `<s>`);
- **one line a block**: each `<p>`, `<li>`, `<h1>`–`<h6>`, `<dt>`/`<dd>`, and the text of a
  `<div>` (or of any other block) outside the blocks it holds gives a line; a `<br>`
  ends a line, as a manual line break does in a text export; whitespace is normalised
  and words that renderings run together are split (`ofthe` → `of the`);
- **bullets go**: a bullet written as a character (`•`, `◦`, `▪`, `-`, Word's `o` and
  symbol-font bullets) opening a line is dropped; the dashes ITU uses as labels (`–`)
  are kept;
- **labels**: a clause label followed by a space becomes `LABEL<TAB>text` where it is
  clearly one: a letter or roman numeral (`a)`, `(b)`, `iii)`, `b)bis`) or a dash
  anywhere, a number (`1`, `2.`, `3)`) in a list item, and any label that a tab stop
  follows (Word's `mso-tab-count`, a run of no-break spaces). A number at the start of
  a paragraph is left with its space: the parser reads it as a label when it continues
  the numbering. An `<ol>` item without a written label gets the one its list gives it,
  an unlabelled `<ul>` item under a labelled one a dash;
- **nesting**: a list item nested in a labelled item is one tab further in
  (`Line.indent`, as the Akoma Ntoso reader writes sub-items), also when the inner list
  is written beside the item rather than in it; the bullets of headings (`• considering`
  with its items nested under it) add nothing;
- **run-together lines**: an italic heading that opens a paragraph going on in roman
  type with a label or a clause (`<i>resolves</i> 1 to …`) is a line of its own; a
  revision that a line break put under its title (`RESOLUTION 17<br>(Rev. Hyderabad,
  2010)`) is put back on the title line;
- **tables**: written as a text export writes them: the first line of each cell opens
  with a tab (an empty cell is a lone tab); a table used for layout (one cell a row, or
  holding headings or tables) is read as the blocks it holds;
- **footnotes**: a call (`<sup><a href="#fn1">1</a></sup>`, Word's `#_ftn1` anchors) is
  taken out of the text, and the text of the note it points at becomes a note of the
  calling line; the notes themselves are not lines of the text.

A line's number is the HTML source line of the element its text comes from (lxml's
`sourceline`); its style is `html:TAG` (the block: `html:p`, `html:li`, `html:h2`,
`html:td` …), with `html:i` when all of its text is italic (ITU sets headings in italics).

The page's `<title>`, its language and whether it is cut off (it ends without `</body>`
or `</html>`) are kept in `SourceText.meta`, keyed by the number of its first line.

The page is decoded as its BOM says; else as UTF-8 when it is valid UTF-8 (a page saved
again keeps the charset it was first saved in); else as its XML declaration or `<meta
charset>` says; else as Windows-1252 when plausible. It is parsed with lxml's HTML parser with no
network, no DTD, no entity declarations and no huge-tree mode; a page that declares
entities, an empty page, a page with no text and one broken beyond the parser's repair
are refused, naming the file and the line.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from itukg.errors import InputError
from itukg.read.akn import SNIFF_BYTES, _head
from itukg.read.text import Line, SourceText, decode, normalise, read_bytes, unglue
from itukg.read.xmlsafe import declaration_in_text

# What a page opens with, after a BOM, whitespace, comments and an XML declaration.
_OPENS_AS_HTML = re.compile(
    r"^\s*(?:(?:<!--.*?-->|<\?xml[^>]*\?>)\s*)*"
    r"(?:<!DOCTYPE\s+html(?![\w-])"
    r"|(?:<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>\s*(?:<!--.*?-->\s*)*)?<(?:html|head|body)[\s>/])",
    re.IGNORECASE | re.DOTALL,
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)""", re.I)
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)

# Blocks: each gives its own lines. Any other element is inline (part of its block's line).
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_LISTS = {"ul", "ol", "dir"}
_BLOCKS = _HEADINGS | _LISTS | {
    "address", "article", "blockquote", "body", "caption", "center", "dd", "details",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "header", "hgroup",
    "hr", "html", "legend", "li", "main", "p", "pre", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "noframes",
}  # fmt: skip
# Never text of the resolution.
_SKIPPED = {
    "head", "title", "meta", "link", "base", "script", "style", "noscript", "template",
    "nav", "aside", "menu", "form", "button", "select", "option", "textarea", "input",
    "label", "iframe", "frame", "frameset", "svg", "math", "canvas", "object", "embed",
    "audio", "video", "img", "picture", "map", "area", "dialog", "del", "s", "strike",
}  # fmt: skip
_FURNITURE_ROLES = {
    "navigation", "banner", "contentinfo", "search", "menu", "menubar", "complementary",
    "dialog", "alertdialog",
}  # fmt: skip
_FURNITURE_NAMES = {
    "nav", "navbar", "navigation", "menu", "mainmenu", "main-menu", "topmenu", "menubar",
    "breadcrumb", "breadcrumbs", "sidebar", "header", "site-header", "masthead", "footer",
    "site-footer", "page-footer", "global-footer", "cookie", "cookies", "cookie-banner",
    "cookie-notice", "cookie-consent", "skip-link", "skiplink", "skip-links", "toolbar",
    "share", "social", "social-links", "print-link", "back-to-top",
}  # fmt: skip
_SECTIONING = {"article", "main", "section"}  # whose own header/footer is content
_NOTE_CONTAINERS = re.compile(
    r"(?:^|\s)(?:footnotes?|endnotes?|doc-(?:end|foot)notes?|footnote-list|notes-list)(?:\s|$)"
    r"|mso-element:\s*(?:foot|end)note-list",
    re.I,
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all", re.I)
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*italic", re.I)
_UNNUMBERED = re.compile(r"list-style(?:-type)?\s*:\s*none", re.I)
_TAB_STYLE = re.compile(r"mso-tab-count", re.I)
_ITALIC_TAGS = {"i", "em", "cite", "var", "dfn"}

# A title line, and the revision a line break put under it.
_TITLE_ALONE = re.compile(
    r"^(?:[A-Z][A-Za-z]{1,9}(?:-\d{2})?\s+)?(?:DRAFT\s+)?(?:NEW\s+|REVISED\s+)?"
    r"(?:RESOLUTION|DECISION|RECOMMENDATION|OPINION)\s+(?:ITU-[RTD]\s+)?[\w.\[\]-]{1,12}$",
    re.I,
)
_REVISION_ALONE = re.compile(
    r"^\(\s*(?:(?:Rev\.?\s*)?[^\s()\d][^()]*,\s*\d{4}|Rev\.?\s*[A-Z]{2,5}-\d{2,4})\s*\)$", re.I
)
# Footnotes: a call is a short mark ('1', '[2]', '*') linking to a note in the page.
_CALL_MARK = re.compile(r"^[\[(]?(?:\d{1,3}|[*\u2020\u2021\u00a7]{1,3}|[a-z])[\])]?$")
_NOTE_NAME = re.compile(r"(?:^|[#_:\-\s])(?:fn|ftn|edn|foot|note|endnote|noteref)", re.I)
_BACK_MARKS = {"\u21a9", "\u21a9\ufe0e", "\u21a9\ufe0f", "\u2191", "^", "back", "return"}
_LEADING_MARK = re.compile(r"^[\[(](?:\d{1,3}|[*\u2020\u2021]{1,3})[\])]\s*")
MAX_NOTE_CHARS = 3000

# A tab stop in the text (Word's mso-tab-count, a run of no-break spaces, a tab in <pre>).
_TAB = "\ue000"
# a run of spaces holding two or more no-break spaces is a tab stop; matched as whole runs
# (from their start only) and counted in Python, which keeps it linear (ReDoS)
_SPACE_RUN = re.compile(r"(?<![ \u00a0])[ \u00a0]++")


def _tab_stop(m: re.Match[str]) -> str:
    run = m.group()
    return _TAB if run.count("\u00a0") >= 2 else run


_BULLET = re.compile(
    "^(?:[\u2022\u25e6\u25aa\u25ab\u2023\u2043\u25cf\u25cb\u25a0\u25a1\u2219\u00b7\u27a2"
    "\u25ba\u25b8\u25b9\u25c6\u25c7\u2666\u2713\u2714\u2756\uf0a7\uf0b7\uf0d8\uf0fc"
    f"](?:\\s|{_TAB})*|-(?:\\s|{_TAB})+|[o\u00a7]{_TAB}\\s*)"
)
_LABEL = re.compile(
    r"^(?P<label>"
    r"(?P<letter>\(?(?:[a-z]|([a-z])\3{1,2}|[ivxlc]{1,6})\)(?:bis|ter)?)"
    r"|(?P<paren>\(\d{1,3}\))"
    r"|(?P<number>\d{1,3}(?:\.\d{1,3}){0,3}[.)]?)"
    r"|(?P<dash>[\u2013\u2014])"
    rf")(?P<sep>\s*{_TAB}\s*|\s+)(?P<rest>\S.*)$",
    re.DOTALL,
)


# --- detection -------------------------------------------------------------------------
def is_html(path: Path) -> bool:
    """Whether the file is an HTML (or XHTML) page, by its content: its first KiB, after a
    BOM, whitespace, comments and an XML declaration, opens `<!DOCTYPE html`, or `<html`,
    `<head>` or `<body>` (after any DOCTYPE). A text that mentions `<html>` later is not."""
    return bool(_OPENS_AS_HTML.match(_head(path)))


# --- reading ---------------------------------------------------------------------------
def read_html(path: str | Path) -> SourceText:
    """Read an HTML page, or raise InputError naming the file (and the line)."""
    path = Path(path)
    data = read_bytes(path)
    text, encoding = _decode(path, data)
    declared = declaration_in_text(text, doctype=False)  # decoded: in any encoding
    if declared is not None:
        raise InputError(
            path,
            "the page declares entities (<!ENTITY …>), which HTML never needs: refused "
            "(an XML external entity or entity expansion attack?)",
            declared.line,
        )
    root = _parse(path, text)
    reader = _Reader(root)
    reader.document(root)
    source = SourceText(path=path, encoding=encoding, format="html")
    source.lines = reader.lines
    if not any(line.text for line in source.lines):
        body = next(root.iter("body"), root)
        raise InputError(
            path,
            "the HTML page has no text (outside its scripts, styles, navigation and footers)",
            body.sourceline,
        )
    first = next(line.number for line in source.lines if line.text)
    source.meta[first] = _page_meta(root, text)
    return source


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    """UTF-8 when the bytes are UTF-8; else the BOM's, the declared or Windows-1252."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data:
        return decode(path, data)  # a BOM says; NUL bytes are refused there as binary
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data[:SNIFF_BYTES])
    if declared is not None and declared != "utf-8":
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            pass
        else:
            return text, "windows-1252" if declared == "cp1252" else declared
    return decode(path, data)  # Windows-1252 if plausible, else refused naming the line


def _declared_charset(head: bytes) -> str | None:
    """The codec a page declares (XML declaration, then <meta>), as browsers read it:
    Latin-1 and ASCII as Windows-1252, UTF-16 (without a BOM) as UTF-8."""
    m = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if m is None:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    if name in ("latin-1", "iso8859-1", "ascii", "cp1252"):
        return "cp1252"
    return "utf-8" if name.startswith(("utf-16", "utf-32", "utf-8")) else name


def _parse(path: Path, text: str) -> Any:
    from lxml import etree

    parser = etree.HTMLParser(
        encoding="utf-8",
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        recover=True,
        default_doctype=False,
    )
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except (etree.XMLSyntaxError, etree.ParserError) as err:
        line = getattr(err, "lineno", None)
        raise InputError(path, f"not readable as HTML: {err}", line or None) from None
    fatal = [e for e in parser.error_log if e.level_name == "FATAL"]
    if fatal:
        raise InputError(
            path, f"HTML broken beyond repair: {fatal[0].message}", fatal[0].line or None
        )
    if root is None:
        raise InputError(path, "the HTML page has no text", 1)
    return root


def _page_meta(root: Any, text: str) -> dict[str, str]:
    """What the page says of itself: its title and language, and whether it is cut off."""
    meta = {"element": "html"}
    title = next(root.iter("title"), None)
    if title is not None and normalise("".join(title.itertext())):
        meta["page_title"] = normalise("".join(title.itertext()))
    if root.get("lang") or root.get("xml:lang"):
        meta["language"] = root.get("lang") or root.get("xml:lang")
    if not re.search(r"</(?:html|body)\s*>\s*$", text[-4096:], re.I):
        meta["truncated"] = "the page ends without </body> or </html>"
    return meta


# --- the page's structure --------------------------------------------------------------
def _tag(element: Any) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def _tokens(element: Any) -> set[str]:
    return {t.lower() for t in (element.get("class") or "").split()} | (
        {element.get("id").lower()} if element.get("id") else set()
    )


def _hidden(element: Any) -> bool:
    return (
        element.get("hidden") is not None
        or (element.get("aria-hidden") or "").lower() == "true"
        or bool(_HIDDEN_STYLE.search(element.get("style") or ""))
    )


def _furniture(element: Any) -> bool:
    """Whether the element is the site's furniture rather than the page's text."""
    tag = _tag(element)
    if tag in ("header", "footer"):  # the page's own, not an article's
        parent = element.getparent()
        while parent is not None:
            if _tag(parent) in _SECTIONING:
                return False
            parent = parent.getparent()
        return True
    if (element.get("role") or "").lower() in _FURNITURE_ROLES:
        return True
    return bool(_tokens(element) & _FURNITURE_NAMES)


def _note_container(element: Any) -> bool:
    markers = " ".join(
        [element.get("class") or "", element.get("id") or "", element.get("role") or ""]
    )
    return bool(
        _NOTE_CONTAINERS.search(markers) or _NOTE_CONTAINERS.search(element.get("style") or "")
    )


def _is_block(element: Any) -> bool:
    return _tag(element) in _BLOCKS


def _block_of(element: Any) -> Any:
    while element is not None and not _is_block(element):
        element = element.getparent()
    return element


def _last_line(element: Any) -> int:
    """The last source line an element's start tags reach (for the text after it)."""
    return max((e.sourceline or 0) for e in element.iter()) or element.sourceline or 0


@dataclass
class _Run:
    """The inline text gathered for one line."""

    number: int
    style: str
    parts: list[tuple[str, bool]] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)  # (part it follows, note)
    started: bool = False


@dataclass
class _Item:
    """A list item being read: the label its list gives it if it writes none, and whether
    it is labelled (decided by its first line)."""

    implicit: str | None
    labelled: bool | None = None


class _Reader:
    def __init__(self, root: Any) -> None:
        self.lines: list[Line] = []
        self.items: list[_Item] = []
        self.run: _Run | None = None
        self.cell_opens = False
        self.pending_label: str | None = None  # a <dt> holding a label alone
        self.notes: dict[Any, str | None] = {}  # call element → note text (None: no note)
        self.note_blocks: set[Any] = set()
        self._footnotes(root)

    # --- footnotes ----------------------------------------------------------------------
    def _footnotes(self, root: Any) -> None:
        """Find the calls and the notes they point at. A link back from a note to its call
        (`↩`, Word's `[1]` at the note) points backwards in the page: it is no call."""
        named: dict[str, tuple[Any, int]] = {}
        candidates: list[tuple[Any, int, str]] = []
        for position, element in enumerate(root.iter()):
            for attribute in ("id", "name"):
                if element.get(attribute):
                    named.setdefault(element.get(attribute), (element, position))
            href = (element.get("href") or "").strip() if _tag(element) == "a" else ""
            if href.startswith("#") and len(href) > 1 and self._is_call(element, href):
                candidates.append((element, position, href[1:]))
        calls: list[tuple[Any, Any]] = []
        for anchor, position, name in candidates:
            target, at = named.get(name, (None, -1))
            if target is not None and at < position:
                continue  # a link back to the call
            calls.append((anchor, target))
        call_names = {a.get(n) for a, _ in calls for n in ("id", "name") if a.get(n)}
        for anchor, target in calls:
            note = None
            block = _block_of(target) if target is not None else None
            outside = block is not None and not any(a is anchor for a in block.iter("a"))
            if outside and _tag(block) not in ("body", "html"):
                note = _note_text(block, call_names)
                if note is not None and len(note) <= MAX_NOTE_CHARS:
                    self.note_blocks.add(block)
                else:
                    note = None
            parent = anchor.getparent()
            wrapper = anchor
            if (
                parent is not None
                and _tag(parent) == "sup"
                and len(parent) == 1
                and not (parent.text or "").strip()
            ):
                wrapper = parent  # <sup><a href="#fn1">1</a></sup>: the whole sup goes
            self.notes[wrapper] = note

    @staticmethod
    def _is_call(anchor: Any, href: str) -> bool:
        if not _CALL_MARK.match(normalise("".join(anchor.itertext()))):
            return False
        parent = anchor.getparent()
        in_sup = (parent is not None and _tag(parent) == "sup") or any(
            _tag(e) == "sup" for e in anchor.iter()
        )
        names = " ".join(
            [href, anchor.get("class") or "", anchor.get("role") or "", anchor.get("id") or ""]
        )
        return (
            in_sup
            or bool(_NOTE_NAME.search(names))
            or "mso-footnote" in (anchor.get("style") or "")
        )

    # --- lines --------------------------------------------------------------------------
    def document(self, root: Any) -> None:
        body = next(root.iter("body"), None)
        self.block(body if body is not None else root, "html:body")

    def skipped(self, element: Any) -> bool:
        tag = _tag(element)
        return (
            not tag
            or tag in _SKIPPED
            or element in self.note_blocks
            or _hidden(element)
            or _furniture(element)
            or _note_container(element)
        )

    def open(self, number: int, style: str) -> None:
        self.run = _Run(number, style)

    def text(self, text: str | None, italic: bool, number: int | None = None) -> None:
        if not text or self.run is None:
            return
        if not self.run.started and text.strip():
            self.run.started = True
            if number is not None:
                self.run.number = number
        self.run.parts.append((text, italic))

    def emit(self) -> None:
        """Write the gathered run as a line (two when an italic heading opens it)."""
        run, self.run = self.run, None
        if run is None:
            return
        for parts, notes in _split_heading(run):
            self.write(run, parts, notes)

    def write(self, run: _Run, parts: list[tuple[str, bool]], notes: list[str]) -> None:
        """One line of the text (nothing if it holds no text)."""
        text = _clean("".join(part for part, _ in parts))
        if not text:
            if notes and self.lines:  # a call with nothing around it: the line before's
                last = self.lines[-1]
                self.lines[-1] = Line(
                    last.number, last.raw, last.text, last.indent,
                    last.notes + tuple(notes), last.style,
                )  # fmt: skip
            return
        previous = self.lines[-1] if self.lines else None
        if (
            previous is not None
            and _REVISION_ALONE.match(text)
            and _TITLE_ALONE.match(previous.text)
        ):  # 'RESOLUTION 17<br>(Rev. Hyderabad, 2010)': one title line, as Word writes it
            self.lines[-1] = Line(
                previous.number, f"{previous.raw} {text}", f"{previous.text} {text}",
                previous.indent, previous.notes + tuple(notes), previous.style,
            )  # fmt: skip
            return
        item = self.items[-1] if self.items else None
        text, labelled = _labelled(text, item is not None)
        if self.pending_label is not None:
            text, labelled = f"{self.pending_label}\t{text}", True
            self.pending_label = None
        if item is not None and item.labelled is None:
            if not labelled and item.implicit:
                text, labelled = f"{item.implicit}\t{text}", True
            item.labelled = labelled
        indent = sum(1 for outer in self.items[:-1] if outer.labelled)
        if self.cell_opens:
            indent += 1
            self.cell_opens = False
        words = [italic for part, italic in parts if part.strip()]
        style = run.style + (" html:i" if words and all(words) else "")
        self.lines.append(Line(run.number, "\t" * indent + text, text, indent, tuple(notes), style))

    def block(self, element: Any, style: str, italic: bool = False) -> None:
        """The lines of a block: its own inline text, and the blocks it holds."""
        tag = _tag(element)
        if tag == "table" and not _layout_table(element):
            self.table(element, italic)
            return
        if tag in _LISTS:
            self.list(element, italic)
            return
        if tag == "dl":
            self.definitions(element, italic)
            return
        if tag != "html" and tag != "body":
            style = "html:" + tag
        italic = italic or _italic(element)
        pre = tag == "pre"
        self.emit()
        self.open(element.sourceline or 0, style)
        self.add(element.text, italic, element.sourceline or 0, style, pre)
        for child in element:
            self.child(child, style, italic, pre)
        self.emit()

    def add(self, text: str | None, italic: bool, number: int, style: str, pre: bool) -> None:
        """Text of the current line; in <pre>, its line breaks end lines and its tabs are
        tab stops."""
        if not pre:
            self.text(text, italic, number)
            return
        for n, piece in enumerate((text or "").split("\n")):
            if n:
                self.emit()
                self.open(number + n, style)
            self.text(piece.replace("\t", _TAB), italic, number + n)

    def child(self, child: Any, style: str, italic: bool, pre: bool = False) -> None:
        """A child of a block or an inline element: its text joins the current line."""
        tag = _tag(child)
        if child in self.notes:
            note = self.notes[child]
            if note and self.run is not None:
                self.run.notes.append((len(self.run.parts), note))
        elif self.skipped(child):
            pass
        elif tag == "br":
            self.emit()
            self.open(child.sourceline or 0, style)
        elif _is_block(child):
            self.block(child, style, italic)
            self.open(child.sourceline or 0, style)
        else:
            inner = italic or _italic(child)
            if tag == "span" and _TAB_STYLE.search(child.get("style") or ""):
                self.text(_TAB, inner)
            else:
                self.add(child.text, inner, child.sourceline or 0, style, pre)
                for grandchild in child:
                    self.child(grandchild, style, inner, pre)
        self.tail(child, italic, style, pre)

    def tail(self, child: Any, italic: bool, style: str, pre: bool) -> None:
        """The text after an element, on the line it was in."""
        if not child.tail:
            return
        number = child.sourceline or 0
        if child.tail.strip():  # the text starts after the element's last line
            number = _last_line(child) + (0 if pre else _leading_newlines(child.tail))
        self.add(child.tail, italic, number, style, pre)

    def list(self, element: Any, italic: bool) -> None:
        """<ul>/<ol>: its items, an item nested in a labelled one a level further in, an
        <ol> item numbered as its list says. A list written right inside a list rather than
        inside an item (as many pages do) is nested in the item before it."""
        ordered = _tag(element) == "ol" and not _UNNUMBERED.search(element.get("style") or "")
        kind = (element.get("type") or "1") if ordered else ""
        try:
            number = int(element.get("start") or 1)
        except ValueError:
            number = 1
        style = "html:" + _tag(element)
        self.emit()
        self.open(element.sourceline or 0, style)
        self.text(element.text, italic, element.sourceline)
        previous: _Item | None = None
        for child in element:
            tag = _tag(child)
            if tag == "li" and child not in self.notes and not self.skipped(child):
                self.emit()
                if ordered and (child.get("value") or "").isdigit():
                    number = int(child.get("value"))
                implicit = _ordinal(number, kind) if ordered else None
                if implicit is None and self.items and self.items[-1].labelled:
                    implicit = "\u2013"  # a bullet under a labelled item: one of its dashes
                previous = _Item(implicit)
                self.items.append(previous)
                self.block(child, "html:li", italic)
                self.items.pop()
                number += 1
                self.open(child.sourceline or 0, style)
                self.tail(child, italic, style, False)
            elif tag in _LISTS and previous is not None:
                self.items.append(previous)
                self.child(child, style, italic)
                self.items.pop()
            else:
                self.child(child, style, italic)
        self.emit()

    def definitions(self, element: Any, italic: bool) -> None:
        """<dl>: a <dt> holding only a label labels the <dd> after it."""
        self.emit()
        for child in element:
            if self.skipped(child):
                continue
            text = _clean("".join(child.itertext())) if _tag(child) == "dt" else ""
            if text and _LABEL.match(text + " x") and len(text) <= 8:
                self.pending_label = text
                continue
            self.block(child, "html:" + (_tag(child) or "dl"), italic)
        self.pending_label = None

    def table(self, table: Any, italic: bool) -> None:
        """A table as a text export writes one: each cell opens with a tab."""
        self.emit()
        caption = next((c for c in table if _tag(c) == "caption"), None)
        if caption is not None and not self.skipped(caption):
            self.block(caption, "html:caption", italic)
        for row in _rows(table):
            if self.skipped(row):
                continue
            for cell in row:
                if _tag(cell) not in ("td", "th") or self.skipped(cell):
                    continue
                before = len(self.lines)
                self.cell_opens = True
                self.block(cell, "html:" + _tag(cell), italic)
                if len(self.lines) == before:  # an empty cell: a lone tab
                    number = cell.sourceline or 0
                    self.lines.append(Line(number, "\t", "", 1, (), "html:" + _tag(cell)))
                self.cell_opens = False


def _rows(table: Any) -> list[Any]:
    """The rows of a table (not those of the tables it holds)."""
    rows = []
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            rows.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            rows.extend(r for r in child if _tag(r) == "tr")
    return rows


def _layout_table(table: Any) -> bool:
    """A table that lays out the page rather than tabulates: one cell a row, a table or a
    heading inside, or marked as presentation."""
    if (table.get("role") or "").lower() in ("presentation", "none"):
        return True
    rows = _rows(table)
    if all(sum(1 for c in r if _tag(c) in ("td", "th")) <= 1 for r in rows):
        return True
    return any(_tag(e) in _HEADINGS or _tag(e) == "table" for e in table.iterdescendants())


def _italic(element: Any) -> bool:
    return _tag(element) in _ITALIC_TAGS or bool(_ITALIC_STYLE.search(element.get("style") or ""))


def _leading_newlines(text: str) -> int:
    return text[: len(text) - len(text.lstrip())].count("\n")


def _ordinal(number: int, kind: str) -> str | None:
    """The label an <ol type=…> gives its item number: 1 → '1', 'a)', 'i)'."""
    if kind in ("a", "A") and 1 <= number <= 26:
        return chr(ord("a") + number - 1) + ")"
    if kind in ("i", "I") and 1 <= number < 40:
        return _roman(number) + ")"
    return str(number) if number >= 0 else None


def _roman(number: int) -> str:
    out = ""
    for value, letters in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while number >= value:
            out, number = out + letters, number - value
    return out


def _note_text(block: Any, call_names: set[str]) -> str | None:
    """The text of a footnote, without its mark and its link back to the call."""
    parts: list[str] = []

    def walk(element: Any, first: bool) -> None:
        if element.text:
            parts.append(element.text)
        for child in element:
            tag = _tag(child)
            href = (child.get("href") or "").lstrip("#")
            mark = normalise("".join(child.itertext()))
            leading = first and not normalise("".join(parts))
            if (
                not tag
                or (tag == "a" and href and href in call_names)
                or mark.lower() in _BACK_MARKS
                or (leading and tag in ("sup", "a", "span") and _CALL_MARK.match(mark))
                or tag in _SKIPPED
            ):
                pass
            else:
                walk(child, first and leading)
            if child.tail:
                parts.append(child.tail)

    walk(block, True)
    text = _LEADING_MARK.sub("", unglue(normalise("".join(parts))))
    return text or None


# --- a line's text ---------------------------------------------------------------------
def _split_heading(run: _Run) -> list[tuple[list[tuple[str, bool]], list[str]]]:
    """The run's parts and notes, as one line, or as two when it opens with an italic
    heading (ITU sets headings in italics) and goes on in roman type with a label or a
    clause: '<i>resolves</i> 1 to …', '<i>considering</i> that …'."""
    parts = run.parts
    whole = [(parts, [note for _, note in run.notes])]
    cut = next((i for i, (part, italic) in enumerate(parts) if part.strip() and not italic), 0)
    head = normalise("".join(part for part, _ in parts[:cut]))
    if not head or not head[0].islower():
        return whole
    rest = _clean("".join(part for part, _ in parts[cut:]))
    if not (_LABEL.match(rest) or re.match(r"(?:that|to)\s", rest)):
        return whole
    return [
        (parts[:cut], [note for at, note in run.notes if at <= cut]),
        (parts[cut:], [note for at, note in run.notes if at > cut]),
    ]


def _clean(raw: str) -> str:
    """Whitespace normalised, tab stops kept (as _TAB), words unglued, bullets dropped."""
    raw = _SPACE_RUN.sub(_tab_stop, raw)
    text = normalise(raw)
    text = re.sub(rf"\s*{_TAB}[\s{_TAB}]*", _TAB, text)
    text = unglue(text)
    while m := _BULLET.match(text):
        text = text[m.end() :].lstrip()
    return text.strip().strip(_TAB)


def _labelled(text: str, in_list: bool) -> tuple[str, bool]:
    """`a) that` → `a)<TAB>that` where the label is clear (see the module's doc), and
    whether the line opens with a label; remaining tab stops become spaces."""
    m = _LABEL.match(text)
    labelled = False
    if m is not None:
        tab_stop = _TAB in m.group("sep")
        clear = bool(m.group("letter") or m.group("paren") or m.group("dash"))
        number = m.group("number")
        if number and "." in number.rstrip("."):  # 2.1: a rule's number
            clear = clear or in_list
        elif number:
            clear = in_list and m.group("rest")[:1].isalpha()
        if tab_stop or clear:
            text = f"{m.group('label')}\t{m.group('rest')}"
            labelled = True
    text = re.sub(rf" ?{_TAB} ?", " ", text)
    return text, labelled
