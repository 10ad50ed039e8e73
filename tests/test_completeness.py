"""A text cut off (a web page that stops mid-sentence, a PDF without its last pages) is
kept as far as it goes and marked incomplete, with a note saying where it stops."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal, URIRef

from itukg.parse import document_to_dict, parse_file
from itukg.vocabulary import ITU

HEAD = (
    "RESOLUTION 140 (REV. DOHA, 2026)\n"
    "A title\n"
    "The Plenipotentiary Conference of the International Telecommunication Union "
    "(Doha, 2026),\n"
    "considering\n"
    "a)\tthat the work goes on;\n"
    "b)\tthat it must be coordinated,\n"
)


def _parse(tmp_path: Path, text: str):
    path = tmp_path / "res.txt"
    path.write_text(HEAD + text, encoding="utf-8")
    (resolution,) = document_to_dict(parse_file(path))["documents"][0]["resolutions"]
    return resolution


def test_a_text_cut_mid_sentence_is_kept_and_marked(tmp_path):
    resolution = _parse(
        tmp_path,
        "resolves\n1\tto continue the work;\n2\tto report to the Council on the results of the",
    )
    assert resolution["complete"] is False
    (resolves,) = [s for s in resolution["sections"] if s["heading"] == "resolves"]
    assert [c["label"] for c in resolves["clauses"]] == ["1", "2"]
    assert resolves["clauses"][1]["text"].endswith("results of the")
    assert any("line 9: the text stops mid-sentence" in n for n in resolution["notes"])


def test_a_list_that_stops_after_an_item_or_a_lead_in_is_cut(tmp_path):
    for ending in ("1\tto continue the work;", "1\tto report on the following:"):
        resolution = _parse(tmp_path, "resolves\n" + ending)
        assert resolution["complete"] is False, ending


def test_a_text_that_stops_before_its_operative_part_is_cut(tmp_path):
    resolution = _parse(tmp_path, "")
    assert resolution["complete"] is False
    assert any("before its operative part" in n for n in resolution["notes"])


def test_a_whole_text_is_complete_and_the_graph_says_so_only_when_cut(tmp_path):
    from itukg.pipeline import build

    assert _parse(tmp_path, "resolves\nto continue the work.")["complete"] is True
    whole, cut = tmp_path / "whole.txt", tmp_path / "cut.txt"
    whole.write_text(HEAD + "resolves\nto continue the work.\n", encoding="utf-8")
    cut.write_text(HEAD.replace("140", "141") + "resolves\nto continue the", encoding="utf-8")
    out = tmp_path / "graph.ttl"
    build([whole, cut], None, out=out)
    graph = Graph().parse(out)
    base = "https://w3id.org/itukg/id/resolution/pp/"
    assert (URIRef(base + "141/doha-2026"), ITU.complete, Literal(False)) in graph
    assert (URIRef(base + "140/doha-2026"), ITU.complete, None) not in graph


def test_a_title_with_nothing_readable_after_it_is_cut(tmp_path):
    path = tmp_path / "title-only.txt"
    path.write_text(
        "RESOLUTION 141 (REV. DOHA, 2026)\nA title\nThe Plenipotentiary Conference of the "
        "International Telecommunication Union (Doha, 2026),\n",
        encoding="utf-8",
    )
    (resolution,) = document_to_dict(parse_file(path))["documents"][0]["resolutions"]
    assert resolution["sections"] == []
    assert resolution["complete"] is False
    assert any("no preamble or operative heading follows" in n for n in resolution["notes"])


def test_a_lead_in_before_numbered_items_is_not_an_item(tmp_path):
    resolution = _parse(
        tmp_path,
        "instructs the Secretary-General\npursuant to his initiative on this matter:\n"
        "1\tto report to the Council;\n2\tto inform the membership.\n"
        "invites Member States\nto take part in the work:\na)\tby contributions;\n"
        "b)\tby hosting meetings.\n",
    )
    instructs, invites = [s for s in resolution["sections"] if s["kind"] == "operative"]
    assert [(c["label"], c["lead_in"]) for c in instructs["clauses"]] == [
        (None, True),
        ("1", False),
        ("2", False),
    ]
    # letters after a colon are not item 1 of a numbered list: no lead-in is marked
    assert not any(c["lead_in"] for c in invites["clauses"])
    from rdflib import RDF

    from itukg.rdf import documents_graph

    path = tmp_path / "res.txt"  # the text _parse wrote
    graph = documents_graph([parse_file(path)])
    lead_ins = list(graph.subjects(RDF.type, ITU.LeadIn))
    assert len(lead_ins) == 1
    assert str(graph.value(lead_ins[0], ITU.text)).startswith("pursuant to his initiative")
