"""Store stage: the graph on disk (embedded Oxigraph), replaced atomically."""

from itukg.store.local import default_store, open_read, replace

__all__ = ["default_store", "open_read", "replace"]
