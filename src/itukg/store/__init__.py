"""Store stage: the graph on disk (embedded Oxigraph, replaced atomically), or in a SPARQL
server (store/remote.py). The functions here take either a folder or a Remote.

May import: the shared modules only; it stores N-Triples and knows nothing of the model.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from itukg.store import local
from itukg.store.local import default_store
from itukg.store.remote import Remote

Target = Path | Remote


def open_read(target: Target | None = None) -> Any:
    """Something to ask SPARQL queries: a read-only pyoxigraph store, or a RemoteStore."""
    if isinstance(target, Remote):
        from itukg.store.remote import RemoteStore

        return RemoteStore(target)
    return local.open_read(target)


def replace(target: Target | None, ntriples: list[bytes | str]) -> int:
    """Replace the whole graph with N-Triples documents; return its size in triples."""
    if isinstance(target, Remote):
        from itukg.store import remote

        return remote.replace(target, ntriples)
    return local.replace(target, ntriples)


def amend(target: Target | None, update: str, ntriples: list[bytes | str]) -> int:
    """Run a SPARQL update on the graph and add N-Triples, as one change."""
    if isinstance(target, Remote):
        from itukg.store import remote

        return remote.amend(target, update, ntriples)
    return local.amend(target, update, ntriples)


__all__ = ["Remote", "Target", "amend", "default_store", "open_read", "replace"]
