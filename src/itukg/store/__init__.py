"""Store stage: the graph on disk (embedded Oxigraph), replaced atomically."""

from itukg.store.local import amend, default_store, open_read, replace

__all__ = ["amend", "default_store", "open_read", "replace"]
