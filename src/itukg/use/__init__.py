"""Use stage: what people do with the stored graph (query, and later validate, export …)."""
