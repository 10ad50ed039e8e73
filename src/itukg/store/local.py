"""The embedded Oxigraph store on disk, replaced whole and atomically.

A store folder holds numbered generations (gen-1, gen-2 …, each a pyoxigraph/RocksDB
folder) and a symbolic link `current` to the one in use. A writer holds the folder's
lock, writes everything into a new generation (the data and what is derived from it,
such as the overlap pairs), marks it complete with a file written last, and only then
swaps the link (an atomic rename). A failed or killed writer therefore leaves nothing a
reader follows: `current` only ever names a complete generation, and a partial one is
removed by the next writer. The previous complete generation is kept, so that a reader
can fall back to it when the current one is damaged.
"""

from __future__ import annotations

import errno
import fcntl
import gc
import json
import os
import re
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any

from itukg.errors import StoreError

CURRENT = "current"
LOCK = ".lock"
COMPLETE = "itukg-complete"  # written last into a generation: everything is in it
PREFIX = "gen-"
DEFAULT_STORE = Path(".itukg") / "store"
FRESH = "'itukg build' will write a fresh one"

Addition = Callable[[Any], bytes | str]
"""Given the graph being written (a store that answers queries), N-Triples to add to it."""

_held: dict[Path, int] = {}  # store folders whose lock this process holds, and how deep
_warned: set[str] = set()


def default_store() -> Path:
    """ITUKG_STORE, or .itukg/store under the working folder."""
    return Path(os.environ.get("ITUKG_STORE", DEFAULT_STORE))


def current_generation(root: Path) -> Path | None:
    """The folder `current` names, or None when there is none (or the link is broken)."""
    link = root / CURRENT
    if not link.is_symlink() and not link.exists():
        return None
    target = link.resolve()
    return target if target.is_dir() else None


def complete_generations(root: Path) -> list[Path]:
    """The generations marked complete, newest first."""
    found = [p for p in root.glob(PREFIX + "*") if (p / COMPLETE).is_file()]
    return sorted(found, key=_number, reverse=True)


def _number(path: Path) -> int:
    tail = path.name[len(PREFIX) :]
    return int(tail) if tail.isdigit() else 0


def _label(path: Path) -> str:
    """'generation 3 (gen-3)', or the folder's name for a store written before numbering."""
    number = _number(path)
    return f"generation {number} ({path.name})" if number else f"generation {path.name}"


def open_read(root: Path | None = None) -> Any:
    """The current graph, opened read-only (several readers may share it). When `current`
    is broken or its generation damaged, the newest intact complete generation is read
    instead, with a warning; when there is none, a StoreError says what is wrong."""
    import pyoxigraph

    root = Path(root or default_store())
    link = root / CURRENT
    failed: Path | None = None
    if link.is_symlink():
        pointed = os.readlink(link)
        failed = (root / pointed).resolve()
        if not failed.is_dir():
            problem = f"{link} is a broken link: it points at {pointed}, which is not there"
        else:
            try:
                return pyoxigraph.Store.read_only(str(failed))
            except (OSError, RuntimeError) as err:
                problem = f"{root}: {_label(failed)} is damaged: {_damage(err)}"
    elif link.exists():
        problem = f"{link} is not a link to a generation"
    else:
        problem = f"{link} is missing"
    damaged_too: list[str] = []
    for generation in complete_generations(root):
        if generation.resolve() == failed:
            continue
        try:
            store = pyoxigraph.Store.read_only(str(generation))
        except (OSError, RuntimeError):
            damaged_too.append(_label(generation))
            continue
        _warn(f"{problem}; reading the previous graph, {_label(generation)}; {FRESH}")
        return store
    if failed is None and not link.exists():
        raise StoreError(f"{root}: no graph here yet; run 'itukg build' first (or pass --store)")
    earlier = "there is no earlier graph"
    if damaged_too:
        earlier = f"the earlier {' and '.join(damaged_too)} cannot be read either"
    raise StoreError(f"{problem}; {earlier}; {FRESH}")


def _warn(message: str) -> None:
    """Once a process: a command that opens the graph twice says it once."""
    if message not in _warned:
        _warned.add(message)
        sys.stderr.write(f"itukg: warning: {message}\n")


def _damage(err: BaseException) -> str:
    """What RocksDB's message says is wrong, in plain words, with the file it names."""
    text = str(err)
    named = re.search(r"([^\s/:]+\.sst|MANIFEST-\d+|CURRENT|OPTIONS-\d+)\b", text)
    name = named.group(1) if named else None
    if "No such file or directory" in text:
        return f"a file of its database is missing ({name})" if name else "files are missing"
    if "Permission denied" in text:
        return f"cannot be read: permission denied ({name or 'a file'})"
    if "sst" in text.lower() and ("Corruption" in text or "mismatch" in text):
        return f"a data file is corrupted ({name})"
    if "MANIFEST" in text:
        return f"its MANIFEST is corrupted ({name})"
    return text.splitlines()[0] if text else type(err).__name__


def damaged(err: BaseException) -> StoreError | None:
    """A StoreError naming the generation when err is RocksDB finding a damaged file of one
    while answering (a corrupted block is only seen when it is read); None otherwise."""
    text = str(err)
    where = re.search(r"(\S*/)?(" + PREFIX + r"[^/\s]+)/", text)
    if not isinstance(err, (OSError, RuntimeError)) or where is None:
        return None
    if not text.startswith(("Corruption:", "IO error:")):
        return None
    folder = f"{where.group(1).rstrip('/')}: " if where.group(1) else ""
    return StoreError(f"{folder}{_label(Path(where.group(2)))} is damaged: {_damage(err)}; {FRESH}")


@contextmanager
def lock(root: Path) -> Iterator[None]:
    """Hold the folder's write lock, for one writer at a time: a second one fails at once
    with a clear message. Taken again by the same process, it is already held."""
    root = _folder(root)
    key = root.resolve()
    if key in _held:
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    with _lock_file(root) as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreError(
                f"{root}: another build is writing to this store; try again when it has finished"
            ) from None
        _held[key] = 1
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(str(os.getpid()))
            handle.flush()
            yield
        finally:
            del _held[key]


def _lock_file(root: Path) -> IO[str]:
    try:
        return open(root / LOCK, "a+")
    except OSError as err:
        raise StoreError(f"{root}: cannot take the store's lock: {err.strerror or err}") from None


def _folder(root: Path) -> Path:
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise StoreError(f"{root}: cannot create the store folder: {err.strerror or err}") from None
    return root


def replace(
    root: Path | None, ntriples: Iterable[bytes | str], additions: Iterable[Addition] = ()
) -> int:
    """Load N-Triples documents into a new generation, add what each addition derives from
    them, and make it current when all of it is there; return its size in triples."""
    root = Path(root or default_store())
    with lock(root):
        return _write(root, False, None, ntriples, additions)


def amend(
    root: Path | None,
    update: str,
    ntriples: Iterable[bytes | str] = (),
    additions: Iterable[Addition] = (),
) -> int:
    """A new generation made of the current one, what the additions derive from it (they
    read it as it was), a SPARQL update (to forget what is recomputed) and N-Triples to
    add; made current when complete. Returns its size."""
    root = Path(root or default_store())
    with lock(root):
        return _write(root, True, update, ntriples, additions)


def _write(
    root: Path,
    from_current: bool,
    update: str | None,
    ntriples: Iterable[bytes | str],
    additions: Iterable[Addition],
) -> int:
    import pyoxigraph

    nt = pyoxigraph.RdfFormat.N_TRIPLES
    number = max((_number(p) for p in root.glob(PREFIX + "*")), default=0) + 1  # never reused
    _remove_partial(root)
    previous = current_generation(root)
    source = _readable_current(root) if from_current else None
    generation = root / f"{PREFIX}{number}"
    try:
        if source is not None:
            source.backup(str(generation))
            del source
        store = pyoxigraph.Store(str(generation))
        if not from_current:
            for chunk in ntriples:
                store.bulk_load(chunk, format=nt)
        added = [add(store) for add in additions]
        if update:
            store.update(update)
        if from_current:
            for chunk in ntriples:
                store.bulk_load(chunk, format=nt)
        for chunk in added:
            store.bulk_load(chunk, format=nt)
        store.optimize()  # compacted once here, every later query reads fewer files
        store.flush()
        size = len(store)
        del store
        gc.collect()
        _mark_complete(generation, size)
        _switch(root, generation.name)
    except BaseException as err:
        shutil.rmtree(generation, ignore_errors=True)
        if isinstance(err, OSError) or damaged(err):
            raise _write_error(root, generation, previous, err) from None
        raise
    _remove_old(root, keep={generation.name, previous.name if previous else ""})
    return size


def _readable_current(root: Path) -> Any:
    """The current generation, read-only, to build the next one from; never a fallback."""
    import pyoxigraph

    link = root / CURRENT
    generation = current_generation(root)
    if generation is None:
        if link.is_symlink():
            pointed = os.readlink(link)
            raise StoreError(
                f"{link} is a broken link: it points at {pointed}, which is not there; {FRESH}"
            )
        raise StoreError(f"{root}: no graph here yet; run 'itukg build' first (or pass --store)")
    try:
        return pyoxigraph.Store.read_only(str(generation))
    except (OSError, RuntimeError) as err:
        raise StoreError(
            f"{root}: {_label(generation)} is damaged: {_damage(err)}; {FRESH}"
        ) from None


def _write_error(
    root: Path, generation: Path, previous: Path | None, err: BaseException
) -> StoreError:
    """What a failed write says: why, and that the graph readers see is the one before."""
    kept = "the previous graph is intact" if previous else "nothing was stored"
    text = getattr(err, "strerror", None) or str(err)
    problem = damaged(err)
    if problem and f"{generation.name}/" not in str(err):
        return problem  # the generation read from is damaged, not the one written
    if getattr(err, "errno", None) == errno.ENOSPC or "No space left on device" in str(err):
        return StoreError(
            f"{root}: no space left on {_mount_point(root)} while writing {_label(generation)}; "
            f"{kept}"
        )
    if getattr(err, "errno", None) == errno.EDQUOT or "Disk quota exceeded" in str(err):
        return StoreError(f"{root}: disk quota exceeded while writing {_label(generation)}; {kept}")
    return StoreError(f"{root}: cannot write {_label(generation)}: {text}; {kept}")


def _mount_point(path: Path) -> Path:
    """The mount point of the file system holding path (what a person frees space on)."""
    path = path.resolve()
    device = path.stat().st_dev
    while path.parent != path and path.parent.stat().st_dev == device:
        path = path.parent
    return path


def _mark_complete(generation: Path, size: int) -> None:
    """Write the marker last, durably: only a generation holding it is ever linked to."""
    marker = generation / COMPLETE
    partial = generation / f".{COMPLETE}"
    with open(partial, "w", encoding="utf-8") as handle:
        json.dump({"triples": size}, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, marker)
    _sync(generation)


def _switch(root: Path, name: str) -> None:
    """Point `current` at the generation, in one rename."""
    link = root / f".{CURRENT}.{os.getpid()}"
    if link.is_symlink():
        link.unlink()
    os.symlink(name, link)
    os.replace(link, root / CURRENT)
    with suppress(OSError):  # switched: a failure to sync must not undo it
        _sync(root)


def _sync(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _remove_partial(root: Path) -> None:
    """Generations a killed writer left without their marker (never linked to)."""
    current = current_generation(root)
    for path in root.glob(PREFIX + "*"):
        if path.resolve() != current and not (path / COMPLETE).is_file():
            shutil.rmtree(path, ignore_errors=True)


def _remove_old(root: Path, keep: set[str]) -> None:
    for path in root.glob(PREFIX + "*"):
        if path.name not in keep:
            shutil.rmtree(path, ignore_errors=True)
