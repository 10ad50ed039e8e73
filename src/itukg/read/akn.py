"""Read Akoma Ntoso (AKN 3.0, as AKN4UN uses it) XML into the lines a text export gives.

An AKN file holds one document (a `<statement>`, `<doc>`, `<act>` …) or a collection of
them (`<documentCollection>` with `<components>`). Each document becomes the lines its
text export would have, so the parser reads it as it reads a text:

- the title line, `RESOLUTION 2 (REV. DUBAI, 2018)`, from the preface's `<docType>` and
  `<docNumber>` (else the FRBRnumber's showAs); then the subject lines (the rest of the
  long title, the preface's containers);
- the enacting `<formula>` on its own line; each heading (a recitals' `<intro>`, an
  `<hcontainer>`'s `<heading>`) on its own line;
- each numbered item (`<recital>`, `<paragraph>`, `<point>` … with a `<num>`) as
  `NUM<TAB>text`, a nested item one tab further in; an item without `<num>` as its text;
- annexes (`<attachments>`) the same way, after their own title lines;
- a blank line between documents.

A line's number is the XML source line of the element its text comes from (the `<p>`,
`<heading>`, `<docType>` …), so errors and reports point into the XML file. Its style is
a hint, space-separated tokens: first `akn:ELEMENT` (the structural element the line
belongs to: `akn:docType`, `akn:container`, `akn:formula`, `akn:intro`, `akn:heading`,
`akn:recital`, `akn:paragraph`, `akn:point` …), then `akn:num` when its label came from a
`<num>`, `akn:i` when all of its text is italic (headings are), and `akn:attachment` in
an annex. Whitespace is normalised to single spaces; `<authorialNote>`s and the
`<meta><notes>` a `<noteRef>` calls become the line's notes; `<del>` text is left out. A
`<table>` is written as a text export writes one (each cell opens with a tab).

The FRBR metadata of each document (its kind, number, date, author and URIs) is kept in
`SourceText.meta`, keyed by the number of the document's first line (its title line):
markup, not text, so it is not given to the parser as lines it would have to tell apart.

The XML is parsed with no DTD, no entities and no network; a DOCTYPE that declares
entities (external entities, billion laughs), in whatever encoding, and malformed XML are
refused, naming the file and the line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from itukg.errors import InputError
from itukg.read.text import Line, SourceText, normalise, read_bytes
from itukg.read.xmlsafe import declaration_in, declaration_parsed, safe_parser

AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
SNIFF_BYTES = 1024

DOCUMENTS = {
    "act", "amendment", "amendmentList", "bill", "debate", "debateReport", "doc",
    "documentCollection", "judgment", "officialGazette", "portion", "statement",
}  # fmt: skip
COLLECTIONS = {"documentCollection", "officialGazette", "amendmentList"}
BODIES = {
    "mainBody", "body", "judgmentBody", "debateBody", "amendmentBody", "portionBody",
}  # fmt: skip
# Numbered, nestable parts of a text (AKN's hierarchy, and the preamble's items).
ITEMS = {
    "alinea", "article", "book", "chapter", "citation", "clause", "division", "hcontainer",
    "indent", "item", "level", "paragraph", "part", "point", "proviso", "recital",
    "rule", "section", "subchapter", "subclause", "subdivision", "sublist", "subparagraph",
    "subpart", "subrule", "subsection", "subtitle", "title", "tome", "transitional",
    "tblock", "blockContainer",
}  # fmt: skip
LISTS = {"list", "blockList", "ul", "ol"}
SKIPPED = {"meta", "componentRef", "documentRef", "img", "foreign", "toc"}
# Inline elements: part of the text of the block that holds them.
INLINE = {
    "a", "abbr", "affectedDocument", "argument", "b", "change", "concept", "courtType",
    "date", "def", "docAuthority", "docCommittee", "docDate", "docIntroducer",
    "docJurisdiction", "docNumber", "docProponent", "docPurpose", "docStage", "docStatus",
    "docTitle", "docType", "entity", "event", "fillIn", "i", "inline", "ins", "judge",
    "lawyer", "legislature", "location", "marker", "mmod", "mod", "mref", "object",
    "omissis", "opinion", "organization", "outcome", "party", "person", "placeholder",
    "process", "quantity", "quotedText", "recordedTime", "ref", "relatedDocument", "remark",
    "role", "rref", "session", "shortTitle", "signature", "span", "sub", "sup", "term",
    "time", "u", "vote", "authorialNote", "noteRef", "eol", "eop", "br", "del",
    "subFlow", "embeddedText",
}  # fmt: skip
_DOC_PARTS = {n for n in INLINE if n.startswith("doc")}  # kept apart by a space
_ROOT = re.compile(
    r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--.*?-->|<\?.*?\?>)\s*)*"
    r"(?:<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>\s*(?:(?:<!--.*?-->|<\?.*?\?>)\s*)*)?"
    r"<(?:[A-Za-z_][\w.-]*:)?akomaNtoso[\s>/]",
    re.S,
)


def _head(path: Path) -> str:
    """The first KiB of a file as text (its BOM read), for sniffing."""
    with open(path, "rb") as handle:
        data = handle.read(SNIFF_BYTES)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="ignore")
    return data.decode("utf-8", errors="ignore").lstrip("\ufeff")


def is_akn(path: Path) -> bool:
    """Whether the file's root element is <akomaNtoso> (after an XML declaration,
    comments, processing instructions and a DOCTYPE), whatever the file is called."""
    return bool(_ROOT.match(_head(path)))


def is_xml(path: Path) -> bool:
    """Whether the file is AKN, or at least says it is XML (an XML declaration or a
    .xml name): the AKN reader then reads it, or refuses it saying what it is."""
    return path.suffix.lower() == ".xml" or _head(path).lstrip().startswith("<?xml") or is_akn(path)


def read_akn(path: str | Path) -> SourceText:
    """Read an Akoma Ntoso XML file, or raise InputError naming it (and the line)."""
    path = Path(path)
    data = read_bytes(path)
    root = _parse(path, data)
    _check_root(path, root)
    reader = _Reader(path)
    reader.root(root)
    source = SourceText(path=path, encoding="utf-8", format="akn")
    source.lines = reader.lines
    source.meta = dict(sorted(reader.meta.items()))
    if not any(line.text for line in source.lines):
        raise InputError(path, "the Akoma Ntoso document has no text", root.sourceline)
    return source


# --- parsing, safely -------------------------------------------------------------------
def _parse(path: Path, data: bytes) -> Any:
    from lxml import etree

    declared = declaration_in(data, doctype=False)  # in UTF-8, UTF-16 and UTF-32 alike
    if declared is not None:
        raise InputError(
            path,
            "the XML declares entities (<!ENTITY …>), which Akoma Ntoso never needs: "
            "refused (an XML external entity or entity expansion attack?)",
            declared.line,
        )
    try:
        root = etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError as err:
        where: int | None = err.lineno if err.lineno and err.lineno > 0 else None
        message = re.sub(r"\s*\(<string>, line \d+\)$", "", str(err.msg or err))
        raise InputError(path, f"not well-formed XML: {message}", where) from None
    declared = declaration_parsed(root, doctype=False)  # what no encoding hides from the tree
    if declared is not None and declared.kind == "reference":
        raise InputError(
            path, f"the XML refers to the entity {declared.name}, which is not read: refused",
            declared.line,
        )  # fmt: skip
    if declared is not None:
        raise InputError(path, "the XML declares entities: refused", declared.line)
    return root


def _local(element: Any) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def _namespace(element: Any) -> str:
    tag = element.tag
    return tag[1:].partition("}")[0] if isinstance(tag, str) and tag.startswith("{") else ""


def _check_root(path: Path, root: Any) -> None:
    name, namespace = _local(root), _namespace(root)
    if name != "akomaNtoso":
        shown = f"{{{namespace}}}{name}" if namespace else name
        raise InputError(
            path,
            f"not an Akoma Ntoso document: the XML's root element is <{shown}>, expected "
            f"<akomaNtoso> (namespace {AKN_NAMESPACE})",
            root.sourceline,
        )
    if namespace and namespace != AKN_NAMESPACE and not namespace.endswith("/akn/3.0"):
        raise InputError(
            path,
            f"<akomaNtoso> in the namespace {namespace}: only Akoma Ntoso 3.0 "
            f"({AKN_NAMESPACE}) is read",
            root.sourceline,
        )


# --- text ----------------------------------------------------------------------------
_normalise = normalise


class _Text:
    """The inline text of a block: its words, whether all of it is italic, its notes."""

    def __init__(self, element: Any, notes_by_id: dict[str, str], skip: set[str]) -> None:
        self.parts: list[tuple[str, bool]] = []
        self.notes: list[str] = []
        self._notes_by_id = notes_by_id
        self._skip = skip
        self._walk(element, False)
        self.text = _normalise("".join(part for part, _ in self.parts))
        words = [italic for part, italic in self.parts if part.strip()]
        self.italic = bool(words) and all(words)

    def _walk(self, element: Any, italic: bool) -> None:
        if element.text:
            self.parts.append((element.text, italic))
        after_doc_part = False
        for child in element:
            name = _local(child)
            if name in self._skip:
                pass
            elif name == "authorialNote":
                note = _Text(child, self._notes_by_id, set()).text
                if note:
                    self.notes.append(note)
            elif name == "noteRef":
                called = self._notes_by_id.get((child.get("href") or "").lstrip("#"))
                if called:
                    self.notes.append(called)
            elif name in ("eol", "eop", "br"):
                self.parts.append((" ", italic))
            elif name == "del" or not name:  # deleted text; comments, processing instructions
                pass
            else:
                if name in _DOC_PARTS and after_doc_part:
                    self.parts.append((" ", italic))
                self._walk(child, italic or name == "i")
            after_doc_part = name in _DOC_PARTS and not (child.tail or "").strip()
            if child.tail:
                self.parts.append((child.tail, italic))


def _is_leaf(element: Any) -> bool:
    """A block whose children are all inline: one line of text."""
    return all(_local(child) in INLINE or not _local(child) for child in element)


# --- documents -----------------------------------------------------------------------
_TRANSPARENT = {"p", "content", "container", "div", "longTitle"}
_HEADINGS = {"heading", "subheading", "intro"}


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.lines: list[Line] = []
        self.meta: dict[int, dict[str, str]] = {}
        self.notes_by_id: dict[str, str] = {}
        self.references: dict[str, str] = {}
        self.collection: dict[str, str] = {}

    def add(self, number: int, text: str, indent: int, style: str, notes=()) -> None:
        self.lines.append(
            Line(number, "\t" * indent + text, text, indent, tuple(notes), style=style)
        )

    def text(self, element: Any, skip: set[str] | None = None) -> _Text:
        return _Text(element, self.notes_by_id, skip or set())

    def line(self, element: Any, text: _Text, indent: int, style: str, num: str = "") -> None:
        """One line: `NUM<TAB>text` or the text; style tokens as the module says."""
        content = f"{num}\t{text.text}" if num and text.text else (num or text.text)
        first, *rest = style.split()
        tokens = [first, *(["akn:num"] if num else []), *(["akn:i"] if text.italic else [])]
        self.add(element.sourceline, content, indent, " ".join(tokens + rest), text.notes)

    def root(self, root: Any) -> None:
        for element in root.iter():
            name = _local(element)
            parent = element.getparent()
            in_notes = parent is not None and _local(parent) == "notes"
            if name == "note" and element.get("eId") and in_notes:
                self.notes_by_id[element.get("eId")] = _Text(element, {}, set()).text
            elif name.startswith("TLC") and element.get("eId") and element.get("showAs"):
                self.references.setdefault(element.get("eId"), element.get("showAs"))
        for child in root:
            if _local(child) in DOCUMENTS:
                self.document(child)

    # --- a document: title, preface, preamble, body, annexes ---------------------------
    def document(self, element: Any, annex_of: int | None = None) -> None:
        name = _local(element)
        frbr, number_line = self._frbr(element)
        if name in COLLECTIONS:
            self.collection = {
                out: frbr[key]
                for key, out in (
                    ("number_show_as", "collection"), ("uri", "collection_uri"),
                    ("date", "collection_date"), ("author_name", "collection_author_name"),
                )
                if key in frbr
            }  # fmt: skip
            for child in element:
                self.part(child, "")
            return
        if annex_of is None and self.lines and self.lines[-1].text:
            self.add(element.sourceline, "", 0, "akn:" + name)  # between documents
        start = len(self.lines)
        annex = " akn:attachment" if annex_of is not None else ""
        title_from_parts = self._title(element, frbr, number_line, annex)
        for child in element:
            child_name = _local(child)
            if child_name in ("preface", "coverPage"):
                self._preface(child, title_from_parts, annex)
            elif child_name == "attachments":
                first = self.lines[start].number if len(self.lines) > start else 0
                for attachment in child:
                    for inner in attachment:
                        if _local(inner) in DOCUMENTS:
                            self.document(inner, annex_of=first)
                        else:
                            self.block(inner, 0, "akn:" + _local(inner), " akn:attachment")
            else:
                self.part(child, annex)
        if len(self.lines) > start:
            record = {"element": name, "kind": element.get("name") or name, **frbr}
            record.update(self.collection)
            record["xml_line"] = str(element.sourceline)
            if annex_of is not None:  # a document's own record wins over its annex's
                record["annex_of"] = str(annex_of)
                self.meta.setdefault(self.lines[start].number, record)
            else:
                self.meta[self.lines[start].number] = record

    def part(self, child: Any, annex: str) -> None:
        """A part of a document or collection other than its preface and annexes."""
        name = _local(child)
        if not name or name in SKIPPED:
            return
        if name in ("collectionBody", "components"):
            for component in child:
                for inner in component:
                    if _local(inner) in DOCUMENTS:
                        self.document(inner)
        elif name in ("preface", "coverPage"):
            self._preface(child, False, annex)
        else:
            self.block(child, 0, "akn:" + name, annex)

    def _title(self, element: Any, frbr: dict[str, str], number_line: int, annex: str) -> bool:
        """Add the title line; True when it is the preface's docType and docNumber (which
        the subject lines then leave out), else the FRBRnumber's showAs."""
        preface = next((c for c in element if _local(c) in ("preface", "coverPage")), None)
        parts: dict[str, Any] = {}
        for node in preface.iter() if preface is not None else ():
            if _local(node) in ("docType", "docNumber"):
                parts.setdefault(_local(node), node)
        if "docType" in parts and "docNumber" in parts:
            title = f"{self.text(parts['docType']).text} {self.text(parts['docNumber']).text}"
            self.add(parts["docType"].sourceline, title.strip(), 0, "akn:docType" + annex)
            return True
        if frbr.get("number_show_as"):
            self.add(number_line, frbr["number_show_as"], 0, "akn:FRBRnumber" + annex)
        return False

    def _preface(self, preface: Any, title_from_parts: bool, annex: str) -> None:
        """The subject: the long title (less the title line's parts), containers, lines."""
        skip = {"docType", "docNumber"} if title_from_parts else set()
        for child in preface:
            name = _local(child)
            if name == "longTitle" or (name and _is_leaf(child)):
                for block in [child] if _is_leaf(child) else list(child):
                    text = self.text(block, skip) if _local(block) else None
                    if text is not None and text.text:
                        self.line(block, text, 0, "akn:" + name + annex)
            elif name and name not in SKIPPED:
                self.block(child, 0, "akn:" + name, annex)

    def _frbr(self, element: Any) -> tuple[dict[str, str], int]:
        """The FRBR metadata of a document (its own <meta>, not its components'), and the
        line of its FRBRnumber."""
        meta = next((c for c in element if _local(c) == "meta"), None)
        found: dict[str, str] = {}
        if meta is None:
            return found, element.sourceline
        names = dict(self.references)
        for node in meta.iter():
            if _local(node).startswith("TLC") and node.get("eId") and node.get("showAs"):
                names[node.get("eId")] = node.get("showAs")
        number_line = element.sourceline
        work = next((n for n in meta.iter() if _local(n) == "FRBRWork"), None)
        expression = next((n for n in meta.iter() if _local(n) == "FRBRExpression"), None)
        for node in work if work is not None else ():
            name, value = _local(node), node.get("value")
            if name == "FRBRnumber":
                if value:
                    found["number"] = value
                if node.get("showAs"):
                    found["number_show_as"] = _normalise(node.get("showAs"))
                    number_line = node.sourceline
            elif name == "FRBRdate" and node.get("date"):
                found["date"] = node.get("date")
                if node.get("name"):
                    found["date_name"] = node.get("name")
            elif name == "FRBRauthor" and node.get("href"):
                found["author"] = node.get("href")
                if named := names.get(node.get("href").lstrip("#")):
                    found["author_name"] = named
            elif value and name in ("FRBRuri", "FRBRcountry", "FRBRsubtype", "FRBRname"):
                found[name[4:].lower()] = value
        for node in expression if expression is not None else ():
            if _local(node) == "FRBRlanguage" and node.get("language"):
                found["language"] = node.get("language")
        return found, number_line

    # --- the text: blocks, headings, numbered items --------------------------------------
    def block(self, element: Any, depth: int, style: str, annex: str = "") -> None:
        """The lines of a part of the text that is not a numbered item."""
        name = _local(element)
        if not name or name in SKIPPED:
            return
        if name in DOCUMENTS:
            self.document(element)
        elif name in ITEMS or name in LISTS:
            self.item(element, depth, annex)
        elif name == "table":
            self._table(element, depth, annex)
        elif _is_leaf(element):
            text = self.text(element)
            if text.text:
                self.line(element, text, depth, style + annex)
        else:
            for child in element:
                child_name = _local(child)
                if child_name in _HEADINGS:
                    self.heading(child, depth, "akn:" + child_name + annex)
                elif child_name in _TRANSPARENT or child_name in INLINE:
                    self.block(child, depth, style, annex)
                else:
                    self.block(child, depth, "akn:" + child_name, annex)

    def heading(self, element: Any, depth: int, style: str) -> None:
        if _is_leaf(element):
            text = self.text(element)
            if text.text:
                self.line(element, text, depth, style)
            return
        for child in element:
            if _local(child):
                self.heading(child, depth, style)

    def item(self, element: Any, depth: int, annex: str = "") -> None:
        """A numbered (or nestable) item: `NUM<TAB>text`; what it holds one level in."""
        style = "akn:" + _local(element) + annex
        num_node = next((c for c in element if _local(c) == "num"), None)
        num = self.text(num_node).text if num_node is not None else ""
        num_line = num_node.sourceline if num_node is not None else element.sourceline
        heading = next((c for c in element if _local(c) == "heading"), None)
        if heading is not None:  # a titled part: its number and heading, each a line
            if num:
                self.add(num_line, num, depth, "akn:num" + annex)
                num = ""
            self.heading(heading, depth, "akn:heading" + annex)
        said = False  # whether the item has written its own text (or number)

        def flush() -> None:
            nonlocal num, said
            if num:  # a number with no text before the sub-items: alone on its line
                self.add(num_line, num, depth, "akn:num" + annex)
                num, said = "", True

        def inner() -> int:
            return depth + 1 if said else depth

        def own_text(container: Any, line_style: str) -> None:
            nonlocal num, said
            for block in [container] if _is_leaf(container) else list(container):
                block_name = _local(block)
                if not block_name or block_name in SKIPPED:
                    continue
                if block is container or _is_leaf(block):
                    text = self.text(block)
                    if text.text or num:
                        self.line(block, text, depth, line_style, num)
                        num, said = "", True
                else:
                    flush()
                    self.block(block, inner(), "akn:" + block_name, annex)

        for child in element:
            name = _local(child)
            if not name or child is num_node or child is heading or name in SKIPPED:
                continue
            if name == "subheading":
                self.heading(child, depth, "akn:subheading" + annex)
            elif name in ("content", "intro", "p") or name in INLINE:
                own_text(child, style)
            elif name == "wrapUp":
                flush()
                own_text(child, "akn:wrapUp" + annex)
            elif name in LISTS:  # its intro is the item's text, its points are in
                intro = next((c for c in child if _local(c) == "intro"), None)
                if intro is not None and not said:
                    own_text(intro, style)
                flush()
                for point in child:
                    point_name = _local(point)
                    if point is intro or not point_name:
                        continue
                    if point_name == "wrapUp":
                        own_text(point, "akn:wrapUp" + annex)
                    else:
                        self.block(point, inner(), "akn:" + point_name, annex)
            else:
                flush()
                self.block(child, inner(), "akn:" + name, annex)
        flush()

    def _table(self, table: Any, depth: int, annex: str) -> None:
        """A table as a text export writes it: a line that starts with a tab opens each
        cell (an empty cell is a lone tab), the cell's other lines follow."""
        for row in table.iter():
            if _local(row) != "tr":
                continue
            for cell in row:
                if _local(cell) not in ("td", "th"):
                    continue
                blocks = (
                    [cell]
                    if _is_leaf(cell)
                    else [b for b in cell.iter() if _local(b) not in INLINE and _is_leaf(b)]
                )
                texts = [(b, self.text(b)) for b in blocks if _local(b)]
                texts = [(b, t) for b, t in texts if t.text] or [(cell, self.text(cell))]
                for n, (block, text) in enumerate(texts):
                    indent = depth + 1 if n == 0 else depth
                    style = "akn:" + _local(cell) + annex
                    self.add(block.sourceline, text.text, indent, style, text.notes)
