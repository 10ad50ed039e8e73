"""Validation of drafts: each defect caught with its severity, a clean draft conforms,
the corpus draft's real problems, report formats and exit codes."""

from __future__ import annotations

import json

import pytest
import rdflib
from conftest import CORPUS, FIXTURES, run_cli

from itukg.validate.check import format_text, validate

DRAFTS = FIXTURES / "validate"


@pytest.mark.parametrize(
    ("draft", "check", "severity", "clause", "value"),
    [
        ("labels.txt", "structure", "violation", "3", "3"),
        ("no_operative.txt", "structure", "violation", None, None),
        ("reference_missing.txt", "reference", "violation", "1", "Annex 3 to this resolution"),
        ("reference_missing.txt", "reference", "violation", "2", "resolves 5"),
        ("annex_mismatch.txt", "annex-target", "violation", "1", "Annex 2"),
        ("annex_mismatch.txt", "annex-target", "warning", "1", "resolves 1"),
        ("citations.txt", "citation-revision", "violation", "a)", "Resolution 191 (Rev. Kigali"),
        ("citations.txt", "citation-outdated", "warning", "b)", "Resolution 5 (Rev. Kigali, 2022)"),
        ("citations.txt", "citation-revision", "warning", "c)", "Resolution 59 (Rev. Hyderabad"),
        ("citations.txt", "citation-unknown", "warning", "d)", "Resolution 777"),
        ("addressee_unknown.txt", "addressee-unknown", "violation", None, "Regional Coordination"),
        ("addressee_unknown.txt", "addressee-unknown", "violation", None, "Director of the"),
        ("provisions.txt", "provision-unknown", "violation", "a)", "CS No. 999"),
        ("provisions.txt", "provision-sector", "violation", "b)", "CV No. 151"),
        ("repeated.txt", "repeated-mandate", "warning", "1", "to continue to create cooperation"),
    ],
)  # fmt: skip
def test_each_defect_is_caught(corpus_store, draft, check, severity, clause, value):
    report = validate(DRAFTS / draft, corpus_store)
    found = [
        r
        for r in report.results
        if r.check == check and r.severity == severity and r.clause == clause
        and (value is None or (r.value or "").startswith(value))
    ]  # fmt: skip
    assert found, format_text(report)
    assert all(r.line for r in found)
    assert report.conforms == (severity != "violation" and not any(
        r.severity == "violation" for r in report.results
    ))  # fmt: skip


def test_messages_say_what_is_wrong(corpus_store):
    report = validate(DRAFTS / "citations.txt", corpus_store)
    outdated = next(
        r for r in report.results if r.check == "citation-outdated" and r.clause == "b)"
    )
    assert "WTDC Resolution 5 (Baku, 2025)" in outdated.message
    never = next(r for r in report.results if r.severity == "violation")
    assert "PP held no session at Kigali in 2019" in never.message
    unknown = validate(DRAFTS / "addressee_unknown.txt", corpus_store).results[0]
    assert "Closest known names:" in unknown.message
    repeated = validate(DRAFTS / "repeated.txt", corpus_store).results[0]
    assert "Resolution ITU-R 75 (Dubai, 2023)" in repeated.message


def test_a_clean_draft_conforms(corpus_store):
    report = validate(DRAFTS / "clean.txt", corpus_store)
    assert report.conforms and report.results == []


def test_the_corpus_draft(corpus_store):
    report = validate(CORPUS, corpus_store)
    draft = [r for r in report.results if r.resolution == "pp/191/doha-2026"]
    violations = {(r.check, r.clause, r.value) for r in draft if r.severity == "violation"}
    # resolves 3 i) points to Annex 2, which serves 3 ii); 3 ii) points to Annex 3 (serves 3 iii))
    assert violations == {
        ("annex-target", "3 i)", "Annex 2"),
        ("annex-target", "3 ii)", "Annex 3"),
    }
    warnings = {(r.check, r.clause, r.value) for r in draft if r.severity == "warning"}
    assert ("annex-target", "1", "resolves 3 i)") in warnings  # Annex 1: nobody points to it
    assert ("annex-target", "3", "resolves 3 iii)") in warnings
    repeated = [r for r in draft if r.check == "repeated-mandate"]
    assert any(r.clause == "1" and "Resolution ITU-R 75" in r.message for r in repeated)
    # the draft updated its citations: none outdated; ITU-R 75 still cites Rev. Kigali texts
    assert not any(r.check == "citation-outdated" for r in draft)
    assert any(
        r.resolution == "ra/75/dubai-2023" and r.check == "citation-outdated"
        for r in report.results
    )


def test_formats_and_exit_codes(corpus_store, tmp_path):
    store = str(corpus_store)
    clean = run_cli("validate", str(DRAFTS / "clean.txt"), "--store", store)
    assert clean.returncode == 0, clean.stderr
    assert "conforms" in clean.stdout
    bad = run_cli(
        "validate", str(DRAFTS / "annex_mismatch.txt"), "--store", store, "--format", "json"
    )
    assert bad.returncode == 1, bad.stderr
    document = json.loads(bad.stdout)
    assert document["conforms"] is False
    for result in document["results"]:
        assert set(result) >= {
            "severity",
            "check",
            "resolution",
            "clause",
            "line",
            "message",
            "value",
        }
        assert result["severity"] in ("violation", "warning", "info")
    text = run_cli("validate", str(DRAFTS / "annex_mismatch.txt"), "--store", store)
    assert "pp/234/doha-2026 · resolves 1, line 6" in text.stdout
    assert "violation [annex-target] Points to Annex 2" in text.stdout
    turtle = run_cli(
        "validate", str(DRAFTS / "provisions.txt"), "--store", store, "--format", "turtle"
    )
    assert turtle.returncode == 1
    graph = rdflib.Graph().parse(data=turtle.stdout, format="turtle")
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    assert (None, rdflib.RDF.type, sh.ValidationReport) in graph
    assert len(list(graph.subjects(rdflib.RDF.type, sh.ValidationResult))) == 5
    missing = run_cli("validate", str(tmp_path / "nothing.txt"), "--store", store)
    assert missing.returncode == 2 and "nothing.txt" in missing.stderr
    no_store = run_cli("validate", str(DRAFTS / "clean.txt"), "--store", str(tmp_path / "none"))
    assert no_store.returncode == 2 and "no graph here yet" in no_store.stderr
