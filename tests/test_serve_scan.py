"""The single-pass scan of SPARQL texts: query or update, SERVICE endpoints, nesting,
with strings, IRIs and comments skipped; linear on hostile texts."""

from __future__ import annotations

import time

import pytest

from itukg.errors import QueryError
from itukg.query.scan import ServiceRefused, check, scan


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("PREFIX x: <http://x/> INSERT DATA { x:a x:b x:c }", "INSERT"),
        ("# SELECT\nprefix : <http://a/> drop all", "DROP"),
        ('BASE <http://b/> SELECT ("DELETE" AS ?x) {}', "SELECT"),
        ("with <http://g> delete { ?s ?p ?o } where { ?s ?p ?o }", "WITH"),
    ],
)
def test_the_form_is_the_first_keyword_after_the_prologue(text, form):
    assert scan(text).form == form


def test_service_endpoints_are_resolved():
    found = scan(
        "BASE <http://h.example/a/> PREFIX e: <http://p.example/> SELECT * {"
        " SERVICE <s> {} SERVICE SILENT e:q {} SERVICE ?v {}"
        " SERVICE <http://\\u0031\\u0032\\u0037.0.0.1/x> {} }"
    )
    assert [s.iri for s in found.services] == [
        "http://h.example/a/s", "http://p.example/q", None, "http://127.0.0.1/x",
    ]  # fmt: skip


def test_keywords_inside_strings_iris_names_and_comments_count_for_nothing():
    text = """SELECT ?SERVICE WHERE { ?s <http://x/SERVICE> ex:SERVICE ;
      ?p '''SERVICE <http://a/> {}''' . # SERVICE <http://b/> {}
      ?q "SERVICE" @service }"""
    assert scan(text).services == []


def test_refusals_name_the_service_and_the_line():
    with pytest.raises(ServiceRefused, match=r"SERVICE <http://a.example/s> on line 2"):
        check("SELECT * {\n SERVICE <http://a.example/s> {} }")
    check("SELECT * { SERVICE <http://a.example/s> {} }", ["a.example"])
    with pytest.raises(ServiceRefused):
        check("SELECT * { SERVICE <http://a.example:8080/s> {} }", ["a.example:80"])
    with pytest.raises(QueryError, match="nest more than"):
        check("SELECT * " + "{" * 300 + "}" * 300)


@pytest.mark.parametrize(
    "text", ['"\\' * 500_000, "{" * 1_000_000, "a " * 500_000, "<a" * 500_000, "'" * 1_000_000]
)
def test_a_hostile_megabyte_is_scanned_within_seconds(text):
    started = time.monotonic()
    scan(text)
    assert time.monotonic() - started < 10


CLEAN = "<literal>plain été\ttab\n</literal>".encode()


@pytest.mark.parametrize(
    ("pieces", "expected"),
    [
        ([CLEAN], CLEAN),
        ([b"a\x00b\x1fc"], "a\ufffdb\ufffdc".encode()),
        ([b"line\r\nnext"], b"line&#13;\nnext"),
        ([b"cut \xef", b"\xbf\xbe here"], "cut \ufffd here".encode()),
        ([b"kept \xef\xbf", b"\xbd too"], "kept \ufffd too".encode()),
    ],
)
def test_the_xml_filter_keeps_clean_bytes_and_replaces_what_xml_cannot_hold(pieces, expected):
    """Oxigraph's XML writer output goes through this filter (worker.py): clean text is
    passed as it is; controls and U+FFFE/U+FFFF become U+FFFD, also across two writes."""
    from itukg.serve.formats import XmlCleaner

    cleaner = XmlCleaner()
    out = b"".join(cleaner.feed(p) for p in pieces) + cleaner.end()
    assert out == expected
