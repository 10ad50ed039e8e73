"""The annotator, form by form: addressees, collaborators, actions, citations, references."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from itukg.annotate.actors import Context, read_phrase
from itukg.annotate.citations import provision_citations, resolution_citations
from itukg.annotate.mandates import verb_phrase
from itukg.annotate.nlp import build_pipeline, pipeline_for
from itukg.model import Resolution
from itukg.ontology import load_vocabulary, ontology_dir


@pytest.fixture(scope="module")
def nlp():
    return pipeline_for()


def _citing(body_id: str = "pp", body: str = "PP", number: str = "140") -> Resolution:
    return Resolution(body, body_id, number, "Doha", 2026, "draft", "A title", 1, 2)


def _read(nlp, phrase: str, sector: str | None = None, restrict: bool = False):
    doc = nlp(phrase)
    return read_phrase(doc, 0, len(doc.text), load_vocabulary(), Context(sector, restrict))


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        (
            "the Secretary-General and the Directors of the three Bureaux",
            ["secretary-general", "director-bdt", "director-br", "director-tsb"],
        ),
        ("RAG, TSAG and TDAG", ["rag", "tsag", "tdag"]),
        (
            "the Directors of the Radiocommunication, Telecommunication Standardization and "
            "Telecommunication Development Bureaux and ISC-TF",
            ["director-br", "director-tsb", "director-bdt", "isc-tf"],
        ),
        (
            "the Directors of the Radiocommunication Bureau, TSB and BDT",
            ["director-br", "director-tsb", "director-bdt"],
        ),
        (
            "the Directors of the Radiocommunication Bureau (BR) and the Telecommunication "
            "Standardization Bureau (TSB)",
            ["director-br", "director-tsb"],
        ),
        ("the Director of TSB", ["director-tsb"]),
        (
            "the study groups of all Sectors",
            ["itu-d-study-groups", "itu-r-study-groups", "itu-t-study-groups"],
        ),
        ("the Radiocommunication Study Groups", ["itu-r-study-groups"]),
        ("the ITU Telecommunication Development Sector study groups", ["itu-d-study-groups"]),
        ("Member States and Sector Members", ["member-states", "sector-members"]),
        ("the ITU Council", ["council"]),
        (
            "the Radiocommunication Advisory Group (RAG), the Telecommunication Standardization "
            "Advisory Group (TSAG) and the Telecommunication Development Advisory Group (TDAG), "
            "including through ISCG, meeting jointly as necessary,",
            ["rag", "tsag", "tdag"],
        ),
    ],
)
def test_addressee_forms(nlp, phrase, expected):
    assert [a.id for a in _read(nlp, phrase).addressees] == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("ITU-T", ["itu-t"]),
        ("the three Sectors", ["itu-d", "itu-r", "itu-t"]),
        ("ITU-R and ITU-D", ["itu-r", "itu-d"]),
        (
            "the ITU Telecommunication Standardization Sector and the Director of the "
            "Telecommunication Standardization Bureau",
            ["itu-t", "director-tsb"],
        ),
        # the Sector qualifies the names before it: not an addressee of its own
        (
            "Member States, Sector Members and Associates of ITU-D",
            ["member-states", "sector-members", "associates"],
        ),
        # a study group of a Sector is its own body, not the Sector
        ("the ITU-R study groups", ["itu-r-study-groups"]),
        (
            "relevant Study Groups of both Sectors",
            ["itu-d-study-groups", "itu-r-study-groups", "itu-t-study-groups"],
        ),
    ],
)
def test_a_sector_addressed_as_a_whole(nlp, phrase, expected):
    assert [a.id for a in _read(nlp, phrase).addressees] == expected


def test_a_sector_name_before_a_noun_addresses_no_one(tmp_path):
    """'ITU-T Recommendations shall …' names documents, not the Sector; 'ITU-D shall …'
    asks the Sector; the Sector's IRI (sector:itu-d) is the addressee in the graph."""
    from conftest import run_cli

    from itukg.query.questions import load_query, run
    from itukg.store import open_read

    text = tmp_path / "sectors.txt"
    text.write_text(
        "RESOLUTION 901 (BUSAN, 2014)\n\nStandards for all\n\n"
        "The Plenipotentiary Conference of the International Telecommunication Union "
        "(Busan, 2014),\n\nresolves\n\n"
        "1\tthat ITU-T Recommendations shall be published in all six languages;\n\n"
        "2\tthat ITU-D shall continue its work on capacity building,\n\n"
        "invites ITU-T\n\nto study the matter further.\n",
        encoding="utf-8",
    )
    store = tmp_path / "store"
    done = run_cli("build", str(text), "--store", str(store))
    assert done.returncode == 0, done.stderr
    rows = run(open_read(store), load_query("mandates-of-body"), {}).records(missing=None)
    got = {(r["addressee"], r["addressee_sector"], r["section"], r["clause"]) for r in rows}
    assert got == {
        ("ITU Telecommunication Development Sector", "ITU-D", "resolves", "2"),
        ("ITU Telecommunication Standardization Sector", "ITU-T", "invites ITU-T", None),
    }
    rows = run(open_read(store), load_query("mandates-of-body"), {"body": "sector:itu-t"})
    assert len(rows.records(missing=None)) == 1


def test_a_bare_resolves_that_asks_a_body_in_its_items():
    """'resolves' / '1 to instruct the Director of BDT …:' and its bullets, '2 to invite
    ITU-R to study …': each item is asked of the body its verb names, with the modality
    of that verb; '3 to approve …' names no one."""
    from itukg.annotate import annotate_documents
    from itukg.parse import parse_source
    from itukg.read.text import Line, SourceText

    text = (
        "RESOLUTION 902 (BUSAN, 2014)\nAsks in the items\n"
        "The Plenipotentiary Conference of the International Telecommunication Union "
        "(Busan, 2014),\nresolves\n"
        "1\tto instruct the Director of the Telecommunication Development Bureau, taking "
        "into account the budget:\n"
        "\u2022\tto organize regional workshops on numbering;\n"
        "\u2022\tto publish their results,\n"
        "2\tto invite ITU-R to study the technical conditions of spectrum sharing;\n"
        "3\tto approve the plan given in the annex.\n"
    )
    lines = [Line(n, t, t, 0) for n, t in enumerate(text.splitlines(), start=1)]
    document = parse_source(SourceText(Path("t.txt"), lines))
    annotate_documents([document])
    (section,) = document.resolutions[0].sections
    asked = {
        c.label: (c.mandate.modality, [a.id for a in c.mandate.addressees], c.mandate.action)
        for c in section.clauses
        if c.mandate
    }
    assert asked == {
        "1 \u20221": ("instructs", ["director-bdt"], "organize regional workshops"),
        "1 \u20222": ("instructs", ["director-bdt"], "publish their results"),
        "2": ("invites", ["itu-r"], "study the technical conditions of spectrum"),
    }


def test_collaborators_are_kept_apart(nlp):
    reading = _read(
        nlp,
        "the Telecommunication Development Advisory Group, in collaboration with the Radio"
        "communication Advisory Group and the Telecommunication Standardization Advisory Group",
    )
    assert [a.id for a in reading.addressees] == ["tdag"]
    assert [a.id for a in reading.collaborators] == ["rag", "tsag"]
    reading = _read(nlp, "the Director of BR, assisted by the Radiocommunication Study Groups,")
    assert [a.id for a in reading.addressees] == ["director-br"]
    assert [a.id for a in reading.collaborators] == ["itu-r-study-groups"]


def test_sector_bodies_give_orders_within_their_sector(nlp):
    """'instructs the study groups' in an ITU-R text means the ITU-R study groups; 'invites'
    does not restrict, and a Union-wide text is not restricted."""
    assert [a.id for a in _read(nlp, "the study groups", "itu-r", True).addressees] == [
        "itu-r-study-groups"
    ]
    assert len(_read(nlp, "the study groups", "itu-r", False).addressees) == 3
    assert len(_read(nlp, "the study groups", None, True).addressees) == 3
    chairs = _read(nlp, "the Chairs of the Study Groups and the Director", "itu-t", True)
    assert [a.id for a in chairs.addressees] == ["itu-t-study-group-chairs", "director-tsb"]


def test_a_phrase_naming_no_actor_is_reported_not_guessed(nlp):
    reading = _read(nlp, "the regional coordinators of the project")
    assert reading.addressees == []
    assert reading.unresolved == ["the regional coordinators of the project"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "to continue to create cooperation mechanisms at secretariat level on matters",
            "continue to create cooperation mechanisms",
        ),
        ("to report annually to ISCG and the Sector advisory groups", "report annually"),
        (
            "to identify subjects of potential common interest to be addressed jointly by ISCG",
            "identify subjects of potential common interest",
        ),
        (
            "to take into account the specific functions of each Sector, in order to",
            "take into account the specific functions of each Sector",
        ),
        ("to continue to assist ISCG in identifying subjects", "continue to assist ISCG"),
    ],
)
def test_action_is_the_governing_verb_phrase(nlp, text, expected):
    doc = nlp(text)
    assert verb_phrase(doc, 1) == expected


def _citations(nlp, text, citing=None):
    return [
        (c.body, c.number, c.revision_place, c.revision_year, c.body_from)
        for c in resolution_citations(nlp(text), citing or _citing(), load_vocabulary())
    ]


def test_resolution_citation_forms(nlp):
    assert _citations(nlp, "Resolution 71 (Rev. Bucharest, 2022) of this conference, on") == [
        ("pp", "71", "Bucharest", 2022, "this")
    ]
    assert _citations(
        nlp, "Resolution ITU-R 75 (Dubai, 2023) of the Radiocommunication Assembly"
    ) == [("ra", "75", "Dubai", 2023, "prefix")]
    assert _citations(nlp, "Resolution 18 (Rev. New Delhi, 2024) of WTSA") == [
        ("wtsa", "18", "New Delhi", 2024, "text")
    ]
    assert _citations(nlp, "Resolution 5 (Rev. Baku, 2025) of WTDC;") == [
        ("wtdc", "5", "Baku", 2025, "text")
    ]
    # a list of several, sharing its revision and body
    assert _citations(nlp, "Resolutions 5 and 59 (Rev. Baku, 2025) of WTDC") == [
        ("wtdc", "5", "Baku", 2025, "text"),
        ("wtdc", "59", "Baku", 2025, "text"),
    ]
    # the body from the place and year of the revision, from a session acronym
    assert _citations(nlp, "as outlined in Resolution 5 (Rev. Kigali, 2022);") == [
        ("wtdc", "5", "Kigali", 2022, "session")
    ]
    assert _citations(nlp, "in accordance with Resolution 18 (Rev. WRC-15)") == [
        ("wrc", "18", "Geneva", 2015, "session")
    ]
    # the body from the sentence, or from a parenthesis after it
    assert _citations(nlp, "that WTSA adopted Resolution 44 on the standardization gap") == [
        ("wtsa", "44", None, None, "sentence")
    ]
    assert _citations(nlp, "Resolution 37 on bridging the digital divide (WTDC)") == [
        ("wtdc", "37", None, None, "sentence")
    ]
    # "this assembly" is the citing resolution's own body
    wtsa = _citing("wtsa", "WTSA", "18")
    assert _citations(nlp, "Resolution 44 (Rev. New Delhi, 2024) of this assembly", wtsa) == [
        ("wtsa", "44", "New Delhi", 2024, "this")
    ]


def test_resolution_citations_as_web_mirrors_give_them(nlp):
    # the revision after the body's name, a stray space in 'Rev.', two revisions run
    # together by tracked changes (Guadalajara, 2010 and Busan, 2014: the newer is cited)
    assert _citations(
        nlp, "Resolution 19 of the World Telecommunication Development Conference (Valletta, 1998)"
    ) == [("wtdc", "19", "Valletta", 1998, "text")]
    assert _citations(nlp, "Resolution 102 (R ev. Guadalajara, 2010), on the Internet") == [
        ("pp", "102", "Guadalajara", 2010, "session")
    ]
    # a revision dates the undated items before it, back to the previous dated one
    assert _citations(
        nlp, "Resolutions 50 and 52 (Rev. Hammamet, 2016), Resolution 69 (Rev. Kigali, 2022);"
    ) == [
        ("wtsa", "50", "Hammamet", 2016, "session"),
        ("wtsa", "52", "Hammamet", 2016, "session"),
        ("wtdc", "69", "Kigali", 2022, "session"),
    ]
    assert _citations(nlp, "Resolution 139 (Rev. GuadalajaraBusan, 20140) of this conference") == [
        ("pp", "139", "Busan", 2014, "this")
    ]


def test_a_resolution_does_not_cite_itself(nlp):
    text = "With respect to resolves 2 of Resolution 140 (Rev. Doha, 2026), the procedure"
    assert _citations(nlp, text) == []


def _provisions(nlp, text):
    return [c.id for c in provision_citations(nlp(text), load_vocabulary())]


def test_provision_citation_forms(nlp):
    assert _provisions(
        nlp,
        "No. 119 of the Constitution and Nos. 151-154 (relating to ITU-R), No. 193 (relating "
        "to ITU-T), Nos. 211 and 214 (relating to ITU-D) and No. 215 of the Convention",
    ) == [
        "cs/119",
        *(f"cv/{n}" for n in (151, 152, 153, 154, 193, 211, 214, 215)),
    ]
    assert _provisions(nlp, "Nos. 86–88, 110–112 and 134–136 of the ITU Constitution") == [
        f"cs/{n}" for n in (86, 87, 88, 110, 111, 112, 134, 135, 136)
    ]
    assert _provisions(nlp, "Nos. 92, 115, 142 and 147 of the Constitution") == [
        "cs/92",
        "cs/115",
        "cs/142",
        "cs/147",
    ]
    assert _provisions(nlp, "the purposes listed in Article 1 of the ITU Constitution") == [
        "cs/article-1"
    ]
    assert _provisions(nlp, "Nos. 151 to 153 of the Convention") == ["cv/151", "cv/152", "cv/153"]
    # no instrument in the same sentence: not a CS/CV citation
    assert _provisions(nlp, "No. 5.341 of the Radio Regulations; see also the Constitution") == []


def test_gazetteer_comes_from_the_ontology(tmp_path):
    """A body added to a copy of the ontology, with a new altLabel, is recognised with no
    code change; the stock ontology does not know it."""
    folder = tmp_path / "ontology"
    shutil.copytree(ontology_dir(), folder)
    (folder / "extra.ttl").write_text(
        "@prefix itu: <https://w3id.org/itukg/ontology#> .\n"
        "@prefix body: <https://w3id.org/itukg/id/body/> .\n"
        "@prefix sector: <https://w3id.org/itukg/id/sector/> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "body:quantum-group a itu:CoordinationGroup ;\n"
        '    skos:prefLabel "Focus Group on Quantum Networks"@en ;\n'
        '    skos:altLabel "Quantum Networking Panel"@en ;\n'
        '    itu:acronym "FG-QN" ;\n'
        "    itu:belongsToSector sector:itu-t .\n",
        encoding="utf-8",
    )
    phrase = "the Quantum Networking Panel and FG-QN and TSAG"
    extended = build_pipeline(folder)
    doc = extended(phrase)
    reading = read_phrase(doc, 0, len(phrase), load_vocabulary(folder), Context())
    assert [a.id for a in reading.addressees] == ["quantum-group", "tsag"]
    stock = pipeline_for()(phrase)
    assert "quantum-group" not in {e.ent_id_ for e in stock.ents}


def test_numbers_after_articles_go_on_the_articles_instrument(nlp):
    """'Articles 11 and 14 of the ITU Convention …, and in particular Nos 159 and 196':
    the numbers are the Convention's; numbers with no instrument in reach cite none."""
    cited = provision_citations(
        nlp(
            "Articles 11 and 14 of the ITU Convention concerning study groups, and in "
            "particular Nos 159 and 196;"
        ),
        load_vocabulary(),
    )
    assert [c.id for c in cited] == ["cv/article-11", "cv/article-14", "cv/159", "cv/196"]
    assert provision_citations(nlp("in particular Nos 159 and 196;"), load_vocabulary()) == []


def test_treaties_are_external_instruments(nlp):
    from itukg.annotate.citations import external_citations

    def cited(text: str) -> list[tuple[str, str]]:
        return [(c.kind, c.identifier) for c in external_citations(nlp(text))]

    assert cited("the Tampere Convention on the Provision of Telecommunication Resources") == [
        ("treaty", "Tampere Convention")
    ]
    assert cited("the Convention on the Rights of Persons with Disabilities, and") == [
        ("treaty", "Convention on the Rights of Persons with Disabilities")
    ]
    # the Union's own Convention is a provision's instrument, not a treaty cited
    assert cited("The Convention provides, in No. 58 of the ITU Convention, that") == []
    assert cited("the Convention of the International Telecommunication Union") == []
