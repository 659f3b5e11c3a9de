"""No import cycles in journeyctl, between modules or between its packages: each module's imports,
read from its source (imports inside functions too, which is where a cycle hides; not those under
`if TYPE_CHECKING:`), form no cycle.

A cycle means a module that cannot be imported first, and a function-level import to work around
it; a helper two modules share belongs in a third that both import (journeyctl.paths,
journeyctl.identity, journeyctl.markdown).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "journeyctl"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runtime_nodes(tree: ast.AST):
    """Every node but those under `if TYPE_CHECKING:` (imports for annotations only)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            yield from (inner for branch in node.orelse for inner in [branch, *_runtime_nodes(branch)])
            continue
        yield node
        yield from _runtime_nodes(node)


def import_graph() -> dict[str, set[str]]:
    """module -> the journeyctl modules it imports (a name imported from a package counts as the
    package, unless it is a module of it)."""
    files = {_module_name(path): path for path in PACKAGE.rglob("*.py")}

    def known(name: str) -> str | None:
        while name and name not in files:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        imported: set[str | None] = set()
        for node in _runtime_nodes(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                imported.update(known(alias.name) for alias in node.names if alias.name.startswith("journeyctl"))
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(
                        package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else [])
                    )
                if base.split(".")[0] == "journeyctl":
                    for alias in node.names:
                        imported.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in files else known(base))
        graph[name] = {module for module in imported if module and module != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for imported in sorted(graph[module]):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_the_graph_sees_imports_of_every_kind():
    graph = import_graph()
    assert "journeyctl.problems" in graph["journeyctl.lint.rule"]  # from journeyctl.problems import ...
    assert "journeyctl.lint.engine" in graph["journeyctl.render.run"]  # inside a function
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_module_imports_itself_through_others():
    graph = import_graph()
    described = [
        "  "
        + " <-> ".join(component)
        + "\n    "
        + "\n    ".join(f"{module} imports {', '.join(sorted(graph[module] & set(component)))}" for module in component)
        for component in cycles(graph)
    ]
    assert not described, "import cycles in src/journeyctl:\n" + "\n".join(described)


def package_of(module: str) -> str:
    """journeyctl.X for a module of the subpackage X, or the top-level module itself. The checks
    (journeyctl.lint.rule and the rule modules) are a layer of their own below lint: the loader and
    fmt import the CHECK they report from its rule module."""
    if module == "journeyctl.lint.rule" or module.startswith("journeyctl.lint.rules"):
        return "journeyctl.lint.rules"
    return ".".join(module.split(".")[:2])


def test_no_package_imports_itself_through_others():
    graph = import_graph()
    packages: dict[str, set[str]] = {}
    why: dict[tuple[str, str], list[str]] = {}
    for module, imported in graph.items():
        packages.setdefault(package_of(module), set())
        for other in imported:
            if package_of(other) != package_of(module):
                packages[package_of(module)].add(package_of(other))
                why.setdefault((package_of(module), package_of(other)), []).append(f"{module} imports {other}")
    described = [
        "  "
        + " <-> ".join(component)
        + "\n    "
        + "\n    ".join(
            reason for first in component for second in component for reason in why.get((first, second), [])[:3]
        )
        for component in cycles(packages)
    ]
    assert not described, "import cycles between the packages of src/journeyctl:\n" + "\n".join(described)
