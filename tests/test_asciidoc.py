"""Metanorma AsciiDoc sources of ITU texts: read by content, their markup made plain and
their list items labelled as the printed text shows them. The texts here are written for
the tests, in the layout such sources have."""

from __future__ import annotations

from pathlib import Path

from itukg.pipeline import parse_inputs
from itukg.read import read_source
from itukg.read.asciidoc import is_asciidoc

RESOLUTION = """= Resolution 7 – Working methods of the advisory group
:bureau: T
:docnumber: 7
:series: WORLD TELECOMMUNICATION STANDARDIZATION ASSEMBLY
:doctype: resolution
:mn-document-class: itu

[[working_methods]]
== The World Telecommunication Standardization Assembly (Hammamet, 2016),

_considering_ +
--
. that the functions of the Sector are stated in Article 17 of the ITU Constitution;

. that, in accordance with No. 184A of the Convention, the assembly adopts its working \
methods;footnote:[See also the General Rules of conferences,
assemblies and meetings of the Union.]

. that Resolution 165 (Guadalajara, 2010) sets the deadlines for proposals,
--

_resolves_

. that the advisory group shall meet once a year;

. that its chairman shall report to the assembly on:
.. the work programme;
.. the liaison with the other Sectors;

_instructs the Director of the Telecommunication Standardization Bureau_

. to publish the reports of the advisory group on the <<web,Sector's website>>.
"""

RECOMMENDATION = """= Telecommunications for remote islands
:bureau: D
:docnumber: D.99
:doctype: recommendation
:published-date: 2025-10

== {blank}

ITU-D

_recognizing_

. that the following Recommendations have given guidance on remote areas:

** RECOMMENDATION ITU-D 6-1, Low-cost technology options (January, 2002);

** RECOMMENDATION ITU D 18, Benefits of rural telecommunications (March, 2006).

. that energy supply is a bottleneck in remote areas;

_recommends_

[loweralpha]
. that administrations consider solar power for remote facilities;

. that operators share their towers.
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_asciidoc_is_told_by_content_not_by_name(tmp_path):
    assert is_asciidoc(RESOLUTION.splitlines())
    assert is_asciidoc(RECOMMENDATION.splitlines())
    assert not is_asciidoc(["RESOLUTION 7 (Hammamet, 2016)", "", "considering", "a) that …"])
    source = read_source(_write(tmp_path, "res7.txt", RESOLUTION))
    assert any("read as AsciiDoc" in note for note in source.notes)
    texts = [line.text for line in source.lines]
    first = RESOLUTION.splitlines().index(
        ". that the functions of the Sector are stated in Article 17 of the ITU Constitution;"
    )
    assert source.lines[first].number == first + 1  # each line keeps its number
    assert source.lines[first].text.startswith("a)\tthat the functions of the Sector")
    assert not any(text.startswith((":", "[[", "--", "==")) for text in texts)


def test_asciidoc_resolution_gives_its_structure(tmp_path):
    (document,) = parse_inputs([_write(tmp_path, "res7.adoc", RESOLUTION)], annotate=True)
    (resolution,) = document.resolutions
    assert resolution.id == "wtsa/7/hammamet-2016"
    assert resolution.title == "Working methods of the advisory group"
    considering, resolves, instructs = resolution.sections
    assert [c.label for c in considering.clauses] == ["a)", "b)", "c)"]
    # the footnote, over two lines, is not the clause's text
    assert considering.clauses[1].text.endswith("the assembly adopts its working methods;")
    assert [p.number for p in considering.clauses[0].cites_provisions] == ["17"]
    assert [p.number for p in considering.clauses[1].cites_provisions] == ["184A"]
    assert [(c.number, c.revision_year) for c in considering.clauses[2].cites_resolutions] == [
        ("165", 2010)
    ]
    # operative items are numbered, their sub-items lettered
    assert [c.label for c in resolves.clauses] == ["1", "2", "2 a)", "2 b)"]
    assert [a.id for a in instructs.addressees] == ["director-tsb"]
    assert instructs.clauses[0].text.endswith("on the Sector's website.")


def test_asciidoc_recommendation_titled_from_its_attributes(tmp_path):
    (document,) = parse_inputs([_write(tmp_path, "d99.adoc", RECOMMENDATION)], annotate=True)
    (recommendation,) = document.resolutions
    assert recommendation.kind == "recommendation"
    # an ITU-D text: WTDC's, not a regional conference's
    assert recommendation.id == "wtdc/recommendation-d-99/undated"
    assert recommendation.title == "Telecommunications for remote islands"
    recognizing, recommends = recommendation.sections
    assert [c.label for c in recognizing.clauses] == ["a)", "a) –1", "a) –2", "b)"]
    cited = [e.identifier for c in recognizing.clauses for e in c.cites_external]
    assert cited == ["ITU-D 6-1", "ITU-D 18"]
    # a list style given before the list is the one the printed text shows
    assert [c.label for c in recommends.clauses] == ["a)", "b)"]
