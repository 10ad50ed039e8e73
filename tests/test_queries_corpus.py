"""The question library on the corpus graph: each query returns the rows it should."""

from __future__ import annotations

import csv
import io

from conftest import run_cli

from itukg.query.questions import list_queries


def test_every_query_is_documented():
    for query in list_queries():
        assert query.summary, query.name
        assert query.columns, query.name
        for param in query.params.values():
            assert param.doc, (query.name, param.name)


def test_cited_by_lists_each_citing_clause(ask):
    rows = ask("cited-by", resolution="res:pp/191")
    citing = {(r["citing"], r["section"], r["clause"]) for r in rows}
    assert ("Resolution ITU-R 75 (Dubai, 2023)", "recalling", "b)") in citing
    assert ("WTSA Resolution 18 (New Delhi, 2024)", "considering", "b)") in citing
    assert ("WTDC Resolution 59 (Baku, 2025)", "resolves", "1") in citing
    assert {r["cited"] for r in rows} == {"PP Resolution 191 (Bucharest, 2022)"}
    undated = ask("cited-by", resolution="res:wtdc/1")
    assert undated and all(r["cited"].endswith("(no revision given)") for r in undated)


def test_cites_lists_resolutions_and_provisions(ask):
    rows = ask("cites", resolution="res:wtdc/59")
    cited = {(r["section"], r["clause"], r["kind"], r["cited"]) for r in rows}
    assert ("recalling", "a)", "resolution", "PP Resolution 123 (Bucharest, 2022)") in cited
    assert ("recalling", "c)", "provision", "CV No. 215") in cited
    assert ("recalling", "c)", "provision", "CS No. 119") in cited


def test_provision_citations(ask):
    rows = ask("provision-citations", provision="cscv:cs/article-1")
    assert {(r["citing"], r["section"], r["clause"]) for r in rows} == {
        ("PP Resolution 191 (Doha, 2026)", "considering", "a)"),
        ("PP Resolution 191 (Bucharest, 2022)", "considering", "a)"),
    }
    by_version = {r["version"]: int(r["provisions"]) for r in ask("provisions-by-resolution")}
    # CS 119, CV 151-154, 193, 211, 214, 215, CS 86-88, 110-112 (+ 134-136, 92, 115, 142, 147)
    assert by_version["Resolution ITU-R 75 (Dubai, 2023)"] == 15
    assert by_version["WTDC Resolution 59 (Baku, 2025)"] == 9


def test_mandates_of_a_body_with_sectors(ask):
    rows = ask("mandates-of-body", body="body:tsag")
    assert {r["addressee_sector"] for r in rows} == {"ITU-T"}
    # ITU-R 75 names TSAG only as a collaborator of TDAG and of RAG: no ITU-R mandate
    assert {r["enacting_sector"] for r in rows} == {"GS", "ITU-T", "ITU-D"}
    assert any(
        r["version"] == "WTSA Resolution 18 (New Delhi, 2024)"
        and r["section"] == "invites"
        and r["clause"] == "1"
        and r["action"] == "continue to assist ISCG"
        for r in rows
    )
    counts = {
        (r["addressee"], r["enacting_sector"]): int(r["mandates"]) for r in ask("mandates-per-body")
    }
    assert counts[("Secretary-General", "GS")] == 18  # 8 + 10 in the draft of PP 191
    # WTDC 59: resolves 1, two 'invites the Director …' sections (2 + 2), 'instructs' (3)
    assert counts[("Director of the Telecommunication Development Bureau", "ITU-D")] == 8


def test_bodies_given_one_topic_by_several_conferences(ask):
    rows = ask("multi-conference-topics")
    found = {(r["addressee"], r["topic"]): r["given_by"] for r in rows}
    given = found[("Member States", "inter-Sector coordination")]
    assert set(given.split(", ")) == {"PP", "RA", "WTSA", "WTDC"}
    assert all(int(r["conferences"]) > 1 for r in rows)


def test_outdated_citations(ask):
    rows = ask("outdated-citations")
    found = {(r["citing"], r["section"], r["clause"], r["cited"], r["newer"]) for r in rows}
    assert (
        "WTSA Resolution 18 (New Delhi, 2024)",
        "recalling",
        "f)",
        "WTDC Resolution 5 (Kigali, 2022)",
        "WTDC Resolution 5 (Baku, 2025)",
    ) in found
    assert (
        "Resolution ITU-R 75 (Dubai, 2023)",
        "recalling",
        "d)",
        "WTSA Resolution 18 (Geneva, 2022)",
        "WTSA Resolution 18 (New Delhi, 2024)",
    ) in found
    # the draft of PP 191 does not make citations of its 2022 version outdated
    assert not any(r["cited"] == "PP Resolution 191 (Bucharest, 2022)" for r in rows)


def test_changes_and_version_diff(ask):
    changes = ask("changes", version="res:pp/191/doha-2026")
    assert len(changes) == 31
    assert changes[0]["revises"] == "PP Resolution 191 (Bucharest, 2022)"
    kinds = {r["kind"] for r in changes}
    assert kinds == {"insertion", "substitution", "renumbering"}
    diff = ask("version-diff", old="res:pp/191/bucharest-2022", new="res:pp/191/doha-2026")
    rows = {(r["section"], r["change"], r["old_label"], r["new_label"]) for r in diff}
    assert ("recognizing", "added", "", "h)") in rows
    assert ("considering", "renumbered", "f)", "h)") in rows
    assert ("noting", "removed", "a)", "") in rows


def test_topics_by_sector(ask):
    rows = {(r["topic"], r["sector"]): int(r["clauses"]) for r in ask("topics-by-sector")}
    assert rows[("remote participation", "ITU-R")] >= 1
    assert rows[("remote participation", "ITU-D")] >= 1
    assert rows[("spectrum management", "ITU-R")] >= 1


def test_query_command_on_the_corpus(corpus_store):
    result = run_cli(
        "query", "overlaps", "--store", str(corpus_store), "--param", "class=itu:Duplicate",
        "--param", "sector_a=sector:gs", "--param", "sector_b=sector:itu-t", "--format", "csv",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and list(rows[0])[:6] == ["score", "kind", "a", "a_clause", "b", "b_clause"]
    assert {(r["kind"], r["a"], r["b"]) for r in rows} == {
        ("duplicate", "PP Resolution 191 (Doha, 2026)", "WTSA Resolution 18 (New Delhi, 2024)")
    }
    assert ("resolves 3 ii)", "resolves 2 ii)") in {(r["a_clause"], r["b_clause"]) for r in rows}
    listed = run_cli("query", "--list")
    for name in ("cited-by", "overlaps", "outdated-citations", "version-diff", "topics-by-sector"):
        assert name in listed.stdout


def test_overlaps_query_filters(ask):
    everything = ask("overlaps")
    strong = ask("overlaps", min_score="0.9")
    assert strong and len(strong) < len(everything)
    assert all(float(r["score"]) >= 0.9 for r in strong)
    for_tsag = ask("overlaps", addressee="body:tsag")
    assert for_tsag and len(for_tsag) < len(everything)
    addressed = {
        (r["version_label"], f"{r['heading']} {r['label'] or '¶'}"): r["addressees"] or ""
        for r in ask("operative-clauses")
    }
    for row in for_tsag:
        sides = [addressed[(row["a"], row["a_clause"])], addressed[(row["b"], row["b_clause"])]]
        assert any(side.endswith("/tsag") or "/tsag " in side for side in sides), row
    related = ask("overlaps", **{"class": "itu:Related"})
    assert related and {r["kind"] for r in related} == {"related"}
    pp_itu_d = ask("overlaps", sector_a="sector:itu-d", sector_b="sector:gs")
    assert pp_itu_d and all(
        {r["a"].split(" Resolution")[0], r["b"].split(" Resolution")[0]} == {"PP", "WTDC"}
        for r in pp_itu_d
    )
