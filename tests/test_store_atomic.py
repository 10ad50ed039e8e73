"""A build is one atomic step, through the real command line: data and overlap pairs go into
a new generation that becomes current only when all of it is there; a second build fails
at once; a killed build leaves nothing a reader or the next build sees; and every store
fault (disk full, a damaged generation, a broken link) is one plain line with exit 2."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import CLEAN, CORPUS, run_cli

from itukg.errors import StoreError
from itukg.store import local

ITU = "https://w3id.org/itukg/ontology#"
DANGLING = (  # pairs that point at a clause the graph does not hold
    f"SELECT (COUNT(*) AS ?n) WHERE {{ ?o <{ITU}overlapOf> ?c "
    f"FILTER NOT EXISTS {{ ?c <{ITU}text> ?t }} }}"
)
FRESH = "'itukg build' will write a fresh one"

# Runs `itukg` with overlap detection made to announce itself (by writing the file named
# first) and then wait, so that a test can kill the process exactly while it detects.
SLOW_DETECTION = """
import sys, time
from pathlib import Path
import itukg.overlap.detect
detect_module = sys.modules["itukg.overlap.detect"]  # the package exports a function so named
def waiting(*args, **kwargs):
    Path(sys.argv[1]).write_text("detecting")
    time.sleep(600)
detect_module.detect = waiting
from itukg.cli import main
main(sys.argv[2:], prog_name="itukg")
"""


def _summary(store: Path) -> dict[str, int]:
    from itukg.query.questions import load_query, run

    (row,) = run(local.open_read(store), load_query("summary")).records()
    return {name: int(value) for name, value in row.items()}


def _dangling(store: Path) -> int:
    (row,) = local.open_read(store).query(DANGLING)
    return int(row["n"].value)


def _generations(store: Path) -> list[Path]:
    return sorted(p for p in store.iterdir() if p.name.startswith(local.PREFIX))


def _build(store: Path, *inputs: Path, overlaps: bool = True) -> subprocess.CompletedProcess:
    extra = [] if overlaps else ["--no-overlaps"]
    done = run_cli("build", *map(str, inputs), "--store", str(store), *extra)
    assert done.returncode == 0, done.stderr
    return done


def _start(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "itukg.cli", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _kill_while_detecting(tmp_path: Path, *args: str) -> None:
    flag = tmp_path / "detecting"
    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_DETECTION, str(flag), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 240
    while not flag.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert flag.exists(), process.communicate()
    os.kill(process.pid, signal.SIGKILL)
    process.wait()


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    """Forty generated resolutions: a build of several seconds."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from generate import generate

    folder = tmp_path_factory.mktemp("synthetic")
    generate(40, 7, folder)
    return folder


@pytest.fixture(scope="module")
def _with_overlaps(_clean_store_built) -> None:
    assert _summary(_clean_store_built)["overlaps"] > 0


@pytest.fixture()
def store(clean_store, _with_overlaps) -> Path:
    """A store holding the four clean resolutions and their overlap pairs."""
    return clean_store


def test_a_second_build_a_quarter_second_later_fails_and_the_store_stays_whole(store, synthetic):
    """The lock is held from before the inputs are read to the switch of `current`: a
    build started 0.25 s after one of several seconds stops at once (one exits 0, the other
    2), and every stored pair points at a clause of the stored graph."""
    first = _start("build", str(synthetic), "--store", str(store))
    time.sleep(0.25)
    second = _start("build", str(CLEAN / "ra_resolution.txt"), "--store", str(store))
    results = [(*p.communicate(timeout=600), p.returncode) for p in (first, second)]
    results = [(code, out, err) for out, err, code in results]
    codes = sorted(code for code, _, _ in results)
    assert codes == [0, 2], results
    (winner,) = [out for code, out, _ in results if code == 0]
    (loser,) = [err for code, _, err in results if code == 2]
    assert "another build is writing to this store" in loser and "Traceback" not in loser
    summary = _summary(store)
    assert f"overlaps: {summary['overlaps']}" in winner  # what it stored, whole
    assert f"triples: {summary['triples']}" in winner
    assert _dangling(store) == 0


def test_a_build_killed_during_overlap_detection_leaves_the_previous_graph(store, tmp_path):
    before, link = _summary(store), os.readlink(store / "current")
    _kill_while_detecting(tmp_path, "build", str(CORPUS), "--store", str(store))
    assert os.readlink(store / "current") == link
    assert _summary(store) == before  # the old graph, its overlaps included
    partial = [p for p in _generations(store) if not (p / local.COMPLETE).exists()]
    assert len(partial) == 1  # on disk, but no reader follows it
    assert partial[0].name != link and partial[0] not in local.complete_generations(store)
    _build(store, CLEAN / "pp_resolution.txt", overlaps=False)  # the lock died with it
    assert not partial[0].exists()
    assert all((p / local.COMPLETE).is_file() for p in _generations(store))
    assert _summary(store)["resolutions"] == 1


def test_the_overlaps_command_killed_while_detecting_leaves_the_stored_pairs(store, tmp_path):
    before, link = _summary(store), os.readlink(store / "current")
    _kill_while_detecting(tmp_path, "overlaps", "--store", str(store))
    assert os.readlink(store / "current") == link and _summary(store) == before


def test_the_overlaps_command_writes_a_new_complete_generation(store):
    before, link = _summary(store), os.readlink(store / "current")
    done = run_cli("overlaps", "--limit", "1", "--store", str(store))
    assert done.returncode == 0, done.stderr
    now = os.readlink(store / "current")
    assert now != link and (store / now / local.COMPLETE).is_file()
    assert _summary(store) == before and _dangling(store) == 0


@pytest.mark.parametrize("delay", [1.5, 3.0, 4.5, 6.0])
def test_a_build_killed_at_any_moment_shows_one_whole_graph(store, tmp_path, delay):
    """Killed anywhere (reading, building, loading, detecting, switching), a reader sees
    the old graph or the new one, never the new data without its pairs."""
    before = _summary(store)
    process = _start("build", str(CORPUS), "--store", str(store))
    time.sleep(delay)
    process.kill()
    process.wait()
    after = _summary(store)
    if after != before:  # the build was over: the corpus, with its 189 pairs
        assert after["resolutions"] == 4 and after["overlaps"] > 100, after
    assert _dangling(store) == 0
    _build(store, CLEAN, overlaps=False)
    assert all((p / local.COMPLETE).is_file() for p in _generations(store))


def test_a_full_disk_is_named_and_the_previous_graph_kept(tmp_path):
    """On a 20 MB file system nearly filled, a corpus build runs out of space."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=20m", "tmpfs", str(disk)],
                             capture_output=True)  # fmt: skip
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (not root)")
    try:
        store = disk / "store"
        _build(store, CLEAN / "pp_resolution.txt", overlaps=False)
        before, link = _summary(store), os.readlink(store / "current")
        free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
        with open(disk / "filler", "wb") as filler:
            os.posix_fallocate(filler.fileno(), 0, free - 400_000)
        done = run_cli("build", str(CORPUS), "--store", str(store))
        assert done.returncode == 2, done.stderr
        assert (
            f"itukg: error: {store}: no space left on {disk.resolve()} while writing generation 2 "
            "(gen-2); the previous graph is intact"
        ) in done.stderr
        assert "Traceback" not in done.stderr and "internal error" not in done.stderr
        assert os.readlink(store / "current") == link and _summary(store) == before
        assert [p.name for p in _generations(store)] == [link]
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def test_no_space_for_the_link_is_named_too(store, monkeypatch):
    """ENOSPC when the new link is made (simulated in-process): the same message, and the
    new generation removed."""
    link, names = os.readlink(store / "current"), [p.name for p in _generations(store)]

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "symlink", full)
    with pytest.raises(StoreError, match=r"no space left on /\S* while writing generation 2 "
                       r"\(gen-2\); the previous graph is intact"):  # fmt: skip
        local.replace(store, ["<urn:a> <urn:b> <urn:c> .\n"])
    assert os.readlink(store / "current") == link
    assert [p.name for p in _generations(store)] == names


def _largest_sst(generation: Path) -> Path:
    return max(generation.glob("*.sst"), key=lambda p: p.stat().st_size)


def _damage(generation: Path, how: str) -> None:
    if how == "missing":
        _largest_sst(generation).unlink()
    elif how == "truncated":
        os.truncate(_largest_sst(generation), 1000)
    else:
        (manifest,) = generation.glob("MANIFEST-*")
        os.truncate(manifest, 100)


DAMAGE = {
    "missing": r"a file of its database is missing \(\d+\.sst\)",
    "truncated": r"a data file is corrupted \(\d+\.sst\)",
    "manifest": r"its MANIFEST is corrupted \(MANIFEST-\d+\)",
}


@pytest.mark.parametrize("how", sorted(DAMAGE))
def test_a_damaged_generation_is_named_and_build_writes_a_fresh_one(store, how):
    import re

    _damage(store / "current", how)
    done = run_cli("stats", "--store", str(store))
    assert done.returncode == 2, done.stderr
    assert re.search(
        rf"itukg: error: {re.escape(str(store))}: generation 1 \(gen-1\) is damaged: "
        rf"{DAMAGE[how]}; there is no earlier graph; {FRESH}", done.stderr
    ), done.stderr  # fmt: skip
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    done = run_cli("overlaps", "--store", str(store))
    assert done.returncode == 2 and "generation 1 (gen-1) is damaged" in done.stderr
    _build(store, CLEAN, overlaps=False)
    assert _summary(store)["resolutions"] == 4


def test_readers_fall_back_to_the_newest_intact_generation(store, capsys):
    before = _summary(store)
    _build(store, CLEAN / "pp_resolution.txt", overlaps=False)
    assert os.readlink(store / "current") == "gen-2"
    _damage(store / "gen-2", "missing")
    done = run_cli("stats", "--store", str(store))
    assert done.returncode == 0, done.stderr
    assert "resolutions: 4" in done.stdout  # the graph of generation 1
    assert done.stderr.count("itukg: warning:") == 1
    assert (
        f"itukg: warning: {store}: generation 2 (gen-2) is damaged: a file of its database is "
        "missing"
    ) in done.stderr
    assert f"reading the previous graph, generation 1 (gen-1); {FRESH}" in done.stderr
    assert _summary(store) == before  # what serve opens at start-up: open_read
    assert "reading the previous graph, generation 1 (gen-1)" in capsys.readouterr().err


def test_a_broken_current_link_is_named(store):
    shutil.rmtree(store / "gen-1")
    done = run_cli("stats", "--store", str(store))
    assert done.returncode == 2
    assert (
        f"itukg: error: {store / 'current'} is a broken link: it points at gen-1, which is not "
        f"there; there is no earlier graph; {FRESH}"
    ) in done.stderr
    assert "no graph here yet" not in done.stderr and "Traceback" not in done.stderr


def test_a_broken_link_falls_back_to_the_previous_generation(store):
    _build(store, CLEAN / "pp_resolution.txt", overlaps=False)
    shutil.rmtree(store / "gen-2")
    done = run_cli("stats", "--store", str(store))
    assert done.returncode == 0, done.stderr
    assert "resolutions: 4" in done.stdout
    assert "is a broken link: it points at gen-2, which is not there; reading the previous " \
           "graph, generation 1 (gen-1)" in done.stderr  # fmt: skip


def test_damage_found_while_answering_names_the_generation(tmp_path):
    """A corrupted block is only seen when a query reads it; RocksDB's message, as
    pyoxigraph raises it, becomes one plain line."""
    error = RuntimeError(
        f"Corruption: block checksum mismatch: stored = 0, computed = 4191564853, type = 4  "
        f"in {tmp_path}/store/gen-3/000011.sst offset 6052 size 705, block_type = Data"
    )
    problem = local.damaged(error)
    assert str(problem) == (
        f"{tmp_path}/store: generation 3 (gen-3) is damaged: a data file is corrupted "
        f"(000011.sst); {FRESH}"
    )
    assert local.damaged(RuntimeError("something else")) is None
    assert local.damaged(ValueError(f"Corruption: in {tmp_path}/gen-3/x.sst")) is None
