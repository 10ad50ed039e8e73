"""Validate use: a draft is read, parsed, annotated and built like any text, then checked
with the SHACL shapes of ontology/shapes/ against the graph (what the store knows of the
resolutions it cites), plus the repeated-mandate check of the overlap detector.

May import: every stage before it (read … store) and the query and overlap uses; it calls
the stages directly, not through the build pipeline.
"""

from itukg.validate.check import Report, Result, format_text, validate

__all__ = ["Report", "Result", "format_text", "validate"]
