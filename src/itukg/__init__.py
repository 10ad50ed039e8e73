"""itukg: a knowledge graph of ITU mandates.

Data flows one way: read → parse → annotate → build → store → use. Each stage is a
sub-package that imports only earlier stages and the shared modules at this level
(errors, namespaces, ontology).
"""

__version__ = "0.1.0"
