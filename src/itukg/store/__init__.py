"""Store stage: the graph on disk (embedded Oxigraph, replaced atomically), or in a SPARQL
server (store/remote.py). The functions here take either a folder or a Remote. What is
derived from a graph (the overlap pairs) comes in as additions, written with the graph in
the same change, so no reader ever sees the one without the other.

May import: the shared modules only; it stores N-Triples and knows nothing of the model.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any

from itukg.store import local
from itukg.store.local import Addition, default_store
from itukg.store.remote import Remote

Target = Path | Remote


def open_read(target: Target | None = None) -> Any:
    """Something to ask SPARQL queries: a read-only pyoxigraph store, or a RemoteStore."""
    if isinstance(target, Remote):
        from itukg.store.remote import RemoteStore

        return RemoteStore(target)
    return local.open_read(target)


def writing(target: Target | None) -> AbstractContextManager[None]:
    """Hold a store folder's write lock for a whole build (from before anything is read
    to the switch); a second writer fails at once. Nothing to hold for None (no store is
    written) or a remote graph, whose write is one request."""
    if target is None or isinstance(target, Remote):
        return nullcontext()
    return local.lock(Path(target))


def replace(
    target: Target | None, ntriples: Sequence[bytes | str], additions: Sequence[Addition] = ()
) -> int:
    """Replace the whole graph with N-Triples documents and what each addition derives
    from them, as one change; return its size in triples."""
    if isinstance(target, Remote):
        from itukg.store import remote

        return remote.replace(target, [*ntriples, *_derived(ntriples, additions)])
    return local.replace(target, ntriples, additions)


def amend(
    target: Target | None,
    update: str,
    ntriples: Sequence[bytes | str] = (),
    additions: Sequence[Addition] = (),
) -> int:
    """Add to the graph what each addition derives from it, after a SPARQL update (to
    forget what is recomputed) and with N-Triples, as one change; return its size."""
    if isinstance(target, Remote):
        from itukg.store import remote
        from itukg.store.remote import RemoteStore

        reader = RemoteStore(target) if additions else None
        derived = [add(reader) for add in additions]
        return remote.amend(target, update, [*ntriples, *derived])
    return local.amend(target, update, ntriples, additions)


def _derived(ntriples: Sequence[bytes | str], additions: Sequence[Addition]) -> list[bytes | str]:
    """What the additions derive from a graph not stored yet: read from it in memory."""
    if not additions:
        return []
    import pyoxigraph

    graph = pyoxigraph.Store()
    for chunk in ntriples:
        graph.bulk_load(chunk, format=pyoxigraph.RdfFormat.N_TRIPLES)
    return [add(graph) for add in additions]


__all__ = [
    "Addition",
    "Remote",
    "Target",
    "amend",
    "default_store",
    "open_read",
    "replace",
    "writing",
]
