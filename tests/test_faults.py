"""Bad input and faults, through the real command line: each gives a clean error that
names the file (and line), a non-zero exit and no traceback, or is read correctly; and
the store survives a killed build, two builds at once and hostile parameters."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import CLEAN, CORPUS, run_cli

PP = CLEAN / "pp_resolution.txt"
CLAUSE = "3\tto keep the costs of capacity building within the approved budget;"


def _refused(done: subprocess.CompletedProcess, path: Path, message: str, line: int | None):
    assert done.returncode == 2, done.stderr
    where = f"{path}:{line}:" if line else f"{path}:"
    assert where in done.stderr and message in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def _summary(store: Path) -> dict[str, str]:
    done = run_cli("query", "summary", "--format", "json", "--store", str(store))
    assert done.returncode == 0, done.stderr
    (row,) = json.loads(done.stdout)["results"]["bindings"]
    return {k: v["value"] for k, v in row.items()}


def _clause_texts(store: Path) -> list[str]:
    done = run_cli(
        "query", "clauses", "--param", "version=res:pp/212/bucharest-2022", "--format", "json",
        "--store", str(store),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return [b["text"]["value"] for b in json.loads(done.stdout)["results"]["bindings"]]


@pytest.fixture()
def store(tmp_path) -> Path:
    """A store holding the clean PP resolution."""
    target = tmp_path / "store"
    done = run_cli("build", str(PP), "--store", str(target), "--no-overlaps")
    assert done.returncode == 0, done.stderr
    return target


@pytest.mark.parametrize(
    ("name", "content", "message", "line"),
    [
        ("empty.txt", b"", "file is empty", None),
        ("blank.txt", b" \n\t\n", "file is empty", None),
        ("picture.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (NUL byte)", 3),
        ("latin.txt", b"RESOLUTION 1\nline two\n\x81\x8d\x8f\x90 \x9d\n", "not valid UTF-8", 3),
        ("noise.txt", bytes(range(1, 256)) * 40, "not valid UTF-8", 2),
        ("words.txt", b"Just a few words,\nno resolution at all.\n", "no resolution", None),
    ],
)
def test_bad_files_are_refused_and_the_store_kept(store, tmp_path, name, content, message, line):
    before = _summary(store)
    path = tmp_path / name
    path.write_bytes(content)
    _refused(run_cli("build", str(path), "--store", str(store)), path, message, line)
    _refused(run_cli("parse", str(path)), path, message, line)
    assert _summary(store) == before


def test_windows_1252_with_smart_quotes_is_read_correctly(tmp_path):
    text = PP.read_text(encoding="utf-8").replace(
        "the need to avoid duplication", "the \u201cneed\u201d to avoid duplication \u2013 again"
    )
    path = tmp_path / "windows.txt"
    path.write_bytes(text.encode("cp1252"))
    done = run_cli("parse", str(path))
    assert done.returncode == 0, done.stderr
    model = json.loads(done.stdout)
    assert model["encoding"] == "windows-1252"
    (resolution,) = model["documents"][0]["resolutions"]
    texts = [c["text"] for s in resolution["sections"] for c in s["clauses"]]
    assert "the \u201cneed\u201d to avoid duplication \u2013 again of training material;" in texts
    utf8 = json.loads(run_cli("parse", str(PP)).stdout)["documents"][0]["resolutions"][0]
    assert [len(s["clauses"]) for s in resolution["sections"]] == [
        len(s["clauses"]) for s in utf8["sections"]
    ]


def test_utf16_with_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(PP.read_text(encoding="utf-8").encode("utf-16"))
    done = run_cli("parse", str(path))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["encoding"] == "utf-16"


def test_a_truncated_text_keeps_what_is_whole(tmp_path):
    text = PP.read_text(encoding="utf-8")
    cut = text[: text.index("instructs the Secretary-General") + 20]  # mid-heading
    path = tmp_path / "truncated.txt"
    path.write_text(cut, encoding="utf-8")
    done = run_cli("parse", str(path))
    assert done.returncode == 0, done.stderr
    (resolution,) = json.loads(done.stdout)["documents"][0]["resolutions"]
    sections = {s["heading"]: s for s in resolution["sections"]}
    instruct = "resolves to instruct the Director of the Telecommunication Development Bureau"
    assert [c["label"] for c in sections[instruct]["clauses"]] == ["1", "2"]
    assert sections["instructs the Secret"]["clauses"] == []  # the cut heading, empty
    assert "invites Member States and Sector Members" not in sections


def test_a_file_over_the_size_limit_is_refused_at_once(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.write(PP.read_bytes())
        handle.write(b"x" * (50 * 2**20))
    started = time.monotonic()
    _refused(run_cli("parse", str(path)), path, "50 MiB, more than the 32 MiB limit", None)
    assert time.monotonic() - started < 60


def test_a_line_of_a_megabyte_is_built(tmp_path):
    long = CLAUSE.replace("within", "of training " * 100_000 + "within")
    path = tmp_path / "long.txt"
    path.write_text(PP.read_text(encoding="utf-8").replace(CLAUSE, long), encoding="utf-8")
    assert len(long) > 1_000_000
    target = tmp_path / "store"
    done = run_cli("build", str(path), "--store", str(target), "--no-overlaps")
    assert done.returncode == 0, done.stderr
    assert any(len(t) > 1_000_000 for t in _clause_texts(target))


def test_thousands_of_clauses_are_all_stored(tmp_path):
    many = "\n".join(f"{n}\tto take action number {n} on training;" for n in range(1, 3001))
    text = PP.read_text(encoding="utf-8")
    start = text.index("resolves\n1\t")
    end = text.index("resolves to instruct")
    path = tmp_path / "many.txt"
    path.write_text(text[:start] + "resolves\n" + many + "\n" + text[end:], encoding="utf-8")
    target = tmp_path / "store"
    done = run_cli("build", str(path), "--store", str(target), "--no-overlaps")
    assert done.returncode == 0, done.stderr
    texts = _clause_texts(target)
    assert sum(1 for t in texts if t.startswith("to take action number")) == 3000
    assert "to take action number 2999 on training;" in texts


def test_control_characters_and_query_syntax_in_clauses_are_plain_text(tmp_path):
    hostile = (
        "3\tto keep <script>alert('x')</script> \"quoted\" {braces} ?x } ; "
        "DROP ALL ; INSERT DATA { <a> <b> <c> } . @prefix x: <y> .\x01\x02\x1f;"
    )
    path = tmp_path / "hostile.txt"
    path.write_text(PP.read_text(encoding="utf-8").replace(CLAUSE, hostile), encoding="utf-8")
    target = tmp_path / "store"
    done = run_cli("build", str(path), "--store", str(target), "--no-overlaps")
    assert done.returncode == 0, done.stderr
    expected = hostile.split("\t", 1)[1].replace("\x01", "").replace("\x02", "").replace("\x1f", "")
    assert expected in _clause_texts(target)


def test_parameters_with_quotes_and_keywords_are_bound_not_pasted(store):
    before = _summary(store)
    for value in ["x> } ; DROP ALL ; SELECT * { <y", 'body:tsag" } DROP ALL #']:
        done = run_cli("query", "mandates-of-body", "--param", f"body={value}",
                       "--store", str(store))  # fmt: skip
        assert done.returncode == 2 and "not a valid IRI" in done.stderr
    done = run_cli("query", "overlaps", "--param", "min_score=0 || true", "--store", str(store))
    assert done.returncode == 2 and "must be a decimal" in done.stderr
    done = run_cli("query", "mandates-of-body", "--param", "body=https://x.example/a'b;DROP",
                   "--format", "json", "--store", str(store))  # fmt: skip
    assert done.returncode == 0 and json.loads(done.stdout)["results"]["bindings"] == []
    assert _summary(store) == before


def _start_build(inputs: Path, store: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "itukg.cli", "build", str(inputs), "--store", str(store)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    """Forty generated resolutions: a build long enough to be killed in the middle."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from generate import generate

    folder = tmp_path_factory.mktemp("synthetic")
    generate(40, 7, folder)
    return folder


def test_a_build_killed_midway_leaves_the_previous_graph(store, synthetic):
    before = _summary(store)
    generations = set(store.iterdir())
    process = _start_build(synthetic, store)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not set(store.iterdir()) - generations - {
        store / ".lock"
    }:
        time.sleep(0.02)  # the new generation is being written: kill it now
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    assert _summary(store) == before
    done = run_cli("build", str(PP), "--store", str(store), "--no-overlaps")
    assert done.returncode == 0, done.stderr  # the lock died with the process
    assert _summary(store) == before
    generations = [p for p in store.iterdir() if p.name.startswith("gen-")]
    assert len(generations) == 2  # the new one and the one before it, both whole
    assert all((p / "itukg-complete").is_file() for p in generations)


def test_two_builds_at_once_never_corrupt_the_store(store, synthetic):
    first, second = _start_build(synthetic, store), _start_build(synthetic, store)
    outcomes = [p.wait(timeout=600) for p in (first, second)]
    errors = [p.stderr.read() for p in (first, second)]
    assert 0 in outcomes, errors
    for code, error in zip(outcomes, errors, strict=True):
        assert code == 0 or (code == 2 and "another build is writing" in error), error
        assert "Traceback" not in error
    summary = _summary(store)
    assert int(summary["resolutions"]) == 40  # the generated works, whole


def test_a_reader_that_stops_reading_ends_the_command_quietly():
    """'itukg parse … | head -c 100': the closed pipe is no internal error."""
    process = subprocess.Popen(
        [sys.executable, "-m", "itukg.cli", "parse", str(CORPUS), "--format", "json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.read(100)
    process.stdout.close()  # as head does after its bytes
    err = process.stderr.read().decode()
    assert process.wait(timeout=120) == 0, err
    assert first.startswith(b"{") and "internal error" not in err and "Traceback" not in err
