"""The SPARQL 1.1 query results formats (JSON, XML, CSV, TSV) for a list of solutions.

Written here rather than by pyoxigraph because the rows are often a part of what the
store returned: the command line hides parameter columns, and the endpoint stops at its
result limit. Terms are pyoxigraph terms, or None for an unbound variable.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape, quoteattr

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
}


def json_term(term: Any) -> dict[str, str]:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def to_json(columns: Sequence[str], rows: Sequence[Sequence[Any]], indent: int | None = 2) -> str:
    bindings = [
        {c: json_term(t) for c, t in zip(columns, row, strict=True) if t is not None}
        for row in rows
    ]
    return json.dumps(
        {"head": {"vars": list(columns)}, "results": {"bindings": bindings}},
        indent=indent,
        ensure_ascii=False,
    )


def to_csv(
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    delimiter: str = ",",
    line_end: str = "\r\n",
) -> str:
    """CSV: plain values (IRIs and literal forms, no datatypes or languages; strings as
    they are). SPARQL's CSV ends lines with CRLF; a terminal listing may ask for LF."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=line_end)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_plain(t) for t in row])
    return buffer.getvalue()


def _plain(term: Any) -> str:
    if term is None:
        return ""
    return term if isinstance(term, str) else term.value


def to_tsv(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """TSV: terms in Turtle syntax (<iri>, "text"@en, _:b), so that nothing is lost."""
    lines = ["\t".join(f"?{c}" for c in columns)]
    for row in rows:
        lines.append("\t".join("" if t is None else str(t) for t in row))
    return "\n".join(lines) + "\n"


def to_xml(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
        "<head>" + "".join(f"<variable name={quoteattr(c)}/>" for c in columns) + "</head>",
        "<results>",
    ]
    for row in rows:
        out.append("<result>")
        for column, term in zip(columns, row, strict=True):
            if term is not None:
                out.append(f"<binding name={quoteattr(column)}>{_xml_term(term)}</binding>")
        out.append("</result>")
    out += ["</results>", "</sparql>"]
    return "\n".join(out) + "\n"


def _xml_term(term: Any) -> str:
    kind = json_term(term)
    if kind["type"] == "uri":
        return f"<uri>{escape(term.value)}</uri>"
    if kind["type"] == "bnode":
        return f"<bnode>{escape(term.value)}</bnode>"
    attributes = ""
    if "xml:lang" in kind:
        attributes = f" xml:lang={quoteattr(kind['xml:lang'])}"
    elif "datatype" in kind:
        attributes = f" datatype={quoteattr(kind['datatype'])}"
    return f"<literal{attributes}>{escape(term.value)}</literal>"


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
    return json.dumps({"head": {}, "boolean": value})


WRITERS = {"json": to_json, "xml": to_xml, "csv": to_csv, "tsv": to_tsv}
