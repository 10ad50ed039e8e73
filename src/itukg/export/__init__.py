"""Export use: networkx views of the graph (citations, mandates, overlaps) written as
GraphML, GEXF, node-link JSON, DOT, SVG/PNG and an offline HTML page (views.py,
formats.py, assets/), and the side-by-side compilation of parallel resolutions
(compilation.py).

May import: the shared modules, store, query and overlap (the compilation aligns clauses
with the overlap package's similarity index).
"""

from itukg.export.compilation import compile_versions, to_markdown
from itukg.export.formats import FORMATS, SUFFIXES, write
from itukg.export.views import VIEWS, ViewFilters, build_view

__all__ = [
    "FORMATS",
    "SUFFIXES",
    "VIEWS",
    "ViewFilters",
    "build_view",
    "compile_versions",
    "to_markdown",
    "write",
]
