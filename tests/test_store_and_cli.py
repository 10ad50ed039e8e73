"""Build into the on-disk store through the real command line; bad input leaves the store whole."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import CLEAN, CORPUS, ROOT, run_cli


def _summary(store) -> dict[str, int]:
    result = run_cli("query", "summary", "--store", str(store), "--format", "json")
    assert result.returncode == 0, result.stderr
    binding = json.loads(result.stdout)["results"]["bindings"][0]
    return {k: int(v["value"]) for k, v in binding.items()}


@pytest.fixture()
def built_store(clean_store):
    return clean_store


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
    result = run_cli("build", str(bad), "--store", str(built_store), "--strict")
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


def test_a_folder_build_reads_every_file_it_can_and_reports_the_others(built_store, tmp_path):
    """Without --strict one bad file does not lose the corpus: the good ones are built, the
    bad ones are named with their line and reason, in the report too, and the exit is 2."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(CLEAN / "pp_resolution.txt", folder / "a_good.txt")
    shutil.copy(CLEAN / "ra_resolution.txt", folder / "c_good.txt")
    (folder / "b_binary.txt").write_bytes(b"RESOLUTION 1\n\x00\x01binary")
    (folder / "d_words.txt").write_text("Only a few words,\nno resolution.\n", encoding="utf-8")
    report = tmp_path / "report.json"
    result = run_cli("build", str(folder), "--store", str(built_store), "--report", str(report))
    assert result.returncode == 2, result.stderr
    assert f"refused: {folder / 'b_binary.txt'}:2: binary file (NUL byte)" in result.stderr
    assert f"refused: {folder / 'd_words.txt'}: no resolution found" in result.stderr
    assert "2 of 4 files refused" in result.stderr and "Traceback" not in result.stderr
    assert _summary(built_store)["resolutions"] == 2
    files = {Path(f["file"]).name: f for f in json.loads(report.read_text())["files"]}
    assert files["a_good.txt"]["status"] == "read"
    assert files["a_good.txt"]["resolutions"] == ["pp/212/bucharest-2022"]
    assert files["b_binary.txt"] == files["b_binary.txt"] | {"status": "refused", "line": 2}
    assert "binary file" in files["b_binary.txt"]["refused"]
    assert files["d_words.txt"]["status"] == "refused"


def test_a_build_where_no_file_can_be_read_stores_nothing(built_store, tmp_path):
    before = _summary(built_store)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("", encoding="utf-8")
    (folder / "b.txt").write_text("no resolution here\n", encoding="utf-8")
    result = run_cli("build", str(folder), "--store", str(built_store))
    assert result.returncode == 2
    assert "none of the 2 files could be read; nothing was stored" in result.stderr
    assert _summary(built_store) == before
