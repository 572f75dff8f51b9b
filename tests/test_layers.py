"""The package's imports go one way: a test walks every module's imports with ``ast``.

The declared order, bottom to top (README, "Layout"):

  0 base       records, errors, config, datafiles, context, stages, readers
  1 language   nlp, truecase, parse, actors, dates, places, events, claims, treaties, merge
               (in that order: a stage package may import itself and the ones before it)
  2 wiring     resources (loads the language data of a Config), pipeline (the runner)
  3 store      store/*
  4 services   ingest, alliances, db (the Database facade)
  5 top        api, eval, cli, training, the package's __init__

A module may import its own layer's earlier parts and any lower layer, never a higher one;
and no import cycle exists between modules.  Imports under ``if TYPE_CHECKING:`` are
annotations only and do not count.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "pactwatch"

LAYERS: tuple[tuple[str, ...], ...] = (
    ("records", "errors", "config", "datafiles", "context", "stages", "readers"),
    ("nlp", "truecase", "parse", "actors", "dates", "places", "events", "claims", "treaties", "merge"),
    ("resources", "pipeline"),
    ("store",),
    ("ingest", "alliances", "db"),
    ("api", "eval", "cli", "training", "__init__"),
)
ORDERED = {1}  # layers whose parts are ordered among themselves (the pipeline's stages)


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts}


def _type_checking_lines(tree: ast.AST) -> set[int]:
    lines = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The pactwatch modules ``path`` imports (at module level or inside functions)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip, found = _type_checking_lines(tree), set()
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in skip:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("pactwatch"))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("pactwatch"):
            found.update(_from_targets(node, known))
    return found


def _from_targets(node: ast.ImportFrom, known: set[str]) -> set[str]:
    base = node.module
    return {f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names}


def place(module: str) -> tuple[int, int]:
    """(layer, position within the layer) of a pactwatch module."""
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else "__init__"
    for layer, names in enumerate(LAYERS):
        if top in names:
            return layer, names.index(top)
    raise AssertionError(f"{module} is in no declared layer: add it to LAYERS and the README")


def allowed(importer: str, imported: str) -> bool:
    (la, pa), (lb, pb) = place(importer), place(imported)
    if lb != la:
        return lb < la
    return la not in ORDERED or pb <= pa


@pytest.fixture(scope="module")
def graph() -> nx.DiGraph:
    mods = modules()
    g = nx.DiGraph()
    g.add_nodes_from(mods)
    for name, path in mods.items():
        g.add_edges_from((name, target) for target in imports_of(path, set(mods))
                         if target != name and target in mods)
    return g


def test_every_module_is_in_a_declared_layer(graph):
    for module in graph:
        place(module)


def test_no_import_goes_against_the_layer_order(graph):
    wrong = sorted(f"{a} -> {b}" for a, b in graph.edges if not allowed(a, b))
    assert wrong == []


def test_no_import_cycles(graph):
    cycles = [sorted(c) for c in nx.strongly_connected_components(graph) if len(c) > 1]
    assert cycles == []


def test_the_walker_sees_function_level_imports(tmp_path):
    file = tmp_path / "m.py"
    file.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                    "    from pactwatch.cli import main\n"
                    "def f():\n    from pactwatch.store import db\n    import pactwatch.api\n")
    assert imports_of(file, {"pactwatch.store.db"}) == {"pactwatch.store.db", "pactwatch.api"}


def test_the_order_rules():
    assert allowed("pactwatch.claims.build", "pactwatch.events.lexicon")
    assert not allowed("pactwatch.nlp", "pactwatch.places.gazetteer")
    assert not allowed("pactwatch.store.db", "pactwatch.ingest")
    assert allowed("pactwatch.db", "pactwatch.store.db")
    assert not allowed("pactwatch.claims.train", "pactwatch.eval.polnear")


def test_no_source_file_is_over_600_lines():
    long = {module_name(p): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 600}
    assert long == {}
