"""What an answer is written as: content negotiation, and the SPARQL results formats
written one row at a time (so that an answer can stop at a byte limit between rows).

Written here rather than by pyoxigraph because the endpoint cuts answers at its row and
byte limits and must say so. XML 1.0 cannot hold some characters at all (NUL, most C0
controls): they are written as U+FFFD, so that the XML stays well-formed whatever a
literal holds (JSON, CSV and TSV keep them). RDF-star triple terms are written as the
SPARQL 1.2 results formats write them.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from typing import Any

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RESULT_MEDIA = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
}
GRAPH_MEDIA = {
    "turtle": "text/turtle; charset=utf-8",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
    "rdfxml": "application/rdf+xml",
}
RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/ld+json": "jsonld",
    "application/n-triples": "nt",
    "application/rdf+xml": "rdfxml",
}
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_XML_TEXT = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
_XML_ATTRIBUTE = {**_XML_TEXT, '"': "&quot;", "\t": "&#9;", "\n": "&#10;"}


def negotiate(accept: str, wanted: str | None) -> tuple[str, str]:
    """(results format, graph format) for an Accept header or an explicit format= value;
    ValueError for an unknown format= value."""
    if wanted:
        if wanted in RESULT_MEDIA:
            return wanted, "turtle"
        if wanted in GRAPH_MEDIA:
            return "json", wanted
        raise ValueError(f"unknown format '{wanted}' (json, xml, csv, tsv, turtle, jsonld, nt)")
    ranked = []
    for n, part in enumerate(accept.split(",")[:64]):
        media, *options = (p.strip() for p in part.split(";"))
        q = 1.0
        for option in options:
            if option.startswith("q="):
                try:
                    q = float(option[2:])
                except ValueError:
                    q = 0.0
        ranked.append((-q, n, media.lower()))
    results, graph = None, None
    for _, _, media in sorted(ranked):
        results = results or RESULT_TYPES.get(media)
        graph = graph or GRAPH_TYPES.get(media)
    return results or "json", graph or "turtle"


def xml_text(text: str, table: dict[str, str] = _XML_TEXT) -> str:
    """Text escaped for XML 1.0, characters it cannot hold replaced by U+FFFD."""
    text = _NOT_XML.sub("\ufffd", text)
    return re.sub('[&<>\r\t\n"]', lambda m: table.get(m.group(), m.group()), text)


def _attribute(text: str) -> str:
    return '"' + xml_text(text, _XML_ATTRIBUTE) + '"'


_NOT_XML_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf[\xbe\xbf]|\r")
_C0 = bytes(b for b in range(32) if b not in (9, 10))  # what the filter replaces, CR included


class XmlCleaner:
    """Oxigraph's XML results writer puts characters XML 1.0 cannot hold into the output
    as they are: this filter of its bytes writes U+FFFD for them, and CR as a character
    reference (so that it is kept). A sequence cut between two writes is held back."""

    def __init__(self) -> None:
        self.held = b""

    def feed(self, data: bytes) -> bytes:
        data = self.held + data
        cut = len(data)
        if data.endswith(b"\xef"):
            cut -= 1
        elif data.endswith(b"\xef\xbf"):
            cut -= 2
        data, self.held = data[:cut], data[cut:]
        if (
            len(data.translate(None, _C0)) == len(data)
            and b"\xef\xbf\xbe" not in data
            and b"\xef\xbf\xbf" not in data
        ):
            return data  # nothing to replace: told at C speed, the usual case
        return _NOT_XML_BYTES.sub(
            lambda m: b"&#13;" if m.group() == b"\r" else "\ufffd".encode(), data
        )

    def end(self) -> bytes:
        held, self.held = self.held, b""
        return held


def count_rows(data: Any, fmt: str, limit: int, size: int) -> bool:
    """Whether an answer of Oxigraph's writer holds at most `limit` rows; `data` gives its
    bytes, read only when its size leaves a doubt (the shortest rows: `{},` in JSON, an
    empty line in CSV and TSV, `<result></result>` in XML)."""
    shortest = {"json": 3, "xml": 17, "csv": 2, "tsv": 1}[fmt]
    if size < shortest * (limit + 1):
        return True
    body = data()
    if fmt == "xml":
        rows = body.count(b"<result>") + body.count(b"<result/>")
    elif fmt == "tsv":
        rows = body.count(b"\n") - 1
    elif fmt == "json":
        rows = len(json.loads(body)["results"]["bindings"])
    else:
        rows = sum(1 for _ in csv.reader(io.StringIO(body.decode("utf-8")))) - 1
    return rows <= limit


def json_term(term: Any) -> dict[str, Any]:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        parts = (("subject", term.subject), ("predicate", term.predicate), ("object", term.object))
        return {"type": "triple", "value": {k: json_term(t) for k, t in parts}}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def xml_term(term: Any) -> str:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return f"<uri>{xml_text(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{xml_text(term.value)}</bnode>"
    if isinstance(term, ox.Triple):
        return (
            f"<triple><subject>{xml_term(term.subject)}</subject>"
            f"<predicate>{xml_term(term.predicate)}</predicate>"
            f"<object>{xml_term(term.object)}</object></triple>"
        )
    attributes = ""
    if term.language:
        attributes = f" xml:lang={_attribute(term.language)}"
    elif term.datatype.value != XSD_STRING:
        attributes = f" datatype={_attribute(term.datatype.value)}"
    return f"<literal{attributes}>{xml_text(term.value)}</literal>"


def turtle_term(term: Any) -> str:
    """A term in Turtle (SPARQL 1.2) syntax; a triple term as <<( s p o )>>."""
    import pyoxigraph as ox

    if isinstance(term, ox.Triple):
        parts = (term.subject, term.predicate, term.object)
        return "<<( " + " ".join(turtle_term(t) for t in parts) + " )>>"
    return str(term)


class ResultsWriter:
    """One results format: the text before the rows, each row, the text after them."""

    def __init__(self, columns: Sequence[str]) -> None:
        self.columns = list(columns)

    def head(self) -> str:
        raise NotImplementedError

    def row(self, terms: Sequence[Any], first: bool) -> str:
        raise NotImplementedError

    def tail(self) -> str:
        return ""


class JsonWriter(ResultsWriter):
    def head(self) -> str:
        return '{"head":{"vars":' + json.dumps(self.columns) + '},"results":{"bindings":[\n'

    def row(self, terms: Sequence[Any], first: bool) -> str:
        binding = {
            c: json_term(t) for c, t in zip(self.columns, terms, strict=True) if t is not None
        }
        return ("" if first else ",\n") + json.dumps(binding, ensure_ascii=False)

    def tail(self) -> str:
        return "\n]}}\n"


class XmlWriter(ResultsWriter):
    def head(self) -> str:
        names = "".join(f"<variable name={_attribute(c)}/>" for c in self.columns)
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n'
            '<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n'
            f"<head>{names}</head>\n<results>\n"
        )

    def row(self, terms: Sequence[Any], first: bool) -> str:
        bindings = "".join(
            f"<binding name={_attribute(c)}>{xml_term(t)}</binding>"
            for c, t in zip(self.columns, terms, strict=True)
            if t is not None
        )
        return f"<result>{bindings}</result>\n"

    def tail(self) -> str:
        return "</results>\n</sparql>\n"


class CsvWriter(ResultsWriter):
    """CSV: plain values (IRIs, literal forms, triple terms in Turtle), CRLF lines."""

    def _line(self, values: Sequence[str]) -> str:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerow(values)
        return buffer.getvalue()

    def head(self) -> str:
        return self._line(self.columns)

    def row(self, terms: Sequence[Any], first: bool) -> str:
        import pyoxigraph as ox

        return self._line(
            [
                "" if t is None else turtle_term(t) if isinstance(t, ox.Triple) else t.value
                for t in terms
            ]
        )


class TsvWriter(ResultsWriter):
    """TSV: terms in Turtle syntax, so that nothing is lost."""

    def head(self) -> str:
        return "\t".join(f"?{c}" for c in self.columns) + "\n"

    def row(self, terms: Sequence[Any], first: bool) -> str:
        return "\t".join("" if t is None else turtle_term(t) for t in terms) + "\n"


WRITERS: dict[str, type[ResultsWriter]] = {
    "json": JsonWriter,
    "xml": XmlWriter,
    "csv": CsvWriter,
    "tsv": TsvWriter,
}


def boolean(value: bool, fmt: str) -> str:
    """An ASK answer in one of the formats."""
    if fmt == "xml":
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n'
            '<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>'
            f"<boolean>{str(value).lower()}</boolean></sparql>\n"
        )
    if fmt in ("csv", "tsv"):
        return f"{'_askResult' if fmt == 'csv' else '?_askResult'}\n{str(value).lower()}\n"
    return json.dumps({"head": {}, "boolean": value}) + "\n"
