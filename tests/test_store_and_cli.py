"""Build into the on-disk store through the real command line; bad input leaves the store whole."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from conftest import CLEAN, CORPUS, ROOT, run_cli


def _summary(store) -> dict[str, int]:
    result = run_cli("query", "summary", "--store", str(store), "--format", "json")
    assert result.returncode == 0, result.stderr
    binding = json.loads(result.stdout)["results"]["bindings"][0]
    return {k: int(v["value"]) for k, v in binding.items()}


@pytest.fixture()
def built_store(tmp_path):
    store = tmp_path / "store"
    result = run_cli("build", str(CLEAN), "--store", str(store))
    assert result.returncode == 0, result.stderr
    return store


def test_build_prints_a_summary_and_stats_counts_classes(built_store):
    stats = run_cli("stats", "--store", str(built_store))
    assert stats.returncode == 0, stats.stderr
    assert "resolutions: 4" in stats.stdout
    assert "itu:Clause" in stats.stdout
    counts = _summary(built_store)
    assert counts["resolutions"] == 4 and counts["versions"] == 4
    # sections: 12 (PP 212) + 5 (ITU-R 99) + 9 (WTSA 88) + 3 (WRC 655)
    assert counts["sections"] == 29
    assert counts["triples"] > 800


def test_query_binds_parameters_as_terms(built_store):
    result = run_cli(
        "query",
        "resolutions",
        "--store",
        str(built_store),
        "--param",
        "body=body:wtsa",
        "--format",
        "csv",
    )
    assert result.returncode == 0, result.stderr
    rows = result.stdout.strip().splitlines()
    assert len(rows) == 2
    assert rows[1].startswith(
        '"WTSA Resolution 88 (New Delhi, 2024)",https://w3id.org/itukg/id/body/wtsa,WTSA'
    )
    hostile = run_cli(
        "query",
        "resolutions",
        "--store",
        str(built_store),
        "--param",
        "body=body:x> } INSERT DATA { <a> <b> <c> } #",
    )
    assert hostile.returncode == 2
    assert "parameter 'body' is not a valid IRI" in hostile.stderr
    assert _summary(built_store)["triples"] > 800


def test_query_list_shows_summaries():
    result = run_cli("query", "--list")
    assert result.returncode == 0
    assert "resolutions" in result.stdout and "--param body=" in result.stdout


def test_ad_hoc_update_is_refused(built_store, tmp_path):
    rq = tmp_path / "drop.rq"
    rq.write_text("DELETE WHERE { ?s ?p ?o }\n", encoding="utf-8")
    result = run_cli("query", str(rq), "--store", str(built_store))
    assert result.returncode == 2
    assert "only queries are run" in result.stderr
    assert _summary(built_store)["triples"] > 800


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.txt", b"", "empty.txt: file is empty"),
        ("binary.txt", b"RESOLUTION 1\n\x00\x01\x02\xff", "binary.txt:2: binary file"),
        (
            "latin.txt",
            b"considering\n\x81\x8dquoted\x9d\n",  # neither UTF-8 nor Windows-1252
            "latin.txt:2: not valid UTF-8",
        ),
        (
            "letter.txt",
            b"Dear colleagues,\nthe report is attached.\n",
            "letter.txt: no resolution found",
        ),
    ],
)
def test_bad_input_fails_clearly_and_keeps_the_store(
    built_store, tmp_path, name, content, expected
):
    before = _summary(built_store)
    generation = os.readlink(built_store / "current")
    bad = tmp_path / "in"
    bad.mkdir()
    shutil.copy(CLEAN / "pp_resolution.txt", bad / "a_good.txt")
    (bad / name).write_bytes(content)
    result = run_cli("build", str(bad), "--store", str(built_store))
    assert result.returncode == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert os.readlink(built_store / "current") == generation
    assert _summary(built_store) == before
    for command in ("parse",):
        single = run_cli(command, str(bad / name))
        assert single.returncode == 2 and expected in single.stderr


def test_missing_file_is_named(tmp_path):
    result = run_cli("parse", str(tmp_path / "nowhere.txt"))
    assert result.returncode == 2
    assert "nowhere.txt: no such file" in result.stderr


def test_stats_on_an_empty_store_says_what_to_do(tmp_path):
    result = run_cli("stats", "--store", str(tmp_path / "none"))
    assert result.returncode == 2
    assert "run 'itukg build' first" in result.stderr


def test_second_build_waits_for_none_and_fails_clearly_when_locked(built_store):
    import fcntl

    with open(built_store / ".lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = run_cli("build", str(CLEAN), "--store", str(built_store))
    assert result.returncode == 2
    assert "another build is writing to this store" in result.stderr


def test_out_writes_turtle_without_touching_the_store(tmp_path):
    out = tmp_path / "graph.ttl"
    result = run_cli(
        "build", str(CLEAN / "ra_resolution.txt"), "--out", str(out), "--no-store", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "Resolution ITU-R 99 (Dubai, 2023)" in out.read_text(encoding="utf-8")
    assert not (tmp_path / ".itukg").exists()


def test_corpus_copy_is_byte_identical_to_shared():
    shared = ROOT.parent / "shared" / "corpus" / "C26-89-E.txt"
    if shared.exists():
        assert CORPUS.read_bytes() == shared.read_bytes()
    assert CORPUS.stat().st_size > 90_000


def test_help_on_every_command():
    for command in ("", "build", "parse", "stats", "query"):
        result = run_cli(*([command] if command else []), "--help")
        assert result.returncode == 0 and "Usage:" in result.stdout
