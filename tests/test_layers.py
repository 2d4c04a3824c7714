"""The package's layering (docs/architecture.md): no import circle, no upward import.

Every import is read from the source, including imports inside functions and
under ``TYPE_CHECKING``, so a lazy import cannot hide a circle.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

import reportdiff

PACKAGE = Path(reportdiff.__file__).parent

#: Layer of each module (a package's entry covers its submodules), bottom first.
#: A module may import its own layer's shared facts only where said below, and
#: any lower layer.  Stage packages never import each other.
LAYERS: dict[str, int] = {
    "reportdiff._text": 0,
    "reportdiff._vocab": 0,
    "reportdiff._numerals": 0,
    "reportdiff._version": 0,
    "reportdiff._lazy": 0,
    "reportdiff.errors": 1,
    "reportdiff.model": 1,
    "reportdiff._tokens": 2,
    "reportdiff._lcs": 2,
    "reportdiff.similarity": 2,
    "reportdiff._load": 3,
    "reportdiff._parse": 3,
    "reportdiff._align": 3,
    "reportdiff._diff": 3,
    "reportdiff._indicators": 3,
    "reportdiff.trends": 4,
    "reportdiff._compare": 5,
    "reportdiff.tables": 6,
    "reportdiff.plot": 6,
    "reportdiff.corpus": 6,
    "reportdiff.render": 7,
    "reportdiff.report_html": 7,
    "reportdiff._formats": 7,
    "reportdiff._cli": 8,
    "reportdiff.cli": 8,
    "reportdiff.__main__": 9,
    "reportdiff": 9,
}
#: Layers whose members must not import one another (each is an independent stage).
SIBLINGS_APART = {3}


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _owner(module: str) -> str | None:
    """The LAYERS entry that covers ``module`` (longest prefix), or None."""
    best = None
    for name in LAYERS:
        if (module == name or module.startswith(name + ".")) and (best is None or len(name) > len(best)):
            best = name
    return best


def _imports(path: Path, module: str) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_pkg = path.name == "__init__.py"
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("reportdiff"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                pkg = module.split(".") if is_pkg else module.split(".")[:-1]
                pkg = pkg[: len(pkg) - (node.level - 1)]
                base = ".".join([*pkg, base] if base else pkg)
            if not base.startswith("reportdiff"):
                continue
            for a in node.names:
                sub = f"{base}.{a.name}"
                out.add(sub if _is_module(sub) else base)
    return out


def _is_module(name: str) -> bool:
    rel = Path(*name.split("."))
    root = PACKAGE.parent
    return (root / rel).with_suffix(".py").exists() or (root / rel / "__init__.py").exists()


@functools.cache
def _graph() -> dict[str, set[str]]:
    """Each module's imports of the package's modules (parsed on first use, not at collection)."""
    graph: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = _module_name(path)
        graph[name] = {m for m in _imports(path, name) if m != name}
    return graph


MODULES = sorted(_module_name(path) for path in PACKAGE.rglob("*.py"))


def test_every_module_has_a_layer() -> None:
    """A new module must be placed in the layering before it can be imported."""
    assert [] == sorted(m for m in _graph() if _owner(m) is None)


@pytest.mark.parametrize("module", MODULES)
def test_no_upward_or_sideways_import(module: str) -> None:
    """A module imports only from lower layers (or inside its own package)."""
    own = _owner(module)
    assert own is not None
    bad = []
    for target in sorted(_graph()[module]):
        dest = _owner(target)
        if dest is None or dest == own or own == "reportdiff":
            continue
        if LAYERS[dest] > LAYERS[own] or (LAYERS[dest] == LAYERS[own] and LAYERS[own] in SIBLINGS_APART):
            bad.append(f"{module} → {target}")
    assert [] == bad


def test_no_import_circle() -> None:
    """Following imports from any module never leads back to it."""
    cycles: list[str] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for t in sorted(_graph().get(m, ())):
            if t not in _graph() or t == "reportdiff":
                continue
            if state.get(t) == 1:
                cycles.append(" → ".join([*stack[stack.index(t):], t]))
            elif t not in state:
                visit(t)
        stack.pop()
        state[m] = 2

    for m in sorted(_graph()):
        if m not in state:
            visit(m)
    assert [] == cycles


def test_stage_modules_are_private_and_functions_public() -> None:
    """``reportdiff.parse`` is the function; the stage's module is ``reportdiff._parse``."""
    import importlib

    for name in ("load", "parse", "align", "compare"):
        assert callable(getattr(reportdiff, name))
        module = importlib.import_module(f"reportdiff._{name}")
        assert getattr(module, name) is getattr(reportdiff, name)
