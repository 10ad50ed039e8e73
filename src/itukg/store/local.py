"""The embedded Oxigraph store on disk, replaced whole and atomically.

A store folder holds generations (gen-…, each a pyoxigraph/RocksDB folder) and a
symbolic link `current` to the one in use. A build writes a new generation, and only
when it is complete swaps the link (an atomic rename), so a failed or killed build
leaves the previous graph as it was. One build at a time holds the folder's lock.
"""

from __future__ import annotations

import fcntl
import gc
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from itukg.errors import StoreError

CURRENT = "current"
LOCK = ".lock"
DEFAULT_STORE = Path(".itukg") / "store"


def default_store() -> Path:
    """ITUKG_STORE, or .itukg/store under the working folder."""
    return Path(os.environ.get("ITUKG_STORE", DEFAULT_STORE))


def current_generation(root: Path) -> Path | None:
    link = root / CURRENT
    if not link.is_symlink() and not link.exists():
        return None
    target = link.resolve()
    return target if target.is_dir() else None


def open_read(root: Path | None = None):
    """The current graph, opened read-only (several readers may share it)."""
    import pyoxigraph

    root = Path(root or default_store())
    generation = current_generation(root)
    if generation is None:
        raise StoreError(f"{root}: no graph here yet; run 'itukg build' first (or pass --store)")
    try:
        return pyoxigraph.Store.read_only(str(generation))
    except OSError as err:
        raise StoreError(f"{root}: cannot open the store: {err}") from None


@contextmanager
def _write_lock(root: Path) -> Iterator[None]:
    root.mkdir(parents=True, exist_ok=True)
    with open(root / LOCK, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreError(
                f"{root}: another build is writing to this store; try again when it has finished"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield


def replace(root: Path | None, ntriples: list[bytes | str]) -> int:
    """Load N-Triples documents into a new generation and make it current; return its size."""
    return _new_generation(Path(root or default_store()), None, None, ntriples)


def amend(root: Path | None, update: str, ntriples: list[bytes | str]) -> int:
    """A new generation made of the current one, a SPARQL update (to forget what is
    recomputed) and N-Triples to add; made current when complete. Returns its size."""
    root = Path(root or default_store())
    if current_generation(root) is None:
        raise StoreError(f"{root}: no graph here yet; run 'itukg build' first (or pass --store)")
    return _new_generation(root, root, update, ntriples)


def _new_generation(
    root: Path, base: Path | None, update: str | None, ntriples: list[bytes | str]
) -> int:
    import pyoxigraph

    with _write_lock(root):
        name = f"gen-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
        generation = root / name
        try:
            if base is not None:
                source = current_generation(base)
                pyoxigraph.Store.read_only(str(source)).backup(str(generation))
            store = pyoxigraph.Store(str(generation))
            if update:
                store.update(update)
            for chunk in ntriples:
                store.bulk_load(chunk, format=pyoxigraph.RdfFormat.N_TRIPLES)
            store.optimize()  # compacted once here, every later query reads fewer files
            store.flush()
            size = len(store)
            del store
            gc.collect()
        except BaseException:
            shutil.rmtree(generation, ignore_errors=True)
            raise
        link = root / f".{CURRENT}.{os.getpid()}"
        if link.is_symlink():
            link.unlink()
        os.symlink(name, link)
        os.replace(link, root / CURRENT)
        _remove_old_generations(root, keep=name)
        return size


def _remove_old_generations(root: Path, keep: str) -> None:
    for path in root.glob("gen-*"):
        if path.name != keep:
            shutil.rmtree(path, ignore_errors=True)
