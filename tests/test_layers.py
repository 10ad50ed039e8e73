"""One direction of data: each package imports only the packages before it.

The order is the pipeline's: the shared modules (errors, namespaces, vocabulary, enums,
ontology, model), then read → parse → annotate → rdf → store → pipeline, then the uses
query → overlap → validate → export → serve. The command line (itukg/cli.py,
itukg/cli_options.py and every package's cli.py) is the assembly on top: it may import
anything, and nothing else may import it. Imports are read from the source (ast), lazy
ones inside functions included, so a cycle hidden by a late import is caught.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parent.parent / "src" / "itukg"

ORDER = [
    "errors",
    "namespaces",
    "vocabulary",
    "enums",
    "ontology",
    "model",
    "read",
    "parse",
    "annotate",
    "rdf",
    "store",
    "pipeline",
    "query",
    "overlap",
    "validate",
    "export",
    "serve",
]
ASSEMBLY = "cli"


def layer_of(module: str) -> str:
    """The layer of a dotted module name under itukg: its first part, or the assembly."""
    parts = module.split(".")[1:]
    if not parts or parts[0] == "__init__":
        return "itukg"
    if parts[0] in ("cli", "cli_options", "__main__") or parts[-1] == "cli":
        return ASSEMBLY
    return parts[0]


def module_name(path: Path, root: Path) -> str:
    relative = path.relative_to(root.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def imported_modules(path: Path, name: str) -> list[tuple[str, int]]:
    """Every itukg module that the file imports, with its line (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target == "itukg":  # `from itukg import rdf` imports the package rdf
                found += [(f"itukg.{alias.name}", node.lineno) for alias in node.names]
            else:
                found.append((target, node.lineno))
    return [(m, line) for m, line in found if m == "itukg" or m.startswith("itukg.")]


def violations(root: Path) -> list[str]:
    """Each import that goes against the order, as 'file:line: a imports b'."""
    rank = {layer: i for i, layer in enumerate(ORDER)}
    wrong = []
    for path in sorted(root.rglob("*.py")):
        name = module_name(path, root)
        mine = layer_of(name)
        for target, line in imported_modules(path, name):
            theirs = layer_of(target)
            if theirs == "itukg" or theirs == mine or mine == ASSEMBLY:
                continue
            if theirs not in rank and theirs != ASSEMBLY:
                continue  # `from itukg import __version__` names no package
            # the package root and the stages never import the command line
            if mine == "itukg" or theirs == ASSEMBLY:
                allowed = False
            else:
                allowed = mine in rank and rank[theirs] < rank[mine]
            if not allowed:
                where = path.relative_to(root.parent)
                wrong.append(f"{where}:{line}: {mine} imports {theirs} ({target})")
    return wrong


def test_every_package_is_in_the_order():
    packages = {p.name for p in SOURCE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    modules = {p.stem for p in SOURCE.glob("*.py")} - {"__init__", "__main__", "cli", "cli_options"}
    assert packages | modules <= set(ORDER), (packages | modules) - set(ORDER)


def test_no_stage_imports_a_later_one():
    assert violations(SOURCE) == []


def test_a_later_import_is_caught(tmp_path):
    """The check fails on the cycle the code once had: the pipeline importing a use."""
    root = tmp_path / "itukg"
    (root / "pipeline").mkdir(parents=True)
    (root / "overlap").mkdir()
    for package in ("", "pipeline", "overlap"):
        (root / package / "__init__.py").write_text("")
    (root / "pipeline" / "__init__.py").write_text(
        "def build():\n    from itukg.overlap.detect import refresh\n    return refresh\n"
    )
    (root / "overlap" / "detect.py").write_text("from itukg.store import amend\n")
    found = violations(root)
    assert found == [
        "itukg/pipeline/__init__.py:2: pipeline imports overlap (itukg.overlap.detect)"
    ]


@pytest.mark.parametrize(
    ("module", "layer"),
    [
        ("itukg.rdf.graph", "rdf"),
        ("itukg.query.cli", ASSEMBLY),
        ("itukg.cli_options", ASSEMBLY),
        ("itukg.model", "model"),
    ],
)
def test_layer_of(module, layer):
    assert layer_of(module) == layer
