"""itukg: a knowledge graph of ITU mandates.

Data flows one way, each stage a sub-package that imports only the stages before it and
the shared modules at this level (errors, namespaces, vocabulary, enums, ontology, model):

    read → parse → annotate → rdf → store → pipeline → query → overlap → validate
    → export → serve

`pipeline` runs read … store over many files. The command line (`cli.py` here and each
package's own `cli.py`) is the assembly on top: it may import any stage, and no stage
imports it. tests/test_layers.py checks all of this.
"""

__version__ = "0.1.0"
